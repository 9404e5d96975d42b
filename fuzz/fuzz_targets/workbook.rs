//! Feeds arbitrary bytes to the xlsx readers: sheet names, the draft ledger sheet and the
//! conversion of its rows to survey resources, and the ledger workbook reader with its checks.
//! Any panic that escapes them is a crash.

#![no_main]

use std::sync::Once;

use data_assets_io::Limits;
use data_assets_io::draft::{draft_ledger_spec, rows_to_resources};
use data_assets_io::ledger::read_ledger_xlsx;
use data_assets_io::workbook::{read_sheet, sheet_names};
use libfuzzer_sys::fuzz_target;

static DEFAULT_HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    // libfuzzer-sys aborts in its panic hook, before unwinding, which would turn the panics that
    // the reader deliberately catches from calamine (io.reader_panic) into crashes. With the
    // default hook a caught panic is an error value, and a panic that escapes is still a crash
    // because libfuzzer-sys aborts on any panic leaving this closure.
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let limits = Limits { max_file_bytes: 1 << 20, max_rows: 2_000, ..Limits::default() };
    let _ = sheet_names(data, "fuzz.xlsx", &limits);
    if let Ok(rows) = read_sheet(data, "fuzz.xlsx", &draft_ledger_spec(), &limits) {
        let _ = rows_to_resources(&rows, "fuzz.xlsx");
    }
    let _ = read_ledger_xlsx(data, "fuzz.xlsx", &limits);
});
