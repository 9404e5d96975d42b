//! Revenue split (收益分配) and routing of each share.
//!
//! The pilot rule is "谁投入、谁贡献、谁受益" (财资〔2023〕141号, main task 7; 财资〔2024〕167号,
//! pilot content 4): parties share the revenue of a data asset by contract or by what they invested and
//! contributed. Output VAT comes off a tax-inclusive receipt before the split, and every share is
//! exact to the fen by the project's largest-remainder rule ([`crate::money::allocate`]).
//!
//! Routing follows who receives the share: a 行政单位's share is non-tax revenue remitted to the
//! treasury through 2103 应缴财政款 and never its own revenue (财资〔2024〕1号); a 事业单位
//! keeps or remits it as [`Policy::institution_fee_treatment`] sets; an enterprise books revenue.
//!
//! # Errors
//!
//! Every fallible function returns [`RevenueError`], whose variants carry a stable code, the field,
//! the rejected value and what is allowed.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::accounting::{
    AccountingError, AssetBalances, Event, EventKind, PostingContext, Voucher, post_event,
};
use crate::entity::EntityKind;
use crate::error::ErrorDetail;
use crate::money::{Amount, MoneyError, Ratio, allocate};
use crate::policy::{InstitutionFeeTreatment, Policy};

/// Errors of revenue splits.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RevenueError {
    /// A split has no party.
    #[error("split has no party")]
    NoParties,
    /// Agreement ratios do not sum to exactly one.
    #[error("agreement ratios sum to {value}, not 1")]
    RatiosNotOne {
        /// Sum of the ratios.
        value: String,
    },
    /// Two parties share one name.
    #[error("duplicate party {value:?} in {field}")]
    DuplicateParty {
        /// Path of the second occurrence.
        field: String,
        /// Party name.
        value: String,
    },
    /// A party's name is empty.
    #[error("party name is empty in {field}")]
    EmptyPartyName {
        /// Path of the party.
        field: String,
    },
    /// The investment and contribution factor weights do not sum to one.
    #[error("investment and contribution weights sum to {value}, not 1")]
    FactorWeightsNotOne {
        /// Sum of the two weights.
        value: String,
    },
    /// Every party has zero investment where investment carries weight (or zero contribution
    /// where contribution does).
    #[error("every party has zero {field} although {field} carries weight")]
    NoBasis {
        /// `investment` or `contribution`.
        field: String,
    },
    /// The receipt carries output VAT but no party of the split is named to book it.
    #[error("no party {value:?} in the split to book the output VAT")]
    UnknownInvoicingParty {
        /// Name given, empty when none was.
        value: String,
    },
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A share could not be posted under the accounting rules.
    #[error(transparent)]
    Posting(#[from] AccountingError),
}

impl ErrorDetail for RevenueError {
    fn code(&self) -> &'static str {
        match self {
            RevenueError::NoParties => "revenue.no_parties",
            RevenueError::RatiosNotOne { .. } => "revenue.ratios_not_one",
            RevenueError::DuplicateParty { .. } => "revenue.duplicate_party",
            RevenueError::EmptyPartyName { .. } => "revenue.empty_party_name",
            RevenueError::FactorWeightsNotOne { .. } => "revenue.factor_weights_not_one",
            RevenueError::NoBasis { .. } => "revenue.no_basis",
            RevenueError::UnknownInvoicingParty { .. } => "revenue.unknown_invoicing_party",
            RevenueError::Money(inner) => inner.code(),
            RevenueError::Posting(inner) => inner.code(),
        }
    }
    fn field(&self) -> &str {
        match self {
            RevenueError::NoParties => "parties",
            RevenueError::RatiosNotOne { .. } => "parties[].ratio",
            RevenueError::FactorWeightsNotOne { .. } => "investment_weight",
            RevenueError::DuplicateParty { field, .. }
            | RevenueError::EmptyPartyName { field }
            | RevenueError::NoBasis { field } => field,
            RevenueError::UnknownInvoicingParty { .. } => "invoicing_party",
            RevenueError::Money(inner) => inner.field(),
            RevenueError::Posting(inner) => inner.field(),
        }
    }
    fn value(&self) -> &str {
        match self {
            RevenueError::RatiosNotOne { value }
            | RevenueError::UnknownInvoicingParty { value }
            | RevenueError::DuplicateParty { value, .. }
            | RevenueError::FactorWeightsNotOne { value } => value,
            RevenueError::NoParties
            | RevenueError::EmptyPartyName { .. }
            | RevenueError::NoBasis { .. } => "",
            RevenueError::Money(inner) => inner.value(),
            RevenueError::Posting(inner) => inner.value(),
        }
    }
    fn allowed(&self) -> &str {
        match self {
            RevenueError::NoParties => "at least one party",
            RevenueError::RatiosNotOne { .. } => "non-negative ratios that sum to exactly 1",
            RevenueError::DuplicateParty { .. } => "each party once",
            RevenueError::EmptyPartyName { .. } => "a non-empty party name",
            RevenueError::FactorWeightsNotOne { .. } => "two non-negative weights that sum to 1",
            RevenueError::NoBasis { .. } => "at least one party with a positive value",
            RevenueError::UnknownInvoicingParty { .. } => {
                "the name of a party of the split, when the receipt carries VAT"
            }
            RevenueError::Money(inner) => inner.allowed(),
            RevenueError::Posting(inner) => inner.allowed(),
        }
    }
}

