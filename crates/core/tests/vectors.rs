//! Runs the language-neutral test vectors of `tests/vectors/` against the core crate.
//!
//! Every file holds one family of cases; `tests/vectors/README.md` gives the format. A family
//! this runner does not know fails the run, so a new file cannot be skipped silently. Each
//! handler turns a case's `input` into the canonical output described in the README, and the
//! runner checks that the expected value is contained in that output (objects by key, arrays
//! element by element with equal lengths, everything else by equality).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use data_assets_core::ErrorDetail;
use data_assets_core::accounting::{Event, Journal, Line, VatStatus};
use data_assets_core::amortization::{ScheduleBasis, schedule, stop_at_disposal};
use data_assets_core::calendar::{Calendar, quarterly_report_deadline};
use data_assets_core::entity::{EntityKind, validate_uscc};
use data_assets_core::money::{Amount, Ratio, allocate};
use data_assets_core::policy::Policy;
use data_assets_core::recognition::{RecognitionFacts, recognize};
use data_assets_core::registration::{
    Certificate, CertificateNumber, EnterpriseCard, GovernmentCard, InfoCard, canonical_json,
    check_character, fingerprint, parse_card_json, verify,
};
use data_assets_core::revenue::{SplitRule, split_receipt};
use data_assets_core::trading::valuation::{
    CostApproachInput, IncomeApproachInput, MarketApproachInput, cost_approach, income_approach,
    market_approach,
};

/// Output of a handler: the canonical output, or the stable code of the error returned.
type Outcome = Result<Value, String>;

/// A family's handler: canonical output of one case's input.
type Handler = fn(&Value) -> Outcome;

/// Families this runner knows, with their handlers.
const FAMILIES: &[(&str, Handler)] = &[
    ("allocation", allocation),
    ("amortization", amortization),
    ("posting_government", posting),
    ("posting_enterprise", posting),
    ("recognition", recognition),
    ("certificate", certificate),
    ("revenue_split", revenue_split),
    ("valuation", valuation),
    ("calendar", calendar),
    ("uscc", uscc),
];

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

#[test]
fn vectors_all_families_pass() {
    let mut files: Vec<PathBuf> = fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no vector files in {}",
        vectors_dir().display()
    );

    let mut failures = Vec::new();
    let mut total = 0;
    for path in &files {
        let text = fs::read_to_string(path).expect("readable vector file");
        let file: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", path.display()));
        let family = file["family"].as_str().unwrap_or_default();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert_eq!(
            family,
            stem,
            "{}: family must match the file name",
            path.display()
        );
        let Some((_, handler)) = FAMILIES.iter().find(|(name, _)| *name == family) else {
            panic!("{}: unknown family {family:?}", path.display());
        };
        let cases = file["cases"].as_array().expect("cases is an array");
        for case in cases {
            total += 1;
            if let Err(message) = run_case(*handler, case) {
                let name = case["name"].as_str().unwrap_or("?");
                failures.push(format!("{family}/{name}: {message}"));
            }
        }
    }
    assert!(
        total >= 40,
        "only {total} vector cases; at least 40 are required"
    );
    assert!(
        failures.is_empty(),
        "{} of {total} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn vectors_case_names_unique() {
    let mut seen = BTreeSet::new();
    for entry in fs::read_dir(vectors_dir()).expect("tests/vectors exists") {
        let path = entry.expect("readable directory entry").path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let file: Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("readable")).expect("JSON");
        for case in file["cases"].as_array().expect("cases") {
            let name = case["name"]
                .as_str()
                .expect("every case has a name")
                .to_owned();
            let key = format!("{}/{name}", file["family"]);
            assert!(seen.insert(key.clone()), "duplicate case {key}");
        }
    }
}

fn run_case(handler: Handler, case: &Value) -> Result<(), String> {
    let outcome = handler(&case["input"]);
    match (case.get("expected"), case.get("expected_error")) {
        (Some(expected), None) => match outcome {
            Ok(actual) => contains(&actual, expected, "$"),
            Err(code) => Err(format!("expected success, got error {code}")),
        },
        (None, Some(Value::String(code))) => match outcome {
            Ok(actual) => Err(format!("expected error {code}, got {actual}")),
            Err(actual) if actual == *code => Ok(()),
            Err(actual) => Err(format!("expected error {code}, got {actual}")),
        },
        _ => Err("a case has exactly one of expected and expected_error".into()),
    }
}

