//! Typed access to the cells of a row read against a [`SheetSpec`], reporting every bad value
//! at its file, sheet, row and column.

use chrono::NaiveDate;
use data_assets_core::Amount;

use crate::draft::YES_NO;
use crate::error::{IoError, Location};
use crate::table::{Cell, Row, SheetSpec};

/// One row with its spec and location, collecting errors as cells are converted.
pub(crate) struct RowCells<'a> {
    pub spec: &'a SheetSpec,
    pub row: &'a Row,
    pub location: &'a Location<'a>,
}

impl<'a> RowCells<'a> {
    pub fn cell(&self, key: &str) -> &Cell {
        self.spec
            .index(key)
            .and_then(|i| self.row.cells.get(i))
            .unwrap_or(&Cell::Empty)
    }

    pub fn header(&self, key: &str) -> &'static str {
        self.spec
            .index(key)
            .and_then(|i| self.spec.columns.get(i))
            .map_or("", |c| c.header)
    }

    /// Returns the location of a column of this row.
    pub fn at(&self, key: &str) -> Location<'a> {
        self.location.cell(self.row.number, self.header(key))
    }

    pub fn text(&self, key: &str) -> String {
        match self.cell(key) {
            Cell::Empty => String::new(),
            other => other.to_text(),
        }
    }

    pub fn optional_text(&self, key: &str) -> Option<String> {
        Some(self.text(key)).filter(|text| !text.is_empty())
    }

    pub fn is_empty(&self, key: &str) -> bool {
        matches!(self.cell(key), Cell::Empty)
    }

    pub fn yes(&self, key: &str) -> bool {
        self.text(key) == YES_NO[0]
    }

    pub fn amount(&self, key: &str) -> Option<Amount> {
        match self.cell(key) {
            Cell::Amount(amount) => Some(*amount),
            _ => None,
        }
    }

    pub fn date(&self, key: &str) -> Option<NaiveDate> {
        match self.cell(key) {
            Cell::Date(date) => Some(*date),
            _ => None,
        }
    }

    /// Parses a vocabulary label; the sheet reader has already checked enum columns.
    pub fn vocab<T: std::str::FromStr>(&self, key: &str) -> Option<T> {
        self.optional_text(key).and_then(|text| text.parse().ok())
    }

    /// Looks a label up in a table of values and labels.
    pub fn labelled<T: Copy>(&self, key: &str, table: &[(T, &str)]) -> Option<T> {
        let text = self.text(key);
        table
            .iter()
            .find(|(_, label)| *label == text)
            .map(|(value, _)| *value)
    }

    /// Reads a non-negative whole number that fits `T`, reporting anything else.
    pub fn count<T: TryFrom<i64> + Default>(
        &self,
        key: &str,
        errors: &mut Vec<IoError>,
    ) -> Option<T> {
        match self.cell(key) {
            Cell::Int(value) => match T::try_from(*value) {
                Ok(count) if *value >= 0 => Some(count),
                _ => {
                    errors.push(
                        self.at(key)
                            .invalid(&value.to_string(), "a whole number of 0 or more"),
                    );
                    None
                }
            },
            _ => None,
        }
    }

    /// Reports a required value that the row's type needs but the cell lacks.
    pub fn require<T>(
        &self,
        value: Option<T>,
        key: &str,
        why: &str,
        errors: &mut Vec<IoError>,
    ) -> Option<T> {
        if value.is_none() {
            errors.push(self.at(key).missing(why.to_owned()));
        }
        value
    }
}

/// Renders a yes/no cell.
pub(crate) fn yes_no(value: bool) -> Cell {
    Cell::Text(if value { YES_NO[0] } else { YES_NO[1] }.to_owned())
}

/// Renders the label of a value from a table of values and labels.
pub(crate) fn label_of<T: PartialEq>(value: &T, table: &[(T, &'static str)]) -> Cell {
    table
        .iter()
        .find(|(candidate, _)| candidate == value)
        .map_or(Cell::Empty, |(_, label)| Cell::text(*label))
}

/// Renders an amount, leaving zero empty.
pub(crate) fn nonzero(amount: Amount) -> Cell {
    if amount.is_zero() {
        Cell::Empty
    } else {
        Cell::Amount(amount)
    }
}

/// Renders a count as a whole-number cell.
pub(crate) fn count_cell<T: Into<u64>>(value: T) -> Cell {
    let value: u64 = value.into();
    i64::try_from(value).map_or_else(|_| Cell::Text(value.to_string()), Cell::Int)
}