crate::vocab! {
    /// VAT status of a unit: the party that receives a gross receipt, or the booking unit
    /// (政府会计制度 account 2101; 企业会计准则 account 2221).
    pub enum VatStatus {
        /// 一般纳税人: general taxpayer, 6% on modern services and intangibles other than
        /// land-use rights (财税〔2016〕36号); input VAT is deductible (进项税额), output VAT is
        /// 销项税额.
        General = ("general", "一般纳税人"),
        /// 小规模纳税人: small-scale taxpayer, 3% levy rate, 1% until 2027-12-31
        /// (财政部 税务总局公告2023年第19号); no input deduction, so input VAT is part of the cost.
        SmallScale = ("small_scale", "小规模纳税人"),
        /// 非增值税纳税人 or exempt: no VAT comes off, any VAT paid is part of the cost, and
        /// charging VAT is an error.
        NotTaxpayer = ("not_taxpayer", "非增值税纳税人"),
    }
}

impl Default for VatStatus {
    /// Returns [`VatStatus::NotTaxpayer`], the status of most government units.
    fn default() -> Self {
        Self::NotTaxpayer
    }
}

/// The VAT rate that applies to a receipt on `date`.
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::policy::Policy;
/// use data_assets_core::revenue::{vat_rate, VatStatus};
/// let day = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
/// assert_eq!(vat_rate(VatStatus::General, day, &Policy::default()).to_string(), "0.06");
/// assert_eq!(vat_rate(VatStatus::SmallScale, day, &Policy::default()).to_string(), "0.01");
/// ```
pub fn vat_rate(status: VatStatus, date: NaiveDate, policy: &Policy) -> Ratio {
    match status {
        VatStatus::General => policy.vat_general_rate,
        VatStatus::SmallScale if date <= policy.vat_small_scale_reduced_until => {
            policy.vat_small_scale_reduced_rate
        }
        VatStatus::SmallScale => policy.vat_small_scale_rate,
        VatStatus::NotTaxpayer => Ratio::ZERO,
    }
}

/// A tax-inclusive receipt separated into its net amount and output VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VatSplit {
    /// Tax-inclusive amount received (含税价).
    pub gross: Amount,
    /// Rate applied.
    pub rate: Ratio,
    /// Amount net of VAT (不含税价) = gross ÷ (1 + rate), rounded to the fen.
    pub net: Amount,
    /// Output VAT (销项税额) = gross − net, so the two always sum to the gross.
    pub vat: Amount,
}

/// Separates output VAT from a tax-inclusive receipt: net = gross ÷ (1 + rate) rounded to the fen
/// with the policy's rounding, VAT = gross − net (增值税暂行条例实施细则 art. 14 and 财税〔2016〕36号 附件1
/// art. 23: 销售额 = 含税销售额 ÷ (1 + 税率)).
///
/// ```
/// use data_assets_core::money::{Amount, Ratio};
/// use data_assets_core::policy::Policy;
/// use data_assets_core::revenue::separate_vat;
/// let split = separate_vat(
///     Amount::from_fen(1_060_000),
///     "0.06".parse::<rust_decimal::Decimal>().map(Ratio::new).unwrap().unwrap(),
///     &Policy::default(),
/// )
/// .unwrap();
/// assert_eq!(split.net.to_string(), "10000.00");
/// assert_eq!(split.vat.to_string(), "600.00");
/// ```
pub fn separate_vat(gross: Amount, rate: Ratio, policy: &Policy) -> Result<VatSplit, RevenueError> {
    gross.require_fen("gross")?;
    let divisor = Decimal::ONE
        .checked_add(rate.value())
        .ok_or_else(|| MoneyError::Overflow {
            field: "rate".into(),
            value: rate.to_string(),
        })?;
    let net = gross.checked_div(divisor)?.round_fen(policy.rounding);
    let vat = gross.checked_sub(net)?;
    Ok(VatSplit {
        gross,
        rate,
        net,
        vat,
    })
}

