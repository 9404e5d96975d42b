//! Column specifications and typed cells shared by the workbook, CSV and JSON forms.
//!
//! A sheet is declared once as a [`SheetSpec`]: a Chinese sheet name and one [`ColumnSpec`] per
//! column (key, Chinese header, [`ColumnKind`], required or not). The same spec writes and reads
//! the sheet as xlsx ([`crate::workbook`]), as CSV with Chinese headers and as JSON objects keyed
//! by the column keys, so the three forms hold the same data.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use data_assets_core::Amount;
use serde_json::Value;

use crate::error::{IoError, Location};
use crate::limits::Limits;

/// Type of the values in a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnKind {
    /// Free text.
    Text,
    /// A whole number.
    Int,
    /// An amount in yuan with at most two decimal places.
    Amount,
    /// A calendar date, written `YYYY-MM-DD`.
    Date,
    /// One of a fixed list of labels, offered as a drop-down in workbooks.
    Enum(Vec<&'static str>),
}

impl ColumnKind {
    /// Describes the accepted values in words, for error messages.
    pub fn allowed(&self) -> String {
        match self {
            ColumnKind::Text => "text".into(),
            ColumnKind::Int => "a whole number such as 1200".into(),
            ColumnKind::Amount => "an amount in yuan with at most two decimal places".into(),
            ColumnKind::Date => "a date such as 2024-12-31".into(),
            ColumnKind::Enum(labels) => format!("one of {}", labels.join(", ")),
        }
    }
}

/// One column of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSpec {
    /// Stable key used in JSON, such as `open_type`.
    pub key: &'static str,
    /// Chinese header used in workbooks and CSV files.
    pub header: &'static str,
    /// Type of the values.
    pub kind: ColumnKind,
    /// Whether every row must fill it.
    pub required: bool,
}

impl ColumnSpec {
    /// Creates a column spec.
    pub fn new(key: &'static str, header: &'static str, kind: ColumnKind, required: bool) -> Self {
        ColumnSpec {
            key,
            header,
            kind,
            required,
        }
    }

    fn allowed(&self) -> String {
        let what = self.kind.allowed();
        if self.required {
            what
        } else {
            format!("{what}, or empty")
        }
    }
}

/// A sheet: a name and its columns in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetSpec {
    /// Sheet name (Chinese), also the stem of its CSV file.
    pub name: &'static str,
    /// Columns in order.
    pub columns: Vec<ColumnSpec>,
}

impl SheetSpec {
    /// Returns the position of the column with a key.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// Returns the headers in order.
    pub fn headers(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.header).collect()
    }
}

/// A typed cell value. Enum columns hold their label as [`Cell::Text`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Cell {
    /// No value.
    #[default]
    Empty,
    /// Text or an enum label.
    Text(String),
    /// A whole number.
    Int(i64),
    /// An amount.
    Amount(Amount),
    /// A date.
    Date(NaiveDate),
}

impl Cell {
    /// Creates a text cell, or [`Cell::Empty`] for empty text.
    pub fn text(value: impl Into<String>) -> Self {
        let value = value.into();
        if value.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        }
    }

    /// Creates a cell from an optional value.
    pub fn from_option<T>(value: Option<T>, make: impl FnOnce(T) -> Cell) -> Self {
        value.map_or(Cell::Empty, make)
    }

    /// Renders the cell as the text used in CSV files.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(text) => text.clone(),
            Cell::Int(value) => value.to_string(),
            Cell::Amount(amount) => amount.value().to_string(),
            Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A data row read from a file: its row number as the user sees it and one cell per column of
/// the spec, in spec order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Row number, 1-based, counting the header row.
    pub number: u64,
    /// Cells in spec order.
    pub cells: Vec<Cell>,
}

/// Maximum UTF-16 code units in an xlsx cell (Excel's limit of 32,767 characters). Longer text
/// is rejected on reading, whatever the format, because no workbook can contain it.
pub const MAX_CELL_UNITS: usize = 32_767;

/// Parses a text into a cell of a column, or returns what the column accepts.
///
/// Text is trimmed; empty text is [`Cell::Empty`]. Text longer than [`MAX_CELL_UNITS`] is
/// rejected. Dates accept `YYYY-MM-DD` and `YYYY/MM/DD`. Amounts accept digits with an optional
/// sign, thousands separators `,` and two decimals.
pub fn parse_text(column: &ColumnSpec, text: &str) -> Result<Cell, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Cell::Empty);
    }
    if too_long_for_cell(text) {
        return Err(format!(
            "{CELL_LIMIT}; the column takes {}",
            column.allowed()
        ));
    }
    match &column.kind {
        ColumnKind::Text => Ok(Cell::Text(text.to_owned())),
        ColumnKind::Int => text
            .parse::<i64>()
            .map(Cell::Int)
            .map_err(|_| column.allowed()),
        ColumnKind::Amount => {
            let plain: String = text.chars().filter(|c| *c != ',').collect();
            Amount::parse_field(&plain, column.key)
                .and_then(|amount| amount.require_fen(column.key))
                .map(Cell::Amount)
                .map_err(|_| column.allowed())
        }
        ColumnKind::Date => parse_date(text)
            .map(Cell::Date)
            .ok_or_else(|| column.allowed()),
        ColumnKind::Enum(labels) => {
            if labels.contains(&text) {
                Ok(Cell::Text(text.to_owned()))
            } else {
                Err(column.allowed())
            }
        }
    }
}

