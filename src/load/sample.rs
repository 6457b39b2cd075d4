//! The sample data, compiled into the binary so that the app works from anywhere.

use super::load_files;
use crate::model::Dataset;

/// The files of `sample_data/`, by name. A test checks that this list matches the folder.
pub const SAMPLE_FILES: [(&str, &[u8]); 4] = [
    (
        "china_japan_rok_2024.json",
        include_bytes!("../../sample_data/china_japan_rok_2024.json"),
    ),
    ("events.csv", include_bytes!("../../sample_data/events.csv")),
    (
        "events.json",
        include_bytes!("../../sample_data/events.json"),
    ),
    (
        "sidebar_items.json",
        include_bytes!("../../sample_data/sidebar_items.json"),
    ),
];

/// The built-in sample dataset.
pub fn sample_dataset() -> Dataset {
    load_files(SAMPLE_FILES.iter().map(|&(name, bytes)| (name, bytes)))
}
