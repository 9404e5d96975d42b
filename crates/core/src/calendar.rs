//! Working-day calendar, reporting deadlines and pilot obligations.
