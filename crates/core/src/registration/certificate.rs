//! Data-asset certificates (数据资产证书): numbers with a check character and card fingerprints.
//!
//! # Certificate number
//!
//! `DA-RRRRRR-YYYY-NNNNNN-C`, for example `DA-450300-2025-000123-M`:
//! - `DA`: fixed prefix;
//! - `RRRRRR`: the six-digit administrative division code (行政区划代码, GB/T 2260) of the
//!   registering finance bureau, such as 450300 for 桂林市;
//! - `YYYY`: the year of issue, 2000 to 2999;
//! - `NNNNNN`: the sequence within region and year, 000001 to 999999;
//! - `C`: the check character.
//!
//! The check character comes from the 31-symbol alphabet [`CHECK_ALPHABET`] (digits, then the
//! capital letters without I, O, S, Y and Z, which read like 1, 0, 5, V and 2). Write the 16
//! digits as d₁…d₁₆ and give digit dᵢ the weight i + 1; the check value c is the one in 0..31
//! with c + Σ (i + 1)·dᵢ ≡ 0 (mod 31). Because 31 is prime, every weight (1 for the check
//! character, 2 to 17 for the digits) is non-zero and all weights differ mod 31, and every
//! symbol value is below 31: a single substitution changes the sum by w·Δ with 0 < |Δ| < 31,
//! and a swap of two positions by (wᵢ − wⱼ)(xᵢ − xⱼ), neither of which is a multiple of 31. So
//! every single-character substitution and every transposition of two characters, adjacent or
//! not, is detected.
//!
//! # Fingerprint
//!
//! The fingerprint is the lowercase hex SHA-256 of the card's canonical JSON
//! ([`canonical_json`]). Object keys are sorted by code point and there is no whitespace.
//! Strings use JSON's standard escapes and keep non-ASCII characters as UTF-8. Amounts are
//! decimal strings with exactly two decimal places, counts are integers, absent optional fields
//! are `null`, and vocabulary values are their codes.

use std::fmt::{self, Write as _};
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{CardHolder, InfoCard, RegistrationError};

/// Symbols of the check character, in order of value 0 to 30.
pub const CHECK_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUVWX";

const CHECK_MODULUS: u32 = 31;
const PREFIX: &str = "DA";
const YEAR_MIN: u16 = 2000;
const YEAR_MAX: u16 = 2999;
const SEQUENCE_MAX: u32 = 999_999;

/// Computes the check character of the 16 digits of a certificate number: region, year and
/// sequence without separators. Returns `None` when `digits` is not 16 ASCII digits.
///
/// ```
/// use data_assets_core::registration::check_character;
/// assert_eq!(check_character("4503002025000123"), Some('M'));
/// ```
pub fn check_character(digits: &str) -> Option<char> {
    if digits.len() != 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let weighted: u32 = digits
        .bytes()
        .zip(2u32..)
        .map(|(digit, weight)| weight * u32::from(digit - b'0'))
        .sum();
    let check = (CHECK_MODULUS - weighted % CHECK_MODULUS) % CHECK_MODULUS;
    CHECK_ALPHABET
        .get(usize::try_from(check).ok()?)
        .map(|&b| char::from(b))
}

/// A certificate number `DA-RRRRRR-YYYY-NNNNNN-C`; the module documentation gives the format and
/// the check algorithm.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CertificateNumber {
    region_code: String,
    year: u16,
    sequence: u32,
}

