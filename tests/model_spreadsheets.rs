//! The spreadsheets people really have: Excel and LibreOffice workbooks, legacy encodings,
//! headers in other languages or none, the dates Excel leaves behind, the older TimelineJS 2
//! shape and plain JSON lists. Workbooks are written here by maintained writers, so each test
//! says what its file holds.

use coop_timeline::load::load_files;
use coop_timeline::model::{Dataset, Event, Format, Precision};

fn problems(dataset: &Dataset) -> Vec<String> {
    dataset.problems.iter().map(ToString::to_string).collect()
}

fn titled<'a>(events: &'a [Event], title: &str) -> &'a Event {
    events.iter().find(|e| e.title == title).unwrap_or_else(|| {
        panic!(
            "no event '{title}': {:?}",
            events.iter().map(|e| &e.title).collect::<Vec<_>>()
        )
    })
}

fn starts(events: &[Event]) -> Vec<String> {
    let mut starts: Vec<String> = events.iter().map(|e| e.start.to_string()).collect();
    starts.sort();
    starts
}

fn xlsx_with_two_sheets() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook};
    let mut book = Workbook::new();
    let date = CellFormat::new().set_num_format("dd.mm.yyyy");
    let sheet = book.add_worksheet().set_name("Termine").expect("name");
    for (column, header) in ["Datum", "Veranstaltung", "Land", "Teilnehmer"]
        .iter()
        .enumerate()
    {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    let day = ExcelDateTime::from_ymd(2021, 11, 4).expect("date");
    sheet
        .write_datetime_with_format(1, 0, &day, &date)
        .expect("date cell");
    sheet
        .write_string(1, 1, "Workshop zur Batterieforschung")
        .expect("cell");
    sheet.write_string(1, 2, "Japan").expect("cell");
    sheet.write_number(1, 3, 40).expect("cell");
    sheet.write_string(2, 0, "März 2022").expect("cell");
    sheet
        .write_string(2, 1, "Gemeinsame Ausschreibung")
        .expect("cell");
    sheet.write_string(2, 2, "Deutschland; 日本").expect("cell");
    sheet.write_string(3, 0, "Monat 13").expect("cell");
    sheet.write_string(3, 1, "Kaputte Zeile").expect("cell");
    let other = book.add_worksheet().set_name("Visits").expect("name");
    other.write_string(0, 0, "Title").expect("cell");
    other.write_string(0, 1, "Year").expect("cell");
    other
        .write_string(1, 0, "Delegation to Seoul")
        .expect("cell");
    other.write_number(1, 1, 2019).expect("cell");
    book.add_worksheet().set_name("Empty").expect("name");
    book.save_to_buffer().expect("xlsx")
}

#[test]
fn each_sheet_of_an_excel_workbook_loads_with_dates_as_dates_and_cells_named() {
    let dataset = load_files([("list.xlsx", xlsx_with_two_sheets().as_slice())]);
    let events = dataset.events.to_vec();
    assert_eq!(events.len(), 3, "{:?}", problems(&dataset));
    let workshop = titled(&events, "Workshop zur Batterieforschung");
    assert_eq!(workshop.start.to_string(), "2021-11-04");
    assert_eq!(
        workshop
            .countries
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>(),
        ["JPN"]
    );
    assert_eq!(workshop.participants[0].count, 40);
    assert_eq!(workshop.participants[0].unit, "teilnehmer");
    let call = titled(&events, "Gemeinsame Ausschreibung");
    assert_eq!(
        (call.start.to_string(), call.start.precision()),
        ("2022-03".to_owned(), Precision::Month)
    );
    assert_eq!(
        call.countries.iter().map(|c| c.code()).collect::<Vec<_>>(),
        ["DEU", "JPN"]
    );
    assert_eq!(
        titled(&events, "Delegation to Seoul").start.to_string(),
        "2019"
    );
    let names: Vec<&str> = dataset.files.iter().map(|f| f.file.as_str()).collect();
    assert!(
        names.contains(&"list.xlsx:Termine") && names.contains(&"list.xlsx:Visits"),
        "{names:?}"
    );
    assert!(dataset.files.iter().all(|f| f.format == Format::Workbook));
    let problems = problems(&dataset);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("list.xlsx:Termine!A4: error: 'Monat 13'")),
        "{problems:#?}"
    );
}

