//! Any text as a spreadsheet's date cell, read day-first and month-first: never a panic, and
//! a date that is read starts no later than it ends.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Ok(text) = std::str::from_utf8(data) else {
            return;
        };
        for day_first in [true, false] {
            match coop_timeline::model::date::parse_cell(text, day_first) {
                Ok(date) => {
                    if let Some(end) = date.end {
                        assert!(date.start.first_day() <= end.last_day(), "{text:?}");
                    }
                }
                Err(error) => assert!(!error.describe(text).is_empty()),
            }
        }
    });
}
