//! Limits that protect readers against hostile or accidental huge files.

use std::io::Read;
use std::path::Path;

use crate::error::IoError;

/// Size limits applied before and while a file is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Most data rows accepted per sheet or CSV file, not counting the header.
    pub max_rows: usize,
    /// Largest total uncompressed size of an xlsx file's zip entries, in bytes.
    pub max_uncompressed_bytes: u64,
    /// Most zip entries accepted in an xlsx file.
    pub max_zip_entries: usize,
}

impl Default for Limits {
    /// 64 MiB files, 200,000 rows, 512 MiB unzipped and 10,000 zip entries: a ledger of a few
    /// hundred thousand assets stays well inside, a zip bomb does not.
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
            max_rows: 200_000,
            max_uncompressed_bytes: 512 * 1024 * 1024,
            max_zip_entries: 10_000,
        }
    }
}

impl Limits {
    /// Reads a whole file, rejecting it when it is larger than [`Limits::max_file_bytes`].
    ///
    /// # Errors
    ///
    /// [`IoError::Read`] when the file cannot be opened or read, [`IoError::FileTooLarge`] when
    /// it exceeds the limit (checked on the metadata and again while reading, in case it grows).
    pub fn read_file(&self, path: &Path) -> Result<Vec<u8>, IoError> {
        let name = path.display().to_string();
        let read_error = |error: std::io::Error| IoError::Read {
            field: name.clone(),
            value: error.to_string(),
            allowed: "an existing, readable file".into(),
        };
        let file = std::fs::File::open(path).map_err(read_error)?;
        let size = file.metadata().map_err(read_error)?.len();
        self.check_size(&name, size)?;
        let mut bytes = Vec::new();
        file.take(self.max_file_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(read_error)?;
        self.check_size(&name, u64::try_from(bytes.len()).unwrap_or(u64::MAX))?;
        Ok(bytes)
    }

    /// Rejects a size above [`Limits::max_file_bytes`].
    ///
    /// # Errors
    ///
    /// [`IoError::FileTooLarge`] naming `file`.
    pub fn check_size(&self, file: &str, size: u64) -> Result<(), IoError> {
        if size > self.max_file_bytes {
            return Err(IoError::FileTooLarge {
                field: file.to_owned(),
                value: size.to_string(),
                allowed: format!("at most {} bytes", self.max_file_bytes),
            });
        }
        Ok(())
    }

    /// Rejects a row count above [`Limits::max_rows`].
    ///
    /// # Errors
    ///
    /// [`IoError::TooManyRows`] naming `field`.
    pub fn check_rows(&self, field: &str, rows: usize) -> Result<(), IoError> {
        if rows > self.max_rows {
            return Err(IoError::TooManyRows {
                field: field.to_owned(),
                value: rows.to_string(),
                allowed: format!("at most {} data rows", self.max_rows),
            });
        }
        Ok(())
    }
}
