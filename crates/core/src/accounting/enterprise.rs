//! Posting rules for enterprises under 企业会计准则 and 企业数据资源相关会计处理暂行规定
//! (财会〔2023〕11号): data intangibles (CAS 6), data inventory (CAS 1) and impairment (CAS 8).
//!
//! An enterprise voucher has one side, the financial one.

use super::chart::{AccountRef, ent};
use super::error::AccountingError;
use super::event::{
    AssetBalances, Event, EventKind, ExpenseUse, Funding, PostingContext, RdPhase, VatStatus,
};
use super::government::not_applicable;
use super::rules::{output_vat_account, require_positive, transfer_balance, within};
use super::voucher::{Line, LinesBuilder, entry};
use crate::money::Amount;

/// Applies the enterprise posting rule for `event`.
///
/// One match arm per event kind, so the function is long but flat. The arms that move a whole
/// balance: expensed R&D goes to 6602 管理费用—研发费用 at period end, capitalized R&D to 1701 when
/// the asset is ready for use (CAS 6 art. 9) or to 6602 when the project fails, construction in
/// progress back to 1701, and an approved stocktake loss to 6711 营业外支出.
///
/// # Errors
///
/// - [`AccountingError::ImpairmentReversalForbidden`] for an intangible impairment reversal;
/// - [`AccountingError::NotApplicable`] for government-only events (quota, free transfers,
///   remittance, fee return);
/// - [`AccountingError::FundingNotApplicable`] for treasury funding;
/// - [`AccountingError::NothingToPost`] or [`AccountingError::ExceedsBalance`] when the asset's
///   balances do not support the event, including an inventory reversal above the allowance.
#[allow(clippy::too_many_lines)]
pub fn lines(
    event: &Event,
    balances: &AssetBalances,
    context: &PostingContext<'_>,
) -> Result<Vec<Line>, AccountingError> {
    match &event.kind {
        EventKind::Purchase {
            cost,
            input_vat,
            funding,
            ..
        } => purchase(
            event,
            ent::INTANGIBLE,
            *cost,
            *input_vat,
            *funding,
            context.vat,
        ),
        EventKind::InventoryPurchase {
            cost,
            input_vat,
            funding,
        } => purchase(
            event,
            ent::INVENTORY,
            *cost,
            *input_vat,
            *funding,
            context.vat,
        ),
        EventKind::ExpensedPurchase {
            amount,
            funding,
            use_of_asset,
        }
        | EventKind::Maintenance {
            amount,
            funding,
            use_of_asset,
        } => paid(event, expense_account(*use_of_asset), *amount, *funding),
        EventKind::CommissionPrepayment { amount, funding } => {
            paid(event, ent::PREPAYMENT, *amount, *funding)
        }
        EventKind::CommissionDelivery { total_fee, funding } => {
            commission_delivery(event, *total_fee, *funding, balances)
        }
        EventKind::RdCost {
            phase,
            amount,
            funding,
        } => {
            let account = match phase {
                RdPhase::Research => ent::RD_EXPENSED,
                RdPhase::Development => ent::RD_CAPITALIZED,
            };
            paid(event, account, *amount, *funding)
        }
        EventKind::ResearchTransfer => {
            transfer_balance(event, balances, ent::RD_EXPENSED, ent::RD_EXPENSE)
        }
        EventKind::DevelopmentCompleted => {
            transfer_balance(event, balances, ent::RD_CAPITALIZED, ent::INTANGIBLE)
        }
        EventKind::DevelopmentAbandoned => {
            transfer_balance(event, balances, ent::RD_CAPITALIZED, ent::RD_EXPENSE)
        }
        EventKind::Amortize {
            amount,
            use_of_asset,
        } => amortize(event, *amount, *use_of_asset, balances),
        EventKind::UpgradeStart => derecognize(event, balances, ent::CONSTRUCTION),
        EventKind::UpgradeSpending { amount, funding } => {
            let account = if balances.debit_balance(ent::CONSTRUCTION).is_zero() {
                require_positive(event, balances, ent::INTANGIBLE)?;
                ent::INTANGIBLE
            } else {
                ent::CONSTRUCTION
            };
            paid(event, account, *amount, *funding)
        }
        EventKind::UpgradeFinish => {
            transfer_balance(event, balances, ent::CONSTRUCTION, ent::INTANGIBLE)
        }
        EventKind::Sale {
            proceeds,
            fees,
            output_vat,
            ..
        } => sale(event, *proceeds, *fees, *output_vat, balances, context.vat),
        EventKind::DonationIn {
            value: Some(value),
            taxes,
            funding,
        } => {
            let credit = funding_account(event, *funding)?;
            Ok(LinesBuilder::default()
                .dr(ent::INTANGIBLE, value.checked_add(*taxes)?)
                .cr(credit, *taxes)
                .cr(ent::NON_OPERATING_INCOME, *value)
                .build())
        }
        EventKind::WriteOff => derecognize(event, balances, ent::NON_OPERATING_EXPENSE),
        EventKind::StocktakeLoss => derecognize(event, balances, ent::PENDING_LOSS),
        EventKind::StocktakeLossApproved => transfer_balance(
            event,
            balances,
            ent::PENDING_LOSS,
            ent::NON_OPERATING_EXPENSE,
        ),
        EventKind::LicenceFee {
            amount,
            output_vat,
            receivable,
        } => licence_fee(event, *amount, *output_vat, *receivable, context.vat),
        EventKind::Impairment { amount } => impairment(event, *amount, balances),
        EventKind::ImpairmentReversal { .. } => Err(AccountingError::ImpairmentReversalForbidden {
            field: event.id.clone(),
            value: event.asset_id.clone(),
        }),
        EventKind::InventoryProcessing { amount, funding } => {
            paid(event, ent::INVENTORY, *amount, *funding)
        }
        EventKind::InventorySale {
            proceeds,
            output_vat,
            cost_sold,
        } => inventory_sale(event, *proceeds, *output_vat, *cost_sold, balances, context),
        EventKind::InventoryWriteDown { amount } => {
            let gross = balances.debit_balance(ent::INVENTORY);
            let allowance = balances.credit_balance(ent::INVENTORY_ALLOWANCE);
            within(event, "amount", gross.checked_sub(allowance)?, *amount)?;
            Ok(entry(
                ent::IMPAIRMENT_LOSS,
                ent::INVENTORY_ALLOWANCE,
                *amount,
            ))
        }
        EventKind::InventoryWriteDownReversal { amount } => {
            // CAS 1 art. 19: the reversal is capped at the write-down still provided.
            let allowance = balances.credit_balance(ent::INVENTORY_ALLOWANCE);
            within(event, "amount", allowance, *amount)?;
            Ok(entry(
                ent::INVENTORY_ALLOWANCE,
                ent::IMPAIRMENT_LOSS,
                *amount,
            ))
        }
        EventKind::QuotaReceived { .. }
        | EventKind::Remittance { .. }
        | EventKind::TransferOut { .. }
        | EventKind::TransferIn { .. }
        | EventKind::DonationIn { value: None, .. }
        | EventKind::FeeReturned { .. } => Err(not_applicable(event, context.entity_kind)),
    }
}

