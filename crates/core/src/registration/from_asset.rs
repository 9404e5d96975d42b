//! Cards filled from a ledger asset ([`DataAsset`]) plus the facts the ledger does not keep.

use super::card::{
    CardHolder, EnterpriseBasicInfo, EnterpriseCard, EnterpriseManagementInfo,
    EnterpriseRightsInfo, EnterpriseUsageInfo, GovernmentCard, OperationStatus, RightHolding,
};
use crate::asset::{DataAsset, DataCategory, PersonalDataBasis, RightKind};
use crate::money::Amount;

/// Facts an enterprise card needs that the ledger does not keep.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnterpriseCardFacts {
    /// Rights registration number, when the rights are registered.
    pub registration_number: Option<String>,
    /// 使用信息: scenarios, licensees and products.
    pub usage: EnterpriseUsageInfo,
    /// Department responsible for the asset (责任部门).
    pub responsible_department: String,
    /// Whether a data-asset security management system is in place.
    pub has_security_system: bool,
    /// Whether an emergency plan is in place.
    pub has_emergency_plan: bool,
    /// Credit codes of right holders other than the asset's holder, by name; the ledger keeps
    /// only their names.
    pub other_holders: Vec<CardHolder>,
}

/// Whether the card should say the data contains personal information: personal data by
/// category, or a recorded basis (anonymization or consent) that only personal data needs
/// (个人信息保护法 art. 4 and art. 13).
fn contains_personal_data(asset: &DataAsset) -> bool {
    asset.category == DataCategory::Personal
        || asset.personal_data_basis != PersonalDataBasis::NoBasis
}

fn holder_of(asset: &DataAsset) -> CardHolder {
    CardHolder {
        name: asset.holder.name.clone(),
        credit_code: asset.holder.uscc.as_str().to_owned(),
    }
}

impl GovernmentCard {
    /// Fills a government card from a ledger asset and its book value (账面价值, zero when the
    /// asset is not booked), such as [`crate::accounting::Journal::carrying_amount`] gives.
    ///
    /// ```
    /// use data_assets_core::asset::DataAsset;
    /// use data_assets_core::money::Amount;
    /// use data_assets_core::registration::{GovernmentCard, InfoCard};
    ///
    /// let card = GovernmentCard::from_asset(&DataAsset::example(), Amount::ZERO);
    /// assert!(card.validate().is_ok());
    /// ```
    pub fn from_asset(asset: &DataAsset, book_value: Amount) -> GovernmentCard {
        GovernmentCard {
            asset_id: asset.id.clone(),
            name: asset.name.clone(),
            summary: asset.summary.clone(),
            holder: holder_of(asset),
            category: asset.category,
            rights_registration: asset.rights_registration,
            booking_status: asset.booking_status,
            table_count: asset.facts.tables,
            field_count: asset.facts.fields,
            record_count: asset.facts.records,
            open_type: asset.open_type,
            open_conditions: asset.open_conditions.clone(),
            sharing_type: asset.sharing_type,
            sharing_conditions: asset.sharing_conditions.clone(),
            security_grade: asset.security_grade,
            update_frequency: asset.facts.update_frequency,
            source_systems: asset.facts.source_systems.clone(),
            operation_status: if asset.authorized_operation {
                OperationStatus::Authorized
            } else {
                OperationStatus::NotAuthorized
            },
            book_value,
            contains_personal_data: contains_personal_data(asset),
            personal_data_basis: asset.personal_data_basis,
        }
    }
}

