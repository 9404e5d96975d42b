//! Events that happen to a data asset, and the per-asset balances the posting rules read.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::chart::AccountRef;
use super::error::AccountingError;
use super::voucher::Line;
use crate::amortization::AmortizationPeriod;
use crate::entity::EntityKind;
use crate::money::{Amount, MoneyError};
use crate::policy::Policy;

/// Source of the money or resource for a cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Funding {
    /// 财政直接支付: paid by the treasury directly (government only); Cr 4001, budget Cr 6001.
    DirectTreasury,
    /// 财政授权支付: paid from the zero-balance quota (government only); Cr 1011, budget Cr
    /// 8001—零余额账户用款额度.
    AuthorizedQuota,
    /// 银行存款: own funds; Cr 1002, budget Cr 8001—货币资金.
    BankDeposit,
    /// 应付职工薪酬: staff pay accrued; no budget entry until the pay is paid.
    SalaryPayable,
    /// 库存物品 / 原材料: stores issued; no budget entry.
    StoresIssued,
    /// 累计折旧 of equipment used; no budget entry.
    Depreciation,
    /// 应付账款: bought on credit; no budget entry until paid.
    AccountsPayable,
}

impl Funding {
    /// Whether the funding is a cash payment inside the departmental budget, which gets a budget
    /// entry under parallel bookkeeping.
    pub const fn is_budget_cash(self) -> bool {
        matches!(
            self,
            Funding::DirectTreasury | Funding::AuthorizedQuota | Funding::BankDeposit
        )
    }

    /// Snake-case code, as in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            Funding::DirectTreasury => "direct_treasury",
            Funding::AuthorizedQuota => "authorized_quota",
            Funding::BankDeposit => "bank_deposit",
            Funding::SalaryPayable => "salary_payable",
            Funding::StoresIssued => "stores_issued",
            Funding::Depreciation => "depreciation",
            Funding::AccountsPayable => "accounts_payable",
        }
    }
}

/// What an amortization or expense serves, which decides the expense or cost account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExpenseUse {
    /// The unit's own activities: government 5001 业务活动费用, enterprise 6602 管理费用.
    Business,
    /// Management: 5101 单位管理费用 (事业单位 only), enterprise 6602 管理费用.
    Management,
    /// Business activities (经营活动): government 5201 经营费用 (budget 7301 经营支出); enterprise
    /// 6401 主营业务成本 when the data serves customers in the main business.
    Operating,
    /// Serving customers outside the main business: enterprise 6402 其他业务成本; government 5201.
    OtherOperating,
    /// Selling: enterprise 6601 销售费用 (not available to government units).
    Selling,
    /// Cost of an asset under construction: government 1613 在建工程, enterprise 1604 在建工程.
    ConstructionCost,
    /// Cost of goods being processed or produced: government 1303 加工物品, enterprise 5101 制造费用.
    ProductionCost,
}

impl ExpenseUse {
    /// Whether the use is a business (经营) activity, whose budget expenditure is 7301 经营支出.
    pub const fn is_operating(self) -> bool {
        matches!(self, ExpenseUse::Operating | ExpenseUse::OtherOperating)
    }
}

/// R&D phase of a cost (政府会计准则第4号 ch. 2; 政府会计准则制度解释第4号 §4; CAS 6 art. 7–9).
///
/// Development means the five development conditions hold; spending before they hold is research.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RdPhase {
    /// 研究阶段: expensed.
    Research,
    /// 开发阶段: accumulated and capitalized when the asset is ready.
    Development,
}

/// Measurement basis of a freely transferred-in asset (政府会计准则第4号 ch. 3, 无偿调入; 政府会计准则制度解释
/// 第1号 §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TransferInBasis {
    /// The transferor's book value, to which the taxes paid are added.
    BookValue {
        /// Transferor's book value.
        book_value: Amount,
    },
    /// The transferor's book value is zero (fully amortized): Dr 1701 / Cr 1702 at the gross
    /// amount, and the taxes are expensed.
    ZeroBookValue {
        /// Transferor's gross amount.
        gross: Amount,
    },
    /// The transferor carries the asset at the nominal amount: Dr 1701 / Cr 3401 at one yuan, and
    /// the taxes are expensed.
    Nominal,
}

pub use crate::revenue::VatStatus;

