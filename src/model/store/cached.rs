//! The store as the load cache writes and reads it: heads as plain numbers, checked field by
//! field when they come back.

use super::super::country::Country;
use super::super::date::PartialDate;
use super::super::event::Category;
use super::EventStore;
use super::head::{Head, Range32};

/// An event's [`Head`] as the load cache lays it out: plain numbers, read back with a check of
/// each field and no parsing.
#[repr(C)]
#[derive(Clone, Copy, Debug, bytemuck::Pod, bytemuck::Zeroable)]
pub(crate) struct CachedHead {
    /// Start and length of the id, title, series, countries and details.
    ranges: [u32; 10],
    years: [i16; 2],
    /// Start month and day, end month and day; 0 where the precision stops above them.
    months_and_days: [u8; 4],
    /// Bit 0: has an end; 1: has a series; 2: date inferred; 3: draft; 4: planned.
    flags: u8,
    /// Index into [`Category::ALL`].
    category: u8,
    file: u16,
}

const HAS_END: u8 = 1;
const HAS_SERIES: u8 = 2;
const DATE_INFERRED: u8 = 4;
const DRAFT: u8 = 8;
const PLANNED: u8 = 16;

impl CachedHead {
    fn of(head: &Head) -> Self {
        let date_parts = |date: Option<PartialDate>| {
            date.map_or((0, 0, 0), |d| {
                let (month, day) = (d.month_number(), d.day_number());
                (
                    d.year_number() as i16,
                    month.unwrap_or(0) as u8,
                    day.unwrap_or(0) as u8,
                )
            })
        };
        let (start_year, start_month, start_day) = date_parts(Some(head.start));
        let (end_year, end_month, end_day) = date_parts(head.end);
        let series = head.series.unwrap_or_default();
        let flag = |set: bool, bit: u8| if set { bit } else { 0 };
        Self {
            ranges: [
                head.id.start,
                head.id.len,
                head.title.start,
                head.title.len,
                series.start,
                series.len,
                head.countries.start,
                head.countries.len,
                head.details.start,
                head.details.len,
            ],
            years: [start_year, end_year],
            months_and_days: [start_month, start_day, end_month, end_day],
            flags: flag(head.end.is_some(), HAS_END)
                | flag(head.series.is_some(), HAS_SERIES)
                | flag(head.date_inferred, DATE_INFERRED)
                | flag(head.draft, DRAFT)
                | flag(head.planned, PLANNED),
            category: Category::ALL
                .iter()
                .position(|c| *c == head.category)
                .unwrap_or_default() as u8,
            file: head.file,
        }
    }

    /// The head, if every field is one a head can hold and every range lies on the buffers.
    fn to_head(self, text: &str, countries_len: usize, details_len: usize) -> Option<Head> {
        let date = |year: i16, month: u8, day: u8| match (month, day) {
            (0, 0) => PartialDate::year(year.into()),
            (month, 0) => PartialDate::month(year.into(), month.into()),
            (month, day) => PartialDate::day(year.into(), month.into(), day.into()),
        };
        let [start_month, start_day, end_month, end_day] = self.months_and_days;
        let range = |at: usize| Range32 {
            start: self.ranges[at],
            len: self.ranges[at + 1],
        };
        let in_text = |range: Range32| {
            let span = range.get();
            (text.is_char_boundary(span.start) && text.is_char_boundary(span.end)).then_some(range)
        };
        let within = |range: Range32, len: usize| (range.get().end <= len).then_some(range);
        let not_empty = |range: Range32| (range.len > 0).then_some(range);
        let head = Head {
            start: date(self.years[0], start_month, start_day)?,
            end: match self.flags & HAS_END {
                0 => None,
                _ => Some(date(self.years[1], end_month, end_day)?),
            },
            date_inferred: self.flags & DATE_INFERRED != 0,
            draft: self.flags & DRAFT != 0,
            planned: self.flags & PLANNED != 0,
            category: *Category::ALL.get(usize::from(self.category))?,
            id: not_empty(in_text(range(0))?)?,
            title: not_empty(in_text(range(2))?)?,
            series: match self.flags & HAS_SERIES {
                0 => None,
                _ => Some(in_text(range(4))?),
            },
            countries: within(range(6), countries_len)?,
            details: within(range(8), details_len)?,
            file: self.file,
        };
        // As loading does: an event never ends before it starts. Compared as numbers, since
        // a day past a month's end (31) orders the same as its real last day here.
        let first_day = (self.years[0], start_month.max(1), start_day.max(1));
        let last_day = |month: u8, day: u8| {
            let month = if month == 0 { 12 } else { month };
            (self.years[1], month, if day == 0 { 31 } else { day })
        };
        let ends_after_start = head.end.is_none() || last_day(end_month, end_day) >= first_day;
        ends_after_start.then_some(head)
    }
}

