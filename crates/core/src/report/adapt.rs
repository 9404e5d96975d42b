//! Conversions from the records of the register, registration, authorization and compliance
//! modules into the report's input views.

use super::input::{
    AssetSnapshot, AuthorizationMode, AuthorizationStatus, AuthorizationView, LedgerChange,
    RegistrationEvent, RegistrationKind, ViolationStatus, ViolationView,
};
use crate::authorization::{self, Authorization, AuthorizationState};
use crate::compliance::Violation;
use crate::money::Amount;
use crate::register::{HistoryRecord, RegisterEntry};
use crate::registration::{RegistrationEventKind, RegistrationRecord};

impl From<&authorization::AuthorizationMode> for AuthorizationMode {
    /// Keeps the mode and drops the domain or scenario name.
    fn from(mode: &authorization::AuthorizationMode) -> Self {
        match mode {
            authorization::AuthorizationMode::Whole => AuthorizationMode::Whole,
            authorization::AuthorizationMode::Domain(_) => AuthorizationMode::ByDomain,
            authorization::AuthorizationMode::Scenario(_) => AuthorizationMode::ByScenario,
        }
    }
}

impl From<AuthorizationState> for AuthorizationStatus {
    /// Maps a workflow state to the report's approval status: a draft or submitted grant is
    /// pending; an approved, active or expired grant was approved (its term decides whether it
    /// is in force); a terminated grant counts as revoked.
    fn from(state: AuthorizationState) -> Self {
        match state {
            AuthorizationState::Draft | AuthorizationState::Submitted => {
                AuthorizationStatus::Pending
            }
            AuthorizationState::Approved
            | AuthorizationState::Active
            | AuthorizationState::Expired => AuthorizationStatus::Approved,
            AuthorizationState::Rejected => AuthorizationStatus::Rejected,
            AuthorizationState::Revoked | AuthorizationState::Terminated => {
                AuthorizationStatus::Revoked
            }
        }
    }
}

impl From<&RegistrationEventKind> for RegistrationKind {
    /// Maps an event of the registration book to the report's kind. A transfer (转移登记) and a
    /// renewal (续展) register changed facts of an existing registration, so they count as
    /// 变更登记.
    fn from(kind: &RegistrationEventKind) -> Self {
        match kind {
            RegistrationEventKind::Initial { .. } => RegistrationKind::Initial,
            RegistrationEventKind::Change { .. }
            | RegistrationEventKind::Transfer { .. }
            | RegistrationEventKind::Renewal { .. } => RegistrationKind::Change,
            RegistrationEventKind::Cancellation { .. } => RegistrationKind::Cancellation,
        }
    }
}

impl AssetSnapshot {
    /// Creates the snapshot of a ledger entry with its book value at the period end and its
    /// registration, if any.
    ///
    /// The asset counts as registered when a registration exists and was not cancelled, and as
    /// certified when that registration also carries a certificate number. A disposal date makes
    /// it disposed, so pass the entry as it stood at the period end.
    pub fn from_entry(
        entry: &RegisterEntry,
        book_value: Amount,
        registration: Option<&RegistrationRecord>,
    ) -> AssetSnapshot {
        let live = registration.filter(|record| !record.cancelled);
        AssetSnapshot {
            id: entry.asset.id.clone(),
            name: entry.asset.name.clone(),
            category: entry.asset.category,
            booking_status: entry.asset.booking_status,
            book_value,
            registered: live.is_some(),
            certified: live
                .is_some_and(|record| !crate::text::is_blank(&record.certificate_number)),
            authorized: entry.asset.authorized_operation,
            disposed: entry.is_disposed(),
        }
    }
}

impl From<&HistoryRecord> for LedgerChange {
    /// Takes the date of disposal for a disposal and the date of the change otherwise; the
    /// reason becomes the summary.
    fn from(record: &HistoryRecord) -> Self {
        LedgerChange {
            asset_id: record.asset_id.clone(),
            kind: record.kind,
            date: record.disposal_date.unwrap_or_else(|| record.at.date()),
            summary: record.reason.clone(),
        }
    }
}

