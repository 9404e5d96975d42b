//! Bad-input catalog of the `data-assets` command (`survey`, `check` and `run`): each malformed
//! input must exit with status 1 and print the typed error code (status 2 for usage errors), and
//! leave the output directory as it was: nothing partial is written. docs/bad-inputs.md lists
//! the catalog.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const HEADER: &str = "seq,dataset_name,department,published_date,updated_date,open_type,\
record_count,update_frequency,formats,has_api,description";
const GOOD_ROW: &str =
    "1,企业年报,桂林市市场监督管理局,2021-11-26,2023-03-04,无条件开放,44270,每天,xls|csv,N,年报";

/// What the command is given, and what it must answer.
struct BadInput {
    name: &'static str,
    /// Catalog file contents; `None` passes a path that does not exist.
    catalog: Option<fn() -> Vec<u8>>,
    /// Extra arguments after the catalog path.
    args: &'static [&'static str],
    /// Expected exit status.
    status: i32,
    /// Expected first error code in the JSON output, for status 1.
    code: Option<&'static str>,
}

fn catalog_with(row: &str) -> Vec<u8> {
    format!("{HEADER}\n{GOOD_ROW}\n{row}\n").into_bytes()
}

const CATALOG: &[BadInput] = &[
    BadInput {
        name: "catalog_missing_file",
        catalog: None,
        args: &[],
        status: 1,
        code: Some("io.read_failed"),
    },
    BadInput {
        name: "catalog_empty_file",
        catalog: Some(Vec::new),
        args: &[],
        status: 1,
        code: Some("io.missing_column"),
    },
    BadInput {
        name: "catalog_missing_column",
        catalog: Some(|| b"seq,department\n1,x\n".to_vec()),
        args: &[],
        status: 1,
        code: Some("io.missing_column"),
    },
    BadInput {
        name: "catalog_unknown_open_type",
        catalog: Some(|| {
            catalog_with(
                &GOOD_ROW
                    .replace("无条件开放", "秘密开放")
                    .replace("1,", "2,"),
            )
        }),
        args: &[],
        status: 1,
        code: Some("io.invalid_value"),
    },
    BadInput {
        name: "catalog_invalid_date_in_second_row",
        catalog: Some(|| catalog_with(&GOOD_ROW.replace("2021-11-26", "2021-13-01"))),
        args: &[],
        status: 1,
        code: Some("io.invalid_value"),
    },
    BadInput {
        name: "catalog_29_digit_record_count",
        catalog: Some(|| catalog_with(&GOOD_ROW.replace("44270", "99999999999999999999999999999"))),
        args: &[],
        status: 1,
        code: Some("io.invalid_value"),
    },
    BadInput {
        name: "catalog_invalid_utf8",
        catalog: Some(|| {
            catalog_with("2,\u{fffd},x")
                .into_iter()
                .map(|b| if b == 0xef { 0xff } else { b })
                .collect()
        }),
        args: &[],
        status: 1,
        code: Some("io.invalid_file"),
    },
    BadInput {
        name: "catalog_rtl_and_control_characters",
        catalog: Some(|| catalog_with(&GOOD_ROW.replace("每天", "\u{202e}每天\u{0007}"))),
        args: &[],
        status: 1,
        code: Some("io.invalid_value"),
    },
    BadInput {
        name: "catalog_is_an_xlsx_zip",
        catalog: Some(|| b"PK\x03\x04\x14\x00\x00\x00".to_vec()),
        args: &[],
        status: 1,
        code: Some("io.missing_column"),
    },
    BadInput {
        name: "as_of_impossible_date",
        catalog: Some(|| catalog_with(GOOD_ROW)),
        args: &["--as-of", "2025-02-30"],
        status: 2,
        code: None,
    },
    BadInput {
        name: "as_of_wrong_format",
        catalog: Some(|| catalog_with(GOOD_ROW)),
        args: &["--as-of", "30/12/2025"],
        status: 2,
        code: None,
    },
    BadInput {
        name: "unknown_option",
        catalog: Some(|| catalog_with(GOOD_ROW)),
        args: &["--force"],
        status: 2,
        code: None,
    },
];

