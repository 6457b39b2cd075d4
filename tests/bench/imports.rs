//! `cargo bench --bench imports`: reading other people's files at scale. Prints one line per
//! case: `BENCH <case> <value> <unit>`. A workbook's sheet costs at most twice its CSV.

use std::time::{Duration, Instant};

use coop_timeline::cli::generate::synthetic_event;
use coop_timeline::load::load_files;

fn main() {
    // `cargo test --all-targets` builds benches and runs them with no `--bench`: nothing to do.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // `cargo bench --bench imports -- gdelt` runs the cases whose group names it.
    let only = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    let wanted = |group: &str| only.as_deref().is_none_or(|o| group.contains(o));
    if wanted("sheets") {
        sheets();
    }
    if wanted("json gdelt") {
        json_and_gdelt(&wanted);
    }
}

fn sheets() {
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
}

fn json_and_gdelt(wanted: &dyn Fn(&str) -> bool) {
    let events = 1_000_000;
    // The app's own events as `generate` writes them: the reference for other formats.
    let native_ms = median_load_ms("events.json", &generated_json(events), events);
    report("load_native_1m_ms", native_ms, "ms");
    if wanted("json") {
        // A million events as an API writes them, minified on one line: each without a
        // source has a warning, whose position costs no more than the warning itself.
        let one_line_ms =
            median_load_ms("events.json", &native_json(events, Layout::OneLine), events);
        report("load_one_line_1m_ms", one_line_ms, "ms");
        let warned_ms = median_load_ms(
            "events.json",
            &native_json(events, Layout::OneLineWarned),
            events,
        );
        report("load_one_line_warned_1m_ms", warned_ms, "ms");
        report(
            "one_line_warned_to_unwarned_ratio",
            warned_ms / one_line_ms,
            "x",
        );
    }
    // GDELT 2.0's export of as many events, against the native load.
    if wanted("gdelt") {
        let gdelt_ms = median_load_ms("20240101001500.export.CSV", &gdelt2_export(events), events);
        report("load_gdelt_1m_ms", gdelt_ms, "ms");
        report("gdelt_to_native_ratio", gdelt_ms / native_ms, "x");
    }
}

/// `events` generated events in one file, one a line, as `coop-timeline generate` writes.
fn generated_json(events: usize) -> Vec<u8> {
    let mut rng = fastrand::Rng::with_seed(1);
    let mut text = b"{\"events\": [\n".to_vec();
    for index in 0..events {
        if index > 0 {
            text.extend_from_slice(b",\n");
        }
        let event = synthetic_event(&mut rng, index);
        serde_json::to_writer(&mut text, &event).expect("an event in memory");
    }
    text.extend_from_slice(b"\n]}\n");
    text
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// Minified on one line, each event with a source.
    OneLine,
    /// Minified on one line, no event with a source: a warning each.
    OneLineWarned,
}

fn native_json(events: usize, layout: Layout) -> Vec<u8> {
    let mut text = String::from("{\"events\": [");
    for i in 0..events {
        if i > 0 {
            text.push(',');
        }
        let date = format!("{}-{:02}-{:02}", 1990 + i % 35, i % 12 + 1, i % 28 + 1);
        let country = ["CHN", "JPN", "KOR", "DEU"][i % 4];
        let source = format!(",\"sources\":[{{\"url\":\"https://example.org/{i}\"}}]");
        let source = match layout {
            Layout::OneLine => source.as_str(),
            Layout::OneLineWarned => "",
        };
        text.push_str(&format!(
            "{{\"id\":\"e{i}\",\"title\":\"Workshop {i}\",\"start\":\"{date}\",\"category\":\"seminar\",\"countries\":[\"{country}\"]{source}}}"
        ));
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
        let (code, name) = [("CHN", "CHINA"), ("JPN", "JAPAN")][i % 2];
        fields[5] = code.to_owned();
        fields[6] = name.to_owned();
        fields[7] = code.to_owned();
        fields[15] = "KOR".to_owned();
        fields[16] = "SOUTH KOREA".to_owned();
        fields[17] = "KOR".to_owned();
        fields[25] = "1".to_owned();
        fields[26] = "0311".to_owned();
        fields[27] = "031".to_owned();
        fields[28] = "03".to_owned();
        fields[29] = "1".to_owned();
        fields[30] = "4.0".to_owned();
        fields[31] = "10".to_owned();
        fields[32] = "3".to_owned();
        fields[33] = "9".to_owned();
        fields[34] = "2.5".to_owned();
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
