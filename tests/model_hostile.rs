//! Hostile folders: inputs made by the test because they are huge, or are not plain files.
//! Each must give its problem quickly, without a panic, while the good file beside it loads.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use coop_timeline::load::load_folder;
use coop_timeline::load::{LoadOptions, LoadProgress};
use coop_timeline::model::Dataset;

const GOOD: &str = r#"[{"id": "good", "title": "Good", "start": "2021", "category": "forum", "sources": [{"file": "f", "quote": "q"}]}]"#;

fn load_within(dir: &Path, options: &LoadOptions, limit: Duration) -> Dataset {
    let started = Instant::now();
    let dataset = load_folder(dir, options, &LoadProgress::default()).expect("the folder opens");
    assert!(
        started.elapsed() < limit,
        "loading took {:?}",
        started.elapsed()
    );
    dataset
}

fn problem_of<'a>(dataset: &'a Dataset, file: &str) -> &'a str {
    dataset
        .problems
        .iter()
        .find(|p| p.file == file)
        .map(|p| p.message.as_str())
        .unwrap_or_else(|| panic!("no problem for {file}: {:#?}", dataset.problems))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn huge_odd_and_unreadable_files_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = |name: &str| dir.path().join(name);
    std::fs::write(path("good.json"), GOOD).unwrap();
    // A 1 GB file that takes no disk space.
    std::fs::File::create(path("huge.json"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    // A 10 MB title.
    let long_title = "x".repeat(10_000_000);
    std::fs::write(
        path("long_field.json"),
        format!(
            r#"[{{"id": "long", "title": "{long_title}", "start": "2021", "category": "forum"}}]"#
        ),
    )
    .unwrap();
    // Links that go round in a circle, or nowhere; a folder with a data file's name.
    std::os::unix::fs::symlink("loop.json", path("loop.json")).unwrap();
    std::os::unix::fs::symlink(".", path("folder_loop")).unwrap();
    std::os::unix::fs::symlink("missing.json", path("dangling.json")).unwrap();
    std::fs::create_dir(path("folder.json")).unwrap();
    // A named pipe would block a reader forever.
    assert!(
        Command::new("mkfifo")
            .arg(path("pipe.json"))
            .status()
            .unwrap()
            .success()
    );
    std::fs::write(path("locked.json"), GOOD.replace("\"good\"", "\"locked\"")).unwrap();
    Command::new("chmod")
        .arg("000")
        .arg(path("locked.json"))
        .status()
        .unwrap();

    let options = LoadOptions {
        max_file_bytes: 100 << 20,
        ..LoadOptions::default()
    };
    let dataset = load_within(dir.path(), &options, Duration::from_secs(20));
    assert_eq!(
        problem_of(&dataset, "huge.json"),
        "the file is 1024.0 MiB, more than the limit of 100.0 MiB, so it was not read; \
         start the app with `coop-timeline DIR --max-file-mb N` (or check it with \
         `coop-timeline check DIR --max-file-mb N`) to read files of up to N MiB, or split \
         the file"
    );
    assert_eq!(
        problem_of(&dataset, "long_field.json"),
        "this event is 10000065 bytes long, more than the limit of 1048576; it was skipped"
    );
    assert!(
        problem_of(&dataset, "loop.json")
            .starts_with("the file cannot be read: Too many levels of symbolic links")
    );
    assert!(
        problem_of(&dataset, "dangling.json")
            .starts_with("the file cannot be read: No such file or directory")
    );
    assert_eq!(
        problem_of(&dataset, "pipe.json"),
        "this is not a regular file (a pipe or a device?), so it was not read"
    );
    assert!(
        dataset.problems.iter().all(|p| p.file != "folder.json"),
        "a folder is skipped quietly"
    );
    let mut ids: Vec<&str> = dataset.events.iter().map(|e| e.id()).collect();
    ids.sort();
    if is_root() {
        // Permissions do not stop root; the file simply loads.
        assert_eq!(ids, ["good", "locked"]);
    } else {
        assert!(
            problem_of(&dataset, "locked.json")
                .starts_with("the file cannot be read: Permission denied")
        );
        assert_eq!(ids, ["good"]);
    }
}

#[test]
fn the_default_limit_refuses_a_gigabyte() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::File::create(dir.path().join("huge.csv"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let dataset = load_within(dir.path(), &LoadOptions::default(), Duration::from_secs(5));
    assert!(
        problem_of(&dataset, "huge.csv")
            .starts_with("the file is 1024.0 MiB, more than the limit of 512.0 MiB")
    );
}

#[test]
fn a_folder_that_disappears_while_loading_does_not_crash() {
    for _ in 0..5 {
        let dir = tempfile::tempdir().expect("temp dir");
        for i in 0..300 {
            std::fs::write(
                dir.path().join(format!("f{i:03}.json")),
                GOOD.replace("\"good\"", &format!("\"e{i}\"")),
            )
            .unwrap();
        }
        let path = dir.path().to_owned();
        let remover = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(2));
            let _ = std::fs::remove_dir_all(&path);
        });
        let started = Instant::now();
        // Either the folder is gone before the listing, or files vanish under the reader:
        // both are reported, never a panic.
        match load_folder(
            dir.path(),
            &LoadOptions::default(),
            &LoadProgress::default(),
        ) {
            Ok(dataset) => {
                // Every file listed either loaded or has its problem.
                assert!(dataset.events.len() + dataset.problems.len() <= 300);
                assert!(
                    dataset
                        .problems
                        .iter()
                        .all(|p| p.message.starts_with("the file cannot be read"))
                );
            }
            Err(error) => assert!(error.to_string().starts_with("cannot open the folder")),
        }
        assert!(started.elapsed() < Duration::from_secs(10));
        remover.join().unwrap();
    }
}
