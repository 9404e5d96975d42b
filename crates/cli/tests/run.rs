//! `data-assets run`, `check`, `template`, `demo` and `deadlines` end to end, with expected
//! values worked out by hand.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use data_assets_core::accounting::{Event, EventKind, Funding, VatStatus};
use data_assets_core::asset::{AcquisitionRoute, AssetHolder, BookingStatus, DataAsset};
use data_assets_core::entity::{EntityKind, RegionCode, validate_uscc};
use data_assets_core::money::Amount;
use data_assets_io::ledger::{
    Ledger, LedgerUnit, Receipt, ledger_specs, parse_split, template, write_ledger_xlsx,
};
use data_assets_io::table::Cell;
use data_assets_io::workbook::write_workbook;
use serde_json::Value;

/// A 行政单位 of Guilin (test code built from the GB 32100-2015 rules).
const UNIT_USCC: &str = "11450300000000019P";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn command() -> Command {
    Command::cargo_bin("data-assets").unwrap()
}

/// Builds the ledger the template is filled with: one asset bought for 24,000.00 on 2026-01-05 with a
/// 24-month life, paid by the treasury directly, and a receipt of 10,000.00 split 70/30.
fn test_ledger() -> Ledger {
    let mut asset = DataAsset::example();
    asset.id = "A1".into();
    asset.holder = AssetHolder {
        uscc: validate_uscc(UNIT_USCC).unwrap(),
        name: "桂林市市场监督管理局".into(),
    };
    asset.acquisition_route = AcquisitionRoute::Purchased;
    asset.booking_status = BookingStatus::IntangibleAsset;
    asset.cost = Some(Amount::from_fen(2_400_000));
    asset.ready_date = date(2026, 1, 5);
    asset.useful_life_months = Some(24);
    Ledger {
        unit: LedgerUnit {
            name: "桂林市市场监督管理局".into(),
            uscc: validate_uscc(UNIT_USCC).unwrap(),
            kind: EntityKind::AdministrativeUnit,
            region_code: RegionCode::new("450300").unwrap(),
            vat_status: VatStatus::NotTaxpayer,
            note: "测试数据".into(),
        },
        assets: vec![asset],
        events: vec![Event {
            id: "E1".into(),
            asset_id: "A1".into(),
            date: date(2026, 1, 5),
            kind: EventKind::Purchase {
                cost: Amount::from_fen(2_400_000),
                input_vat: Amount::ZERO,
                funding: Funding::DirectTreasury,
                business_activity: false,
            },
        }],
        authorizations: vec![],
        receipts: vec![Receipt {
            id: "R1".into(),
            date: date(2026, 5, 20),
            asset_id: "A1".into(),
            authorization_id: None,
            gross: Amount::from_fen(1_000_000),
            vat_status: VatStatus::NotTaxpayer,
            parties: parse_split("桂林市市场监督管理局:0.7;运营公司:0.3", "行政单位;国有企业")
                .unwrap(),
        }],
    }
}

/// Reads a decimal string of result.json; amounts compare by value, whatever their scale.
fn amount(value: &Value) -> Amount {
    serde_json::from_value(value.clone()).unwrap()
}

