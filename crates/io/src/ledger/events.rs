//! The 事项 sheet: accounting events, one per row, mapped to and from [`Event`].
//!
//! Which columns each type reads:
//!
//! | 事项类型 | 金额 | 增值税额 | 相关税费 | 销售成本 | 资金来源 | 费用用途 | flags |
//! | --- | --- | --- | --- | --- | --- | --- | --- |
//! | 外购, 购入数据存货 | cost | input VAT | | | required | | 用于经营活动 (外购) |
//! | 低值外购（费用化）, 日常维护 | amount | | | | required | default 业务活动 | |
//! | 委托开发预付款, 委托开发交付 (full fee), 研究/开发阶段支出, 升级改造支出, 数据存货加工 | amount | | | | required | | |
//! | 收取使用费 | fee | output VAT | | | | | 应收未收 |
//! | 出售 | proceeds | output VAT | fees | | | | 处置收入留用 |
//! | 出售数据存货 | proceeds | output VAT | | cost sold | | | |
//! | 无偿调出 | | | costs | | default 银行存款 | | |
//! | 无偿调入 (book value), 无偿调入（账面价值为零）(gross) | value | | taxes | | default 银行存款 | | |
//! | 接受捐赠 | value, empty for nominal | | taxes | | default 银行存款 | | |
//! | 上缴财政款, 计提减值准备, 存货跌价 and its reversal, 额度到账, 财政专户返还 | amount | | | | | | |
//! | other types | | | | | | | |

use data_assets_core::Amount;
use data_assets_core::accounting::{
    Event, EventKind, ExpenseUse, Funding, RdPhase, TransferInBasis,
};

use super::cells::{RowCells, label_of, nonzero, yes_no};
use super::spec::{EXPENSE_USE_LABELS, EventType, FUNDING_LABELS};
use crate::draft::YES_NO;
use crate::error::IoError;
use crate::table::Cell;

/// Columns a row of the given type may fill, besides id, asset, date and type.
fn used_columns(kind: EventType) -> &'static [&'static str] {
    use EventType as T;
    match kind {
        T::Purchase => &["amount", "vat", "funding", "business_activity"],
        T::InventoryPurchase => &["amount", "vat", "funding"],
        T::ExpensedPurchase | T::Maintenance => &["amount", "funding", "use_of_asset"],
        T::CommissionPrepayment
        | T::CommissionDelivery
        | T::ResearchCost
        | T::DevelopmentCost
        | T::UpgradeSpending
        | T::InventoryProcessing => &["amount", "funding"],
        T::LicenceFee => &["amount", "vat", "receivable"],
        T::Sale => &["amount", "vat", "fees", "retain"],
        T::InventorySale => &["amount", "vat", "cost_sold"],
        T::TransferOut | T::TransferInNominal => &["fees", "funding"],
        T::TransferIn | T::TransferInZeroBook | T::DonationIn => &["amount", "fees", "funding"],
        T::Remittance
        | T::Impairment
        | T::InventoryWriteDown
        | T::InventoryWriteDownReversal
        | T::QuotaReceived
        | T::FeeReturned => &["amount"],
        T::ResearchTransfer
        | T::DevelopmentCompleted
        | T::DevelopmentAbandoned
        | T::UpgradeStart
        | T::UpgradeFinish
        | T::WriteOff
        | T::StocktakeLoss
        | T::StocktakeLossApproved => &[],
    }
}

const OPTIONAL_COLUMNS: [&str; 9] = [
    "amount",
    "vat",
    "fees",
    "cost_sold",
    "funding",
    "use_of_asset",
    "business_activity",
    "retain",
    "receivable",
];

