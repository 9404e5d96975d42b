//! Revenue split (收益分配): output VAT off a tax-inclusive receipt, the net divided exactly to
//! the fen among the parties, each share routed, and each party's voucher ("谁投入、谁贡献、谁受益",
//! 财资〔2023〕141号 main task 7; 财资〔2024〕167号).

use chrono::NaiveDate;
use data_assets_core::accounting::Voucher;
use data_assets_core::entity::EntityKind;
use data_assets_core::money::{Amount, Ratio};
use data_assets_core::policy::Policy;
use data_assets_core::revenue::{
    self as core_revenue, AgreementShare, ContributionShare, Party, PartyShare, Routing,
    SplitOutcome, SplitRule, VatSplit, VatStatus,
};

use crate::error::DataAssetsError;
use crate::vocab::vocabulary;

vocabulary! {
    /// VAT status of a unit (政府会计制度 account 2101; 企业会计准则 account 2221).
    VatStatus {
        /// 一般纳税人.
        General,
        /// 小规模纳税人.
        SmallScale,
        /// 非增值税纳税人.
        NotTaxpayer,
    }
    code: vat_status_code,
    label: vat_status_label_zh,
    parse: parse_vat_status,
}

/// A tax-inclusive receipt separated into its net amount and output VAT.
#[uniffi::remote(Record)]
pub struct VatSplit {
    /// 含税价 received.
    pub gross: Amount,
    /// Rate applied.
    pub rate: Ratio,
    /// 不含税价 = gross ÷ (1 + rate), rounded to the fen.
    pub net: Amount,
    /// 销项税额 = gross − net.
    pub vat: Amount,
}

/// A party that receives a share.
#[uniffi::remote(Record)]
pub struct Party {
    /// Name, unique within a split.
    pub name: String,
    /// Kind of unit, which decides the routing of its share.
    pub kind: EntityKind,
}

/// One party of an agreement split (协议分成).
#[uniffi::remote(Record)]
pub struct AgreementShare {
    /// Receiving party.
    pub party: Party,
    /// Agreed ratio; the ratios of a split sum to exactly one.
    pub ratio: Ratio,
}

/// One party of a contribution-based split (按投入和贡献分配).
#[uniffi::remote(Record)]
pub struct ContributionShare {
    /// Receiving party.
    pub party: Party,
    /// Amount the party invested.
    pub investment: Amount,
    /// Contribution score.
    pub contribution: Ratio,
}

/// Rule that divides a receipt among the parties.
#[uniffi::remote(Enum)]
pub enum SplitRule {
    /// Ratios fixed by contract.
    Agreement {
        /// Parties in the order of the agreement; on an exact tie the earlier gets the fen.
        parties: Vec<AgreementShare>,
    },
    /// A blend of investment and contribution.
    Contribution {
        /// Weight of investment in the blend, 0 to 1; contribution gets the rest.
        investment_weight: Ratio,
        /// Parties in the order of the agreement.
        parties: Vec<ContributionShare>,
    },
}

/// Destination of a party's share in its books.
#[uniffi::remote(Enum)]
pub enum Routing {
    /// Remitted to the treasury through 2103 应缴财政款, never the unit's revenue.
    RemitToTreasury,
    /// Kept by a 事业单位 as 4101 事业收入 / 6101.
    InstitutionCoreRevenue,
    /// Kept by a 事业单位 as 4401 经营收入 / 6401.
    InstitutionBusinessRevenue,
    /// Kept by a 事业单位 as 4609 其他收入 / 6609.
    InstitutionOtherRevenue,
    /// Enterprise revenue.
    EnterpriseRevenue,
}

/// One party's share with its routing.
#[uniffi::remote(Record)]
pub struct PartyShare {
    /// Receiving party.
    pub party: Party,
    /// Share of the net amount, exact to the fen.
    pub amount: Amount,
    /// Destination of the share in the party's books.
    pub routing: Routing,
}

/// VAT separated, then the net divided among the parties.
#[uniffi::remote(Record)]
pub struct SplitOutcome {
    /// VAT separation of the receipt.
    pub vat: VatSplit,
    /// Shares in the order of the rule's parties; they sum exactly to the net.
    pub shares: Vec<PartyShare>,
}

/// Party that issues the invoice for a split receipt and books its output VAT.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct InvoicingParty {
    /// Name of one of the split's parties.
    pub name: String,
    /// Its VAT status.
    pub vat: VatStatus,
}

