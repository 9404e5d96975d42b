//! Controlled vocabularies: enums with a stable snake_case code and a Chinese label.
//!
//! Every vocabulary in the crate is declared with [`vocab!`](crate::vocab!), which gives it
//! `code()`, `label_zh()`, `ALL`, `Display` (the Chinese label), `FromStr` accepting either the
//! code or the label, and serde that writes the code and reads the code or the label.

use thiserror::Error;

use crate::error::ErrorDetail;

/// A text that matches no code or label of a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown {vocabulary} {value:?}: expected one of {allowed}")]
pub struct UnknownTerm {
    /// Name of the vocabulary, such as `EntityKind`.
    pub vocabulary: &'static str,
    /// Rejected text.
    pub value: String,
    /// Accepted codes and labels, as `code (标签)` pairs joined by `, `.
    pub allowed: String,
}

impl ErrorDetail for UnknownTerm {
    fn code(&self) -> &'static str {
        "vocab.unknown_term"
    }
    fn field(&self) -> &str {
        self.vocabulary
    }
    fn value(&self) -> &str {
        &self.value
    }
    fn allowed(&self) -> &str {
        &self.allowed
    }
}

/// Declares a vocabulary enum whose variants carry a code and a Chinese label.
///
/// ```
/// data_assets_core::vocab! {
///     /// Colour of a traffic light.
///     pub enum Light {
///         /// Stop.
///         Red = ("red", "红灯"),
///         /// Go.
///         Green = ("green", "绿灯"),
///     }
/// }
/// assert_eq!(Light::Red.code(), "red");
/// assert_eq!("绿灯".parse::<Light>().unwrap(), Light::Green);
/// assert_eq!(Light::Green.to_string(), "绿灯");
/// ```
#[macro_export]
macro_rules! vocab {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = ($code:literal, $label:literal)
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            ::serde::Serialize, ::serde::Deserialize, ::schemars::JsonSchema,
        )]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $code, alias = $label)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable snake_case code used in JSON, CSV and the bindings.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// Chinese label used in workbooks and reports.
            pub const fn label_zh(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// Accepted inputs, as `code (标签)` pairs joined by `, `.
            pub fn allowed() -> String {
                let parts: &[&str] = &[$(concat!($code, " (", $label, ")")),+];
                parts.join(", ")
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.label_zh())
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = $crate::vocab::UnknownTerm;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let text = text.trim();
                $(
                    if text == $code || text == $label {
                        return Ok($name::$variant);
                    }
                )+
                Err($crate::vocab::UnknownTerm {
                    vocabulary: stringify!($name),
                    value: text.to_owned(),
                    allowed: Self::allowed(),
                })
            }
        }
    };
}