/// Parses `YYYY-MM-DD` or `YYYY/MM/DD` with a year from 1 to 9999, the years that Excel and
/// Python's `date` can both represent.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y/%m/%d"))
        .ok()
        .filter(|date| (1..=9999).contains(&date.year()))
}

/// Writes rows as CSV with the spec's Chinese headers.
///
/// # Errors
///
/// [`IoError::Write`] naming `file` when the writer fails.
pub fn write_csv<W: std::io::Write>(
    spec: &SheetSpec,
    rows: &[Vec<Cell>],
    writer: W,
    file: &str,
) -> Result<(), IoError> {
    let write_error = |error: csv::Error| IoError::Write {
        field: file.to_owned(),
        value: error.to_string(),
        allowed: "a writable destination".into(),
    };
    let mut out = csv::Writer::from_writer(writer);
    out.write_record(spec.headers()).map_err(write_error)?;
    for row in rows {
        out.write_record(row.iter().map(Cell::to_text))
            .map_err(write_error)?;
    }
    out.flush().map_err(|error| write_error(error.into()))
}

/// Reads CSV with the spec's Chinese headers, in any column order; extra columns are ignored.
///
/// # Errors
///
/// Every error found: missing required headers, then one per invalid or missing cell, with the
/// row number (the header is row 1) and the column header.
pub fn read_csv(
    bytes: &[u8],
    file: &str,
    spec: &SheetSpec,
    limits: &Limits,
) -> Result<Vec<Row>, Vec<IoError>> {
    let location = Location::file(file);
    let (headers, records, mut errors) = split_csv(bytes, file, limits)?;
    let positions = match_headers(spec, &headers, &location)?;
    let mut rows = Vec::with_capacity(records.len());
    for (number, record) in &records {
        let texts: Vec<&str> = positions
            .iter()
            .map(|position| position.and_then(|p| record.get(p)).unwrap_or(""))
            .collect();
        rows.push(parse_row(spec, *number, &texts, &location, &mut errors));
    }
    collected(rows, errors)
}

/// Records of a CSV file, each with the row a spreadsheet shows for it.
pub(crate) type CsvRecords = Vec<(u64, csv::StringRecord)>;

/// Splits CSV bytes (a UTF-8 byte-order mark is skipped) into trimmed headers, records and the
/// errors met on the way: malformed records and the row limit, after which reading stops.
///
/// # Errors
///
/// One [`IoError::InvalidFile`] when the header row cannot be read.
pub(crate) fn split_csv(
    bytes: &[u8],
    file: &str,
    limits: &Limits,
) -> Result<(Vec<String>, CsvRecords, Vec<IoError>), Vec<IoError>> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_owned()).collect(),
        Err(error) => return Err(vec![invalid_csv(file, &error)]),
    };
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for (index, record) in reader.records().enumerate() {
        match record {
            Ok(record) => records.push((spreadsheet_row(index), record)),
            Err(error) => errors.push(invalid_csv(file, &error)),
        }
        if let Err(error) = limits.check_rows(file, index + 1) {
            errors.push(error);
            break;
        }
    }
    Ok((headers, records, errors))
}

/// Returns the row a spreadsheet shows for the record at `index`: the header is row 1, and a
/// quoted value spanning several lines stays in one row.
fn spreadsheet_row(index: usize) -> u64 {
    u64::try_from(index).map_or(u64::MAX, |index| index.saturating_add(2))
}

/// Returns the items when no error was collected, otherwise every error.
pub(crate) fn collected<T>(items: T, errors: Vec<IoError>) -> Result<T, Vec<IoError>> {
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(errors)
    }
}

fn invalid_csv(file: &str, error: &csv::Error) -> IoError {
    IoError::InvalidFile {
        field: file.to_owned(),
        value: error.to_string(),
        allowed: "UTF-8 CSV with one header row".into(),
    }
}

/// Finds each spec column among the headers; every missing required header is an error.
pub(crate) fn match_headers(
    spec: &SheetSpec,
    headers: &[String],
    location: &Location<'_>,
) -> Result<Vec<Option<usize>>, Vec<IoError>> {
    let positions: Vec<Option<usize>> = spec
        .columns
        .iter()
        .map(|column| headers.iter().position(|h| h == column.header))
        .collect();
    let errors: Vec<IoError> = spec
        .columns
        .iter()
        .zip(&positions)
        .filter(|(column, position)| column.required && position.is_none())
        .map(|(column, _)| IoError::MissingColumn {
            field: location.render(),
            value: column.header.to_owned(),
            allowed: format!("a header row with {}", spec.headers().join(", ")),
        })
        .collect();
    if errors.is_empty() {
        Ok(positions)
    } else {
        Err(errors)
    }
}

