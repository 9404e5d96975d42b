//! Write → read round trips of the draft ledger in its three forms, and reader errors.

use std::io::Read;
use std::path::PathBuf;

use chrono::NaiveDate;
use data_assets_core::asset::{RightKind, SecurityGrade};
use data_assets_core::survey::{Survey, summarize};
use data_assets_core::{Amount, ErrorDetail};
use data_assets_io::catalog::read_catalog;
use data_assets_io::draft::{DRAFT_SHEET, draft_ledger_spec, resources_to_rows, rows_to_resources};
use data_assets_io::table::{from_json, read_csv, to_json, write_csv};
use data_assets_io::workbook::{LISTS_SHEET, read_sheet, sheet_names, write_workbook};
use data_assets_io::{Cell, ColumnKind, ColumnSpec, Limits, SheetSpec};
use proptest::prelude::*;

fn guilin() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/guilin-open-data-catalog-2024.csv")
}

fn completed_survey() -> Survey {
    let mut resources = read_catalog(&guilin(), &Limits::default()).unwrap();
    // Complete a few ledger facts, as a unit would, so the round trip covers every column.
    let first = &mut resources[0];
    first.owner = Some("桂林市市场监督管理局".into());
    first.cost = Some(Amount::from_fen(12_345_678));
    first.rights = vec![RightKind::Holding, RightKind::ProcessingUse];
    first.grade = Some(SecurityGrade::General);
    first.coverage = Some("全市".into());
    first.system = Some("企业信用信息系统".into());
    first.authorized_operation = true;
    Survey {
        systems: vec![],
        resources,
    }
}

#[test]
fn draft_workbook_round_trip() {
    let survey = completed_survey();
    let as_of = NaiveDate::from_ymd_opt(2024, 8, 17).unwrap();
    let (_, assessments) = summarize(&survey, as_of).unwrap();
    let spec = draft_ledger_spec();
    let rows = resources_to_rows(&survey.resources, &assessments);
    let bytes = write_workbook("draft.xlsx", &[(&spec, &rows)]).unwrap();

    let read = read_sheet(&bytes, "draft.xlsx", &spec, &Limits::default()).unwrap();
    assert_eq!(read.len(), 150);
    assert_eq!(read[0].number, 2);
    let cells: Vec<Vec<Cell>> = read.iter().map(|row| row.cells.clone()).collect();
    assert_eq!(cells, rows);
    let resources = rows_to_resources(&read, "draft.xlsx").unwrap();
    assert_eq!(resources, survey.resources);
}

#[test]
fn draft_csv_and_json_round_trip() {
    let survey = completed_survey();
    let spec = draft_ledger_spec();
    let rows = resources_to_rows(&survey.resources, &[]);

    let mut csv = Vec::new();
    write_csv(&spec, &rows, &mut csv, "draft.csv").unwrap();
    let from_csv = read_csv(&csv, "draft.csv", &spec, &Limits::default()).unwrap();
    assert_eq!(
        rows_to_resources(&from_csv, "draft.csv").unwrap(),
        survey.resources
    );

    let json = to_json(&spec, &rows);
    let from_json_rows = from_json(&json, "draft.json", &spec, &Limits::default()).unwrap();
    assert_eq!(
        rows_to_resources(&from_json_rows, "draft.json").unwrap(),
        survey.resources
    );
    assert_eq!(json[0]["cost"], "123456.78");
    assert_eq!(json[0]["open_type"], "无条件开放");
}

#[test]
fn workbook_has_dropdowns() {
    let spec = draft_ledger_spec();
    let bytes = write_workbook("t.xlsx", &[(&spec, &[])]).unwrap();
    let names = sheet_names(&bytes, "t.xlsx", &Limits::default()).unwrap();
    assert_eq!(names, vec![DRAFT_SHEET.to_owned(), LISTS_SHEET.to_owned()]);

    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let enum_columns = spec
        .columns
        .iter()
        .filter(|c| matches!(c.kind, ColumnKind::Enum(_)))
        .count();
    assert_eq!(xml.matches("<dataValidation ").count(), enum_columns);
    assert!(xml.contains("type=\"list\""));

    // The three yes/no columns share the first list column of the hidden sheet.
    assert_eq!(
        xml.matches("<formula1>'选项'!$A$1:$A$2</formula1>").count(),
        3
    );
    let mut lists = String::new();
    archive
        .by_name("xl/worksheets/sheet2.xml")
        .unwrap()
        .read_to_string(&mut lists)
        .unwrap();
    assert!(lists.contains("无条件开放") || archive_has_shared_string(&bytes, "无条件开放"));
    // A blank template still has its header row and reads back as no rows.
    assert!(
        read_sheet(&bytes, "t.xlsx", &spec, &Limits::default())
            .unwrap()
            .is_empty()
    );
}

