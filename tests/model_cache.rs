//! The cache for reopening: it gives back exactly what loading gives, it is used only while the
//! folder's files are unchanged, and a damaged cache file is never trusted.

use std::path::{Path, PathBuf};

use coop_timeline::load::cache::{Fingerprint, LoadCache};
use coop_timeline::load::load_folder;
use coop_timeline::load::{LoadOptions, LoadProgress};
use coop_timeline::model::Dataset;

/// A folder of every kind of thing a dataset holds: events of all the formats, eras, a title
/// slide, and problems.
fn varied_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources: Vec<PathBuf> = std::fs::read_dir(root.join("sample_data"))
        .expect("sample data")
        .flatten()
        .map(|e| e.path())
        .collect();
    for imports in ["timelinejs", "gdelt", "sheet"] {
        sources.extend(
            std::fs::read_dir(root.join("tests/fixtures/imports").join(imports))
                .expect("import fixtures")
                .flatten()
                .map(|e| e.path()),
        );
    }
    sources.push(root.join("tests/fixtures/bad/ragged.csv"));
    sources.push(root.join("tests/fixtures/bad/month_13.json"));
    for source in sources.iter().filter(|p| p.is_file()) {
        let name = source.file_name().expect("a file name");
        std::fs::copy(source, dir.path().join(name)).expect("copy a fixture");
    }
    dir
}

fn load(folder: &Path) -> Dataset {
    load_folder(folder, &LoadOptions::default(), &LoadProgress::default()).expect("loads")
}

/// A cache that keeps any folder, however small.
fn cache_in(dir: &Path) -> LoadCache {
    LoadCache::in_folder(dir.to_owned()).with_limits(0, u64::MAX)
}

fn assert_same(reopened: &Dataset, loaded: &Dataset) {
    assert_eq!(reopened.events, loaded.events);
    assert_eq!(reopened.problems, loaded.problems);
    assert_eq!(reopened.files, loaded.files);
    assert_eq!(reopened.file_count, loaded.file_count);
    assert_eq!(reopened.eras, loaded.eras);
    assert_eq!(reopened.titles, loaded.titles);
    // What a reload after a change needs: each event's file, and each file as it was read.
    assert_eq!(reopened.folder_files, loaded.folder_files);
    let files = |d: &Dataset| d.events.iter().map(|e| e.file_index()).collect::<Vec<_>>();
    assert_eq!(files(reopened), files(loaded));
}

fn cache_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn a_reopened_folder_is_what_loading_it_gives_and_the_data_folder_is_not_written() {
    let data = varied_folder();
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let cache = cache_in(cache_dir.path());
    let options = LoadOptions::default();
    let before = cache_files(data.path());
    let fingerprint = Fingerprint::of_folder(data.path());
    let loaded = load(data.path());
    assert!(loaded.events.len() > 20 && !loaded.eras.is_empty() && !loaded.problems.is_empty());

    assert!(cache.open(data.path(), &options, &fingerprint).is_none());
    assert!(
        cache
            .store(data.path(), &options, &fingerprint, &loaded)
            .expect("stored")
    );
    let reopened = cache
        .open(data.path(), &options, &fingerprint)
        .map(|(dataset, _)| dataset)
        .expect("reopened from the cache");
    assert_same(&reopened, &loaded);
    assert_eq!(
        cache_files(data.path()),
        before,
        "the data folder is untouched"
    );
    assert_eq!(cache_files(cache_dir.path()).len(), 1);
}

/// A varied folder, loaded and stored in a cache of its own.
struct Cached {
    data: tempfile::TempDir,
    cache_dir: tempfile::TempDir,
    cache: LoadCache,
    fingerprint: Fingerprint,
    loaded: Dataset,
}

fn cached_varied_folder() -> Cached {
    let data = varied_folder();
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let cache = cache_in(cache_dir.path());
    let fingerprint = Fingerprint::of_folder(data.path());
    let loaded = load(data.path());
    assert!(
        cache
            .store(data.path(), &LoadOptions::default(), &fingerprint, &loaded)
            .expect("stored")
    );
    Cached {
        data,
        cache_dir,
        cache,
        fingerprint,
        loaded,
    }
}

