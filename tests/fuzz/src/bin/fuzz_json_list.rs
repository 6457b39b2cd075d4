//! Any bytes as a JSON timeline from elsewhere: TimelineJS 2 (`{"timeline": {"date": […]}}`)
//! or a plain list of objects with their own keys.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        coop_timeline_fuzz::load_and_check("timeline.json", data);
    });
}
