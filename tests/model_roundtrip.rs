//! Property: any valid dataset, written to CSV (or JSON) and loaded back, is the same.

use coop_timeline::export::csv::events_to_csv;
use coop_timeline::load::load_files;
use coop_timeline::model::{
    Category, CountQualifier, Country, Coverage, Event, PartialDate, Participant, Person, SourceRef,
};
use proptest::prelude::*;

/// Text as the loader keeps it: trimmed and not empty. List items hold the list separator
/// `;`, quotes, commas and new lines too: the CSV export quotes them.
fn text(list_item: bool) -> impl Strategy<Value = String> {
    let pattern = if list_item {
        "[A-Za-z0-9 ,.;'\"\n龚茜한국日本-]{1,16}"
    } else {
        "[A-Za-z0-9 ,.;'\"\n龚茜한국日本-]{1,24}"
    };
    pattern
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("not empty", |s| !s.is_empty())
}

fn country() -> impl Strategy<Value = Country> {
    prop::sample::select(vec!["CHN", "JPN", "KOR", "USA", "FRA", "DEU", "IND"])
        .prop_map(|c| Country::parse(c).expect("known"))
}

fn date() -> impl Strategy<Value = PartialDate> {
    (-9999..=9999i32, 0..3u8, 1..=12u32, 1..=28u32).prop_map(|(year, precision, month, day)| {
        match precision {
            0 => PartialDate::year(year),
            1 => PartialDate::month(year, month),
            _ => PartialDate::day(year, month, day),
        }
        .expect("a valid date")
    })
}

fn event(index: usize) -> impl Strategy<Value = Event> {
    let dates = (date(), prop::option::of(date())).prop_map(|(a, b)| match b {
        Some(b) if b.first_day() >= a.first_day() => (a, Some(b)),
        Some(b) if b.last_day() < a.first_day() => (b, Some(a)),
        _ => (a, None),
    });
    let people = prop::collection::vec(
        (
            text(false),
            prop::option::of(country()),
            prop::option::of(text(false)),
            prop::option::of(text(false)),
        )
            .prop_map(|(name, country, role, organization)| Person {
                name,
                country,
                role,
                organization,
            }),
        0..3,
    );
    let sources = prop::collection::vec(
        (
            prop::option::of(text(false)),
            prop::option::of(text(false)),
            prop::option::of(text(false)),
            text(false),
        )
            .prop_map(|(file, url, publisher, quote)| SourceRef {
                file: file.or(Some("f".into())),
                url,
                publisher,
                published: None,
                byline: None,
                quote,
            }),
        0..3,
    );
    let participants = prop::collection::vec(
        (
            prop::option::of(country()),
            0..1_000_000_000_000u64,
            text(true),
            prop::option::of(prop::sample::select(CountQualifier::ALL.to_vec())),
        )
            .prop_map(|(country, count, unit, qualifier)| Participant {
                country,
                count,
                unit,
                qualifier,
            }),
        0..4,
    );
    (
        (
            text(false),
            dates,
            any::<bool>(),
            prop::sample::select(Category::ALL.to_vec()),
            prop::option::of(text(false)),
            prop::option::of(text(false)),
            any::<bool>(),
            prop::collection::vec(
                (0..1_000_000u64, text(true)).prop_map(|(count, unit)| Coverage { count, unit }),
                0..3,
            ),
        ),
        (
            prop::collection::vec(country(), 0..4),
            prop::collection::vec(text(true), 0..3),
            participants,
            people,
            prop::option::of(text(false)),
            sources,
            prop::collection::vec(text(true), 0..3),
        ),
    )
        .prop_map(
            move |(
                (title, (start, end), date_inferred, category, series, location, planned, coverage),
                (countries, organizers, participants, people, summary, sources, tags),
            )| Event {
                id: format!("event-{index}"),
                title,
                start,
                end,
                date_inferred,
                category,
                series,
                location,
                countries,
                organizers,
                participants,
                people,
                summary: summary.unwrap_or_default(),
                sources,
                tags,
                display_date: None,
                planned,
                coverage,
            },
        )
}

fn dataset() -> impl Strategy<Value = Vec<Event>> {
    (0..12usize).prop_flat_map(|n| (0..n).map(event).collect::<Vec<_>>())
}

fn sorted(mut events: Vec<Event>) -> Vec<Event> {
    events.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    events
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn csv_round_trip(events in dataset()) {
        let csv = events_to_csv(&events).expect("CSV");
        let loaded = load_files([("data.csv", csv.as_bytes())]);
        prop_assert!(loaded.problems.iter().all(|p| !p.is_error()), "{:#?}", loaded.problems);
        prop_assert_eq!(loaded.events.to_vec(), sorted(events));
    }

    #[test]
    fn json_round_trip(events in dataset()) {
        let json = serde_json::json!({ "events": events }).to_string();
        let loaded = load_files([("data.json", json.as_bytes())]);
        prop_assert!(loaded.problems.iter().all(|p| !p.is_error()), "{:#?}", loaded.problems);
        prop_assert_eq!(loaded.events.to_vec(), sorted(events));
    }
}