impl CertificateNumber {
    /// Builds a number from a region code, a year and a sequence.
    ///
    /// # Errors
    ///
    /// [`RegistrationError::InvalidCertificateNumber`] when the region code is not six digits
    /// starting with 1 to 9, the year is outside 2000–2999, or the sequence is outside
    /// 1–999999.
    ///
    /// ```
    /// use data_assets_core::registration::CertificateNumber;
    /// let number = CertificateNumber::new("450300", 2025, 123)?;
    /// assert_eq!(number.to_string(), "DA-450300-2025-000123-M");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(region_code: &str, year: u16, sequence: u32) -> Result<Self, RegistrationError> {
        let text = format!("{PREFIX}-{region_code}-{year}-{sequence:06}");
        let invalid = |reason: &str| RegistrationError::InvalidCertificateNumber {
            value: text.clone(),
            reason: reason.into(),
        };
        let region_ok = region_code.len() == 6
            && region_code.bytes().all(|b| b.is_ascii_digit())
            && !region_code.starts_with('0');
        if !region_ok {
            return Err(invalid(
                "region code must be six digits starting with 1 to 9",
            ));
        }
        if !(YEAR_MIN..=YEAR_MAX).contains(&year) {
            return Err(invalid("year must be between 2000 and 2999"));
        }
        if sequence == 0 || sequence > SEQUENCE_MAX {
            return Err(invalid("sequence must be between 000001 and 999999"));
        }
        Ok(CertificateNumber {
            region_code: region_code.to_owned(),
            year,
            sequence,
        })
    }

    /// Six-digit administrative division code.
    pub fn region_code(&self) -> &str {
        &self.region_code
    }

    /// Year of issue.
    pub fn year(&self) -> u16 {
        self.year
    }

    /// Sequence within region and year.
    pub fn sequence(&self) -> u32 {
        self.sequence
    }

    fn digits(&self) -> String {
        format!("{}{}{:06}", self.region_code, self.year, self.sequence)
    }

    /// Check character of this number.
    pub fn check(&self) -> char {
        // The constructor guarantees 16 digits, so the fallback is never used.
        check_character(&self.digits()).unwrap_or('?')
    }
}

impl fmt::Display for CertificateNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{PREFIX}-{}-{}-{:06}-{}",
            self.region_code,
            self.year,
            self.sequence,
            self.check()
        )
    }
}

impl FromStr for CertificateNumber {
    type Err = RegistrationError;

    /// Parses `DA-RRRRRR-YYYY-NNNNNN-C` and checks its check character.
    fn from_str(text: &str) -> Result<Self, RegistrationError> {
        let invalid = |reason: &str| RegistrationError::InvalidCertificateNumber {
            value: text.to_owned(),
            reason: reason.into(),
        };

        let parts: Vec<&str> = text.split('-').collect();
        let [prefix, region, year, sequence, check] = parts.as_slice() else {
            return Err(invalid("expected five parts separated by '-'"));
        };
        if *prefix != PREFIX {
            return Err(invalid("prefix must be DA"));
        }
        let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(region, 6) || !all_digits(year, 4) || !all_digits(sequence, 6) {
            return Err(invalid(
                "region, year and sequence must have 6, 4 and 6 digits",
            ));
        }

        let mut check_chars = check.chars();
        let (Some(given), None) = (check_chars.next(), check_chars.next()) else {
            return Err(invalid("check character must be one character"));
        };
        if !given.is_ascii() || !CHECK_ALPHABET.contains(&(given as u8)) {
            return Err(invalid(
                "check character must be one of 0-9 and A-X without I, O, S",
            ));
        }

        let year: u16 = year.parse().map_err(|_| invalid("year is not a number"))?;
        let sequence: u32 = sequence
            .parse()
            .map_err(|_| invalid("sequence is not a number"))?;
        let number = CertificateNumber::new(region, year, sequence)
            .map_err(|_| invalid("region, year or sequence out of range"))?;

        let expected = number.check();
        if given != expected {
            return Err(RegistrationError::CheckCharacterMismatch {
                value: text.to_owned(),
                expected,
            });
        }
        Ok(number)
    }
}

impl TryFrom<String> for CertificateNumber {
    type Error = RegistrationError;
    fn try_from(text: String) -> Result<Self, RegistrationError> {
        text.parse()
    }
}

impl From<CertificateNumber> for String {
    fn from(number: CertificateNumber) -> String {
        number.to_string()
    }
}

/// A data-asset certificate (数据资产证书) issued on registration of an info card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// Certificate number as issued, `DA-RRRRRR-YYYY-NNNNNN-C`. It is kept as text so that a
    /// certificate copied with a typo still loads and [`verify`] reports the typo.
    pub number: String,
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Holder of the asset when the certificate was issued.
    pub holder: CardHolder,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// Lowercase hex SHA-256 of the card's canonical JSON.
    pub fingerprint: String,
}