/// Checks that `expected` is contained in `actual`; `path` names the place for the message.
fn contains(actual: &Value, expected: &Value, path: &str) -> Result<(), String> {
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => {
            for (key, want) in expected {
                let Some(got) = actual.get(key) else {
                    return Err(format!("{path}.{key}: missing from output"));
                };
                contains(got, want, &format!("{path}.{key}"))?;
            }
            Ok(())
        }
        (Value::Array(actual), Value::Array(expected)) => {
            if actual.len() != expected.len() {
                return Err(format!(
                    "{path}: {} elements, expected {}: {}",
                    actual.len(),
                    expected.len(),
                    Value::Array(actual.clone())
                ));
            }
            for (index, (got, want)) in actual.iter().zip(expected).enumerate() {
                contains(got, want, &format!("{path}[{index}]"))?;
            }
            Ok(())
        }
        _ if actual == expected => Ok(()),
        _ => Err(format!("{path}: got {actual}, expected {expected}")),
    }
}

/// Deserializes `value` into an input type; a malformed vector is a bug in the vector file.
fn parse<T: DeserializeOwned>(value: &Value, what: &str) -> T {
    serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("malformed {what}: {e}"))
}

fn code_of(error: &impl ErrorDetail) -> String {
    error.code().to_owned()
}

fn policy_of(input: &Value) -> Policy {
    input
        .get("policy")
        .map_or_else(Policy::default, |p| parse(p, "policy"))
}

fn date_of(value: &Value, what: &str) -> NaiveDate {
    parse(value, what)
}

fn allocation(input: &Value) -> Outcome {
    let total: Amount = parse(&input["total"], "total");
    let weights: Vec<Decimal> = parse(&input["weights"], "weights");
    let shares = allocate(total, &weights).map_err(|e| code_of(&e))?;
    Ok(json!({ "shares": shares.iter().map(ToString::to_string).collect::<Vec<_>>() }))
}

fn amortization(input: &Value) -> Outcome {
    let basis: ScheduleBasis = parse(&input["basis"], "basis");
    let policy = policy_of(input);
    let mut periods = schedule(&basis, &policy).map_err(|e| code_of(&e))?;
    if let Some(disposal) = input.get("disposal") {
        periods = stop_at_disposal(
            &periods,
            date_of(disposal, "disposal"),
            policy.month_convention,
        );
    }
    let total = Amount::sum(periods.iter().map(|p| p.amount)).map_err(|e| code_of(&e))?;
    let period = |p: &data_assets_core::amortization::AmortizationPeriod| {
        json!({
            "period": p.period.format("%Y-%m").to_string(),
            "amount": p.amount.to_string(),
            "accumulated": p.accumulated.to_string(),
            "carrying_amount": p.carrying_amount.to_string(),
        })
    };
    Ok(json!({
        "count": periods.len(),
        "total": total.to_string(),
        "first": periods.first().map_or(Value::Null, period),
        "last": periods.last().map_or(Value::Null, period),
        "amounts": periods.iter().map(|p| p.amount.to_string()).collect::<Vec<_>>(),
    }))
}

/// Canonical form of voucher lines: `{"dr"|"cr": code, "name", "amount"}`, debits first, then by
/// account code, name and amount.
fn lines_of(lines: &[Line]) -> Vec<Value> {
    let mut rows: Vec<(u8, String, String, Decimal, String)> = lines
        .iter()
        .flat_map(|line| {
            let mut rows = Vec::new();
            if !line.debit.is_zero() {
                rows.push((
                    0,
                    line.account_code.clone(),
                    line.account_name.clone(),
                    line.debit,
                ));
            }
            if !line.credit.is_zero() {
                rows.push((
                    1,
                    line.account_code.clone(),
                    line.account_name.clone(),
                    line.credit,
                ));
            }
            rows
        })
        .map(|(side, code, name, amount)| (side, code, name, amount.value(), amount.to_string()))
        .collect();
    rows.sort();
    rows.into_iter()
        .map(|(side, code, name, _, amount)| {
            let mut object = Map::new();
            object.insert((if side == 0 { "dr" } else { "cr" }).into(), code.into());
            object.insert("name".into(), name.into());
            object.insert("amount".into(), amount.into());
            Value::Object(object)
        })
        .collect()
}

