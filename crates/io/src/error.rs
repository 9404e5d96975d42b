//! Errors of reading and writing files, each naming where it happened.
//!
//! The `field` of every error is a location such as `catalog.csv, row 12, column update_frequency`
//! or `ledger.xlsx, sheet 台账, row 3, column 开放类型`. Readers collect every error of a file
//! before returning, so one bad row never hides the others.

use std::fmt::Write as _;

use thiserror::Error;

use data_assets_core::ErrorDetail;

/// An error of the io crate. Every variant carries the location, the rejected value and what is
/// allowed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IoError {
    /// The file cannot be read.
    #[error("cannot read {field}: {value}")]
    Read {
        /// File.
        field: String,
        /// Reason from the operating system.
        value: String,
        /// Remedy, in words.
        allowed: String,
    },
    /// The file cannot be written.
    #[error("cannot write {field}: {value}")]
    Write {
        /// File.
        field: String,
        /// Reason.
        value: String,
        /// Remedy, in words.
        allowed: String,
    },
    /// The file is larger than the limit.
    #[error("file too large: {field} has {value} bytes")]
    FileTooLarge {
        /// File.
        field: String,
        /// Size in bytes.
        value: String,
        /// The limit, in words.
        allowed: String,
    },
    /// A sheet or CSV file has more data rows than the limit.
    #[error("too many rows in {field}: {value}")]
    TooManyRows {
        /// File and sheet.
        field: String,
        /// Number of rows found.
        value: String,
        /// The limit, in words.
        allowed: String,
    },
    /// An xlsx file would expand beyond the limit when unzipped.
    #[error("workbook expands too far: {field} declares {value}")]
    ExpansionTooLarge {
        /// File and zip entry.
        field: String,
        /// Declared sizes.
        value: String,
        /// The limit, in words.
        allowed: String,
    },
    /// The file is not a readable workbook or CSV file.
    #[error("invalid file {field}: {value}")]
    InvalidFile {
        /// File.
        field: String,
        /// Reason from the parser.
        value: String,
        /// Expected input, in words.
        allowed: String,
    },
    /// The workbook reader panicked on the file.
    #[error("workbook reader failed on {field}: {value}")]
    ReaderPanic {
        /// File.
        field: String,
        /// Panic message, when it is text.
        value: String,
        /// Expected input, in words.
        allowed: String,
    },
    /// A sheet is missing from the workbook.
    #[error("missing sheet in {field}: {value}")]
    MissingSheet {
        /// File.
        field: String,
        /// Name of the missing sheet.
        value: String,
        /// Sheets found.
        allowed: String,
    },
    /// A required column header is missing.
    #[error("missing column in {field}: {value}")]
    MissingColumn {
        /// File and sheet.
        field: String,
        /// Header of the missing column.
        value: String,
        /// Headers the sheet needs.
        allowed: String,
    },
    /// A required cell is empty.
    #[error("missing value at {field}")]
    MissingValue {
        /// File, sheet, row and column.
        field: String,
        /// Always empty.
        value: String,
        /// Values the column accepts, in words.
        allowed: String,
    },
    /// A cell contains a value its column does not accept.
    #[error("invalid value at {field}: {value:?}")]
    InvalidValue {
        /// File, sheet, row and column.
        field: String,
        /// Rejected value.
        value: String,
        /// Values the column accepts, in words.
        allowed: String,
    },
}

impl ErrorDetail for IoError {
    fn code(&self) -> &'static str {
        match self {
            IoError::Read { .. } => "io.read_failed",
            IoError::Write { .. } => "io.write_failed",
            IoError::FileTooLarge { .. } => "io.file_too_large",
            IoError::TooManyRows { .. } => "io.too_many_rows",
            IoError::ExpansionTooLarge { .. } => "io.expansion_too_large",
            IoError::InvalidFile { .. } => "io.invalid_file",
            IoError::ReaderPanic { .. } => "io.reader_panic",
            IoError::MissingSheet { .. } => "io.missing_sheet",
            IoError::MissingColumn { .. } => "io.missing_column",
            IoError::MissingValue { .. } => "io.missing_value",
            IoError::InvalidValue { .. } => "io.invalid_value",
        }
    }
    fn field(&self) -> &str {
        self.parts().0
    }
    fn value(&self) -> &str {
        self.parts().1
    }
    fn allowed(&self) -> &str {
        self.parts().2
    }
}

impl IoError {
    fn parts(&self) -> (&str, &str, &str) {
        match self {
            IoError::Read {
                field,
                value,
                allowed,
            }
            | IoError::Write {
                field,
                value,
                allowed,
            }
            | IoError::FileTooLarge {
                field,
                value,
                allowed,
            }
            | IoError::TooManyRows {
                field,
                value,
                allowed,
            }
            | IoError::ExpansionTooLarge {
                field,
                value,
                allowed,
            }
            | IoError::InvalidFile {
                field,
                value,
                allowed,
            }
            | IoError::ReaderPanic {
                field,
                value,
                allowed,
            }
            | IoError::MissingSheet {
                field,
                value,
                allowed,
            }
            | IoError::MissingColumn {
                field,
                value,
                allowed,
            }
            | IoError::MissingValue {
                field,
                value,
                allowed,
            }
            | IoError::InvalidValue {
                field,
                value,
                allowed,
            } => (field, value, allowed),
        }
    }
}

/// Position of a value in a file: the file, the sheet (none for CSV and JSON), the row as a
/// spreadsheet shows it (the header is row 1) and the column header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location<'a> {
    /// File name as given.
    pub file: &'a str,
    /// Sheet name, for workbooks.
    pub sheet: Option<&'a str>,
    /// Row number, 1-based, counting the header row.
    pub row: Option<u64>,
    /// Column header.
    pub column: Option<&'a str>,
}

impl<'a> Location<'a> {
    /// Creates the location of a whole file.
    pub fn file(file: &'a str) -> Self {
        Location {
            file,
            sheet: None,
            row: None,
            column: None,
        }
    }

    /// Returns this location narrowed to a sheet.
    #[must_use]
    pub fn sheet(self, sheet: &'a str) -> Self {
        Location {
            sheet: Some(sheet),
            ..self
        }
    }

    /// Returns this location narrowed to a cell.
    #[must_use]
    pub fn cell(&self, row: u64, column: &'a str) -> Self {
        Location {
            row: Some(row),
            column: Some(column),
            ..self.clone()
        }
    }

    /// Renders the location as the `field` of an error.
    pub fn render(&self) -> String {
        let mut text = self.file.to_owned();
        if let Some(sheet) = self.sheet {
            text.push_str(", sheet ");
            text.push_str(sheet);
        }
        if let Some(row) = self.row {
            let _ = write!(text, ", row {row}");
        }
        if let Some(column) = self.column {
            text.push_str(", column ");
            text.push_str(column);
        }
        text
    }

    /// Builds an [`IoError::InvalidValue`] at this location.
    pub fn invalid(&self, value: &str, allowed: impl Into<String>) -> IoError {
        IoError::InvalidValue {
            field: self.render(),
            value: value.to_owned(),
            allowed: allowed.into(),
        }
    }

    /// Builds an [`IoError::MissingValue`] at this location.
    pub fn missing(&self, allowed: impl Into<String>) -> IoError {
        IoError::MissingValue {
            field: self.render(),
            value: String::new(),
            allowed: allowed.into(),
        }
    }
}
