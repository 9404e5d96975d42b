//! Property tests of amortization schedules under both month conventions: the schedule starts in
//! the start month (or the month after), runs month by month, every period but the last is the
//! rounded monthly amount, the last absorbs the rounding, and nothing is amortized after disposal.

use chrono::{Datelike, Months, NaiveDate};
use proptest::prelude::*;

use data_assets_core::amortization::{
    ScheduleBasis, UsefulLife, month_start, schedule, stop_at_disposal,
};
use data_assets_core::money::{Amount, RoundingRule};
use data_assets_core::policy::{MonthConvention, Policy};

fn day(offset: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("date") + chrono::Days::new(u64::from(offset))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn schedule_bounded_by_start_and_disposal(
        fen in 2i64..100_000_000_000,
        accumulated_fen in 0i64..1_000_000,
        months in 1u32..=240,
        ready_offset in 0u32..15_000,
        disposal_offset in 0u32..25_000,
        next_month in any::<bool>(),
    ) {
        let convention = if next_month { MonthConvention::NextMonth } else { MonthConvention::SameMonth };
        let policy = Policy { month_convention: convention, ..Policy::default() };
        let cost = Amount::from_fen(fen);
        let accumulated = Amount::from_fen(accumulated_fen.min(fen));
        let ready = day(ready_offset);
        let basis = ScheduleBasis {
            cost,
            accumulated_before: accumulated,
            ready_for_use: ready,
            life: UsefulLife::StraightLine { months },
            nominal_amount: false,
        };
        let periods = schedule(&basis, &policy).expect("valid basis");
        prop_assert_eq!(periods.len(), months as usize);

        // Starts in the month the asset is ready, or the month after; then month by month.
        let first = match convention {
            MonthConvention::SameMonth => month_start(ready),
            MonthConvention::NextMonth => month_start(ready) + Months::new(1),
        };
        for (index, period) in periods.iter().enumerate() {
            let expected = first + Months::new(u32::try_from(index).expect("index"));
            prop_assert_eq!(period.period, expected);
            prop_assert_eq!(period.period.day(), 1);
            prop_assert!(!period.amount.is_negative());
        }

        // Every period but the last is the rounded monthly amount; the last takes the rest.
        let remaining = cost.checked_sub(accumulated).expect("no overflow");
        let monthly = remaining
            .checked_div(months.into())
            .expect("months above zero")
            .round_fen(RoundingRule::HalfUp);
        let (last, rest) = periods.split_last().expect("at least one period");
        if monthly.checked_mul((months - 1).into()).expect("no overflow") <= remaining {
            prop_assert!(rest.iter().all(|p| p.amount == monthly));
        }
        let total = Amount::sum(periods.iter().map(|p| p.amount)).expect("no overflow");
        prop_assert_eq!(total, remaining);
        prop_assert_eq!(last.accumulated, cost);
        prop_assert_eq!(last.carrying_amount, Amount::ZERO);

        // Nothing from the month of disposal (same-month rule), or after it (next-month rule).
        let disposal = day(disposal_offset);
        let kept = stop_at_disposal(&periods, disposal, convention);
        let disposal_month = month_start(disposal);
        for period in &kept {
            match convention {
                MonthConvention::SameMonth => prop_assert!(period.period < disposal_month),
                MonthConvention::NextMonth => prop_assert!(period.period <= disposal_month),
            }
        }
        let dropped = periods.len() - kept.len();
        prop_assert!(periods[kept.len()..].iter().all(|p| match convention {
            MonthConvention::SameMonth => p.period >= disposal_month,
            MonthConvention::NextMonth => p.period > disposal_month,
        }), "{dropped} periods dropped");
    }
}
