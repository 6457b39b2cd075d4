//! Text from a file's bytes, in whatever encoding it was saved: UTF-8 (with or without a
//! byte-order mark), UTF-16, or a legacy encoding (Windows-1252, Shift_JIS, GBK, EUC-KR …)
//! guessed by Mozilla's detector; bare CR line endings read as line breaks.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};

/// A file's text and the encoding it was read in.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding's name where it was not UTF-8: "windows-1252", "UTF-16LE", "Shift_JIS".
    pub encoding: Option<&'static str>,
}

/// Reads `bytes` as text; an error for data that is not text at all.
pub fn decode_text(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    let (text, encoding) = match unicode_by_marks(bytes) {
        Some((encoding, skip)) => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[skip..]);
            let name = (encoding != encoding_rs::UTF_8).then(|| encoding.name());
            (text, name)
        }
        None => match utf8(bytes)? {
            Some(text) => (Cow::Borrowed(text), None),
            None => {
                let encoding = guess_legacy(bytes);
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                (text, Some(encoding.name()))
            }
        },
    };
    Ok(Decoded {
        text: with_line_feeds(text),
        encoding,
    })
}

/// UTF-8 or UTF-16 told by a byte-order mark, or UTF-16 without one told by its zero bytes
/// (every other byte of mostly Latin text): the encoding and the bytes to skip.
fn unicode_by_marks(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    if let Some(found) = Encoding::for_bom(bytes) {
        return Some(found);
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if zeros_odd * 10 >= pairs * 3 && zeros_even * 10 < pairs {
        return Some((UTF_16LE, 0));
    }
    if zeros_even * 10 >= pairs * 3 && zeros_odd * 10 < pairs {
        return Some((UTF_16BE, 0));
    }
    None
}

/// `bytes` as UTF-8, `None` when they are not; an error for binary data (zero bytes).
fn utf8(bytes: &[u8]) -> Result<Option<&str>, String> {
    // Both checks read the whole file, hundreds of MB for a big one: on two cores at once.
    let (text, has_nul) = rayon::join(
        || simdutf8::basic::from_utf8(bytes).ok(),
        || memchr::memchr(0, bytes).is_some(),
    );
    if has_nul {
        return Err("the file holds binary data, not text".into());
    }
    Ok(text)
}

/// The legacy encoding `bytes` look like, as Firefox guesses it for a page without one.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Text whose lines end in a bare CR (old Mac files, Excel for Mac) with LF instead, so that
/// every reader counts its lines; CRLF and LF are left as they are.
fn with_line_feeds(text: Cow<'_, str>) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone_cr = memchr::memchr_iter(b'\r', bytes).any(|at| bytes.get(at + 1) != Some(&b'\n'));
    if !lone_cr {
        return text;
    }
    let mut fixed = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            fixed.push('\n');
        } else {
            fixed.push(c);
        }
    }
    Cow::Owned(fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (String, Option<&'static str>) {
        let decoded = decode_text(bytes).expect("text");
        (decoded.text.into_owned(), decoded.encoding)
    }

    #[test]
    fn legacy_and_unicode_encodings_are_read() {
        assert_eq!(
            read("Datum;Titel\n".as_bytes()),
            ("Datum;Titel\n".into(), None)
        );
        assert_eq!(
            read(b"\xEF\xBB\xBFdate,title\n"),
            ("date,title\n".into(), None)
        );
        // Windows-1252: curly quotes, an umlaut and a euro sign.
        let (text, encoding) =
            read(b"Datum;Titel\n1.2.2021;\x93Gr\xfc\xdfe\x94 an M\xfcnchen \x80\n");
        assert_eq!(
            text,
            "Datum;Titel\n1.2.2021;\u{201c}Grüße\u{201d} an München €\n"
        );
        assert_eq!(encoding, Some("windows-1252"));
        let utf16: Vec<u8> = "date,title\n2021,日本\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let with_bom = [&[0xFF, 0xFE][..], &utf16].concat();
        assert_eq!(
            read(&with_bom),
            ("date,title\n2021,日本\n".into(), Some("UTF-16LE"))
        );
        assert_eq!(read(&utf16).1, Some("UTF-16LE"));
        let (text, encoding) = read(
            &encoding_rs::SHIFT_JIS
                .encode("日付,件名\n2021年3月15日,日本と中国の会議\n")
                .0,
        );
        assert_eq!(text, "日付,件名\n2021年3月15日,日本と中国の会議\n");
        assert_eq!(encoding, Some("Shift_JIS"));
        assert!(decode_text(b"PK\x03\x04\x00\x00binary").is_err());
    }

    #[test]
    fn bare_carriage_returns_end_lines() {
        assert_eq!(read(b"a,b\r1,2\r3,4").0, "a,b\n1,2\n3,4");
        assert_eq!(read(b"a,b\r\n1,2\r\n").0, "a,b\r\n1,2\r\n");
    }
}
