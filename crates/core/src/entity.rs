//! Reporting entities (会计主体): government units and state-owned enterprises.
//!
//! An [`Entity`] is identified by its 统一社会信用代码 ([`Uscc`]), checked against
//! GB 32100-2015 by [`validate_uscc`], and located by a 6-digit 行政区划代码 ([`RegionCode`],
//! GB/T 2260).
//!
//! # Errors
//!
//! Every fallible function returns [`EntityError`]. Each variant names the rule that failed with
//! a stable code (`entity.uscc_length`, `entity.kind_mismatch`, …), the field, the rejected value
//! and what is allowed, through [`ErrorDetail`].

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::ErrorDetail;

crate::vocab! {
    /// Kind of unit, which decides the accounting framework and the accounts used.
    ///
    /// 行政单位 and 事业单位 follow 政府会计制度 (财会〔2017〕25号) with parallel budget accounting;
    /// enterprises follow 企业会计准则 and 企业数据资源相关会计处理暂行规定 (财会〔2023〕11号).
    pub enum EntityKind {
        /// 行政单位: administrative unit, such as a city bureau.
        AdministrativeUnit = ("administrative_unit", "行政单位"),
        /// 事业单位: public institution, such as a centre or institute.
        PublicInstitution = ("public_institution", "事业单位"),
        /// 国有企业: state-owned enterprise.
        StateOwnedEnterprise = ("state_owned_enterprise", "国有企业"),
        /// 国有企业子公司: subsidiary of a state-owned enterprise.
        SoeSubsidiary = ("soe_subsidiary", "国有企业子公司"),
    }
}

impl EntityKind {
    /// Whether the unit keeps government accounts (财务会计 + 预算会计).
    pub const fn is_government(self) -> bool {
        matches!(
            self,
            EntityKind::AdministrativeUnit | EntityKind::PublicInstitution
        )
    }

    /// Whether the unit keeps enterprise accounts.
    pub const fn is_enterprise(self) -> bool {
        !self.is_government()
    }

    /// Registration-and-category prefixes (USCC positions 1–2, GB 32100-2015 table 1) that a unit
    /// of this kind can carry.
    ///
    /// - 行政单位: 11 机关, 13 编办直接管理机构编制的群众团体, 19 其他 under 机构编制.
    /// - 事业单位: 12 事业单位, 19 其他 under 机构编制, A1 军队事业单位.
    /// - 国有企业 and subsidiaries: 91 企业 under 工商 (市场监管).
    pub const fn allowed_uscc_prefixes(self) -> &'static [&'static str] {
        match self {
            EntityKind::AdministrativeUnit => &["11", "13", "19"],
            EntityKind::PublicInstitution => &["12", "19", "A1"],
            EntityKind::StateOwnedEnterprise | EntityKind::SoeSubsidiary => &["91"],
        }
    }
}

/// The 31 characters of GB 32100-2015 in value order: the character at index `i` has value `i`
/// in the check-character computation. I, O, Z, S and V are excluded.
pub const USCC_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of positions 1–17 for the USCC check character (GB 32100-2015 clause 4.2): 3^(i−1)
/// mod 31.
pub const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Weights of the eight body characters of an organization code (GB 11714-1997 clause 5).
pub const ORGANIZATION_CODE_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Number of characters of a 统一社会信用代码.
pub const USCC_LENGTH: usize = 18;