/// Converts an 事项 row into an event, reporting every missing or unused value.
pub(crate) fn read_event(cells: &RowCells<'_>, errors: &mut Vec<IoError>) -> Option<Event> {
    let kind: EventType = cells.vocab("type")?;
    let before = errors.len();
    let used = used_columns(kind);
    for key in OPTIONAL_COLUMNS {
        if !used.contains(&key) && !cells.is_empty(key) && !is_default_fill(cells, key) {
            errors.push(cells.at(key).invalid(
                &cells.text(key),
                format!(
                    "empty, because {} does not use this column",
                    kind.label_zh()
                ),
            ));
        }
    }
    let reader = EventReader { cells, kind };
    let event_kind = reader
        .spending(errors)
        .or_else(|| reader.receipt_or_transfer(errors))
        .or_else(|| reader.single_amount(errors))
        .or_else(|| reader.without_amount());
    if errors.len() > before {
        return None;
    }
    Some(Event {
        id: cells.text("id"),
        asset_id: cells.text("asset_id"),
        date: cells.date("date")?,
        kind: event_kind?,
    })
}

/// Tells whether an unused cell holds only what spreadsheets often fill in by default, a zero
/// amount or 否, which carries no value for the event and is read as empty.
fn is_default_fill(cells: &RowCells<'_>, key: &str) -> bool {
    match cells.cell(key) {
        Cell::Amount(amount) => amount.is_zero(),
        Cell::Int(value) => *value == 0,
        Cell::Text(text) => text == YES_NO[1],
        _ => false,
    }
}

/// Reads the amount columns of one 事项 row for its type. Each method returns `None` for the
/// types it does not handle or when a required value is missing (the error is pushed).
struct EventReader<'a> {
    cells: &'a RowCells<'a>,
    kind: EventType,
}

