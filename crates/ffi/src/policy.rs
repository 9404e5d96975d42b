//! Policy: the numbers and switches a jurisdiction may change, with the Guangxi defaults.

use chrono::NaiveDate;
use data_assets_core::calendar::{HolidayRange, RegionalSchedule};
use data_assets_core::money::{Amount, Ratio, RoundingRule};
use data_assets_core::policy::{InstitutionFeeTreatment, MonthConvention, Policy};

use crate::error::{ConversionError, DataAssetsError};

/// When monthly amortization starts and stops.
#[uniffi::remote(Enum)]
pub enum MonthConvention {
    /// From the month the asset is ready for use; none in the month it leaves.
    SameMonth,
    /// From the month after the asset is ready for use; amortize in the month it leaves.
    NextMonth,
}

/// How a 事业单位 treats licence fees for its data assets.
#[uniffi::remote(Enum)]
pub enum InstitutionFeeTreatment {
    /// Remit to the treasury through 2103 应缴财政款.
    Remit,
    /// Keep as 4101 事业收入, with budget 6101.
    RetainAsCoreRevenue,
    /// Keep as 4401 经营收入, with budget 6401.
    RetainAsBusinessRevenue,
    /// Keep as 4609 其他收入, with budget 6609.
    RetainAsOtherRevenue,
}

/// Every number and switch a jurisdiction may change.
#[uniffi::remote(Record)]
pub struct Policy {
    /// Unit price below which a government purchase of an intangible may be expensed in full
    /// (政府会计准则第4号 art. 17): 1000 yuan.
    pub low_value_threshold: Amount,
    /// Start and stop month of amortization.
    pub month_convention: MonthConvention,
    /// Rounding of every booked amount; 四舍五入 to the fen by default.
    pub rounding: RoundingRule,
    /// VAT rate of a general taxpayer for modern services and intangibles: 0.06.
    pub vat_general_rate: Ratio,
    /// VAT levy rate of a small-scale taxpayer: 0.03.
    pub vat_small_scale_rate: Ratio,
    /// Reduced small-scale levy rate: 0.01.
    pub vat_small_scale_reduced_rate: Ratio,
    /// Last day the reduced small-scale rate applies: 2027-12-31.
    pub vat_small_scale_reduced_until: NaiveDate,
    /// Cap on an SOE's pledge as a share of the appraised value (a prudential default of 0.5).
    pub pledge_ratio_cap: Ratio,
    /// Role that must approve an authorized-operation application.
    pub authorization_approver_role: String,
    /// Treatment of licence fees received by a 事业单位.
    pub institution_fee_treatment: InstitutionFeeTreatment,
    /// Regional holiday schedules, such as Guangxi's 壮族三月三; none by default.
    pub regional_holidays: Vec<RegionalSchedule>,
}

/// A range of consecutive days off.
#[uniffi::remote(Record)]
pub struct HolidayRange {
    /// Name of the holiday as the notice gives it, such as 春节.
    pub name: String,
    /// First day off.
    pub first_day: NaiveDate,
    /// Last day off (included).
    pub last_day: NaiveDate,
}

/// Regional holidays of one region and year, on top of the national schedule.
#[uniffi::remote(Record)]
pub struct RegionalSchedule {
    /// Six-digit administrative division code of the region, such as `450000`.
    pub region_code: String,
    /// Name of the region, such as 广西壮族自治区.
    pub region_name: String,
    /// Calendar year the schedule covers.
    pub year: i32,
    /// Document that sets the regional holidays.
    pub source: String,
    /// Regional holiday ranges.
    pub holidays: Vec<HolidayRange>,
    /// Saturdays and Sundays that are working days in the region because of its holidays.
    pub make_up_working_days: Vec<NaiveDate>,
}

/// Returns the policy with the documented Guangxi defaults.
#[uniffi::export]
pub fn default_policy() -> Policy {
    Policy::default()
}

/// Loads a policy from JSON; missing fields take the default and unknown fields are rejected.
///
/// # Errors
///
/// `ffi.invalid_json` when the text is not JSON, names an unknown field or holds a value of the
/// wrong type; `policy.invalid_value` for each field [`Policy::validate`] rejects, such as a
/// negative threshold.
#[uniffi::export]
pub fn policy_from_json(json: String) -> Result<Policy, DataAssetsError> {
    let allowed =
        "a JSON object with fields of Policy in snake_case; missing fields take the default";
    let policy: Policy = serde_json::from_str(&json)
        .map_err(|error| ConversionError::json("policy_json", &error, allowed))?;
    check_policy(&policy)?;
    Ok(policy)
}

/// Rejects a policy that [`Policy::validate`] finds invalid, listing every bad field. Every
/// exported function that takes a policy and can fail calls it first.
pub(crate) fn check_policy(policy: &Policy) -> Result<(), DataAssetsError> {
    policy
        .validate()
        .map_err(|errors| DataAssetsError::all(&errors))
}

/// Writes a policy as JSON that [`policy_from_json`] reads back, with decimals as strings.
///
/// # Errors
///
/// `money.*` when a decimal field of a policy built in Kotlin or Java breaks its rule (such as
/// a negative rate), `ffi.invalid_date` for a date that `chrono` cannot hold. Both are raised
/// while the policy crosses the boundary, before any JSON is written.
#[uniffi::export]
pub fn policy_to_json(policy: Policy) -> Result<String, DataAssetsError> {
    let allowed = "a policy whose fields serialize to JSON";
    serde_json::to_string_pretty(&policy)
        .map_err(|error| ConversionError::json("policy", &error, allowed).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_from_json_keeps_defaults() {
        let policy = policy_from_json(r#"{"low_value_threshold": "500"}"#.into()).unwrap();
        assert_eq!(policy.low_value_threshold.to_string(), "500.00");
        assert_eq!(policy.rounding, RoundingRule::HalfUp);
    }

    #[test]
    fn policy_from_json_rejects_unknown_field() {
        let error = policy_from_json(r#"{"low_value_treshold": "500"}"#.into()).unwrap_err();
        assert_eq!(error.code(), "ffi.invalid_json");
        assert_eq!(error.field(), "policy_json");
        assert!(error.value().contains("low_value_treshold"));
    }

    #[test]
    fn policy_json_round_trips() {
        let json = policy_to_json(default_policy()).unwrap();
        assert!(json.contains(r#""vat_small_scale_reduced_until": "2027-12-31""#));
        assert_eq!(policy_from_json(json).unwrap(), default_policy());
    }

    #[test]
    fn policy_from_json_rejects_negative_threshold() {
        let error = policy_from_json(r#"{"low_value_threshold": "-1"}"#.into()).unwrap_err();
        assert_eq!(error.code(), "policy.invalid_value");
        assert_eq!(error.field(), "low_value_threshold");
        assert_eq!(error.value(), "-1.00");
    }
}
