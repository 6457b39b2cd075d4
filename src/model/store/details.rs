//! The rest of an event, beyond its head: encoded with postcard, decoded on demand.

use serde::{Deserialize, Serialize};

use super::super::country::Country;
use super::super::event::{CountQualifier, Coverage, Event, Participant};

/// The rest of an event, as encoded in [`EventStore::details`]; it borrows its text from there.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Details<'a> {
    // The counts and the tag list read these two of every event, so they come first and
    // decoding can stop after them (see `CountedDetails`).
    #[serde(borrow)]
    pub(super) participants: Vec<DetailParticipant<'a>>,
    #[serde(borrow)]
    pub(super) tags: Vec<&'a str>,
    #[serde(borrow)]
    pub(super) location: Option<&'a str>,
    #[serde(borrow)]
    pub(super) organizers: Vec<&'a str>,
    #[serde(borrow)]
    pub(super) people: Vec<DetailPerson<'a>>,
    pub(super) summary: &'a str,
    #[serde(borrow)]
    pub(super) sources: Vec<DetailSource<'a>>,
    #[serde(borrow)]
    pub(super) display_date: Option<&'a str>,
    #[serde(borrow)]
    pub(super) coverage: Vec<DetailCoverage<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct DetailCoverage<'a> {
    pub(super) count: u64,
    pub(super) unit: &'a str,
}

/// The first fields of [`Details`]: postcard reads fields in order and leaves the rest unread.
#[derive(Debug, Default, Deserialize)]
pub(super) struct CountedDetails<'a> {
    #[serde(borrow)]
    pub(super) _participants: ReadPast<DetailParticipant<'a>>,
    #[serde(borrow)]
    pub(super) tags: Vec<&'a str>,
}

/// A list read past, not kept: postcard's format cannot skip a value without reading it.
#[derive(Debug)]
pub(super) struct ReadPast<T>(std::marker::PhantomData<T>);

impl<T> Default for ReadPast<T> {
    fn default() -> Self {
        Self(std::marker::PhantomData)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ReadPast<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ListVisitor<T> {
            type Value = ReadPast<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut list: A,
            ) -> Result<Self::Value, A::Error> {
                while list.next_element::<T>()?.is_some() {}
                Ok(ReadPast::default())
            }
        }
        deserializer.deserialize_seq(ListVisitor(std::marker::PhantomData))
    }
}

/// The first field of [`Details`] alone, for the participant counts (see [`CountedDetails`]).
#[derive(Debug, Default, Deserialize)]
pub(super) struct ParticipantDetails<'a> {
    #[serde(borrow)]
    pub(super) participants: Vec<DetailParticipant<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct DetailParticipant<'a> {
    #[serde(with = "country_as_index")]
    pub(super) country: Option<Country>,
    pub(super) count: u64,
    pub(super) unit: &'a str,
    pub(super) qualifier: Option<CountQualifier>,
}

/// A country as its [`Country::index`], a number, not its code to look up again.
pub(super) mod country_as_index {
    use serde::{Deserialize, Deserializer, Serializer};

    use super::Country;

    pub fn serialize<S: Serializer>(country: &Option<Country>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(country.map_or(u16::MAX, |c| c.index()))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Country>, D::Error> {
        Ok(Country::from_index(u16::deserialize(d)?))
    }
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct DetailPerson<'a> {
    pub(super) name: &'a str,
    pub(super) country: Option<Country>,
    #[serde(borrow)]
    pub(super) role: Option<&'a str>,
    #[serde(borrow)]
    pub(super) organization: Option<&'a str>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct DetailSource<'a> {
    #[serde(borrow)]
    pub(super) file: Option<&'a str>,
    #[serde(borrow)]
    pub(super) url: Option<&'a str>,
    #[serde(borrow)]
    pub(super) publisher: Option<&'a str>,
    #[serde(borrow)]
    pub(super) published: Option<&'a str>,
    #[serde(borrow)]
    pub(super) byline: Option<&'a str>,
    pub(super) quote: &'a str,
}

impl<'a> Details<'a> {
    pub(super) fn of(event: &'a Event) -> Self {
        let strs = |list: &'a [String]| list.iter().map(String::as_str).collect();
        Self {
            location: event.location.as_deref(),
            organizers: strs(&event.organizers),
            participants: event
                .participants
                .iter()
                .map(|p| DetailParticipant {
                    country: p.country,
                    count: p.count,
                    unit: &p.unit,
                    qualifier: p.qualifier,
                })
                .collect(),
            people: event
                .people
                .iter()
                .map(|p| DetailPerson {
                    name: &p.name,
                    country: p.country,
                    role: p.role.as_deref(),
                    organization: p.organization.as_deref(),
                })
                .collect(),
            summary: &event.summary,
            sources: event
                .sources
                .iter()
                .map(|s| DetailSource {
                    file: s.file.as_deref(),
                    url: s.url.as_deref(),
                    publisher: s.publisher.as_deref(),
                    published: s.published.as_deref(),
                    byline: s.byline.as_deref(),
                    quote: &s.quote,
                })
                .collect(),
            tags: strs(&event.tags),
            display_date: event.display_date.as_deref(),
            coverage: (event.coverage.iter())
                .map(|c| DetailCoverage {
                    count: c.count,
                    unit: &c.unit,
                })
                .collect(),
        }
    }

    pub(super) fn participants(&self) -> Vec<Participant> {
        self.participants
            .iter()
            .map(|p| Participant {
                country: p.country,
                count: p.count,
                unit: p.unit.to_owned(),
                qualifier: p.qualifier,
            })
            .collect()
    }

    pub(super) fn coverage(&self) -> Vec<Coverage> {
        (self.coverage.iter())
            .map(|c| Coverage {
                count: c.count,
                unit: c.unit.to_owned(),
            })
            .collect()
    }
}
