//! Which events are shown: text search, categories, countries and a date range.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::country::Country;
use super::event::Category;
use super::store::{EventRef, EventStore};

/// The user's filters. An empty filter shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Searched in titles, summaries, series, places, organizers, tags and people.
    pub text: String,
    pub hidden_categories: BTreeSet<Category>,
    /// Countries switched off; an event is hidden only when all its countries are off.
    pub hidden_countries: BTreeSet<String>,
    /// Events that end before this year, or start after `to_year`, are hidden.
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    pub fn is_country_hidden(&self, country: Country) -> bool {
        self.hidden_countries.contains(country.code())
    }

    fn matches(&self, event: EventRef, needle_lowercase: &str) -> bool {
        let span = event.span();
        let countries = event.countries();
        !self.hidden_categories.contains(&event.category())
            && (countries.is_empty() || countries.iter().any(|&c| !self.is_country_hidden(c)))
            && self
                .from_year
                .is_none_or(|year| chrono::Datelike::year(&span.last_day()) >= year)
            && self
                .to_year
                .is_none_or(|year| chrono::Datelike::year(&span.first_day()) <= year)
            && event.matches_text(needle_lowercase)
    }

    /// The indices of the events that pass, in order. A text search decodes every event's
    /// details, so it runs on every core.
    pub fn shown_indices(&self, events: &EventStore) -> Vec<usize> {
        use rayon::prelude::*;
        let needle = self.text.trim().to_lowercase();
        (0..events.len())
            .into_par_iter()
            .filter(|&i| events.get(i).is_some_and(|e| self.matches(e, &needle)))
            .collect()
    }
}
