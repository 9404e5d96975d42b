//! Output helpers: atomic output directories, error printing and today's date.

/// Prints a line on stdout like `println!`, without panicking when stdout is closed or full.
macro_rules! out {
    () => {
        $crate::output::write_stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Errors of a command, each with its code, location, value and what is allowed.
pub type Failure = Vec<Box<dyn ErrorDetail>>;

/// Boxes the errors of a reader into a [`Failure`].
pub fn fail<E: ErrorDetail + 'static>(errors: Vec<E>) -> Failure {
    errors
        .into_iter()
        .map(|e| Box::new(e) as Box<dyn ErrorDetail>)
        .collect()
}

use std::path::{Path, PathBuf};

use chrono::{Days, NaiveDate};
use data_assets_core::ErrorDetail;
use data_assets_io::IoError;
use serde_json::json;

/// A staging directory beside the output directory. Files are written there first and moved
/// into the output directory by [`Staging::commit`]; dropping it uncommitted removes it, so a
/// failed run leaves nothing behind.
pub struct Staging {
    path: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates the staging directory `.NAME.tmp-PID` next to `out`.
    pub fn new(out: &Path) -> Result<Self, IoError> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
        let name = out
            .file_name()
            .map_or_else(|| "out".into(), |n| n.to_string_lossy());
        let path = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|e| write_error(&path, &e))?;
        Ok(Staging {
            path,
            out: out.to_owned(),
            committed: false,
        })
    }

    /// Writes one file into the staging directory.
    /// A name may contain `/` to write into a subdirectory, which is created.
    pub fn write(&self, name: &str, bytes: &[u8]) -> Result<(), IoError> {
        let path = self.path.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| write_error(&path, &e))
    }

    /// Moves the staged files into the output directory: the whole directory when `out` does
    /// not exist yet, otherwise entry by entry. Each rename replaces one file atomically, and a
    /// subdirectory of the same name is removed first, then replaced.
    pub fn commit(mut self) -> Result<PathBuf, IoError> {
        if self.out.exists() {
            let entries = std::fs::read_dir(&self.path).map_err(|e| write_error(&self.path, &e))?;
            for entry in entries {
                let entry = entry.map_err(|e| write_error(&self.path, &e))?;
                let target = self.out.join(entry.file_name());
                if target.is_dir() && entry.path().is_dir() {
                    // A directory cannot be renamed over a non-empty one, so the earlier output
                    // directory of the same name is removed first.
                    std::fs::remove_dir_all(&target).map_err(|e| write_error(&target, &e))?;
                }
                std::fs::rename(entry.path(), &target).map_err(|e| write_error(&target, &e))?;
            }
            std::fs::remove_dir(&self.path).map_err(|e| write_error(&self.path, &e))?;
        } else {
            std::fs::rename(&self.path, &self.out).map_err(|e| write_error(&self.out, &e))?;
        }
        self.committed = true;
        Ok(self.out.clone())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort: a leftover staging directory is hidden and named after the process.
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Writes one file atomically: into a hidden file beside it, then renamed over it, so a failed
/// write leaves any earlier file untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), IoError> {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy());
    let staging = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&staging, bytes).map_err(|e| write_error(&staging, &e))?;
    std::fs::rename(&staging, path).map_err(|e| {
        let _ = std::fs::remove_file(&staging);
        write_error(path, &e)
    })
}

fn write_error(path: &Path, error: &std::io::Error) -> IoError {
    IoError::Write {
        field: path.display().to_string(),
        value: error.to_string(),
        allowed: "a writable directory".into(),
    }
}

/// Renders one error as the JSON object `--json` prints: code, field, value, allowed, message.
pub fn error_json(error: &dyn ErrorDetail) -> serde_json::Value {
    json!({
        "code": error.code(),
        "field": error.field(),
        "value": error.value(),
        "allowed": error.allowed(),
        "message": error.to_string(),
    })
}

/// Prints errors: as JSON on stdout with `--json`, otherwise as text on stderr, one per error
/// with its code, location, message and what is allowed.
pub fn print_errors(errors: &[Box<dyn ErrorDetail>], as_json: bool) {
    if as_json {
        let list: Vec<_> = errors.iter().map(|e| error_json(e.as_ref())).collect();
        out!("{}", json!({ "ok": false, "errors": list }));
        return;
    }
    for error in errors {
        eprintln!("error[{}] {}", error.code(), error);
        eprintln!("  allowed: {}", error.allowed());
    }
    eprintln!("{} error(s); nothing was written", errors.len());
}

/// Returns today's date in UTC.
pub fn today() -> NaiveDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(Days::new(seconds / 86_400)))
        .unwrap_or_default()
}

/// Writes to stdout. A closed pipe, as in `data-assets deadlines … | head -1`, ends the process
/// quietly with status 0, because the reader wanted no more. Any other failure, such as a full
/// disk, is reported on stderr and ends the process with status 1. Files a command has written
/// by then stay complete, because each command commits its output directory before printing.
pub fn write_stdout(text: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout.write_fmt(text).and_then(|()| stdout.flush()) {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(
            stderr,
            "data-assets: cannot write to standard output: {error}"
        );
        std::process::exit(1);
    }
}
