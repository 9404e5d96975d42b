use crate::error::ErrorDetail;
use proptest::prelude::*;

use super::*;

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

fn at(month: u32, d: u32) -> NaiveDateTime {
    day(month, d).and_hms_opt(9, 0, 0).unwrap()
}

fn terms(id: &str) -> AuthorizationTerms {
    AuthorizationTerms {
        id: id.into(),
        asset_id: "GL-001".into(),
        licensee: "operator".into(),
        mode: AuthorizationMode::Scenario("智慧停车".into()),
        rights: [GrantedRight::Use].into(),
        purpose: Purpose::IndustryDevelopment,
        fee: Amount::from_fen(12_000_000),
        term: Term {
            start: day(3, 1),
            end: day(12, 31),
        },
        exclusive: false,
    }
}

fn asset() -> AssetReadiness {
    AssetReadiness {
        asset_id: "GL-001".into(),
        category: DataCategory::Public,
        security_grade: SecurityGrade::General,
        has_info_card: true,
        compliance_review_passed: true,
        fee_cap: Some(Amount::from_fen(15_000_000)),
    }
}

fn applicant() -> Actor {
    Actor {
        id: "traffic-bureau".into(),
        role: "data_unit".into(),
    }
}

fn approver() -> Actor {
    Actor {
        id: "finance-1".into(),
        role: "finance_bureau".into(),
    }
}

fn drafted(terms: AuthorizationTerms) -> Authorization {
    Authorization::draft(terms, applicant(), at(1, 5)).unwrap()
}

fn submitted(terms: AuthorizationTerms) -> Authorization {
    let mut grant = drafted(terms);
    grant.submit(&applicant(), at(1, 6), &asset()).unwrap();
    grant
}

fn active(terms: AuthorizationTerms) -> Authorization {
    let mut grant = submitted(terms);
    grant
        .approve(&approver(), at(1, 20), &asset(), &Policy::default())
        .unwrap();
    grant.activate(&approver(), at(3, 1)).unwrap();
    grant
}

fn code<T: std::fmt::Debug>(result: Result<T, AuthorizationError>) -> &'static str {
    result.unwrap_err().code()
}

fn codes(problems: &[AuthorizationError]) -> Vec<&'static str> {
    problems.iter().map(ErrorDetail::code).collect()
}

#[test]
fn purpose_decides_fee_basis() {
    assert_eq!(
        Purpose::PublicGovernance.fee_basis(),
        FeeBasis::ConditionallyFree
    );
    assert_eq!(
        Purpose::PublicWelfare.fee_basis(),
        FeeBasis::ConditionallyFree
    );
    assert_eq!(
        Purpose::IndustryDevelopment.fee_basis(),
        FeeBasis::ConditionallyPaid
    );
    assert_eq!(
        Purpose::SectorDevelopment.fee_basis(),
        FeeBasis::ConditionallyPaid
    );
}

#[test]
fn mode_overlap_rules() {
    let whole = AuthorizationMode::Whole;
    let traffic = AuthorizationMode::Domain("交通".into());
    let water = AuthorizationMode::Domain("水利".into());
    let parking = AuthorizationMode::Scenario("智慧停车".into());
    let credit = AuthorizationMode::Scenario("信贷风控".into());
    assert!(whole.overlaps(&whole));
    assert!(whole.overlaps(&traffic));
    assert!(parking.overlaps(&whole));
    assert!(traffic.overlaps(&AuthorizationMode::Domain(" 交通 ".into())));
    assert!(!traffic.overlaps(&water));
    assert!(parking.overlaps(&parking.clone()));
    assert!(!parking.overlaps(&credit));
    assert!(!traffic.overlaps(&parking));
    assert_eq!(traffic.to_string(), "分领域授权: 交通");
}

#[test]
fn term_overlap_includes_both_ends() {
    let first = Term {
        start: day(1, 1),
        end: day(6, 30),
    };
    assert!(first.overlaps(&Term {
        start: day(6, 30),
        end: day(12, 31)
    }));
    assert!(!first.overlaps(&Term {
        start: day(7, 1),
        end: day(12, 31)
    }));
    assert!(first.contains(day(1, 1)));
    assert!(first.contains(day(6, 30)));
    assert!(!first.contains(day(7, 1)));
}