/// Returns the rows of a sheet as text.
fn sheet_rows(path: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> = open_workbook(path).unwrap();
    let range = workbook.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::Float(value) => format!("{value:.2}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[test]
fn template_has_the_ledger_sheets() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ledger.xlsx");
    command().arg("template").arg(&out).assert().success();
    let workbook: Xlsx<_> = open_workbook(&out).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(&names[..5], ["单位", "台账", "事项", "授权", "收益"]);
    // The filled workbook used below has the template's headers.
    let headers = sheet_rows(&out, "事项").remove(0);
    let filled = dir.path().join("filled.xlsx");
    std::fs::write(&filled, write_ledger_xlsx(&test_ledger()).unwrap()).unwrap();
    assert_eq!(sheet_rows(&filled, "事项").remove(0), headers);
    // The workbook carries no clock-dependent bytes.
    assert_eq!(template().unwrap(), std::fs::read(&out).unwrap());
}

#[test]
fn run_filled_template() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("ledger.xlsx");
    std::fs::write(&ledger, write_ledger_xlsx(&test_ledger()).unwrap()).unwrap();
    let out = dir.path().join("out");
    command()
        .args(["run", "--as-of", "2026-06-30", "--out"])
        .arg(&out)
        .arg(&ledger)
        .assert()
        .success();

    let names: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let wanted: BTreeSet<String> = ["results.xlsx", "result.json", "report.md"]
        .map(String::from)
        .into();
    assert_eq!(names, wanted);

    // 政府会计制度: a 行政单位 paying by 财政直接支付 books Dr 1701 / Cr 4001 and, in budget
    // accounting, Dr 7101 行政支出 / Cr 6001 财政拨款预算收入.
    let rows = sheet_rows(&out.join("results.xlsx"), "凭证");
    let purchase: Vec<(String, String, String, String)> = rows
        .iter()
        .filter(|row| row[0] == "E1")
        .map(|row| {
            (
                row[4].clone(),
                row[5].clone(),
                row[7].clone(),
                row[8].clone(),
            )
        })
        .collect();
    assert_eq!(
        purchase,
        vec![
            (
                "财务会计".into(),
                "1701".into(),
                "24000.00".into(),
                "0.00".into()
            ),
            (
                "财务会计".into(),
                "4001".into(),
                "0.00".into(),
                "24000.00".into()
            ),
            (
                "预算会计".into(),
                "7101".into(),
                "24000.00".into(),
                "0.00".into()
            ),
            (
                "预算会计".into(),
                "6001".into(),
                "0.00".into(),
                "24000.00".into()
            ),
        ]
    );

    let result: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("result.json")).unwrap()).unwrap();
    // 24,000.00 over 24 months is 1,000.00 a month, January to June 2026.
    assert_eq!(result["amortization"][0]["months"], 6);
    assert_eq!(
        amount(&result["amortization"][0]["amount"]),
        Amount::from_fen(600_000)
    );
    let amortization = sheet_rows(&out.join("results.xlsx"), "摊销");
    assert_eq!(amortization[1], vec!["A1", "6.00", "6000.00"]);

    // No VAT for a non-taxpayer: 10,000.00 split 7,000.00 and 3,000.00.
    let shares = &result["splits"][0]["outcome"]["shares"];
    assert_eq!(amount(&shares[0]["amount"]), Amount::from_fen(700_000));
    assert_eq!(amount(&shares[1]["amount"]), Amount::from_fen(300_000));
    assert_eq!(shares[0]["routing"], "remit_to_treasury");

    // Ten working days after 2026-06-30: July 1–3, 6–10 and 13–14.
    let q2 = result["deadlines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|due| due["obligation"]["id"] == "quarterly_report_2026_q2")
        .unwrap();
    assert_eq!(q2["due"]["due_date"], "2026-07-14");

    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("桂林市市场监督管理局"));
}

#[test]
fn demo_writes_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let assert = command()
        .args(["demo", "--json", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stdout: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let runs = stdout["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 3);
    let mut kinds = BTreeSet::new();
    for run in runs {
        let dir = Path::new(run["dir"].as_str().unwrap());
        for file in ["results.xlsx", "result.json", "report.md", "ledger.xlsx"] {
            assert!(
                dir.join(file).is_file(),
                "{} missing",
                dir.join(file).display()
            );
        }
        let result: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("result.json")).unwrap())
                .unwrap();
        kinds.insert(result["unit"]["kind"].as_str().unwrap().to_owned());
        // The sample amounts are marked as illustrative in the data and in every output.
        assert!(
            result["unit"]["note"]
                .as_str()
                .unwrap()
                .contains("illustrative")
        );
        let report = std::fs::read_to_string(dir.join("report.md")).unwrap();
        assert!(report.contains("示例数据"));
        // Recognition reasons and assumptions are in Chinese in the Chinese report.
        assert!(report.contains("本单位控制该数据资源"), "{report}");
        assert!(!report.contains("the unit controls"), "{report}");
        assert!(report.contains("假设：截止日期当日或之前已结束的每个月都计提摊销"));
        assert!(!result["vouchers"].as_array().unwrap().is_empty());
        assert!(!result["certificates"].as_array().unwrap().is_empty());
        assert!(!result["recognitions"].as_array().unwrap().is_empty());
        // The demo is as of 2026-09-30, so the report covers the third quarter of 2026.
        assert_eq!(result["progress_report"]["period"]["quarter"], 3);
        assert_eq!(
            result["issues"].as_array().unwrap().len(),
            0,
            "{}",
            result["issues"]
        );
        let workbook: Xlsx<_> = open_workbook(dir.join("results.xlsx")).unwrap();
        let names = workbook.sheet_names();
        for sheet in [
            "说明",
            "确认",
            "信息卡",
            "证书",
            "凭证",
            "摊销",
            "试算平衡",
            "披露",
            "授权登记",
            "收益分配",
            "分成凭证",
            "合规风险",
            "进度报告",
            "报送期限",
            "问题",
        ] {
            assert!(
                names.iter().any(|n| n == sheet),
                "{sheet} missing in {names:?}"
            );
        }
    }
    let wanted: BTreeSet<String> = [
        "administrative_unit",
        "public_institution",
        "state_owned_enterprise",
    ]
    .map(String::from)
    .into();
    assert_eq!(kinds, wanted);
    // A second run into the same directory replaces the outputs.
    command()
        .args(["demo", "--out"])
        .arg(&out)
        .assert()
        .success();
}

