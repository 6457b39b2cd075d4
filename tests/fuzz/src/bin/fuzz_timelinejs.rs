//! Any bytes as a TimelineJS file: JSON (`{"events": [{"start_date": …}]}`) or its Google
//! sheet exported as CSV. The seeds are both; the content decides which reader runs.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        coop_timeline_fuzz::load_and_check("timeline.json", data);
    });
}
