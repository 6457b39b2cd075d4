//! The drafter on short articles written for each date, place and number form: every
//! expected event found with its date, kind, countries, place and counts; sentences of
//! hopes and forecasts give no event; relative dates an undated article cannot resolve are
//! reported, not guessed.

use std::path::{Path, PathBuf};

use coop_timeline::draft::quality::{Quality, measure};
use coop_timeline::draft::{Draft, draft_articles};
use coop_timeline::model::country::Country;
use coop_timeline::model::date::PartialDate;
use coop_timeline::model::event::{Category, Event, Participant, SourceRef};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    events: Vec<ExpectedEvent>,
    #[serde(default)]
    unresolved: Vec<String>,
    #[serde(default)]
    not_events: Vec<String>,
}

#[derive(Deserialize)]
struct ExpectedEvent {
    start: String,
    end: Option<String>,
    inferred: bool,
    category: Category,
    #[serde(default)]
    countries: Vec<String>,
    place: Option<String>,
    #[serde(default)]
    counts: Vec<(Option<String>, u64, String)>,
}

impl ExpectedEvent {
    fn to_event(&self, file: &str, number: usize) -> Event {
        let date = |text: &str| PartialDate::parse(text).expect("expected date");
        let country = |code: &str| Country::parse(code).expect("expected country");
        Event {
            id: format!("{file}#{number}"),
            title: String::new(),
            start: date(&self.start),
            end: self.end.as_deref().map(date),
            date_inferred: self.inferred,
            category: self.category,
            series: None,
            location: self.place.clone(),
            countries: self.countries.iter().map(|c| country(c)).collect(),
            organizers: Vec::new(),
            participants: self
                .counts
                .iter()
                .map(|(who, count, unit)| Participant {
                    country: who.as_deref().map(country),
                    count: *count,
                    unit: unit.clone(),
                    qualifier: None,
                })
                .collect(),
            people: Vec::new(),
            summary: String::new(),
            sources: vec![SourceRef {
                file: Some(file.to_owned()),
                ..SourceRef::default()
            }],
            tags: Vec::new(),
            display_date: None,
            planned: false,
            coverage: Vec::new(),
        }
    }
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    articles.sort();
    articles
}

/// Totals over all fixtures, and what went wrong, one line each.
#[derive(Default, Debug)]
struct Report {
    quality: Quality,
    exact_inferred: usize,
    places: usize,
    exact_places: usize,
    extra_drafts: usize,
    failures: Vec<String>,
}

fn draft_fixtures() -> Report {
    let mut report = Report::default();
    for article in fixtures() {
        let name = article
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&article).expect("article");
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        let expected_path = article.with_file_name(format!("{stem}.expected.json"));
        let expected: Expected =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected"))
                .expect("expected json");
        let (drafts, per_article) = draft_articles([(name.as_str(), text.as_str())], None);
        let reference: Vec<Event> = expected
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| e.to_event(&name, i))
            .collect();
        let article_text = |file: &str| (file == name).then(|| text.clone());
        let quality = measure(&drafts, &reference, &article_text);
        for note in &quality.notes {
            report.failures.push(format!("{name}: {note}"));
        }
        for claim in &quality.unsupported {
            report
                .failures
                .push(format!("{name}: unsupported {claim:?}"));
        }
        add(&mut report.quality, quality);

        let mut used = vec![false; drafts.len()];
        for event in &reference {
            let Some(index) = (0..drafts.len()).find(|&i| {
                !used[i]
                    && drafts[i].event.start == event.start
                    && drafts[i].event.category == event.category
            }) else {
                continue;
            };
            used[index] = true;
            let draft = &drafts[index].event;
            if draft.date_inferred == event.date_inferred {
                report.exact_inferred += 1;
            } else {
                report.failures.push(format!(
                    "{name}: {} inferred {} (expected {})",
                    event.start, draft.date_inferred, event.date_inferred
                ));
            }
            if let Some(place) = &event.location {
                report.places += 1;
                // "Yantai, Shandong province" for "Yantai": the text says both.
                if draft
                    .location
                    .as_deref()
                    .is_some_and(|l| l.starts_with(place.as_str()))
                {
                    report.exact_places += 1;
                } else {
                    report.failures.push(format!(
                        "{name}: {} place {:?} (expected {place:?})",
                        event.start, draft.location
                    ));
                }
            }
        }
        for (_, draft) in drafts.iter().enumerate().filter(|(i, _)| !used[*i]) {
            report.extra_drafts += 1;
            report.failures.push(format!(
                "{name}: extra draft {} {:?} {}",
                draft.event.start, draft.event.category, draft.event.title
            ));
        }
        for phrase in &expected.not_events {
            if let Some(draft) = drafts.iter().find(|d| quotes(d).contains(phrase.as_str())) {
                report.failures.push(format!(
                    "{name}: '{phrase}' is no event, but drafted {}",
                    draft.event.title
                ));
            }
        }
        let unresolved: Vec<&String> = per_article
            .iter()
            .flat_map(|(_, a)| a.unresolved.iter())
            .collect();
        for phrase in &expected.unresolved {
            if !unresolved
                .iter()
                .any(|u| u.to_lowercase().contains(&phrase.to_lowercase()))
            {
                report.failures.push(format!(
                    "{name}: '{phrase}' not reported unresolved (reported {unresolved:?})"
                ));
            }
        }
    }
    report
}

fn quotes(draft: &Draft) -> String {
    draft
        .event
        .sources
        .iter()
        .map(|s| s.quote.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn add(total: &mut Quality, one: Quality) {
    total.expected += one.expected;
    total.matched += one.matched;
    total.exact_dates += one.exact_dates;
    total.expected_counts += one.expected_counts;
    total.found_counts += one.found_counts;
    total.exact_countries += one.exact_countries;
    total.unsupported.extend(one.unsupported);
}

#[test]
fn drafts_of_written_fixtures_meet_the_seed_targets() {
    let report = draft_fixtures();
    let quality = &report.quality;
    eprintln!("{}", report.failures.join("\n"));
    eprintln!(
        "recall {}/{}, exact dates {}/{}, inferred flags {}, places {}/{}, counts {}/{}, countries {}/{}, extra drafts {}",
        quality.matched,
        quality.expected,
        quality.exact_dates,
        quality.matched,
        report.exact_inferred,
        report.exact_places,
        report.places,
        quality.found_counts,
        quality.expected_counts,
        quality.exact_countries,
        quality.matched,
        report.extra_drafts,
    );
    assert!(quality.expected >= 30, "{quality:?}");
    assert_eq!(quality.missed_targets(), Vec::<String>::new());
}
