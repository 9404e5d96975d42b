//! Pure domain rules for the whole-process management of data assets (数据资产全过程管理) held by
//! Chinese government units and state-owned enterprises.
//!
//! The crate has no I/O, no clock and no logging: every function is a deterministic function of
//! its arguments, so the command-line tool and the Python and JVM bindings share one set of rules.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod accounting;
pub mod amortization;
pub mod asset;
pub mod authorization;
pub mod calendar;
pub mod compliance;
pub mod entity;
pub mod error;
pub mod money;
pub mod policy;
pub mod recognition;
pub mod register;
pub mod registration;
pub mod report;
pub mod revenue;
pub mod survey;
pub mod text;
pub mod trading;
pub mod vocab;

pub use error::{Error, ErrorDetail};
pub use money::{Amount, Ratio, RoundingRule};
