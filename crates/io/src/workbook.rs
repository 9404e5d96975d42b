//! xlsx workbooks written with rust_xlsxwriter and read back with calamine, one sheet per
//! [`SheetSpec`].
//!
//! Written sheets have a bold, frozen header row of Chinese headers. Enum columns carry a
//! drop-down list validation whose labels sit in a hidden sheet [`LISTS_SHEET`], because Excel
//! limits an inline list to 255 characters. Amounts are written as numbers with two decimals
//! when below 10^13 yuan (exact in a double) and as text above; dates as Excel dates.
//!
//! Reading protects against hostile files: the file size and the zip entries' declared
//! uncompressed sizes are checked before calamine parses the bytes, a calamine panic becomes
//! [`IoError::ReaderPanic`], and the row count is checked before any row is parsed.

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, Reader, Xlsx};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet,
};

use crate::error::{IoError, Location};
use crate::limits::Limits;
use crate::table::{Cell, ColumnKind, Row, SheetSpec, collected, match_headers, parse_row};

/// Name of the hidden sheet that contains the drop-down labels of enum columns.
pub const LISTS_SHEET: &str = "选项";

/// Rows below the header that receive drop-down validation, so that a blank template offers
/// the lists too.
const VALIDATED_ROWS: u32 = 5000;

/// Amounts at or above this many yuan are written as text, because a double keeps 15 significant
/// digits and an amount of 10^13 yuan with fen needs 15.
const EXACT_NUMBER_LIMIT: i64 = 10_000_000_000_000;

/// Builds an xlsx workbook with one sheet per spec and its rows, and returns its bytes.
///
/// # Errors
///
/// [`IoError::Write`] naming `file` when rust_xlsxwriter rejects a name, value or validation.
pub fn write_workbook(
    file: &str,
    sheets: &[(&SheetSpec, &[Vec<Cell>])],
) -> Result<Vec<u8>, IoError> {
    let write_error = |error: rust_xlsxwriter::XlsxError| IoError::Write {
        field: file.to_owned(),
        value: error.to_string(),
        allowed: "sheet names, texts and lists that Excel accepts".into(),
    };
    let mut workbook = Workbook::new();
    // A fixed creation time instead of the clock keeps the bytes a function of the content.
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(write_error)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let mut lists: Vec<Vec<&'static str>> = Vec::new();
    for (spec, rows) in sheets {
        let sheet = workbook.add_worksheet();
        write_sheet(sheet, spec, rows, &mut lists).map_err(write_error)?;
    }
    if !lists.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(LISTS_SHEET).map_err(write_error)?;
        for (column, labels) in lists.iter().enumerate() {
            let column = u16::try_from(column).map_err(|_| IoError::Write {
                field: file.to_owned(),
                value: format!("{} drop-down lists", lists.len()),
                allowed: "at most 16384 drop-down lists".into(),
            })?;
            for (row, label) in labels.iter().enumerate() {
                let row = u32::try_from(row).unwrap_or(u32::MAX);
                sheet
                    .write_string(row, column, *label)
                    .map_err(write_error)?;
            }
        }
        sheet.set_hidden(true);
    }
    workbook.save_to_buffer().map_err(write_error)
}