impl EventReader<'_> {
    fn amount(&self, errors: &mut Vec<IoError>) -> Option<Amount> {
        let cells = self.cells;
        let amount = cells.amount("amount");
        if amount.is_some_and(Amount::is_negative) {
            errors.push(cells.at("amount").invalid(
                &cells.text("amount"),
                "an amount of 0 or more; record reversals as their own event type",
            ));
        }
        let why = format!("an amount, required for {}", self.kind.label_zh());
        cells.require(amount, "amount", &why, errors)
    }

    fn funding(&self, errors: &mut Vec<IoError>) -> Option<Funding> {
        let funding = self.cells.labelled("funding", FUNDING_LABELS);
        let why = format!("a payment source, required for {}", self.kind.label_zh());
        self.cells.require(funding, "funding", &why, errors)
    }

    fn funding_or_bank(&self) -> Funding {
        self.cells
            .labelled("funding", FUNDING_LABELS)
            .unwrap_or(Funding::BankDeposit)
    }

    fn zero_if_empty(&self, key: &str) -> Amount {
        self.cells.amount(key).unwrap_or(Amount::ZERO)
    }

    fn use_of_asset(&self) -> ExpenseUse {
        self.cells
            .labelled("use_of_asset", EXPENSE_USE_LABELS)
            .unwrap_or(ExpenseUse::Business)
    }

    /// Types that spend money from a payment source.
    fn spending(&self, errors: &mut Vec<IoError>) -> Option<EventKind> {
        use EventType as T;
        if !matches!(
            self.kind,
            T::Purchase
                | T::InventoryPurchase
                | T::ExpensedPurchase
                | T::Maintenance
                | T::CommissionPrepayment
                | T::CommissionDelivery
                | T::ResearchCost
                | T::DevelopmentCost
                | T::UpgradeSpending
                | T::InventoryProcessing
        ) {
            return None;
        }
        let amount = self.amount(errors);
        let funding = self.funding(errors);
        let (amount, funding) = (amount?, funding?);
        Some(match self.kind {
            T::Purchase => EventKind::Purchase {
                cost: amount,
                input_vat: self.zero_if_empty("vat"),
                funding,
                business_activity: self.cells.yes("business_activity"),
            },
            T::InventoryPurchase => EventKind::InventoryPurchase {
                cost: amount,
                input_vat: self.zero_if_empty("vat"),
                funding,
            },
            T::ExpensedPurchase => EventKind::ExpensedPurchase {
                amount,
                funding,
                use_of_asset: self.use_of_asset(),
            },
            T::Maintenance => EventKind::Maintenance {
                amount,
                funding,
                use_of_asset: self.use_of_asset(),
            },
            T::CommissionPrepayment => EventKind::CommissionPrepayment { amount, funding },
            T::CommissionDelivery => EventKind::CommissionDelivery {
                total_fee: amount,
                funding,
            },
            T::ResearchCost => EventKind::RdCost {
                phase: RdPhase::Research,
                amount,
                funding,
            },
            T::DevelopmentCost => EventKind::RdCost {
                phase: RdPhase::Development,
                amount,
                funding,
            },
            T::UpgradeSpending => EventKind::UpgradeSpending { amount, funding },
            _ => EventKind::InventoryProcessing { amount, funding },
        })
    }

    /// Fees, sales and transfers in or out.
    fn receipt_or_transfer(&self, errors: &mut Vec<IoError>) -> Option<EventKind> {
        use EventType as T;
        Some(match self.kind {
            T::LicenceFee => EventKind::LicenceFee {
                amount: self.amount(errors)?,
                output_vat: self.zero_if_empty("vat"),
                receivable: self.cells.yes("receivable"),
            },
            T::Sale => EventKind::Sale {
                proceeds: self.amount(errors)?,
                fees: self.zero_if_empty("fees"),
                output_vat: self.zero_if_empty("vat"),
                retain: self.cells.yes("retain"),
            },
            T::InventorySale => {
                let proceeds = self.amount(errors);
                let cost_sold = self.cells.require(
                    self.cells.amount("cost_sold"),
                    "cost_sold",
                    "the cost of the inventory sold, required for 出售数据存货",
                    errors,
                );
                EventKind::InventorySale {
                    proceeds: proceeds?,
                    output_vat: self.zero_if_empty("vat"),
                    cost_sold: cost_sold?,
                }
            }
            T::TransferOut => EventKind::TransferOut {
                costs: self.zero_if_empty("fees"),
                funding: self.funding_or_bank(),
            },
            T::TransferIn | T::TransferInZeroBook | T::TransferInNominal => {
                let basis = match self.kind {
                    T::TransferIn => TransferInBasis::BookValue {
                        book_value: self.amount(errors)?,
                    },
                    T::TransferInZeroBook => TransferInBasis::ZeroBookValue {
                        gross: self.amount(errors)?,
                    },
                    _ => TransferInBasis::Nominal,
                };
                EventKind::TransferIn {
                    basis,
                    taxes: self.zero_if_empty("fees"),
                    funding: self.funding_or_bank(),
                }
            }
            T::DonationIn => EventKind::DonationIn {
                value: self.cells.amount("amount"),
                taxes: self.zero_if_empty("fees"),
                funding: self.funding_or_bank(),
            },
            _ => return None,
        })
    }

    /// Types with one amount and nothing else.
    fn single_amount(&self, errors: &mut Vec<IoError>) -> Option<EventKind> {
        use EventType as T;
        let make: fn(Amount) -> EventKind = match self.kind {
            T::Remittance => |amount| EventKind::Remittance { amount },
            T::Impairment => |amount| EventKind::Impairment { amount },
            T::InventoryWriteDown => |amount| EventKind::InventoryWriteDown { amount },
            T::InventoryWriteDownReversal => {
                |amount| EventKind::InventoryWriteDownReversal { amount }
            }
            T::QuotaReceived => |amount| EventKind::QuotaReceived { amount },
            T::FeeReturned => |amount| EventKind::FeeReturned { amount },
            _ => return None,
        };
        self.amount(errors).map(make)
    }

    /// Types without amounts.
    fn without_amount(&self) -> Option<EventKind> {
        use EventType as T;
        Some(match self.kind {
            T::ResearchTransfer => EventKind::ResearchTransfer,
            T::DevelopmentCompleted => EventKind::DevelopmentCompleted,
            T::DevelopmentAbandoned => EventKind::DevelopmentAbandoned,
            T::UpgradeStart => EventKind::UpgradeStart,
            T::UpgradeFinish => EventKind::UpgradeFinish,
            T::WriteOff => EventKind::WriteOff,
            T::StocktakeLoss => EventKind::StocktakeLoss,
            T::StocktakeLossApproved => EventKind::StocktakeLossApproved,
            _ => return None,
        })
    }
}