/// Credit account of a funding source in the enterprise chart.
///
/// # Errors
///
/// [`AccountingError::FundingNotApplicable`] for treasury funding, which enterprises do not have.
pub fn funding_account(event: &Event, funding: Funding) -> Result<AccountRef, AccountingError> {
    match funding {
        Funding::BankDeposit => Ok(ent::BANK),
        Funding::SalaryPayable => Ok(ent::SALARY_PAYABLE),
        Funding::StoresIssued => Ok(ent::MATERIALS),
        Funding::Depreciation => Ok(ent::DEPRECIATION),
        Funding::AccountsPayable => Ok(ent::ACCOUNTS_PAYABLE),
        Funding::DirectTreasury | Funding::AuthorizedQuota => {
            Err(AccountingError::FundingNotApplicable {
                field: format!("{}.funding", event.id),
                value: funding.code().to_owned(),
                allowed: "enterprise: bank_deposit, salary_payable, stores_issued, depreciation \
                          or accounts_payable"
                    .to_owned(),
            })
        }
    }
}

/// Expense or cost account by use: 6602 管理费用, 6401/6402 when the data serves customers, 6601
/// 销售费用, 1604 在建工程, 5101 制造费用 (企业数据资源相关会计处理暂行规定: amortization goes to
/// profit or loss or to the cost of a related asset according to use).
pub fn expense_account(use_of_asset: ExpenseUse) -> AccountRef {
    match use_of_asset {
        ExpenseUse::Business | ExpenseUse::Management => ent::ADMINISTRATIVE_EXPENSE,
        ExpenseUse::Operating => ent::MAIN_COST,
        ExpenseUse::OtherOperating => ent::OTHER_COST,
        ExpenseUse::Selling => ent::SELLING_EXPENSE,
        ExpenseUse::ConstructionCost => ent::CONSTRUCTION,
        ExpenseUse::ProductionCost => ent::MANUFACTURING_OVERHEAD,
    }
}

fn paid(
    event: &Event,
    account: AccountRef,
    amount: Amount,
    funding: Funding,
) -> Result<Vec<Line>, AccountingError> {
    let credit = funding_account(event, funding)?;
    Ok(entry(account, credit, amount))
}

