//! What every fuzz target checks of what it loaded: the loader never panics (AFL reports a
//! panic as a crash), and every event it keeps is valid and reads back whole.

use coop_timeline::model::Dataset;

/// Panics when the dataset holds an event the app could not show.
pub fn check_dataset(dataset: &Dataset) {
    for event in &dataset.events {
        assert!(event.span().first_day() <= event.span().last_day());
        assert!(!event.id().is_empty() && !event.title().is_empty());
        // The compact store gives back what it was given.
        let decoded = event.to_event();
        assert_eq!(
            (decoded.id.as_str(), decoded.title.as_str()),
            (event.id(), event.title())
        );
    }
    for problem in &dataset.problems {
        assert!(!problem.message.is_empty());
    }
}

/// Loads `content` as a file named `name` and checks the result.
pub fn load_and_check(name: &str, content: &[u8]) {
    let dataset = coop_timeline::load::load_files([(name, content)]);
    check_dataset(&dataset);
}
