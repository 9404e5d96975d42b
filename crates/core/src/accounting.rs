//! Charts of accounts, vouchers, posting rules, journal, trial balance and disclosures.