fn write_sheet(
    sheet: &mut Worksheet,
    spec: &SheetSpec,
    rows: &[Vec<Cell>],
    lists: &mut Vec<Vec<&'static str>>,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let bold = Format::new().set_bold();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    let amount_format = Format::new().set_num_format("#,##0.00");
    sheet.set_name(spec.name)?;
    for (index, column) in spec.columns.iter().enumerate() {
        let col = u16::try_from(index).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, column.header, &bold)?;
        sheet.set_column_width(col, column_width(column.header))?;
        if let ColumnKind::Enum(labels) = &column.kind {
            // Columns with the same labels share one list column of the hidden sheet.
            let list_index = lists
                .iter()
                .position(|list| list == labels)
                .unwrap_or_else(|| {
                    lists.push(labels.clone());
                    lists.len() - 1
                });
            let list_column = list_column_name(list_index);
            let last = labels.len();
            let formula = format!("='{LISTS_SHEET}'!${list_column}$1:${list_column}${last}");
            let validation = DataValidation::new()
                .allow_list_formula(Formula::new(formula))
                .set_error_title("无效取值")?
                .set_error_message(format!("请从下拉列表中选择：{}", labels.join("、")))?;
            sheet.add_data_validation(1, col, VALIDATED_ROWS, col, &validation)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    // Printed sheets fit the page width, with the header row repeated on every page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    for (index, row) in rows.iter().enumerate() {
        let row_number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        for (col, cell) in row.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            match cell {
                Cell::Empty => {}
                Cell::Text(text) => {
                    sheet.write_string(row_number, col, text)?;
                }
                Cell::Int(value) => write_int(sheet, row_number, col, *value)?,
                Cell::Amount(amount) => {
                    let value = amount.value();
                    let exact = value.abs() < Decimal::from(EXACT_NUMBER_LIMIT);
                    match rust_decimal::prelude::ToPrimitive::to_f64(&value) {
                        Some(number) if exact => {
                            sheet.write_number_with_format(
                                row_number,
                                col,
                                number,
                                &amount_format,
                            )?;
                        }
                        _ => {
                            sheet.write_string(row_number, col, value.to_string())?;
                        }
                    }
                }
                Cell::Date(date) => {
                    let datetime = excel_date(*date)?;
                    sheet.write_datetime_with_format(row_number, col, &datetime, &date_format)?;
                }
            }
        }
    }
    Ok(())
}

fn write_int(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: i64,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    // A double represents integers exactly up to 2^53, so larger counts are written as text.
    const EXACT_INT: i64 = 1 << 53;
    if value.abs() < EXACT_INT {
        #[allow(clippy::cast_precision_loss)]
        let number = value as f64;
        sheet.write_number(row, col, number)?;
    } else {
        sheet.write_string(row, col, value.to_string())?;
    }
    Ok(())
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, rust_xlsxwriter::XlsxError> {
    use chrono::Datelike;
    let year = u16::try_from(date.year()).unwrap_or(0);
    let month = u8::try_from(date.month()).unwrap_or(0);
    let day = u8::try_from(date.day()).unwrap_or(0);
    ExcelDateTime::from_ymd(year, month, day)
}

/// Widens a column for its header: CJK characters count double.
fn column_width(header: &str) -> f64 {
    let units: usize = header
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum();
    f64::from(u8::try_from(units.clamp(10, 40)).unwrap_or(40)) + 2.0
}

/// Returns the Excel column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA.
fn list_column_name(index: usize) -> String {
    let mut index = index + 1;
    let mut letters = Vec::new();
    while index > 0 {
        let remainder = (index - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(remainder).unwrap_or(0)));
        index = (index - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Checks the zip entries of an xlsx file against the limits, from the central directory,
/// before any entry is decompressed.
///
/// # Errors
///
/// [`IoError::InvalidFile`] when the bytes are not a zip archive,
/// [`IoError::ExpansionTooLarge`] when there are too many entries or their declared sizes add
/// up to more than [`Limits::max_uncompressed_bytes`].
pub fn check_zip(bytes: &[u8], file: &str, limits: &Limits) -> Result<(), IoError> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|error| IoError::InvalidFile {
            field: file.to_owned(),
            value: error.to_string(),
            allowed: "an xlsx workbook (a zip archive)".into(),
        })?;
    if archive.len() > limits.max_zip_entries {
        return Err(IoError::ExpansionTooLarge {
            field: file.to_owned(),
            value: format!("{} zip entries", archive.len()),
            allowed: format!("at most {} zip entries", limits.max_zip_entries),
        });
    }
    // NOTE: the sizes come from the central directory, which a forged file can understate.
    // Whether the zip reader inside calamine stops at the declared size is not verified here.
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|error| IoError::InvalidFile {
                field: file.to_owned(),
                value: error.to_string(),
                allowed: "an xlsx workbook (a zip archive)".into(),
            })?;
        total = total.saturating_add(entry.size());
        if total > limits.max_uncompressed_bytes {
            return Err(IoError::ExpansionTooLarge {
                field: format!("{file}, zip entry {index}"),
                value: format!("{total} bytes uncompressed so far"),
                allowed: format!(
                    "at most {} bytes uncompressed",
                    limits.max_uncompressed_bytes
                ),
            });
        }
    }
    Ok(())
}

