//! Loading: the sample data, and one fixture for each kind of bad input with the exact
//! problem it must produce.

use std::path::Path;

use coop_timeline::load::load_folder;
use coop_timeline::load::sample::{SAMPLE_FILES, sample_dataset};
use coop_timeline::load::{LoadOptions, LoadProgress};
use coop_timeline::model::stats::participants_by_country;
use coop_timeline::model::{Dataset, Precision};

fn load(dir: &str) -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    load_folder(&dir, &LoadOptions::default(), &LoadProgress::default()).expect("folder opens")
}

#[test]
fn every_sample_event_loads_without_a_problem() {
    let dataset = load("sample_data");
    assert_eq!(
        dataset.problems,
        vec![],
        "the sample data must load cleanly"
    );
    assert_eq!(dataset.file_count, 4);
    assert!(
        dataset.events.len() >= 20,
        "{} events",
        dataset.events.len()
    );
    for event in dataset.events.to_vec() {
        assert!(!event.sources.is_empty(), "{} has a source", event.id);
        assert!(
            event.sources.iter().all(|s| !s.quote.is_empty()),
            "{} has a quote",
            event.id
        );
    }
}

#[test]
fn the_built_in_sample_is_the_sample_folder() {
    let mut names: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_data"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    names.sort();
    let embedded: Vec<&str> = SAMPLE_FILES.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, embedded);
    assert_eq!(
        sample_dataset().events.to_vec(),
        load("sample_data").events.to_vec()
    );
}

#[test]
fn the_2022_forum_has_its_universities() {
    let events = load("sample_data").events.to_vec();
    let forum = events
        .iter()
        .find(|e| e.id == "cj-univ-st-innovation-forum-2022")
        .expect("2022 forum");
    assert_eq!(forum.span().display_long(), "28–29 Nov 2022");
    let counts = participants_by_country(&forum.participants);
    let universities: Vec<(String, u64)> = counts
        .iter()
        .filter(|c| c.unit == "universities")
        .map(|c| {
            (
                c.country.map(|c| c.code().to_owned()).unwrap_or_default(),
                c.count,
            )
        })
        .collect();
    assert_eq!(
        universities,
        vec![("CHN".to_owned(), 12), ("JPN".to_owned(), 9)]
    );
}

#[test]
fn dates_keep_their_precision() {
    let events = load("sample_data").events.to_vec();
    let by_id = |id: &str| {
        events
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    let series = by_id("cj-univ-exhibition-forum-series-2010");
    assert_eq!(series.start.precision(), Precision::Year);
    assert_eq!(series.span().display_long(), "2010");
    assert_eq!(
        by_id("cj-univ-forum-resumption-decision-2022-05")
            .span()
            .display_long(),
        "May 2022"
    );
    let weihai = by_id("cj-st-innovation-coop-conference-weihai-2021");
    assert!(weihai.date_inferred, "'a week ago' is inferred");
    let suspension = by_id("cj-univ-forum-suspension-2020-2021");
    assert_eq!(suspension.span().display_long(), "2020 – 2021");
}

#[test]
fn each_bad_input_gives_its_exact_problem_and_the_good_files_still_load() {
    let dataset = load("tests/fixtures/bad");
    let problems: Vec<String> = dataset.problems.iter().map(|p| p.to_string()).collect();
    let expected = [
        "bad_date.json:3:70: error: start 2022-02-30 is not a real date; event 'bad-date' skipped",
        "bad_header.csv:1: error: no column holds dates (the columns are: name, colour); if one does, choose it with “Columns…” in the problems panel or --columns",
        "bad_participants.csv:2:10: error: participants 'CHN twelve universities': 'twelve' is not a number; event 'parts' skipped",
        "binary.json: error: the file holds binary data, not text",
        "date_as_number.json:2:58: error: wrong kind of value: the number `2021` where text in quotes belongs; this event was skipped",
        "deep_nesting.json:1:2: error: an event must be an object { ... }, not a list, text or number; it was skipped",
        "dup_b.json:2: error: duplicate id 'twice': it is also used in dup_a.json line 2; this one was skipped",
        "empty.json: warning: the file is empty",
        "end_before_start.json:2:89: error: end 2019 is before start 2021; event 'backwards' skipped",
        "events_not_a_list.json:1:11: error: wrong kind of value: an object {...} where a list [...] belongs; no event of this file was loaded",
        "fractional_count.json:2:101: error: the count of scientists is not a whole number (2.5); event 'frac' skipped",
        "hostile_text.json:2:125: warning: a source url is not an http or https link, so it will not be opened (event 'hostile-text')",
        "huge_count.json:2:101: error: the count of people is too large (1e300); event 'huge' skipped",
        // Not UTF-8: read as Windows-1252, it is a list of objects with no date.
        "invalid_utf8.json:2: error: no column holds dates (the columns are: id); if one does, choose it with “Columns…” in the problems panel or --columns",
        "missing_title.json:2:3: error: the event has no title; event 'untitled' skipped",
        "month_13.json:2:68: error: start 2021-13 is not a real date; event 'month13' skipped",
        "negative_count.json:2:99: error: the count of scientists is negative (-3); event 'neg' skipped",
        "no_unit.json:2:107: error: a participant count has no unit; event 'no-unit' skipped",
        "not_events.json:1:1: error: this is not an events file: it must hold {\"events\": [...]} or a list [...] of events",
        "ragged.csv:3: error: this row has 3 fields but the header has 15; is a comma or quote missing? The row was skipped",
        "truncated.json:3:1: error: the file ends too early; is it cut off? (EOF while parsing an object); no event of this file was loaded",
        "unknown_category.json:2:52: error: unknown category 'party'; use one of: summit, conference, forum, seminar, exchange_program, agreement, press_conference, launch, suspension, resumption, other; event 'cat' skipped",
        "unknown_country.json:2:79: error: unknown country code 'JPA' (did you mean JPN?); event 'typo' skipped",
        "unterminated_quote.csv:2: error: this row has 2 fields but the header has 15; is a comma or quote missing? The row was skipped",
        "utf16.json:1: error: no column holds dates (the columns are: id); if one does, choose it with “Columns…” in the problems panel or --columns",
        "wrong_type.json:2:29: error: wrong kind of value: the number `42` where text in quotes belongs; this event was skipped",
        "year_out_of_range.json:2: error: 1 event has a date outside the years the app can show (10000 BCE to 9999), the first at line 2 (-13800000000); they were skipped",
        "yesterday.csv:2:3: error: start 'yesterday' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (-YYYY before the year 1); event 'when' skipped",
    ];
    assert_eq!(problems, expected);
    let mut ids: Vec<&str> = dataset.events.iter().map(|e| e.id()).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            "good-1",
            "hostile-text",
            "ok-date",
            "row-ok",
            "twice",
            "with-bom"
        ]
    );
}

