//! Posting rules of 政府会计制度——行政事业单位会计科目和报表 (财会〔2017〕25号) for data assets
//! recognized under 政府会计准则第4号——无形资产 (财会〔2016〕12号).
//!
//! Each rule returns the 财务会计 lines and the 预算会计 lines. Cash receipts and payments inside
//! the departmental budget get budget lines (平行记账); non-cash events get none. A 行政单位 books
//! budget expenditure to 7101 行政支出 and never uses 5101 单位管理费用 (政府会计准则制度解释第1号
//! §6); a 事业单位 books 7201 事业支出; business (经营) use goes to 5201 经营费用 and 7301 经营支出.

use super::chart::{AccountRef, gov};
use super::error::AccountingError;
use super::event::{
    AssetBalances, Event, EventKind, ExpenseUse, Funding, PostingContext, RdPhase, TransferInBasis,
    VatStatus,
};
use super::rules::{output_vat_account, require_positive, transfer_balance, within};
use super::voucher::{Line, LinesBuilder, entry};
use crate::entity::EntityKind;
use crate::money::Amount;
use crate::policy::InstitutionFeeTreatment;

/// Financial and budget lines of one voucher.
pub type SideLines = (Vec<Line>, Vec<Line>);

/// Applies the government posting rule for `event`.
///
/// One match arm per event kind, so the function is long but flat. The arms that move a whole
/// balance follow the 政府会计制度 account instructions: research costs go to 5001 at month-end and
/// development costs to 1701 on completion or to 5001 when the project fails (account 1703),
/// construction in progress returns to 1701 after an upgrade (account 1613), and an approved
/// stocktake loss goes to 5301 (account 1902).
///
/// # Errors
///
/// - [`AccountingError::GovernmentImpairment`] for an impairment or its reversal;
/// - [`AccountingError::NotApplicable`] for enterprise-only events (inventory);
/// - [`AccountingError::ManagementExpenseForAdministrativeUnit`] when a 行政单位 requests 5101;
/// - [`AccountingError::NothingToPost`] or [`AccountingError::ExceedsBalance`] when the asset's
///   balances do not support the event.
#[allow(clippy::too_many_lines)]
pub fn lines(
    event: &Event,
    balances: &AssetBalances,
    context: &PostingContext<'_>,
) -> Result<SideLines, AccountingError> {
    let kind = context.entity_kind;
    match &event.kind {
        EventKind::Purchase {
            cost,
            input_vat,
            funding,
            business_activity,
        } => purchase(*cost, *input_vat, *funding, *business_activity, context),
        EventKind::ExpensedPurchase {
            amount,
            funding,
            use_of_asset,
        }
        | EventKind::Maintenance {
            amount,
            funding,
            use_of_asset,
        } => expense_paid(event, *amount, *funding, *use_of_asset, kind),
        EventKind::QuotaReceived { amount } => Ok(quota_received(*amount)),
        EventKind::CommissionPrepayment { amount, funding } => {
            Ok(paid(gov::PREPAYMENT, *amount, *funding, kind, false))
        }
        EventKind::CommissionDelivery { total_fee, funding } => {
            commission_delivery(event, *total_fee, *funding, balances, kind)
        }
        EventKind::RdCost {
            phase,
            amount,
            funding,
        } => {
            let account = match phase {
                RdPhase::Research => gov::RESEARCH,
                RdPhase::Development => gov::DEVELOPMENT,
            };
            Ok(paid(account, *amount, *funding, kind, false))
        }
        EventKind::ResearchTransfer => {
            transfer_balance(event, balances, gov::RESEARCH, gov::BUSINESS_EXPENSE)
                .map(financial_only)
        }
        EventKind::DevelopmentCompleted => {
            transfer_balance(event, balances, gov::DEVELOPMENT, gov::INTANGIBLE).map(financial_only)
        }
        EventKind::DevelopmentAbandoned => {
            transfer_balance(event, balances, gov::DEVELOPMENT, gov::BUSINESS_EXPENSE)
                .map(financial_only)
        }
        EventKind::Amortize {
            amount,
            use_of_asset,
        } => amortize(event, *amount, *use_of_asset, balances, kind),
        EventKind::UpgradeStart => Ok((derecognize(event, balances, gov::CONSTRUCTION)?, vec![])),
        EventKind::UpgradeSpending { amount, funding } => {
            let account = if balances.debit_balance(gov::CONSTRUCTION).is_zero() {
                require_positive(event, balances, gov::INTANGIBLE)?;
                gov::INTANGIBLE
            } else {
                gov::CONSTRUCTION
            };
            Ok(paid(account, *amount, *funding, kind, false))
        }
        EventKind::UpgradeFinish => {
            transfer_balance(event, balances, gov::CONSTRUCTION, gov::INTANGIBLE)
                .map(financial_only)
        }
        EventKind::Sale {
            proceeds,
            fees,
            output_vat,
            retain,
        } => sale(
            event,
            *proceeds,
            *fees,
            *output_vat,
            *retain,
            balances,
            context,
        ),
        EventKind::Remittance { amount } => remittance(event, *amount, balances),
        EventKind::TransferOut { costs, funding } => {
            let financial = derecognize(event, balances, gov::TRANSFERRED_NET_ASSETS)?;
            let (costs_financial, budget) =
                paid(gov::DISPOSAL_EXPENSE, *costs, *funding, kind, true);
            Ok((concat(financial, costs_financial), budget))
        }
        EventKind::TransferIn {
            basis,
            taxes,
            funding,
        } => transfer_in(basis, *taxes, *funding, kind),
        EventKind::DonationIn {
            value,
            taxes,
            funding,
        } => donation_in(*value, *taxes, *funding, kind),
        EventKind::WriteOff => Ok((derecognize(event, balances, gov::DISPOSAL_EXPENSE)?, vec![])),
        EventKind::StocktakeLoss => Ok((derecognize(event, balances, gov::PENDING_LOSS)?, vec![])),
        EventKind::StocktakeLossApproved => {
            transfer_balance(event, balances, gov::PENDING_LOSS, gov::DISPOSAL_EXPENSE)
                .map(financial_only)
        }
        EventKind::LicenceFee {
            amount,
            output_vat,
            receivable,
        } => licence_fee(event, *amount, *output_vat, *receivable, context),
        EventKind::FeeReturned { amount } => Ok(fee_returned(*amount)),
        EventKind::Impairment { .. } | EventKind::ImpairmentReversal { .. } => {
            Err(AccountingError::GovernmentImpairment {
                field: event.id.clone(),
                value: event.asset_id.clone(),
            })
        }
        EventKind::InventoryPurchase { .. }
        | EventKind::InventoryProcessing { .. }
        | EventKind::InventorySale { .. }
        | EventKind::InventoryWriteDown { .. }
        | EventKind::InventoryWriteDownReversal { .. } => Err(not_applicable(event, kind)),
    }
}

