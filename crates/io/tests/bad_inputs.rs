//! Bad-input catalog of the io crate: malformed workbooks, CSV and JSON forms, each with the
//! typed error code it must produce. A reader that fails returns only errors, never a part of
//! the rows. docs/bad-inputs.md lists the catalog.

use std::io::{Cursor, Write};
use std::sync::OnceLock;

use data_assets_core::ErrorDetail;
use data_assets_io::catalog::parse_catalog;
use data_assets_io::draft::{draft_ledger_spec, rows_to_resources};
use data_assets_io::table::{from_json, read_csv};
use data_assets_io::workbook::{read_sheet, sheet_names};
use data_assets_io::{IoError, Limits};
use serde_json::json;

const HEADER: &str = "seq,dataset_name,department,published_date,updated_date,open_type,\
record_count,update_frequency,formats,has_api,description";

fn catalog_with(row: &str) -> Vec<u8> {
    format!("{HEADER}\n{row}\n").into_bytes()
}

const GOOD_ROW: &str =
    "1,企业年报,桂林市市场监督管理局,2021-11-26,2023-03-04,无条件开放,44270,每天,xls|csv,N,年报";

fn catalog_code(bytes: &[u8], limits: &Limits) -> Result<(), String> {
    parse_catalog(bytes, "catalog.csv", limits)
        .map(drop)
        .map_err(|e| first(&e))
}

fn first(errors: &[IoError]) -> String {
    errors
        .first()
        .map_or_else(|| "none".into(), |e| e.code().to_owned())
}

/// A draft-ledger workbook of the sample catalog, written by the crate's own writer.
fn draft_workbook() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/seeds/workbook");
        std::fs::read(format!("{seeds}/draft-ledger-4-rows.xlsx")).expect("seed workbook")
    })
}

fn sheet_code(bytes: &[u8], limits: &Limits) -> Result<(), String> {
    read_sheet(bytes, "ledger.xlsx", &draft_ledger_spec(), limits)
        .map(drop)
        .map_err(|e| first(&e))
}

/// A zip archive with the given entries, compressed with deflate.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        writer.start_file(*name, options).expect("zip entry");
        writer.write_all(data).expect("zip write");
    }
    writer.finish().expect("zip finish");
    out.into_inner()
}

/// Replaces the text of one cell in the draft workbook's rows read back, as a JSON form.
fn draft_json_with(key: &str, value: serde_json::Value) -> Result<(), String> {
    let spec = draft_ledger_spec();
    let rows = read_sheet(draft_workbook(), "ledger.xlsx", &spec, &Limits::default())
        .expect("seed workbook reads");
    let cells: Vec<Vec<data_assets_io::Cell>> = rows.into_iter().map(|r| r.cells).collect();
    let mut form = data_assets_io::table::to_json(&spec, &cells);
    form[0][key] = value;
    let rows = from_json(&form, "ledger.json", &spec, &Limits::default()).map_err(|e| first(&e))?;
    rows_to_resources(&rows, "ledger.json")
        .map(drop)
        .map_err(|e| first(&e))
}

struct BadInput {
    name: &'static str,
    expected: &'static str,
    run: fn() -> Result<(), String>,
}