#[test]
fn repeated_ids_within_and_across_files_keep_the_first_and_name_it() {
    let event = |id: &str| {
        format!(r#"{{"id": "{id}", "title": "T {id}", "start": "2021", "category": "forum"}}"#)
    };
    let file = |ids: &[&str]| {
        let events: Vec<String> = ids.iter().map(|id| event(id)).collect();
        format!("[\n{}\n]", events.join(",\n"))
    };
    let a = file(&["a", "b", "a", "c"]);
    let b = file(&["c", "d", "b", "e"]);
    let dataset =
        coop_timeline::load::load_files([("a.json", a.as_bytes()), ("b.json", b.as_bytes())]);
    let mut ids: Vec<&str> = dataset.events.iter().map(|e| e.id()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    let problems: Vec<String> = dataset
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        problems,
        [
            "a.json:4: error: duplicate id 'a': it is also used in a.json line 2; this one was skipped",
            "b.json:2: error: duplicate id 'c': it is also used in a.json line 5; this one was skipped",
            "b.json:4: error: duplicate id 'b': it is also used in a.json line 3; this one was skipped",
        ]
    );
}

#[test]
fn a_big_file_read_in_parts_keeps_exact_lines() {
    // More events than one thread reads in one go, so the file is read in parts.
    let mut lines = Vec::new();
    for n in 0..20_000 {
        let start = if n == 15_000 { "2021-02-30" } else { "2021" };
        lines.push(format!(
            r#"{{"id": "e{n}", "title": "T", "start": "{start}", "category": "forum", "sources": [{{"file": "x", "quote": "q"}}]}}"#
        ));
    }
    let text = format!("[\n{}\n]", lines.join(",\n"));
    let dataset = coop_timeline::load::load_files([("big.json", text.as_bytes())]);
    assert_eq!(dataset.events.len(), 19_999);
    let problems: Vec<String> = dataset.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        ["big.json:15002:32: error: start 2021-02-30 is not a real date; event 'e15000' skipped"]
    );
}

/// Copies these files of the repository into a new folder.
fn folder_of(files: &[&str]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("a temporary folder");
    for file in files {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let name = from.file_name().expect("a file name");
        std::fs::copy(&from, folder.path().join(name)).expect("copy");
    }
    folder
}

/// Writes `text` to `path` with a modification time of its own, as an editor's save does.
fn save(path: &Path, text: &str, second: u64) {
    std::fs::write(path, text).expect("write");
    let time =
        std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000 + second);
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    file.set_modified(time).expect("set the time");
}

/// Reloads `folder` after a change, checks that the result is what reading every file gives,
/// and returns it with how many files the reload read.
fn reload_and_compare(folder: &Path, previous: &Dataset) -> (Dataset, u64) {
    use coop_timeline::load::reload_folder;
    let options = LoadOptions::default();
    let progress = LoadProgress::default();
    let reloaded = reload_folder(folder, previous, &options, &progress).expect("reloads");
    let full = load_folder(folder, &options, &LoadProgress::default()).expect("loads");
    assert_eq!(reloaded.events, full.events);
    let files = |d: &Dataset| d.events.iter().map(|e| e.file_index()).collect::<Vec<_>>();
    assert_eq!(files(&reloaded), files(&full), "each event's file");
    assert_eq!(reloaded.problems, full.problems);
    assert_eq!(reloaded.files, full.files);
    assert_eq!(reloaded.file_count, full.file_count);
    assert_eq!(reloaded.folder_files, full.folder_files);
    assert_eq!(
        (reloaded.titles.clone(), reloaded.eras.clone()),
        (full.titles, full.eras)
    );
    let read = progress
        .files_total
        .load(std::sync::atomic::Ordering::Relaxed);
    (reloaded, read)
}

