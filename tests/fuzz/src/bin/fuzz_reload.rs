//! Any bytes saved over one file of a folder, or as a new file in it: reloading the folder
//! after that change (which reads only the changed file when it can) gives exactly what reading
//! every file gives. The first byte picks the file and its kind (JSON or CSV); the rest is its
//! new content. The seeds are the loader's.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use coop_timeline::model::Dataset;
use coop_timeline::load::{load_folder, reload_folder};

/// The files of the folder before the change, by name.
const FILES: [&str; 4] = [
    "china_japan_rok_2024.json",
    "events.csv",
    "good.json",
    "ragged.csv",
];
/// Where a new file goes: before, between and after the others.
const NEW_FILES: [&str; 6] = ["a.json", "a.csv", "f.json", "f.csv", "z.json", "z.csv"];

struct Setup {
    _dir: tempfile::TempDir,
    folder: PathBuf,
    loaded: Dataset,
    /// Each file's content and time, to put it back after each run.
    originals: Vec<(Vec<u8>, SystemTime)>,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temporary folder");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/loader");
    let mut originals = Vec::new();
    for (n, name) in FILES.iter().enumerate() {
        let path = dir.path().join(name);
        std::fs::copy(seeds.join(name), &path).expect("copy a seed");
        let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000 + n as u64);
        set_time(&path, time);
        originals.push((std::fs::read(&path).expect("read"), time));
    }
    let loaded = load_folder(dir.path(), &Default::default(), &Default::default()).expect("load");
    Setup {
        folder: dir.path().to_owned(),
        _dir: dir,
        loaded,
        originals,
    }
}

fn set_time(path: &Path, time: SystemTime) {
    let file = std::fs::File::options().write(true).open(path).expect("open");
    file.set_modified(time).expect("set the time");
}

fn main() {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    afl::fuzz!(|data: &[u8]| {
        // Made in the forked process: the thread pool loading starts would not survive the fork.
        let setup = SETUP.get_or_init(setup);
        let Some((&choice, content)) = data.split_first() else {
            return;
        };
        let choice = usize::from(choice) % (FILES.len() + NEW_FILES.len());
        let name = FILES.get(choice).copied().unwrap_or_else(|| NEW_FILES[choice - FILES.len()]);
        let path = setup.folder.join(name);
        std::fs::write(&path, content).expect("write");
        set_time(&path, SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000));

        let options = Default::default();
        let reloaded = reload_folder(&setup.folder, &setup.loaded, &options, &Default::default());
        let full = load_folder(&setup.folder, &options, &Default::default());
        let (reloaded, full) = (reloaded.expect("reload"), full.expect("load"));
        coop_timeline_fuzz::check_dataset(&reloaded);
        assert!(reloaded.events == full.events);
        let files = |d: &Dataset| d.events.iter().map(|e| e.file_index()).collect::<Vec<_>>();
        assert!(files(&reloaded) == files(&full));
        assert!(reloaded.problems == full.problems);
        assert!(reloaded.files == full.files);
        assert!(reloaded.file_count == full.file_count);
        assert!(reloaded.folder_files == full.folder_files);
        assert!(reloaded.titles == full.titles && reloaded.eras == full.eras);

        // The folder as it was, for the next run.
        match setup.originals.get(choice) {
            Some((bytes, time)) => {
                std::fs::write(&path, bytes).expect("write back");
                set_time(&path, *time);
            }
            None => std::fs::remove_file(&path).expect("remove"),
        }
    });
}
