//! The 授权 sheet (authorized-operation grants) and the 收益 sheet (receipts to split).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use data_assets_core::accounting::VatStatus;
use data_assets_core::authorization::{
    AuthorizationMode, AuthorizationState, AuthorizationTerms, GrantedRight, Purpose, Term,
};
use data_assets_core::entity::EntityKind;
use data_assets_core::money::{Amount, Ratio};
use data_assets_core::revenue::{AgreementShare, Party};
use serde::{Deserialize, Serialize};

use super::cells::{RowCells, yes_no};
use super::spec::{LIST_SEPARATOR, MODE_LABELS};
use crate::error::IoError;
use crate::table::Cell;

/// Separator between the parties of a split rule (`大数据局:0.7;运营公司:0.3`).
pub const PARTY_SEPARATOR: char = ';';
/// Separator between a party's name and its ratio.
pub const RATIO_SEPARATOR: char = ':';

/// A grant of authorized operation (授权运营) as recorded in the 授权 sheet: its terms, the
/// state it has reached and who applied and decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerAuthorization {
    /// Terms of the grant (id, asset, licensee, mode, rights, purpose, fee, term, exclusivity).
    pub terms: AuthorizationTerms,
    /// State the workflow has reached.
    pub state: AuthorizationState,
    /// Applicant (申请人).
    pub applicant: String,
    /// Approver or rejecter (审批人), required once the grant is decided.
    #[serde(default)]
    pub approver: Option<String>,
    /// Date of application; the term's start when empty.
    #[serde(default)]
    pub applied: Option<NaiveDate>,
    /// Date of approval or rejection; the application date when empty.
    #[serde(default)]
    pub decided: Option<NaiveDate>,
    /// Whether the compliance review of the asset passed (合规审查).
    #[serde(default)]
    pub compliance_review_passed: bool,
    /// Government-guided upper-limit fee for a paid grant of public data (发改价格〔2025〕65号);
    /// approval of such a grant requires it.
    #[serde(default)]
    pub fee_cap: Option<Amount>,
}

/// A tax-inclusive receipt for an asset and how it is split (收益分配).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// Receipt id (收款编号).
    pub id: String,
    /// Date received.
    pub date: NaiveDate,
    /// Asset the receipt is for.
    pub asset_id: String,
    /// Grant the receipt is paid under, when any.
    #[serde(default)]
    pub authorization_id: Option<String>,
    /// Amount received, VAT included.
    pub gross: Amount,
    /// VAT status of the receiving unit, which decides the VAT separated.
    pub vat_status: VatStatus,
    /// Parties and agreed ratios, in agreement order; ratios sum to one.
    pub parties: Vec<AgreementShare>,
}

fn mode_label(mode: &AuthorizationMode) -> (&'static str, String) {
    match mode {
        AuthorizationMode::Whole => (MODE_LABELS[0], String::new()),
        AuthorizationMode::Domain(name) => (MODE_LABELS[1], name.clone()),
        AuthorizationMode::Scenario(name) => (MODE_LABELS[2], name.clone()),
    }
}

pub(crate) fn authorization_row(grant: &LedgerAuthorization) -> Vec<Cell> {
    let terms = &grant.terms;
    let (mode, scope) = mode_label(&terms.mode);
    let rights: Vec<&str> = terms.rights.iter().map(|r| r.label_zh()).collect();
    vec![
        Cell::text(terms.id.clone()),
        Cell::text(terms.asset_id.clone()),
        Cell::text(terms.licensee.clone()),
        Cell::text(mode),
        Cell::text(scope),
        Cell::text(rights.join(LIST_SEPARATOR)),
        Cell::text(terms.purpose.label_zh()),
        Cell::Amount(terms.fee),
        Cell::from_option(grant.fee_cap, Cell::Amount),
        Cell::Date(terms.term.start),
        Cell::Date(terms.term.end),
        yes_no(terms.exclusive),
        Cell::text(grant.state.label_zh()),
        Cell::text(grant.applicant.clone()),
        Cell::from_option(grant.approver.clone(), Cell::text),
        Cell::from_option(grant.applied, Cell::Date),
        Cell::from_option(grant.decided, Cell::Date),
        yes_no(grant.compliance_review_passed),
    ]
}

pub(crate) fn read_authorization(
    cells: &RowCells<'_>,
    errors: &mut Vec<IoError>,
) -> Option<LedgerAuthorization> {
    let before = errors.len();
    let scope = cells.text("scope");
    let mode_text = cells.text("mode");
    let mode = if mode_text == MODE_LABELS[0] {
        if !scope.is_empty() {
            errors.push(
                cells
                    .at("scope")
                    .invalid(&scope, "empty, because 整体授权 covers the whole asset"),
            );
        }
        Some(AuthorizationMode::Whole)
    } else if scope.is_empty() {
        errors.push(cells.at("scope").missing(format!(
            "the domain or scenario name, required for {mode_text}"
        )));
        None
    } else if mode_text == MODE_LABELS[1] {
        Some(AuthorizationMode::Domain(scope))
    } else {
        Some(AuthorizationMode::Scenario(scope))
    };
    let mut rights = BTreeSet::new();
    for part in cells.text("rights").split(['、', ',', '，']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        match part.parse::<GrantedRight>() {
            Ok(right) => {
                rights.insert(right);
            }
            Err(_) => errors.push(cells.at("rights").invalid(
                part,
                format!(
                    "rights separated by {LIST_SEPARATOR}: {}",
                    crate::draft::labels(GrantedRight::ALL, GrantedRight::label_zh)
                        .join(LIST_SEPARATOR)
                ),
            )),
        }
    }
    let state: AuthorizationState = cells.vocab("state")?;
    let approver = cells.optional_text("approver");
    let decided_states = !matches!(
        state,
        AuthorizationState::Draft | AuthorizationState::Submitted
    );
    if decided_states && approver.is_none() {
        errors.push(cells.at("approver").missing(format!(
            "the approver's name, required once the grant is {}",
            state.label_zh()
        )));
    }
    if errors.len() > before {
        return None;
    }
    let purpose: Purpose = cells.vocab("purpose")?;
    Some(LedgerAuthorization {
        terms: AuthorizationTerms {
            id: cells.text("id"),
            asset_id: cells.text("asset_id"),
            licensee: cells.text("licensee"),
            mode: mode?,
            rights,
            purpose,
            fee: cells.amount("fee").unwrap_or(Amount::ZERO),
            term: Term {
                start: cells.date("start")?,
                end: cells.date("end")?,
            },
            exclusive: cells.yes("exclusive"),
        },
        state,
        applicant: cells.text("applicant"),
        approver,
        applied: cells.date("applied"),
        decided: cells.date("decided"),
        compliance_review_passed: cells.yes("compliance_review"),
        fee_cap: cells.amount("fee_cap"),
    })
}