/// Errors of entity and USCC validation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum EntityError {
    /// The code does not have 18 characters.
    #[error("invalid uscc {value:?}: has {length} characters, expected 18")]
    UsccLength {
        /// Rejected code.
        value: String,
        /// Number of characters found.
        length: usize,
    },
    /// A character is outside the 31-character set.
    #[error(
        "invalid uscc {value:?}: character {character:?} at position {position} is not allowed"
    )]
    UsccCharset {
        /// Rejected code.
        value: String,
        /// One-based position of the first bad character.
        position: usize,
        /// The bad character.
        character: char,
    },
    /// Positions 3–8 are not six digits.
    #[error("invalid uscc {value:?}: region code {region:?} at positions 3-8 is not six digits")]
    UsccRegion {
        /// Rejected code.
        value: String,
        /// Characters found at positions 3–8.
        region: String,
    },
    /// The check digit of the embedded organization code (position 17) is wrong.
    #[error(
        "invalid uscc {value:?}: organization code check digit is {found:?}, expected {expected:?}"
    )]
    UsccOrganizationCheck {
        /// Rejected code.
        value: String,
        /// Character found at position 17.
        found: char,
        /// Check digit computed per GB 11714.
        expected: char,
    },
    /// The final check character (position 18) is wrong.
    #[error("invalid uscc {value:?}: check character is {found:?}, expected {expected:?}")]
    UsccCheckCharacter {
        /// Rejected code.
        value: String,
        /// Character found at position 18.
        found: char,
        /// Check character computed per GB 32100-2015.
        expected: char,
    },
    /// The registration-and-category prefix contradicts the entity kind.
    #[error("uscc {value:?} has prefix {prefix} which does not fit a {kind}")]
    KindMismatch {
        /// The code.
        value: String,
        /// Its positions 1–2.
        prefix: String,
        /// Kind of the entity.
        kind: EntityKind,
        /// Prefixes that fit the kind, joined by `, `.
        allowed: String,
    },
    /// A region code is not six digits.
    #[error("invalid region code {value:?}: expected six digits")]
    RegionCode {
        /// Rejected text.
        value: String,
    },
    /// The entity name is empty.
    #[error("entity name is empty")]
    EmptyName,
}

impl ErrorDetail for EntityError {
    fn code(&self) -> &'static str {
        match self {
            EntityError::UsccLength { .. } => "entity.uscc_length",
            EntityError::UsccCharset { .. } => "entity.uscc_charset",
            EntityError::UsccRegion { .. } => "entity.uscc_region",
            EntityError::UsccOrganizationCheck { .. } => "entity.uscc_organization_check",
            EntityError::UsccCheckCharacter { .. } => "entity.uscc_check_character",
            EntityError::KindMismatch { .. } => "entity.kind_mismatch",
            EntityError::RegionCode { .. } => "entity.invalid_region_code",
            EntityError::EmptyName => "entity.empty_name",
        }
    }
    fn field(&self) -> &str {
        match self {
            EntityError::RegionCode { .. } => "region_code",
            EntityError::EmptyName => "name",
            _ => "uscc",
        }
    }
    fn value(&self) -> &str {
        match self {
            EntityError::UsccLength { value, .. }
            | EntityError::UsccCharset { value, .. }
            | EntityError::UsccRegion { value, .. }
            | EntityError::UsccOrganizationCheck { value, .. }
            | EntityError::UsccCheckCharacter { value, .. }
            | EntityError::KindMismatch { value, .. }
            | EntityError::RegionCode { value } => value,
            EntityError::EmptyName => "",
        }
    }
    fn allowed(&self) -> &str {
        match self {
            EntityError::UsccLength { .. } => "exactly 18 characters (GB 32100-2015)",
            EntityError::UsccCharset { .. } => {
                "digits and upper-case letters except I, O, Z, S and V (GB 32100-2015)"
            }
            EntityError::UsccRegion { .. } => "six digits of a 行政区划代码 at positions 3-8",
            EntityError::UsccOrganizationCheck { .. } => {
                "the GB 11714 check digit of positions 9-16 at position 17"
            }
            EntityError::UsccCheckCharacter { .. } => {
                "the GB 32100-2015 check character of positions 1-17 at position 18"
            }
            EntityError::KindMismatch { allowed, .. } => allowed,
            EntityError::RegionCode { .. } => "six digits, such as 450300",
            EntityError::EmptyName => "a non-empty name",
        }
    }
}