#[test]
fn a_libreoffice_sheet_loads_like_an_excel_one() {
    use spreadsheet_ods::{Sheet, WorkBook};
    let mut sheet = Sheet::new("Eventos");
    sheet.set_value(0, 0, "fecha");
    sheet.set_value(0, 1, "título");
    sheet.set_value(
        1,
        0,
        chrono::NaiveDate::from_ymd_opt(2020, 3, 31).expect("date"),
    );
    sheet.set_value(1, 1, "Foro de cooperación científica");
    sheet.set_value(2, 0, "abril-mayo 1945");
    sheet.set_value(2, 1, "Conferencia");
    let mut book = WorkBook::new_empty();
    book.push_sheet(sheet);
    let bytes = spreadsheet_ods::write_ods_buf(&mut book, Vec::new()).expect("ods");
    let dataset = load_files([("lista.ods", bytes.as_slice())]);
    let events = dataset.events.to_vec();
    assert_eq!(
        starts(&events),
        ["1945-04", "2020-03-31"],
        "{:?}",
        problems(&dataset)
    );
    let conference = titled(&events, "Conferencia");
    assert_eq!(
        conference.end.map(|end| end.to_string()).as_deref(),
        Some("1945-05")
    );
}

#[test]
fn a_windows_1252_csv_reads_its_accents_and_says_its_encoding() {
    let bytes = b"Datum;Veranstaltung;Ort\n03.05.2021;Gr\xfc\xdfe aus M\xfcnchen;K\xf6ln\n12.05.2021;Fr\xfchjahrstagung;Z\xfcrich\n";
    let dataset = load_files([("termine.csv", bytes.as_slice())]);
    let events = dataset.events.to_vec();
    assert_eq!(
        starts(&events),
        ["2021-05-03", "2021-05-12"],
        "{:?}",
        problems(&dataset)
    );
    assert_eq!(
        titled(&events, "Grüße aus München").location.as_deref(),
        Some("Köln")
    );
    assert_eq!(dataset.files[0].encoding.as_deref(), Some("windows-1252"));
}

#[test]
fn excel_dates_with_two_digit_years_and_months_of_a_year_are_read_by_the_stated_rule() {
    let text = "start_date,end_date,appointee\n1/21/77,8/3/79,First\nMar-46,Jan-12,Second\n11/10/16,Still in office,Third\nReagan admin,1/20/89,Fourth\n";
    let dataset = load_files([("cabinet.csv", text.as_bytes())]);
    let events = dataset.events.to_vec();
    let first = titled(&events, "First");
    assert_eq!(
        (first.start.to_string(), first.end.map(|e| e.to_string())),
        ("1977-01-21".to_owned(), Some("1979-08-03".to_owned()))
    );
    let second = titled(&events, "Second");
    assert_eq!(
        (second.start.to_string(), second.end.map(|e| e.to_string())),
        ("1946-03".to_owned(), Some("2012-01".to_owned()))
    );
    let third = titled(&events, "Third");
    assert_eq!(
        (third.start.to_string(), third.end),
        ("2016-11-10".to_owned(), None)
    );
    // A start in words: kept at the end it states, marked as inferred.
    let fourth = titled(&events, "Fourth");
    assert_eq!(
        (fourth.start.to_string(), fourth.date_inferred),
        ("1989-01-20".to_owned(), true)
    );
    let problems = problems(&dataset);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("00–29 as 2000–2029, 30–99 as 1930–1999")),
        "{problems:#?}"
    );
}