pub(crate) fn not_applicable(event: &Event, kind: EntityKind) -> AccountingError {
    AccountingError::NotApplicable {
        field: event.id.clone(),
        value: event.kind.type_code().to_owned(),
        allowed: kind.label_zh().to_owned(),
    }
}

/// Wraps financial lines as a voucher without budget lines (a non-cash event).
fn financial_only(lines: Vec<Line>) -> SideLines {
    (lines, Vec::new())
}

fn concat(mut first: Vec<Line>, second: Vec<Line>) -> Vec<Line> {
    first.extend(second);
    first
}

/// Budget expenditure account: 7301 经营支出 for business (经营) activities, otherwise 7101 行政支出
/// for a 行政单位 and 7201 事业支出 for a 事业单位 (政府会计制度 accounts 7101, 7201, 7301).
pub fn budget_expenditure(kind: EntityKind, business_activity: bool) -> AccountRef {
    if business_activity {
        gov::OPERATING_EXPENDITURE
    } else if kind == EntityKind::AdministrativeUnit {
        gov::ADMINISTRATIVE_EXPENDITURE
    } else {
        gov::PROFESSIONAL_EXPENDITURE
    }
}

/// Credit accounts of a funding source: the financial account and, for cash inside the budget,
/// the budget account (政府会计制度 accounts 4001/6001, 1011/8001, 1002/8001).
pub fn funding_accounts(funding: Funding) -> (AccountRef, Option<AccountRef>) {
    match funding {
        Funding::DirectTreasury => (
            gov::APPROPRIATION_REVENUE,
            Some(gov::APPROPRIATION_BUDGET_REVENUE),
        ),
        Funding::AuthorizedQuota => (gov::ZERO_BALANCE_QUOTA, Some(gov::FUNDS_QUOTA)),
        Funding::BankDeposit => (gov::BANK, Some(gov::FUNDS_MONEY)),
        Funding::SalaryPayable => (gov::SALARY_PAYABLE, None),
        Funding::StoresIssued => (gov::STORES, None),
        Funding::Depreciation => (gov::DEPRECIATION, None),
        Funding::AccountsPayable => (gov::ACCOUNTS_PAYABLE, None),
    }
}