/// A 统一社会信用代码 (unified social credit code) that passed [`validate_uscc`].
///
/// Serialized as its 18-character text; deserializing validates it again.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Uscc(String);

impl Uscc {
    /// Wraps a code known valid at compile time, for built-in examples; a unit test checks
    /// every use.
    pub(crate) fn from_trusted(text: &str) -> Self {
        Uscc(text.to_owned())
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Registration-and-category prefix, positions 1–2 (such as `91`).
    pub fn prefix(&self) -> &str {
        self.0.get(0..2).unwrap_or_default()
    }

    /// Region code of the registering authority, positions 3–8.
    pub fn region_code(&self) -> RegionCode {
        RegionCode(self.0.get(2..8).unwrap_or_default().to_owned())
    }

    /// Embedded organization code, positions 9–17, including its check digit.
    pub fn organization_code(&self) -> &str {
        self.0.get(8..17).unwrap_or_default()
    }

    /// Chinese label of the registration authority and category (GB 32100-2015 table 1), when
    /// the prefix is one of the common ones.
    pub fn prefix_label_zh(&self) -> Option<&'static str> {
        prefix_label_zh(self.prefix())
    }
}

/// Implements the text conversions of a validated code newtype: a JSON Schema string with a
/// pattern, `Display`, `FromStr` and `TryFrom<String>` through the validating constructor, and
/// `From<_> for String` (used by serde).
macro_rules! text_code {
    ($name:ident, $parse:path, $pattern:literal, $description:literal) => {
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $description
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = EntityError;
            fn from_str(text: &str) -> Result<Self, EntityError> {
                $parse(text)
            }
        }

        impl TryFrom<String> for $name {
            type Error = EntityError;
            fn try_from(text: String) -> Result<Self, EntityError> {
                $parse(&text)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                code.0
            }
        }
    };
}

text_code!(
    Uscc,
    validate_uscc,
    "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$",
    "统一社会信用代码 (GB 32100-2015), 18 characters with check characters"
);

text_code!(
    RegionCode,
    RegionCode::new,
    "^[0-9]{6}$",
    "行政区划代码 (GB/T 2260), six digits such as 450300"
);

/// Returns the label of a registration-and-category prefix (GB 32100-2015 table 1) for the
/// prefixes of 机构编制 (1x), 民政 (5x) and 工商 (9x).
fn prefix_label_zh(prefix: &str) -> Option<&'static str> {
    let label = match prefix {
        "11" => "机关",
        "12" => "事业单位",
        "13" => "编办直接管理机构编制的群众团体",
        "19" => "其他（机构编制）",
        "51" => "社会团体",
        "52" => "民办非企业单位",
        "53" => "基金会",
        "59" => "其他（民政）",
        "91" => "企业",
        "92" => "个体工商户",
        "93" => "农民专业合作社",
        "A1" => "军队事业单位",
        _ => return None,
    };
    Some(label)
}

/// Returns the value of a character in the GB 32100-2015 set, or `None` outside it.
fn uscc_value(character: char) -> Option<u32> {
    let index = USCC_ALPHABET.find(character)?;
    u32::try_from(index).ok()
}

/// Returns the value of an organization-code character per GB 11714: digits 0–9, letters A–Z
/// as 10–35.
fn organization_value(character: char) -> Option<u32> {
    character.to_digit(36)
}

/// Computes the GB 11714 check digit of eight organization-code characters:
/// C9 = 11 − (Σ value × weight mod 11), with 10 written `X` and 11 written `0`.
fn organization_check_digit(body: &[char]) -> Option<char> {
    let mut sum = 0;
    for (character, weight) in body.iter().zip(ORGANIZATION_CODE_WEIGHTS) {
        sum += organization_value(*character)? * weight;
    }
    match 11 - sum % 11 {
        10 => Some('X'),
        11 => Some('0'),
        digit => char::from_digit(digit, 10),
    }
}

