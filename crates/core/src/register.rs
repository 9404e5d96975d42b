//! The data-asset ledger (台账) with its hash-chained history.
