//! The drafter against the hand-written sample data: the five seed articles drafted, and
//! compared with `sample_data/`, which was written from them by hand.

use std::path::Path;

use coop_timeline::draft::draft_articles;
use coop_timeline::draft::quality::{Quality, measure};
use coop_timeline::model::sample::sample_dataset;

/// The seeds' texts, by file name.
pub fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("text"))
        })
        .collect()
}

fn quality() -> Quality {
    let seeds = seeds();
    let (drafts, _) = draft_articles(seeds.iter().map(|(n, t)| (n.as_str(), t.as_str())));
    let reference = sample_dataset().events.to_vec();
    let text = |file: &str| {
        seeds
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, t)| t.clone())
    };
    measure(&drafts, &reference, &text)
}

#[test]
fn drafts_of_the_seeds_find_the_events_with_exact_dates_and_state_nothing_unsaid() {
    let quality = quality();
    eprintln!("{quality:#?}");
    assert!(quality.expected >= 20, "{quality:?}");
    assert!(quality.recall() >= 0.9, "recall {:.2}", quality.recall());
    assert!(
        quality.date_accuracy() >= 0.95,
        "exact dates {:.2}",
        quality.date_accuracy()
    );
    assert!(quality.unsupported.is_empty(), "{:#?}", quality.unsupported);
}