/// A party that receives a share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Party {
    /// Name of the party, unique within a split.
    pub name: String,
    /// Kind of unit, which decides the routing of its share.
    pub kind: EntityKind,
}

/// One party of an agreement split (协议分成).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AgreementShare {
    /// Receiving party.
    pub party: Party,
    /// Agreed ratio; all ratios of a split sum to exactly one.
    pub ratio: Ratio,
}

/// One party of a contribution-based split (按投入和贡献分配).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ContributionShare {
    /// Receiving party.
    pub party: Party,
    /// Amount the party invested (投入), such as its share of the asset's cost.
    pub investment: Amount,
    /// Contribution score (贡献), such as person-months or an agreed score.
    pub contribution: Ratio,
}

/// Rule that divides a receipt among the parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SplitRule {
    /// Ratios fixed by contract (财资〔2024〕167号: parties may agree reasonable shares).
    Agreement {
        /// Parties in the order of the agreement; on an exact tie of remainders the earlier
        /// party receives the extra fen.
        parties: Vec<AgreementShare>,
    },
    /// "谁投入、谁贡献、谁受益": each party's weight is
    /// `investment_weight × investment_i ÷ Σ investment + (1 − investment_weight) × contribution_i
    /// ÷ Σ contribution`.
    ///
    /// NOTE: the policy documents name the principle, not a formula; this two-factor blend is the
    /// project's reading, with the blend weight set per agreement.
    Contribution {
        /// Weight of investment in the blend, between 0 and 1; contribution gets the rest.
        investment_weight: Ratio,
        /// Parties in the order of the agreement.
        parties: Vec<ContributionShare>,
    },
}

/// Destination of a party's share in its books.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Routing {
    /// Non-tax revenue remitted to the treasury through 2103 应缴财政款 (行政单位, and 事业单位
    /// whose policy sets remit).
    RemitToTreasury,
    /// Kept by a 事业单位 as 4101 事业收入 / 6101 事业预算收入.
    InstitutionCoreRevenue,
    /// Kept by a 事业单位 as 4401 经营收入 / 6401 经营预算收入.
    InstitutionBusinessRevenue,
    /// Kept by a 事业单位 as 4609 其他收入 / 6609 其他预算收入.
    InstitutionOtherRevenue,
    /// Booked as enterprise revenue (6051 其他业务收入 or 6001 主营业务收入, per CAS 14).
    EnterpriseRevenue,
}

/// The routing of a share received by a unit of `kind` under `policy`.
pub fn routing_for(kind: EntityKind, policy: &Policy) -> Routing {
    match kind {
        EntityKind::AdministrativeUnit => Routing::RemitToTreasury,
        EntityKind::PublicInstitution => match policy.institution_fee_treatment {
            InstitutionFeeTreatment::Remit => Routing::RemitToTreasury,
            InstitutionFeeTreatment::RetainAsCoreRevenue => Routing::InstitutionCoreRevenue,
            InstitutionFeeTreatment::RetainAsBusinessRevenue => Routing::InstitutionBusinessRevenue,
            InstitutionFeeTreatment::RetainAsOtherRevenue => Routing::InstitutionOtherRevenue,
        },
        EntityKind::StateOwnedEnterprise | EntityKind::SoeSubsidiary => Routing::EnterpriseRevenue,
    }
}

/// One party's share of a split, with its routing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartyShare {
    /// Receiving party.
    pub party: Party,
    /// Share of the net amount, exact to the fen.
    pub amount: Amount,
    /// Destination of the share in the party's books.
    pub routing: Routing,
}

/// Result of a split: VAT separated, then the net divided among the parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SplitOutcome {
    /// VAT separation of the receipt.
    pub vat: VatSplit,
    /// Shares in the order of the rule's parties; they sum exactly to `vat.net`.
    pub shares: Vec<PartyShare>,
}