/// Expense or cost account for a use (政府会计制度 accounts 5001, 5101, 5201, 1303, 1613;
/// 政府会计准则制度解释第1号 §6: only 事业单位 use 5101).
pub fn expense_account(
    use_of_asset: ExpenseUse,
    kind: EntityKind,
    field: &str,
) -> Result<AccountRef, AccountingError> {
    match use_of_asset {
        ExpenseUse::Business => Ok(gov::BUSINESS_EXPENSE),
        ExpenseUse::Management if kind == EntityKind::PublicInstitution => {
            Ok(gov::MANAGEMENT_EXPENSE)
        }
        ExpenseUse::Management => Err(AccountingError::ManagementExpenseForAdministrativeUnit {
            field: field.to_owned(),
            value: "management".into(),
        }),
        ExpenseUse::Operating | ExpenseUse::OtherOperating => Ok(gov::OPERATING_EXPENSE),
        ExpenseUse::ConstructionCost => Ok(gov::CONSTRUCTION),
        ExpenseUse::ProductionCost => Ok(gov::PROCESSED_GOODS),
        ExpenseUse::Selling => Err(AccountingError::NotApplicable {
            field: field.to_owned(),
            value: "selling".into(),
            allowed: kind.label_zh().to_owned(),
        }),
    }
}

/// Debits `account` and credits the funding source; cash inside the budget also gets Dr
/// budget expenditure / Cr the budget funding account. `other_expenditure` books the budget debit
/// to 7901 其他支出 (costs of transfers and taxes on donations, 政府会计制度 account 7901).
fn paid(
    account: AccountRef,
    amount: Amount,
    funding: Funding,
    kind: EntityKind,
    other_expenditure: bool,
) -> SideLines {
    let (credit, budget_credit) = funding_accounts(funding);
    let financial = entry(account, credit, amount);
    let budget = match budget_credit {
        Some(budget_credit) => {
            let expenditure = if other_expenditure {
                gov::OTHER_EXPENDITURE
            } else {
                budget_expenditure(kind, false)
            };
            entry(expenditure, budget_credit, amount)
        }
        None => Vec::new(),
    };
    (financial, budget)
}

/// Purchase (政府会计准则第4号 ch. 3, 外购: cost = price + taxes + directly attributable costs;
/// 政府会计制度 account 1701 and, for a general VAT taxpayer, account 2101).
///
/// - F: Dr 1701 (cost, plus the VAT unless the unit deducts it) [Dr 2101 进项税额] / Cr 4001,
///   1011 or 1002.
/// - B: Dr 7101 or 7201 (7301 for business activities) / Cr 6001 or 8001, for the cash paid.
fn purchase(
    cost: Amount,
    input_vat: Amount,
    funding: Funding,
    business_activity: bool,
    context: &PostingContext<'_>,
) -> Result<SideLines, AccountingError> {
    let (asset_cost, deductible) = if context.vat == VatStatus::General {
        (cost, input_vat)
    } else {
        (cost.checked_add(input_vat)?, Amount::ZERO)
    };
    let total = cost.checked_add(input_vat)?;
    let (credit, budget_credit) = funding_accounts(funding);
    let financial = LinesBuilder::default()
        .dr(gov::INTANGIBLE, asset_cost)
        .dr(gov::VAT_INPUT, deductible)
        .cr(credit, total)
        .build();
    let budget = budget_credit.map_or_else(Vec::new, |budget_credit| {
        entry(
            budget_expenditure(context.entity_kind, business_activity),
            budget_credit,
            total,
        )
    });
    Ok((financial, budget))
}

/// Expensed spending: a low-value purchase (政府会计准则第4号 art. 17(4): a non-bulk purchase with a
/// unit price below the threshold may be expensed) or routine maintenance (政府会计准则第4号
/// art. 8; 政府会计准则制度解释第2号 §6). F: Dr 5001/5101/5201 / Cr funding; B: Dr 7101/7201/7301 /
/// Cr 6001/8001.
fn expense_paid(
    event: &Event,
    amount: Amount,
    funding: Funding,
    use_of_asset: ExpenseUse,
    kind: EntityKind,
) -> Result<SideLines, AccountingError> {
    let expense = expense_account(use_of_asset, kind, &format!("{}.use_of_asset", event.id))?;
    let (credit, budget_credit) = funding_accounts(funding);
    let financial = entry(expense, credit, amount);
    let budget = budget_credit.map_or_else(Vec::new, |budget_credit| {
        LinesBuilder::default()
            .dr(
                budget_expenditure(kind, use_of_asset.is_operating()),
                amount,
            )
            .cr(budget_credit, amount)
            .build()
    });
    Ok((financial, budget))
}

