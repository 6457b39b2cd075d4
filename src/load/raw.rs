//! Events as written in a file, before validation, and the validation that turns them into
//! [`Event`]s. Both file formats produce [`RawEvent`]s, so every rule lives here once.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer};

use super::FileOutput;
use crate::model::country::Country;
use crate::model::date::{DateError, PartialDate};
use crate::model::event::{Category, Event, Participant, Person, SourceRef};

/// Text from a file: borrowed from the file's own text where it holds no escapes, so that
/// parsing allocates only for what is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text<'a>(pub Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> serde::de::Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Self(Cow::Owned(text))
    }
}

/// The event types, written once and made twice: leniently, as every reader uses them, and
/// strictly, refusing unknown fields at any depth (see [`strict`]).
macro_rules! raw_event_types {
    ($module:ident $(, #[$strictness:meta])?) => {
        pub mod $module {
            use serde::Deserialize;

            use super::Text;

            /// An event exactly as a file holds it: text where the file has text.
            #[derive(Clone, Debug, Default, Deserialize)]
            #[serde(default)]
            $(#[$strictness])?
            pub struct RawEvent<'a> {
                #[serde(borrow)]
                pub id: Option<Text<'a>>,
                #[serde(borrow)]
                pub title: Option<Text<'a>>,
                #[serde(borrow)]
                pub start: Option<Text<'a>>,
                #[serde(borrow)]
                pub end: Option<Text<'a>>,
                pub date_inferred: bool,
                #[serde(borrow)]
                pub category: Option<Text<'a>>,
                #[serde(borrow)]
                pub series: Option<Text<'a>>,
                #[serde(borrow)]
                pub location: Option<Text<'a>>,
                #[serde(borrow)]
                pub countries: Vec<Text<'a>>,
                #[serde(borrow)]
                pub organizers: Vec<Text<'a>>,
                #[serde(borrow)]
                pub participants: Vec<RawParticipant<'a>>,
                #[serde(borrow)]
                pub people: Vec<RawPerson<'a>>,
                #[serde(borrow)]
                pub summary: Option<Text<'a>>,
                #[serde(borrow)]
                pub sources: Vec<RawSource<'a>>,
                #[serde(borrow)]
                pub tags: Vec<Text<'a>>,
                /// The date as the source writes it, when it says more than the date fields can.
                #[serde(borrow)]
                pub display_date: Option<Text<'a>>,
            }

            #[derive(Clone, Debug, Default, Deserialize)]
            #[serde(default)]
            $(#[$strictness])?
            pub struct RawParticipant<'a> {
                #[serde(borrow)]
                pub country: Option<Text<'a>>,
                /// A JSON number; checked to be a whole, non-negative count in validation.
                pub count: Option<f64>,
                #[serde(borrow)]
                pub unit: Option<Text<'a>>,
            }

            #[derive(Clone, Debug, Default, Deserialize)]
            #[serde(default)]
            $(#[$strictness])?
            pub struct RawPerson<'a> {
                #[serde(borrow)]
                pub name: Option<Text<'a>>,
                #[serde(borrow)]
                pub country: Option<Text<'a>>,
                #[serde(borrow)]
                pub role: Option<Text<'a>>,
                #[serde(borrow)]
                pub organization: Option<Text<'a>>,
            }

            #[derive(Clone, Debug, Default, Deserialize)]
            #[serde(default)]
            $(#[$strictness])?
            pub struct RawSource<'a> {
                #[serde(borrow)]
                pub file: Option<Text<'a>>,
                #[serde(borrow)]
                pub url: Option<Text<'a>>,
                #[serde(borrow)]
                pub publisher: Option<Text<'a>>,
                #[serde(borrow)]
                pub published: Option<Text<'a>>,
                #[serde(borrow)]
                pub byline: Option<Text<'a>>,
                #[serde(borrow)]
                pub quote: Option<Text<'a>>,
            }
        }
    };
}

raw_event_types!(lenient);
raw_event_types!(strict, #[serde(deny_unknown_fields)]);
pub use lenient::{RawEvent, RawParticipant, RawPerson, RawSource};

/// A strictly read event is the same event: almost every event of a file has only known
/// fields, and reading it strictly skips `serde_ignored`'s tracking of every field (a sixth
/// of a load's time); the others are read again leniently, to name what was ignored.
impl<'a> From<strict::RawEvent<'a>> for RawEvent<'a> {
    fn from(event: strict::RawEvent<'a>) -> Self {
        let participants = event.participants.into_iter().map(|p| RawParticipant {
            country: p.country,
            count: p.count,
            unit: p.unit,
        });
        let people = event.people.into_iter().map(|p| RawPerson {
            name: p.name,
            country: p.country,
            role: p.role,
            organization: p.organization,
        });
        let sources = event.sources.into_iter().map(|s| RawSource {
            file: s.file,
            url: s.url,
            publisher: s.publisher,
            published: s.published,
            byline: s.byline,
            quote: s.quote,
        });
        Self {
            id: event.id,
            title: event.title,
            start: event.start,
            end: event.end,
            date_inferred: event.date_inferred,
            category: event.category,
            series: event.series,
            location: event.location,
            countries: event.countries,
            organizers: event.organizers,
            participants: participants.collect(),
            people: people.collect(),
            summary: event.summary,
            sources: sources.collect(),
            tags: event.tags,
            display_date: event.display_date,
        }
    }
}

/// Where in its file an event, or one of its fields, is written.
pub trait Locate {
    /// The line and column of `field` (a top-level key such as `"start"`), or of the event.
    fn locate(&self, field: &str) -> (u64, Option<u64>);
}

/// An event longer than this (in its file) is refused: no real event is, and a huge field
/// would make every frame that draws it slow.
pub const MAX_EVENT_BYTES: usize = 1 << 20;

/// Counts above this are not exact in an `f64`, and no real event has them.
const MAX_COUNT: f64 = 9_007_199_254_740_992.0;

/// The text trimmed, or `None` when nothing is left; borrowed text stays borrowed.
fn trimmed<'a>(text: Option<Text<'a>>) -> Option<Cow<'a, str>> {
    let Text(text) = text?;
    let kept = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    };
    (!kept.is_empty()).then_some(kept)
}

