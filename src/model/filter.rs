//! Which events are shown: text search, categories, countries and a date range.

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::country::Country;
use super::event::Category;
use super::store::{EventRef, EventStore};

/// The user's filters. An empty filter shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Searched in all the text of an event: title, summary, series, place, organizers,
    /// people, tags and sources.
    pub text: String,
    pub hidden_categories: BTreeSet<Category>,
    /// Countries switched off; an event is hidden only when all its countries are off.
    pub hidden_countries: BTreeSet<Country>,
    /// When not empty, only events between all these countries are shown ("between China
    /// and Japan").
    pub required_countries: BTreeSet<Country>,
    /// Tags switched off: an event with any of them is hidden (a GDELT QuadClass, say).
    pub hidden_tags: BTreeSet<String>,
    /// Events that end before this year, or start after `to_year`, are hidden.
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
}

/// Events are filtered in chunks of this many, checking between chunks whether the work is
/// still wanted.
const CHUNK_LEN: usize = 16 * 1024;

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn is_country_hidden(&self, country: Country) -> bool {
        self.hidden_countries.contains(&country)
    }

    /// The search text as it is matched: trimmed and lower case.
    fn needle(&self) -> String {
        self.text.trim().to_lowercase()
    }

    /// True when every event these filters show is also shown by `previous`: the same
    /// filters, with a search text that contains the previous one. Then only the previous
    /// hits need searching.
    pub fn narrows(&self, previous: &Self) -> bool {
        let (needle, previous_needle) = (self.needle(), previous.needle());
        needle.contains(&previous_needle)
            && Self {
                text: String::new(),
                ..self.clone()
            } == Self {
                text: String::new(),
                ..previous.clone()
            }
    }

    fn matches(&self, event: EventRef, needle_lowercase: &str) -> bool {
        let span = event.span();
        let countries = event.countries();
        !self.hidden_categories.contains(&event.category())
            && (countries.is_empty() || countries.iter().any(|&c| !self.is_country_hidden(c)))
            && self
                .required_countries
                .iter()
                .all(|required| countries.contains(required))
            && self
                .from_year
                .is_none_or(|year| chrono::Datelike::year(&span.last_day()) >= year)
            && self
                .to_year
                .is_none_or(|year| chrono::Datelike::year(&span.first_day()) <= year)
            && event.matches_text(needle_lowercase)
            && (self.hidden_tags.is_empty()
                || !event.tags().iter().any(|t| self.hidden_tags.contains(*t)))
    }

    /// The indices of the events among `candidates` (all events when `None`) that pass, in
    /// order, on every core; `None` if `cancelled` said so before the end.
    pub fn shown_among(
        &self,
        events: &EventStore,
        candidates: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        let needle = self.needle();
        let passes = |index: u32| {
            events
                .get(index as usize)
                .is_some_and(|e| self.matches(e, &needle))
        };
        let chunks: Vec<Option<Vec<u32>>> = match candidates {
            Some(candidates) => candidates
                .par_chunks(CHUNK_LEN)
                .map(|chunk| {
                    (!cancelled()).then(|| chunk.iter().copied().filter(|&i| passes(i)).collect())
                })
                .collect(),
            None => {
                let total = events.len() as u32;
                (0..total.div_ceil(CHUNK_LEN as u32))
                    .into_par_iter()
                    .map(|chunk| {
                        let start = chunk * CHUNK_LEN as u32;
                        let end = (start + CHUNK_LEN as u32).min(total);
                        (!cancelled()).then(|| (start..end).filter(|&i| passes(i)).collect())
                    })
                    .collect()
            }
        };
        let chunks: Option<Vec<Vec<u32>>> = chunks.into_iter().collect();
        chunks.map(|chunks| chunks.concat())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_search_narrows_a_shorter_one() {
        let filters = |text: &str| Filters {
            text: text.to_owned(),
            ..Filters::default()
        };
        assert!(filters("robo").narrows(&filters("rob")));
        assert!(filters("Robot").narrows(&filters("rob")));
        assert!(!filters("rob").narrows(&filters("robo")));
        assert!(filters("rob").narrows(&filters("")));
        let mut hidden = filters("robo");
        hidden.hidden_categories.insert(Category::Forum);
        assert!(!hidden.narrows(&filters("rob")));
    }
}