/// Cells of the optional columns, keyed as in [`OPTIONAL_COLUMNS`].
#[derive(Default)]
struct Columns {
    amount: Cell,
    vat: Cell,
    fees: Cell,
    cost_sold: Cell,
    funding: Cell,
    use_of_asset: Cell,
    business_activity: Cell,
    retain: Cell,
    receivable: Cell,
}

/// Renders an event as an 事项 row, or returns the type code of a kind the sheet cannot hold
/// (amortization, which the pipeline generates, and impairment reversal, which is never allowed).
// One arm per event kind keeps the mapping in one place, mirroring `EventReader`.
#[allow(clippy::too_many_lines)]
pub(crate) fn event_row(event: &Event) -> Result<Vec<Cell>, &'static str> {
    let funding = |funding: Funding| label_of(&funding, FUNDING_LABELS);
    let mut columns = Columns::default();
    let kind = match &event.kind {
        EventKind::Purchase {
            cost,
            input_vat,
            funding: source,
            business_activity,
        } => {
            columns.amount = Cell::Amount(*cost);
            columns.vat = nonzero(*input_vat);
            columns.funding = funding(*source);
            columns.business_activity = yes_no(*business_activity);
            EventType::Purchase
        }
        EventKind::InventoryPurchase {
            cost,
            input_vat,
            funding: source,
        } => {
            columns.amount = Cell::Amount(*cost);
            columns.vat = nonzero(*input_vat);
            columns.funding = funding(*source);
            EventType::InventoryPurchase
        }
        EventKind::ExpensedPurchase {
            amount,
            funding: source,
            use_of_asset,
        }
        | EventKind::Maintenance {
            amount,
            funding: source,
            use_of_asset,
        } => {
            columns.amount = Cell::Amount(*amount);
            columns.funding = funding(*source);
            columns.use_of_asset = label_of(use_of_asset, EXPENSE_USE_LABELS);
            if matches!(event.kind, EventKind::Maintenance { .. }) {
                EventType::Maintenance
            } else {
                EventType::ExpensedPurchase
            }
        }
        EventKind::CommissionPrepayment {
            amount,
            funding: source,
        } => {
            columns.amount = Cell::Amount(*amount);
            columns.funding = funding(*source);
            EventType::CommissionPrepayment
        }
        EventKind::CommissionDelivery {
            total_fee,
            funding: source,
        } => {
            columns.amount = Cell::Amount(*total_fee);
            columns.funding = funding(*source);
            EventType::CommissionDelivery
        }
        EventKind::RdCost {
            phase,
            amount,
            funding: source,
        } => {
            columns.amount = Cell::Amount(*amount);
            columns.funding = funding(*source);
            match phase {
                RdPhase::Research => EventType::ResearchCost,
                RdPhase::Development => EventType::DevelopmentCost,
            }
        }
        EventKind::UpgradeSpending {
            amount,
            funding: source,
        } => {
            columns.amount = Cell::Amount(*amount);
            columns.funding = funding(*source);
            EventType::UpgradeSpending
        }
        EventKind::InventoryProcessing {
            amount,
            funding: source,
        } => {
            columns.amount = Cell::Amount(*amount);
            columns.funding = funding(*source);
            EventType::InventoryProcessing
        }
        EventKind::LicenceFee {
            amount,
            output_vat,
            receivable,
        } => {
            columns.amount = Cell::Amount(*amount);
            columns.vat = nonzero(*output_vat);
            columns.receivable = yes_no(*receivable);
            EventType::LicenceFee
        }
        EventKind::Sale {
            proceeds,
            fees,
            output_vat,
            retain,
        } => {
            columns.amount = Cell::Amount(*proceeds);
            columns.vat = nonzero(*output_vat);
            columns.fees = nonzero(*fees);
            columns.retain = yes_no(*retain);
            EventType::Sale
        }
        EventKind::InventorySale {
            proceeds,
            output_vat,
            cost_sold,
        } => {
            columns.amount = Cell::Amount(*proceeds);
            columns.vat = nonzero(*output_vat);
            columns.cost_sold = Cell::Amount(*cost_sold);
            EventType::InventorySale
        }
        EventKind::TransferOut {
            costs,
            funding: source,
        } => {
            columns.fees = nonzero(*costs);
            columns.funding = funding(*source);
            EventType::TransferOut
        }
        EventKind::TransferIn {
            basis,
            taxes,
            funding: source,
        } => {
            columns.fees = nonzero(*taxes);
            columns.funding = funding(*source);
            match basis {
                TransferInBasis::BookValue { book_value } => {
                    columns.amount = Cell::Amount(*book_value);
                    EventType::TransferIn
                }
                TransferInBasis::ZeroBookValue { gross } => {
                    columns.amount = Cell::Amount(*gross);
                    EventType::TransferInZeroBook
                }
                TransferInBasis::Nominal => EventType::TransferInNominal,
            }
        }
        EventKind::DonationIn {
            value,
            taxes,
            funding: source,
        } => {
            columns.amount = Cell::from_option(*value, Cell::Amount);
            columns.fees = nonzero(*taxes);
            columns.funding = funding(*source);
            EventType::DonationIn
        }
        EventKind::Remittance { amount } => single(&mut columns, *amount, EventType::Remittance),
        EventKind::Impairment { amount } => single(&mut columns, *amount, EventType::Impairment),
        EventKind::InventoryWriteDown { amount } => {
            single(&mut columns, *amount, EventType::InventoryWriteDown)
        }
        EventKind::InventoryWriteDownReversal { amount } => {
            single(&mut columns, *amount, EventType::InventoryWriteDownReversal)
        }
        EventKind::QuotaReceived { amount } => {
            single(&mut columns, *amount, EventType::QuotaReceived)
        }
        EventKind::FeeReturned { amount } => single(&mut columns, *amount, EventType::FeeReturned),
        EventKind::ResearchTransfer => EventType::ResearchTransfer,
        EventKind::DevelopmentCompleted => EventType::DevelopmentCompleted,
        EventKind::DevelopmentAbandoned => EventType::DevelopmentAbandoned,
        EventKind::UpgradeStart => EventType::UpgradeStart,
        EventKind::UpgradeFinish => EventType::UpgradeFinish,
        EventKind::WriteOff => EventType::WriteOff,
        EventKind::StocktakeLoss => EventType::StocktakeLoss,
        EventKind::StocktakeLossApproved => EventType::StocktakeLossApproved,
        EventKind::Amortize { .. } | EventKind::ImpairmentReversal { .. } => {
            return Err(event.kind.type_code());
        }
    };
    Ok(vec![
        Cell::text(event.id.clone()),
        Cell::text(event.asset_id.clone()),
        Cell::Date(event.date),
        Cell::text(kind.label_zh()),
        columns.amount,
        columns.vat,
        columns.fees,
        columns.cost_sold,
        columns.funding,
        columns.use_of_asset,
        columns.business_activity,
        columns.retain,
        columns.receivable,
    ])
}

fn single(columns: &mut Columns, amount: Amount, kind: EventType) -> EventType {
    columns.amount = Cell::Amount(amount);
    kind
}