/// Lists every file under `dir` with its contents.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(snapshot(&path));
            } else {
                files.push((path.clone(), fs::read(&path).expect("readable")));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn bad_inputs_fail_cleanly() {
    let mut failures = Vec::new();
    for case in CATALOG {
        let work = tempfile::tempdir().expect("temporary directory");
        let catalog = work.path().join("catalog.csv");
        if let Some(contents) = case.catalog {
            fs::write(&catalog, contents()).expect("write catalog");
        }
        // An existing output directory with an earlier result must survive a failed run.
        let out = work.path().join("out");
        fs::create_dir_all(&out).expect("out directory");
        fs::write(out.join("summary.json"), b"{\"earlier\": true}").expect("earlier result");
        let before = snapshot(work.path());

        let output = Command::cargo_bin("data-assets")
            .expect("binary built")
            .arg("--json")
            .arg("survey")
            .arg(&catalog)
            .arg("--out")
            .arg(&out)
            .args(case.args)
            .output()
            .expect("command runs");

        let status = output.status.code().unwrap_or(-1);
        if status != case.status {
            failures.push(format!(
                "{}: exit status {status}, expected {}",
                case.name, case.status
            ));
        }
        if let Some(code) = case.code {
            let printed: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
            let first = printed["errors"][0]["code"]
                .as_str()
                .unwrap_or("none")
                .to_owned();
            if first != code {
                failures.push(format!("{}: code {first}, expected {code}", case.name));
            }
        }
        if snapshot(work.path()) != before {
            failures.push(format!("{}: the failed run changed files", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs failed:\n{}",
        failures.len(),
        CATALOG.len(),
        failures.join("\n")
    );
}

/// A valid JSON ledger of a 事业单位 (the institution of the built-in demo), as a JSON value.
fn ledger() -> Value {
    serde_json::from_str(include_str!("ledger-institution.json")).expect("ledger JSON")
}

fn ledger_json(change: fn(&mut Value)) -> Vec<u8> {
    let mut value = ledger();
    change(&mut value);
    value.to_string().into_bytes()
}

/// The same ledger as a workbook, written by the io crate.
fn ledger_xlsx() -> Vec<u8> {
    let ledger = data_assets_io::ledger::read_ledger_json(
        include_str!("ledger-institution.json").as_bytes(),
        "ledger.json",
    )
    .expect("valid ledger");
    data_assets_io::ledger::write_ledger_xlsx(&ledger).expect("workbook")
}

/// A case of the ledger commands: `check FILE` or `run FILE --as-of … --out OUT`.
struct LedgerInput {
    name: &'static str,
    /// File name, whose extension selects the reader.
    file: &'static str,
    contents: fn() -> Vec<u8>,
    command: &'static str,
    as_of: Option<&'static str>,
    status: i32,
    code: Option<&'static str>,
}

const LEDGER_CATALOG: &[LedgerInput] = &[
    LedgerInput {
        name: "check_truncated_workbook",
        file: "ledger.xlsx",
        contents: || {
            let b = ledger_xlsx();
            b[..b.len() / 2].to_vec()
        },
        command: "check",
        as_of: None,
        status: 1,
        code: Some("io.invalid_file"),
    },
    LedgerInput {
        name: "run_truncated_workbook",
        file: "ledger.xlsx",
        contents: || {
            let b = ledger_xlsx();
            b[..b.len() - 100].to_vec()
        },
        command: "run",
        as_of: Some("2026-06-30"),
        status: 1,
        code: Some("io.invalid_file"),
    },
    LedgerInput {
        name: "run_text_named_xlsx",
        file: "ledger.xlsx",
        contents: || "台账\u{202e}".as_bytes().to_vec(),
        command: "run",
        as_of: Some("2026-06-30"),
        status: 1,
        code: Some("io.invalid_file"),
    },
    LedgerInput {
        name: "run_json_cost_wrong_type",
        file: "ledger.json",
        contents: || ledger_json(|l| l["assets"][0]["cost"] = serde_json::json!({"yuan": 5})),
        command: "run",
        as_of: Some("2026-06-30"),
        status: 1,
        code: Some("io.invalid_file"),
    },
    LedgerInput {
        name: "run_json_cost_29_digits",
        file: "ledger.json",
        contents: || {
            ledger_json(|l| {
                l["assets"][0]["cost"] = serde_json::json!("99999999999999999999999999999");
            })
        },
        command: "run",
        as_of: Some("2026-06-30"),
        status: 1,
        code: Some("io.invalid_file"),
    },
    LedgerInput {
        name: "run_json_unknown_category",
        file: "ledger.json",
        contents: || ledger_json(|l| l["assets"][0]["category"] = serde_json::json!("秘密数据")),
        command: "run",
        as_of: Some("2026-06-30"),
        status: 1,
        code: Some("io.invalid_file"),
    },
    LedgerInput {
        name: "run_json_duplicate_asset_id",
        file: "ledger.json",
        contents: || {
            ledger_json(|l| {
                let first = l["assets"][0].clone();
                l["assets"].as_array_mut().expect("assets").push(first);
            })
        },
        command: "run",
        as_of: Some("2026-06-30"),
        status: 1,
        code: Some("ledger.duplicate_id"),
    },
    LedgerInput {
        name: "run_json_event_for_unknown_asset",
        file: "ledger.json",
        contents: || ledger_json(|l| l["events"][0]["asset_id"] = serde_json::json!("GL-GHOST")),
        command: "run",
        as_of: Some("2026-06-30"),
        status: 1,
        code: Some("ledger.unknown_asset"),
    },
    LedgerInput {
        name: "check_json_truncated",
        file: "ledger.json",
        contents: || {
            let b = ledger().to_string().into_bytes();
            b[..b.len() / 3].to_vec()
        },
        command: "check",
        as_of: None,
        status: 1,
        code: Some("io.invalid_file"),
    },
    LedgerInput {
        name: "run_impossible_as_of",
        file: "ledger.json",
        contents: || ledger().to_string().into_bytes(),
        command: "run",
        as_of: Some("2026-02-30"),
        status: 2,
        code: None,
    },
];

#[test]
fn ledger_bad_inputs_fail_cleanly() {
    let mut failures = Vec::new();
    for case in LEDGER_CATALOG {
        let work = tempfile::tempdir().expect("temporary directory");
        let file = work.path().join(case.file);
        fs::write(&file, (case.contents)()).expect("write ledger");
        let out = work.path().join("out");
        fs::create_dir_all(&out).expect("out directory");
        fs::write(out.join("result.json"), b"{\"earlier\": true}").expect("earlier result");
        let before = snapshot(work.path());

        let mut command = Command::cargo_bin("data-assets").expect("binary built");
        command.arg("--json").arg(case.command).arg(&file);
        if case.command == "run" {
            command.arg("--out").arg(&out);
        }
        if let Some(as_of) = case.as_of {
            command.arg("--as-of").arg(as_of);
        }
        let output = command.output().expect("command runs");

        let status = output.status.code().unwrap_or(-1);
        if status != case.status {
            failures.push(format!(
                "{}: exit status {status}, expected {}",
                case.name, case.status
            ));
        }
        if let Some(code) = case.code {
            let printed: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
            let first = printed["errors"][0]["code"]
                .as_str()
                .unwrap_or("none")
                .to_owned();
            if first != code {
                failures.push(format!("{}: code {first}, expected {code}", case.name));
            }
        }
        if snapshot(work.path()) != before {
            failures.push(format!("{}: the failed run changed files", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs failed:\n{}",
        failures.len(),
        LEDGER_CATALOG.len(),
        failures.join("\n")
    );
}

#[test]
fn ledger_fixture_runs() {
    // The fixture itself is valid, so every failure above comes from the change the case made.
    let work = tempfile::tempdir().expect("temporary directory");
    let file = work.path().join("ledger.json");
    fs::write(&file, ledger().to_string()).expect("write ledger");
    Command::cargo_bin("data-assets")
        .expect("binary built")
        .arg("run")
        .arg(&file)
        .arg("--as-of")
        .arg("2026-06-30")
        .arg("--out")
        .arg(work.path().join("out"))
        .assert()
        .success();
}
