//! Replaying the 授权 rows through the authorization workflow, and splitting the 收益 rows.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use data_assets_core::ErrorDetail;
use data_assets_core::authorization::{
    Actor, AssetReadiness, Authorization, AuthorizationError, AuthorizationRegistry,
    AuthorizationState,
};
use data_assets_core::compliance::LicenceReceiptView;
use data_assets_core::policy::Policy;
use data_assets_core::revenue::{
    InvoicingParty, SplitRule, split_receipt, split_vouchers, vat_rate,
};

use super::{Issue, SplitRecord};
use crate::ledger::{Ledger, LedgerAuthorization};

/// Role given to the applicant of a grant in the replayed workflow.
const APPLICANT_ROLE: &str = "data_unit";

fn at(date: NaiveDate, hour: u32) -> NaiveDateTime {
    date.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default())
}

/// Replays each grant from draft to its recorded state. It is applied on 申请日期 (or the term
/// start) and decided on 审批日期 (or the application date) by the approver, who gets the
/// policy's approver role. It is activated on the later of the decision and the term start,
/// expired the day after the term ends, and revoked or terminated on the activation day. A step
/// the workflow rejects is an issue, and the grant stays in the state it reached.
pub(super) fn replay(
    ledger: &Ledger,
    policy: &Policy,
    has_card: &dyn Fn(&str) -> bool,
    issues: &mut Vec<Issue>,
) -> Vec<Authorization> {
    let mut registry = AuthorizationRegistry::default();
    let mut order: Vec<&LedgerAuthorization> = ledger.authorizations.iter().collect();
    order.sort_by(|a, b| a.terms.id.cmp(&b.terms.id));
    for grant in order {
        let id = grant.terms.id.clone();
        let readiness = ledger
            .assets
            .iter()
            .find(|asset| asset.id == grant.terms.asset_id)
            .map(|asset| AssetReadiness {
                asset_id: asset.id.clone(),
                category: asset.category,
                security_grade: asset.security_grade,
                has_info_card: has_card(&asset.id),
                compliance_review_passed: grant.compliance_review_passed,
                fee_cap: grant.fee_cap,
            });
        let Some(readiness) = readiness else {
            continue;
        };
        if let Err(error) = replay_one(&mut registry, grant, &readiness, policy) {
            issues.push(Issue {
                stage: "authorizations".into(),
                subject: id,
                code: error.code().into(),
                message: format!(
                    "{error}; allowed: {}; recorded state {}",
                    error.allowed(),
                    grant.state.label_zh()
                ),
            });
        }
    }
    registry.grants().cloned().collect()
}

fn replay_one(
    registry: &mut AuthorizationRegistry,
    grant: &LedgerAuthorization,
    readiness: &AssetReadiness,
    policy: &Policy,
) -> Result<(), AuthorizationError> {
    use AuthorizationState as S;
    let terms = &grant.terms;
    let id = terms.id.as_str();
    let applicant = Actor {
        id: grant.applicant.clone(),
        role: APPLICANT_ROLE.into(),
    };
    let approver = Actor {
        id: grant.approver.clone().unwrap_or_default(),
        role: policy.authorization_approver_role.clone(),
    };
    let applied = grant.applied.unwrap_or(terms.term.start);
    let decided = grant.decided.unwrap_or(applied);
    let draft = Authorization::draft(terms.clone(), applicant.clone(), at(applied, 9))?;
    registry.insert(draft)?;
    if grant.state == S::Draft {
        return Ok(());
    }
    registry.submit(id, &applicant, at(applied, 10), readiness)?;
    match grant.state {
        S::Submitted => return Ok(()),
        S::Rejected => {
            let reason = "台账记录为已驳回";
            return registry.reject(id, &approver, at(decided, 15), reason, policy);
        }
        _ => {}
    }
    registry.approve(id, &approver, at(decided, 15), readiness, policy)?;
    if grant.state == S::Approved {
        return Ok(());
    }
    let start = decided.max(terms.term.start);
    registry.activate(id, &approver, at(start, 16))?;
    match grant.state {
        S::Expired => {
            let day_after = terms.term.end.checked_add_days(Days::new(1));
            registry.expire(id, &approver, at(day_after.unwrap_or(terms.term.end), 9))
        }
        S::Revoked => registry.revoke(id, &approver, at(start, 17), "台账记录为已撤销", policy),
        S::Terminated => registry.terminate(id, &approver, at(start, 17), "台账记录为已终止"),
        _ => Ok(()),
    }
}

/// Splits every receipt: VAT separated at the rate of the receiving unit's status on the
/// receipt date, the net divided by the agreed ratios and routed by each party's kind.
pub(super) fn splits(
    ledger: &Ledger,
    policy: &Policy,
    issues: &mut Vec<Issue>,
) -> Vec<SplitRecord> {
    let mut records = Vec::new();
    for receipt in &ledger.receipts {
        let rate = vat_rate(receipt.vat_status, receipt.date, policy);
        let rule = SplitRule::Agreement {
            parties: receipt.parties.clone(),
        };
        // The ledger's unit invoices when it is a party; otherwise the first party does.
        let invoicing = receipt
            .parties
            .iter()
            .find(|share| share.party.name == ledger.unit.name)
            .or(receipt.parties.first())
            .map(|share| InvoicingParty {
                name: share.party.name.as_str(),
                vat: receipt.vat_status,
            });
        let split = split_receipt(receipt.gross, rate, &rule, policy).and_then(|outcome| {
            let vouchers = split_vouchers(
                &outcome,
                receipt.date,
                &receipt.asset_id,
                &receipt.id,
                invoicing,
                policy,
            )?;
            Ok((outcome, vouchers))
        });
        match split {
            Ok((outcome, vouchers)) => records.push(SplitRecord {
                receipt_id: receipt.id.clone(),
                asset_id: receipt.asset_id.clone(),
                date: receipt.date,
                outcome,
                vouchers: vouchers.into_iter().map(|(_, voucher)| voucher).collect(),
            }),
            Err(error) => issues.push(Issue {
                stage: "revenue".into(),
                subject: receipt.id.clone(),
                code: error.code().into(),
                message: format!("{error}; allowed: {}", error.allowed()),
            }),
        }
    }
    records.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.receipt_id.cmp(&b.receipt_id))
    });
    records
}

/// Views the receipts as licence income of the ledger's unit for the risk rules. The payer is
/// the licensee of the receipt's grant, or `unknown` when the receipt names none; whether the
/// payer is funded by the same finance bureau is not in the ledger and is taken as no.
pub(super) fn licence_receipts(ledger: &Ledger) -> Vec<LicenceReceiptView> {
    ledger
        .receipts
        .iter()
        .map(|receipt| {
            let payer = receipt
                .authorization_id
                .as_ref()
                .and_then(|id| ledger.authorizations.iter().find(|g| &g.terms.id == id))
                .map_or_else(|| "unknown".to_owned(), |g| g.terms.licensee.clone());
            LicenceReceiptView {
                receipt_id: receipt.id.clone(),
                asset_id: receipt.asset_id.clone(),
                recipient_id: ledger.unit.uscc.as_str().to_owned(),
                recipient_kind: ledger.unit.kind,
                payer_id: payer,
                amount: receipt.gross,
                payer_funded_by_same_finance_bureau: false,
                returned_as_subsidy: false,
            }
        })
        .collect()
}