fn archive_has_shared_string(bytes: &[u8], text: &str) -> bool {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut strings = String::new();
    match archive.by_name("xl/sharedStrings.xml") {
        Ok(mut file) => {
            file.read_to_string(&mut strings).unwrap();
            strings.contains(text)
        }
        Err(_) => false,
    }
}

fn small_spec() -> SheetSpec {
    SheetSpec {
        name: "台账",
        columns: vec![
            ColumnSpec::new("name", "名称", ColumnKind::Text, true),
            ColumnSpec::new("count", "数量", ColumnKind::Int, false),
            ColumnSpec::new("cost", "成本", ColumnKind::Amount, false),
            ColumnSpec::new("date", "日期", ColumnKind::Date, false),
            ColumnSpec::new(
                "grade",
                "级别",
                ColumnKind::Enum(vec!["一般数据", "重要数据"]),
                true,
            ),
        ],
    }
}

#[test]
fn workbook_errors_located() {
    // Write every column as free text so that invalid values reach the reader.
    let loose = SheetSpec {
        name: "台账",
        columns: small_spec()
            .columns
            .into_iter()
            .map(|c| ColumnSpec {
                kind: ColumnKind::Text,
                ..c
            })
            .collect(),
    };
    let text = |t: &str| Cell::text(t);
    let rows = vec![
        vec![
            text("好"),
            text("3"),
            text("1.50"),
            text("2024-01-31"),
            text("一般数据"),
        ],
        vec![
            text("坏"),
            text("三"),
            text("1.234"),
            text("2024-02-30"),
            text("秘密"),
        ],
        vec![
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            text("重要数据"),
        ],
    ];
    let bytes = write_workbook("bad.xlsx", &[(&loose, &rows)]).unwrap();
    let errors = read_sheet(&bytes, "bad.xlsx", &small_spec(), &Limits::default()).unwrap_err();
    let found: Vec<(&str, &str, &str)> = errors
        .iter()
        .map(|e| (e.code(), e.field(), e.value()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "io.invalid_value",
                "bad.xlsx, sheet 台账, row 3, column 数量",
                "三"
            ),
            (
                "io.invalid_value",
                "bad.xlsx, sheet 台账, row 3, column 成本",
                "1.234"
            ),
            (
                "io.invalid_value",
                "bad.xlsx, sheet 台账, row 3, column 日期",
                "2024-02-30"
            ),
            (
                "io.invalid_value",
                "bad.xlsx, sheet 台账, row 3, column 级别",
                "秘密"
            ),
            (
                "io.missing_value",
                "bad.xlsx, sheet 台账, row 4, column 名称",
                ""
            ),
        ]
    );
    assert_eq!(errors[3].allowed(), "one of 一般数据, 重要数据");
}

#[test]
fn missing_sheet_and_column() {
    let spec = small_spec();
    let other = SheetSpec {
        name: "其他",
        columns: spec.columns.clone(),
    };
    let bytes = write_workbook("a.xlsx", &[(&other, &[])]).unwrap();
    let errors = read_sheet(&bytes, "a.xlsx", &spec, &Limits::default()).unwrap_err();
    assert_eq!(errors[0].code(), "io.missing_sheet");
    assert_eq!(errors[0].value(), "台账");

    let narrow = SheetSpec {
        name: "台账",
        columns: spec.columns[..2].to_vec(),
    };
    let bytes = write_workbook("b.xlsx", &[(&narrow, &[])]).unwrap();
    let errors = read_sheet(&bytes, "b.xlsx", &spec, &Limits::default()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), "io.missing_column");
    assert_eq!(errors[0].value(), "级别");
}

