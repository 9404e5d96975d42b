//! Runs the benchmarks' main job once over N generated assets (default 100,000), for measuring
//! time and peak memory with `/usr/bin/time -v`:
//!
//! ```text
//! cargo build --release -p data-assets-core --example main_job_memory
//! /usr/bin/time -v target/release/examples/main_job_memory 100000
//! ```

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    if std::env::args().any(|a| a == "--phases") {
        let count = std::env::args()
            .nth(2)
            .and_then(|a| a.parse().ok())
            .unwrap_or(100_000);
        for (name, time) in common::phase_times(&common::assets(count)) {
            println!("{name}: {time:?}");
        }
        return;
    }
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let generate = std::time::Instant::now();
    let assets = common::assets(count);
    let generated = generate.elapsed();
    let run = std::time::Instant::now();
    let totals = common::main_job(&assets);
    let elapsed = run.elapsed();
    println!(
        "{count} assets generated in {generated:?}; main job in {elapsed:?}: {} recognized, {} vouchers, {} amortized",
        totals.recognized, totals.vouchers, totals.amortized
    );
}