#[test]
fn draft_lists_every_term_problem() {
    let mut bad = terms("");
    bad.licensee = " ".into();
    bad.mode = AuthorizationMode::Domain(String::new());
    bad.rights.clear();
    bad.fee = Amount::from_fen(-1);
    bad.term = Term {
        start: day(12, 31),
        end: day(3, 1),
    };
    let problems = Authorization::term_problems(&bad);
    let fields: Vec<&str> = problems.iter().map(ErrorDetail::field).collect();
    assert_eq!(
        fields,
        ["id", "licensee", "mode.name", "rights", "fee", "term"]
    );
    assert_eq!(
        code(Authorization::draft(bad, applicant(), at(1, 5))),
        "authorization.missing_field"
    );
}

#[test]
fn draft_rejects_sub_fen_fee() {
    let mut bad = terms("A1");
    bad.fee = "10.001".parse().unwrap();
    assert_eq!(
        code(Authorization::draft(bad, applicant(), at(1, 5))),
        "authorization.invalid_fee"
    );
}

#[test]
fn draft_records_first_step() {
    let grant = drafted(terms("A1"));
    assert_eq!(grant.state(), AuthorizationState::Draft);
    assert_eq!(grant.history().len(), 1);
    assert_eq!(grant.history()[0].actor, applicant());
    assert_eq!(grant.history()[0].at, at(1, 5));
}

#[test]
fn submit_by_applicant_only() {
    let mut grant = drafted(terms("A1"));
    assert_eq!(
        code(grant.submit(&approver(), at(1, 6), &asset())),
        "authorization.not_applicant"
    );
    grant.submit(&applicant(), at(1, 6), &asset()).unwrap();
    assert_eq!(grant.state(), AuthorizationState::Submitted);
}

#[test]
fn submit_rejects_core_data() {
    let mut grant = drafted(terms("A1"));
    let core = AssetReadiness {
        security_grade: SecurityGrade::Core,
        ..asset()
    };
    assert_eq!(
        code(grant.submit(&applicant(), at(1, 6), &core)),
        "authorization.core_data"
    );
    assert_eq!(grant.state(), AuthorizationState::Draft);
}

#[test]
fn submit_needs_card_and_review() {
    let mut grant = drafted(terms("A1"));
    let no_card = AssetReadiness {
        has_info_card: false,
        ..asset()
    };
    assert_eq!(
        code(grant.submit(&applicant(), at(1, 6), &no_card)),
        "authorization.missing_info_card"
    );
    let no_review = AssetReadiness {
        compliance_review_passed: false,
        ..asset()
    };
    assert_eq!(
        code(grant.submit(&applicant(), at(1, 6), &no_review)),
        "authorization.missing_compliance_review"
    );
    let other = AssetReadiness {
        asset_id: "GL-002".into(),
        ..asset()
    };
    assert_eq!(
        code(grant.submit(&applicant(), at(1, 6), &other)),
        "authorization.asset_mismatch"
    );
}

#[test]
fn readiness_lists_every_problem() {
    let grant = drafted(terms("A1"));
    let bad = AssetReadiness {
        security_grade: SecurityGrade::Core,
        has_info_card: false,
        compliance_review_passed: false,
        fee_cap: Some(Amount::from_fen(100)),
        ..asset()
    };
    assert_eq!(
        codes(&grant.readiness_problems(&bad)),
        [
            "authorization.core_data",
            "authorization.missing_info_card",
            "authorization.missing_compliance_review",
            "authorization.fee_above_cap",
        ]
    );
}

#[test]
fn free_purpose_rejects_fee() {
    for purpose in [Purpose::PublicGovernance, Purpose::PublicWelfare] {
        let mut free = terms("A1");
        free.purpose = purpose;
        free.fee = Amount::from_fen(1);
        let mut grant = drafted(free.clone());
        let error = grant.submit(&applicant(), at(1, 6), &asset()).unwrap_err();
        assert_eq!(error.code(), "authorization.fee_for_free_purpose");
        assert_eq!(error.value(), "0.01");

        free.fee = Amount::ZERO;
        let mut grant = drafted(free);
        assert_eq!(grant.submit(&applicant(), at(1, 6), &asset()), Ok(()));
        assert_eq!(grant.fee_basis(), FeeBasis::ConditionallyFree);
    }
}

