//! `data-assets survey` on the real Guilin catalog and on broken input.
//!
//! Expected figures are computed here from the CSV text with a small quote-aware splitter, not
//! through the crate's reader.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn guilin() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../io/data/guilin-open-data-catalog-2024.csv")
}

/// Splits one CSV line on commas outside double quotes; `""` inside quotes is a quote.
fn split_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            other => fields.last_mut().unwrap().push(other),
        }
    }
    fields
}

struct Expected {
    rows: usize,
    departments: usize,
    open_types: BTreeMap<String, u64>,
    records: u64,
}

fn expected() -> Expected {
    let text = std::fs::read_to_string(guilin()).unwrap();
    let mut lines = text.lines();
    let header = split_line(lines.next().unwrap());
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (department, open_type, records) = (
        column("department"),
        column("open_type"),
        column("record_count"),
    );
    let mut expected = Expected {
        rows: 0,
        departments: 0,
        open_types: BTreeMap::new(),
        records: 0,
    };
    let mut departments = BTreeSet::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let fields = split_line(line);
        assert_eq!(fields.len(), header.len(), "line {line}");
        expected.rows += 1;
        departments.insert(fields[department].trim().to_owned());
        *expected
            .open_types
            .entry(fields[open_type].clone())
            .or_default() += 1;
        expected.records += fields[records].parse::<u64>().unwrap();
    }
    expected.departments = departments.len();
    expected
}

#[test]
fn survey_guilin_matches_csv() {
    let expected = expected();
    // The README of the data states 150 datasets of 20 units.
    assert_eq!(expected.rows, 150);
    assert_eq!(expected.departments, 20);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("survey");
    let assert = Command::cargo_bin("data-assets")
        .unwrap()
        .args(["survey", "--as-of", "2024-08-17", "--json", "--out"])
        .arg(&out)
        .arg(guilin())
        .assert()
        .success();
    let stdout: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(stdout["ok"], true);

    let text = std::fs::read_to_string(out.join("summary.json")).unwrap();
    let report: Value = serde_json::from_str(&text).unwrap();
    let summary = &report["summary"];
    assert_eq!(summary["resources"], expected.rows);
    assert_eq!(summary["records"], expected.records);
    assert_eq!(
        summary["by_department"].as_object().unwrap().len(),
        expected.departments
    );
    assert_eq!(
        summary["by_open_type"]["unconditional"],
        expected.open_types["无条件开放"]
    );
    assert_eq!(
        summary["by_open_type"]["conditional"],
        expected.open_types["有条件开放"]
    );
    assert_eq!(summary["as_of"], "2024-08-17");
    assert_eq!(
        report["assessments"].as_array().unwrap().len(),
        expected.rows
    );
    assert_eq!(stdout["summary"], *summary);

    let markdown = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(markdown.contains(&format!("| 数据量（条） | {} |", expected.records)));
    let workbook = std::fs::read(out.join("draft-ledger.xlsx")).unwrap();
    assert_eq!(&workbook[..2], b"PK");
    let names: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let wanted: BTreeSet<String> = ["summary.json", "summary.md", "draft-ledger.xlsx"]
        .map(String::from)
        .into();
    assert_eq!(names, wanted);
}

#[test]
fn broken_catalog_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("broken.csv");
    let original = std::fs::read_to_string(guilin()).unwrap();
    // Break row 4 (the third data row): an unknown open type and a non-numeric record count.
    let broken: Vec<String> = original
        .lines()
        .enumerate()
        .map(|(index, line)| {
            if index == 3 {
                line.replacen("无条件开放", "半开放", 1)
                    .replacen(",402914,", ",四十万,", 1)
            } else {
                line.to_owned()
            }
        })
        .collect();
    std::fs::write(&csv, broken.join("\n")).unwrap();
    let out = dir.path().join("out");

    let assert = Command::cargo_bin("data-assets")
        .unwrap()
        .args(["survey", "--out"])
        .arg(&out)
        .arg(&csv)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        stderr.contains(
            "error[io.invalid_value] invalid value at broken.csv, row 4, column open_type"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("row 4, column record_count"), "{stderr}");
    assert!(
        stderr.contains("allowed: unconditional (无条件开放)"),
        "{stderr}"
    );
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only the broken CSV stays");

    let assert = Command::cargo_bin("data-assets")
        .unwrap()
        .args(["--json", "survey", "--out"])
        .arg(&out)
        .arg(&csv)
        .assert()
        .code(1);
    let stdout: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(stdout["ok"], false);
    assert_eq!(stdout["errors"].as_array().unwrap().len(), 2);
    assert_eq!(stdout["errors"][0]["value"], "半开放");
    assert!(!out.exists());
}

#[test]
fn usage_errors_exit_two() {
    Command::cargo_bin("data-assets")
        .unwrap()
        .args(["survey", "x.csv"])
        .assert()
        .code(2);
    Command::cargo_bin("data-assets")
        .unwrap()
        .args(["survey", "x.csv", "--out", "o", "--as-of", "2024-13-01"])
        .assert()
        .code(2);
    Command::cargo_bin("data-assets")
        .unwrap()
        .arg("--help")
        .assert()
        .success();
}

#[test]
fn existing_output_dir_is_updated() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("keep.txt"), "mine").unwrap();
    Command::cargo_bin("data-assets")
        .unwrap()
        .args(["survey", "--as-of", "2024-08-17", "--out"])
        .arg(&out)
        .arg(guilin())
        .assert()
        .success();
    assert!(out.join("summary.json").exists());
    assert_eq!(
        std::fs::read_to_string(out.join("keep.txt")).unwrap(),
        "mine"
    );
    let hidden: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('.')
        })
        .collect();
    assert!(hidden.is_empty(), "the staging directory is removed");
}
