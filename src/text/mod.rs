//! Text from files, below every layer that reads them: bytes decoded to text
//! ([`decode`]) and web pages turned into plain text ([`html`]). It imports nothing of the
//! crate.

pub mod decode;
pub mod html;
