//! The data people already have: TimelineJS (JSON and sheet), GDELT (1.0 with 57 and 58
//! columns, 2.0, zipped, BigQuery), and their own spreadsheets. Each maps exactly, and every
//! bad row is reported where it is while the rest loads.

use std::io::Write as _;
use std::path::Path;

use coop_timeline::load::{LoadOptions, LoadProgress};
use coop_timeline::load::{load_files, load_folder};
use coop_timeline::model::{Dataset, Event, Precision};

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/imports")
            .join(path),
    )
    .expect("fixture")
}

fn load_one(name: &str, bytes: &[u8]) -> Dataset {
    load_files([(name, bytes)])
}

fn event<'a>(events: &'a [Event], id: &str) -> &'a Event {
    events.iter().find(|e| e.id == id).unwrap_or_else(|| {
        panic!(
            "no event {id}: {:?}",
            events.iter().map(|e| &e.id).collect::<Vec<_>>()
        )
    })
}

fn problems(dataset: &Dataset) -> Vec<String> {
    dataset.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn timelinejs_json_maps_dates_text_groups_media_and_eras() {
    let dataset = load_one(
        "exchange_history.json",
        &fixture("timelinejs/exchange_history.json"),
    );
    assert_eq!(dataset.files[0].format.label(), "TimelineJS JSON");
    assert_eq!(dataset.titles, ["A made-up history of exchange"]);
    let events = dataset.events.to_vec();
    assert_eq!(events.len(), 5, "{:#?}", problems(&dataset));

    let forum = event(&events, "first-forum");
    assert_eq!(forum.title, "First Sino-Japanese Science Forum");
    assert_eq!(forum.start.to_string(), "1994-05-08");
    assert_eq!(forum.summary, "Held in Tokyo & Kyoto. Two days.");
    assert_eq!(forum.series.as_deref(), Some("Forums"));
    assert_eq!(forum.category.key(), "forum");
    assert_eq!(forum.display_date.as_deref(), Some("Spring 1994"));
    assert_eq!(
        forum.sources[0].url.as_deref(),
        Some("https://example.org/photo.jpg")
    );
    assert_eq!(forum.sources[0].byline.as_deref(), Some("Example Photo"));
    assert_eq!(forum.sources[0].quote, "The opening");

    // No unique_id: the id comes from the file name and the position.
    let exchange = event(&events, "exchange-history-2");
    assert_eq!(exchange.start.precision(), Precision::Month);
    assert_eq!(exchange.start.to_string(), "1996-07");
    assert_eq!(
        exchange.end.map(|d| d.to_string()).as_deref(),
        Some("1996-09")
    );
    let year = event(&events, "exchange-history-3");
    assert_eq!(year.start.precision(), Precision::Year);
    assert_eq!(year.category.key(), "agreement");
    let ides = event(&events, "exchange-history-4");
    assert_eq!(ides.start.to_string(), "-0043-03-15");
    assert_eq!(ides.span().display_long(), "15 Mar 44 BCE");
    // A slide without a headline takes its text's first sentence; an embed is no source.
    let untitled = event(&events, "exchange-history-7");
    assert_eq!(untitled.title, "No headline here.");
    assert!(untitled.sources.is_empty());

    let eras: Vec<(&str, String)> = dataset
        .eras
        .iter()
        .map(|e| (e.label.as_str(), e.span.display_long()))
        .collect();
    assert_eq!(
        eras,
        [
            ("The nineties", "1990 – 1999".to_owned()),
            ("Classical", "500 BCE – 300 BCE".to_owned())
        ]
    );

    let problems = problems(&dataset);
    assert!(
        problems.iter().any(|p| p
            .contains("1 event has a date outside the years the app can show (10000 BCE to 9999)")
            && p.contains("-13800000000")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the start_date 2001-13 is not a real date")),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("no headline")),
        "{problems:#?}"
    );
}

#[test]
fn timelinejs_sheet_maps_the_template_columns() {
    let dataset = load_one(
        "template_sheet.csv",
        &fixture("timelinejs/template_sheet.csv"),
    );
    assert_eq!(dataset.files[0].format.label(), "TimelineJS sheet (CSV)");
    assert_eq!(dataset.titles, ["A sheet timeline"]);
    assert_eq!(dataset.eras.len(), 1);
    assert_eq!(dataset.eras[0].label, "Five years of workshops");
    let events = dataset.events.to_vec();
    assert_eq!(events.len(), 2);
    let kickoff = event(&events, "template-sheet-1");
    assert_eq!(kickoff.start.to_string(), "2011-03-14");
    assert_eq!(kickoff.summary, "The first one.");
    assert_eq!(kickoff.series.as_deref(), Some("Workshops"));
    assert_eq!(kickoff.category.key(), "seminar");
    assert_eq!(kickoff.sources[0].byline.as_deref(), Some("Example News"));
    let summit = event(&events, "template-sheet-2");
    assert_eq!(summit.display_date.as_deref(), Some("Around 2013"));
    assert_eq!(summit.category.key(), "summit");
    assert_eq!(
        problems(&dataset),
        ["template_sheet.csv:6: error: the start_date has no year; the event was skipped"]
    );
}

/// The real GDELT 1.0 sample: 509 daily rows (58 columns) and 201 back-file rows (57).
#[test]
fn gdelt_1_rows_of_both_widths_map_exactly() {
    let dataset = load_one(
        "gdelt1_daily_events_sample_20160728.csv",
        &fixture("gdelt/gdelt1_daily_events_sample_20160728.csv"),
    );
    assert_eq!(dataset.files[0].format.label(), "GDELT events");
    assert_eq!(dataset.events.len(), 710, "every row is accounted for");
    assert_eq!(dataset.error_count(), 0, "{:#?}", problems(&dataset));
    let events = dataset.events.to_vec();

    let chinese = event(&events, "gdelt-564111704");
    assert_eq!(chinese.start.to_string(), "2016-07-27");
    assert_eq!(chinese.start.precision(), Precision::Day);
    let codes: Vec<&str> = chinese.countries.iter().map(|c| c.code()).collect();
    assert_eq!(codes, ["CHN", "AUS"]);
    assert_eq!(chinese.title, "CHINESE — accuse — AUSTRALIA");
    assert_eq!(chinese.series.as_deref(), Some("Disapprove"));
    assert_eq!(chinese.location.as_deref(), Some("United States"));
    assert_eq!(
        chinese.sources[0].url.as_deref(),
        Some(
            "http://www.morningstaronline.co.uk/a-7348-China-US-accused-of-fanning-the-flames-in-South-China-Sea"
        )
    );
    assert_eq!(chinese.tags, ["QuadClass 3: verbal conflict", "CAMEO 112"]);
    // Mentions, sources and articles measure coverage, not participation.
    assert!(chinese.participants.is_empty());
    let coverage: Vec<(u64, &str)> = (chinese.coverage.iter())
        .map(|c| (c.count, c.unit.as_str()))
        .collect();
    assert_eq!(coverage, [(2, "mentions"), (1, "sources"), (2, "articles")]);
    assert!(chinese.people.is_empty());

    // A back-file row: 57 columns, no source url.
    let back = event(&events, "gdelt-1552839");
    assert_eq!(back.start.to_string(), "1982-01-02");
    assert_eq!(
        back.title,
        "CANADA — threaten to boycott, embargo, or sanction — POLAND"
    );
    assert!(back.sources.is_empty());
    // Regions are told in one warning a file, each code with its rows.
    let warnings = problems(&dataset);
    let regions: Vec<&String> = (warnings.iter())
        .filter(|w| w.contains("stand for regions") || w.contains("stands for a region"))
        .collect();
    assert_eq!(regions.len(), 1, "{warnings:#?}");
    assert!(regions[0].contains("EUR (Europe, 7 rows)"), "{regions:#?}");
}

/// A 61-column GDELT 2.0 row for the tests, tab-separated.
fn gdelt2_row(
    id: &str,
    date: &str,
    actor1: (&str, &str),
    actor2: (&str, &str),
    code: &str,
) -> String {
    let mut fields = vec![""; 61];
    fields[0] = id;
    fields[1] = date;
    fields[6] = actor1.0;
    fields[7] = actor1.1;
    fields[16] = actor2.0;
    fields[17] = actor2.1;
    fields[26] = code;
    fields[28] = &code[..2];
    fields[29] = "1";
    fields[31] = "10";
    fields[32] = "3";
    fields[33] = "9";
    fields[52] = "Beijing, Beijing, China";
    fields[59] = "20240101001500";
    fields[60] = "https://news.example.org/a";
    fields.join("\t")
}

fn gdelt2_export() -> String {
    [
        gdelt2_row(
            "1170000001",
            "20240101",
            ("CHINA", "CHN"),
            ("JAPAN", "JPN"),
            "0311",
        ),
        gdelt2_row(
            "1170000002",
            "20240131",
            ("SOUTH KOREA", "KOR"),
            ("", ""),
            "057",
        ),
        gdelt2_row(
            "1170000003",
            "20240231",
            ("CHINA", "CHN"),
            ("JAPAN", "JPN"),
            "043",
        ),
        gdelt2_row(
            "1170000004",
            "20240102",
            ("ATLANTIS", "XYZ"),
            ("JAPAN", "JPN"),
            "043",
        ),
        "1170000005\t20240101\tshort row".to_owned(),
    ]
    .join("\n")
}

#[test]
fn gdelt_2_exports_load_and_bad_rows_are_located() {
    let dataset = load_one("20240101001500.export.CSV", gdelt2_export().as_bytes());
    let events = dataset.events.to_vec();
    assert_eq!(events.len(), 3);
    let first = event(&events, "gdelt-1170000001");
    assert_eq!(
        first.title,
        "CHINA — express intent to cooperate economically — JAPAN"
    );
    assert_eq!(first.series.as_deref(), Some("Express intent to cooperate"));
    assert_eq!(first.location.as_deref(), Some("Beijing, Beijing, China"));
    assert_eq!(
        first.sources[0].url.as_deref(),
        Some("https://news.example.org/a")
    );
    let signed = event(&events, "gdelt-1170000002");
    assert_eq!(signed.category.key(), "agreement");
    assert_eq!(signed.title, "SOUTH KOREA — sign formal agreement");
    let atlantis = event(&events, "gdelt-1170000004");
    assert_eq!(
        atlantis
            .countries
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>(),
        ["JPN"]
    );
    assert_eq!(
        problems(&dataset),
        [
            "20240101001500.export.CSV:3:2: error: SQLDATE '20240231' is not a date written YYYYMMDD; the row was skipped",
            "20240101001500.export.CSV:4: warning: the CAMEO actor country code XYZ is not a known country, so it is left out of the countries (1 row, the first here)",
            "20240101001500.export.CSV:5: error: this row has 3 fields; GDELT rows have 57 or 58 (version 1) or 61 (version 2), separated by tabs; the row was skipped",
        ]
    );
}

fn zipped(name: &str, content: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file(name, options).expect("start");
    zip.write_all(content).expect("write");
    zip.finish().expect("finish").into_inner()
}

#[test]
fn zipped_exports_load_and_a_cut_zip_is_reported() {
    let archive = zipped("20240101001500.export.CSV", gdelt2_export().as_bytes());
    let dataset = load_one("20240101001500.export.CSV.zip", &archive);
    assert_eq!(dataset.events.len(), 3);
    assert_eq!(
        dataset.files[0].file,
        "20240101001500.export.CSV.zip/20240101001500.export.CSV"
    );
    assert!(
        problems(&dataset)[0]
            .starts_with("20240101001500.export.CSV.zip/20240101001500.export.CSV:3:2: error")
    );

    let cut = load_one("cut.zip", &archive[..archive.len() / 2]);
    assert_eq!(cut.events.len(), 0);
    assert_eq!(cut.problems.len(), 1);
    assert!(
        problems(&cut)[0].starts_with(
            "cut.zip: error: the zip archive cannot be read; is it cut off or damaged?"
        ),
        "{:?}",
        problems(&cut)
    );
}

#[test]
fn bigquery_exports_with_a_header_load_in_any_column_order() {
    let csv = "SQLDATE,Actor2CountryCode,GLOBALEVENTID,Actor1Name,Actor1CountryCode,Actor2Name,EventCode,EventRootCode,QuadClass,SOURCEURL\n\
20210304,JPN,99,CHINA,CHN,JAPAN,0311,03,1,https://example.org/x\n\
20210305,KOR,100,CHINA,CHN,\"SOUTH KOREA, SEOUL\",036,03,1,\n";
    let dataset = load_one("bq-results.csv", csv.as_bytes());
    assert_eq!(dataset.files[0].format.label(), "GDELT events");
    let events = dataset.events.to_vec();
    assert_eq!(events.len(), 2, "{:?}", problems(&dataset));
    let first = event(&events, "gdelt-99");
    assert_eq!(first.start.to_string(), "2021-03-04");
    assert_eq!(
        first.countries.iter().map(|c| c.code()).collect::<Vec<_>>(),
        ["CHN", "JPN"]
    );
    assert_eq!(
        first.tags,
        ["QuadClass 1: verbal cooperation", "CAMEO 0311"]
    );
    assert_eq!(
        event(&events, "gdelt-100").title,
        "CHINA — express intent to meet or negotiate — SOUTH KOREA, SEOUL"
    );
    let missing = load_one("bq.csv", b"GLOBALEVENTID,Actor1Name\n1,X\n");
    assert!(!missing.problems.is_empty());
}

#[test]
fn a_spreadsheet_with_its_own_headers_opens_with_a_guessed_mapping() {
    let dataset = load_one("my_events.csv", &fixture("sheet/my_events.csv"));
    assert_eq!(dataset.files[0].format.label(), "spreadsheet");
    let events = dataset.events.to_vec();
    assert_eq!(events.len(), 4, "{:#?}", problems(&dataset));
    let seminar = event(&events, "my-events-2");
    assert_eq!(seminar.title, "Online seminar on industrial cooperation");
    assert_eq!(seminar.start.to_string(), "2021-11-04");
    assert_eq!(seminar.location.as_deref(), Some("online"));
    assert_eq!(
        seminar
            .countries
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>(),
        ["CHN", "JPN"]
    );
    assert_eq!(seminar.category.key(), "seminar");
    assert_eq!(seminar.summary, "Think tanks met.");
    let meeting = event(&events, "my-events-3");
    assert_eq!(meeting.start.to_string(), "2022-11-04");
    assert_eq!(
        meeting
            .countries
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>(),
        ["KOR", "JPN"]
    );
    let call = event(&events, "my-events-4");
    assert_eq!(
        (call.start.to_string(), call.start.precision()),
        ("2023-11".to_owned(), Precision::Month)
    );
    assert_eq!(
        call.countries.iter().map(|c| c.code()).collect::<Vec<_>>(),
        ["CHN", "KOR"]
    );
    assert_eq!(
        event(&events, "my-events-5").start.precision(),
        Precision::Year
    );
    let problems = problems(&dataset);
    assert!(
        problems[0]
            .contains("columns guessed from the headers and the cells: Date (start) = 'When'"),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p
            .starts_with("my_events.csv:6:1: error: 'not a date' is not a date the app can read")),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.contains(
            "no country the app knows were left out of the countries: 'Atlantis' (1 row)"
        )),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.contains(
            "kept as their series (Lanes → by series): 'Review' (1 row), 'meeting' (1 row)"
        )),
        "{problems:#?}"
    );
    assert_eq!(
        event(&events, "my-events-3").series.as_deref(),
        Some("meeting")
    );
}