/// The text trimmed and owned, as an event keeps it, or `None` when nothing is left.
fn non_empty(text: Option<Text<'_>>) -> Option<String> {
    trimmed(text).map(Cow::into_owned)
}

fn non_empty_list(list: Vec<Text<'_>>) -> Vec<String> {
    list.into_iter()
        .filter_map(|t| non_empty(Some(t)))
        .collect()
}

/// Checks `raw`, which starts at `line`, and turns it into an [`Event`], or reports why it
/// was skipped.
///
/// Every problem found is pushed to `out`; the event is returned only when none of them is
/// an error.
pub fn validate(
    raw: RawEvent<'_>,
    locate: &dyn Locate,
    line: u64,
    out: &mut FileOutput,
) -> Option<Event> {
    let mut errors: Vec<(&str, String)> = Vec::new();
    let mut warnings: Vec<(&str, String)> = Vec::new();
    let mut out_of_range: Option<String> = None;

    let id = non_empty(raw.id);
    let title = non_empty(raw.title);
    if id.is_none() {
        errors.push(("id", "the event has no id".to_owned()));
    }
    if title.is_none() {
        errors.push(("title", "the event has no title".to_owned()));
    }

    let mut parse_date = |field: &'static str, text: Option<Text<'_>>| -> Option<PartialDate> {
        let text = trimmed(text)?;
        match PartialDate::parse(&text) {
            Ok(date) => Some(date),
            // Told once for the whole file, with how many events it affected.
            Err(DateError::OutOfRange(date)) => {
                out_of_range = Some(date);
                None
            }
            Err(error) => {
                errors.push((field, format!("{field} {error}")));
                None
            }
        }
    };
    let has_start = raw.start.as_ref().is_some_and(|s| !s.0.trim().is_empty());
    let start = parse_date("start", raw.start);
    let end = parse_date("end", raw.end);
    if let Some(date) = out_of_range {
        out.out_of_range(line, &date);
        return None;
    }
    if !has_start {
        errors.push(("start", "the event has no start date".to_owned()));
    }
    if let (Some(start), Some(end)) = (start, end)
        && end.last_day() < start.first_day()
    {
        errors.push(("end", format!("end {end} is before start {start}")));
    }

    let category = match trimmed(raw.category) {
        None => {
            errors.push(("category", "the event has no category".to_owned()));
            None
        }
        Some(text) => text
            .parse::<Category>()
            .map_err(|e| errors.push(("category", e.to_string())))
            .ok(),
    };

    let country = |field: &'static str, code: &str, errors: &mut Vec<(&str, String)>| {
        Country::parse(code)
            .map_err(|e| errors.push((field, e.to_string())))
            .ok()
    };
    let countries: Vec<Country> = raw
        .countries
        .into_iter()
        .filter_map(|code| trimmed(Some(code)))
        .filter_map(|code| country("countries", &code, &mut errors))
        .collect();

    let mut participants = Vec::with_capacity(raw.participants.len());
    for participant in raw.participants {
        let country_code = trimmed(participant.country);
        let participant_country = country_code
            .as_deref()
            .and_then(|code| country("participants", code, &mut errors));
        let Some(unit) = non_empty(participant.unit) else {
            errors.push(("participants", "a participant count has no unit".to_owned()));
            continue;
        };
        let count = match participant.count {
            None => {
                errors.push(("participants", format!("the count of {unit} is missing")));
                continue;
            }
            Some(c) if c < 0.0 => {
                errors.push((
                    "participants",
                    format!("the count of {unit} is negative ({c})"),
                ));
                continue;
            }
            Some(c) if c > MAX_COUNT => {
                errors.push((
                    "participants",
                    format!("the count of {unit} is too large ({c:e})"),
                ));
                continue;
            }
            Some(c) if c.fract() != 0.0 => {
                errors.push((
                    "participants",
                    format!("the count of {unit} is not a whole number ({c})"),
                ));
                continue;
            }
            Some(c) => c as u64,
        };
        if let Some(pc) = participant_country
            && !countries.contains(&pc)
        {
            warnings.push((
                "participants",
                format!(
                    "participants from {pc} are counted, but {pc} is not in the countries list"
                ),
            ));
        }
        participants.push(Participant {
            country: participant_country,
            count,
            unit,
        });
    }

    let mut people = Vec::with_capacity(raw.people.len());
    for person in raw.people {
        let Some(name) = non_empty(person.name) else {
            errors.push(("people", "a person has no name".to_owned()));
            continue;
        };
        let person_country =
            trimmed(person.country).and_then(|code| country("people", &code, &mut errors));
        people.push(Person {
            name,
            country: person_country,
            role: non_empty(person.role),
            organization: non_empty(person.organization),
        });
    }

    let mut sources = Vec::with_capacity(raw.sources.len());
    for source in raw.sources {
        let source = SourceRef {
            file: non_empty(source.file),
            url: non_empty(source.url),
            publisher: non_empty(source.publisher),
            published: non_empty(source.published),
            byline: non_empty(source.byline),
            quote: non_empty(source.quote).unwrap_or_default(),
        };
        if source.file.is_none() && source.url.is_none() {
            warnings.push((
                "sources",
                "a source names neither a file nor a url".to_owned(),
            ));
        }
        if source.url.is_some() && source.web_url().is_none() {
            warnings.push((
                "sources",
                "a source url is not an http or https link, so it will not be opened".to_owned(),
            ));
        }
        sources.push(source);
    }
    if sources.is_empty() {
        warnings.push(("sources", "the event has no source".to_owned()));
    }

    // Named only when there is something to say, so a clean event costs no allocation here.
    let name = || {
        id.as_deref()
            .map_or_else(|| "an event".to_owned(), |id| format!("event '{id}'"))
    };
    // Warnings about a skipped event would only be noise.
    if !errors.is_empty() {
        let name = name();
        for (field, message) in errors {
            let (line, column) = locate.locate(field);
            out.error(line, column, format!("{message}; {name} skipped"));
        }
        return None;
    }
    for (field, message) in warnings {
        let name = name();
        let (line, column) = locate.locate(field);
        out.warning(line, column, format!("{message} ({name})"));
    }

    Some(Event {
        id: id?,
        title: title?,
        start: start?,
        end,
        date_inferred: raw.date_inferred,
        category: category?,
        series: non_empty(raw.series),
        location: non_empty(raw.location),
        countries,
        organizers: non_empty_list(raw.organizers),
        participants,
        people,
        summary: non_empty(raw.summary).unwrap_or_default(),
        sources,
        tags: non_empty_list(raw.tags),
        display_date: non_empty(raw.display_date),
    })
}