/// Kind of event, with its amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum EventKind {
    /// Purchase of a data asset or software (外购), including a 委托开发 paid in one go.
    Purchase {
        /// Price plus directly attributable costs, excluding deductible VAT.
        cost: Amount,
        /// VAT on the invoice.
        #[serde(default)]
        input_vat: Amount,
        /// Payment source.
        funding: Funding,
        /// Whether the asset serves business (经营) activities (government budget 7301).
        #[serde(default)]
        business_activity: bool,
    },
    /// A purchase below the low-value threshold, expensed in full (政府会计准则第4号 art. 17(4)).
    ExpensedPurchase {
        /// Amount paid.
        amount: Amount,
        /// Payment source.
        funding: Funding,
        /// Use the purchase serves.
        use_of_asset: ExpenseUse,
    },
    /// An authorized-payment quota arrives (财政授权支付额度到账).
    QuotaReceived {
        /// Quota amount.
        amount: Amount,
    },
    /// Prepayment to a developer under a commission (委托开发).
    CommissionPrepayment {
        /// Amount prepaid.
        amount: Amount,
        /// Payment source.
        funding: Funding,
    },
    /// Delivery of a commissioned development, with the final payment.
    CommissionDelivery {
        /// Full development fee; the part not prepaid is paid now.
        total_fee: Amount,
        /// Payment source of the balance.
        funding: Funding,
    },
    /// A research or development cost of a self-developed asset.
    RdCost {
        /// Phase.
        phase: RdPhase,
        /// Amount.
        amount: Amount,
        /// Source of the cost.
        funding: Funding,
    },
    /// Period-end transfer of the research (expensed) balance to expense.
    ResearchTransfer,
    /// Development finished: the development balance becomes the asset's cost.
    DevelopmentCompleted,
    /// Year-end review finds the project will not succeed: the development balance is expensed.
    DevelopmentAbandoned,
    /// Monthly amortization.
    Amortize {
        /// Amount for the month, usually from the amortization schedule.
        amount: Amount,
        /// Use the asset serves.
        use_of_asset: ExpenseUse,
    },
    /// An upgrade starts and amortization pauses: the asset moves to construction in progress.
    UpgradeStart,
    /// Capitalizable upgrade spending.
    UpgradeSpending {
        /// Amount.
        amount: Amount,
        /// Payment source.
        funding: Funding,
    },
    /// The upgrade is finished: construction in progress returns to the asset.
    UpgradeFinish,
    /// Routine maintenance, expensed (政府会计准则第4号 ch. 2 on subsequent expenditure; 政府会计准则制度解释第2号 §6).
    Maintenance {
        /// Amount.
        amount: Amount,
        /// Payment source.
        funding: Funding,
        /// Use the asset serves.
        use_of_asset: ExpenseUse,
    },
    /// Sale or transfer of an intangible after approval.
    Sale {
        /// Proceeds received, excluding output VAT.
        proceeds: Amount,
        /// Disposal fees and taxes paid.
        #[serde(default)]
        fees: Amount,
        /// Output VAT charged.
        #[serde(default)]
        output_vat: Amount,
        /// Government: whether the unit may keep the net proceeds (4609) instead of remitting
        /// them (2103).
        #[serde(default)]
        retain: bool,
    },
    /// Remittance of amounts payable to the treasury (2103).
    Remittance {
        /// Amount remitted.
        amount: Amount,
    },
    /// Free transfer out (无偿调出).
    TransferOut {
        /// Costs borne by the transferor.
        #[serde(default)]
        costs: Amount,
        /// Payment source of the costs.
        funding: Funding,
    },
    /// Free transfer in (无偿调入).
    TransferIn {
        /// Measurement basis.
        basis: TransferInBasis,
        /// Related taxes paid.
        #[serde(default)]
        taxes: Amount,
        /// Payment source of the taxes.
        funding: Funding,
    },
    /// Donation received (接受捐赠).
    DonationIn {
        /// Value from documents, appraisal or market price; `None` books the nominal amount.
        value: Option<Amount>,
        /// Related taxes paid.
        #[serde(default)]
        taxes: Amount,
        /// Payment source of the taxes.
        funding: Funding,
    },
    /// Write-off (核销) after approval.
    WriteOff,
    /// A loss found in the stocktake, pending approval.
    StocktakeLoss,
    /// Approval of a stocktake loss.
    StocktakeLossApproved,
    /// Licence or usage fee received for the asset.
    LicenceFee {
        /// Fee, excluding output VAT.
        amount: Amount,
        /// Output VAT charged.
        #[serde(default)]
        output_vat: Amount,
        /// Whether the fee is receivable rather than received in cash.
        #[serde(default)]
        receivable: bool,
    },
    /// A fee paid into a fiscal special account (财政专户) is returned to the unit.
    FeeReturned {
        /// Amount returned.
        amount: Amount,
    },
    /// Impairment of an intangible (enterprise only).
    Impairment {
        /// Impairment loss.
        amount: Amount,
    },
    /// Reversal of an intangible impairment: always rejected (CAS 8 art. 17).
    ImpairmentReversal {
        /// Amount requested.
        amount: Amount,
    },
    /// Purchase of data held for sale (enterprise inventory).
    InventoryPurchase {
        /// Cost, excluding deductible VAT.
        cost: Amount,
        /// VAT on the invoice.
        #[serde(default)]
        input_vat: Amount,
        /// Payment source.
        funding: Funding,
    },
    /// Collection and processing cost of data held for sale (enterprise inventory).
    InventoryProcessing {
        /// Amount.
        amount: Amount,
        /// Source of the cost.
        funding: Funding,
    },
    /// Sale of data inventory.
    InventorySale {
        /// Revenue, excluding output VAT.
        proceeds: Amount,
        /// Output VAT charged.
        #[serde(default)]
        output_vat: Amount,
        /// Cost of the part sold, at most the inventory's gross cost.
        cost_sold: Amount,
    },
    /// Write-down of data inventory to net realizable value (CAS 1 art. 15).
    InventoryWriteDown {
        /// Amount written down.
        amount: Amount,
    },
    /// Reversal of an inventory write-down, capped at the allowance (CAS 1 art. 19).
    InventoryWriteDownReversal {
        /// Amount reversed.
        amount: Amount,
    },
}

