//! The ledger workbook (台账工作簿) in five sheets: the unit (单位), its data assets (台账), their
//! accounting events (事项), the authorized-operation grants (授权) and the receipts to split
//! (收益). The same data can be a directory of CSV files or one JSON document.
//!
//! [`template`] writes a blank workbook with drop-downs; [`read_ledger`] reads any of the three
//! forms and checks it, reporting every bad cell and every rule broken between rows and sheets;
//! [`write_ledger_xlsx`] and [`write_ledger_json`] write it back, so that template → fill → read
//! → write → read returns the same [`Ledger`].
//!
//! # Errors
//!
//! Readers return every [`LedgerError`] found, each with file, sheet, row, column header, value
//! and what is allowed.

mod assets;
mod cells;
pub mod check;
mod error;
pub mod events;
mod grants;
pub mod spec;

use std::path::Path;

use data_assets_core::ErrorDetail;
use data_assets_core::accounting::Event;
use data_assets_core::asset::DataAsset;
use serde::{Deserialize, Serialize};

pub use assets::LedgerUnit;
pub use check::{Origin, check_ledger};
pub use error::LedgerError;
pub use grants::{
    LedgerAuthorization, PARTY_SEPARATOR, RATIO_SEPARATOR, Receipt, SplitTextError, parse_split,
};
pub use spec::{EventType, ledger_specs};

use self::cells::RowCells;
use crate::error::{IoError, Location};
use crate::limits::Limits;
use crate::table::{Cell, Row, SheetSpec, read_csv, write_csv};
use crate::workbook::{check_zip, read_sheet, write_workbook};

/// A unit's ledger: who it is, what it holds, what happened, whom it authorized and what it
/// received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// The unit (会计主体).
    pub unit: LedgerUnit,
    /// Data assets (台账), one per row.
    #[serde(default)]
    pub assets: Vec<DataAsset>,
    /// Accounting events (事项), in row order.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Authorized-operation grants (授权).
    #[serde(default)]
    pub authorizations: Vec<LedgerAuthorization>,
    /// Receipts to split (收益).
    #[serde(default)]
    pub receipts: Vec<Receipt>,
}

/// Form of a ledger file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerFormat {
    /// An xlsx workbook with the five sheets.
    Xlsx,
    /// A directory with one CSV file per sheet, named after the sheet (`台账.csv`).
    CsvDirectory,
    /// A JSON document of [`Ledger`].
    Json,
}

