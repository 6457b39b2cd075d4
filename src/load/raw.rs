//! Events as written in a native file, before validation ([`super::validate`] turns them
//! into events): the JSON and the CSV reader both make [`RawEvent`]s, so every rule of the
//! native format lives in one place.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer};

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
                pub planned: bool,
                #[serde(borrow)]
                pub coverage: Vec<RawCoverage<'a>>,
            }

            #[derive(Clone, Debug, Default, Deserialize)]
            #[serde(default)]
            $(#[$strictness])?
            pub struct RawCoverage<'a> {
                pub count: Option<f64>,
                #[serde(borrow)]
                pub unit: Option<Text<'a>>,
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
                /// "about", "more_than", …: how roughly the source gives the number.
                #[serde(borrow)]
                pub qualifier: Option<Text<'a>>,
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
pub use lenient::{RawCoverage, RawEvent, RawParticipant, RawPerson, RawSource};

/// A strictly read event is the same event: almost every event of a file has only known
/// fields, and reading it strictly skips `serde_ignored`'s tracking of every field (a sixth
/// of a load's time); the others are read again leniently, to name what was ignored.
impl<'a> From<strict::RawEvent<'a>> for RawEvent<'a> {
    fn from(event: strict::RawEvent<'a>) -> Self {
        let participants = event.participants.into_iter().map(|p| RawParticipant {
            country: p.country,
            count: p.count,
            unit: p.unit,
            qualifier: p.qualifier,
        });
        let coverage = (event.coverage.into_iter()).map(|c| RawCoverage {
            count: c.count,
            unit: c.unit,
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
            planned: event.planned,
            coverage: coverage.collect(),
        }
    }
}

impl Text<'_> {
    /// The same text, owned.
    pub fn into_owned(self) -> Text<'static> {
        Text(Cow::Owned(self.0.into_owned()))
    }
}

fn owned(text: Option<Text<'_>>) -> Option<Text<'static>> {
    text.map(Text::into_owned)
}

impl RawPerson<'_> {
    /// The same person, its text owned.
    pub fn into_owned(self) -> RawPerson<'static> {
        RawPerson {
            name: owned(self.name),
            country: owned(self.country),
            role: owned(self.role),
            organization: owned(self.organization),
        }
    }
}

impl RawSource<'_> {
    /// The same source, its text owned.
    pub fn into_owned(self) -> RawSource<'static> {
        RawSource {
            file: owned(self.file),
            url: owned(self.url),
            publisher: owned(self.publisher),
            published: owned(self.published),
            byline: owned(self.byline),
            quote: owned(self.quote),
        }
    }
}

/// A field of a native event, as problems point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RawField {
    Id,
    Title,
    Start,
    End,
    Category,
    Countries,
    Participants,
    People,
    Sources,
    Coverage,
}

impl RawField {
    /// Its key in the JSON and its column in the CSV.
    pub fn key(self) -> &'static str {
        match self {
            Self::Id => "id",
            Self::Title => "title",
            Self::Start => "start",
            Self::End => "end",
            Self::Category => "category",
            Self::Countries => "countries",
            Self::Participants => "participants",
            Self::People => "people",
            Self::Sources => "sources",
            Self::Coverage => "coverage",
        }
    }
}

/// Where in its file an event, or one of its fields, is written.
pub trait Locate {
    /// The line and column of `field`, or of the event.
    fn locate(&self, field: RawField) -> (u64, Option<u64>);
}

/// An event longer than this (in its file) is refused: no real event is, and a huge field
/// would make every frame that draws it slow.
pub const MAX_EVENT_BYTES: usize = 1 << 20;
