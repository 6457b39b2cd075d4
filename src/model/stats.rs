//! Statistics over any set of events. Counts in different units are never added together.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use super::country::Country;
use super::event::{Category, Participant};
use super::store::{EventRef, EventStore};
use crate::layout::view::TimeView;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

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
pub fn participants_by_country(
    participants: impl IntoIterator<Item = impl Borrow<Participant>>,
) -> Vec<CountryCount> {
    let mut sums: BTreeMap<(String, Option<Country>), (u64, usize)> = BTreeMap::new();
    for participant in participants {
        let participant = participant.borrow();
        let sum = sums
            .entry((participant.unit.clone(), participant.country))
            .or_default();
        sum.0 = sum.0.saturating_add(participant.count);
        sum.1 += 1;
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
    sort_counts(&mut counts);
    counts
}

/// By unit, then largest count first, then country code.
fn sort_counts(counts: &mut [CountryCount]) {
    counts.sort_by(|a, b| {
        (&a.unit, std::cmp::Reverse(a.count), a.country).cmp(&(
            &b.unit,
            std::cmp::Reverse(b.count),
            b.country,
        ))
    });
}

/// How many events each country takes part in, most first, then by code.
pub fn events_per_country(events: &EventStore) -> Vec<(Country, usize)> {
    let counts = count_in_parallel(events, Country::count(), |event, counts| {
        for country in event.countries() {
            if let Some(count) = counts.get_mut(usize::from(country.index())) {
                *count += 1;
            }
        }
    });
    // In index order, which is the order of the codes; the sort is stable.
    let mut counts: Vec<(Country, usize)> = (0..)
        .map_while(Country::from_index)
        .zip(counts)
        .filter(|&(_, n)| n > 0)
        .collect();
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts
}

/// Counts into `slots` numbers over every event, on every core: a million events name
/// several million countries, so a map per country named would be slow.
fn count_in_parallel(
    events: &EventStore,
    slots: usize,
    count: impl Fn(EventRef<'_>, &mut [usize]) + Sync,
) -> Vec<usize> {
    (0..events.len())
        .into_par_iter()
        .with_min_len(16 * 1024)
        .fold(
            || vec![0; slots],
            |mut counts, index| {
                if let Some(event) = events.get(index) {
                    count(event, &mut counts);
                }
                counts
            },
        )
        .reduce(
            || vec![0; slots],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
                a
            },
        )
}

/// The `limit` most used tags and how many events have each, most first, then by name.
pub fn events_per_tag(events: &EventStore, limit: usize) -> Vec<(String, usize)> {
    let counts = ((0..events.len() as u32).into_par_iter())
        .fold(HashMap::<&str, usize>::default, |mut counts, index| {
            if let Some(event) = events.get(index as usize) {
                for tag in event.tags() {
                    *counts.entry(tag).or_default() += 1;
                }
            }
            counts
        })
        .reduce(HashMap::default, |mut a, b| {
            for (tag, n) in b {
                *a.entry(tag).or_default() += n;
            }
            a
        });
    let mut counts: Vec<(String, usize)> =
        counts.into_iter().map(|(t, n)| (t.to_owned(), n)).collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(limit);
    counts
}

/// How many events each category has, in category order; categories with none are left out.
pub fn events_per_category(events: &EventStore) -> Vec<(Category, usize)> {
    let counts = count_in_parallel(events, Category::ALL.len(), |event, counts| {
        if let Some(count) = counts.get_mut(event.category() as usize) {
            *count += 1;
        }
    });
    Category::ALL
        .into_iter()
        .zip(counts)
        .filter(|&(_, n)| n > 0)
        .collect()
}

/// Sorted whole days with running totals of an amount: how much lies at or before any time,
/// in one binary search. Days are `i32` and counting needs no totals, so a million events
/// take 8 MB here rather than 32.
#[derive(Clone, Debug, Default)]
struct RunningTotals {
    /// Sorted.
    days: Vec<i32>,
    /// `totals[i]` is the sum of the first `i` amounts (so `totals[0] == 0`). Empty when each
    /// amount is 1, as when counting events: the total is then the index itself.
    totals: Vec<u64>,
}

impl RunningTotals {
    fn counting(mut days: Vec<i32>) -> Self {
        days.par_sort_unstable();
        Self {
            days,
            totals: Vec::new(),
        }
    }

    fn summing(mut entries: Vec<(i32, u64)>) -> Self {
        entries.par_sort_unstable_by_key(|&(day, _)| day);
        let mut totals = Vec::with_capacity(entries.len() + 1);
        totals.push(0);
        let mut total = 0_u64;
        for &(_, amount) in &entries {
            total = total.saturating_add(amount);
            totals.push(total);
        }
        Self {
            days: entries.into_iter().map(|(day, _)| day).collect(),
            totals,
        }
    }

    /// How many entries, and their total, lie before `days` (or at it, with `inclusive`).
    fn before(&self, days: f64, inclusive: bool) -> (usize, u64) {
        let index = if inclusive {
            self.days.partition_point(|&d| f64::from(d) <= days)
        } else {
            self.days.partition_point(|&d| f64::from(d) < days)
        };
        let total = self.totals.get(index).copied().unwrap_or(index as u64);
        (index, total)
    }
}

/// The first day, the day after the last, and an amount.
type DaySpan = (i32, i32, u64);

/// Starts and ends of a set of entries: what overlaps `[min, max]` is what starts at or before
/// `max`, less what ended before `min`.
#[derive(Clone, Debug, Default)]
struct Overlaps {
    starts: RunningTotals,
    ends: RunningTotals,
}

impl Overlaps {
    fn counting(spans: &[(i32, i32)]) -> Self {
        let (starts, ends) = rayon::join(
            || RunningTotals::counting(spans.iter().map(|&(start, _)| start).collect()),
            || RunningTotals::counting(spans.iter().map(|&(_, end)| end).collect()),
        );
        Self { starts, ends }
    }

    /// The overlaps of `entries`, which are freed as soon as they are read.
    fn summing(entries: Vec<DaySpan>) -> Self {
        let starts = entries.iter().map(|&(start, _, n)| (start, n)).collect();
        let ends = entries.iter().map(|&(_, end, n)| (end, n)).collect();
        drop(entries);
        let (starts, ends) = rayon::join(
            || RunningTotals::summing(starts),
            || RunningTotals::summing(ends),
        );
        Self { starts, ends }
    }

    /// (entries, total) overlapping `view`.
    fn overlapping(&self, view: &TimeView) -> (usize, u64) {
        let (started, started_total) = self.starts.before(view.max_days, true);
        let (ended, ended_total) = self.ends.before(view.min_days, false);
        (
            started.saturating_sub(ended),
            started_total.saturating_sub(ended_total),
        )
    }
}

/// Participant counts for the events in any time range, without scanning the events: a few
/// binary searches per (unit, country). Built once per dataset and filter.
#[derive(Clone, Debug, Default)]
pub struct RangeCounts {
    events: Overlaps,
    /// Sorted by unit, then country.
    keys: Vec<(String, Option<Country>)>,
    participants: Vec<Overlaps>,
}

impl RangeCounts {
    /// The counts of the events `indices` of `events` (all of them when `None`), on every
    /// core; `None` once `cancelled` says the work is no longer wanted.
    pub fn of_events(
        events: &EventStore,
        indices: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Self> {
        type Entries<'s> = HashMap<(&'s str, Option<Country>), Vec<DaySpan>>;
        type Chunk<'s> = (Vec<(i32, i32)>, Entries<'s>);
        let all: Vec<u32>;
        let indices = match indices {
            Some(indices) => indices,
            None => {
                all = (0..events.len() as u32).collect();
                &all
            }
        };
        let chunks: Option<Vec<Chunk>> = indices
            .par_chunks(16 * 1024)
            .map(|chunk| {
                if cancelled() {
                    return None;
                }
                let mut spans = Vec::with_capacity(chunk.len());
                let mut entries = Entries::default();
                for event in chunk.iter().filter_map(|&i| events.get(i as usize)) {
                    let (start, end) = event.span().day_range();
                    spans.push((start, end));
                    for (country, count, unit) in event.participant_counts() {
                        entries
                            .entry((unit, country))
                            .or_default()
                            .push((start, end, count));
                    }
                }
                Some((spans, entries))
            })
            .collect();
        let mut event_spans = Vec::with_capacity(indices.len());
        // Joined as they come, so that the chunks' small lists are freed before the sorting
        // allocates: kept to the end, they would leave their memory scattered and resident.
        let mut by_key: BTreeMap<(&str, Option<Country>), Vec<DaySpan>> = BTreeMap::new();
        for (spans, entries) in chunks? {
            event_spans.extend(spans);
            for (key, mut list) in entries {
                by_key.entry(key).or_default().append(&mut list);
            }
        }
        // One key at a time (each on every core), so that one key's sorting is all that adds
        // to the peak.
        let (keys, participants) = by_key
            .into_iter()
            .map(|((unit, country), entries)| {
                ((unit.to_owned(), country), Overlaps::summing(entries))
            })
            .unzip();
        Some(Self {
            events: Overlaps::counting(&event_spans),
            keys,
            participants,
        })
    }

    /// How many events overlap `view`.
    pub fn events_in(&self, view: &TimeView) -> usize {
        self.events.overlapping(view).0
    }

    /// Participants of the events overlapping `view`, as [`participants_by_country`] gives them.
    pub fn participants_in(&self, view: &TimeView) -> Vec<CountryCount> {
        let mut counts: Vec<CountryCount> = self
            .keys
            .iter()
            .zip(&self.participants)
            .filter_map(|((unit, country), overlaps)| {
                let (event_count, count) = overlaps.overlapping(view);
                (event_count > 0).then(|| CountryCount {
                    country: *country,
                    unit: unit.clone(),
                    count,
                    event_count,
                })
            })
            .collect();
        sort_counts(&mut counts);
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::days_from_date;
    use crate::model::sample::sample_dataset;

    #[test]
    fn range_counts_match_a_scan_of_the_events() {
        let dataset = sample_dataset();
        let range_counts = RangeCounts::of_events(&dataset.events, None, &|| false).unwrap();
        let year = |y: i32| days_from_date(chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap());
        for (from, to) in [
            (2000, 2030),
            (2021, 2022),
            (2022, 2023),
            (2010, 2011),
            (2024, 2025),
            (1990, 1991),
        ] {
            let view = TimeView {
                min_days: year(from),
                max_days: year(to),
            };
            let in_view: Vec<EventRef> = dataset
                .events
                .iter()
                .filter(|e| {
                    view.overlaps(
                        days_from_date(e.span().first_day()),
                        days_from_date(e.span().last_day()) + 1.0,
                    )
                })
                .collect();
            assert_eq!(range_counts.events_in(&view), in_view.len(), "{from}-{to}");
            assert_eq!(
                range_counts.participants_in(&view),
                participants_by_country(in_view.iter().flat_map(|e| e.participants())),
                "{from}-{to}"
            );
        }
    }
}
