//! Authorized operation (授权运营).