/// Computes the GB 32100-2015 check character of the first 17 characters:
/// C18 = 31 − (Σ value × weight mod 31), with 31 written `0`.
fn uscc_check_character(first17: &[char]) -> Option<char> {
    let mut sum = 0;
    for (character, weight) in first17.iter().zip(USCC_WEIGHTS) {
        sum += uscc_value(*character)? * weight;
    }
    let value = (31 - sum % 31) % 31;
    USCC_ALPHABET.chars().nth(usize::try_from(value).ok()?)
}

/// Validates a 统一社会信用代码 against GB 32100-2015 and returns it as a [`Uscc`].
///
/// # Errors
///
/// The first rule that fails, checked in this order:
///
/// - [`EntityError::UsccLength`]: not exactly 18 characters.
/// - [`EntityError::UsccCharset`]: a character outside `0-9 A-H J-N P-R T-U W-Y` (lower case,
///   I, O, Z, S and V are rejected), with its position.
/// - [`EntityError::UsccRegion`]: positions 3–8 are not six digits.
/// - [`EntityError::UsccOrganizationCheck`]: position 17 is not the GB 11714 check digit of
///   positions 9–16.
/// - [`EntityError::UsccCheckCharacter`]: position 18 is not the check character of positions
///   1–17.
///
/// ```
/// use data_assets_core::entity::validate_uscc;
/// let code = validate_uscc("91350100M000100Y43")?;
/// assert_eq!(code.prefix(), "91");
/// assert_eq!(code.organization_code(), "M000100Y4");
/// assert!(validate_uscc("91350100M000100Y44").is_err());
/// # Ok::<(), data_assets_core::entity::EntityError>(())
/// ```
pub fn validate_uscc(text: &str) -> Result<Uscc, EntityError> {
    let chars: Vec<char> = text.chars().collect();

    // Length and character set.
    if chars.len() != USCC_LENGTH {
        return Err(EntityError::UsccLength {
            value: text.to_owned(),
            length: chars.len(),
        });
    }
    if let Some((index, &character)) = chars
        .iter()
        .enumerate()
        .find(|(_, c)| uscc_value(**c).is_none())
    {
        return Err(EntityError::UsccCharset {
            value: text.to_owned(),
            position: index + 1,
            character,
        });
    }

    // Region code, positions 3–8.
    let region = &chars[2..8];
    if !region.iter().all(char::is_ascii_digit) {
        return Err(EntityError::UsccRegion {
            value: text.to_owned(),
            region: region.iter().collect(),
        });
    }

    // Organization code check digit, position 17 over positions 9–16.
    let expected = organization_check_digit(&chars[8..16]).unwrap_or('?');
    if chars[16] != expected {
        return Err(EntityError::UsccOrganizationCheck {
            value: text.to_owned(),
            found: chars[16],
            expected,
        });
    }

    // Final check character, position 18 over positions 1–17.
    let expected = uscc_check_character(&chars[..17]).unwrap_or('?');
    if chars[17] != expected {
        return Err(EntityError::UsccCheckCharacter {
            value: text.to_owned(),
            found: chars[17],
            expected,
        });
    }
    Ok(Uscc(text.to_owned()))
}

/// Whether `text` is a valid 统一社会信用代码 (see [`validate_uscc`]).
///
/// ```
/// assert!(data_assets_core::entity::is_valid_uscc("91350100M000100Y43"));
/// assert!(!data_assets_core::entity::is_valid_uscc("91350100m000100y43"));
/// ```
pub fn is_valid_uscc(text: &str) -> bool {
    validate_uscc(text).is_ok()
}

/// A 6-digit 行政区划代码 (GB/T 2260).
///
/// Any six digits are accepted. [`RegionCode::name_zh`] returns the name of a built-in code
/// (Guangxi, its prefecture-level cities and every county of 桂林市) and `None` for others.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RegionCode(String);