/// Quota received (政府会计制度 accounts 1011 and 8001): F Dr 1011 / Cr 4001; B Dr 8001—零余额账户
/// 用款额度 / Cr 6001.
fn quota_received(amount: Amount) -> SideLines {
    (
        entry(gov::ZERO_BALANCE_QUOTA, gov::APPROPRIATION_REVENUE, amount),
        entry(gov::FUNDS_QUOTA, gov::APPROPRIATION_BUDGET_REVENUE, amount),
    )
}

/// Delivery of a commissioned development, treated as a purchase (政府会计准则第4号 ch. 3, 外购;
/// 政府会计制度 account 1214): F Dr 1701 (full fee) / Cr 1214 (prepaid) / Cr funding (balance);
/// B only for the balance paid now.
fn commission_delivery(
    event: &Event,
    total_fee: Amount,
    funding: Funding,
    balances: &AssetBalances,
    kind: EntityKind,
) -> Result<SideLines, AccountingError> {
    let prepaid = balances.debit_balance(gov::PREPAYMENT);
    within(event, "total_fee", total_fee, prepaid)?;
    let balance_due = total_fee.checked_sub(prepaid)?;
    let (credit, budget_credit) = funding_accounts(funding);
    let financial = LinesBuilder::default()
        .dr(gov::INTANGIBLE, total_fee)
        .cr(gov::PREPAYMENT, prepaid)
        .cr(credit, balance_due)
        .build();
    let budget = budget_credit.map_or_else(Vec::new, |budget_credit| {
        entry(budget_expenditure(kind, false), budget_credit, balance_due)
    });
    Ok((financial, budget))
}

/// Monthly amortization (政府会计准则第4号 art. 16 and 18; 政府会计制度 account 1702): F Dr 5001, 5101
/// (事业单位 management), 5201, 1303 or 1613 / Cr 1702; no budget entry. Nominal-amount assets are
/// not amortized.
fn amortize(
    event: &Event,
    amount: Amount,
    use_of_asset: ExpenseUse,
    balances: &AssetBalances,
    kind: EntityKind,
) -> Result<SideLines, AccountingError> {
    if balances.nominal {
        return Err(AccountingError::NotAmortizable {
            field: event.id.clone(),
            value: event.asset_id.clone(),
        });
    }
    let gross = require_positive(event, balances, gov::INTANGIBLE)?;
    let accumulated = balances.credit_balance(gov::ACCUMULATED_AMORTIZATION);
    let carrying = gross.checked_sub(accumulated)?;
    within(event, "amount", carrying, amount)?;
    let expense = expense_account(use_of_asset, kind, &format!("{}.use_of_asset", event.id))?;
    Ok((
        entry(expense, gov::ACCUMULATED_AMORTIZATION, amount),
        Vec::new(),
    ))
}

/// Derecognizes the asset: Dr `book_value_to` (book value) + Dr 1702 (accumulated) / Cr 1701
/// (gross). Used for sale and write-off (5301, 政府会计准则第4号 ch. 5, 处置), free transfer out
/// (3401), stocktake loss (1902) and an upgrade that pauses amortization (1613).
fn derecognize(
    event: &Event,
    balances: &AssetBalances,
    book_value_to: AccountRef,
) -> Result<Vec<Line>, AccountingError> {
    let gross = require_positive(event, balances, gov::INTANGIBLE)?;
    let accumulated = balances.credit_balance(gov::ACCUMULATED_AMORTIZATION);
    let book_value = gross.checked_sub(accumulated)?;
    Ok(LinesBuilder::default()
        .dr(book_value_to, book_value)
        .dr(gov::ACCUMULATED_AMORTIZATION, accumulated)
        .cr(gov::INTANGIBLE, gross)
        .build())
}

