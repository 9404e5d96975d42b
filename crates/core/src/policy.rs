//! Jurisdiction-dependent numbers and switches, with documented defaults for Guangxi.
//!
//! A [`Policy`] loads from JSON (unknown fields are rejected, missing ones take the default), so
//! a finance bureau can change a threshold without a rebuild.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::ErrorDetail;
use crate::money::{Amount, Ratio, RoundingRule};

/// When monthly amortization starts and stops.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MonthConvention {
    /// Amortize from the month the asset is ready for use; none in the month it leaves. This is
    /// the same-month rule of the 政府会计准则第3号 application guide (财会〔2017〕4号) for fixed
    /// assets, which common practice applies to intangibles under both frameworks.
    #[default]
    SameMonth,
    /// Amortize from the month after the asset is ready for use; amortize in the month it leaves.
    NextMonth,
}

/// How a 事业单位 treats licence fees for its data assets.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionFeeTreatment {
    /// Remit to the treasury through 2103 应缴财政款 (the conservative reading, since 财资〔2024〕1号
    /// leaves retention to local finance rules).
    #[default]
    Remit,
    /// Keep as 4101 事业收入 (core professional activity), with budget 6101.
    RetainAsCoreRevenue,
    /// Keep as 4401 经营收入 (non-independent business activity), with budget 6401.
    RetainAsBusinessRevenue,
    /// Keep as 4609 其他收入, with budget 6609.
    RetainAsOtherRevenue,
}

/// Every number and switch a jurisdiction may change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    /// Unit price below which a government non-bulk purchase of an intangible may be expensed in
    /// full (政府会计准则第4号 art. 17 and the note on account 1701 of 政府会计制度): 1000 yuan.
    pub low_value_threshold: Amount,
    /// Start and stop month of amortization; default [`MonthConvention::SameMonth`].
    pub month_convention: MonthConvention,
    /// Rounding of every booked amount; default 四舍五入 to the fen.
    pub rounding: RoundingRule,
    /// VAT rate of a general taxpayer selling modern services or intangibles other than land-use
    /// rights: 6% (财税〔2016〕36号 as amended).
    pub vat_general_rate: Ratio,
    /// VAT levy rate of a small-scale taxpayer: 3% (财税〔2016〕36号).
    pub vat_small_scale_rate: Ratio,
    /// Reduced small-scale levy rate: 1% (财政部 税务总局公告2023年第19号).
    pub vat_small_scale_reduced_rate: Ratio,
    /// Last day the reduced small-scale rate applies: 2027-12-31 (same notice).
    pub vat_small_scale_reduced_until: NaiveDate,
    /// Cap on an SOE's pledge as a share of the appraised value of the pledged data asset.
    ///
    /// NOTE: no regulation sets this number; 0.5 is a prudential default, and the risk rule only
    /// flags a breach.
    pub pledge_ratio_cap: Ratio,
    /// Role that must approve an authorized-operation application (授权运营审批).
    pub authorization_approver_role: String,
    /// Treatment of licence fees received by a 事业单位.
    pub institution_fee_treatment: InstitutionFeeTreatment,
    /// Regional holidays, such as Guangxi's 壮族三月三, added to the national working-day
    /// calendar for the regions they cover. None are loaded by default, because the regional
    /// dates must be confirmed before deadlines count them.
    pub regional_holidays: Vec<crate::calendar::RegionalSchedule>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            low_value_threshold: Amount::from_fen(100_000),
            month_convention: MonthConvention::SameMonth,
            rounding: RoundingRule::HalfUp,
            vat_general_rate: Ratio::new(Decimal::new(6, 2)).unwrap_or(Ratio::ZERO),
            vat_small_scale_rate: Ratio::new(Decimal::new(3, 2)).unwrap_or(Ratio::ZERO),
            vat_small_scale_reduced_rate: Ratio::new(Decimal::new(1, 2)).unwrap_or(Ratio::ZERO),
            vat_small_scale_reduced_until: NaiveDate::from_ymd_opt(2027, 12, 31)
                .unwrap_or(NaiveDate::MIN),
            pledge_ratio_cap: Ratio::new(Decimal::new(5, 1)).unwrap_or(Ratio::ZERO),
            authorization_approver_role: "finance_bureau".to_owned(),
            institution_fee_treatment: InstitutionFeeTreatment::Remit,
            regional_holidays: Vec::new(),
        }
    }
}

