//! Rules between rows and sheets: unique ids, references to known assets and grants, the
//! holder, the order of each asset's events, and the core rules of each row.
//!
//! References in a ledger only point from events, grants and receipts to assets, and from
//! receipts to grants. They cannot form a cycle, so no cycle check exists.

use std::collections::BTreeMap;

use data_assets_core::ErrorDetail;
use data_assets_core::accounting::{EventKind, RdPhase};
use data_assets_core::authorization::Authorization;
use data_assets_core::money::Ratio;
use data_assets_core::policy::Policy;
use data_assets_core::revenue::{SplitRule, split_receipt};

use super::Ledger;
use super::error::LedgerError;
use super::spec::{ASSET_SHEET, AUTHORIZATION_SHEET, EVENT_SHEET, RECEIPT_SHEET};
use crate::error::Location;
use crate::table::{CELL_LIMIT, Cell, shortened, too_long_for_cell};

/// Origin of a ledger's items: the file and the row of each item, per sheet. For JSON the row
/// is the item's position, counting from 1.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// File name as given.
    pub file: String,
    /// Rows of the assets, in order.
    pub assets: Vec<u64>,
    /// Rows of the events, in order.
    pub events: Vec<u64>,
    /// Rows of the authorizations, in order.
    pub authorizations: Vec<u64>,
    /// Rows of the receipts, in order.
    pub receipts: Vec<u64>,
}

impl Origin {
    /// Numbers the items of `ledger` by position, as for a JSON file.
    pub fn positional(file: &str, ledger: &Ledger) -> Self {
        let numbers = |count: usize| (1..=count).map(|n| n as u64).collect();
        Origin {
            file: file.to_owned(),
            assets: numbers(ledger.assets.len()),
            events: numbers(ledger.events.len()),
            authorizations: numbers(ledger.authorizations.len()),
            receipts: numbers(ledger.receipts.len()),
        }
    }

    fn at(&self, sheet: &'static str, rows: &[u64], index: usize, column: &'static str) -> String {
        let row = rows.get(index).copied().unwrap_or(index as u64 + 1);
        Location::file(&self.file)
            .sheet(sheet)
            .cell(row, column)
            .render()
    }

    fn row(&self, sheet: &'static str, rows: &[u64], index: usize) -> String {
        let row = rows.get(index).copied().unwrap_or(index as u64 + 1);
        Location {
            row: Some(row),
            ..Location::file(&self.file).sheet(sheet)
        }
        .render()
    }
}

/// Checks every rule between rows and sheets and the core rules of each row, returning every
/// error found in sheet order.
pub fn check_ledger(ledger: &Ledger, origin: &Origin) -> Vec<LedgerError> {
    let mut errors = Vec::new();
    if data_assets_core::text::is_blank(&ledger.unit.name) {
        errors.push(LedgerError::Io(
            Location::file(&origin.file)
                .sheet(super::spec::UNIT_SHEET)
                .cell(1, "单位名称")
                .invalid(&ledger.unit.name, "the unit's name, not blank"),
        ));
    }
    check_assets(ledger, origin, &mut errors);
    check_events(ledger, origin, &mut errors);
    check_authorizations(ledger, origin, &mut errors);
    check_receipts(ledger, origin, &mut errors);
    check_text_lengths(ledger, origin, &mut errors);
    errors
}

/// Rejects text longer than an xlsx cell allows, so every ledger that passes the check can be
/// written as a workbook and its results rendered. Workbook and CSV readers already reject such
/// cells; this catches ledgers given as JSON or built in code.
fn check_text_lengths(ledger: &Ledger, origin: &Origin, errors: &mut Vec<LedgerError>) {
    // A ledger whose rows cannot be built fails on its event types elsewhere.
    let Ok(tables) = super::ledger_rows(ledger) else {
        return;
    };
    let unit_row = [1];
    let numbers: [&[u64]; 5] = [
        &unit_row,
        &origin.assets,
        &origin.events,
        &origin.authorizations,
        &origin.receipts,
    ];
    for ((spec, rows), numbers) in super::ledger_specs().iter().zip(&tables).zip(numbers) {
        for (index, row) in rows.iter().enumerate() {
            let number = numbers.get(index).copied().unwrap_or(index as u64 + 1);
            for (column, cell) in spec.columns.iter().zip(row) {
                if let Cell::Text(text) = cell
                    && too_long_for_cell(text)
                {
                    let location = Location::file(&origin.file).sheet(spec.name);
                    errors.push(LedgerError::Io(
                        location
                            .cell(number, column.header)
                            .invalid(&shortened(text), CELL_LIMIT),
                    ));
                }
            }
        }
    }
}

