//! `data-assets template` and `data-assets check`: the blank ledger workbook and its
//! validation report.

use std::path::Path;

use data_assets_core::ErrorDetail;
use data_assets_io::Limits;
use data_assets_io::ledger::{Ledger, read_ledger, template};
use serde_json::json;

use crate::output::{Failure, error_json, fail, write_atomically};

/// Writes a blank ledger workbook to `out`.
pub fn run_template(out: &Path, as_json: bool) -> Result<(), Failure> {
    let bytes = template().map_err(|e| fail(vec![e]))?;
    write_atomically(out, &bytes).map_err(|e| fail(vec![e]))?;
    if as_json {
        out!(
            "{}",
            json!({ "ok": true, "out": out.display().to_string() })
        );
    } else {
        out!(
            "wrote a blank ledger workbook to {} (sheets 单位, 台账, 事项, 授权, 收益)",
            out.display()
        );
    }
    Ok(())
}

/// Reads and checks a ledger, printing a report. Returns whether it is valid.
pub fn run_check(file: &Path, as_json: bool) -> bool {
    match read_ledger(file, &Limits::default()) {
        Ok(ledger) => {
            print_valid(file, &ledger, as_json);
            true
        }
        Err(errors) => {
            print_invalid(file, &errors, as_json);
            false
        }
    }
}

fn print_valid(file: &Path, ledger: &Ledger, as_json: bool) {
    let counts = json!({
        "assets": ledger.assets.len(),
        "events": ledger.events.len(),
        "authorizations": ledger.authorizations.len(),
        "receipts": ledger.receipts.len(),
    });
    if as_json {
        out!(
            "{}",
            json!({
                "ok": true,
                "file": file.display().to_string(),
                "unit": ledger.unit.name,
                "counts": counts,
                "errors": [],
            })
        );
        return;
    }
    out!(
        "{}: valid ledger of {} ({}): {} assets, {} events, {} authorizations, {} receipts",
        file.display(),
        ledger.unit.name,
        ledger.unit.kind.label_zh(),
        ledger.assets.len(),
        ledger.events.len(),
        ledger.authorizations.len(),
        ledger.receipts.len()
    );
}

fn print_invalid<E: ErrorDetail>(file: &Path, errors: &[E], as_json: bool) {
    if as_json {
        let list: Vec<_> = errors
            .iter()
            .map(|e| error_json(e as &dyn ErrorDetail))
            .collect();
        out!(
            "{}",
            json!({ "ok": false, "file": file.display().to_string(), "errors": list })
        );
        return;
    }
    out!("{}: {} error(s)", file.display(), errors.len());
    for error in errors {
        out!("error[{}] {}", error.code(), error);
        out!("  allowed: {}", error.allowed());
    }
}
