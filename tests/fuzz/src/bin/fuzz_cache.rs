//! Any change to a cache file, with its checksum made right again so that the reader goes past
//! it: the cache gives back a dataset that is valid, or nothing; it never panics.

use std::path::PathBuf;
use std::sync::OnceLock;

use coop_timeline::load::LoadOptions;
use coop_timeline::load::cache::{Fingerprint, LoadCache};

/// A data folder, its cache, and the cache file's bytes, made once for all runs.
struct Setup {
    _dirs: [tempfile::TempDir; 2],
    data: PathBuf,
    cache: LoadCache,
    cache_file: PathBuf,
    original: Vec<u8>,
}

fn setup() -> Setup {
    let data = tempfile::tempdir().expect("temporary folder");
    let cache_dir = tempfile::tempdir().expect("temporary folder");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/loader");
    for seed in ["china_japan_rok_2024.json", "events.csv", "ragged.csv"] {
        std::fs::copy(seeds.join(seed), data.path().join(seed)).expect("copy a seed");
    }
    let cache = LoadCache::in_folder(cache_dir.path().to_owned()).with_limits(0, u64::MAX);
    let options = LoadOptions::default();
    let dataset =
        coop_timeline::load::load_folder(data.path(), &options, &Default::default())
            .expect("the seeds load");
    cache
        .store(
            data.path(),
            &options,
            &Fingerprint::of_folder(data.path()),
            &dataset,
        )
        .expect("cache written");
    let cache_file = std::fs::read_dir(cache_dir.path())
        .expect("cache folder")
        .flatten()
        .map(|e| e.path())
        .next()
        .expect("one cache file");
    let original = std::fs::read(&cache_file).expect("cache file");
    Setup {
        data: data.path().to_owned(),
        _dirs: [data, cache_dir],
        cache,
        cache_file,
        original,
    }
}

fn main() {
    static SETUP: OnceLock<(Setup, Fingerprint)> = OnceLock::new();
    afl::fuzz!(|data: &[u8]| {
        // Made in the forked process: the thread pool loading starts would not survive the fork.
        let (setup, fingerprint) = SETUP.get_or_init(|| {
            let setup = setup();
            let fingerprint = Fingerprint::of_folder(&setup.data);
            (setup, fingerprint)
        });
        // The first four bytes say where the rest is written over the cache file.
        let Some((at, patch)) = data.split_first_chunk::<4>() else {
            return;
        };
        let mut bytes = setup.original.clone();
        let body_len = bytes.len() - 4;
        let at = u32::from_le_bytes(*at) as usize % body_len;
        let end = (at + patch.len()).min(body_len);
        bytes[at..end].copy_from_slice(&patch[..end - at]);
        let checksum = crc32fast::hash(&bytes[..body_len]);
        bytes[body_len..].copy_from_slice(&checksum.to_le_bytes());
        std::fs::write(&setup.cache_file, &bytes).expect("write the cache file");
        if let Some((dataset, _)) = setup
            .cache
            .open(&setup.data, &LoadOptions::default(), &fingerprint)
        {
            coop_timeline_fuzz::check_dataset(&dataset);
        }
    });
}
