//! Controlled vocabularies: the core enums, with their codes and Chinese labels.
//!
//! Kotlin and Java see each vocabulary as an `enum class` in declaration order. Because Rust
//! forbids methods on another crate's types, the code, the label and parsing are top-level
//! functions: `entityKindCode`, `entityKindLabelZh` and `parseEntityKind` for `EntityKind`, and
//! likewise for every other vocabulary.

use data_assets_core::asset::{
    AcquisitionRoute, BookingStatus, DataCategory, HoldingPurpose, OpenType, PersonalDataBasis,
    RightKind, RightsRegistration, SecurityGrade, SharingType, UpdateFrequency,
};
use data_assets_core::entity::EntityKind;

use crate::error::DataAssetsError;

/// Exposes a core vocabulary as a remote enum plus its code, label and parse functions.
///
/// The variant list must repeat the core enum's variants in order; the compiler rejects a list
/// that misses one.
macro_rules! vocabulary {
    (
        $(#[doc = $doc:literal])*
        $name:ident {
            $($(#[doc = $variant_doc:literal])* $variant:ident,)+
        }
        code: $code_fn:ident,
        label: $label_fn:ident,
        parse: $parse_fn:ident,
    ) => {
        $(#[doc = $doc])*
        #[uniffi::remote(Enum)]
        pub enum $name {
            $($(#[doc = $variant_doc])* $variant,)+
        }

        /// Returns the stable snake_case code of `value`, as written in JSON and CSV.
        #[uniffi::export]
        pub fn $code_fn(value: $name) -> String {
            value.code().to_owned()
        }

        /// Returns the Chinese label of `value`, as written in workbooks and reports.
        #[uniffi::export]
        pub fn $label_fn(value: $name) -> String {
            value.label_zh().to_owned()
        }

        /// Parses a code or a Chinese label; surrounding spaces are ignored.
        ///
        /// # Errors
        ///
        /// `vocab.unknown_term` when the text matches no code or label; `allowed` lists them.
        #[uniffi::export]
        pub fn $parse_fn(text: String) -> Result<$name, DataAssetsError> {
            Ok(text.parse::<$name>()?)
        }
    };
}

pub(crate) use vocabulary;

vocabulary! {
    /// Kind of reporting unit, which decides the accounting framework.
    EntityKind {
        /// 行政单位.
        AdministrativeUnit,
        /// 事业单位.
        PublicInstitution,
        /// 国有企业.
        StateOwnedEnterprise,
        /// 国有企业子公司.
        SoeSubsidiary,
    }
    code: entity_kind_code,
    label: entity_kind_label_zh,
    parse: parse_entity_kind,
}

vocabulary! {
    /// Origin of the data (数据二十条 art. 3).
    DataCategory {
        /// 公共数据.
        Public,
        /// 企业数据.
        Enterprise,
        /// 个人数据.
        Personal,
    }
    code: data_category_code,
    label: data_category_label_zh,
    parse: parse_data_category,
}

vocabulary! {
    /// Security grade (数据安全法 art. 21; GB/T 43697-2024).
    SecurityGrade {
        /// 一般数据.
        General,
        /// 重要数据.
        Important,
        /// 核心数据.
        Core,
    }
    code: security_grade_code,
    label: security_grade_label_zh,
    parse: parse_security_grade,
}

vocabulary! {
    /// Open type of a government data resource (开放属性).
    OpenType {
        /// 无条件开放.
        Unconditional,
        /// 有条件开放.
        Conditional,
        /// 不予开放.
        NotOpen,
    }
    code: open_type_code,
    label: open_type_label_zh,
    parse: parse_open_type,
}

vocabulary! {
    /// Sharing type of a government data resource (共享属性).
    SharingType {
        /// 无条件共享.
        Unconditional,
        /// 有条件共享.
        Conditional,
        /// 不予共享.
        NotShared,
    }
    code: sharing_type_code,
    label: sharing_type_label_zh,
    parse: parse_sharing_type,
}

vocabulary! {
    /// One of the three data rights (数据二十条 art. 3, 三权分置).
    RightKind {
        /// 数据资源持有权.
        Holding,
        /// 数据加工使用权.
        ProcessingUse,
        /// 数据产品经营权.
        ProductOperation,
    }
    code: right_kind_code,
    label: right_kind_label_zh,
    parse: parse_right_kind,
}

vocabulary! {
    /// How the asset was acquired, which decides its initial cost.
    AcquisitionRoute {
        /// 外购.
        Purchased,
        /// 委托开发.
        Commissioned,
        /// 自行开发.
        SelfDeveloped,
        /// 置换.
        Exchanged,
        /// 接受捐赠.
        Donated,
        /// 无偿调入.
        TransferredIn,
        /// 履职生成.
        GeneratedInDuties,
    }
    code: acquisition_route_code,
    label: acquisition_route_label_zh,
    parse: parse_acquisition_route,
}

vocabulary! {
    /// Financial booking status (财务入账状态) of a ledger entry.
    BookingStatus {
        /// 未入账.
        Unbooked,
        /// 无形资产.
        IntangibleAsset,
        /// 存货.
        Inventory,
        /// 研发支出.
        DevelopmentExpenditure,
        /// 费用化.
        Expensed,
    }
    code: booking_status_code,
    label: booking_status_label_zh,
    parse: parse_booking_status,
}

vocabulary! {
    /// Update frequency of a data resource (更新频率).
    UpdateFrequency {
        /// 实时.
        RealTime,
        /// 每日.
        Daily,
        /// 每周.
        Weekly,
        /// 每月.
        Monthly,
        /// 每季度.
        Quarterly,
        /// 每半年.
        HalfYearly,
        /// 每年.
        Yearly,
        /// 不定期.
        Irregular,
    }
    code: update_frequency_code,
    label: update_frequency_label_zh,
    parse: parse_update_frequency,
}

vocabulary! {
    /// Rights registration status (是否确权登记).
    RightsRegistration {
        /// 未登记.
        Unregistered,
        /// 登记中.
        Pending,
        /// 已登记.
        Registered,
    }
    code: rights_registration_code,
    label: rights_registration_label_zh,
    parse: parse_rights_registration,
}

vocabulary! {
    /// Why the unit holds the data (持有目的).
    HoldingPurpose {
        /// 自用.
        OwnUse,
        /// 持有待售.
        SaleInOrdinaryCourse,
    }
    code: holding_purpose_code,
    label: holding_purpose_label_zh,
    parse: parse_holding_purpose,
}

vocabulary! {
    /// Basis for processing the personal information an asset contains (个人信息保护法).
    PersonalDataBasis {
        /// 已匿名化 (art. 4: anonymized information is not personal information).
        Anonymized,
        /// 取得个人同意 (art. 13(1)).
        Consent,
        /// 无: no lawful ground recorded.
        NoBasis,
    }
    code: personal_data_basis_code,
    label: personal_data_basis_label_zh,
    parse: parse_personal_data_basis,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_label_and_code() {
        let by_label = parse_entity_kind("事业单位".into()).unwrap();
        let by_code = parse_entity_kind("public_institution".into()).unwrap();
        assert_eq!(by_label, EntityKind::PublicInstitution);
        assert_eq!(by_code, EntityKind::PublicInstitution);
    }

    #[test]
    fn parse_maps_unknown_term() {
        let error = parse_security_grade("secret".into()).unwrap_err();
        assert_eq!(error.code(), "vocab.unknown_term");
        assert_eq!(error.field(), "SecurityGrade");
        assert_eq!(error.value(), "secret");
        assert!(error.allowed().contains("core (核心数据)"));
    }
}