/// Writes a workbook whose 台账 and 事项 sheets have bad cells in several rows.
fn broken_workbook(path: &Path) {
    let specs = ledger_specs();
    let good = data_assets_io::ledger::ledger_rows(&test_ledger()).unwrap();
    let mut assets = good[1].clone();
    // Row 2: an unknown security grade; row 3: a copy with a bad date.
    let grade = specs[1].index("security_grade").unwrap();
    assets[0][grade] = Cell::Text("绝密".into());
    let mut second = good[1][0].clone();
    second[0] = Cell::Text("A2".into());
    second[specs[1].index("ready_date").unwrap()] = Cell::Text("2026-13-01".into());
    assets.push(second);
    // 事项 row 2: an amount with three decimals.
    let mut events = good[2].clone();
    events[0][specs[2].index("amount").unwrap()] = Cell::Text("12.345".into());
    let rows = [
        good[0].clone(),
        assets,
        events,
        good[3].clone(),
        good[4].clone(),
    ];
    let sheets: Vec<_> = specs
        .iter()
        .zip(&rows)
        .map(|(spec, rows)| (spec, rows.as_slice()))
        .collect();
    std::fs::write(path, write_workbook("broken.xlsx", &sheets).unwrap()).unwrap();
}

#[test]
fn check_lists_every_error() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.xlsx");
    broken_workbook(&broken);
    let assert = command()
        .args(["check", "--json"])
        .arg(&broken)
        .assert()
        .code(1);
    let stdout: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let fields: Vec<&str> = stdout["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    let name = broken.display().to_string();
    for expected in [
        format!("{name}, sheet 台账, row 2, column 安全级别"),
        format!("{name}, sheet 台账, row 3, column 取得或达到预定用途日期"),
        format!("{name}, sheet 事项, row 2, column 金额（元）"),
    ] {
        assert!(
            fields.contains(&expected.as_str()),
            "{expected} not in {fields:?}"
        );
    }

    let valid = dir.path().join("valid.xlsx");
    std::fs::write(&valid, write_ledger_xlsx(&test_ledger()).unwrap()).unwrap();
    command().arg("check").arg(&valid).assert().success();
}

#[test]
fn failed_run_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.xlsx");
    broken_workbook(&broken);
    let out = dir.path().join("out");
    let assert = command()
        .args(["run", "--as-of", "2026-06-30", "--out"])
        .arg(&out)
        .arg(&broken)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("安全级别"), "{stderr}");
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn run_requires_as_of() {
    command()
        .args(["run", "--out", "x", "ledger.xlsx"])
        .assert()
        .code(2);
}

#[test]
fn deadlines_for_a_city_soe() {
    // The 2026 Q3 report is due ten working days after 2026-09-30, counting the National Day
    // holiday of October 1–7 (2026 notice) and the make-up working day: see the calendar module.
    let assert = command()
        .args([
            "deadlines",
            "--as-of",
            "2026-10-01",
            "--unit-kind",
            "city_soe",
            "--json",
        ])
        .assert()
        .success();
    let stdout: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    let first = &stdout["deadlines"][0];
    assert_eq!(first["obligation"]["id"], "quarterly_report_2026_q3");
    assert_eq!(first["due"]["due_date"], "2026-10-20");
    assert_eq!(first["owed_by"][0], "city_soe");

    // A region code of five digits is a usage error, not a list of unknown dates.
    command()
        .args(["deadlines", "--as-of", "2026-10-01", "--region", "45030"])
        .assert()
        .code(2);
}

