//! Any bytes, read as a data file: the loader must never panic, and every event it keeps
//! must be valid. The first byte picks the format (even: JSON, odd: CSV), so one target
//! covers both loaders; the seeds start with `j` or `c`.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&format, content)) = data.split_first() else { return };
        let name = if format % 2 == 0 { "fuzz.json" } else { "fuzz.csv" };
        let dataset = coop_timeline::model::load::load_files([(name, content)]);
        for event in &dataset.events {
            assert!(event.span().first_day() <= event.span().last_day());
            assert!(!event.id().is_empty() && !event.title().is_empty());
            // The compact store gives back what it was given.
            let decoded = event.to_event();
            assert_eq!((decoded.id.as_str(), decoded.title.as_str()), (event.id(), event.title()));
        }
    });
}
