//! The drafter against the hand-written sample data: the five seed articles drafted, and
//! compared with `sample_data/`, which was written from them by hand.

use std::path::Path;

use coop_timeline::draft::quality::measure_folder;
use coop_timeline::load::sample::sample_dataset;

#[test]
fn drafts_of_the_seeds_find_the_events_with_exact_dates_and_state_nothing_unsaid() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let reference = sample_dataset().events.to_vec();
    let quality = measure_folder(&seeds, &reference).expect("seeds");
    eprintln!("{quality:#?}");
    assert!(quality.expected >= 20, "{quality:?}");
    assert_eq!(quality.missed_targets(), Vec::<String>::new());
    // Every event of the seeds, each with its exact date.
    assert_eq!(
        (quality.matched, quality.exact_dates),
        (quality.expected, quality.expected)
    );
}