/// Splits a tax-inclusive receipt: separates output VAT at `rate`, divides the net by `rule`,
/// and routes each share.
///
/// # Errors
///
/// - [`RevenueError::NoParties`], [`RevenueError::EmptyPartyName`],
///   [`RevenueError::DuplicateParty`] for a malformed party list;
/// - [`RevenueError::RatiosNotOne`] when agreement ratios do not sum to exactly one;
/// - [`RevenueError::FactorWeightsNotOne`] when the investment weight exceeds one;
/// - [`RevenueError::NoBasis`] when a factor with weight has no positive value;
/// - [`RevenueError::Money`] for a gross amount with sub-fen digits or an overflow.
///
/// ```
/// use data_assets_core::entity::EntityKind;
/// use data_assets_core::money::{Amount, Ratio};
/// use data_assets_core::policy::Policy;
/// use data_assets_core::revenue::{split_receipt, AgreementShare, Party, SplitRule};
/// let party = |name: &str, kind| Party { name: name.into(), kind };
/// let ratio = |text: &str| Ratio::parse_field(text, "ratio").unwrap();
/// let rule = SplitRule::Agreement {
///     parties: vec![
///         AgreementShare { party: party("大数据局", EntityKind::AdministrativeUnit), ratio: ratio("0.7") },
///         AgreementShare { party: party("运营公司", EntityKind::StateOwnedEnterprise), ratio: ratio("0.3") },
///     ],
/// };
/// let outcome = split_receipt(Amount::from_fen(5), Ratio::ZERO, &rule, &Policy::default()).unwrap();
/// assert_eq!(outcome.shares[0].amount.to_string(), "0.04");
/// assert_eq!(outcome.shares[1].amount.to_string(), "0.01");
/// ```
pub fn split_receipt(
    gross: Amount,
    rate: Ratio,
    rule: &SplitRule,
    policy: &Policy,
) -> Result<SplitOutcome, RevenueError> {
    let vat = separate_vat(gross, rate, policy)?;
    let (parties, weights) = weights_of(rule)?;
    let amounts = allocate(vat.net, &weights)?;
    let shares = parties
        .into_iter()
        .zip(amounts)
        .map(|(party, amount)| PartyShare {
            routing: routing_for(party.kind, policy),
            party,
            amount,
        })
        .collect();
    Ok(SplitOutcome { vat, shares })
}

/// Who issues the invoice for a split receipt and books its output VAT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvoicingParty<'a> {
    /// Name of the party, one of the split's parties.
    pub name: &'a str,
    /// Its VAT status.
    pub vat: VatStatus,
}

/// Turns each share of a split into the receiving party's licence-fee voucher, dated `date`,
/// with the id `{id_prefix}:{party name}`.
///
/// Each share is posted by the licence-fee rules of its party's books
/// ([`crate::accounting::government::licence_fee`] or
/// [`crate::accounting::enterprise::licence_fee`]) as received in cash, following its routing: a
/// share routed to the treasury credits 2103 应缴财政款 and never revenue (财资〔2024〕1号;
/// 政府会计制度 account 2103), a retained 事业单位 share credits 4101, 4401 or 4609 with the
/// matching budget revenue, and an enterprise share credits 6001 (企业会计准则第14号).
///
/// NOTE: the output VAT of the whole receipt is booked by the invoicing party, on top of its own
/// share; the other parties book their net share without VAT.
///
/// # Errors
///
/// - [`RevenueError::UnknownInvoicingParty`] when the receipt carries VAT and `invoicing` is
///   `None` or names no party of the split;
/// - [`RevenueError::Posting`] when the accounting rules reject a share, such as VAT booked by a
///   non-taxpayer.
pub fn split_vouchers(
    outcome: &SplitOutcome,
    date: NaiveDate,
    asset_id: &str,
    id_prefix: &str,
    invoicing: Option<InvoicingParty<'_>>,
    policy: &Policy,
) -> Result<Vec<(String, Voucher)>, RevenueError> {
    let vat_booked = !outcome.vat.vat.is_zero();
    if vat_booked {
        let known = invoicing.filter(|who| outcome.shares.iter().any(|s| s.party.name == who.name));
        if known.is_none() {
            return Err(RevenueError::UnknownInvoicingParty {
                value: invoicing.map(|who| who.name.to_owned()).unwrap_or_default(),
            });
        }
    }
    let balances = AssetBalances::default();
    let mut out = Vec::with_capacity(outcome.shares.len());
    for share in &outcome.shares {
        let invoicer = invoicing.filter(|who| who.name == share.party.name);
        let output_vat = match invoicer {
            Some(_) if vat_booked => outcome.vat.vat,
            _ => Amount::ZERO,
        };
        let party_policy = Policy {
            institution_fee_treatment: treatment_of(share.routing, policy),
            ..policy.clone()
        };
        let context = PostingContext {
            entity_kind: share.party.kind,
            policy: &party_policy,
            vat: invoicer.map_or(VatStatus::NotTaxpayer, |who| who.vat),
        };
        let event = Event {
            id: format!("{id_prefix}:{}", share.party.name),
            asset_id: asset_id.to_owned(),
            date,
            kind: EventKind::LicenceFee {
                amount: share.amount,
                output_vat,
                receivable: false,
            },
        };
        let voucher = post_event(&event, &balances, &context)?;
        out.push((share.party.name.clone(), voucher));
    }
    Ok(out)
}