/// A policy value outside what its rule allows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("policy field {field} = {value:?} is invalid: allowed {allowed}")]
pub struct PolicyError {
    /// Name of the field, such as `low_value_threshold`.
    pub field: String,
    /// Rejected value.
    pub value: String,
    /// Description of the values the field accepts.
    pub allowed: String,
}

impl ErrorDetail for PolicyError {
    fn code(&self) -> &'static str {
        "policy.invalid_value"
    }
    fn field(&self) -> &str {
        &self.field
    }
    fn value(&self) -> &str {
        &self.value
    }
    fn allowed(&self) -> &str {
        &self.allowed
    }
}

impl Policy {
    /// Checks every field against its rule and returns all the fields that break one.
    ///
    /// The threshold is an amount of zero or more in whole fen, because 政府会计准则第4号
    /// art. 17 names a unit price. Tax rates and the pledge cap are shares of at most 1, since a
    /// rate above 100% or a pledge above the appraised value has no meaning. The approver role
    /// is not blank, because the authorization workflow compares it with the actor's role.
    ///
    /// # Errors
    ///
    /// One [`PolicyError`] per invalid field, in field order.
    pub fn validate(&self) -> Result<(), Vec<PolicyError>> {
        let mut errors = Vec::new();
        let threshold = self.low_value_threshold;
        if threshold.is_negative() || threshold.require_fen("low_value_threshold").is_err() {
            errors.push(PolicyError {
                field: "low_value_threshold".into(),
                value: threshold.to_string(),
                allowed: "an amount of zero or more in whole fen, such as 1000.00".into(),
            });
        }
        for (field, ratio) in [
            ("vat_general_rate", self.vat_general_rate),
            ("vat_small_scale_rate", self.vat_small_scale_rate),
            (
                "vat_small_scale_reduced_rate",
                self.vat_small_scale_reduced_rate,
            ),
            ("pledge_ratio_cap", self.pledge_ratio_cap),
        ] {
            if ratio.value() > Decimal::ONE {
                errors.push(PolicyError {
                    field: field.into(),
                    value: ratio.to_string(),
                    allowed: "a share from 0 to 1, such as 0.06 for 6%".into(),
                });
            }
        }
        if crate::text::is_blank(&self.authorization_approver_role) {
            errors.push(PolicyError {
                field: "authorization_approver_role".into(),
                value: self.authorization_approver_role.clone(),
                allowed: "the role that approves authorizations, such as finance_bureau".into(),
            });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_threshold_is_one_thousand_yuan() {
        assert_eq!(Policy::default().low_value_threshold.to_string(), "1000.00");
    }

    #[test]
    fn default_vat_rates() {
        let policy = Policy::default();
        assert_eq!(policy.vat_general_rate.value(), Decimal::new(6, 2));
        assert_eq!(
            policy.vat_small_scale_reduced_rate.value(),
            Decimal::new(1, 2)
        );
    }

    #[test]
    fn loads_partial_json_with_defaults() {
        let policy: Policy = serde_json::from_str(r#"{"low_value_threshold": "500"}"#).unwrap();
        assert_eq!(policy.low_value_threshold.to_string(), "500.00");
        assert_eq!(policy.rounding, RoundingRule::HalfUp);
    }

    #[test]
    fn rejects_unknown_field() {
        let result = serde_json::from_str::<Policy>(r#"{"low_value_treshold": "500"}"#);
        assert!(result.is_err());
    }

    #[test]
    fn default_policy_is_valid() {
        assert_eq!(Policy::default().validate(), Ok(()));
    }

    #[test]
    fn validate_lists_every_bad_field() {
        let policy: Policy = serde_json::from_str(
            r#"{"low_value_threshold": "-1", "vat_general_rate": "1.06",
                "pledge_ratio_cap": "2", "authorization_approver_role": " "}"#,
        )
        .unwrap();
        let errors = policy.validate().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "low_value_threshold",
                "vat_general_rate",
                "pledge_ratio_cap",
                "authorization_approver_role"
            ]
        );
        assert_eq!(errors[0].code(), "policy.invalid_value");
        assert_eq!(errors[0].value(), "-1.00");
    }

    #[test]
    fn zero_threshold_and_unit_rate_valid() {
        let policy: Policy =
            serde_json::from_str(r#"{"low_value_threshold": "0", "vat_general_rate": "1"}"#)
                .unwrap();
        assert_eq!(policy.validate(), Ok(()));
    }
}
