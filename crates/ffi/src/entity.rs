//! Reporting units and their 统一社会信用代码 (GB 32100-2015).
//!
//! A USCC crosses the boundary as its 18-character text and is validated on the way in, so a
//! Java `String` where a Rust `Uscc` is expected is rejected with the core's `entity.uscc_*`
//! code before the function runs.

use data_assets_core::entity::{self as core_entity, Entity, EntityKind, RegionCode, Uscc};

use crate::error::DataAssetsError;

/// A reporting unit (会计主体): its code, name, kind and region.
#[uniffi::remote(Record)]
pub struct Entity {
    /// 统一社会信用代码.
    pub uscc: Uscc,
    /// Registered name (单位名称).
    pub name: String,
    /// 单位类型.
    pub kind: EntityKind,
    /// 行政区划代码 of the unit's seat.
    pub region_code: RegionCode,
}

/// The parts of a valid 统一社会信用代码.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct UsccInfo {
    /// The 18-character code.
    pub code: String,
    /// Registration-authority and category prefix, positions 1–2 (such as `11` 机关).
    pub prefix: String,
    /// Chinese label of the prefix, when the prefix is one GB 32100-2015 lists.
    pub prefix_label_zh: Option<String>,
    /// 行政区划代码 at positions 3–8.
    pub region_code: String,
    /// Name of the region, when the code is a known one.
    pub region_name_zh: Option<String>,
    /// Organization code at positions 9–17.
    pub organization_code: String,
}

impl From<&Uscc> for UsccInfo {
    fn from(uscc: &Uscc) -> Self {
        let region = uscc.region_code();
        UsccInfo {
            code: uscc.as_str().to_owned(),
            prefix: uscc.prefix().to_owned(),
            prefix_label_zh: uscc.prefix_label_zh().map(str::to_owned),
            region_code: region.as_str().to_owned(),
            region_name_zh: region.name_zh().map(str::to_owned),
            organization_code: uscc.organization_code().to_owned(),
        }
    }
}

/// Checks whether `text` is a valid 统一社会信用代码: 18 characters of the GB 32100-2015 set, a
/// six-digit region, and both check characters right.
#[uniffi::export]
pub fn is_valid_uscc(text: String) -> bool {
    core_entity::is_valid_uscc(&text)
}

/// Validates a 统一社会信用代码 and returns its parts.
///
/// # Errors
///
/// `entity.uscc_length`, `entity.uscc_charset`, `entity.uscc_region`,
/// `entity.uscc_organization_check` or `entity.uscc_check_character`, each with field `uscc`.
#[uniffi::export]
pub fn validate_uscc(text: String) -> Result<UsccInfo, DataAssetsError> {
    let uscc = core_entity::validate_uscc(&text)?;
    Ok(UsccInfo::from(&uscc))
}

/// Builds a reporting unit and checks that its USCC prefix fits its kind.
///
/// # Errors
///
/// The `entity.uscc_*` codes for an invalid code, `entity.invalid_region_code`,
/// `entity.empty_name`, and `entity.kind_mismatch` when the prefix does not fit the kind (91 企业
/// for a 行政单位, say).
#[uniffi::export]
pub fn new_entity(
    uscc: Uscc,
    name: String,
    kind: EntityKind,
    region_code: RegionCode,
) -> Result<Entity, DataAssetsError> {
    Ok(Entity::new(uscc, &name, kind, region_code)?)
}

/// Returns the USCC prefixes that fit `kind` (GB 32100-2015 table 1).
#[uniffi::export]
pub fn allowed_uscc_prefixes(kind: EntityKind) -> Vec<String> {
    kind.allowed_uscc_prefixes()
        .iter()
        .map(|prefix| (*prefix).to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_reads_parts() {
        let info = validate_uscc("91350100M000100Y43".into()).unwrap();
        assert_eq!(info.prefix, "91");
        assert_eq!(info.region_code, "350100");
        assert_eq!(info.organization_code, "M000100Y4");
    }

    #[test]
    fn validate_maps_check_character() {
        let error = validate_uscc("91350100M000100Y44".into()).unwrap_err();
        assert_eq!(error.code(), "entity.uscc_check_character");
        assert_eq!(error.field(), "uscc");
        assert_eq!(error.value(), "91350100M000100Y44");
    }
}
