//! Text from files, below every layer that reads them: bytes decoded to text
//! ([`decode`]) and web pages turned into plain text ([`html`]). It imports nothing of the
//! crate.

pub mod decode;
pub mod html;

/// `text` with its first letter in upper case: "not split" → "Not split".
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