#[test]
fn a_changed_file_or_other_options_read_the_folder_again() {
    let Cached {
        data,
        cache,
        fingerprint,
        ..
    } = cached_varied_folder();
    let options = LoadOptions::default();

    let other_limit = LoadOptions {
        max_file_bytes: 1000,
        ..LoadOptions::default()
    };
    assert!(
        cache
            .open(data.path(), &other_limit, &fingerprint)
            .is_none()
    );

    let csv = data.path().join("events.csv");
    let mut text = std::fs::read_to_string(&csv).expect("events.csv");
    text.push('\n');
    std::fs::write(&csv, text).expect("edit");
    let now = Fingerprint::of_folder(data.path());
    assert!(cache.open(data.path(), &options, &now).is_none());
}

#[test]
fn a_damaged_cache_file_is_ignored() {
    let Cached {
        data,
        cache_dir,
        cache,
        fingerprint,
        loaded,
    } = cached_varied_folder();
    let options = LoadOptions::default();
    let [cache_file] = cache_files(cache_dir.path()).try_into().expect("one file");
    let whole = std::fs::read(&cache_file).expect("cache file");

    // Every byte flipped in turn would be slow; one in each stretch of the file is enough to
    // reach the header, each buffer and the checksum.
    for at in (0..whole.len()).step_by(whole.len() / 97 + 1) {
        let mut damaged = whole.clone();
        damaged[at] ^= 0x5a;
        std::fs::write(&cache_file, &damaged).expect("damage");
        assert!(
            cache.open(data.path(), &options, &fingerprint).is_none(),
            "byte {at} of {} changed",
            whole.len()
        );
    }
    for len in [0, 7, 20, whole.len() / 2, whole.len() - 1] {
        std::fs::write(&cache_file, &whole[..len]).expect("truncate");
        assert!(cache.open(data.path(), &options, &fingerprint).is_none());
    }
    std::fs::write(&cache_file, &whole).expect("restore");
    assert_same(
        &cache
            .open(data.path(), &options, &fingerprint)
            .map(|(dataset, _)| dataset)
            .expect("whole again"),
        &loaded,
    );
}

#[test]
fn the_cache_keeps_within_its_bound_oldest_out_first() {
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let options = LoadOptions::default();
    let (first, second) = (varied_folder(), varied_folder());
    let unbounded = cache_in(cache_dir.path());
    let fingerprint = Fingerprint::of_folder(first.path());
    unbounded
        .store(first.path(), &options, &fingerprint, &load(first.path()))
        .expect("stored");
    let one_file_bytes: u64 = cache_files(cache_dir.path())
        .iter()
        .map(|f| f.metadata().expect("size").len())
        .sum();

    let bounded = unbounded.with_limits(0, one_file_bytes + one_file_bytes / 2);
    let fingerprint = Fingerprint::of_folder(second.path());
    bounded
        .store(second.path(), &options, &fingerprint, &load(second.path()))
        .expect("stored");
    assert_eq!(cache_files(cache_dir.path()).len(), 1);
    assert!(
        bounded
            .open(second.path(), &options, &fingerprint)
            .is_some()
    );
}

#[test]
fn small_folders_and_folders_with_drafts_are_not_cached() {
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let options = LoadOptions::default();
    let small = varied_folder();
    let default_bounds = LoadCache::in_folder(cache_dir.path().to_owned());
    let fingerprint = Fingerprint::of_folder(small.path());
    assert!(
        !default_bounds
            .store(small.path(), &options, &fingerprint, &load(small.path()))
            .expect("nothing to write")
    );

    let drafts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts");
    let fingerprint = Fingerprint::of_folder(&drafts);
    let dataset = load(&drafts);
    assert!(!dataset.drafts.is_empty());
    assert!(
        !cache_in(cache_dir.path())
            .store(&drafts, &options, &fingerprint, &dataset)
            .expect("nothing to write")
    );
    assert!(cache_files(cache_dir.path()).is_empty());
}