fn rule(field: &str, error: &dyn ErrorDetail) -> LedgerError {
    LedgerError::Rule {
        code: error.code(),
        field: format!("{field}, field {}", error.field()),
        value: error.value().to_owned(),
        allowed: error.allowed().to_owned(),
    }
}

fn duplicates<'a>(
    ids: impl Iterator<Item = &'a str>,
    at: impl Fn(usize) -> String,
    first: impl Fn(usize) -> String,
    errors: &mut Vec<LedgerError>,
) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, id) in ids.enumerate() {
        if let Some(&earlier) = seen.get(id) {
            errors.push(LedgerError::DuplicateId {
                field: at(index),
                value: id.to_owned(),
                allowed: format!("an id not used before ({} uses it)", first(earlier)),
            });
        } else {
            seen.insert(id, index);
        }
    }
}

fn check_assets(ledger: &Ledger, origin: &Origin, errors: &mut Vec<LedgerError>) {
    let rows = &origin.assets;
    duplicates(
        ledger.assets.iter().map(|a| a.id.as_str()),
        |i| origin.at(ASSET_SHEET, rows, i, "资产编号"),
        |i| origin.row(ASSET_SHEET, rows, i),
        errors,
    );
    for (index, asset) in ledger.assets.iter().enumerate() {
        for problem in asset.problems() {
            errors.push(rule(&origin.row(ASSET_SHEET, rows, index), &problem));
        }
        if asset.holder.uscc != ledger.unit.uscc {
            errors.push(LedgerError::HolderMismatch {
                field: origin.at(ASSET_SHEET, rows, index, "持有单位统一社会信用代码"),
                value: asset.holder.uscc.as_str().to_owned(),
                allowed: format!(
                    "{} ({}), the unit of the 单位 sheet, or empty",
                    ledger.unit.uscc.as_str(),
                    ledger.unit.name
                ),
            });
        }
    }
}

fn unknown_asset(ledger: &Ledger, id: &str, field: String) -> Option<LedgerError> {
    if ledger.assets.iter().any(|asset| asset.id == id) {
        return None;
    }
    Some(LedgerError::UnknownAsset {
        field,
        value: id.to_owned(),
        allowed: "the 资产编号 of a row of the 台账 sheet".into(),
    })
}

/// Life of one asset while its events are replayed in date order.
#[derive(Default)]
struct AssetLife {
    disposed: Option<&'static str>,
    upgrading: bool,
    development_cost: bool,
    stocktake_loss: bool,
}

impl AssetLife {
    /// Applies an event, or returns what must come first.
    fn apply(&mut self, kind: &EventKind) -> Result<(), String> {
        if let Some(disposal) = self.disposed {
            let after_disposal_allowed = matches!(kind, EventKind::Remittance { .. });
            if !after_disposal_allowed {
                return Err(format!(
                    "no event after the asset's {disposal}, except 上缴财政款"
                ));
            }
        }
        match kind {
            EventKind::UpgradeStart if self.upgrading => {
                return Err("升级改造完成 before another 升级改造开始".into());
            }
            EventKind::UpgradeStart => self.upgrading = true,
            EventKind::UpgradeSpending { .. } | EventKind::UpgradeFinish if !self.upgrading => {
                return Err("升级改造开始 first".into());
            }
            EventKind::UpgradeFinish => self.upgrading = false,
            EventKind::RdCost {
                phase: RdPhase::Development,
                ..
            } => self.development_cost = true,
            EventKind::DevelopmentCompleted | EventKind::DevelopmentAbandoned
                if !self.development_cost =>
            {
                return Err("开发阶段支出 first".into());
            }
            EventKind::StocktakeLoss => self.stocktake_loss = true,
            EventKind::StocktakeLossApproved if !self.stocktake_loss => {
                return Err("盘亏 first".into());
            }
            _ => {}
        }
        self.disposed = match kind {
            EventKind::Sale { .. } => Some("出售"),
            EventKind::TransferOut { .. } => Some("无偿调出"),
            EventKind::WriteOff => Some("核销"),
            EventKind::StocktakeLossApproved => Some("盘亏批准处理"),
            _ => self.disposed,
        };
        Ok(())
    }
}