impl EventKind {
    /// Snake-case type code, as in JSON.
    pub fn type_code(&self) -> &'static str {
        match self {
            EventKind::Purchase { .. } => "purchase",
            EventKind::ExpensedPurchase { .. } => "expensed_purchase",
            EventKind::QuotaReceived { .. } => "quota_received",
            EventKind::CommissionPrepayment { .. } => "commission_prepayment",
            EventKind::CommissionDelivery { .. } => "commission_delivery",
            EventKind::RdCost { .. } => "rd_cost",
            EventKind::ResearchTransfer => "research_transfer",
            EventKind::DevelopmentCompleted => "development_completed",
            EventKind::DevelopmentAbandoned => "development_abandoned",
            EventKind::Amortize { .. } => "amortize",
            EventKind::UpgradeStart => "upgrade_start",
            EventKind::UpgradeSpending { .. } => "upgrade_spending",
            EventKind::UpgradeFinish => "upgrade_finish",
            EventKind::Maintenance { .. } => "maintenance",
            EventKind::Sale { .. } => "sale",
            EventKind::Remittance { .. } => "remittance",
            EventKind::TransferOut { .. } => "transfer_out",
            EventKind::TransferIn { .. } => "transfer_in",
            EventKind::DonationIn { .. } => "donation_in",
            EventKind::WriteOff => "write_off",
            EventKind::StocktakeLoss => "stocktake_loss",
            EventKind::StocktakeLossApproved => "stocktake_loss_approved",
            EventKind::LicenceFee { .. } => "licence_fee",
            EventKind::FeeReturned { .. } => "fee_returned",
            EventKind::Impairment { .. } => "impairment",
            EventKind::ImpairmentReversal { .. } => "impairment_reversal",
            EventKind::InventoryPurchase { .. } => "inventory_purchase",
            EventKind::InventoryProcessing { .. } => "inventory_processing",
            EventKind::InventorySale { .. } => "inventory_sale",
            EventKind::InventoryWriteDown { .. } => "inventory_write_down",
            EventKind::InventoryWriteDownReversal { .. } => "inventory_write_down_reversal",
        }
    }

    /// Summary (摘要) written on the voucher.
    pub fn memo(&self) -> &'static str {
        match self {
            EventKind::Purchase { .. } => "购入数据资产",
            EventKind::ExpensedPurchase { .. } => "购入低值数据资源，一次计入费用",
            EventKind::QuotaReceived { .. } => "收到财政授权支付额度",
            EventKind::CommissionPrepayment { .. } => "预付委托开发款",
            EventKind::CommissionDelivery { .. } => "委托开发完成交付",
            EventKind::RdCost { .. } => "发生研发支出",
            EventKind::ResearchTransfer => "结转研究阶段支出",
            EventKind::DevelopmentCompleted => "开发完成，转入无形资产",
            EventKind::DevelopmentAbandoned => "研发项目预计不能成功，转销开发支出",
            EventKind::Amortize { .. } => "计提无形资产摊销",
            EventKind::UpgradeStart => "升级改造，转入在建工程",
            EventKind::UpgradeSpending { .. } => "升级改造支出",
            EventKind::UpgradeFinish => "升级改造完成",
            EventKind::Maintenance { .. } => "日常维护支出",
            EventKind::Sale { .. } => "出售数据资产",
            EventKind::Remittance { .. } => "上缴财政款",
            EventKind::TransferOut { .. } => "无偿调出数据资产",
            EventKind::TransferIn { .. } => "无偿调入数据资产",
            EventKind::DonationIn { .. } => "接受捐赠数据资产",
            EventKind::WriteOff => "核销数据资产",
            EventKind::StocktakeLoss => "盘亏数据资产",
            EventKind::StocktakeLossApproved => "盘亏报经批准处理",
            EventKind::LicenceFee { .. } => "收取数据资产使用费",
            EventKind::FeeReturned { .. } => "财政专户返还收入",
            EventKind::Impairment { .. } => "计提无形资产减值准备",
            EventKind::ImpairmentReversal { .. } => "转回无形资产减值准备",
            EventKind::InventoryPurchase { .. } => "购入数据资源存货",
            EventKind::InventoryProcessing { .. } => "数据资源存货采集加工",
            EventKind::InventorySale { .. } => "出售数据资源存货",
            EventKind::InventoryWriteDown { .. } => "计提存货跌价准备",
            EventKind::InventoryWriteDownReversal { .. } => "转回存货跌价准备",
        }
    }

    /// Lists every amount of the event with its field name.
    fn amounts(&self) -> Vec<(&'static str, Amount)> {
        match self {
            EventKind::Purchase {
                cost, input_vat, ..
            }
            | EventKind::InventoryPurchase {
                cost, input_vat, ..
            } => vec![("cost", *cost), ("input_vat", *input_vat)],
            EventKind::ExpensedPurchase { amount, .. }
            | EventKind::QuotaReceived { amount }
            | EventKind::CommissionPrepayment { amount, .. }
            | EventKind::RdCost { amount, .. }
            | EventKind::Amortize { amount, .. }
            | EventKind::UpgradeSpending { amount, .. }
            | EventKind::Maintenance { amount, .. }
            | EventKind::Remittance { amount }
            | EventKind::FeeReturned { amount }
            | EventKind::Impairment { amount }
            | EventKind::ImpairmentReversal { amount }
            | EventKind::InventoryProcessing { amount, .. }
            | EventKind::InventoryWriteDown { amount }
            | EventKind::InventoryWriteDownReversal { amount } => vec![("amount", *amount)],
            EventKind::CommissionDelivery { total_fee, .. } => vec![("total_fee", *total_fee)],
            EventKind::Sale {
                proceeds,
                fees,
                output_vat,
                ..
            } => vec![
                ("proceeds", *proceeds),
                ("fees", *fees),
                ("output_vat", *output_vat),
            ],
            EventKind::TransferOut { costs, .. } => vec![("costs", *costs)],
            EventKind::TransferIn { basis, taxes, .. } => {
                let mut list = vec![("taxes", *taxes)];
                match basis {
                    TransferInBasis::BookValue { book_value } => {
                        list.push(("basis.book_value", *book_value));
                    }
                    TransferInBasis::ZeroBookValue { gross } => list.push(("basis.gross", *gross)),
                    TransferInBasis::Nominal => {}
                }
                list
            }
            EventKind::DonationIn { value, taxes, .. } => {
                let mut list = vec![("taxes", *taxes)];
                if let Some(value) = value {
                    list.push(("value", *value));
                }
                list
            }
            EventKind::LicenceFee {
                amount, output_vat, ..
            } => vec![("amount", *amount), ("output_vat", *output_vat)],
            EventKind::InventorySale {
                proceeds,
                output_vat,
                cost_sold,
            } => vec![
                ("proceeds", *proceeds),
                ("output_vat", *output_vat),
                ("cost_sold", *cost_sold),
            ],
            EventKind::ResearchTransfer
            | EventKind::DevelopmentCompleted
            | EventKind::DevelopmentAbandoned
            | EventKind::UpgradeStart
            | EventKind::UpgradeFinish
            | EventKind::WriteOff
            | EventKind::StocktakeLoss
            | EventKind::StocktakeLossApproved => Vec::new(),
        }
    }
}