fn posting(input: &Value) -> Outcome {
    let kind: EntityKind = parse(&input["entity_kind"], "entity_kind");
    let vat: VatStatus = input
        .get("vat")
        .map_or(VatStatus::NotTaxpayer, |v| parse(v, "vat"));
    let events: Vec<Event> = parse(&input["events"], "events");
    let mut journal = Journal::new(kind, policy_of(input), vat);
    let mut vouchers = Vec::new();
    for event in &events {
        let voucher = journal.post(event).map_err(|e| code_of(&e))?;
        assert!(
            voucher.is_balanced(),
            "voucher {} does not balance",
            voucher.id
        );
        vouchers.push(json!({
            "id": voucher.id,
            "financial": lines_of(&voucher.financial),
            "budget": lines_of(&voucher.budget),
        }));
    }
    Ok(json!({ "vouchers": vouchers, "posted": journal.posted().len() }))
}

fn recognition(input: &Value) -> Outcome {
    let kind: EntityKind = parse(&input["entity_kind"], "entity_kind");
    let facts: RecognitionFacts = parse(&input["facts"], "facts");
    let result = recognize(&facts, kind, &policy_of(input)).map_err(|e| code_of(&e))?;
    let findings: Map<String, Value> = result
        .findings
        .iter()
        .map(|f| (f.criterion.code().to_owned(), f.status.code().into()))
        .collect();
    Ok(json!({
        "outcome": result.outcome.code(),
        "booking_status": result.booking_status.code(),
        "capitalizable_amount": result.capitalizable_amount.to_string(),
        "findings": findings,
    }))
}

fn certificate(input: &Value) -> Outcome {
    let first_code = |problems: Vec<data_assets_core::registration::RegistrationError>| {
        problems
            .first()
            .map_or_else(|| "registration.unknown".into(), code_of)
    };
    match input["op"].as_str().unwrap_or_default() {
        "number" => {
            let region: String = parse(&input["region_code"], "region_code");
            let number = CertificateNumber::new(
                &region,
                parse(&input["year"], "year"),
                parse(&input["sequence"], "sequence"),
            )
            .map_err(|e| code_of(&e))?;
            Ok(json!({ "number": number.to_string() }))
        }
        "check_character" => {
            let digits: String = parse(&input["digits"], "digits");
            Ok(json!({ "check": check_character(&digits).map(String::from) }))
        }
        "parse_number" => {
            let text: String = parse(&input["number"], "number");
            let number: CertificateNumber = text.parse().map_err(|e| code_of(&e))?;
            Ok(json!({
                "region_code": number.region_code(),
                "year": number.year(),
                "sequence": number.sequence(),
            }))
        }
        "fingerprint" => match input["card_kind"].as_str().unwrap_or_default() {
            "government" => fingerprint_of::<GovernmentCard>(input).map_err(first_code),
            _ => fingerprint_of::<EnterpriseCard>(input).map_err(first_code),
        },
        "issue_and_verify" => match input["card_kind"].as_str().unwrap_or_default() {
            "government" => issue_and_verify::<GovernmentCard>(input),
            _ => issue_and_verify::<EnterpriseCard>(input),
        },
        other => panic!("unknown certificate op {other:?}"),
    }
}

fn fingerprint_of<C: InfoCard>(
    input: &Value,
) -> Result<Value, Vec<data_assets_core::registration::RegistrationError>> {
    let card: C = parse_card_json(&input["card"].to_string())?;
    Ok(json!({ "canonical_json": canonical_json(&card), "fingerprint": fingerprint(&card) }))
}

/// Merges the keys of `patch` into a copy of `base` (one level deep).
fn patched(base: &Value, patch: Option<&Value>) -> Value {
    let mut value = base.clone();
    if let (Some(Value::Object(patch)), Value::Object(target)) = (patch, &mut value) {
        for (key, item) in patch {
            target.insert(key.clone(), item.clone());
        }
    }
    value
}

/// Issues a certificate for `card`, applies `certificate_changes` and `card_changes`, and
/// verifies the result.
fn issue_and_verify<C: InfoCard>(input: &Value) -> Outcome {
    let card: C = parse_card_json(&input["card"].to_string())
        .map_err(|p| p.first().map_or_else(String::new, code_of))?;
    let number: String = parse(&input["number"], "number");
    let number: CertificateNumber = number.parse().map_err(|e| code_of(&e))?;
    let issued = Certificate::issue(&number, &card, date_of(&input["issued_on"], "issued_on"))
        .map_err(|p| p.first().map_or_else(String::new, code_of))?;
    let issued = patched(
        &serde_json::to_value(&issued).expect("certificate serializes"),
        input.get("certificate_changes"),
    );
    let issued: Certificate = parse(&issued, "changed certificate");
    let presented = patched(&input["card"], input.get("card_changes"));
    let presented: C = parse_card_json(&presented.to_string())
        .map_err(|p| p.first().map_or_else(String::new, code_of))?;
    verify(&issued, &presented).map_err(|e| code_of(&e))?;
    Ok(json!({ "verified": true, "number": issued.number }))
}