impl EnterpriseCard {
    /// Fills an enterprise card from a ledger asset, its book value and the facts the ledger
    /// does not keep.
    ///
    /// Every right with a recorded holder becomes a [`RightHolding`]; a holder other than the
    /// asset's holder takes its credit code from `facts.other_holders` by name, and is left
    /// without one (which validation reports) when it is not listed there.
    pub fn from_asset(
        asset: &DataAsset,
        book_value: Amount,
        facts: EnterpriseCardFacts,
    ) -> EnterpriseCard {
        let holder = holder_of(asset);
        let rights = RightKind::ALL
            .iter()
            .filter_map(|&right| {
                let name = asset.rights.get(right).holder_name.trim();
                if name.is_empty() {
                    return None;
                }
                let card_holder = if name == holder.name {
                    holder.clone()
                } else {
                    facts
                        .other_holders
                        .iter()
                        .find(|other| other.name == name)
                        .cloned()
                        .unwrap_or_else(|| CardHolder {
                            name: name.to_owned(),
                            credit_code: String::new(),
                        })
                };
                Some(RightHolding {
                    right,
                    holder: card_holder,
                })
            })
            .collect();
        EnterpriseCard {
            basic: EnterpriseBasicInfo {
                asset_id: asset.id.clone(),
                name: asset.name.clone(),
                summary: asset.summary.clone(),
                holder,
                category: asset.category,
                booking_status: asset.booking_status,
                book_value,
                source_systems: asset.facts.source_systems.clone(),
                contains_personal_data: contains_personal_data(asset),
                personal_data_basis: asset.personal_data_basis,
            },
            rights: EnterpriseRightsInfo {
                rights,
                rights_registration: asset.rights_registration,
                registration_number: facts.registration_number,
            },
            usage: facts.usage,
            management: EnterpriseManagementInfo {
                security_grade: asset.security_grade,
                responsible_department: facts.responsible_department,
                has_security_system: facts.has_security_system,
                has_emergency_plan: facts.has_emergency_plan,
                update_frequency: asset.facts.update_frequency,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::asset::{BookingStatus, DataCategory};
    use crate::error::ErrorDetail;
    use crate::registration::InfoCard;

    #[test]
    fn government_card_from_the_example_validates() {
        let asset = DataAsset::example();
        let card = GovernmentCard::from_asset(&asset, Amount::ZERO);
        assert_eq!(card.validate(), Ok(()));
        assert_eq!(
            (card.table_count, card.field_count, card.record_count),
            (12, 340, 1_250_000)
        );
        assert_eq!(card.operation_status, OperationStatus::NotAuthorized);
        assert!(!card.contains_personal_data);
        assert_eq!(card.holder.credit_code, "11450300MB12345628");
    }

    #[test]
    fn unbooked_asset_with_a_value_is_reported() {
        let card = GovernmentCard::from_asset(&DataAsset::example(), Amount::from_fen(100));
        let codes: Vec<_> = card.problems().iter().map(ErrorDetail::code).collect();
        assert_eq!(codes, ["registration.book_value_without_booking"]);
    }

    #[test]
    fn enterprise_card_takes_rights_with_holders() {
        let mut asset = DataAsset::example();
        asset.category = DataCategory::Enterprise;
        asset.booking_status = BookingStatus::Inventory;
        asset.rights.product_operation.holder_name = "桂林数据运营公司".into();
        let operator = CardHolder {
            name: "桂林数据运营公司".into(),
            credit_code: "91450300MA5KXXXX1Y".into(),
        };
        let facts = EnterpriseCardFacts {
            responsible_department: "数据管理部".into(),
            other_holders: vec![operator.clone()],
            ..EnterpriseCardFacts::default()
        };
        let card = EnterpriseCard::from_asset(&asset, Amount::from_fen(1_234_500), facts);
        let rights: Vec<_> = card
            .rights
            .rights
            .iter()
            .map(|h| (h.right, h.holder.name.as_str()))
            .collect();
        assert_eq!(
            rights,
            [
                (RightKind::Holding, "桂林市自然资源局"),
                (RightKind::ProcessingUse, "桂林市自然资源局"),
                (RightKind::ProductOperation, "桂林数据运营公司")
            ]
        );
        assert_eq!(card.rights.rights[2].holder, operator);
        assert_eq!(card.validate(), Ok(()));
    }
}