/// The 2026 Q4 report falls due in 2027, whose notice is not built in. Without a holiday file the
/// command names the option that supplies it. With a made-up 2027 schedule whose only holiday is
/// 01-01..03 (Friday to Sunday), the 10th working day after 2026-12-31 is Friday 2027-01-15.
#[test]
fn deadlines_load_a_holiday_file() {
    let args = [
        "deadlines",
        "--as-of",
        "2026-12-31",
        "--unit-kind",
        "city_department",
    ];
    let assert = command().args(args).assert().success();
    let text = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(text.contains("--holidays FILE"), "{text}");
    assert!(!text.contains("Calendar::"), "{text}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2027.json");
    std::fs::write(
        &file,
        r#"{"year": 2027, "notice": "test notice", "issued_on": "2026-11-10",
            "holidays": [{"name": "元旦", "first_day": "2027-01-01", "last_day": "2027-01-03"}]}"#,
    )
    .unwrap();
    let assert = command()
        .args(args)
        .arg("--json")
        .arg("--holidays")
        .arg(&file)
        .assert()
        .success();
    let stdout: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(
        stdout["holidays_loaded"][0],
        "2027 national schedule (test notice)"
    );
    let first = &stdout["deadlines"][0];
    assert_eq!(first["obligation"]["id"], "quarterly_report_2026_q4");
    assert_eq!(first["due"]["due_date"], "2027-01-15");
    assert_eq!(first["due"]["days_left"], 15);

    // A malformed file is invalid input: exit status 1 with the document and field named.
    std::fs::write(&file, r#"{"year": 2027}"#).unwrap();
    let assert = command()
        .args(args)
        .arg("--json")
        .arg("--holidays")
        .arg(&file)
        .assert()
        .code(1);
    let stdout: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(stdout["errors"][0]["code"], "io.invalid_value");
}

/// A full or closed standard output is an error of the environment, not a crash: a full disk
/// gives status 1 with a message, and a reader that stops early (`| head -0`) gives status 0.
#[test]
fn closed_stdout_does_not_panic() {
    let binary = assert_cmd::cargo::cargo_bin("data-assets");
    let args = ["deadlines", "--as-of", "2026-06-30"];
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(&binary)
        .args(args)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("cannot write to standard output"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    let mut child = std::process::Command::new(&binary)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Closing the read end before the command writes makes its first write fail with EPIPE.
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

/// The sample SOE buys GL-SOE-003 for 30,000.00 on 2025-10-01 with a 24-month life (1,250.00 a
/// month) and books a 4,500.00 impairment on 2026-06-30. CAS 8 art. 17 adjusts amortization in
/// the periods after the loss: June keeps 1,250.00, leaving 30,000.00 − 9 × 1,250.00 − 4,500.00
/// = 14,250.00 over the 15 months left, 950.00 a month from July.
#[test]
fn impairment_adjusts_later_months() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    command()
        .args(["demo", "--out"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(out.join("91450300MA5K00012W/result.json")).unwrap();
    let result: Value = serde_json::from_str(&text).unwrap();
    let amortized = |month: &str| {
        let id = format!("GL-SOE-003:amortize:{month}");
        let voucher = result["vouchers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["id"] == id.as_str())
            .unwrap_or_else(|| panic!("{id} missing"));
        amount(&voucher["financial"][0]["debit"])
    };
    assert_eq!(amortized("2026-05"), Amount::from_fen(125_000));
    assert_eq!(amortized("2026-06"), Amount::from_fen(125_000));
    assert_eq!(amortized("2026-07"), Amount::from_fen(95_000));
    assert_eq!(amortized("2026-09"), Amount::from_fen(95_000));
}

/// The sample 事业单位 completes the development of GL-HPF-001 on 2025-06-30, so as of
/// 2026-09-30 the 确认 sheet must agree with the card and the books: an intangible asset, not
/// development spending, with the assumption given in Chinese.
#[test]
fn completed_development_recognized_as_asset() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    command()
        .args(["demo", "--out"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(out.join("12450300000000035A/result.json")).unwrap();
    let result: Value = serde_json::from_str(&text).unwrap();
    let record = result["recognitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["recognition"]["asset_id"] == "GL-HPF-001")
        .unwrap();
    assert_eq!(record["recognition"]["outcome"], "intangible_asset");
    assert_eq!(record["recognition"]["booking_status"], "intangible_asset");
    let assumptions_zh: Vec<&str> = record["assumptions_zh"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(assumptions_zh.contains(&"已于2025-06-30开发完成：按达到预定用途的资产评估"));
}
