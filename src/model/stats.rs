//! Statistics over any set of events. Counts in different units are never added together.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use super::country::Country;
use super::date::DayWindow;
use super::event::{Category, Participant};
use super::store::{EventRef, EventStore};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// How a count the source gives for no one country is named.
pub const NOT_SPLIT_BY_COUNTRY: &str = "not split by country";

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

/// Starts and ends of a set of entries: what overlaps a window is what starts before its end,
/// less what ended (the day after its last) at or before its start.
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

    /// (entries, total) overlapping `window`.
    fn overlapping(&self, window: &DayWindow) -> (usize, u64) {
        let (started, started_total) = self.starts.before(window.to_days, false);
        let (ended, ended_total) = self.ends.before(window.from_days, true);
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

    /// How many events overlap `window`.
    pub fn events_in(&self, window: &DayWindow) -> usize {
        self.events.overlapping(window).0
    }

    /// Participants of the events overlapping `window`, as [`participants_by_country`] gives
    /// them.
    pub fn participants_in(&self, window: &DayWindow) -> Vec<CountryCount> {
        let mut counts: Vec<CountryCount> = self
            .keys
            .iter()
            .zip(&self.participants)
            .filter_map(|((unit, country), overlaps)| {
                let (event_count, count) = overlaps.overlapping(window);
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
    use crate::model::date::{PartialDate, days_from_date};
    use crate::model::event::Event;
    use chrono::Datelike as _;
    use proptest::prelude::*;

    fn event(index: usize, start: PartialDate, end: Option<PartialDate>) -> Event {
        Event {
            id: format!("e{index}"),
            title: format!("Event {index}"),
            start,
            end: end.filter(|end| end.last_day() >= start.first_day()),
            date_inferred: false,
            category: Category::Forum,
            series: None,
            location: None,
            countries: Vec::new(),
            organizers: Vec::new(),
            participants: vec![Participant {
                country: None,
                count: index as u64 + 1,
                unit: "scientists".to_owned(),
                qualifier: None,
            }],
            people: Vec::new(),
            summary: String::new(),
            sources: Vec::new(),
            tags: Vec::new(),
            display_date: None,
            planned: false,
            coverage: Vec::new(),
        }
    }

    fn year_window(from: i32, to: i32) -> DayWindow {
        let start = |y| days_from_date(chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap());
        DayWindow {
            from_days: start(from),
            to_days: start(to),
        }
    }

    /// The events a scan finds in `window`, day by day.
    fn scanned<'a>(events: &'a EventStore, window: &DayWindow) -> Vec<EventRef<'a>> {
        let in_window = |e: &EventRef| {
            let (start, end) = e.span().day_range();
            window.overlaps_days(start, end)
        };
        events.iter().filter(in_window).collect()
    }

    fn any_date() -> impl Strategy<Value = PartialDate> {
        (1990..2030_i32, 0..13_u32, 0..32_u32).prop_filter_map("a real date", |(y, m, d)| {
            match (m, d) {
                (0, _) => PartialDate::year(y),
                (m, 0) => PartialDate::month(y, m),
                (m, d) => PartialDate::day(y, m, d),
            }
        })
    }

    #[test]
    fn a_year_event_and_the_last_day_of_a_year_count_in_their_own_year_only() {
        let dates = ["2010", "2012-12-31", "2015-06-15"].map(|d| PartialDate::parse(d).unwrap());
        let events: Vec<Event> = (dates.iter().enumerate())
            .map(|(i, &d)| event(i, d, None))
            .collect();
        let store = EventStore::from_events(&events).unwrap();
        let counts = RangeCounts::of_events(&store, None, &|| false).unwrap();
        let per_year: Vec<usize> = (2009..2017)
            .map(|year| counts.events_in(&year_window(year, year + 1)))
            .collect();
        assert_eq!(per_year, [0, 1, 0, 1, 0, 0, 1, 0]);
    }

    proptest! {
        #[test]
        fn per_year_counts_sum_to_the_events_each_year_holds(
            dates in proptest::collection::vec((any_date(), proptest::option::of(any_date())), 1..40)
        ) {
            let events: Vec<Event> = (dates.iter().enumerate())
                .map(|(i, &(start, end))| event(i, start, end))
                .collect();
            let store = EventStore::from_events(&events).unwrap();
            let counts = RangeCounts::of_events(&store, None, &|| false).unwrap();
            let mut years_counted = 0;
            for year in 1989..2032 {
                let window = year_window(year, year + 1);
                let in_year = scanned(&store, &window);
                prop_assert_eq!(counts.events_in(&window), in_year.len());
                prop_assert_eq!(
                    counts.participants_in(&window),
                    participants_by_country(in_year.iter().flat_map(|e| e.participants()))
                );
                years_counted += in_year.len();
            }
            // An event is counted once for each year it covers, and never in a year it
            // does not touch.
            let years_covered: usize = events
                .iter()
                .map(|e| (e.span().last_day().year() - e.span().first_day().year() + 1) as usize)
                .sum();
            prop_assert_eq!(years_counted, years_covered);
        }
    }
}