#[test]
fn hostile_workbooks_rejected() {
    let spec = small_spec();
    let rows = vec![
        vec![
            Cell::text("a"),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::text("一般数据")
        ];
        50
    ];
    let bytes = write_workbook("w.xlsx", &[(&spec, &rows)]).unwrap();

    let tight = Limits {
        max_uncompressed_bytes: 1000,
        ..Limits::default()
    };
    let errors = read_sheet(&bytes, "w.xlsx", &spec, &tight).unwrap_err();
    assert_eq!(errors[0].code(), "io.expansion_too_large");

    let few_rows = Limits {
        max_rows: 10,
        ..Limits::default()
    };
    let errors = read_sheet(&bytes, "w.xlsx", &spec, &few_rows).unwrap_err();
    assert_eq!(errors[0].code(), "io.too_many_rows");
    assert_eq!(errors[0].value(), "50");

    let small_file = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    let errors = read_sheet(&bytes, "w.xlsx", &spec, &small_file).unwrap_err();
    assert_eq!(errors[0].code(), "io.file_too_large");

    let errors = read_sheet(b"not a zip", "x.xlsx", &spec, &Limits::default()).unwrap_err();
    assert_eq!(errors[0].code(), "io.invalid_file");

    // A zip that is not a workbook reaches calamine and fails as an invalid file.
    let mut zipped = std::io::Cursor::new(Vec::new());
    {
        let mut writer = zip::ZipWriter::new(&mut zipped);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        writer.start_file("hello.txt", options).unwrap();
        std::io::Write::write_all(&mut writer, b"hello").unwrap();
        writer.finish().unwrap();
    }
    let errors = read_sheet(zipped.get_ref(), "z.xlsx", &spec, &Limits::default()).unwrap_err();
    assert_eq!(errors[0].code(), "io.invalid_file");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cells_survive_workbook(
        count in proptest::option::of(-(1i64 << 60)..(1i64 << 60)),
        fen in proptest::option::of(-999_999_999_999_999_999i64..1_000_000_000_000_000_000),
        days in proptest::option::of(0u64..80_000),
        name in "[a-z桂林数据 ]{1,12}",
        grade in 0usize..2,
    ) {
        let spec = small_spec();
        let name = name.trim().to_owned();
        prop_assume!(!name.is_empty());
        let base = NaiveDate::from_ymd_opt(1900, 3, 1).unwrap();
        let row = vec![
            Cell::text(name),
            Cell::from_option(count, Cell::Int),
            Cell::from_option(fen, |f| Cell::Amount(Amount::from_fen(f))),
            Cell::from_option(days, |d| Cell::Date(base + chrono::Days::new(d))),
            Cell::text(["一般数据", "重要数据"][grade]),
        ];
        let rows = vec![row];
        let bytes = write_workbook("p.xlsx", &[(&spec, &rows)]).unwrap();
        let read = read_sheet(&bytes, "p.xlsx", &spec, &Limits::default()).unwrap();
        prop_assert_eq!(&read[0].cells, &rows[0]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn corrupted_workbook_returns_errors(
        flips in proptest::collection::vec((0usize..100_000, any::<u8>()), 1..20),
    ) {
        let spec = small_spec();
        let rows = vec![vec![
            Cell::text("名称"),
            Cell::Int(3),
            Cell::Amount(Amount::from_fen(150)),
            Cell::Date(NaiveDate::from_ymd_opt(2024, 1, 31).unwrap()),
            Cell::text("一般数据"),
        ]];
        let mut bytes = write_workbook("c.xlsx", &[(&spec, &rows)]).unwrap();
        let len = bytes.len();
        for (position, value) in flips {
            bytes[position % len] = value;
        }
        // Any outcome but a panic is acceptable: a read either succeeds or names its errors.
        if let Err(errors) = read_sheet(&bytes, "c.xlsx", &spec, &Limits::default()) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|e| e.field().starts_with("c.xlsx")));
        }
    }

    #[test]
    fn arbitrary_catalog_text_returns_errors(text in "[a-z,\"\n\u{3000}桂林0-9|-]{0,300}") {
        let header = "dataset_name,department,published_date,updated_date,open_type,\
                      record_count,update_frequency,formats,has_api,description\n";
        let csv = format!("{header}{text}");
        if let Err(errors) =
            data_assets_io::catalog::parse_catalog(csv.as_bytes(), "r.csv", &Limits::default())
        {
            prop_assert!(errors.iter().all(|e| e.field().starts_with("r.csv")));
        }
    }
}