/// The 事业单位 fee treatment that books a share the way its routing sets.
fn treatment_of(routing: Routing, policy: &Policy) -> InstitutionFeeTreatment {
    match routing {
        Routing::RemitToTreasury => InstitutionFeeTreatment::Remit,
        Routing::InstitutionCoreRevenue => InstitutionFeeTreatment::RetainAsCoreRevenue,
        Routing::InstitutionBusinessRevenue => InstitutionFeeTreatment::RetainAsBusinessRevenue,
        Routing::InstitutionOtherRevenue => InstitutionFeeTreatment::RetainAsOtherRevenue,
        Routing::EnterpriseRevenue => policy.institution_fee_treatment,
    }
}

/// The parties of a rule and their allocation weights, after validation.
fn weights_of(rule: &SplitRule) -> Result<(Vec<Party>, Vec<Decimal>), RevenueError> {
    match rule {
        SplitRule::Agreement { parties } => {
            check_parties(parties.iter().map(|share| &share.party))?;
            let sum: Decimal = parties.iter().map(|share| share.ratio.value()).sum();
            if sum != Decimal::ONE {
                return Err(RevenueError::RatiosNotOne {
                    value: sum.normalize().to_string(),
                });
            }
            Ok((
                parties.iter().map(|share| share.party.clone()).collect(),
                parties.iter().map(|share| share.ratio.value()).collect(),
            ))
        }
        SplitRule::Contribution {
            investment_weight,
            parties,
        } => {
            check_parties(parties.iter().map(|share| &share.party))?;
            let alpha = investment_weight.value();
            if alpha > Decimal::ONE {
                return Err(RevenueError::FactorWeightsNotOne {
                    value: format!("{alpha} + {}", Decimal::ONE - alpha),
                });
            }
            let beta = Decimal::ONE - alpha;
            for share in parties {
                share.investment.require_non_negative("investment")?;
            }
            let investment_sum = Amount::sum(parties.iter().map(|share| share.investment))?.value();
            let contribution_sum: Decimal =
                parties.iter().map(|share| share.contribution.value()).sum();
            if !alpha.is_zero() && investment_sum.is_zero() {
                return Err(RevenueError::NoBasis {
                    field: "investment".into(),
                });
            }
            if !beta.is_zero() && contribution_sum.is_zero() {
                return Err(RevenueError::NoBasis {
                    field: "contribution".into(),
                });
            }
            // Multiply through by Σ investment × Σ contribution so every weight is a product
            // without division, which keeps the allocation exact.
            let weights = parties
                .iter()
                .map(|share| {
                    let by_investment = alpha * share.investment.value() * contribution_sum;
                    let by_contribution = beta * share.contribution.value() * investment_sum;
                    by_investment + by_contribution
                })
                .collect();
            Ok((
                parties.iter().map(|share| share.party.clone()).collect(),
                weights,
            ))
        }
    }
}