#[test]
fn public_data_fee_capped() {
    // The cap is 150,000.00; 150,000.00 passes and 150,000.01 fails.
    let mut at_cap = terms("A1");
    at_cap.fee = Amount::from_fen(15_000_000);
    let mut grant = drafted(at_cap.clone());
    assert_eq!(grant.submit(&applicant(), at(1, 6), &asset()), Ok(()));

    at_cap.fee = Amount::from_fen(15_000_001);
    let mut grant = drafted(at_cap);
    let error = grant.submit(&applicant(), at(1, 6), &asset()).unwrap_err();
    assert_eq!(error.code(), "authorization.fee_above_cap");
    assert_eq!(error.value(), "150000.01");
}

#[test]
fn public_data_paid_needs_cap() {
    let mut grant = drafted(terms("A1"));
    let no_cap = AssetReadiness {
        fee_cap: None,
        ..asset()
    };
    assert_eq!(
        code(grant.submit(&applicant(), at(1, 6), &no_cap)),
        "authorization.missing_fee_cap"
    );
}

#[test]
fn enterprise_data_fee_not_capped() {
    let mut grant = drafted(terms("A1"));
    let enterprise = AssetReadiness {
        category: DataCategory::Enterprise,
        fee_cap: None,
        ..asset()
    };
    assert_eq!(grant.submit(&applicant(), at(1, 6), &enterprise), Ok(()));
}

#[test]
fn applicant_cannot_approve_itself() {
    let mut grant = submitted(terms("A1"));
    let insider = Actor {
        id: "traffic-bureau".into(),
        role: "finance_bureau".into(),
    };
    let error = grant
        .approve(&insider, at(1, 20), &asset(), &Policy::default())
        .unwrap_err();
    assert_eq!(error.code(), "authorization.self_approval");
    assert_eq!(error.value(), "traffic-bureau");
    let error = grant
        .reject(&insider, at(1, 20), "不合规", &Policy::default())
        .unwrap_err();
    assert_eq!(error.code(), "authorization.self_approval");
    assert_eq!(grant.state(), AuthorizationState::Submitted);
}

#[test]
fn licensee_cannot_approve() {
    let mut grant = submitted(terms("A1"));
    let licensee = Actor {
        id: "operator".into(),
        role: "finance_bureau".into(),
    };
    assert_eq!(
        code(grant.approve(&licensee, at(1, 20), &asset(), &Policy::default())),
        "authorization.self_approval"
    );
}

#[test]
fn approval_needs_policy_role() {
    let mut grant = submitted(terms("A1"));
    let colleague = Actor {
        id: "bureau-2".into(),
        role: "data_unit".into(),
    };
    let error = grant
        .approve(&colleague, at(1, 20), &asset(), &Policy::default())
        .unwrap_err();
    assert_eq!(error.code(), "authorization.approver_role_required");
    assert_eq!(error.value(), "data_unit");

    let policy = Policy {
        authorization_approver_role: "data_unit".into(),
        ..Policy::default()
    };
    assert_eq!(
        grant.approve(&colleague, at(1, 20), &asset(), &policy),
        Ok(())
    );
}

#[test]
fn approval_rechecks_readiness() {
    let mut grant = submitted(terms("A1"));
    let lapsed = AssetReadiness {
        compliance_review_passed: false,
        ..asset()
    };
    assert_eq!(
        code(grant.approve(&approver(), at(1, 20), &lapsed, &Policy::default())),
        "authorization.missing_compliance_review"
    );
}

#[test]
fn reject_needs_reason_and_ends_workflow() {
    let mut grant = submitted(terms("A1"));
    assert_eq!(
        code(grant.reject(&approver(), at(1, 20), " ", &Policy::default())),
        "authorization.missing_field"
    );
    grant
        .reject(&approver(), at(1, 20), "场景不明确", &Policy::default())
        .unwrap();
    assert_eq!(grant.state(), AuthorizationState::Rejected);
    assert_eq!(grant.history().last().unwrap().note, "场景不明确");
    assert_eq!(
        code(grant.activate(&approver(), at(3, 1))),
        "authorization.illegal_transition"
    );
    assert_eq!(
        code(grant.approve(&approver(), at(1, 21), &asset(), &Policy::default())),
        "authorization.illegal_transition"
    );
}

