//! Any bytes as a text file of unknown encoding (UTF-8 with or without BOM, UTF-16, a legacy
//! code page): decoded or refused as binary, then read as whatever it holds.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        // Old Mac files end lines with a lone CR: decoded, no line ends so.
        if let Ok(decoded) = coop_timeline::text::decode::decode_text(data) {
            let text = decoded.text.as_bytes();
            let lone_cr = text.iter().enumerate().any(|(i, &b)| b == b'\r' && text.get(i + 1) != Some(&b'\n'));
            assert!(!lone_cr);
        }
        coop_timeline_fuzz::load_and_check("notes.txt", data);
    });
}