impl LedgerFormat {
    /// Chooses the form of a path: a directory is CSV, `.json` is JSON, anything else xlsx.
    pub fn of_path(path: &Path) -> Self {
        if path.is_dir() {
            LedgerFormat::CsvDirectory
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
        {
            LedgerFormat::Json
        } else {
            LedgerFormat::Xlsx
        }
    }
}

/// Writes a blank ledger workbook: the five sheets with their headers and drop-downs.
///
/// # Errors
///
/// [`IoError::Write`] when the workbook cannot be built.
///
/// ```
/// let bytes = data_assets_io::ledger::template()?;
/// let names = data_assets_io::workbook::sheet_names(&bytes, "t.xlsx", &Default::default())?;
/// assert_eq!(&names[..5], ["单位", "台账", "事项", "授权", "收益"]);
/// # Ok::<(), data_assets_io::IoError>(())
/// ```
pub fn template() -> Result<Vec<u8>, IoError> {
    let specs = ledger_specs();
    let empty: Vec<Vec<Cell>> = Vec::new();
    let sheets: Vec<(&SheetSpec, &[Vec<Cell>])> =
        specs.iter().map(|spec| (spec, empty.as_slice())).collect();
    write_workbook("template.xlsx", &sheets)
}

/// Renders the ledger as the rows of the five sheets, in [`ledger_specs`] order.
///
/// # Errors
///
/// [`IoError::Write`] naming an event of a kind the 事项 sheet cannot hold (amortization, which
/// runs generate, and impairment reversal, which is never allowed).
pub fn ledger_rows(ledger: &Ledger) -> Result<[Vec<Vec<Cell>>; 5], IoError> {
    let mut events = Vec::with_capacity(ledger.events.len());
    for event in &ledger.events {
        let row = events::event_row(event).map_err(|code| IoError::Write {
            field: format!("event {}", event.id),
            value: code.to_owned(),
            allowed: "an event type of the 事项 sheet".into(),
        })?;
        events.push(row);
    }
    Ok([
        vec![assets::unit_row(&ledger.unit)],
        ledger.assets.iter().map(assets::asset_row).collect(),
        events,
        ledger
            .authorizations
            .iter()
            .map(grants::authorization_row)
            .collect(),
        ledger.receipts.iter().map(grants::receipt_row).collect(),
    ])
}

/// Writes the ledger as an xlsx workbook and returns its bytes.
///
/// # Errors
///
/// See [`ledger_rows`]; [`IoError::Write`] when the workbook cannot be built.
pub fn write_ledger_xlsx(ledger: &Ledger) -> Result<Vec<u8>, IoError> {
    let specs = ledger_specs();
    let rows = ledger_rows(ledger)?;
    let sheets: Vec<(&SheetSpec, &[Vec<Cell>])> = specs
        .iter()
        .zip(&rows)
        .map(|(spec, rows)| (spec, rows.as_slice()))
        .collect();
    write_workbook("ledger.xlsx", &sheets)
}

/// Writes the ledger as pretty-printed JSON.
///
/// # Errors
///
/// [`IoError::Write`] when serialization fails.
pub fn write_ledger_json(ledger: &Ledger) -> Result<String, IoError> {
    serde_json::to_string_pretty(ledger).map_err(|error| IoError::Write {
        field: "ledger.json".into(),
        value: error.to_string(),
        allowed: "a ledger that serializes to JSON".into(),
    })
}

/// Writes the ledger as one CSV file per sheet into `dir`, which must exist.
///
/// # Errors
///
/// See [`ledger_rows`]; [`IoError::Write`] when a file cannot be written.
pub fn write_ledger_csv(ledger: &Ledger, dir: &Path) -> Result<(), IoError> {
    let specs = ledger_specs();
    let rows = ledger_rows(ledger)?;
    for (spec, rows) in specs.iter().zip(&rows) {
        let path = dir.join(format!("{}.csv", spec.name));
        let mut bytes = Vec::new();
        write_csv(spec, rows, &mut bytes, &path.display().to_string())?;
        std::fs::write(&path, bytes).map_err(|error| IoError::Write {
            field: path.display().to_string(),
            value: error.to_string(),
            allowed: "a writable directory".into(),
        })?;
    }
    Ok(())
}

/// Reads and checks a ledger from a path, in the form [`LedgerFormat::of_path`] chooses.
///
/// # Errors
///
/// Every error found: file and limit errors, bad cells, then the rules of [`check_ledger`].
pub fn read_ledger(path: &Path, limits: &Limits) -> Result<Ledger, Vec<LedgerError>> {
    let file = path.display().to_string();
    match LedgerFormat::of_path(path) {
        LedgerFormat::CsvDirectory => {
            let mut tables = Vec::new();
            let mut errors = Vec::new();
            for spec in ledger_specs() {
                let csv_path = path.join(format!("{}.csv", spec.name));
                let name = csv_path.display().to_string();
                match limits.read_file(&csv_path) {
                    Ok(bytes) => match read_csv(&bytes, &name, &spec, limits) {
                        Ok(rows) => tables.push(Some(rows)),
                        Err(found) => {
                            errors.extend(found.into_iter().map(LedgerError::Io));
                            tables.push(None);
                        }
                    },
                    Err(error) => {
                        errors.push(error.into());
                        tables.push(None);
                    }
                }
            }
            // CSV rows carry no sheet; locate them by the directory and the sheet name.
            finish(&file, tables, errors)
        }
        LedgerFormat::Json => {
            let bytes = limits.read_file(path).map_err(|e| vec![e.into()])?;
            read_ledger_json(&bytes, &file)
        }
        LedgerFormat::Xlsx => {
            // A single CSV file would otherwise fail as a broken zip archive.
            if path
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("csv"))
            {
                return Err(vec![LedgerError::Io(IoError::InvalidFile {
                    field: file,
                    value: "a single CSV file".into(),
                    allowed: "a ledger in CSV form is a directory of five files, 单位.csv, \
                              台账.csv, 事项.csv, 授权.csv and 收益.csv: give the directory, or \
                              an xlsx workbook or a JSON ledger"
                        .into(),
                })]);
            }
            let bytes = limits.read_file(path).map_err(|e| vec![e.into()])?;
            read_ledger_xlsx(&bytes, &file, limits)
        }
    }
}

/// Reads and checks a ledger workbook from its bytes; `file` names it in errors.
///
/// # Errors
///
/// Every error found, as [`read_ledger`].
pub fn read_ledger_xlsx(
    bytes: &[u8],
    file: &str,
    limits: &Limits,
) -> Result<Ledger, Vec<LedgerError>> {
    limits
        .check_size(file, bytes.len() as u64)
        .and_then(|()| check_zip(bytes, file, limits))
        .map_err(|error| vec![error.into()])?;
    let mut tables = Vec::new();
    let mut errors = Vec::new();
    for spec in ledger_specs() {
        match read_sheet(bytes, file, &spec, limits) {
            Ok(rows) => tables.push(Some(rows)),
            Err(found) => {
                errors.extend(found.into_iter().map(LedgerError::Io));
                tables.push(None);
            }
        }
    }
    finish(file, tables, errors)
}