#[test]
fn illegal_transitions_from_draft() {
    let mut grant = drafted(terms("A1"));
    let policy = Policy::default();
    assert_eq!(
        code(grant.approve(&approver(), at(1, 6), &asset(), &policy)),
        "authorization.illegal_transition"
    );
    assert_eq!(
        code(grant.reject(&approver(), at(1, 6), "x", &policy)),
        "authorization.illegal_transition"
    );
    assert_eq!(
        code(grant.activate(&approver(), at(3, 1))),
        "authorization.illegal_transition"
    );
    assert_eq!(
        code(grant.expire(&approver(), at(3, 1))),
        "authorization.illegal_transition"
    );
    assert_eq!(
        code(grant.revoke(&approver(), at(3, 1), "x", &policy)),
        "authorization.illegal_transition"
    );
    assert_eq!(
        code(grant.terminate(&approver(), at(3, 1), "x")),
        "authorization.illegal_transition"
    );
    let error = grant.activate(&approver(), at(3, 1)).unwrap_err();
    assert_eq!(error.value(), "draft");
}

#[test]
fn step_time_must_not_go_back() {
    let mut grant = drafted(terms("A1"));
    let error = grant.submit(&applicant(), at(1, 4), &asset()).unwrap_err();
    assert_eq!(error.code(), "authorization.time_out_of_order");
    assert_eq!(error.value(), "2026-01-04 09:00:00");
}

#[test]
fn activation_within_term() {
    let mut grant = submitted(terms("A1"));
    grant
        .approve(&approver(), at(1, 20), &asset(), &Policy::default())
        .unwrap();
    assert_eq!(
        code(grant.activate(&approver(), at(2, 28))),
        "authorization.outside_term"
    );
    grant.activate(&approver(), at(3, 1)).unwrap();
    assert_eq!(grant.state(), AuthorizationState::Active);
}