/// Reads one sheet of an xlsx workbook against its spec. Columns are matched by header in any
/// order; extra columns and fully empty rows are ignored.
///
/// # Errors
///
/// Every error found: the limit and zip checks, a missing sheet or required header, and one
/// error per invalid or missing cell with file, sheet, row and column header.
pub fn read_sheet(
    bytes: &[u8],
    file: &str,
    spec: &SheetSpec,
    limits: &Limits,
) -> Result<Vec<Row>, Vec<IoError>> {
    let location = Location::file(file).sheet(spec.name);
    let range = load_range(bytes, file, spec.name, limits).map_err(|error| vec![error])?;
    let Some((first_row, _)) = range.start() else {
        let headers = Vec::new();
        match_headers(spec, &headers, &location)?;
        return Ok(Vec::new());
    };
    let mut sheet_rows = range.rows();
    let headers: Vec<String> = sheet_rows
        .next()
        .map(|row| {
            row.iter()
                .map(|cell| cell_text(cell).trim().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let positions = match_headers(spec, &headers, &location)?;
    let field = location.render();
    limits
        .check_rows(&field, range.height().saturating_sub(1))
        .map_err(|error| vec![error])?;

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for (index, cells) in sheet_rows.enumerate() {
        if cells.iter().all(|cell| cell_text(cell).trim().is_empty()) {
            continue;
        }
        // The header sits on sheet row first_row + 1 (1-based); data rows follow it.
        let number = u64::from(first_row) + 2 + u64::try_from(index).unwrap_or(u64::MAX);
        let texts: Vec<String> = positions
            .iter()
            .zip(&spec.columns)
            .map(|(position, column)| {
                position
                    .and_then(|p| cells.get(p))
                    .map(|cell| cell_as_text(cell, &column.kind))
                    .unwrap_or_default()
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        rows.push(parse_row(spec, number, &texts, &location, &mut errors));
    }
    collected(rows, errors)
}

/// Lists the sheet names of an xlsx workbook, after the same checks as [`read_sheet`].
///
/// # Errors
///
/// The limit and zip checks, or an invalid workbook.
pub fn sheet_names(bytes: &[u8], file: &str, limits: &Limits) -> Result<Vec<String>, IoError> {
    open_guarded(bytes, file, limits, |workbook| Ok(workbook.sheet_names()))
}

fn load_range(
    bytes: &[u8],
    file: &str,
    sheet: &str,
    limits: &Limits,
) -> Result<calamine::Range<Data>, IoError> {
    open_guarded(bytes, file, limits, |workbook| {
        let names = workbook.sheet_names();
        if !names.iter().any(|name| name == sheet) {
            return Err(IoError::MissingSheet {
                field: file.to_owned(),
                value: sheet.to_owned(),
                allowed: format!("a sheet named {sheet}; found {}", names.join(", ")),
            });
        }
        workbook
            .worksheet_range(sheet)
            .map_err(|error| IoError::InvalidFile {
                field: format!("{file}, sheet {sheet}"),
                value: error.to_string(),
                allowed: "a readable xlsx worksheet".into(),
            })
    })
}

/// Opens the workbook with calamine after the size and zip checks, and runs `work` on it, turning
/// a calamine panic into [`IoError::ReaderPanic`].
fn open_guarded<T>(
    bytes: &[u8],
    file: &str,
    limits: &Limits,
    work: impl FnOnce(&mut Xlsx<Cursor<&[u8]>>) -> Result<T, IoError>,
) -> Result<T, IoError> {
    limits.check_size(file, u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
    check_zip(bytes, file, limits)?;
    catch_reader_panic(file, || {
        let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(
            |error: calamine::XlsxError| IoError::InvalidFile {
                field: file.to_owned(),
                value: error.to_string(),
                allowed: "an xlsx workbook".into(),
            },
        )?;
        work(&mut workbook)
    })
}

/// Runs reader code and turns a panic into [`IoError::ReaderPanic`] naming `file`.
fn catch_reader_panic<T>(
    file: &str,
    work: impl FnOnce() -> Result<T, IoError>,
) -> Result<T, IoError> {
    // The default panic hook has already printed the panic message to stderr when this returns.
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(IoError::ReaderPanic {
            field: file.to_owned(),
            value: message,
            allowed: "an xlsx workbook that calamine can read".into(),
        })
    })
}

/// Renders a cell as plain text, for headers and empty-row checks.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => format_float(*value),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(value) => format_float(value.as_f64()),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// Renders a cell as the text its column parses: Excel dates become `YYYY-MM-DD` in date columns.
fn cell_as_text(cell: &Data, kind: &ColumnKind) -> String {
    match (cell, kind) {
        (Data::DateTime(value), ColumnKind::Date) => excel_serial_to_date(value.as_f64())
            .map(|d| d.to_string())
            .unwrap_or_default(),
        (Data::DateTimeIso(text), ColumnKind::Date) => text.chars().take(10).collect(),
        (Data::Float(value), ColumnKind::Date) => {
            excel_serial_to_date(*value).map_or_else(|| format_float(*value), |d| d.to_string())
        }
        _ => cell_text(cell),
    }
}

/// Renders a double in its shortest exact form, without a trailing `.0` for whole numbers.
fn format_float(value: f64) -> String {
    let text = value.to_string();
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// Converts an Excel serial date (1900 date system) to a date, dropping the time of day.
///
/// Excel's dates run from serial 1 (1900-01-01) to serial 2,958,465 (9999-12-31); a number
/// outside them is not a date.
fn excel_serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Serial 1 is 1900-01-01; counting from 1899-12-30 absorbs Excel's fictitious 1900-02-29
    // for every date from 1900-03-01 on.
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let days = serial.floor() as u64;
    epoch.checked_add_days(Days::new(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_panic_becomes_error() {
        let error = catch_reader_panic::<()>("p.xlsx", || panic!("broken sheet")).unwrap_err();
        assert_eq!(
            error,
            IoError::ReaderPanic {
                field: "p.xlsx".into(),
                value: "broken sheet".into(),
                allowed: "an xlsx workbook that calamine can read".into(),
            }
        );
        let formatted = catch_reader_panic::<()>("p.xlsx", || panic!("row {}", 7)).unwrap_err();
        assert_eq!(data_assets_core::ErrorDetail::value(&formatted), "row 7");
        assert_eq!(catch_reader_panic("p.xlsx", || Ok(5)), Ok(5));
    }

    #[test]
    fn list_columns_are_letters() {
        assert_eq!(list_column_name(0), "A");
        assert_eq!(list_column_name(25), "Z");
        assert_eq!(list_column_name(26), "AA");
        assert_eq!(list_column_name(27), "AB");
    }

    #[test]
    fn serial_dates_convert() {
        // 45292 is 2024-01-01 in Excel's 1900 date system.
        assert_eq!(
            excel_serial_to_date(45292.0),
            NaiveDate::from_ymd_opt(2024, 1, 1)
        );
        assert_eq!(
            excel_serial_to_date(45292.75),
            NaiveDate::from_ymd_opt(2024, 1, 1)
        );
        assert_eq!(
            excel_serial_to_date(2_958_465.5),
            NaiveDate::from_ymd_opt(9999, 12, 31)
        );
        assert_eq!(excel_serial_to_date(2_958_466.0), None);
        assert_eq!(excel_serial_to_date(-3.0), None);
        assert_eq!(excel_serial_to_date(f64::NAN), None);
    }

    #[test]
    fn floats_render_shortest() {
        assert_eq!(format_float(4166.67), "4166.67");
        assert_eq!(format_float(1200.0), "1200");
    }
}
