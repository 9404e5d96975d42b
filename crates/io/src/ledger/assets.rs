//! The 单位 and 台账 sheets: the reporting unit and its data assets.

use data_assets_core::accounting::VatStatus;
use data_assets_core::asset::{AssetHolder, DataAsset, DataFacts, RightClaim, Rights};
use data_assets_core::entity::{EntityKind, RegionCode, Uscc, validate_uscc};
use serde::{Deserialize, Serialize};

use super::cells::{RowCells, count_cell, yes_no};
use super::spec::LIST_SEPARATOR;
use crate::error::IoError;
use crate::table::Cell;

/// The unit whose ledger the workbook is (会计主体), with the facts posting needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerUnit {
    /// Registered name (单位名称).
    pub name: String,
    /// 统一社会信用代码.
    pub uscc: Uscc,
    /// 单位类型, which decides the accounting framework.
    pub kind: EntityKind,
    /// 行政区划代码 of the unit's seat, used in certificate numbers.
    pub region_code: RegionCode,
    /// VAT status of the unit; empty in the workbook means not a VAT taxpayer.
    #[serde(default)]
    pub vat_status: VatStatus,
    /// Free note (备注), such as a mark that the figures are illustrative.
    #[serde(default)]
    pub note: String,
}

pub(crate) fn unit_row(unit: &LedgerUnit) -> Vec<Cell> {
    vec![
        Cell::text(unit.name.clone()),
        Cell::text(unit.uscc.as_str()),
        Cell::text(unit.kind.label_zh()),
        Cell::text(unit.region_code.as_str()),
        Cell::text(unit.vat_status.label_zh()),
        Cell::text(unit.note.clone()),
    ]
}

pub(crate) fn read_unit(cells: &RowCells<'_>, errors: &mut Vec<IoError>) -> Option<LedgerUnit> {
    let uscc = match validate_uscc(&cells.text("uscc")) {
        Ok(uscc) => Some(uscc),
        Err(error) => {
            errors.push(cells.at("uscc").invalid(
                &cells.text("uscc"),
                format!("an 18-character 统一社会信用代码 with a valid check character ({error})"),
            ));
            None
        }
    };
    let region_code = RegionCode::new(&cells.text("region_code")).ok();
    if region_code.is_none() {
        errors.push(
            cells
                .at("region_code")
                .invalid(&cells.text("region_code"), "six digits, such as 450300"),
        );
    }
    Some(LedgerUnit {
        name: cells.text("name"),
        uscc: uscc?,
        kind: cells.vocab("kind")?,
        region_code: region_code?,
        vat_status: cells.vocab("vat_status").unwrap_or_default(),
        note: cells.text("note"),
    })
}

pub(crate) fn asset_row(asset: &DataAsset) -> Vec<Cell> {
    let claim = |claim: &RightClaim| {
        (
            Cell::text(claim.holder_name.clone()),
            yes_no(claim.confirmed),
        )
    };
    let (holding, holding_confirmed) = claim(&asset.rights.holding);
    let (processing, processing_confirmed) = claim(&asset.rights.processing_use);
    let (operation, operation_confirmed) = claim(&asset.rights.product_operation);
    let option_text = |value: &Option<String>| Cell::from_option(value.clone(), Cell::text);
    vec![
        Cell::text(asset.id.clone()),
        Cell::text(asset.name.clone()),
        Cell::text(asset.summary.clone()),
        Cell::text(asset.holder.name.clone()),
        Cell::text(asset.holder.uscc.as_str()),
        Cell::text(asset.category.label_zh()),
        Cell::text(asset.security_grade.label_zh()),
        Cell::text(asset.open_type.label_zh()),
        option_text(&asset.open_conditions),
        Cell::text(asset.sharing_type.label_zh()),
        option_text(&asset.sharing_conditions),
        holding,
        holding_confirmed,
        processing,
        processing_confirmed,
        operation,
        operation_confirmed,
        Cell::text(asset.rights_registration.label_zh()),
        Cell::text(asset.acquisition_route.label_zh()),
        Cell::text(asset.holding_purpose.label_zh()),
        Cell::text(asset.booking_status.label_zh()),
        count_cell(asset.facts.tables),
        count_cell(asset.facts.fields),
        count_cell(asset.facts.records),
        Cell::text(asset.facts.update_frequency.label_zh()),
        Cell::text(asset.facts.source_systems.join(LIST_SEPARATOR)),
        yes_no(asset.authorized_operation),
        Cell::text(asset.personal_data_basis.label_zh()),
        Cell::from_option(asset.cost, Cell::Amount),
        Cell::Date(asset.ready_date),
        Cell::from_option(asset.useful_life_months, count_cell),
        Cell::text(asset.sector.clone()),
    ]
}

/// Converts a 台账 row into an asset. An empty holder takes the unit's name and code.
pub(crate) fn read_asset(
    cells: &RowCells<'_>,
    unit: Option<&LedgerUnit>,
    errors: &mut Vec<IoError>,
) -> Option<DataAsset> {
    let before = errors.len();
    let holder_uscc = match cells.optional_text("holder_uscc") {
        Some(text) => match validate_uscc(&text) {
            Ok(uscc) => Some(uscc),
            Err(error) => {
                errors.push(cells.at("holder_uscc").invalid(
                    &text,
                    format!("a valid 统一社会信用代码, or empty for the unit's own ({error})"),
                ));
                None
            }
        },
        None => unit.map(|unit| unit.uscc.clone()),
    };
    let holder_name = cells
        .optional_text("holder_name")
        .or_else(|| unit.map(|unit| unit.name.clone()))
        .unwrap_or_default();
    let tables = cells.count::<u64>("tables", errors).unwrap_or_default();
    let fields = cells.count::<u64>("fields", errors).unwrap_or_default();
    let records = cells.count::<u64>("records", errors).unwrap_or_default();
    let life = cells.count::<u32>("useful_life_months", errors);
    let source_systems: Vec<String> = cells
        .text("source_systems")
        .split(LIST_SEPARATOR)
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect();
    let claim = |holder: &str, confirmed: &str| RightClaim {
        holder_name: cells.text(holder),
        confirmed: cells.yes(confirmed),
    };
    if errors.len() > before {
        return None;
    }
    Some(DataAsset {
        id: cells.text("id"),
        name: cells.text("name"),
        summary: cells.text("summary"),
        holder: AssetHolder {
            uscc: holder_uscc?,
            name: holder_name,
        },
        category: cells.vocab("category")?,
        security_grade: cells.vocab("security_grade")?,
        open_type: cells.vocab("open_type")?,
        open_conditions: cells.optional_text("open_conditions"),
        sharing_type: cells.vocab("sharing_type")?,
        sharing_conditions: cells.optional_text("sharing_conditions"),
        rights: Rights {
            holding: claim("holding_holder", "holding_confirmed"),
            processing_use: claim("processing_holder", "processing_confirmed"),
            product_operation: claim("operation_holder", "operation_confirmed"),
        },
        rights_registration: cells.vocab("rights_registration")?,
        acquisition_route: cells.vocab("acquisition_route")?,
        holding_purpose: cells.vocab("holding_purpose")?,
        booking_status: cells.vocab("booking_status")?,
        facts: DataFacts {
            tables,
            fields,
            records,
            update_frequency: cells.vocab("update_frequency")?,
            source_systems,
        },
        authorized_operation: cells.yes("authorized_operation"),
        personal_data_basis: cells.vocab("personal_data_basis")?,
        cost: cells.amount("cost"),
        ready_date: cells.date("ready_date")?,
        useful_life_months: life,
        sector: cells.text("sector"),
    })
}
