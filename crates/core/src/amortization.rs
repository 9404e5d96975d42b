//! Monthly amortization schedules.
