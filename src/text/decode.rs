//! Text from a file's bytes.

/// Text from a file's bytes: UTF-8, with or without a byte-order mark.
pub fn decode_text(bytes: &[u8]) -> Result<&str, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            "the file is saved as UTF-16; save it as UTF-8 and open the folder again".into(),
        );
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // Both checks read the whole file, hundreds of MB for a big one: on two cores at once.
    let (text, has_nul) = rayon::join(
        || simdutf8::basic::from_utf8(bytes),
        || memchr::memchr(0, bytes).is_some(),
    );
    let Ok(text) = text else {
        // Read again to find where: only a file that is not text pays for it.
        let offset = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(format!(
            "the file is not UTF-8 text (the first bad byte is on line {line}); save it as UTF-8"
        ));
    };
    if has_nul {
        return Err("the file holds binary data, not text".into());
    }
    Ok(text)
}