/// Sale after approval (政府会计准则第4号 ch. 5, 处置; 政府会计制度 accounts 5301, 2103, 4609, 6609).
///
/// - F: Dr 5301 (book value) + Dr 1702 / Cr 1701; Dr 1002 (proceeds + VAT) / Cr 1002 (fees) /
///   Cr 2101 (VAT) / Cr 2103 (net, remitted) or 4609 (net, retained). A shortfall of proceeds
///   below fees is Dr 5301.
/// - B: retained net income Dr 8001—货币资金 / Cr 6609; a shortfall paid from own funds Dr 7901 /
///   Cr 8001—货币资金; remitted proceeds none.
fn sale(
    event: &Event,
    proceeds: Amount,
    fees: Amount,
    output_vat: Amount,
    retain: bool,
    balances: &AssetBalances,
    context: &PostingContext<'_>,
) -> Result<SideLines, AccountingError> {
    let derecognition = derecognize(event, balances, gov::DISPOSAL_EXPENSE)?;
    let vat_account = output_vat_account(
        event,
        output_vat,
        context.vat,
        gov::VAT_OUTPUT,
        gov::VAT_SMALL_SCALE,
    )?;
    let net = proceeds.checked_sub(fees)?;
    let (net_gain, shortfall) = if net.is_negative() {
        (Amount::ZERO, net.negate())
    } else {
        (net, Amount::ZERO)
    };
    let net_account = if retain {
        gov::OTHER_REVENUE
    } else {
        gov::PAYABLE_TO_TREASURY
    };
    let proceeds_lines = LinesBuilder::default()
        .dr(gov::BANK, proceeds.checked_add(output_vat)?)
        .dr(gov::DISPOSAL_EXPENSE, shortfall)
        .cr(gov::BANK, fees)
        .cr(vat_account, output_vat)
        .cr(net_account, net_gain)
        .build();
    let mut budget = LinesBuilder::default();
    if retain {
        budget = budget
            .dr(gov::FUNDS_MONEY, net_gain)
            .cr(gov::OTHER_BUDGET_REVENUE, net_gain);
    }
    budget = budget
        .dr(gov::OTHER_EXPENDITURE, shortfall)
        .cr(gov::FUNDS_MONEY, shortfall);
    Ok((concat(derecognition, proceeds_lines), budget.build()))
}

/// Remittance to the treasury (政府会计制度 account 2103): F Dr 2103 / Cr 1002; no budget entry,
/// because the amounts are not the unit's budget revenue.
fn remittance(
    event: &Event,
    amount: Amount,
    balances: &AssetBalances,
) -> Result<SideLines, AccountingError> {
    let payable = balances.credit_balance(gov::PAYABLE_TO_TREASURY);
    within(event, "amount", payable, amount)?;
    Ok((
        entry(gov::PAYABLE_TO_TREASURY, gov::BANK, amount),
        Vec::new(),
    ))
}

/// Free transfer in (政府会计准则第4号 ch. 3, 无偿调入; 政府会计准则制度解释第1号 §5).
///
/// - book value: F Dr 1701 (book value + taxes) / Cr funding (taxes) / Cr 3401 (book value);
/// - zero book value: F Dr 1701 / Cr 1702 at the gross amount, Dr 5901 / Cr funding (taxes);
/// - nominal amount: F Dr 1701 / Cr 3401 at one yuan, Dr 5901 / Cr funding (taxes);
/// - B for the taxes paid in cash: Dr 7901 / Cr 8001.
fn transfer_in(
    basis: &TransferInBasis,
    taxes: Amount,
    funding: Funding,
    kind: EntityKind,
) -> Result<SideLines, AccountingError> {
    let (credit, _) = funding_accounts(funding);
    let financial = match basis {
        TransferInBasis::BookValue { book_value } => LinesBuilder::default()
            .dr(gov::INTANGIBLE, book_value.checked_add(taxes)?)
            .cr(credit, taxes)
            .cr(gov::TRANSFERRED_NET_ASSETS, *book_value)
            .build(),
        TransferInBasis::ZeroBookValue { gross } => LinesBuilder::default()
            .dr(gov::INTANGIBLE, *gross)
            .cr(gov::ACCUMULATED_AMORTIZATION, *gross)
            .dr(gov::OTHER_EXPENSE, taxes)
            .cr(credit, taxes)
            .build(),
        TransferInBasis::Nominal => LinesBuilder::default()
            .dr(gov::INTANGIBLE, Amount::NOMINAL)
            .cr(gov::TRANSFERRED_NET_ASSETS, Amount::NOMINAL)
            .dr(gov::OTHER_EXPENSE, taxes)
            .cr(credit, taxes)
            .build(),
    };
    let (_, budget) = paid(gov::OTHER_EXPENSE, taxes, funding, kind, true);
    Ok((financial, budget))
}

