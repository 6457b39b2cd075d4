//! Any bytes, read as a data file of the app's own formats: the first byte picks the file
//! name (even: JSON, odd: CSV), since the name decides between them when the content does not.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&format, content)) = data.split_first() else {
            return;
        };
        let name = if format % 2 == 0 {
            "fuzz.json"
        } else {
            "fuzz.csv"
        };
        coop_timeline_fuzz::load_and_check(name, content);
    });
}