impl RegistrationEvent {
    /// Lists the report's events for one asset's registration, oldest first. An initial
    /// registration and a renewal carry the certificate issued for them.
    pub fn from_record(record: &RegistrationRecord) -> Vec<RegistrationEvent> {
        record
            .events
            .iter()
            .map(|event| RegistrationEvent {
                asset_id: record.asset_id.clone(),
                kind: RegistrationKind::from(&event.kind),
                date: event.date,
                certificate_number: match &event.kind {
                    RegistrationEventKind::Initial {
                        certificate_number, ..
                    }
                    | RegistrationEventKind::Renewal { certificate_number } => {
                        Some(certificate_number.clone())
                    }
                    _ => None,
                },
            })
            .collect()
    }
}

impl From<&Authorization> for AuthorizationView {
    /// Takes the domain or scenario name as the purpose when the grant names one, and the
    /// purpose's Chinese label for a whole grant.
    fn from(grant: &Authorization) -> Self {
        let terms = grant.terms();
        let purpose = match &terms.mode {
            authorization::AuthorizationMode::Domain(name)
            | authorization::AuthorizationMode::Scenario(name) => name.clone(),
            authorization::AuthorizationMode::Whole => terms.purpose.label_zh().to_owned(),
        };
        AuthorizationView {
            id: terms.id.clone(),
            asset_id: terms.asset_id.clone(),
            mode: AuthorizationMode::from(&terms.mode),
            purpose,
            status: AuthorizationStatus::from(grant.state()),
            start: terms.term.start,
            end: Some(terms.term.end),
        }
    }
}

