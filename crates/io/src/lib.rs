//! Files for data-assets: ledger workbooks (xlsx), their CSV and JSON forms, and the import of
//! public data catalogs as survey rows.
//!
//! Every sheet is declared once as a [`SheetSpec`] of typed columns with Chinese headers. The
//! same spec writes and reads it as a workbook ([`workbook`]), as CSV and as JSON ([`table`]).
//! Readers check [`Limits`] before parsing and collect every error of a file, each naming the
//! file, sheet, row, column header, rejected value and what is allowed ([`IoError`]).
//!
//! # Errors
//!
//! Readers return `Vec<IoError>` so that one bad row never hides the others; writers return one
//! [`IoError`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod catalog;
pub mod draft;
pub mod error;
pub mod holidays;
pub mod ledger;
pub mod limits;
pub mod pipeline;
pub mod table;
pub mod workbook;

pub use error::{IoError, Location};
pub use limits::Limits;
pub use table::{Cell, ColumnKind, ColumnSpec, Row, SheetSpec};
