//! Recognition per asset, and the info cards and certificates of registered assets.

use chrono::{Datelike, NaiveDate};
use data_assets_core::ErrorDetail;
use data_assets_core::accounting::{EventKind, Journal};
use data_assets_core::asset::{DataAsset, RightsRegistration};
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;
use data_assets_core::recognition::{RdStage, Recognition, RecognitionFacts, recognize};
use data_assets_core::registration::{
    Certificate, CertificateNumber, EnterpriseCard, EnterpriseCardFacts, GovernmentCard, InfoCard,
};
use serde::{Deserialize, Serialize};

use super::Issue;
use crate::ledger::Ledger;

/// The recognition of one asset with the facts assumed rather than read from the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RecognitionRecord {
    /// Outcome with one finding per criterion.
    pub recognition: Recognition,
    /// Facts assumed, for the accountant to confirm.
    pub assumptions: Vec<String>,
    /// The same assumptions in Chinese, in the same order.
    #[serde(default)]
    pub assumptions_zh: Vec<String>,
}

/// An info card: the government 数据资产信息卡 for 行政 and 事业单位, the enterprise card for
/// enterprises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Card {
    /// 数据资产信息卡 of a government unit.
    Government(GovernmentCard),
    /// Asset info card of an enterprise.
    Enterprise(EnterpriseCard),
}

/// Recognizes every asset from the facts its row implies, in ledger order.
///
/// A self-developed asset whose development was completed (开发完成) on or before `as_of` is
/// no longer development spending but an asset ready for use, so it is recognized as such
/// (政府会计准则第4号 and CAS 6 art. 9: development spending that meets the conditions becomes
/// the intangible asset's cost when the asset is ready for its intended use).
pub fn recognitions(
    ledger: &Ledger,
    as_of: NaiveDate,
    policy: &Policy,
    issues: &mut Vec<Issue>,
) -> Vec<RecognitionRecord> {
    let mut records = Vec::new();
    for asset in &ledger.assets {
        let mut derived = RecognitionFacts::from_asset(asset);
        let completed = ledger.events.iter().find(|event| {
            event.asset_id == asset.id
                && event.date <= as_of
                && matches!(event.kind, EventKind::DevelopmentCompleted)
        });
        if let Some(event) = completed {
            derived.facts.rd_stage = RdStage::None;
            derived.assumptions.push(format!(
                "development completed on {}: assessed as an asset ready for use",
                event.date
            ));
            derived.assumptions_zh.push(format!(
                "已于{}开发完成：按达到预定用途的资产评估",
                event.date
            ));
        }
        match recognize(&derived.facts, ledger.unit.kind, policy) {
            Ok(recognition) => records.push(RecognitionRecord {
                recognition,
                assumptions: derived.assumptions,
                assumptions_zh: derived.assumptions_zh,
            }),
            Err(error) => issues.push(Issue {
                stage: "recognition".into(),
                subject: asset.id.clone(),
                code: error.code().into(),
                message: format!("{error}; allowed: {}", error.allowed()),
            }),
        }
    }
    records
}

fn book_value(journal: &Journal, asset: &DataAsset, as_of: NaiveDate) -> Amount {
    journal
        .carrying_amount(&asset.id, as_of)
        .unwrap_or(Amount::ZERO)
}

/// Fills the card of every asset with its carrying amount at `as_of`, and issues a certificate
/// for each registered asset (确权登记 已登记) whose card is valid. Certificate numbers carry
/// the unit's region code, the as-of year and a sequence from 1 in asset-id order; the
/// certificates are dated `as_of`.
pub fn cards_and_certificates(
    ledger: &Ledger,
    journal: &Journal,
    as_of: NaiveDate,
    issues: &mut Vec<Issue>,
) -> (Vec<Card>, Vec<Certificate>) {
    let mut assets: Vec<&DataAsset> = ledger.assets.iter().collect();
    assets.sort_by(|a, b| a.id.cmp(&b.id));
    let government = ledger.unit.kind.is_government();
    let year = u16::try_from(as_of.year()).unwrap_or(0);
    let mut cards = Vec::new();
    let mut certificates = Vec::new();
    let mut sequence = 0_u32;
    for asset in assets {
        let value = book_value(journal, asset, as_of);
        let registered = asset.rights_registration == RightsRegistration::Registered;
        let number = if registered {
            sequence += 1;
            match CertificateNumber::new(ledger.unit.region_code.as_str(), year, sequence) {
                Ok(number) => Some(number),
                Err(error) => {
                    issues.push(issue(&asset.id, &error));
                    None
                }
            }
        } else {
            None
        };
        let card = if government {
            Card::Government(GovernmentCard::from_asset(asset, value))
        } else {
            let facts = EnterpriseCardFacts {
                // The ledger keeps no rights registration number; the certificate issued on
                // registration stands for it.
                registration_number: number.as_ref().map(ToString::to_string),
                responsible_department: ledger.unit.name.clone(),
                ..EnterpriseCardFacts::default()
            };
            Card::Enterprise(EnterpriseCard::from_asset(asset, value, facts))
        };
        if let Some(number) = number {
            let certificate = match &card {
                Card::Government(card) => Certificate::issue(&number, card, as_of),
                Card::Enterprise(card) => Certificate::issue(&number, card, as_of),
            };
            match certificate {
                Ok(certificate) => certificates.push(certificate),
                Err(errors) => {
                    issues.extend(errors.iter().map(|error| issue(&asset.id, error)));
                }
            }
        }
        cards.push(card);
    }
    (cards, certificates)
}

fn issue(asset_id: &str, error: &dyn ErrorDetail) -> Issue {
    Issue {
        stage: "certificates".into(),
        subject: asset_id.to_owned(),
        code: error.code().into(),
        message: format!("{error}; allowed: {}", error.allowed()),
    }
}

/// Checks whether the card of an asset was registered with a certificate in this run.
pub fn has_certificate(certificates: &[Certificate], asset_id: &str) -> bool {
    certificates.iter().any(|c| c.asset_id == asset_id)
}

/// Runs the card checks alone, for an asset not registered yet.
pub fn card_problems(card: &Card) -> Vec<String> {
    let problems = match card {
        Card::Government(card) => card.problems(),
        Card::Enterprise(card) => card.problems(),
    };
    problems.iter().map(ToString::to_string).collect()
}
