//! Checks on free text that come from workbooks and payloads.

/// Whether `text` has no visible character: it is empty, or every character is white space, a
/// control character, or an invisible format character such as a zero-width space (U+200B), a
/// right-to-left mark (U+200F), a bidirectional embedding or isolate (U+202A–U+202E,
/// U+2066–U+2069), a word joiner (U+2060–U+2064), a soft hyphen (U+00AD) or a byte-order mark
/// (U+FEFF).
///
/// A name or an actor made only of such characters looks empty on screen, so every required
/// text field of the crate rejects it like an empty one.
///
/// ```
/// use data_assets_core::text::is_blank;
/// assert!(is_blank(" \u{3000}"));
/// assert!(is_blank("\u{200F}"));
/// assert!(!is_blank("大数据局"));
/// ```
pub fn is_blank(text: impl AsRef<str>) -> bool {
    text.as_ref().chars().all(is_invisible)
}

fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_texts() {
        for text in [
            "",
            " ",
            "\t\n",
            "\u{3000}",
            "\u{200B}",
            "\u{200F}",
            "\u{202E}\u{2066}",
            "\u{FEFF}",
        ] {
            assert!(is_blank(text), "{text:?}");
        }
    }

    #[test]
    fn visible_texts() {
        for text in ["a", " 局 ", "\u{200F}x", "0"] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
