//! Any bytes as a user's spreadsheet: columns guessed from the header, dates in any common
//! written form.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        coop_timeline_fuzz::load_and_check("my-sheet.csv", data);
    });
}