/// Built-in region codes with their names (GB/T 2260, as published by 民政部).
const KNOWN_REGIONS: &[(&str, &str)] = &[
    ("450000", "广西壮族自治区"),
    ("450100", "南宁市"),
    ("450200", "柳州市"),
    ("450300", "桂林市"),
    ("450302", "秀峰区"),
    ("450303", "叠彩区"),
    ("450304", "象山区"),
    ("450305", "七星区"),
    ("450311", "雁山区"),
    ("450312", "临桂区"),
    ("450321", "阳朔县"),
    ("450323", "灵川县"),
    ("450324", "全州县"),
    ("450325", "兴安县"),
    ("450326", "永福县"),
    ("450327", "灌阳县"),
    ("450328", "龙胜各族自治县"),
    ("450329", "资源县"),
    ("450330", "平乐县"),
    ("450332", "恭城瑶族自治县"),
    ("450381", "荔浦市"),
    ("450400", "梧州市"),
    ("450500", "北海市"),
    ("450600", "防城港市"),
    ("450700", "钦州市"),
    ("450800", "贵港市"),
    ("450900", "玉林市"),
    ("451000", "百色市"),
    ("451100", "贺州市"),
    ("451200", "河池市"),
    ("451300", "来宾市"),
    ("451400", "崇左市"),
];

impl RegionCode {
    /// Parses six ASCII digits.
    ///
    /// # Errors
    ///
    /// [`EntityError::RegionCode`] when `text` is not exactly six ASCII digits.
    ///
    /// ```
    /// use data_assets_core::entity::RegionCode;
    /// let code = RegionCode::new("450325")?;
    /// assert_eq!(code.name_zh(), Some("兴安县"));
    /// assert_eq!(RegionCode::new("990000")?.name_zh(), None);
    /// # Ok::<(), data_assets_core::entity::EntityError>(())
    /// ```
    pub fn new(text: &str) -> Result<Self, EntityError> {
        if text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(RegionCode(text.to_owned()))
        } else {
            Err(EntityError::RegionCode {
                value: text.to_owned(),
            })
        }
    }

    /// The six digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Returns the name of a built-in code, or `None` for any other code.
    pub fn name_zh(&self) -> Option<&'static str> {
        KNOWN_REGIONS
            .iter()
            .find(|(code, _)| *code == self.0)
            .map(|(_, name)| *name)
    }

    /// Whether the code is one of the built-in codes.
    pub fn is_known(&self) -> bool {
        self.name_zh().is_some()
    }
}

/// A reporting unit (会计主体): its code, name, kind and region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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

impl Entity {
    /// Builds an entity and checks it with [`Entity::validate`].
    ///
    /// # Errors
    ///
    /// The errors of [`Entity::validate`].
    ///
    /// ```
    /// use data_assets_core::entity::{Entity, EntityKind, RegionCode, validate_uscc};
    /// let uscc = validate_uscc("91350100M000100Y43")?;
    /// let region = RegionCode::new("450300")?;
    /// let soe = Entity::new(uscc.clone(), "桂林数据集团有限公司", EntityKind::StateOwnedEnterprise, region.clone())?;
    /// assert_eq!(soe.region_code.name_zh(), Some("桂林市"));
    /// assert!(Entity::new(uscc, "桂林市某局", EntityKind::AdministrativeUnit, region).is_err());
    /// # Ok::<(), data_assets_core::entity::EntityError>(())
    /// ```
    pub fn new(
        uscc: Uscc,
        name: &str,
        kind: EntityKind,
        region_code: RegionCode,
    ) -> Result<Self, EntityError> {
        let entity = Entity {
            uscc,
            name: name.to_owned(),
            kind,
            region_code,
        };
        entity.validate()?;
        Ok(entity)
    }