/// Donation received (政府会计准则第4号 ch. 3, 接受捐赠): F Dr 1701 (value + taxes) / Cr funding (taxes) /
/// Cr 4603; at the nominal amount Dr 1701 / Cr 4603 at one yuan and the taxes Dr 5901 / Cr
/// funding. B for the taxes paid in cash: Dr 7901 / Cr 8001.
fn donation_in(
    value: Option<Amount>,
    taxes: Amount,
    funding: Funding,
    kind: EntityKind,
) -> Result<SideLines, AccountingError> {
    let (credit, _) = funding_accounts(funding);
    let financial = match value {
        Some(value) => LinesBuilder::default()
            .dr(gov::INTANGIBLE, value.checked_add(taxes)?)
            .cr(credit, taxes)
            .cr(gov::DONATION_REVENUE, value)
            .build(),
        None => LinesBuilder::default()
            .dr(gov::INTANGIBLE, Amount::NOMINAL)
            .cr(gov::DONATION_REVENUE, Amount::NOMINAL)
            .dr(gov::OTHER_EXPENSE, taxes)
            .cr(credit, taxes)
            .build(),
    };
    let (_, budget) = paid(gov::OTHER_EXPENSE, taxes, funding, kind, true);
    Ok((financial, budget))
}

/// Licence or usage fee of a data asset (政府会计制度 accounts 2103, 4101, 4401, 4609, 6101, 6401,
/// 6609; 财资〔2024〕1号: a 行政单位's income is non-tax revenue collected by the treasury, a
/// 事业单位's follows the same-level finance department, here `policy.institution_fee_treatment`).
///
/// - remitted: F Dr 1002 or 1212 / Cr 2103 (fee) / Cr 2101 (VAT); no budget entry;
/// - retained: F Dr 1002 or 1212 / Cr 4101, 4401 or 4609 / Cr 2101; B for cash received Dr
///   8001—货币资金 / Cr 6101, 6401 or 6609 at the amount received.
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
    context: &PostingContext<'_>,
) -> Result<SideLines, AccountingError> {
    let treatment = if context.entity_kind == EntityKind::PublicInstitution {
        context.policy.institution_fee_treatment
    } else {
        InstitutionFeeTreatment::Remit
    };
    let vat_account = output_vat_account(
        event,
        output_vat,
        context.vat,
        gov::VAT_OUTPUT,
        gov::VAT_SMALL_SCALE,
    )?;
    let received = amount.checked_add(output_vat)?;
    let debit = if receivable {
        gov::RECEIVABLE
    } else {
        gov::BANK
    };
    let (revenue, budget_revenue) = match treatment {
        InstitutionFeeTreatment::Remit => (gov::PAYABLE_TO_TREASURY, None),
        InstitutionFeeTreatment::RetainAsCoreRevenue => (
            gov::PROFESSIONAL_REVENUE,
            Some(gov::PROFESSIONAL_BUDGET_REVENUE),
        ),
        InstitutionFeeTreatment::RetainAsBusinessRevenue => {
            (gov::OPERATING_REVENUE, Some(gov::OPERATING_BUDGET_REVENUE))
        }
        InstitutionFeeTreatment::RetainAsOtherRevenue => {
            (gov::OTHER_REVENUE, Some(gov::OTHER_BUDGET_REVENUE))
        }
    };
    let financial = LinesBuilder::default()
        .dr(debit, received)
        .cr(revenue, amount)
        .cr(vat_account, output_vat)
        .build();
    let budget = match budget_revenue {
        Some(budget_revenue) if !receivable => entry(gov::FUNDS_MONEY, budget_revenue, received),
        _ => Vec::new(),
    };
    Ok((financial, budget))
}

/// Return of a fee from a fiscal special account (财政专户返还): F Dr 1002 / Cr 4101; B Dr
/// 8001—货币资金 / Cr 6101 (政府会计制度 accounts 4101 and 6101).
fn fee_returned(amount: Amount) -> SideLines {
    (
        entry(gov::BANK, gov::PROFESSIONAL_REVENUE, amount),
        entry(gov::FUNDS_MONEY, gov::PROFESSIONAL_BUDGET_REVENUE, amount),
    )
}