const CATALOG: &[BadInput] = &[
    // Workbooks.
    BadInput {
        name: "xlsx_truncated_half",
        expected: "io.invalid_file",
        run: || {
            let b = draft_workbook();
            sheet_code(&b[..b.len() / 2], &Limits::default())
        },
    },
    BadInput {
        name: "xlsx_last_byte_missing",
        expected: "io.invalid_file",
        run: || {
            let b = draft_workbook();
            sheet_code(&b[..b.len() - 1], &Limits::default())
        },
    },
    BadInput {
        name: "xlsx_not_a_zip",
        expected: "io.invalid_file",
        run: || sheet_code("台账\u{0000}\u{202e}".as_bytes(), &Limits::default()),
    },
    BadInput {
        name: "xlsx_empty_file",
        expected: "io.invalid_file",
        run: || sheet_code(b"", &Limits::default()),
    },
    BadInput {
        name: "xlsx_zip_without_workbook",
        expected: "io.invalid_file",
        run: || sheet_code(&zip_of(&[("hello.txt", b"hello")]), &Limits::default()),
    },
    BadInput {
        name: "xlsx_zip_bomb",
        expected: "io.expansion_too_large",
        run: || {
            // 8 MiB of zeros deflate to about 8 KiB: a thousandfold expansion against a 1 MiB limit.
            let zeros = vec![0u8; 8 << 20];
            let bomb = zip_of(&[("xl/worksheets/sheet1.xml", &zeros)]);
            assert!(
                bomb.len() < 64 * 1024,
                "the bomb should be small: {} bytes",
                bomb.len()
            );
            let limits = Limits {
                max_uncompressed_bytes: 1 << 20,
                ..Limits::default()
            };
            sheet_code(&bomb, &limits)
        },
    },
    BadInput {
        name: "xlsx_too_many_zip_entries",
        expected: "io.expansion_too_large",
        run: || {
            let names: Vec<String> = (0..101).map(|i| format!("f{i}.xml")).collect();
            let entries: Vec<(&str, &[u8])> =
                names.iter().map(|n| (n.as_str(), &b""[..])).collect();
            let limits = Limits {
                max_zip_entries: 100,
                ..Limits::default()
            };
            sheet_code(&zip_of(&entries), &limits)
        },
    },
    BadInput {
        name: "xlsx_file_too_large",
        expected: "io.file_too_large",
        run: || {
            sheet_code(
                draft_workbook(),
                &Limits {
                    max_file_bytes: 1024,
                    ..Limits::default()
                },
            )
        },
    },
    BadInput {
        name: "xlsx_too_many_rows",
        expected: "io.too_many_rows",
        run: || {
            sheet_code(
                draft_workbook(),
                &Limits {
                    max_rows: 2,
                    ..Limits::default()
                },
            )
        },
    },
    BadInput {
        name: "xlsx_sheet_names_of_garbage",
        expected: "io.invalid_file",
        run: || {
            sheet_names(
                &[0x50, 0x4b, 0x03, 0x04, 0xff, 0xff],
                "x.xlsx",
                &Limits::default(),
            )
            .map(drop)
            .map_err(|e| e.code().to_owned())
        },
    },
    BadInput {
        name: "xlsx_missing_sheet",
        expected: "io.missing_sheet",
        run: || {
            let mut other = draft_ledger_spec();
            other.name = "其他";
            let bytes = data_assets_io::workbook::write_workbook("o.xlsx", &[(&other, &[])])
                .expect("writes");
            sheet_code(&bytes, &Limits::default())
        },
    },
    // Catalog CSV.
    BadInput {
        name: "csv_missing_required_column",
        expected: "io.missing_column",
        run: || catalog_code(b"seq,department\n1,x\n", &Limits::default()),
    },
    BadInput {
        name: "csv_unknown_open_type_label",
        expected: "io.invalid_value",
        run: || {
            catalog_code(
                &catalog_with(&GOOD_ROW.replace("无条件开放", "秘密开放")),
                &Limits::default(),
            )
        },
    },
    BadInput {
        name: "csv_invalid_date",
        expected: "io.invalid_value",
        run: || {
            catalog_code(
                &catalog_with(&GOOD_ROW.replace("2021-11-26", "2021-02-30")),
                &Limits::default(),
            )
        },
    },
    BadInput {
        name: "csv_negative_record_count",
        expected: "io.invalid_value",
        run: || {
            catalog_code(
                &catalog_with(&GOOD_ROW.replace("44270", "-5")),
                &Limits::default(),
            )
        },
    },
    BadInput {
        name: "csv_29_digit_record_count",
        expected: "io.invalid_value",
        run: || {
            catalog_code(
                &catalog_with(&GOOD_ROW.replace("44270", "99999999999999999999999999999")),
                &Limits::default(),
            )
        },
    },
    BadInput {
        name: "csv_has_api_wrong_type",
        expected: "io.invalid_value",
        run: || {
            catalog_code(
                &catalog_with(&GOOD_ROW.replace(",N,", ",maybe,")),
                &Limits::default(),
            )
        },
    },
    BadInput {
        name: "csv_empty_dataset_name",
        expected: "io.missing_value",
        run: || {
            catalog_code(
                &catalog_with(&GOOD_ROW.replace("企业年报", "")),
                &Limits::default(),
            )
        },
    },
    BadInput {
        name: "csv_invalid_utf8",
        expected: "io.invalid_file",
        run: || {
            let mut bytes = catalog_with(GOOD_ROW);
            bytes.extend_from_slice(b"2,\xff\xfe,x\n");
            catalog_code(&bytes, &Limits::default())
        },
    },
    BadInput {
        name: "csv_one_megabyte_field_over_limit",
        expected: "io.file_too_large",
        run: || {
            catalog_code(
                &catalog_with(&GOOD_ROW.replace("年报", &"年".repeat(1 << 20))),
                &Limits {
                    max_file_bytes: 1 << 20,
                    ..Limits::default()
                },
            )
        },
    },
    BadInput {
        name: "csv_too_many_rows",
        expected: "io.too_many_rows",
        run: || {
            let rows = [GOOD_ROW; 11].join("\n");
            catalog_code(
                &catalog_with(&rows),
                &Limits {
                    max_rows: 10,
                    ..Limits::default()
                },
            )
        },
    },
    BadInput {
        name: "draft_csv_without_headers",
        expected: "io.missing_column",
        run: || {
            read_csv(
                b"a,b\n1,2\n",
                "draft.csv",
                &draft_ledger_spec(),
                &Limits::default(),
            )
            .map(drop)
            .map_err(|e| first(&e))
        },
    },
    // JSON forms and cross-field checks of the draft ledger.
    BadInput {
        name: "json_form_not_an_array",
        expected: "io.invalid_file",
        run: || {
            from_json(
                &json!({"rows": []}),
                "f.json",
                &draft_ledger_spec(),
                &Limits::default(),
            )
            .map(drop)
            .map_err(|e| first(&e))
        },
    },
    BadInput {
        name: "json_form_row_not_an_object",
        expected: "io.invalid_value",
        run: || {
            from_json(
                &json!([42]),
                "f.json",
                &draft_ledger_spec(),
                &Limits::default(),
            )
            .map(drop)
            .map_err(|e| first(&e))
        },
    },
    BadInput {
        name: "json_form_cost_wrong_type",
        expected: "io.invalid_value",
        run: || draft_json_with("cost", json!({"yuan": 5})),
    },
    BadInput {
        name: "json_form_cost_29_digits",
        expected: "io.invalid_value",
        run: || draft_json_with("cost", json!("99999999999999999999999999999")),
    },
    BadInput {
        name: "json_form_unknown_right",
        expected: "io.invalid_value",
        run: || draft_json_with("rights", json!("所有权")),
    },
    BadInput {
        name: "json_form_negative_records",
        expected: "io.invalid_value",
        run: || draft_json_with("records", json!("-1")),
    },
];

#[test]
fn bad_inputs_return_typed_codes() {
    let mut failures = Vec::new();
    for case in CATALOG {
        match (case.run)() {
            Ok(()) => failures.push(format!(
                "{}: accepted, expected {}",
                case.name, case.expected
            )),
            Err(actual) if actual == case.expected => {}
            Err(actual) => failures.push(format!(
                "{}: got {actual}, expected {}",
                case.name, case.expected
            )),
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
