//! Any text, read as the app's JSON format in parts, as big files are, and read whole: the
//! first byte picks the part size, so that the guesses at where events start land everywhere.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&part_size, content)) = data.split_first() else {
            return;
        };
        let Ok(text) = std::str::from_utf8(content) else {
            return;
        };
        // Read whole, JSON nested past serde_json's limit of 128 fails; read in parts, each
        // event starts that count anew, two levels down. Such files are left out.
        if text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() > 120 {
            return;
        }
        let part_bytes = usize::from(part_size) + 1;
        assert!(coop_timeline::load::parts_read_as_whole(text, part_bytes));
    });
}
