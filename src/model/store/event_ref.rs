//! One event of the store, read in place.

use serde::Deserialize;

use super::super::country::Country;
use super::super::date::{DateSpan, PartialDate};
use super::super::event::{Category, Event, Participant, Person, SourceRef};
use super::EventStore;
use super::details::{CountedDetails, Details, ParticipantDetails};
use super::head::{Head, NO_FILE, Range32};

/// One event of a store. The fields every view needs are read in place; the others are
/// decoded on demand.
#[derive(Clone, Copy)]
pub struct EventRef<'a> {
    pub(super) store: &'a EventStore,
    pub(super) head: &'a Head,
}

impl<'a> EventRef<'a> {
    fn text(&self, range: Range32) -> &'a str {
        self.store.text.get(range.get()).unwrap_or_default()
    }

    pub fn id(&self) -> &'a str {
        self.text(self.head.id)
    }

    pub fn title(&self) -> &'a str {
        self.text(self.head.title)
    }

    pub fn series(&self) -> Option<&'a str> {
        self.head.series.map(|range| self.text(range))
    }

    pub fn category(&self) -> Category {
        self.head.category
    }

    /// Drafted from an article and not yet reviewed.
    pub fn is_draft(&self) -> bool {
        self.head.draft
    }

    /// The data file it was read from, by its place in the folder's list of data files.
    pub fn file_index(&self) -> Option<usize> {
        (self.head.file != NO_FILE).then_some(usize::from(self.head.file))
    }

    pub fn countries(&self) -> &'a [Country] {
        self.store
            .countries
            .get(self.head.countries.get())
            .unwrap_or_default()
    }

    pub fn start(&self) -> PartialDate {
        self.head.start
    }

    /// When it happened, with its precision and the inferred flag.
    pub fn span(&self) -> DateSpan {
        DateSpan {
            start: self.head.start,
            end: self.head.end,
            inferred: self.head.date_inferred,
        }
    }

    /// The event's details, or their first fields (see [`CountedDetails`]).
    fn decode_details<T: Deserialize<'a> + Default>(&self) -> T {
        let bytes = self
            .store
            .details
            .get(self.head.details.get())
            .unwrap_or_default();
        // The store wrote these bytes itself, so they always decode.
        postcard::from_bytes(bytes).unwrap_or_default()
    }

    fn details(&self) -> Details<'a> {
        self.decode_details()
    }

    fn counted_details(&self) -> CountedDetails<'a> {
        self.decode_details()
    }

    pub fn participants(&self) -> Vec<Participant> {
        self.details().participants()
    }

    /// The tags, read in place.
    pub fn tags(&self) -> Vec<&'a str> {
        self.counted_details().tags
    }

    /// The participants as (country, count, unit), the unit read in place.
    pub fn participant_counts(&self) -> Vec<(Option<Country>, u64, &'a str)> {
        self.decode_details::<ParticipantDetails>()
            .participants
            .iter()
            .map(|p| (p.country, p.count, p.unit))
            .collect()
    }

    /// Announced, not known to have happened.
    pub fn is_planned(&self) -> bool {
        self.head.planned
    }

    /// The whole event.
    pub fn to_event(&self) -> Event {
        let details = self.details();
        let owned = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        Event {
            id: self.id().to_owned(),
            title: self.title().to_owned(),
            start: self.head.start,
            end: self.head.end,
            date_inferred: self.head.date_inferred,
            category: self.head.category,
            series: self.series().map(str::to_owned),
            location: details.location.map(str::to_owned),
            countries: self.countries().to_vec(),
            organizers: owned(&details.organizers),
            participants: details.participants(),
            people: details
                .people
                .iter()
                .map(|p| Person {
                    name: p.name.to_owned(),
                    country: p.country,
                    role: p.role.map(str::to_owned),
                    organization: p.organization.map(str::to_owned),
                })
                .collect(),
            summary: details.summary.to_owned(),
            sources: details
                .sources
                .iter()
                .map(|s| SourceRef {
                    file: s.file.map(str::to_owned),
                    url: s.url.map(str::to_owned),
                    publisher: s.publisher.map(str::to_owned),
                    published: s.published.map(str::to_owned),
                    byline: s.byline.map(str::to_owned),
                    quote: s.quote.to_owned(),
                })
                .collect(),
            tags: owned(&details.tags),
            display_date: details.display_date.map(str::to_owned),
            planned: self.head.planned,
            coverage: details.coverage(),
        }
    }

    /// Whether `needle_lowercase` (already lower case) occurs in the title, summary, series,
    /// location, organizers, tags, people (names, roles, organizations) or sources (quotes,
    /// publishers, bylines).
    pub fn matches_text(&self, needle_lowercase: &str) -> bool {
        if needle_lowercase.is_empty() {
            return true;
        }
        let contains = |text: &str| contains_ignoring_case(text, needle_lowercase);
        // The title and series are at hand; the details are decoded only when they miss.
        if contains(self.title()) || self.series().is_some_and(contains) {
            return true;
        }
        let details = self.details();
        contains(details.summary)
            || details.location.is_some_and(contains)
            || details.organizers.iter().any(|o| contains(o))
            || details.tags.iter().any(|t| contains(t))
            || details.people.iter().any(|p| {
                contains(p.name)
                    || p.role.is_some_and(contains)
                    || p.organization.is_some_and(contains)
            })
            || details.sources.iter().any(|s| {
                contains(s.quote)
                    || s.publisher.is_some_and(contains)
                    || s.byline.is_some_and(contains)
            })
            || details.display_date.is_some_and(contains)
    }
}

impl std::fmt::Debug for EventRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("EventRef").field(&self.id()).finish()
    }
}

/// Whether `text` contains `needle_lowercase`, ignoring case. An ASCII needle (the usual
/// search) is matched byte by byte without lowercasing a copy of `text`: this runs for every
/// field of every event on each key typed into the search box.
pub(super) fn contains_ignoring_case(text: &str, needle_lowercase: &str) -> bool {
    if needle_lowercase.is_empty() {
        return true;
    }
    if !needle_lowercase.is_ascii() {
        return text.to_lowercase().contains(needle_lowercase);
    }
    let needle = needle_lowercase.as_bytes();
    text.as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}