/// An [`EventStore`]'s buffers as the load cache writes them.
pub(crate) struct CachedStore<'a> {
    pub heads: Vec<CachedHead>,
    pub text: &'a str,
    pub countries: Vec<u16>,
    /// The length of [`CachedStore::details_in_order`].
    pub details_len: usize,
    store: &'a EventStore,
    details_laid_out: bool,
}

impl<'a> CachedStore<'a> {
    /// The details, in the events' order: the store's buffer, or each event's piece of it.
    pub fn details_in_order(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let store = self.store;
        let whole = self.details_laid_out.then_some(store.details.as_slice());
        let pieces = (!self.details_laid_out).then(|| {
            (store.heads.iter())
                .map(|head| store.details.get(head.details.get()).unwrap_or_default())
        });
        whole.into_iter().chain(pieces.into_iter().flatten())
    }
}

impl EventStore {
    /// The buffers as the load cache writes them.
    ///
    /// The countries and details are written in the events' order, so that a store read back
    /// has them laid out even where this one could not be (above the size `sort_by_start_then_id` lays out):
    /// at ten million events the passes over every event are then several times faster.
    pub(crate) fn to_cached(&self) -> CachedStore<'_> {
        let (mut countries_at, mut details_at) = (0_u32, 0_u32);
        let heads = (self.heads.iter())
            .map(|head| {
                let mut laid_out = *head;
                laid_out.countries.start = countries_at;
                laid_out.details.start = details_at;
                countries_at = countries_at.saturating_add(head.countries.len);
                details_at = details_at.saturating_add(head.details.len);
                CachedHead::of(&laid_out)
            })
            .collect();
        let details_laid_out = details_at as usize == self.details.len()
            && (self.heads.iter())
                .scan(0, |at, head| {
                    let in_place = head.details.start == *at;
                    *at = at.saturating_add(head.details.len);
                    Some(in_place)
                })
                .all(|in_place| in_place);
        let countries = (self.heads.iter())
            .flat_map(|head| self.countries.get(head.countries.get()).unwrap_or_default())
            .map(Country::index)
            .collect();
        CachedStore {
            heads,
            text: &self.text,
            countries,
            details_len: details_at as usize,
            store: self,
            details_laid_out,
        }
    }

    /// A store from buffers the load cache read back, or `None` when any field or range is
    /// one no store could have written.
    pub(crate) fn from_cached(
        heads: &[CachedHead],
        text: String,
        countries: &[u16],
        details: Vec<u8>,
    ) -> Option<Self> {
        use rayon::prelude::*;
        let heads = heads
            .par_iter()
            .map(|head| head.to_head(&text, countries.len(), details.len()))
            .collect::<Option<Vec<Head>>>()?;
        let countries = countries
            .par_iter()
            .map(|index| Country::from_index(*index))
            .collect::<Option<Vec<Country>>>()?;
        Some(Self {
            heads,
            text,
            countries,
            details,
            encoding: Vec::new(),
        })
    }
}