fn check_parties<'a>(parties: impl Iterator<Item = &'a Party>) -> Result<(), RevenueError> {
    let mut seen: Vec<&str> = Vec::new();
    for (index, party) in parties.enumerate() {
        let name = party.name.trim();
        if crate::text::is_blank(name) {
            return Err(RevenueError::EmptyPartyName {
                field: format!("parties[{index}].name"),
            });
        }
        if seen.contains(&name) {
            return Err(RevenueError::DuplicateParty {
                field: format!("parties[{index}].name"),
                value: name.to_owned(),
            });
        }
        seen.push(name);
    }
    if seen.is_empty() {
        return Err(RevenueError::NoParties);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(text: &str) -> Ratio {
        Ratio::parse_field(text, "ratio").unwrap()
    }

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    fn party(name: &str, kind: EntityKind) -> Party {
        Party {
            name: name.into(),
            kind,
        }
    }

    fn agreement(pairs: &[(&str, EntityKind, &str)]) -> SplitRule {
        SplitRule::Agreement {
            parties: pairs
                .iter()
                .map(|(name, kind, share)| AgreementShare {
                    party: party(name, *kind),
                    ratio: ratio(share),
                })
                .collect(),
        }
    }

    #[test]
    fn vat_off_general_taxpayer_receipt() {
        // 10,600.00 at 6%: 10,600 / 1.06 = 10,000.00 net, 600.00 VAT.
        let split = separate_vat(amount("10600.00"), ratio("0.06"), &Policy::default()).unwrap();
        assert_eq!(split.net, amount("10000.00"));
        assert_eq!(split.vat, amount("600.00"));
    }

    #[test]
    fn vat_rounds_net_half_up() {
        // 100.00 / 1.06 = 94.339622… → 94.34 net; VAT 5.66.
        let split = separate_vat(amount("100.00"), ratio("0.06"), &Policy::default()).unwrap();
        assert_eq!(split.net, amount("94.34"));
        assert_eq!(split.vat, amount("5.66"));
    }

    #[test]
    fn small_scale_rate_changes_after_2027() {
        let policy = Policy::default();
        let before = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
        let after = NaiveDate::from_ymd_opt(2028, 1, 1).unwrap();
        assert_eq!(
            vat_rate(VatStatus::SmallScale, before, &policy),
            ratio("0.01")
        );
        assert_eq!(
            vat_rate(VatStatus::SmallScale, after, &policy),
            ratio("0.03")
        );
        assert_eq!(
            vat_rate(VatStatus::NotTaxpayer, after, &policy),
            Ratio::ZERO
        );
    }

    #[test]
    fn agreement_seventy_thirty_of_five_fen() {
        let rule = agreement(&[
            ("A", EntityKind::StateOwnedEnterprise, "0.7"),
            ("B", EntityKind::StateOwnedEnterprise, "0.3"),
        ]);
        let outcome =
            split_receipt(amount("0.05"), Ratio::ZERO, &rule, &Policy::default()).unwrap();
        assert_eq!(outcome.shares[0].amount, amount("0.04"));
        assert_eq!(outcome.shares[1].amount, amount("0.01"));
    }

    #[test]
    fn agreement_ratio_too_precise() {
        let rule = agreement(&[
            (
                "A",
                EntityKind::StateOwnedEnterprise,
                "0.3333333333333333333333333333",
            ),
            (
                "B",
                EntityKind::StateOwnedEnterprise,
                "0.3333333333333333333333333333",
            ),
            (
                "C",
                EntityKind::StateOwnedEnterprise,
                "0.3333333333333333333333333334",
            ),
        ]);
        // Ratios with 28 places exceed the exact-allocation precision, which is an error rather
        // than a silent rounding of the weights.
        let error =
            split_receipt(amount("100.00"), Ratio::ZERO, &rule, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "money.weight_precision");
    }

    #[test]
    fn routing_by_unit_kind() {
        let rule = agreement(&[
            ("市大数据局", EntityKind::AdministrativeUnit, "0.5"),
            ("信息中心", EntityKind::PublicInstitution, "0.2"),
            ("运营公司", EntityKind::StateOwnedEnterprise, "0.3"),
        ]);
        let outcome =
            split_receipt(amount("10600.00"), ratio("0.06"), &rule, &Policy::default()).unwrap();
        assert_eq!(outcome.vat.net, amount("10000.00"));
        assert_eq!(outcome.shares[0].amount, amount("5000.00"));
        assert_eq!(outcome.shares[0].routing, Routing::RemitToTreasury);
        assert_eq!(outcome.shares[1].amount, amount("2000.00"));
        assert_eq!(outcome.shares[1].routing, Routing::RemitToTreasury);
        assert_eq!(outcome.shares[2].amount, amount("3000.00"));
        assert_eq!(outcome.shares[2].routing, Routing::EnterpriseRevenue);

        let retaining = Policy {
            institution_fee_treatment: InstitutionFeeTreatment::RetainAsCoreRevenue,
            ..Policy::default()
        };
        let outcome = split_receipt(amount("10600.00"), ratio("0.06"), &rule, &retaining).unwrap();
        assert_eq!(outcome.shares[1].routing, Routing::InstitutionCoreRevenue);
        assert_eq!(outcome.shares[0].routing, Routing::RemitToTreasury);
    }

    #[test]
    fn ratios_must_sum_to_one() {
        let rule = agreement(&[
            ("A", EntityKind::StateOwnedEnterprise, "0.7"),
            ("B", EntityKind::StateOwnedEnterprise, "0.2"),
        ]);
        let error =
            split_receipt(amount("1.00"), Ratio::ZERO, &rule, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "revenue.ratios_not_one");
        assert_eq!(error.value(), "0.9");
    }

    #[test]
    fn duplicate_and_empty_parties_rejected() {
        let rule = agreement(&[
            ("A", EntityKind::StateOwnedEnterprise, "0.5"),
            ("A", EntityKind::StateOwnedEnterprise, "0.5"),
        ]);
        let error =
            split_receipt(amount("1.00"), Ratio::ZERO, &rule, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "revenue.duplicate_party");
        assert_eq!(error.field(), "parties[1].name");

        let rule = agreement(&[(" ", EntityKind::StateOwnedEnterprise, "1")]);
        let error =
            split_receipt(amount("1.00"), Ratio::ZERO, &rule, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "revenue.empty_party_name");

        let error = split_receipt(
            amount("1.00"),
            Ratio::ZERO,
            &SplitRule::Agreement { parties: vec![] },
            &Policy::default(),
        )
        .unwrap_err();
        assert_eq!(error.code(), "revenue.no_parties");
    }

    #[test]
    fn contribution_blend_worked_example() {
        // Investment 600,000 vs 400,000 (60% / 40%), contribution 1 vs 3 (25% / 75%), equal
        // blend: A = 0.5 × 0.6 + 0.5 × 0.25 = 0.425, B = 0.5 × 0.4 + 0.5 × 0.75 = 0.575.
        // Net 10,000.00 → 4,250.00 and 5,750.00.
        let rule = SplitRule::Contribution {
            investment_weight: ratio("0.5"),
            parties: vec![
                ContributionShare {
                    party: party("A", EntityKind::AdministrativeUnit),
                    investment: amount("600000"),
                    contribution: ratio("1"),
                },
                ContributionShare {
                    party: party("B", EntityKind::StateOwnedEnterprise),
                    investment: amount("400000"),
                    contribution: ratio("3"),
                },
            ],
        };
        let outcome =
            split_receipt(amount("10600.00"), ratio("0.06"), &rule, &Policy::default()).unwrap();
        assert_eq!(outcome.shares[0].amount, amount("4250.00"));
        assert_eq!(outcome.shares[1].amount, amount("5750.00"));
    }

    #[test]
    fn contribution_needs_a_basis() {
        let rule = SplitRule::Contribution {
            investment_weight: ratio("1"),
            parties: vec![ContributionShare {
                party: party("A", EntityKind::AdministrativeUnit),
                investment: Amount::ZERO,
                contribution: ratio("1"),
            }],
        };
        let error =
            split_receipt(amount("1.00"), Ratio::ZERO, &rule, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "revenue.no_basis");
        assert_eq!(error.field(), "investment");

        let rule = SplitRule::Contribution {
            investment_weight: ratio("1.5"),
            parties: vec![ContributionShare {
                party: party("A", EntityKind::AdministrativeUnit),
                investment: amount("1"),
                contribution: ratio("1"),
            }],
        };
        let error =
            split_receipt(amount("1.00"), Ratio::ZERO, &rule, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "revenue.factor_weights_not_one");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn split_sums_to_net(
                gross_fen in 0i64..10_000_000_000,
                percents in proptest::collection::vec(1u32..100, 1..8),
                general in any::<bool>(),
            ) {
                let total: u32 = percents.iter().sum();
                let parties: Vec<ContributionShare> = percents
                    .iter()
                    .enumerate()
                    .map(|(index, p)| ContributionShare {
                        party: party(&format!("P{index}"), EntityKind::StateOwnedEnterprise),
                        investment: Amount::from_fen(i64::from(*p) * 100),
                        contribution: Ratio::new(Decimal::from(total - p + 1)).unwrap(),
                    })
                    .collect();
                let rule = SplitRule::Contribution { investment_weight: ratio("0.3"), parties };
                let rate = if general { ratio("0.06") } else { Ratio::ZERO };
                let outcome =
                    split_receipt(Amount::from_fen(gross_fen), rate, &rule, &Policy::default())
                        .unwrap();
                let shares = Amount::sum(outcome.shares.iter().map(|s| s.amount)).unwrap();
                prop_assert_eq!(shares, outcome.vat.net);
                prop_assert_eq!(
                    outcome.vat.net.checked_add(outcome.vat.vat).unwrap(),
                    Amount::from_fen(gross_fen)
                );
            }
        }
    }
}