/// Purchase of a data intangible or data inventory (企业数据资源相关会计处理暂行规定: cost =
/// price + taxes + directly attributable costs; CAS 6 art. 12, CAS 1 art. 6): Dr 1701 or 1405—
/// 数据资源 + Dr 2221 进项税额 (general taxpayer) / Cr 1002. A small-scale taxpayer cannot deduct
/// input VAT, so it is part of the cost.
fn purchase(
    event: &Event,
    asset: AccountRef,
    cost: Amount,
    input_vat: Amount,
    funding: Funding,
    vat: VatStatus,
) -> Result<Vec<Line>, AccountingError> {
    let credit = funding_account(event, funding)?;
    let (asset_cost, deductible) = if vat == VatStatus::General {
        (cost, input_vat)
    } else {
        (cost.checked_add(input_vat)?, Amount::ZERO)
    };
    Ok(LinesBuilder::default()
        .dr(asset, asset_cost)
        .dr(ent::VAT_INPUT, deductible)
        .cr(credit, cost.checked_add(input_vat)?)
        .build())
}

/// Delivery of a commissioned development: Dr 1701 (full fee) / Cr 1123 (prepaid) / Cr funding
/// (balance) (CAS 6 art. 12, a purchase).
fn commission_delivery(
    event: &Event,
    total_fee: Amount,
    funding: Funding,
    balances: &AssetBalances,
) -> Result<Vec<Line>, AccountingError> {
    let prepaid = balances.debit_balance(ent::PREPAYMENT);
    within(event, "total_fee", total_fee, prepaid)?;
    let credit = funding_account(event, funding)?;
    Ok(LinesBuilder::default()
        .dr(ent::INTANGIBLE, total_fee)
        .cr(ent::PREPAYMENT, prepaid)
        .cr(credit, total_fee.checked_sub(prepaid)?)
        .build())
}

/// Returns (gross, accumulated amortization, impairment allowance, carrying amount).
fn intangible_balances(
    event: &Event,
    balances: &AssetBalances,
) -> Result<(Amount, Amount, Amount, Amount), AccountingError> {
    let gross = require_positive(event, balances, ent::INTANGIBLE)?;
    let accumulated = balances.credit_balance(ent::ACCUMULATED_AMORTIZATION);
    let impairment = balances.credit_balance(ent::IMPAIRMENT_ALLOWANCE);
    let carrying = gross.checked_sub(accumulated)?.checked_sub(impairment)?;
    Ok((gross, accumulated, impairment, carrying))
}

/// Amortization by use (CAS 6 art. 17; 企业数据资源相关会计处理暂行规定): Dr 6602, 6401, 6402,
/// 6601, 1604 or 5101 / Cr 1702, at most the carrying amount.
fn amortize(
    event: &Event,
    amount: Amount,
    use_of_asset: ExpenseUse,
    balances: &AssetBalances,
) -> Result<Vec<Line>, AccountingError> {
    let (_, _, _, carrying) = intangible_balances(event, balances)?;
    within(event, "amount", carrying, amount)?;
    Ok(entry(
        expense_account(use_of_asset),
        ent::ACCUMULATED_AMORTIZATION,
        amount,
    ))
}

/// Impairment (CAS 8 art. 15): Dr 6701 / Cr 1703, at most the carrying amount. It never reverses
/// (CAS 8 art. 17).
fn impairment(
    event: &Event,
    amount: Amount,
    balances: &AssetBalances,
) -> Result<Vec<Line>, AccountingError> {
    let (_, _, _, carrying) = intangible_balances(event, balances)?;
    within(event, "amount", carrying, amount)?;
    Ok(entry(
        ent::IMPAIRMENT_LOSS,
        ent::IMPAIRMENT_ALLOWANCE,
        amount,
    ))
}

/// Derecognizes the intangible: Dr `book_value_to` (carrying amount) + Dr 1702 + Dr 1703 / Cr
/// 1701 (CAS 6 on disposal and write-off). Used for write-off (6711), stocktake loss (1901) and an upgrade
/// (1604).
fn derecognize(
    event: &Event,
    balances: &AssetBalances,
    book_value_to: AccountRef,
) -> Result<Vec<Line>, AccountingError> {
    let (gross, accumulated, impairment, carrying) = intangible_balances(event, balances)?;
    Ok(LinesBuilder::default()
        .dr(book_value_to, carrying)
        .dr(ent::ACCUMULATED_AMORTIZATION, accumulated)
        .dr(ent::IMPAIRMENT_ALLOWANCE, impairment)
        .cr(ent::INTANGIBLE, gross)
        .build())
}

