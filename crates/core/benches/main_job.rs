//! Criterion benchmarks: the main job at 1,000, 10,000 and 100,000 assets, schedule generation,
//! allocation and deadline computation. Run with `cargo bench -p data-assets-core`; the results
//! and the machine are recorded in docs/benchmarks.md.

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;

use data_assets_core::amortization::straight_line_schedule;
use data_assets_core::calendar::{Calendar, quarterly_report_deadline};
use data_assets_core::money::{Amount, allocate};

fn main_job(c: &mut Criterion) {
    let mut group = c.benchmark_group("main_job");
    for count in [1_000usize, 10_000, 100_000] {
        let assets = common::assets(count);
        group.throughput(Throughput::Elements(count as u64));
        if count >= 100_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(count), &assets, |b, assets| {
            b.iter(|| common::main_job(black_box(assets)));
        });
    }
    group.finish();
}

fn schedules(c: &mut Criterion) {
    let start = NaiveDate::from_ymd_opt(2025, 1, 15).expect("date");
    c.bench_function("schedule_120_months", |b| {
        b.iter(|| straight_line_schedule(black_box(Amount::from_fen(50_000_000)), 120, start));
    });
    c.bench_function("schedule_600_months", |b| {
        b.iter(|| straight_line_schedule(black_box(Amount::from_fen(50_000_000)), 600, start));
    });
    // The batch that bindings/python/bench/bench_binding.py builds with `schedule_table` and
    // `straight_line_schedules`, so the two can be compared: same costs, lives and start dates.
    let batch = schedule_batch(2_000);
    c.bench_function("schedule_batch_2000", |b| {
        b.iter(|| {
            black_box(&batch)
                .iter()
                .map(|(cost, months, start)| straight_line_schedule(*cost, *months, *start))
                .collect::<Result<Vec<_>, _>>()
        });
    });
}

/// Asset `i` of the shared batch: a cost from 1,000.00 to 5,000,000.00 yuan spread by a
/// multiplicative hash, a life of 24, 36, 60 or 120 months in turn, and a start in 2025.
/// bench_binding.py builds the same rows with the same arithmetic.
fn schedule_batch(count: u32) -> Vec<(Amount, u32, NaiveDate)> {
    let lives = [24, 36, 60, 120];
    (0..count)
        .map(|i| {
            let fen = 100_000 + (i64::from(i) * 2_654_435_761) % 499_900_001;
            let start = NaiveDate::from_ymd_opt(2025, i % 12 + 1, i % 28 + 1).expect("valid date");
            (Amount::from_fen(fen), lives[(i % 4) as usize], start)
        })
        .collect()
}

fn allocation(c: &mut Criterion) {
    let mut group = c.benchmark_group("allocate");
    for parties in [3usize, 100, 10_000] {
        let weights: Vec<Decimal> = (1..=parties)
            .map(|i| Decimal::new(i64::try_from(i).expect("small"), 2))
            .collect();
        group.bench_with_input(
            BenchmarkId::from_parameter(parties),
            &weights,
            |b, weights| {
                b.iter(|| allocate(black_box(Amount::from_fen(123_456_789)), weights));
            },
        );
    }
    group.finish();
}

fn deadlines(c: &mut Criterion) {
    c.bench_function("calendar_official_load", |b| b.iter(Calendar::official));
    let calendar = Calendar::official();
    c.bench_function("quarterly_deadline_q4_2025", |b| {
        b.iter(|| quarterly_report_deadline(black_box(&calendar), 2025, 4, None));
    });
    c.bench_function("quarterly_deadlines_all_known", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut last = None;
                for (year, quarter) in [
                    (2025, 1),
                    (2025, 2),
                    (2025, 3),
                    (2025, 4),
                    (2026, 1),
                    (2026, 2),
                    (2026, 3),
                ] {
                    last = quarterly_report_deadline(&calendar, year, quarter, Some("450300")).ok();
                }
                last
            },
            BatchSize::SmallInput,
        );
    });
}

criterion_group!(benches, main_job, schedules, allocation, deadlines);
criterion_main!(benches);