pub(crate) fn receipt_row(receipt: &Receipt) -> Vec<Cell> {
    let split: Vec<String> = receipt
        .parties
        .iter()
        .map(|share| {
            format!(
                "{}{RATIO_SEPARATOR}{}",
                share.party.name,
                share.ratio.value().normalize()
            )
        })
        .collect();
    let kinds: Vec<&str> = receipt
        .parties
        .iter()
        .map(|share| share.party.kind.label_zh())
        .collect();
    vec![
        Cell::text(receipt.id.clone()),
        Cell::Date(receipt.date),
        Cell::text(receipt.asset_id.clone()),
        Cell::from_option(receipt.authorization_id.clone(), Cell::text),
        Cell::Amount(receipt.gross),
        Cell::text(receipt.vat_status.label_zh()),
        Cell::text(split.join(&PARTY_SEPARATOR.to_string())),
        Cell::text(kinds.join(&PARTY_SEPARATOR.to_string())),
    ]
}

/// A split text that cannot be read, with the column at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitTextError {
    /// Whether the unit kinds (分成方单位类型) are at fault, rather than the parties and ratios.
    pub in_kinds: bool,
    /// Description of the fault, such as a missing ratio or a different number of kinds.
    pub reason: String,
}

impl std::fmt::Display for SplitTextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

/// Parses `名称:比例;名称:比例` and the unit kinds `类型;类型` of the same parties.
///
/// # Errors
///
/// [`SplitTextError`] naming what is wrong and whether the kinds or the parties are at fault.
pub fn parse_split(split: &str, kinds: &str) -> Result<Vec<AgreementShare>, SplitTextError> {
    let in_split = |reason: String| SplitTextError {
        in_kinds: false,
        reason,
    };
    let in_kinds = |reason: String| SplitTextError {
        in_kinds: true,
        reason,
    };
    let parts: Vec<&str> = split
        .split([PARTY_SEPARATOR, '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let kinds: Vec<&str> = kinds
        .split([PARTY_SEPARATOR, '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Err(in_split("no party".into()));
    }
    // The parties and ratios are read first, so a malformed 分成比例 is reported there rather
    // than as a count that differs from the kinds.
    let mut parties = Vec::with_capacity(parts.len());
    for part in &parts {
        let (name, ratio) = part
            .rsplit_once([RATIO_SEPARATOR, '：'])
            .ok_or_else(|| in_split(format!("party {part:?} has no ratio")))?;
        let ratio = Ratio::parse_field(ratio.trim(), "ratio").map_err(|_| {
            in_split(format!(
                "ratio {ratio:?} of {name} is not a number between 0 and 1"
            ))
        })?;
        parties.push((name.trim(), ratio));
    }
    if parts.len() != kinds.len() {
        return Err(in_kinds(format!(
            "{} parties but {} unit kinds",
            parts.len(),
            kinds.len()
        )));
    }
    let mut shares = Vec::with_capacity(parts.len());
    for ((name, ratio), kind) in parties.into_iter().zip(&kinds) {
        let kind: EntityKind = kind.parse().map_err(|_| {
            in_kinds(format!(
                "unit kind {kind:?} is not one of {}",
                EntityKind::allowed()
            ))
        })?;
        shares.push(AgreementShare {
            party: Party {
                name: name.to_owned(),
                kind,
            },
            ratio,
        });
    }
    Ok(shares)
}

pub(crate) fn read_receipt(cells: &RowCells<'_>, errors: &mut Vec<IoError>) -> Option<Receipt> {
    let parties = match parse_split(&cells.text("split"), &cells.text("party_kinds")) {
        Ok(parties) => Some(parties),
        Err(error) => {
            let column = if error.in_kinds {
                "party_kinds"
            } else {
                "split"
            };
            errors.push(cells.at(column).invalid(
                &cells.text(column),
                format!(
                    "parties and ratios such as 大数据局:0.7;运营公司:0.3, with the unit kinds in \
                     分成方单位类型 in the same order, such as 行政单位;国有企业 ({error})"
                ),
            ));
            None
        }
    };
    let gross = cells.amount("gross")?;
    if gross.is_negative() {
        errors.push(
            cells
                .at("gross")
                .invalid(&cells.text("gross"), "an amount of 0 or more"),
        );
        return None;
    }
    Some(Receipt {
        id: cells.text("id"),
        date: cells.date("date")?,
        asset_id: cells.text("asset_id"),
        authorization_id: cells.optional_text("authorization_id"),
        gross,
        vat_status: cells.vocab("vat_status")?,
        parties: parties?,
    })
}