/// Sale of a data intangible (CAS 6 on disposal; 财会〔2017〕30号 for 资产处置收益): Dr 1002 (proceeds +
/// VAT) + Dr 1702 + Dr 1703 / Cr 1701 / Cr 2221 销项税额 / Cr 1002 (fees) / Cr 6115 (gain) or Dr
/// 6115 (loss).
fn sale(
    event: &Event,
    proceeds: Amount,
    fees: Amount,
    output_vat: Amount,
    balances: &AssetBalances,
    vat: VatStatus,
) -> Result<Vec<Line>, AccountingError> {
    let (gross, accumulated, impairment, carrying) = intangible_balances(event, balances)?;
    let vat_account = output_vat_account(
        event,
        output_vat,
        vat,
        ent::VAT_OUTPUT,
        ent::VAT_SMALL_SCALE,
    )?;
    let gain = proceeds.checked_sub(fees)?.checked_sub(carrying)?;
    let (gain_credit, loss_debit) = if gain.is_negative() {
        (Amount::ZERO, gain.negate())
    } else {
        (gain, Amount::ZERO)
    };
    Ok(LinesBuilder::default()
        .dr(ent::BANK, proceeds.checked_add(output_vat)?)
        .dr(ent::ACCUMULATED_AMORTIZATION, accumulated)
        .dr(ent::IMPAIRMENT_ALLOWANCE, impairment)
        .dr(ent::DISPOSAL_GAIN, loss_debit)
        .cr(ent::INTANGIBLE, gross)
        .cr(vat_account, output_vat)
        .cr(ent::BANK, fees)
        .cr(ent::DISPOSAL_GAIN, gain_credit)
        .build())
}

/// Licence fee for a data asset (CAS 14; 企业数据资源相关会计处理暂行规定: revenue from serving
/// customers with data): Dr 1002 or 1122 / Cr 6001 主营业务收入 / Cr 2221 销项税额.
///
/// Public so that revenue-split vouchers can build on the same lines.
///
/// # Errors
///
/// [`AccountingError::NotVatTaxpayer`] when VAT is charged by a non-taxpayer;
/// [`AccountingError::Money`] on overflow.
pub fn licence_fee(
    event: &Event,
    amount: Amount,
    output_vat: Amount,
    receivable: bool,
    vat: VatStatus,
) -> Result<Vec<Line>, AccountingError> {
    let vat_account = output_vat_account(
        event,
        output_vat,
        vat,
        ent::VAT_OUTPUT,
        ent::VAT_SMALL_SCALE,
    )?;
    let debit = if receivable {
        ent::RECEIVABLE
    } else {
        ent::BANK
    };
    Ok(LinesBuilder::default()
        .dr(debit, amount.checked_add(output_vat)?)
        .cr(ent::MAIN_REVENUE, amount)
        .cr(vat_account, output_vat)
        .build())
}

/// Sale of data inventory (CAS 1 art. 20; CAS 14): Dr 1002 / Cr 6001 + Cr 2221 销项税额; Dr 6401 /
/// Cr 1405 for the cost sold; the write-down provided on the part sold is released, Dr 1471 / Cr
/// 6401 (转销), in proportion to the cost sold.
fn inventory_sale(
    event: &Event,
    proceeds: Amount,
    output_vat: Amount,
    cost_sold: Amount,
    balances: &AssetBalances,
    context: &PostingContext<'_>,
) -> Result<Vec<Line>, AccountingError> {
    let gross = balances.debit_balance(ent::INVENTORY);
    if gross.is_zero() || gross.is_negative() {
        return Err(AccountingError::NothingToPost {
            field: event.id.clone(),
            value: event.asset_id.clone(),
            allowed: format!("{} {}", ent::INVENTORY.code, ent::INVENTORY.name),
        });
    }
    within(event, "cost_sold", gross, cost_sold)?;
    let vat_account = output_vat_account(
        event,
        output_vat,
        context.vat,
        ent::VAT_OUTPUT,
        ent::VAT_SMALL_SCALE,
    )?;
    let allowance = balances.credit_balance(ent::INVENTORY_ALLOWANCE);
    let released = if cost_sold == gross {
        allowance
    } else {
        allowance
            .checked_mul(cost_sold.value())?
            .checked_div(gross.value())?
            .round_fen(context.policy.rounding)
            .min(allowance)
    };
    Ok(LinesBuilder::default()
        .dr(ent::BANK, proceeds.checked_add(output_vat)?)
        .cr(ent::MAIN_REVENUE, proceeds)
        .cr(vat_account, output_vat)
        .dr(ent::MAIN_COST, cost_sold)
        .cr(ent::INVENTORY, cost_sold)
        .dr(ent::INVENTORY_ALLOWANCE, released)
        .cr(ent::MAIN_COST, released)
        .build())
}