#[test]
fn a_table_without_a_header_is_read_by_its_cells() {
    let text = "2025-01-07 to 10|Workshop on Electronic Structure Methods|Trieste, Italy\n2025-01-26 to 02-01|Winter School on Plasma Physics|Kyoto, Japan\n2025 tbd|Symposium on Polar Research|Online\n";
    let dataset = load_files([("conferences.txt", text.as_bytes())]);
    let events = dataset.events.to_vec();
    let workshop = titled(&events, "Workshop on Electronic Structure Methods");
    assert_eq!(
        workshop.end.map(|e| e.to_string()).as_deref(),
        Some("2025-01-10")
    );
    assert_eq!(workshop.location.as_deref(), Some("Trieste, Italy"));
    assert_eq!(
        workshop
            .countries
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>(),
        ["ITA"]
    );
    let school = titled(&events, "Winter School on Plasma Physics");
    assert_eq!(
        (school.start.to_string(), school.end.map(|e| e.to_string())),
        ("2025-01-26".to_owned(), Some("2025-02-01".to_owned()))
    );
    assert_eq!(
        titled(&events, "Symposium on Polar Research")
            .start
            .precision(),
        Precision::Year
    );
    let problems = problems(&dataset);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the first row holds data, not names")),
        "{problems:#?}"
    );
}

#[test]
fn timelinejs_2_and_plain_json_lists_load() {
    let tjs2 = r#"{"timeline": {"headline": "History", "type": "default", "startDate": "1950",
        "date": [{"startDate": "1950,10,18", "endDate": "1950,10,18", "headline": "Founded"},
                 {"startDate": "1938,7，25", "headline": "Moved"},
                 {"startDate": "1942.1", "headline": "Reopened"}]}}"#;
    let list = r#"[{"year": -4500, "event": "Copper smelting"}, {"year": 1543, "event": "De revolutionibus"}]"#;
    let dataset = load_files([
        ("history.json", tjs2.as_bytes()),
        ("list.json", list.as_bytes()),
    ]);
    let events = dataset.events.to_vec();
    let founded = titled(&events, "Founded");
    assert_eq!(
        (founded.start.to_string(), founded.end),
        ("1950-10-18".to_owned(), None)
    );
    assert_eq!(titled(&events, "Moved").start.to_string(), "1938-07-25");
    assert_eq!(titled(&events, "Reopened").start.to_string(), "1942-01");
    assert_eq!(
        titled(&events, "Copper smelting").start.year_number(),
        -4499
    );
    assert_eq!(
        titled(&events, "De revolutionibus").start.to_string(),
        "1543"
    );
    let formats: Vec<Format> = dataset.files.iter().map(|f| f.format).collect();
    assert!(
        formats.contains(&Format::TimelineJs2Json) && formats.contains(&Format::JsonList),
        "{formats:?}"
    );
}

#[test]
fn dates_without_a_year_are_refused_saying_so() {
    let text = "Person,Event,Date\nA,Dinner,24-Jan\nB,Speech,9-Nov\n";
    let dataset = load_files([("events.csv", text.as_bytes())]);
    assert!(dataset.events.is_empty());
    let problems = problems(&dataset);
    assert!(
        problems[0].contains("the column 'Date' holds dates without a year (such as '24-Jan')"),
        "{problems:#?}"
    );
}

#[test]
fn many_tables_laid_out_alike_give_one_note_of_the_guess() {
    let text = "When,What\n2021-11-04,Seminar\n";
    let names = ["a.csv", "b.csv", "c.csv"];
    let dataset = load_files(names.iter().map(|name| (*name, text.as_bytes())));
    assert_eq!(dataset.events.len(), 3);
    let guesses: Vec<String> = problems(&dataset)
        .into_iter()
        .filter(|p| p.contains("columns guessed"))
        .collect();
    assert_eq!(guesses.len(), 1, "{guesses:#?}");
    assert!(
        guesses[0].ends_with("(the same guess for 2 more files: b.csv, c.csv)"),
        "{guesses:#?}"
    );
}
