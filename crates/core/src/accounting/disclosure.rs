//! Disclosures.