fn revenue_split(input: &Value) -> Outcome {
    let gross: Amount = parse(&input["gross"], "gross");
    let rate: Ratio = parse(&input["rate"], "rate");
    let rule: SplitRule = parse(&input["rule"], "rule");
    let outcome = split_receipt(gross, rate, &rule, &policy_of(input)).map_err(|e| code_of(&e))?;
    let shares: Vec<Value> = outcome
        .shares
        .iter()
        .map(|share| {
            json!({
                "name": share.party.name,
                "amount": share.amount.to_string(),
                "routing": serde_json::to_value(share.routing).expect("routing serializes"),
            })
        })
        .collect();
    Ok(json!({
        "net": outcome.vat.net.to_string(),
        "vat": outcome.vat.vat.to_string(),
        "shares": shares,
    }))
}

fn valuation(input: &Value) -> Outcome {
    let trading = |e: data_assets_core::trading::TradingError| code_of(&e);
    match input["approach"].as_str().unwrap_or_default() {
        "cost" => {
            let result = cost_approach(&parse::<CostApproachInput>(&input["input"], "cost input"))
                .map_err(trading)?;
            Ok(json!({
                "replacement_cost": result.replacement_cost.to_string(),
                "adjustment_factor": result.adjustment_factor.normalize().to_string(),
                "value": result.value.to_string(),
            }))
        }
        "income" => {
            let result = income_approach(&parse::<IncomeApproachInput>(
                &input["input"],
                "income input",
            ))
            .map_err(trading)?;
            Ok(json!({
                "incomes": result.periods.iter().map(|p| decimal_text(p.income.value())).collect::<Vec<_>>(),
                "value": result.value.to_string(),
            }))
        }
        "market" => {
            let result = market_approach(&parse::<MarketApproachInput>(
                &input["input"],
                "market input",
            ))
            .map_err(trading)?;
            Ok(json!({ "value": result.value.to_string() }))
        }
        other => panic!("unknown valuation approach {other:?}"),
    }
}

/// Renders a full-precision decimal without trailing zeros, but with at least two decimals.
fn decimal_text(value: Decimal) -> String {
    let mut value = value.normalize();
    if value.scale() < 2 {
        value.rescale(2);
    }
    value.to_string()
}

fn calendar(input: &Value) -> Outcome {
    let calendar = Calendar::official();
    let region: Option<String> = input.get("region").map(|r| parse(r, "region"));
    let region = region.as_deref();
    let error = |e: data_assets_core::calendar::CalendarError| code_of(&e);
    match input["op"].as_str().unwrap_or_default() {
        "quarterly_deadline" => {
            let date = quarterly_report_deadline(
                &calendar,
                parse(&input["year"], "year"),
                parse(&input["quarter"], "quarter"),
                region,
            )
            .map_err(error)?;
            Ok(json!({ "date": date.to_string() }))
        }
        "add_working_days" => {
            let date = calendar
                .add_working_days(
                    date_of(&input["from"], "from"),
                    parse(&input["days"], "days"),
                    region,
                )
                .map_err(error)?;
            Ok(json!({ "date": date.to_string() }))
        }
        "is_working_day" => {
            let working = calendar
                .is_working_day(date_of(&input["date"], "date"), region)
                .map_err(error)?;
            Ok(json!({ "working": working }))
        }
        "working_days_between" => {
            let days = calendar
                .working_days_between(
                    date_of(&input["from"], "from"),
                    date_of(&input["to"], "to"),
                    region,
                )
                .map_err(error)?;
            Ok(json!({ "days": days }))
        }
        other => panic!("unknown calendar op {other:?}"),
    }
}

fn uscc(input: &Value) -> Outcome {
    let text: String = parse(&input["text"], "text");
    let code = validate_uscc(&text).map_err(|e| code_of(&e))?;
    Ok(json!({
        "prefix": code.prefix(),
        "region_code": code.region_code().as_str(),
        "organization_code": code.organization_code(),
    }))
}