#[test]
fn expiry_after_term_end() {
    let mut grant = active(terms("A1"));
    let last_day = day(12, 31).and_hms_opt(23, 59, 0).unwrap();
    assert_eq!(
        code(grant.expire(&approver(), last_day)),
        "authorization.term_not_ended"
    );
    let next_day = NaiveDate::from_ymd_opt(2027, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    grant.expire(&approver(), next_day).unwrap();
    assert_eq!(grant.state(), AuthorizationState::Expired);
}

#[test]
fn revoke_by_approver_role_with_reason() {
    let mut grant = active(terms("A1"));
    let policy = Policy::default();
    assert_eq!(
        code(grant.revoke(&applicant(), at(6, 1), "违规", &policy)),
        "authorization.approver_role_required"
    );
    assert_eq!(
        code(grant.revoke(&approver(), at(6, 1), "", &policy)),
        "authorization.missing_field"
    );
    grant
        .revoke(&approver(), at(6, 1), "违规使用数据", &policy)
        .unwrap();
    assert_eq!(grant.state(), AuthorizationState::Revoked);
    assert_eq!(
        code(grant.terminate(&applicant(), at(6, 2), "x")),
        "authorization.illegal_transition"
    );
}

#[test]
fn terminate_with_reason() {
    let mut grant = active(terms("A1"));
    let licensee = Actor {
        id: "operator".into(),
        role: "operator".into(),
    };
    assert_eq!(
        code(grant.terminate(&licensee, at(6, 1), " ")),
        "authorization.missing_field"
    );
    grant.terminate(&licensee, at(6, 1), "协议解除").unwrap();
    assert_eq!(grant.state(), AuthorizationState::Terminated);
    let policy = Policy::default();
    assert_eq!(
        code(grant.revoke(&approver(), at(6, 2), "x", &policy)),
        "authorization.illegal_transition"
    );
}

#[test]
fn history_records_each_step() {
    use AuthorizationState::{Active, Approved, Draft, Submitted};
    let grant = active(terms("A1"));
    let steps: Vec<(AuthorizationState, AuthorizationState, &str, NaiveDateTime)> = grant
        .history()
        .iter()
        .map(|s| (s.from, s.to, s.actor.id.as_str(), s.at))
        .collect();
    assert_eq!(
        steps,
        [
            (Draft, Draft, "traffic-bureau", at(1, 5)),
            (Draft, Submitted, "traffic-bureau", at(1, 6)),
            (Submitted, Approved, "finance-1", at(1, 20)),
            (Approved, Active, "finance-1", at(3, 1)),
        ]
    );
}

// ---- registry ----

fn registry_with_active(first: AuthorizationTerms) -> AuthorizationRegistry {
    let mut registry = AuthorizationRegistry::default();
    registry.insert(active(first)).unwrap();
    registry
}

fn approve_in(
    registry: &mut AuthorizationRegistry,
    second: AuthorizationTerms,
) -> Result<(), AuthorizationError> {
    let id = second.id.clone();
    registry.insert(drafted(second))?;
    registry.submit(&id, &applicant(), at(1, 6), &asset())?;
    registry.approve(&id, &approver(), at(1, 20), &asset(), &Policy::default())
}

#[test]
fn registry_rejects_duplicate_and_unknown_id() {
    let mut registry = registry_with_active(terms("A1"));
    assert_eq!(
        code(registry.insert(drafted(terms("A1")))),
        "authorization.duplicate_id"
    );
    assert_eq!(
        code(registry.submit("A9", &applicant(), at(1, 6), &asset())),
        "authorization.not_found"
    );
    assert!(registry.get("A1").is_some());
    assert_eq!(registry.grants().count(), 1);
}

#[test]
fn exclusive_whole_blocks_any_scope() {
    let mut whole = terms("A1");
    whole.mode = AuthorizationMode::Whole;
    whole.exclusive = true;
    let mut registry = registry_with_active(whole);
    let error = approve_in(&mut registry, terms("A2")).unwrap_err();
    assert_eq!(error.code(), "authorization.exclusive_conflict");
    assert_eq!(error.value(), "A2");
    assert_eq!(
        registry.get("A2").unwrap().state(),
        AuthorizationState::Submitted
    );
}

#[test]
fn exclusive_blocked_by_existing_grant() {
    let mut registry = registry_with_active(terms("A1"));
    let mut second = terms("A2");
    second.exclusive = true;
    assert_eq!(
        code(approve_in(&mut registry, second)),
        "authorization.exclusive_conflict"
    );
}

#[test]
fn exclusive_same_domain_conflicts() {
    let mut first = terms("A1");
    first.mode = AuthorizationMode::Domain("交通".into());
    first.exclusive = true;
    let mut registry = registry_with_active(first);
    let mut same = terms("A2");
    same.mode = AuthorizationMode::Domain("交通".into());
    assert_eq!(
        code(approve_in(&mut registry, same)),
        "authorization.exclusive_conflict"
    );
    let mut other = terms("A3");
    other.mode = AuthorizationMode::Domain("水利".into());
    assert_eq!(approve_in(&mut registry, other), Ok(()));
    let mut scenario = terms("A4");
    scenario.mode = AuthorizationMode::Scenario("交通".into());
    assert_eq!(approve_in(&mut registry, scenario), Ok(()));
}

#[test]
fn exclusive_disjoint_terms_allowed() {
    let mut first = terms("A1");
    first.exclusive = true;
    first.term = Term {
        start: day(3, 1),
        end: day(6, 30),
    };
    let mut registry = registry_with_active(first);
    let mut later = terms("A2");
    later.exclusive = true;
    later.term = Term {
        start: day(7, 1),
        end: day(12, 31),
    };
    assert_eq!(approve_in(&mut registry, later), Ok(()));
}

#[test]
fn non_exclusive_grants_coexist() {
    let mut registry = registry_with_active(terms("A1"));
    assert_eq!(approve_in(&mut registry, terms("A2")), Ok(()));
}

#[test]
fn exclusive_other_asset_allowed() {
    let mut first = terms("A1");
    first.exclusive = true;
    let mut registry = registry_with_active(first);
    let mut other = terms("A2");
    other.asset_id = "GL-009".into();
    let id = other.id.clone();
    registry.insert(drafted(other)).unwrap();
    let facts = AssetReadiness {
        asset_id: "GL-009".into(),
        ..asset()
    };
    registry
        .submit(&id, &applicant(), at(1, 6), &facts)
        .unwrap();
    assert_eq!(
        registry.approve(&id, &approver(), at(1, 20), &facts, &Policy::default()),
        Ok(())
    );
}

#[test]
fn ended_grant_no_longer_blocks() {
    let mut first = terms("A1");
    first.exclusive = true;
    let mut registry = registry_with_active(first);
    registry
        .terminate("A1", &applicant(), at(3, 2), "协议解除")
        .unwrap();
    assert_eq!(approve_in(&mut registry, terms("A2")), Ok(()));
    registry.activate("A2", &approver(), at(3, 3)).unwrap();
    assert_eq!(
        registry.get("A2").unwrap().state(),
        AuthorizationState::Active
    );
}

// ---- random workflow paths ----

#[derive(Debug, Clone)]
enum Action {
    Submit,
    Approve,
    Reject,
    Activate,
    Expire,
    Revoke,
    Terminate,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Submit),
        Just(Action::Approve),
        Just(Action::Reject),
        Just(Action::Activate),
        Just(Action::Expire),
        Just(Action::Revoke),
        Just(Action::Terminate),
    ]
}

