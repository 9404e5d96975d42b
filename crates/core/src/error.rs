//! The error contract shared by every module.
//!
//! Each module owns a `thiserror` enum. Every variant carries a stable code such as
//! `register.duplicate_asset_id`, the field path that was rejected, the rejected value rendered as
//! text, and a description of what is allowed. The bindings map errors through [`ErrorDetail`], so a
//! Python or Java caller sees the same four facts as a Rust caller.

/// The four facts every error of this crate exposes, in the same shape in every module.
pub trait ErrorDetail: std::error::Error {
    /// Stable machine-readable code, `module.snake_case_reason`.
    fn code(&self) -> &'static str;
    /// Path of the rejected field, such as `assets[3].cost` (empty when no field applies).
    fn field(&self) -> &str;
    /// Rejected value rendered as text (empty when no single value applies).
    fn value(&self) -> &str;
    /// What the field accepts, in words.
    fn allowed(&self) -> &str;
}

/// Converts `validator` failures into (field, value, allowed) triples so that modules can wrap them
/// in their own typed errors.
///
/// Every failing field yields one triple; nested struct and list errors are flattened with their
/// paths joined by `.` and `[i]`.
pub fn flatten_validation(errors: &validator::ValidationErrors) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    flatten_into(errors, "", &mut out);
    out
}

fn flatten_into(
    errors: &validator::ValidationErrors,
    prefix: &str,
    out: &mut Vec<(String, String, String)>,
) {
    use validator::ValidationErrorsKind;
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by(|a, b| a.0.cmp(b.0));
    for (name, kind) in fields {
        let path = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    let value = error
                        .params
                        .get("value")
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                        .unwrap_or_default();
                    let allowed = error
                        .message
                        .as_ref()
                        .map_or_else(|| error.code.to_string(), ToString::to_string);
                    out.push((path.clone(), value, allowed));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten_into(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    flatten_into(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}