/// One event for one asset. The id makes posting idempotent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Event {
    /// Unique event id; reposting it books nothing.
    pub id: String,
    /// Asset the event concerns.
    pub asset_id: String,
    /// Booking date.
    pub date: NaiveDate,
    /// What happened.
    #[serde(flatten)]
    pub kind: EventKind,
}

impl Event {
    /// Rejects negative or sub-fen amounts, as posting does, so a ledger can be checked before
    /// anything is posted.
    ///
    /// # Errors
    ///
    /// [`AccountingError::InvalidAmount`] for the first amount that is negative or finer than the
    /// fen, its field named `{event id}.{field}`.
    pub fn validate_amounts(&self) -> Result<(), AccountingError> {
        for (field, amount) in self.kind.amounts() {
            if amount.is_negative() || !amount.is_fen() {
                return Err(AccountingError::InvalidAmount {
                    field: format!("{}.{field}", self.id),
                    value: amount.to_string(),
                });
            }
        }
        Ok(())
    }
}

/// Facts about the booking unit that the posting rules read.
#[derive(Debug, Clone, Copy)]
pub struct PostingContext<'a> {
    /// Kind of the booking unit.
    pub entity_kind: EntityKind,
    /// Jurisdiction policy (licence-fee treatment, rounding).
    pub policy: &'a Policy,
    /// VAT status of the unit.
    pub vat: VatStatus,
}