/// Reads and checks a ledger from JSON; `file` names it in errors.
///
/// # Errors
///
/// [`IoError::InvalidFile`] with serde's line and column for malformed JSON, then the rules of
/// [`check_ledger`] with items numbered from 1.
pub fn read_ledger_json(bytes: &[u8], file: &str) -> Result<Ledger, Vec<LedgerError>> {
    // Windows editors often save UTF-8 with a byte order mark, which JSON does not allow.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let ledger: Ledger = serde_json::from_slice(bytes).map_err(|error| {
        vec![LedgerError::Io(IoError::InvalidFile {
            field: file.to_owned(),
            value: error.to_string(),
            allowed: "a JSON ledger with unit, assets, events, authorizations and receipts".into(),
        })]
    })?;
    let errors = check_ledger(&ledger, &Origin::positional(file, &ledger));
    if errors.is_empty() {
        Ok(ledger)
    } else {
        Err(errors)
    }
}

/// Converts the rows of the five sheets into a ledger and checks it.
fn finish(
    file: &str,
    tables: Vec<Option<Vec<Row>>>,
    mut errors: Vec<LedgerError>,
) -> Result<Ledger, Vec<LedgerError>> {
    let specs = ledger_specs();
    let mut tables = tables.into_iter();
    let mut next = || tables.next().flatten();
    let (unit_rows, asset_rows, event_rows, grant_rows, receipt_rows) =
        (next(), next(), next(), next(), next());
    let [unit_spec, asset_spec, event_spec, grant_spec, receipt_spec] = &specs;
    let mut io_errors: Vec<IoError> = Vec::new();

    let unit = unit_rows.as_ref().and_then(|rows| {
        if rows.len() != 1 {
            errors.push(LedgerError::UnitRows {
                field: Location::file(file).sheet(unit_spec.name).render(),
                value: rows.len().to_string(),
                allowed: "one row with the unit's name, code, kind and region".into(),
            });
            return None;
        }
        let location = Location::file(file).sheet(unit_spec.name);
        let row = rows.first()?;
        let cells = RowCells {
            spec: unit_spec,
            row,
            location: &location,
        };
        assets::read_unit(&cells, &mut io_errors)
    });

    let mut origin = Origin {
        file: file.to_owned(),
        ..Origin::default()
    };
    let assets = convert(
        file,
        asset_spec,
        asset_rows.as_ref(),
        &mut origin.assets,
        |cells, errs| assets::read_asset(cells, unit.as_ref(), errs),
        &mut io_errors,
    );
    let events = convert(
        file,
        event_spec,
        event_rows.as_ref(),
        &mut origin.events,
        events::read_event,
        &mut io_errors,
    );
    let authorizations = convert(
        file,
        grant_spec,
        grant_rows.as_ref(),
        &mut origin.authorizations,
        grants::read_authorization,
        &mut io_errors,
    );
    let receipts = convert(
        file,
        receipt_spec,
        receipt_rows.as_ref(),
        &mut origin.receipts,
        grants::read_receipt,
        &mut io_errors,
    );
    errors.extend(io_errors.into_iter().map(LedgerError::Io));
    // A sheet with a bad row leaves items out of the ledger. References to them would each be
    // reported as unknown, which hides the one real error among follow-on ones.
    let incomplete =
        |rows: Option<&Vec<Row>>, converted: usize| rows.is_none_or(|rows| rows.len() != converted);
    let assets_incomplete = incomplete(asset_rows.as_ref(), assets.len());
    let grants_incomplete = incomplete(grant_rows.as_ref(), authorizations.len());

    let Some(unit) = unit else {
        return Err(errors);
    };
    let ledger = Ledger {
        unit,
        assets,
        events,
        authorizations,
        receipts,
    };
    errors.extend(check_ledger(&ledger, &origin).into_iter().filter(|error| {
        !(assets_incomplete && error.code() == "ledger.unknown_asset"
            || grants_incomplete && error.code() == "ledger.unknown_authorization")
    }));
    if errors.is_empty() {
        Ok(ledger)
    } else {
        Err(errors)
    }
}

/// Converts the rows of one sheet, recording the row of each item converted.
fn convert<T>(
    file: &str,
    spec: &SheetSpec,
    rows: Option<&Vec<Row>>,
    numbers: &mut Vec<u64>,
    read: impl Fn(&RowCells<'_>, &mut Vec<IoError>) -> Option<T>,
    errors: &mut Vec<IoError>,
) -> Vec<T> {
    let location = Location::file(file).sheet(spec.name);
    let mut items = Vec::new();
    for row in rows.into_iter().flatten() {
        let cells = RowCells {
            spec,
            row,
            location: &location,
        };
        if let Some(item) = read(&cells, errors) {
            items.push(item);
            numbers.push(row.number);
        }
    }
    items
}