fn actor() -> impl Strategy<Value = Actor> {
    let ids = prop_oneof![
        Just("traffic-bureau"),
        Just("operator"),
        Just("finance-1"),
        Just("finance-2")
    ];
    let roles = prop_oneof![Just("finance_bureau"), Just("data_unit")];
    (ids, roles).prop_map(|(id, role)| Actor {
        id: id.into(),
        role: role.into(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn applicant_never_decides_own_application(
        steps in proptest::collection::vec((action(), actor(), 0u32..400), 1..12),
    ) {
        let policy = Policy::default();
        let mut grant = drafted(terms("A1"));
        let start = at(1, 5);
        for (action, actor, offset) in steps {
            let when = start + chrono::Duration::days(i64::from(offset));
            let _ = match action {
                Action::Submit => grant.submit(&actor, when, &asset()),
                Action::Approve => grant.approve(&actor, when, &asset(), &policy),
                Action::Reject => grant.reject(&actor, when, "理由", &policy),
                Action::Activate => grant.activate(&actor, when),
                Action::Expire => grant.expire(&actor, when),
                Action::Revoke => grant.revoke(&actor, when, "理由", &policy),
                Action::Terminate => grant.terminate(&actor, when, "理由"),
            };
        }
        for step in grant.history() {
            if matches!(step.to, AuthorizationState::Approved | AuthorizationState::Rejected) {
                prop_assert_ne!(&step.actor.id, &grant.applicant().id);
                prop_assert_ne!(&step.actor.id, &grant.terms().licensee);
                prop_assert_eq!(&step.actor.role, &policy.authorization_approver_role);
            }
        }
        for pair in grant.history().windows(2) {
            prop_assert!(pair[0].at <= pair[1].at);
            prop_assert_eq!(pair[0].to, pair[1].from);
        }
    }
}

#[test]
fn authorization_json_round_trip() {
    let grant = active(terms("A1"));
    let text = serde_json::to_string(&grant).unwrap();
    assert!(
        text.contains(r#""mode":{"mode":"scenario","name":"智慧停车"}"#),
        "{text}"
    );
    let back: Authorization = serde_json::from_str(&text).unwrap();
    assert_eq!(back, grant);
}

#[test]
fn registry_revokes_and_expires() {
    let mut registry = registry_with_active(terms("A1"));
    registry.insert(active(terms("A2"))).unwrap();
    let policy = Policy::default();
    assert_eq!(
        code(registry.revoke("A9", &approver(), at(6, 1), "违规", &policy)),
        "authorization.not_found"
    );
    registry
        .revoke("A1", &approver(), at(6, 1), "违规使用数据", &policy)
        .unwrap();
    assert_eq!(
        registry.get("A1").unwrap().state(),
        AuthorizationState::Revoked
    );
    let next_year = NaiveDate::from_ymd_opt(2027, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    registry.expire("A2", &approver(), next_year).unwrap();
    assert_eq!(
        registry.get("A2").unwrap().state(),
        AuthorizationState::Expired
    );
}

#[test]
fn registry_checks_inserted_live_grant() {
    let mut first = terms("A1");
    first.exclusive = true;
    let mut registry = registry_with_active(first);
    assert_eq!(
        code(registry.insert(active(terms("A2")))),
        "authorization.exclusive_conflict"
    );
    assert!(registry.get("A2").is_none());
    assert_eq!(registry.insert(drafted(terms("A3"))), Ok(()));
}
