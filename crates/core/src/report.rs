//! The quarterly progress report to the finance bureau.