impl ViolationView {
    /// Creates the view of a finding of the risk rules, open or closed as the caller knows. The
    /// subject lists the records involved, joined by `, `; the message is the Chinese one.
    pub fn from_violation(violation: &Violation, status: ViolationStatus) -> ViolationView {
        ViolationView {
            code: violation.code.code().to_owned(),
            severity: violation.severity,
            // The progress report is a Chinese document; older JSON without a Chinese message
            // falls back to the English one.
            message: if violation.message_zh.is_empty() {
                violation.message.clone()
            } else {
                violation.message_zh.clone()
            },
            rule: violation.rule_cited.clone(),
            subject: violation.subject_ids.join(", "),
            status,
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::asset::{DataAsset, DataCategory, SecurityGrade};
    use crate::authorization::{
        Actor, AssetReadiness, AuthorizationTerms, GrantedRight, Purpose, Term,
    };
    use crate::compliance::{RuleCode, Severity};
    use crate::policy::Policy;
    use crate::register::ChangeKind;
    use crate::registration::{CardHolder, RegistrationEvent as BookEvent};

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    fn record(cancelled: bool) -> RegistrationRecord {
        let holder = CardHolder {
            name: "桂林市自然资源局".into(),
            credit_code: "11450300MB1234567X".into(),
        };
        let event = |kind, day| BookEvent {
            kind,
            actor: "clerk".into(),
            date: date(2, day),
        };
        RegistrationRecord {
            asset_id: "GL-001".into(),
            holder: holder.clone(),
            certificate_number: "GXSJ-2026-0001".into(),
            cancelled,
            events: vec![
                event(
                    RegistrationEventKind::Initial {
                        holder,
                        certificate_number: "GXSJ-2026-0001".into(),
                    },
                    1,
                ),
                event(
                    RegistrationEventKind::Renewal {
                        certificate_number: "GXSJ-2026-0002".into(),
                    },
                    10,
                ),
                event(
                    RegistrationEventKind::Cancellation {
                        reason: "数据下线".into(),
                    },
                    20,
                ),
            ],
        }
    }

    #[test]
    fn snapshot_takes_ledger_facts_and_registration() {
        let entry = RegisterEntry {
            asset: DataAsset::example(),
            disposal_date: None,
        };
        let value = Amount::from_fen(9_500_000);
        let live = AssetSnapshot::from_entry(&entry, value, Some(&record(false)));
        assert_eq!(live.id, entry.asset.id);
        assert_eq!(live.book_value, value);
        assert!(live.registered && live.certified && !live.disposed);
        let cancelled = AssetSnapshot::from_entry(&entry, value, Some(&record(true)));
        assert!(!cancelled.registered && !cancelled.certified);
        let none = AssetSnapshot::from_entry(&entry, Amount::ZERO, None);
        assert!(!none.registered);
    }

    #[test]
    fn registration_events_keep_certificates_and_map_kinds() {
        let events = RegistrationEvent::from_record(&record(true));
        let kinds: Vec<_> = events.iter().map(|event| event.kind).collect();
        assert_eq!(
            kinds,
            [
                RegistrationKind::Initial,
                RegistrationKind::Change,
                RegistrationKind::Cancellation
            ]
        );
        assert_eq!(
            events[1].certificate_number.as_deref(),
            Some("GXSJ-2026-0002")
        );
        assert_eq!(events[2].certificate_number, None);
        assert_eq!(events[2].date, date(2, 20));
    }

    #[test]
    fn disposal_change_is_dated_by_the_disposal() {
        let at = date(3, 5).and_hms_opt(10, 0, 0).expect("valid time");
        let mut history = HistoryRecord {
            seq: 2,
            kind: ChangeKind::Disposed,
            asset_id: "GL-001".into(),
            actor: "clerk".into(),
            at,
            reason: "数据库下线".into(),
            disposal_date: Some(date(2, 28)),
            before: None,
            after: None,
            prev_hash: String::new(),
            hash: String::new(),
        };
        let change = LedgerChange::from(&history);
        assert_eq!(
            (change.kind, change.date),
            (ChangeKind::Disposed, date(2, 28))
        );
        assert_eq!(change.summary, "数据库下线");
        history.kind = ChangeKind::Changed;
        history.disposal_date = None;
        assert_eq!(LedgerChange::from(&history).date, date(3, 5));
    }

    #[test]
    fn authorization_view_follows_the_workflow() -> Result<(), Box<dyn std::error::Error>> {
        let at = |m, d| date(m, d).and_hms_opt(9, 0, 0).expect("valid time");
        let terms = AuthorizationTerms {
            id: "SQ-2026-01".into(),
            asset_id: "GL-001".into(),
            licensee: "桂林数据运营公司".into(),
            mode: authorization::AuthorizationMode::Scenario("智慧停车".into()),
            rights: [GrantedRight::Use].into(),
            purpose: Purpose::IndustryDevelopment,
            fee: Amount::from_fen(12_000_000),
            term: Term {
                start: date(3, 1),
                end: date(12, 31),
            },
            exclusive: false,
        };
        let asset = AssetReadiness {
            asset_id: "GL-001".into(),
            category: DataCategory::Public,
            security_grade: SecurityGrade::General,
            has_info_card: true,
            compliance_review_passed: true,
            fee_cap: Some(Amount::from_fen(15_000_000)),
        };
        let clerk = Actor {
            id: "bureau".into(),
            role: "data_unit".into(),
        };
        let finance = Actor {
            id: "finance-1".into(),
            role: "finance_bureau".into(),
        };
        let mut grant = Authorization::draft(terms, clerk.clone(), at(1, 5))?;
        assert_eq!(
            AuthorizationView::from(&grant).status,
            AuthorizationStatus::Pending
        );
        grant.submit(&clerk, at(1, 6), &asset)?;
        grant.approve(&finance, at(1, 20), &asset, &Policy::default())?;
        let view = AuthorizationView::from(&grant);
        assert_eq!(view.status, AuthorizationStatus::Approved);
        assert_eq!(view.mode, AuthorizationMode::ByScenario);
        assert_eq!(view.purpose, "智慧停车");
        assert_eq!((view.start, view.end), (date(3, 1), Some(date(12, 31))));
        assert!(view.is_active_on(date(6, 30)) && !view.is_active_on(date(2, 28)));
        let risk = crate::compliance::AuthorizationView::from(&grant);
        assert_eq!(
            (risk.authorization_id.as_str(), risk.licensee_id.as_str()),
            ("SQ-2026-01", "桂林数据运营公司")
        );
        Ok(())
    }

    #[test]
    fn violation_view_keeps_code_and_severity() {
        let violation = Violation {
            code: RuleCode::GovernmentAssetPledge,
            severity: Severity::Block,
            message: "pledge DB-1 is backed by data asset GL-001 of a government unit".into(),
            message_zh: "质押 DB-1：以行政事业单位的数据资产 GL-001 提供质押".into(),
            rule_cited: "rule".into(),
            subject_ids: vec!["DB-1".into(), "GL-001".into()],
        };
        let view = ViolationView::from_violation(&violation, ViolationStatus::Open);
        assert_eq!(view.code, "compliance.government_asset_pledge");
        assert_eq!(view.severity, Severity::Block);
        assert_eq!(view.subject, "DB-1, GL-001");
        assert_eq!(
            view.message,
            "质押 DB-1：以行政事业单位的数据资产 GL-001 提供质押"
        );
    }
}
