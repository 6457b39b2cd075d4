//! `coop-timeline generate`: a large, realistic, deterministic dataset for trying the app at
//! scale and for the benchmarks. Written in the native JSON format, across several files.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::{Category, Country, Event, PartialDate, Participant, SourceRef};

/// Each file holds at most this many events, as a large export would be split.
pub const EVENTS_PER_FILE: usize = 100_000;

const COUNTRIES: [&str; 40] = [
    "CHN", "JPN", "KOR", "USA", "DEU", "FRA", "GBR", "IND", "BRA", "RUS", "AUS", "CAN", "ITA",
    "ESP", "NLD", "SWE", "CHE", "SGP", "VNM", "THA", "IDN", "MYS", "PHL", "ZAF", "EGY", "NGA",
    "KEN", "MEX", "ARG", "CHL", "TUR", "SAU", "ARE", "ISR", "POL", "FIN", "NOR", "DNK", "NZL",
    "PAK",
];
const TOPICS: [&str; 24] = [
    "marine science",
    "clean energy",
    "public health",
    "artificial intelligence",
    "agriculture",
    "space science",
    "materials",
    "climate change",
    "biodiversity",
    "semiconductors",
    "vaccines",
    "smart cities",
    "water resources",
    "quantum computing",
    "earthquake research",
    "batteries",
    "traditional medicine",
    "robotics",
    "nuclear fusion",
    "food security",
    "ocean observation",
    "genomics",
    "higher education",
    "technology transfer",
];
const UNITS: [&str; 5] = [
    "universities",
    "scientists",
    "delegates",
    "companies",
    "online attendees",
];
const ORGANIZERS: [&str; 8] = [
    "Ministry of Science and Technology",
    "Japan Science and Technology Agency",
    "National Research Foundation",
    "Academy of Sciences",
    "University Alliance",
    "Chamber of Commerce",
    "Science and Technology Exchange Center",
    "Association for International Exchange of Personnel",
];

/// Why a dataset could not be generated.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("{} already holds data files; choose an empty or new folder", .0.display())]
    NotEmpty(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `event_count` events into `out` (created if needed), `per_file` to a file (at
/// least one); returns the files written. The same seed always gives the same files.
pub fn generate(
    event_count: usize,
    per_file: usize,
    seed: u64,
    out: &Path,
) -> Result<Vec<PathBuf>, GenerateError> {
    let per_file = per_file.max(1);
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| GenerateError::Io { path, source }
    };
    std::fs::create_dir_all(out).map_err(io_error(out))?;
    if !crate::load::data_files(out).map_or(true, |files| files.is_empty()) {
        return Err(GenerateError::NotEmpty(out.to_owned()));
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut written = Vec::new();
    for (file_index, first) in (0..event_count).step_by(per_file).enumerate() {
        let path = out.join(format!("events-{file_index:04}.json"));
        let file = std::fs::File::create_new(&path).map_err(io_error(&path))?;
        let mut writer = std::io::BufWriter::new(file);
        let mut write = || -> std::io::Result<()> {
            writer.write_all(b"{\"events\": [\n")?;
            for index in first..(first + per_file).min(event_count) {
                if index > first {
                    writer.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut writer, &synthetic_event(&mut rng, index))?;
            }
            writer.write_all(b"\n]}\n")?;
            writer.flush()
        };
        write().map_err(io_error(&path))?;
        written.push(path);
    }
    Ok(written)
}

fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// A country, with the first few (the big partners) more likely than the rest.
fn pick_country(rng: &mut fastrand::Rng) -> Country {
    let code = if rng.bool() {
        COUNTRIES[rng.usize(..8)]
    } else {
        *pick(rng, &COUNTRIES)
    };
    Country::parse(code).unwrap_or_else(|_| unreachable!("{code} is a known code"))
}

/// One plausible event, numbered `index`.
pub fn synthetic_event(rng: &mut fastrand::Rng, index: usize) -> Event {
    let first_day = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(NaiveDate::MIN);
    let date = first_day + chrono::Days::new(rng.u64(..13_149));
    let day = |d: NaiveDate| {
        PartialDate::day(
            chrono::Datelike::year(&d),
            chrono::Datelike::month(&d),
            chrono::Datelike::day(&d),
        )
    };
    let year = chrono::Datelike::year(&date);
    let (start, end) = match rng.u8(..100) {
        0..75 => (day(date), None),
        75..87 => (
            PartialDate::month(year, chrono::Datelike::month(&date)),
            None,
        ),
        87..95 => (PartialDate::year(year), None),
        _ => (day(date), day(date + chrono::Days::new(rng.u64(1..5)))),
    };
    let start = start
        .or_else(|| PartialDate::year(year))
        .unwrap_or_else(|| unreachable!("the generated years are within the calendar"));
    let mut countries = vec![pick_country(rng)];
    for _ in 0..rng.usize(..3) {
        let country = pick_country(rng);
        if !countries.contains(&country) {
            countries.push(country);
        }
    }
    let category = Category::ALL[rng.usize(..Category::ALL.len())];
    let topic = pick(rng, &TOPICS);
    let names: Vec<&str> = countries.iter().map(|c| c.code()).collect();
    let participants = (0..rng.usize(..3))
        .map(|_| Participant {
            country: Some(*pick(rng, &countries)),
            count: rng.u64(1..500),
            unit: (*pick(rng, &UNITS)).to_owned(),
            qualifier: None,
        })
        .collect();
    Event {
        id: format!("gen-{index:07}"),
        title: format!("{} on {topic} ({})", category.label(), names.join("–")),
        start,
        end,
        date_inferred: rng.u8(..100) < 3,
        category,
        series: (rng.u8(..100) < 20).then(|| format!("{} {topic} series", names[0])),
        location: None,
        countries,
        organizers: (rng.bool())
            .then(|| (*pick(rng, &ORGANIZERS)).to_owned())
            .into_iter()
            .collect(),
        participants,
        people: Vec::new(),
        summary: String::new(),
        sources: vec![SourceRef {
            url: Some(format!("https://news.example.org/{year}/{index}")),
            ..SourceRef::default()
        }],
        tags: vec![(*topic).to_owned()],
        display_date: None,
        planned: false,
        coverage: Vec::new(),
    }
}

/// `coop-timeline generate`: writes the files and says where.
pub fn run(events: usize, per_file: usize, seed: u64, out: &Path) -> std::process::ExitCode {
    match generate(events, per_file, seed, out) {
        Ok(files) => {
            println!(
                "wrote {events} events in {} files to {}",
                files.len(),
                out.display()
            );
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("coop-timeline: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_folder;
    use crate::load::{LoadOptions, LoadProgress};

    #[test]
    fn generated_data_is_deterministic_and_loads_cleanly() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let files = generate(2_500, EVENTS_PER_FILE, 7, a.path()).unwrap();
        generate(2_500, EVENTS_PER_FILE, 7, b.path()).unwrap();
        assert_eq!(files.len(), 1);
        let read = |dir: &Path| std::fs::read(dir.join("events-0000.json")).unwrap();
        assert_eq!(read(a.path()), read(b.path()));
        let dataset =
            load_folder(a.path(), &LoadOptions::default(), &LoadProgress::default()).unwrap();
        assert_eq!(dataset.events.len(), 2_500);
        assert!(
            dataset.problems.iter().all(|p| !p.is_error()),
            "{:?}",
            &dataset.problems[..3.min(dataset.problems.len())]
        );
        // It refuses to write over data.
        assert!(matches!(
            generate(10, EVENTS_PER_FILE, 1, a.path()),
            Err(GenerateError::NotEmpty(_))
        ));
    }
}