/// Parses one row of texts in spec order, pushing every error found.
pub(crate) fn parse_row(
    spec: &SheetSpec,
    number: u64,
    texts: &[&str],
    location: &Location<'_>,
    errors: &mut Vec<IoError>,
) -> Row {
    let mut cells = Vec::with_capacity(spec.columns.len());
    for (column, text) in spec.columns.iter().zip(texts) {
        match parse_text(column, text) {
            Ok(Cell::Empty) if column.required => {
                errors.push(
                    location
                        .cell(number, column.header)
                        .missing(column.allowed()),
                );
                cells.push(Cell::Empty);
            }
            Ok(cell) => cells.push(cell),
            Err(allowed) => {
                errors.push(
                    location
                        .cell(number, column.header)
                        .invalid(&shortened(text.trim()), allowed),
                );
                cells.push(Cell::Empty);
            }
        }
    }
    Row { number, cells }
}

/// Description of what a text cell allows, as error messages give it.
pub(crate) const CELL_LIMIT: &str = "at most 32,767 characters, the limit of an Excel cell";

/// Checks whether a text is longer than an xlsx cell allows ([`MAX_CELL_UNITS`]).
pub(crate) fn too_long_for_cell(text: &str) -> bool {
    // A UTF-8 text has at least as many bytes as UTF-16 units, so most texts skip the count.
    text.len() > MAX_CELL_UNITS && text.encode_utf16().count() > MAX_CELL_UNITS
}

/// Shortens a rejected value for an error message: its first 40 characters and its length, so
/// a huge cell does not flood the report.
pub(crate) fn shortened(text: &str) -> String {
    const SHOWN: usize = 40;
    let count = text.chars().count();
    if count <= SHOWN * 2 {
        return text.to_owned();
    }
    let head: String = text.chars().take(SHOWN).collect();
    format!("{head}… ({count} characters)")
}

/// Renders rows as JSON objects keyed by the column keys: text and dates as strings, whole
/// numbers as numbers, amounts as decimal strings (exact) and empty cells as `null`.
pub fn to_json(spec: &SheetSpec, rows: &[Vec<Cell>]) -> Value {
    let objects = rows
        .iter()
        .map(|row| {
            let map: serde_json::Map<String, Value> = spec
                .columns
                .iter()
                .zip(row)
                .map(|(column, cell)| {
                    let value = match cell {
                        Cell::Empty => Value::Null,
                        Cell::Int(value) => Value::from(*value),
                        other => Value::String(other.to_text()),
                    };
                    (column.key.to_owned(), value)
                })
                .collect();
            Value::Object(map)
        })
        .collect();
    Value::Array(objects)
}

/// Reads rows from the JSON form written by [`to_json`]; rows are numbered from 1.
///
/// # Errors
///
/// Every invalid or missing value, located by row (the first object is row 1) and column header.
pub fn from_json(
    value: &Value,
    file: &str,
    spec: &SheetSpec,
    limits: &Limits,
) -> Result<Vec<Row>, Vec<IoError>> {
    let location = Location::file(file);
    let Some(items) = value.as_array() else {
        return Err(vec![IoError::InvalidFile {
            field: file.to_owned(),
            value: "not an array".into(),
            allowed: "a JSON array of objects".into(),
        }]);
    };
    limits
        .check_rows(file, items.len())
        .map_err(|error| vec![error])?;
    let mut rows = Vec::with_capacity(items.len());
    let mut errors = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let number = u64::try_from(index + 1).unwrap_or(u64::MAX);
        let Some(object) = item.as_object() else {
            let at = Location {
                row: Some(number),
                ..location.clone()
            };
            errors.push(at.invalid(&item.to_string(), "a JSON object keyed by column keys"));
            continue;
        };
        let object: BTreeMap<&str, &Value> = object.iter().map(|(k, v)| (k.as_str(), v)).collect();
        let texts: Vec<String> = spec
            .columns
            .iter()
            .map(|column| match object.get(column.key) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(text)) => text.clone(),
                Some(other) => other.to_string(),
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        rows.push(parse_row(spec, number, &texts, &location, &mut errors));
    }
    collected(rows, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_take_both_separators_and_four_digit_years() {
        assert_eq!(
            parse_date("2025-03-01"),
            NaiveDate::from_ymd_opt(2025, 3, 1)
        );
        assert_eq!(
            parse_date("2025/03/01"),
            NaiveDate::from_ymd_opt(2025, 3, 1)
        );
        assert_eq!(
            parse_date("9999-12-31"),
            NaiveDate::from_ymd_opt(9999, 12, 31)
        );
        assert_eq!(parse_date("10000-01-01"), None);
        assert_eq!(parse_date("0000-01-01"), None);
        assert_eq!(parse_date("2025-02-29"), None);
    }
}