impl Certificate {
    /// Issues a certificate for a valid card.
    ///
    /// # Errors
    ///
    /// Every problem of the card ([`InfoCard::validate`]); a certificate is never issued for an
    /// invalid card.
    ///
    /// ```
    /// # use data_assets_core::registration::*;
    /// # let card: GovernmentCard = serde_json::from_str(r#"{"asset_id":"GL-001",
    /// #   "name":"交通流量数据","summary":"路口流量","holder":{"name":"桂林市交通运输局",
    /// #   "credit_code":"11450300MB0000000X"},"category":"public",
    /// #   "rights_registration":"registered","booking_status":"intangible_asset",
    /// #   "table_count":12,"field_count":340,"record_count":5000000,
    /// #   "open_type":"not_open","sharing_type":"unconditional","security_grade":"general",
    /// #   "update_frequency":"daily","source_systems":["交通信号控制系统"],
    /// #   "operation_status":"not_authorized","book_value":"800000.00",
    /// #   "contains_personal_data":false,"personal_data_basis":"none"}"#).unwrap();
    /// let number = CertificateNumber::new("450300", 2025, 1)?;
    /// let date = chrono::NaiveDate::from_ymd_opt(2025, 11, 28).unwrap();
    /// let certificate = Certificate::issue(&number, &card, date).map_err(|p| p[0].clone())?;
    /// assert!(verify(&certificate, &card).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue<C: InfoCard>(
        number: &CertificateNumber,
        card: &C,
        issued_on: NaiveDate,
    ) -> Result<Self, Vec<RegistrationError>> {
        card.validate()?;
        Ok(Certificate {
            number: number.to_string(),
            asset_id: card.asset_id().to_owned(),
            holder: card.holder().clone(),
            issued_on,
            fingerprint: fingerprint(card),
        })
    }
}

/// Writes the canonical JSON of a card: sorted keys, no whitespace, amounts with two decimals.
pub fn canonical_json<C: InfoCard>(card: &C) -> String {
    let value = serde_json::to_value(card.with_canonical_amounts()).unwrap_or_default();
    let mut out = String::new();
    write_canonical(&value, &mut out);
    out
}

fn write_canonical(value: &serde_json::Value, out: &mut String) {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (index, (key, item)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(key, out);
                out.push(':');
                write_canonical(item, out);
            }
            out.push('}');
        }
        serde_json::Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        serde_json::Value::String(text) => write_string(text, out),
        other => out.push_str(&other.to_string()),
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push_str(&serde_json::Value::String(text.to_owned()).to_string());
}

/// Computes the lowercase hex SHA-256 of [`canonical_json`].
pub fn fingerprint<C: InfoCard>(card: &C) -> String {
    let digest = Sha256::digest(canonical_json(card).as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Checks that `certificate` was issued for `card` and that its number is well formed.
///
/// The checks run in this order, and the first failure is returned: the number's format and
/// check character, the asset id, the holder, then the fingerprint.
///
/// # Errors
///
/// - [`RegistrationError::InvalidCertificateNumber`] or
///   [`RegistrationError::CheckCharacterMismatch`] for a mistyped number;
/// - [`RegistrationError::CertificateMismatch`] when the card names another asset or holder;
/// - [`RegistrationError::FingerprintMismatch`] when any other field of the card changed.
pub fn verify<C: InfoCard>(certificate: &Certificate, card: &C) -> Result<(), RegistrationError> {
    certificate.number.parse::<CertificateNumber>()?;
    if certificate.asset_id != card.asset_id() {
        return Err(RegistrationError::CertificateMismatch {
            field: "asset_id".into(),
            value: card.asset_id().to_owned(),
            expected: certificate.asset_id.clone(),
        });
    }
    if &certificate.holder != card.holder() {
        return Err(RegistrationError::CertificateMismatch {
            field: "holder".into(),
            value: format!("{} {}", card.holder().name, card.holder().credit_code),
            expected: format!(
                "{} {}",
                certificate.holder.name, certificate.holder.credit_code
            ),
        });
    }
    let actual = fingerprint(card);
    if actual != certificate.fingerprint {
        return Err(RegistrationError::FingerprintMismatch {
            value: actual,
            expected: certificate.fingerprint.clone(),
        });
    }
    Ok(())
}