#[cfg(test)]
mod voucher_tests {
    use super::*;
    use crate::accounting::voucher::render;

    fn outcome(policy: &Policy) -> SplitOutcome {
        let share = |name: &str, kind, ratio: &str| AgreementShare {
            party: Party {
                name: name.into(),
                kind,
            },
            ratio: Ratio::parse_field(ratio, "ratio").unwrap(),
        };
        let rule = SplitRule::Agreement {
            parties: vec![
                share("大数据局", EntityKind::AdministrativeUnit, "0.4"),
                share("信息中心", EntityKind::PublicInstitution, "0.3"),
                share("运营公司", EntityKind::StateOwnedEnterprise, "0.3"),
            ],
        };
        let rate = Ratio::parse_field("0.06", "rate").unwrap();
        split_receipt("1060.00".parse().unwrap(), rate, &rule, policy).unwrap()
    }

    #[test]
    fn each_share_is_booked_by_its_routing() {
        // 1,060.00 at 6%: net 1,000.00 and VAT 60.00. Shares 400.00, 300.00 and 300.00; the
        // company invoices, so it books the 60.00 of VAT on top of its 300.00.
        let policy = Policy {
            institution_fee_treatment: InstitutionFeeTreatment::RetainAsCoreRevenue,
            ..Policy::default()
        };
        let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let invoicing = InvoicingParty {
            name: "运营公司",
            vat: VatStatus::General,
        };
        let vouchers = split_vouchers(
            &outcome(&policy),
            day,
            "GL-001",
            "R1",
            Some(invoicing),
            &policy,
        )
        .unwrap();
        let names: Vec<&str> = vouchers.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["大数据局", "信息中心", "运营公司"]);
        let (_, bureau) = &vouchers[0];
        assert_eq!(bureau.id, "R1:大数据局");
        assert_eq!(
            render(&bureau.financial),
            ["1002 银行存款 Dr 400.00", "2103 应缴财政款 Cr 400.00"]
        );
        assert!(bureau.budget.is_empty());
        let (_, centre) = &vouchers[1];
        assert_eq!(
            render(&centre.financial),
            ["1002 银行存款 Dr 300.00", "4101 事业收入 Cr 300.00"]
        );
        assert_eq!(
            render(&centre.budget),
            [
                "8001 资金结存—货币资金 Dr 300.00",
                "6101 事业预算收入 Cr 300.00"
            ]
        );
        let (_, company) = &vouchers[2];
        assert_eq!(
            render(&company.financial),
            [
                "1002 银行存款 Dr 360.00",
                "6001 主营业务收入 Cr 300.00",
                "2221 应交税费—应交增值税（销项税额） Cr 60.00"
            ]
        );
        assert!(vouchers.iter().all(|(_, voucher)| voucher.is_balanced()));
    }

    #[test]
    fn vat_needs_an_invoicing_taxpayer() {
        let policy = Policy::default();
        let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let split = outcome(&policy);
        let none = split_vouchers(&split, day, "GL-001", "R1", None, &policy).unwrap_err();
        assert_eq!(none.code(), "revenue.unknown_invoicing_party");
        let bureau = InvoicingParty {
            name: "大数据局",
            vat: VatStatus::NotTaxpayer,
        };
        let refused =
            split_vouchers(&split, day, "GL-001", "R1", Some(bureau), &policy).unwrap_err();
        assert_eq!(refused.code(), "accounting.not_vat_taxpayer");
    }
}