/// Balances of one asset on the financial side, per account and detail account, as debit minus
/// credit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssetBalances {
    /// Net debit per full account name (`code name`).
    pub by_account: BTreeMap<String, Amount>,
    /// Whether the asset is carried at the nominal amount.
    pub nominal: bool,
}

impl AssetBalances {
    fn key(code: &str, name: &str) -> String {
        format!("{code} {name}")
    }

    /// Net debit balance of `account`.
    pub fn debit_balance(&self, account: AccountRef) -> Amount {
        self.by_account
            .get(&Self::key(account.code, account.name))
            .copied()
            .unwrap_or(Amount::ZERO)
    }

    /// Net credit balance of `account`.
    pub fn credit_balance(&self, account: AccountRef) -> Amount {
        self.debit_balance(account).negate()
    }

    /// Adds the financial lines of a voucher.
    pub fn apply(&mut self, lines: &[Line]) -> Result<(), MoneyError> {
        for line in lines {
            let key = Self::key(&line.account_code, &line.account_name);
            let current = self.by_account.get(&key).copied().unwrap_or(Amount::ZERO);
            let next = current.checked_add(line.net_debit()?)?;
            self.by_account.insert(key, next);
        }
        Ok(())
    }
}

/// Builds one amortization event per schedule period, dated the last day of its month, with the id
/// `{asset_id}:amortize:{YYYY-MM}`, so posting a schedule again books nothing new.
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::accounting::{amortization_events, ExpenseUse};
/// use data_assets_core::amortization::straight_line_schedule;
/// use data_assets_core::money::Amount;
///
/// let start = NaiveDate::from_ymd_opt(2025, 1, 10).unwrap();
/// let schedule = straight_line_schedule(Amount::from_fen(480_000), 24, start)?;
/// let events = amortization_events("A1", &schedule, ExpenseUse::Management);
/// assert_eq!(events[0].id, "A1:amortize:2025-01");
/// assert_eq!(events[0].date, NaiveDate::from_ymd_opt(2025, 1, 31).unwrap());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn amortization_events(
    asset_id: &str,
    periods: &[AmortizationPeriod],
    use_of_asset: ExpenseUse,
) -> Vec<Event> {
    periods
        .iter()
        .map(|period| {
            let month_end = period
                .period
                .checked_add_months(Months::new(1))
                .and_then(|next| next.pred_opt())
                .unwrap_or(period.period);
            Event {
                id: format!("{asset_id}:amortize:{}", period.period.format("%Y-%m")),
                asset_id: asset_id.to_owned(),
                date: month_end,
                kind: EventKind::Amortize {
                    amount: period.amount,
                    use_of_asset,
                },
            }
        })
        .collect()
}