#[test]
fn a_reload_reads_only_the_files_that_changed_and_gives_what_a_full_load_gives() {
    let folder = folder_of(&[
        "sample_data/events.json",
        "sample_data/events.csv",
        "tests/fixtures/bad/good.json",
        "tests/fixtures/bad/bad_date.json",
        "tests/fixtures/bad/ragged.csv",
        "tests/fixtures/bad/empty.json",
        "tests/fixtures/imports/gdelt/gdelt1_daily_events_sample_20160728.csv",
        "tests/fixtures/imports/sheet/my_events.csv",
    ]);
    let dir = folder.path();
    let event = |id: &str, start: &str| {
        format!(
            r#"{{"id": "{id}", "title": "T {id}", "start": "{start}", "category": "forum", "sources": [{{"file": "x", "quote": "q"}}]}}"#
        )
    };
    let list = |events: &[String]| format!("[\n{}\n]", events.join(",\n"));
    let mut dataset =
        load_folder(dir, &LoadOptions::default(), &LoadProgress::default()).expect("loads");

    // One file edited: an event changed, one added, one with a bad date.
    let good = list(&[
        event("good-1", "2020-03"),
        event("new-1", "1999"),
        event("bad", "2021-02-30"),
    ]);
    save(&dir.join("good.json"), &good, 1);
    let (reloaded, read) = reload_and_compare(dir, &dataset);
    assert_eq!(read, 1, "only the edited file is read");
    assert!(
        reloaded
            .problems
            .iter()
            .any(|p| p.file == "good.json" && p.line == 4)
    );
    dataset = reloaded;

    // A file added between others, and one removed.
    save(
        &dir.join("c_added.json"),
        &list(&[event("added", "2030")]),
        2,
    );
    std::fs::remove_file(dir.join("bad_date.json")).expect("remove");
    let (reloaded, read) = reload_and_compare(dir, &dataset);
    assert_eq!(read, 1, "only the added file is read");
    assert!(!reloaded.problems.iter().any(|p| p.file == "bad_date.json"));
    dataset = reloaded;

    // A file fixed: its problem goes, the other files' stay.
    save(
        &dir.join("ragged.csv"),
        "id,title,start,category\nfixed,Fixed,2021,forum\n",
        3,
    );
    let (reloaded, read) = reload_and_compare(dir, &dataset);
    assert_eq!(read, 1);
    let errors_of = |d: &Dataset, file: &str| {
        d.problems
            .iter()
            .filter(|p| p.file == file && p.is_error())
            .count()
    };
    assert_eq!(errors_of(&dataset, "ragged.csv"), 1);
    assert_eq!(errors_of(&reloaded, "ragged.csv"), 0);
    assert_eq!(
        errors_of(&reloaded, "good.json"),
        1,
        "the others' problems stay"
    );
    dataset = reloaded;

    // A changed file now repeats an id of a file it was not read with: every file is read,
    // so that the first in the folder's order keeps it, as always.
    save(
        &dir.join("c_added.json"),
        &list(&[event("good-1", "2030")]),
        4,
    );
    let (reloaded, read) = reload_and_compare(dir, &dataset);
    assert_eq!(read, 8, "every file is read again");
    assert!(
        reloaded
            .problems
            .iter()
            .any(|p| p.message.starts_with("duplicate id 'good-1'"))
    );
    dataset = reloaded;

    // A file that lost an event to a repeated id cannot be kept: when it repeats no more,
    // the event comes back.
    save(
        &dir.join("c_added.json"),
        &list(&[event("other", "2030")]),
        5,
    );
    let (reloaded, read) = reload_and_compare(dir, &dataset);
    assert_eq!(read, 8);
    assert!(reloaded.events.iter().any(|e| e.id() == "other"));
}

#[test]
fn a_folder_with_titles_or_repeated_ids_is_read_whole_on_reload_and_gives_the_same() {
    let folder = folder_of(&[
        "tests/fixtures/bad/dup_a.json",
        "tests/fixtures/bad/dup_b.json",
        "tests/fixtures/imports/timelinejs/exchange_history.json",
        "tests/fixtures/bad/good.json",
    ]);
    let dir = folder.path();
    let dataset =
        load_folder(dir, &LoadOptions::default(), &LoadProgress::default()).expect("loads");
    save(&dir.join("good.json"), "[]", 1);
    let (_, read) = reload_and_compare(dir, &dataset);
    assert_eq!(read, 4, "every file is read again");
}
