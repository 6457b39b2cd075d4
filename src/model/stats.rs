//! Statistics over any set of events. Counts in different units are never added together.

use std::collections::BTreeMap;

use super::country::Country;
use super::event::{Category, Event};

/// The participants of one country (or of no stated country) in one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountryCount {
    /// `None` for totals that the source does not split by country.
    pub country: Option<Country>,
    pub unit: String,
    pub count: u64,
    /// How many events contributed to `count`.
    pub event_count: usize,
}

/// Participants summed per (country, unit), sorted by unit, then largest count first, then
/// country code.
pub fn participants_by_country<'a>(
    events: impl IntoIterator<Item = &'a Event>,
) -> Vec<CountryCount> {
    let mut sums: BTreeMap<(String, Option<Country>), (u64, usize)> = BTreeMap::new();
    for event in events {
        for participant in &event.participants {
            let sum = sums
                .entry((participant.unit.clone(), participant.country))
                .or_default();
            sum.0 = sum.0.saturating_add(participant.count);
            sum.1 += 1;
        }
    }
    let mut counts: Vec<CountryCount> = sums
        .into_iter()
        .map(|((unit, country), (count, event_count))| CountryCount {
            country,
            unit,
            count,
            event_count,
        })
        .collect();
    counts.sort_by(|a, b| {
        (&a.unit, std::cmp::Reverse(a.count), a.country).cmp(&(
            &b.unit,
            std::cmp::Reverse(b.count),
            b.country,
        ))
    });
    counts
}

/// How many events each country takes part in, most first, then by code.
pub fn events_per_country<'a>(
    events: impl IntoIterator<Item = &'a Event>,
) -> Vec<(Country, usize)> {
    let mut counts: BTreeMap<Country, usize> = BTreeMap::new();
    for event in events {
        for &country in &event.countries {
            *counts.entry(country).or_default() += 1;
        }
    }
    let mut counts: Vec<(Country, usize)> = counts.into_iter().collect();
    counts.sort_by_key(|&(country, n)| (std::cmp::Reverse(n), country));
    counts
}

/// How many events each category has, in category order; categories with none are left out.
pub fn events_per_category<'a>(
    events: impl IntoIterator<Item = &'a Event>,
) -> Vec<(Category, usize)> {
    let mut counts: BTreeMap<Category, usize> = BTreeMap::new();
    for event in events {
        *counts.entry(event.category).or_default() += 1;
    }
    counts.into_iter().collect()
}
