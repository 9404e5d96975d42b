//! Checks and moves shared by the government and enterprise posting rules.

use super::chart::AccountRef;
use super::error::AccountingError;
use super::event::{AssetBalances, Event, VatStatus};
use super::voucher::{Line, entry};
use crate::money::Amount;

/// Returns the positive debit balance of `account`, or [`AccountingError::NothingToPost`].
pub(crate) fn require_positive(
    event: &Event,
    balances: &AssetBalances,
    account: AccountRef,
) -> Result<Amount, AccountingError> {
    let amount = balances.debit_balance(account);
    if amount.is_zero() || amount.is_negative() {
        return Err(AccountingError::NothingToPost {
            field: event.id.clone(),
            value: event.asset_id.clone(),
            allowed: format!("{} {}", account.code, account.name),
        });
    }
    Ok(amount)
}

/// Moves the whole debit balance of `from` to `to` (Dr `to` / Cr `from`).
pub(crate) fn transfer_balance(
    event: &Event,
    balances: &AssetBalances,
    from: AccountRef,
    to: AccountRef,
) -> Result<Vec<Line>, AccountingError> {
    let amount = require_positive(event, balances, from)?;
    Ok(entry(to, from, amount))
}

/// Rejects an `amount` above the `available` balance it draws on.
pub(crate) fn within(
    event: &Event,
    field: &str,
    available: Amount,
    amount: Amount,
) -> Result<(), AccountingError> {
    if amount > available {
        return Err(AccountingError::ExceedsBalance {
            field: format!("{}.{field}", event.id),
            value: amount.to_string(),
            allowed: available.to_string(),
        });
    }
    Ok(())
}

/// Output VAT account for the unit's VAT status: the 销项税额 detail for a general taxpayer, the
/// plain VAT account for a small-scale taxpayer, and an error when a non-taxpayer charges VAT.
pub(crate) fn output_vat_account(
    event: &Event,
    vat: Amount,
    status: VatStatus,
    general: AccountRef,
    small_scale: AccountRef,
) -> Result<AccountRef, AccountingError> {
    match status {
        VatStatus::General => Ok(general),
        VatStatus::SmallScale => Ok(small_scale),
        VatStatus::NotTaxpayer if vat.is_zero() => Ok(general),
        VatStatus::NotTaxpayer => Err(AccountingError::NotVatTaxpayer {
            field: format!("{}.output_vat", event.id),
            value: vat.to_string(),
        }),
    }
}
