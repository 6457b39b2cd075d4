//! The real binary's `check` and `draft` commands.

use std::process::Command;

fn check(args: &[&str]) -> (i32, String, String) {
    run("check", args)
}

fn run(command: &str, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_coop-timeline"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg(command)
        .args(args)
        .output()
        .expect("the binary runs");
    let code = output.status.code().expect("exited, not killed");
    (
        code,
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn sample_data_checks_clean() {
    let (code, stdout, _) = check(&["sample_data"]);
    assert_eq!(code, 0, "{stdout}");
    for expected in [
        "0 errors",
        "Forum",
        "CHN China",
        "28–29 Nov 2022",
        "cj-univ-st-innovation-forum-2022",
        "sakura-science-exchange-program-launch-2014",
        "18 Nov 2021 (inferred)",
        "27 May 2024",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn json_output_is_normalised() {
    let (code, stdout, _) = check(&["sample_data", "--json"]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let events = value["events"].as_array().expect("events");
    let forum = events
        .iter()
        .find(|e| e["id"] == "cj-univ-st-innovation-forum-2022")
        .expect("forum");
    assert_eq!(forum["start"], "2022-11-28");
    assert_eq!(forum["end"], "2022-11-29");
    assert_eq!(forum["date_inferred"], false);
    assert_eq!(
        forum["participants"][0],
        serde_json::json!({"country": "CHN", "count": 12, "unit": "universities"})
    );
    let series = events
        .iter()
        .find(|e| e["id"] == "cj-univ-exhibition-forum-series-2010")
        .expect("series");
    assert_eq!(series["start"], "2010");
    assert_eq!(value["problems"], serde_json::json!([]));
}

#[test]
fn broken_files_exit_1_and_name_each_file_and_line() {
    let (code, stdout, _) = check(&["tests/fixtures/bad"]);
    assert_eq!(code, 1);
    for expected in [
        "bad_date.json:3:70: error",
        "ragged.csv:3: error",
        "utf16.json:1: error",
        "utf16.json                               JSON list (UTF-16LE)",
        "6 events",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    let (code, stdout, _) = check(&["tests/fixtures/bad", "--json"]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let problem = &value["problems"][0];
    assert_eq!(problem["file"], "bad_date.json");
    assert_eq!(problem["line"], 3);
    assert_eq!(problem["column"], 70);
    assert_eq!(problem["severity"], "error");
}

#[test]
fn bad_usage_and_a_missing_folder_exit_2() {
    let (code, _, _) = check(&[]);
    assert_eq!(code, 2);
    let (code, _, stderr) = check(&["no/such/folder"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot open the folder"), "{stderr}");
    // The window too: another folder's data is never shown instead.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_coop-timeline"))
        .args(["--screenshot", "never.png", "no/such/folder"])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no/such/folder does not exist"));
}

#[test]
fn every_bad_file_gets_a_problem_and_nothing_panics() {
    let (code, stdout, stderr) = check(&["tests/fixtures/bad", "--json"]);
    assert_eq!(
        code, 1,
        "exit 1 for errors, never 101 for a panic: {stderr}"
    );
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let named: std::collections::BTreeSet<&str> = value["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter_map(|p| p["file"].as_str())
        .collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("corpus") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        files += 1;
        // The good files, and the first of two files sharing an id, load cleanly.
        if ["good.json", "bom.json", "dup_a.json"].contains(&name.as_str()) {
            continue;
        }
        assert!(
            named.contains(name.as_str()),
            "no problem reported for {name}"
        );
    }
    assert!(files >= 30, "the corpus has {files} files");
}

#[test]
fn the_size_limit_is_configurable() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("big.json"),
        format!("[{}]", " ".repeat(2_000_000)),
    )
    .expect("write");
    let path = dir.path().to_string_lossy().into_owned();
    let (code, stdout, _) = check(&[&path, "--max-file-mb", "1"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("big.json: error: the file is 1.9 MiB, more than the limit of 1.0 MiB"),
        "{stdout}"
    );
    let (code, _, _) = check(&[&path]);
    assert_eq!(code, 0);
}

#[test]
fn draft_takes_the_page_date_it_is_given() {
    let folder = tempfile::tempdir().expect("temp dir");
    let article = folder.path().join("forum.txt");
    std::fs::write(
        &article,
        "Korea-Japan science forum\n\nThe Korea-Japan Science Forum was held in Seoul on March 15, where 40 researchers met.\n",
    )
    .expect("article");
    let path = article.to_str().expect("a UTF-8 path");
    let (code, stdout, _) = run("draft", &[path]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("forum.txt: no page date (give one with --published YYYY-MM-DD)"),
        "{stdout}"
    );
    assert!(stdout.contains("0 drafted events"), "{stdout}");
    let (code, stdout, _) = run("draft", &["--published", "2023-03-16", path]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("forum.txt: page date 2023-03-16 (the page date you gave)"),
        "{stdout}"
    );
    assert!(stdout.contains("15 Mar 2023 (inferred)"), "{stdout}");
    let (code, _, stderr) = run("draft", &["--published", "16/03/2023", path]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("'16/03/2023' is not a date as YYYY-MM-DD"),
        "{stderr}"
    );
}

#[test]
fn check_takes_a_column_mapping_for_scripted_use() {
    let folder = tempfile::tempdir().expect("temp dir");
    // Neither header names a role the guess would give: the mapping says them.
    let table = "Wann,Thema,Wo\n2021-11-04,Workshop zur Batterieforschung,Tokio\n";
    std::fs::write(folder.path().join("liste.csv"), table).expect("write");
    let path = folder.path().to_str().expect("utf-8 path");
    let (code, stdout, stderr) = check(&[
        "--json",
        "--columns",
        "Wann=start,Thema=title,Wo=place",
        path,
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let event = &report["events"][0];
    assert_eq!(event["start"], "2021-11-04");
    assert_eq!(event["title"], "Workshop zur Batterieforschung");
    assert_eq!(event["location"], "Tokio");
    let (code, _, stderr) = check(&["--columns", "Wann=beginning", path]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("beginning"), "{stderr}");
}
