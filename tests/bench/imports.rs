//! `cargo bench --bench imports`: reading other people's files at scale. Prints one line per
//! case: `BENCH <case> <value> <unit>`. A workbook's sheet costs at most twice its CSV.

use std::time::{Duration, Instant};

use coop_timeline::load::load_files;

fn main() {
    // `cargo test --all-targets` builds benches and runs them with no `--bench`: nothing to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rows = 100_000;
    let csv = csv_table(rows);
    let xlsx = xlsx_table(rows);
    let csv_ms = median_load_ms("events.csv", &csv, rows);
    let xlsx_ms = median_load_ms("events.xlsx", &xlsx, rows);
    report("load_csv_100k_ms", csv_ms, "ms");
    report("load_xlsx_100k_ms", xlsx_ms, "ms");
    report("xlsx_to_csv_ratio", xlsx_ms / csv_ms, "x");
    // Linear in the rows: ten times the rows, about ten times the time.
    let csv_10k = median_load_ms("events.csv", &csv_table(rows / 10), rows / 10);
    report("csv_100k_to_10k_ratio", csv_ms / csv_10k, "x");

    // A million events as an API writes them, on one line, each with a warning (no
    // source): the problems' positions cost no more than their number.
    let events = 1_000_000;
    let native_ms = median_load_ms("events.json", &native_json(events, true), events);
    report("load_native_1m_ms", native_ms, "ms");
    let one_line_ms = median_load_ms("events.json", &native_json(events, false), events);
    report("load_one_line_warned_1m_ms", one_line_ms, "ms");
    report(
        "one_line_warned_to_native_ratio",
        one_line_ms / native_ms,
        "x",
    );
    // GDELT 2.0's export of as many events, against the native load.
    let gdelt_ms = median_load_ms("20240101001500.export.CSV", &gdelt2_export(events), events);
    report("load_gdelt_1m_ms", gdelt_ms, "ms");
    report("gdelt_to_native_ratio", gdelt_ms / native_ms, "x");
}

/// Native JSON: indented with a source per event, or minified on one line without sources.
fn native_json(events: usize, indented: bool) -> Vec<u8> {
    let mut text = String::from("{\"events\": [");
    for i in 0..events {
        if i > 0 {
            text.push(',');
        }
        let date = format!("{}-{:02}-{:02}", 1990 + i % 35, i % 12 + 1, i % 28 + 1);
        let country = ["CHN", "JPN", "KOR", "DEU"][i % 4];
        if indented {
            text.push_str(&format!(
                "\n  {{\"id\": \"e{i}\", \"title\": \"Workshop {i}\", \"start\": \"{date}\", \"category\": \"seminar\",\n   \"countries\": [\"{country}\"], \"sources\": [{{\"url\": \"https://example.org/{i}\"}}]}}"
            ));
        } else {
            text.push_str(&format!(
                "{{\"id\":\"e{i}\",\"title\":\"Workshop {i}\",\"start\":\"{date}\",\"category\":\"seminar\",\"countries\":[\"{country}\"]}}"
            ));
        }
    }
    text.push_str("]}\n");
    text.into_bytes()
}

/// A GDELT 2.0 export: 61 tab-separated columns a row.
fn gdelt2_export(events: usize) -> Vec<u8> {
    let mut text = String::new();
    for i in 0..events {
        let mut fields = vec![String::new(); 61];
        fields[0] = format!("{}", 1_000_000_000 + i);
        fields[1] = format!("{}{:02}{:02}", 2015 + i % 10, i % 12 + 1, i % 28 + 1);
        fields[6] = ["CHN", "JPN"][i % 2].to_owned();
        fields[7] = ["CHINA", "JAPAN"][i % 2].to_owned();
        fields[16] = "KOR".to_owned();
        fields[17] = "SOUTH KOREA".to_owned();
        fields[26] = "0311".to_owned();
        fields[28] = "03".to_owned();
        fields[29] = "1".to_owned();
        fields[31] = "10".to_owned();
        fields[32] = "3".to_owned();
        fields[33] = "9".to_owned();
        fields[52] = "Beijing, Beijing, China".to_owned();
        fields[59] = "20240101001500".to_owned();
        fields[60] = format!("https://news.example.org/{i}");
        text.push_str(&fields.join("\t"));
        text.push('\n');
    }
    text.into_bytes()
}

/// The cells of row `i`: a date, a title in German, a country in Japanese, a count.
fn cells(i: usize) -> [String; 4] {
    let day = i % 28 + 1;
    let month = i / 28 % 12 + 1;
    let year = 1990 + i / 336 % 35;
    [
        format!("{day:02}.{month:02}.{year}"),
        format!("Workshop Nummer {i} zur Zusammenarbeit"),
        ["日本", "Deutschland", "Brasil", "中国"][i % 4].to_owned(),
        format!("{}", i % 90 + 10),
    ]
}

const HEADER: [&str; 4] = ["Datum", "Veranstaltung", "Land", "Teilnehmer"];

fn csv_table(rows: usize) -> Vec<u8> {
    let mut text = HEADER.join(";");
    text.push('\n');
    for i in 0..rows {
        text.push_str(&cells(i).join(";"));
        text.push('\n');
    }
    text.into_bytes()
}

fn xlsx_table(rows: usize) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, header) in HEADER.iter().enumerate() {
        sheet
            .write_string(0, column as u16, *header)
            .expect("header");
    }
    for i in 0..rows {
        for (column, cell) in cells(i).iter().enumerate() {
            sheet
                .write_string(i as u32 + 1, column as u16, cell)
                .expect("cell");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

fn median_load_ms(name: &str, bytes: &[u8], rows: usize) -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let dataset = load_files([(name, bytes)]);
            let elapsed = ms(started.elapsed());
            assert_eq!(
                dataset.events.len(),
                rows,
                "{name}: {:?}",
                dataset.problems.first()
            );
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn report(case: &str, value: f64, unit: &str) {
    println!("BENCH {case} {value:.3} {unit}");
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