/// One party's voucher for its share.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct PartyVoucher {
    /// Name of the party whose books take the voucher.
    pub party: String,
    /// The voucher.
    pub voucher: Voucher,
}

/// Returns the VAT rate of a unit with `status` on `date` under `policy`.
#[uniffi::export]
pub fn vat_rate(status: VatStatus, date: NaiveDate, policy: Policy) -> Ratio {
    core_revenue::vat_rate(status, date, &policy)
}

/// Separates output VAT from a tax-inclusive receipt: net = gross ÷ (1 + rate), rounded by the
/// policy, and VAT = gross − net.
///
/// # Errors
///
/// `money.not_fen` for a gross amount with sub-fen digits; `money.overflow`.
#[uniffi::export]
pub fn separate_vat(
    gross: Amount,
    rate: Ratio,
    policy: Policy,
) -> Result<VatSplit, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    Ok(core_revenue::separate_vat(gross, rate, &policy)?)
}

/// Returns where a share received by a unit of `kind` goes under `policy`.
#[uniffi::export]
pub fn routing_for(kind: EntityKind, policy: Policy) -> Routing {
    core_revenue::routing_for(kind, &policy)
}

/// Splits a tax-inclusive receipt: separates output VAT at `rate`, divides the net by `rule`
/// exactly to the fen, and routes each share.
///
/// # Errors
///
/// `revenue.no_parties`, `revenue.empty_party_name`, `revenue.duplicate_party`,
/// `revenue.ratios_not_one`, `revenue.factor_weights_not_one`, `revenue.no_basis`, and
/// `money.*` for the gross amount.
#[uniffi::export]
pub fn split_receipt(
    gross: Amount,
    rate: Ratio,
    rule: SplitRule,
    policy: Policy,
) -> Result<SplitOutcome, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    Ok(core_revenue::split_receipt(gross, rate, &rule, &policy)?)
}

/// Turns each share into its party's licence-fee voucher dated `date`, with the id
/// `{idPrefix}:{party name}`; the invoicing party also books the output VAT.
///
/// # Errors
///
/// `revenue.unknown_invoicing_party` when the receipt carries VAT and `invoicing` names no
/// party of the split; the accounting codes when a party's rules reject its share.
#[uniffi::export]
pub fn split_vouchers(
    outcome: SplitOutcome,
    date: NaiveDate,
    asset_id: String,
    id_prefix: String,
    invoicing: Option<InvoicingParty>,
    policy: Policy,
) -> Result<Vec<PartyVoucher>, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    let invoicing = invoicing.as_ref().map(|who| core_revenue::InvoicingParty {
        name: &who.name,
        vat: who.vat,
    });
    let vouchers =
        core_revenue::split_vouchers(&outcome, date, &asset_id, &id_prefix, invoicing, &policy)?;
    Ok(vouchers
        .into_iter()
        .map(|(party, voucher)| PartyVoucher { party, voucher })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(name: &str, kind: EntityKind, ratio: &str) -> AgreementShare {
        AgreementShare {
            party: Party {
                name: name.into(),
                kind,
            },
            ratio: Ratio::parse_field(ratio, "ratio").unwrap(),
        }
    }

    #[test]
    fn split_is_exact_and_routed() {
        let rule = SplitRule::Agreement {
            parties: vec![
                share("大数据局", EntityKind::AdministrativeUnit, "0.7"),
                share("运营公司", EntityKind::StateOwnedEnterprise, "0.3"),
            ],
        };
        let outcome =
            split_receipt(Amount::from_fen(5), Ratio::ZERO, rule, Policy::default()).unwrap();
        assert_eq!(outcome.shares[0].amount, Amount::from_fen(4));
        assert_eq!(outcome.shares[1].amount, Amount::from_fen(1));
        assert_eq!(outcome.shares[0].routing, Routing::RemitToTreasury);
    }

    #[test]
    fn vat_receipt_needs_invoicing_party() {
        let rule = SplitRule::Agreement {
            parties: vec![share("运营公司", EntityKind::StateOwnedEnterprise, "1")],
        };
        let rate = Ratio::parse_field("0.06", "rate").unwrap();
        let outcome =
            split_receipt(Amount::from_fen(1_060_000), rate, rule, Policy::default()).unwrap();
        let date = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let error = split_vouchers(
            outcome,
            date,
            "a-1".into(),
            "fee".into(),
            None,
            Policy::default(),
        )
        .unwrap_err();
        assert_eq!(error.code(), "revenue.unknown_invoicing_party");
    }
}
