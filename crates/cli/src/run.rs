//! `data-assets run` and `data-assets demo`: the whole pipeline on a ledger, written as
//! `results.xlsx`, `result.json` and `report.md`.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use data_assets_core::policy::Policy;
use data_assets_io::ledger::{Ledger, read_ledger, read_ledger_json};
use data_assets_io::pipeline::render::{RESULTS_XLSX, report_markdown, results_workbook};
use data_assets_io::pipeline::{RunResult, run_pipeline, run_pipeline_with_calendar};
use data_assets_io::{IoError, Limits};
use serde_json::json;

use crate::deadlines::calendar_with;
use crate::output::{Failure, Staging, fail};

/// JSON file of a run.
pub const RESULT_JSON: &str = "result.json";
/// Markdown report of a run.
pub const REPORT_MD: &str = "report.md";

/// Sample ledgers built into the binary: three Guilin units (a 行政单位, a 事业单位 and a city
/// SOE) with assets named after the Guilin open-data catalog and illustrative amounts.
const DEMO_LEDGERS: &str = include_str!("../data/demo-ledgers.json");

/// As-of date of the demo: the end of the third quarter of 2026, inside the pilot.
pub const DEMO_AS_OF: (i32, u32, u32) = (2026, 9, 30);

/// Prints a progress line on stderr when it is a terminal.
struct Progress {
    enabled: bool,
    steps: usize,
    done: usize,
}

impl Progress {
    fn new(steps: usize) -> Self {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            steps,
            done: 0,
        }
    }

    fn step(&mut self, what: &str) {
        self.done += 1;
        if self.enabled {
            eprint!("\r\x1b[2K[{}/{}] {what}", self.done, self.steps);
            if self.done == self.steps {
                eprintln!();
            }
        }
    }
}

/// Renders the three outputs of a run in memory.
fn render(result: &RunResult) -> Result<[(&'static str, Vec<u8>); 3], IoError> {
    let workbook = results_workbook(result)?;
    let json = serde_json::to_string_pretty(result).map_err(|e| IoError::Write {
        field: RESULT_JSON.into(),
        value: e.to_string(),
        allowed: "a result that serializes to JSON".into(),
    })?;
    Ok([
        (RESULTS_XLSX, workbook),
        (RESULT_JSON, json.into_bytes()),
        (REPORT_MD, report_markdown(result).into_bytes()),
    ])
}

/// Reads, runs and writes one ledger into `out`, atomically.
pub fn run(
    file: &Path,
    as_of: NaiveDate,
    out: &Path,
    holiday_files: &[PathBuf],
    as_json: bool,
) -> Result<(), Failure> {
    let mut progress = Progress::new(4);
    let (calendar, loaded) = calendar_with(holiday_files)?;
    let ledger = read_ledger(file, &Limits::default()).map_err(fail)?;
    progress.step("ledger read and checked");
    let mut result =
        run_pipeline_with_calendar(&ledger, as_of, &Policy::default(), &calendar).map_err(fail)?;
    result.assumptions.extend(
        loaded
            .iter()
            .map(|schedule| format!("已加载{}", schedule.describe_zh())),
    );
    progress.step("pipeline run");
    let files = render(&result).map_err(|e| fail(vec![e]))?;
    progress.step("outputs rendered");
    let staging = Staging::new(out).map_err(|e| fail(vec![e]))?;
    for (name, bytes) in &files {
        staging.write(name, bytes).map_err(|e| fail(vec![e]))?;
    }
    let out = staging.commit().map_err(|e| fail(vec![e]))?;
    progress.step("outputs written");
    summarize(&out, &[(String::new(), result)], as_json);
    Ok(())
}

/// Parses the built-in sample ledgers.
///
/// # Errors
///
/// The errors of the ledger reader; a test checks the built-in data, so this does not fail.
pub fn demo_ledgers() -> Result<Vec<Ledger>, Failure> {
    let values: Vec<serde_json::Value> = serde_json::from_str(DEMO_LEDGERS).map_err(|e| {
        fail(vec![IoError::InvalidFile {
            field: "demo-ledgers.json".into(),
            value: e.to_string(),
            allowed: "a JSON array of ledgers".into(),
        }])
    })?;
    let mut ledgers = Vec::new();
    for (index, value) in values.iter().enumerate() {
        let bytes = value.to_string();
        let name = format!("demo-ledgers.json[{index}]");
        ledgers.push(read_ledger_json(bytes.as_bytes(), &name).map_err(fail)?);
    }
    Ok(ledgers)
}

/// Runs the built-in sample ledgers, one subdirectory per unit plus the ledgers themselves.
pub fn demo(out: &Path, as_json: bool) -> Result<(), Failure> {
    let (year, month, day) = DEMO_AS_OF;
    let as_of = NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default();
    let ledgers = demo_ledgers()?;
    let mut progress = Progress::new(ledgers.len() + 1);
    let staging = Staging::new(out).map_err(|e| fail(vec![e]))?;
    let mut results = Vec::new();
    for ledger in &ledgers {
        let result = run_pipeline(ledger, as_of, &Policy::default()).map_err(fail)?;
        let dir = ledger.unit.uscc.as_str().to_owned();
        let files = render(&result).map_err(|e| fail(vec![e]))?;
        for (name, bytes) in &files {
            staging
                .write(&format!("{dir}/{name}"), bytes)
                .map_err(|e| fail(vec![e]))?;
        }
        let workbook =
            data_assets_io::ledger::write_ledger_xlsx(ledger).map_err(|e| fail(vec![e]))?;
        staging
            .write(&format!("{dir}/ledger.xlsx"), &workbook)
            .map_err(|e| fail(vec![e]))?;
        progress.step(&ledger.unit.name);
        results.push((dir, result));
    }
    staging
        .write("demo-ledgers.json", DEMO_LEDGERS.as_bytes())
        .map_err(|e| fail(vec![e]))?;
    let out = staging.commit().map_err(|e| fail(vec![e]))?;
    progress.step("outputs written");
    summarize(&out, &results, as_json);
    Ok(())
}

fn summarize(out: &Path, results: &[(String, RunResult)], as_json: bool) {
    if as_json {
        let runs: Vec<_> = results
            .iter()
            .map(|(dir, result)| {
                json!({
                    "dir": out.join(dir).display().to_string(),
                    "unit": result.unit.name,
                    "as_of": result.as_of,
                    "vouchers": result.vouchers.len(),
                    "violations": result.violations.len(),
                    "issues": result.issues.len(),
                    "files": [RESULTS_XLSX, RESULT_JSON, REPORT_MD],
                })
            })
            .collect();
        out!(
            "{}",
            json!({ "ok": true, "out": out.display().to_string(), "runs": runs })
        );
        return;
    }
    for (dir, result) in results {
        let written = if dir.is_empty() {
            out.to_path_buf()
        } else {
            out.join(dir)
        };
        out!(
            "{} ({}) as of {}: {} vouchers, {} authorizations, {} splits, {} violations, {} issues",
            result.unit.name,
            result.unit.kind.label_zh(),
            result.as_of,
            result.vouchers.len(),
            result.authorizations.len(),
            result.splits.len(),
            result.violations.len(),
            result.issues.len()
        );
        out!(
            "  wrote {RESULTS_XLSX}, {RESULT_JSON} and {REPORT_MD} to {}",
            written.display()
        );
    }
}
