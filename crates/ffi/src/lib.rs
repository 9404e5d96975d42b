//! The uniffi component of data-assets, from which the Kotlin (JVM, through JNA) and Swift
//! bindings are generated.
//!
//! This crate only converts: every rule lives in `data-assets-core`, and each exported function
//! delegates to it in a line or two. At the boundary:
//!
//! - `Decimal`, [`Amount`](data_assets_core::Amount) and [`Ratio`](data_assets_core::Ratio)
//!   cross as decimal text and arrive as `java.math.BigDecimal` in Kotlin and Java, so no money
//!   ever passes through a float;
//! - `chrono::NaiveDate` crosses as ISO 8601 text and arrives as `java.time.LocalDate`;
//! - every core error becomes one exception type, [`DataAssetsError`] (`DataAssetsException` in
//!   Kotlin and Java), carrying the core error's code, field, value and what is allowed.
//!
//! Core enums and records are exposed as uniffi remote types, so a core type gains a binding
//! without a copy of it here. The Kotlin side is configured in `uniffi.toml`.

// uniffi lifts every argument into an owned value before the call, so taking `&str` or a slice
// in an exported signature would borrow that copy and save nothing.
#![allow(clippy::needless_pass_by_value)]
// The exception's facts must be plain fields for uniffi to carry them, so the error cannot be
// boxed; it is built only on a rejected input, where its size costs nothing that matters.
#![allow(clippy::result_large_err)]

uniffi::setup_scaffolding!("data_assets");

pub mod accounting;
pub mod amortization;
pub mod authorization;
pub mod calendar;
pub mod compliance;
mod convert;
pub mod entity;
pub mod error;
pub mod money;
pub mod policy;
pub mod recognition;
pub mod register;
pub mod registration;
pub mod report;
pub mod revenue;
pub mod trading;
pub mod vocab;

pub use error::DataAssetsError;
