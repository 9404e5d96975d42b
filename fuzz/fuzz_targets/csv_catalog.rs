//! Feeds arbitrary bytes to the CSV readers: the public data catalog and the draft ledger CSV.

#![no_main]

use data_assets_io::Limits;
use data_assets_io::catalog::parse_catalog;
use data_assets_io::draft::{draft_ledger_spec, rows_to_resources};
use data_assets_io::table::read_csv;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits { max_file_bytes: 1 << 20, max_rows: 2_000, ..Limits::default() };
    let _ = parse_catalog(data, "fuzz.csv", &limits);
    if let Ok(rows) = read_csv(data, "fuzz.csv", &draft_ledger_spec(), &limits) {
        let _ = rows_to_resources(&rows, "fuzz.csv");
    }
});