#[test]
fn a_tab_separated_sheet_reads_day_first_dates() {
    let dataset = load_one("tab_separated.tsv", &fixture("sheet/tab_separated.tsv"));
    let events = dataset.events.to_vec();
    let dates: Vec<String> = events.iter().map(|e| e.start.to_string()).collect();
    assert_eq!(dates, ["2021-04-03", "2021-04-13"]);
    assert_eq!(events[0].countries[0].code(), "FRA");
}

#[test]
fn a_folder_of_every_format_loads_with_each_file_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in [
        (
            "exchange_history.json",
            fixture("timelinejs/exchange_history.json"),
        ),
        (
            "template_sheet.csv",
            fixture("timelinejs/template_sheet.csv"),
        ),
        ("my_events.csv", fixture("sheet/my_events.csv")),
        (
            "export.CSV.zip",
            zipped("export.CSV", gdelt2_export().as_bytes()),
        ),
    ] {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    let dataset = load_folder(
        dir.path(),
        &LoadOptions::default(),
        &LoadProgress::default(),
    )
    .expect("load");
    let files: Vec<(&str, &str, usize)> = dataset
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.format.label(), f.events))
        .collect();
    assert_eq!(
        files,
        [
            ("exchange_history.json", "TimelineJS JSON", 5),
            ("export.CSV.zip/export.CSV", "GDELT events", 3),
            ("my_events.csv", "spreadsheet", 4),
            ("template_sheet.csv", "TimelineJS sheet (CSV)", 2),
        ]
    );
}