    /// Checks the name and that the USCC prefix fits the kind.
    ///
    /// # Errors
    ///
    /// - [`EntityError::EmptyName`]: the name is empty or blank.
    /// - [`EntityError::KindMismatch`]: the registration-and-category prefix is not one of
    ///   [`EntityKind::allowed_uscc_prefixes`] (GB 32100-2015 table 1), such as 91 企业 for a
    ///   行政单位 or 11 机关 for a 国有企业.
    pub fn validate(&self) -> Result<(), EntityError> {
        if crate::text::is_blank(&self.name) {
            return Err(EntityError::EmptyName);
        }
        let allowed = self.kind.allowed_uscc_prefixes();
        if !allowed.contains(&self.uscc.prefix()) {
            return Err(EntityError::KindMismatch {
                value: self.uscc.to_string(),
                prefix: self.uscc.prefix().to_owned(),
                kind: self.kind,
                allowed: format!("a prefix in {}", allowed.join(", ")),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 31 characters of GB 32100-2015 clause 4.1, typed out again for the independent
    /// reference implementation below.
    const CHARSET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// Reference check character written from GB 32100-2015 clause 4.2: the weight of position
    /// i is 3^(i−1) mod 31, C18 = 31 − (Σ Ci × Wi mod 31), and a result of 31 is written 0.
    fn reference_check(first17: &str) -> char {
        let mut weight: usize = 1;
        let mut sum: usize = 0;
        for byte in first17.bytes() {
            let value = CHARSET.iter().position(|c| *c == byte).unwrap();
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        let c18 = 31 - sum % 31;
        let c18 = if c18 == 31 { 0 } else { c18 };
        char::from(CHARSET[c18])
    }

    /// Reference check digit written from GB 11714-1997: C9 = 11 − (Σ Ci × Wi mod 11) with
    /// weights 3,7,9,10,5,8,4,2, letters A–Z valued 10–35, 10 written X and 11 written 0.
    fn reference_org_check(body: &str) -> char {
        let weights = [3u32, 7, 9, 10, 5, 8, 4, 2];
        let sum: u32 = body
            .bytes()
            .zip(weights)
            .map(|(b, w)| {
                let v = if b.is_ascii_digit() {
                    b - b'0'
                } else {
                    b - b'A' + 10
                };
                u32::from(v) * w
            })
            .sum();
        match 11 - sum % 11 {
            10 => 'X',
            11 => '0',
            d => char::from_digit(d, 10).unwrap(),
        }
    }

    /// Builds a full code from a prefix, region and 8-character organization body using the
    /// reference functions only.
    fn reference_code(prefix_region: &str, org_body: &str) -> String {
        let first17 = format!("{prefix_region}{org_body}{}", reference_org_check(org_body));
        format!("{first17}{}", reference_check(&first17))
    }

    #[test]
    fn uscc_published_example_is_valid() {
        let code = validate_uscc("91350100M000100Y43").unwrap();
        assert_eq!(code.as_str(), "91350100M000100Y43");
        assert_eq!(code.region_code().as_str(), "350100");
        assert_eq!(code.prefix_label_zh(), Some("企业"));
    }

    #[test]
    fn uscc_reference_weights_match_standard() {
        let mut weight = 1;
        for expected in USCC_WEIGHTS {
            assert_eq!(weight, expected);
            weight = weight * 3 % 31;
        }
    }

    #[test]
    fn uscc_reference_codes_are_valid() {
        let cases = [
            ("11450300", "00000001"),
            ("12450305", "MB000000"),
            ("91450325", "MA5KXY12"),
            ("91450300", "198230XA"),
            ("13450000", "12345678"),
        ];
        for (prefix_region, body) in cases {
            let code = reference_code(prefix_region, body);
            assert!(is_valid_uscc(&code), "{code}");
        }
    }

    #[test]
    fn uscc_reference_agrees_on_published_code() {
        assert_eq!(reference_code("91350100", "M000100Y"), "91350100M000100Y43");
    }

    #[test]
    fn uscc_check_character_zero_when_sum_divisible() {
        // Search reference codes until one whose final value is 31 (written 0) is found.
        let found = (0..10_000u32)
            .map(|n| reference_code("91450300", &format!("MA{n:06}")))
            .find(|code| code.ends_with('0'))
            .unwrap();
        assert!(is_valid_uscc(&found), "{found}");
    }

    #[test]
    fn uscc_org_check_x_accepted() {
        let code = (0..10_000u32)
            .map(|n| reference_code("12450300", &format!("4{n:07}")))
            .find(|code| code.as_bytes()[16] == b'X')
            .unwrap();
        assert!(is_valid_uscc(&code), "{code}");
    }

    #[test]
    fn uscc_wrong_org_check_digit() {
        // M000100Y has check digit 4 (sum 139, 139 mod 11 = 7, 11 − 7 = 4); put 5 and repair
        // the final character so that only the organization rule fails.
        let first17 = "91350100M000100Y5";
        let code = format!("{first17}{}", reference_check(first17));
        let error = validate_uscc(&code).unwrap_err();
        assert_eq!(error.code(), "entity.uscc_organization_check");
        assert_eq!(
            error,
            EntityError::UsccOrganizationCheck {
                value: code,
                found: '5',
                expected: '4'
            }
        );
    }

    #[test]
    fn uscc_wrong_final_character() {
        let error = validate_uscc("91350100M000100Y44").unwrap_err();
        assert_eq!(error.code(), "entity.uscc_check_character");
        assert_eq!(
            error,
            EntityError::UsccCheckCharacter {
                value: "91350100M000100Y44".into(),
                found: '4',
                expected: '3'
            }
        );
    }

    #[test]
    fn uscc_lower_case_rejected() {
        let error = validate_uscc("91350100m000100Y43").unwrap_err();
        assert_eq!(error.code(), "entity.uscc_charset");
        assert!(matches!(
            error,
            EntityError::UsccCharset {
                position: 9,
                character: 'm',
                ..
            }
        ));
    }

    #[test]
    fn uscc_excluded_letters_rejected() {
        for letter in ['I', 'O', 'Z', 'S', 'V'] {
            let code = format!("91350100M000100{letter}43");
            let error = validate_uscc(&code).unwrap_err();
            assert_eq!(error.code(), "entity.uscc_charset", "{letter}");
            assert!(
                matches!(error, EntityError::UsccCharset { position: 16, .. }),
                "{letter}"
            );
        }
    }

    #[test]
    fn uscc_wrong_length() {
        for code in [
            "",
            "91350100M000100Y4",
            "91350100M000100Y433",
            "９1350100M000100Y4",
        ] {
            let error = validate_uscc(code).unwrap_err();
            assert_eq!(error.code(), "entity.uscc_length", "{code:?}");
        }
    }

    #[test]
    fn uscc_non_digit_region() {
        let error = validate_uscc("91A50100M000100Y43").unwrap_err();
        assert_eq!(error.code(), "entity.uscc_region");
    }

    #[test]
    fn uscc_serde_round_trip_validates() {
        let code = validate_uscc("91350100M000100Y43").unwrap();
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, "\"91350100M000100Y43\"");
        assert_eq!(serde_json::from_str::<Uscc>(&json).unwrap(), code);
        assert!(serde_json::from_str::<Uscc>("\"91350100M000100Y44\"").is_err());
    }

    #[test]
    fn region_known_guilin_codes() {
        let cases = [
            ("450000", "广西壮族自治区"),
            ("450300", "桂林市"),
            ("450302", "秀峰区"),
            ("450303", "叠彩区"),
            ("450304", "象山区"),
            ("450305", "七星区"),
            ("450311", "雁山区"),
            ("450312", "临桂区"),
            ("450321", "阳朔县"),
            ("450325", "兴安县"),
        ];
        for (code, name) in cases {
            assert_eq!(
                RegionCode::new(code).unwrap().name_zh(),
                Some(name),
                "{code}"
            );
        }
    }

    #[test]
    fn region_table_codes_unique_and_wellformed() {
        let mut codes: Vec<&str> = KNOWN_REGIONS.iter().map(|(code, _)| *code).collect();
        assert!(codes.iter().all(|code| RegionCode::new(code).is_ok()));
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), KNOWN_REGIONS.len());
    }

    #[test]
    fn region_unknown_but_well_formed() {
        let code = RegionCode::new("110105").unwrap();
        assert!(!code.is_known());
        assert!(RegionCode::new("45030").is_err());
        assert!(RegionCode::new("4503OO").is_err());
        assert!(RegionCode::new("４５０３００").is_err());
    }

    fn entity(code: &str, kind: EntityKind) -> Result<Entity, EntityError> {
        Entity::new(
            validate_uscc(code)?,
            "单位",
            kind,
            RegionCode::new("450300")?,
        )
    }

    #[test]
    fn entity_kind_mismatch_detected() {
        let enterprise = reference_code("91450300", "MA5KXY12");
        let organ = reference_code("11450300", "00000001");
        let institution = reference_code("12450305", "MB000000");

        let error = entity(&enterprise, EntityKind::AdministrativeUnit).unwrap_err();
        assert_eq!(error.code(), "entity.kind_mismatch");
        let error = entity(&organ, EntityKind::StateOwnedEnterprise).unwrap_err();
        assert_eq!(error.code(), "entity.kind_mismatch");
        assert_eq!(error.value(), organ);
        let error = entity(&institution, EntityKind::AdministrativeUnit).unwrap_err();
        assert_eq!(error.code(), "entity.kind_mismatch");

        assert!(entity(&enterprise, EntityKind::SoeSubsidiary).is_ok());
        assert!(entity(&organ, EntityKind::AdministrativeUnit).is_ok());
        assert!(entity(&institution, EntityKind::PublicInstitution).is_ok());
    }

    #[test]
    fn entity_empty_name_rejected() {
        let uscc = validate_uscc("91350100M000100Y43").unwrap();
        let region = RegionCode::new("450300").unwrap();
        let error = Entity::new(uscc, "  ", EntityKind::StateOwnedEnterprise, region).unwrap_err();
        assert_eq!(error.code(), "entity.empty_name");
    }

    fn alphabet_char(index: usize) -> char {
        char::from(CHARSET[index % CHARSET.len()])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        #[test]
        fn uscc_reference_codes_accepted(
            prefix in proptest::collection::vec(0usize..31, 2),
            region in 0u32..1_000_000,
            body in proptest::collection::vec(0usize..31, 8),
        ) {
            // Organization bodies use digits and every letter but I, O, Z, S and V.
            let body: String = body.iter().map(|i| alphabet_char(*i)).collect();
            let head: String = prefix.iter().map(|i| alphabet_char(*i)).collect();
            let code = reference_code(&format!("{head}{region:06}"), &body);
            proptest::prop_assert!(is_valid_uscc(&code), "{}", code);
        }

        #[test]
        fn uscc_single_substitution_rejected(
            region in 0u32..1_000_000,
            position in 0usize..18,
            shift in 1usize..31,
        ) {
            // Weights are invertible mod 31, so changing one character always changes the
            // check sum and is detected.
            let code = reference_code(&format!("91{region:06}"), "MA5KXY12");
            let mut chars: Vec<char> = code.chars().collect();
            let old = CHARSET.iter().position(|c| char::from(*c) == chars[position]).unwrap();
            chars[position] = alphabet_char(old + shift);
            let changed: String = chars.into_iter().collect();
            proptest::prop_assert!(!is_valid_uscc(&changed), "{} from {}", changed, code);
        }
    }
}