fn check_events(ledger: &Ledger, origin: &Origin, errors: &mut Vec<LedgerError>) {
    let rows = &origin.events;
    duplicates(
        ledger.events.iter().map(|e| e.id.as_str()),
        |i| origin.at(EVENT_SHEET, rows, i, "事项编号"),
        |i| origin.row(EVENT_SHEET, rows, i),
        errors,
    );
    for (index, event) in ledger.events.iter().enumerate() {
        let field = origin.at(EVENT_SHEET, rows, index, "资产编号");
        errors.extend(unknown_asset(ledger, &event.asset_id, field));
        // The workbook reader rejects such cells; a JSON ledger reaches the rule here.
        if let Err(error) = event.validate_amounts() {
            errors.push(rule(&origin.row(EVENT_SHEET, rows, index), &error));
        }
    }
    // Replay each asset's events by date; events of the same date keep their row order.
    let mut order: Vec<usize> = (0..ledger.events.len()).collect();
    order.sort_by_key(|&i| ledger.events.get(i).map(|e| e.date));
    let mut lives: BTreeMap<&str, AssetLife> = BTreeMap::new();
    for index in order {
        // Events of unknown assets are reported above; their order means nothing.
        let Some(event) = ledger
            .events
            .get(index)
            .filter(|e| ledger.assets.iter().any(|a| a.id == e.asset_id))
        else {
            continue;
        };
        let life = lives.entry(event.asset_id.as_str()).or_default();
        if let Err(first) = life.apply(&event.kind) {
            errors.push(LedgerError::EventOutOfOrder {
                field: origin.at(EVENT_SHEET, rows, index, "事项类型"),
                value: format!("{} on {}", event.kind.memo(), event.date),
                allowed: first,
            });
        }
    }
}

fn check_authorizations(ledger: &Ledger, origin: &Origin, errors: &mut Vec<LedgerError>) {
    let rows = &origin.authorizations;
    duplicates(
        ledger.authorizations.iter().map(|a| a.terms.id.as_str()),
        |i| origin.at(AUTHORIZATION_SHEET, rows, i, "授权编号"),
        |i| origin.row(AUTHORIZATION_SHEET, rows, i),
        errors,
    );
    for (index, grant) in ledger.authorizations.iter().enumerate() {
        let field = origin.at(AUTHORIZATION_SHEET, rows, index, "资产编号");
        errors.extend(unknown_asset(ledger, &grant.terms.asset_id, field));
        for problem in Authorization::term_problems(&grant.terms) {
            errors.push(rule(
                &origin.row(AUTHORIZATION_SHEET, rows, index),
                &problem,
            ));
        }
    }
}

/// Header of the receipt amount column of the 收益 sheet.
const GROSS_HEADER: &str = "含税金额（元）";

fn check_receipts(ledger: &Ledger, origin: &Origin, errors: &mut Vec<LedgerError>) {
    let rows = &origin.receipts;
    duplicates(
        ledger.receipts.iter().map(|r| r.id.as_str()),
        |i| origin.at(RECEIPT_SHEET, rows, i, "收款编号"),
        |i| origin.row(RECEIPT_SHEET, rows, i),
        errors,
    );
    for (index, receipt) in ledger.receipts.iter().enumerate() {
        let field = origin.at(RECEIPT_SHEET, rows, index, "资产编号");
        errors.extend(unknown_asset(ledger, &receipt.asset_id, field));
        if let Some(grant_id) = &receipt.authorization_id {
            let grant = ledger
                .authorizations
                .iter()
                .find(|grant| &grant.terms.id == grant_id);
            let fits = grant.is_some_and(|grant| grant.terms.asset_id == receipt.asset_id);
            if !fits {
                errors.push(LedgerError::UnknownAuthorization {
                    field: origin.at(RECEIPT_SHEET, rows, index, "授权编号"),
                    value: grant_id.clone(),
                    allowed: format!(
                        "the 授权编号 of a row of the 授权 sheet for asset {}, or empty",
                        receipt.asset_id
                    ),
                });
            }
        }
        if receipt.gross.is_negative() || !receipt.gross.is_fen() {
            errors.push(LedgerError::Io(
                Location::file(&origin.file)
                    .sheet(RECEIPT_SHEET)
                    .cell(
                        rows.get(index).copied().unwrap_or(index as u64 + 1),
                        GROSS_HEADER,
                    )
                    .invalid(
                        &receipt.gross.to_string(),
                        "an amount of 0 or more with at most two decimal places",
                    ),
            ));
            continue;
        }
        // Splitting with no VAT checks the party list and the ratios without the policy's rates.
        let rule_of_split = SplitRule::Agreement {
            parties: receipt.parties.clone(),
        };
        if let Err(error) = split_receipt(
            receipt.gross,
            Ratio::ZERO,
            &rule_of_split,
            &Policy::default(),
        ) {
            errors.push(rule(
                &origin.at(RECEIPT_SHEET, rows, index, "分成比例"),
                &error,
            ));
        }
    }
}
