//! The events of a dataset, held compactly: a million events must fit in a few hundred MB.
//!
//! An owned [`Event`] costs about 930 bytes (its record plus ten small heap blocks). Here each
//! event is a fixed-size [`Head`] holding what is read for every event on every rebuild (dates,
//! category, id, title, series, countries), with the text in one shared buffer, and the rest
//! (place, people, participants, sources, ...) encoded with `postcard` in another buffer. Those
//! details are decoded only for the events someone looks at, exports, counts or searches.

use serde::{Deserialize, Serialize};

use super::country::Country;
use super::date::{DateSpan, PartialDate};
use super::event::{Category, Event, Participant, Person, SourceRef};

/// A store holds at most 4 GiB of text and of details, so its offsets fit in `u32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the data holds more than 4 GiB of text; this event and the rest were not loaded")]
pub struct StoreFull;

/// `start..start + len` of one of the store's buffers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Range32 {
    start: u32,
    len: u32,
}

impl Range32 {
    fn get(self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }
}

/// The fixed-size part of one event.
#[derive(Clone, Copy, Debug)]
struct Head {
    start: PartialDate,
    end: Option<PartialDate>,
    date_inferred: bool,
    /// Drafted from an article and not yet reviewed.
    draft: bool,
    category: Category,
    id: Range32,
    title: Range32,
    series: Option<Range32>,
    /// Into [`EventStore::countries`].
    countries: Range32,
    /// Into [`EventStore::details`].
    details: Range32,
    /// The data file it was read from, by its place in the folder; [`NO_FILE`] for none.
    file: u16,
}

/// The file of an event not read from a data file (a draft), or of one whose file is past
/// the first 65,535 of its folder.
pub const NO_FILE: u16 = u16::MAX;

/// The fields of a [`Head`] that are not ranges.
struct HeadValues {
    start: PartialDate,
    end: Option<PartialDate>,
    date_inferred: bool,
    draft: bool,
    category: Category,
    file: u16,
}

/// The rest of an event, as encoded in [`EventStore::details`]; it borrows its text from there.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Details<'a> {
    // The counts and the tag list read these two of every event, so they come first and
    // decoding can stop after them (see `CountedDetails`).
    #[serde(borrow)]
    participants: Vec<DetailParticipant<'a>>,
    #[serde(borrow)]
    tags: Vec<&'a str>,
    #[serde(borrow)]
    location: Option<&'a str>,
    #[serde(borrow)]
    organizers: Vec<&'a str>,
    #[serde(borrow)]
    people: Vec<DetailPerson<'a>>,
    summary: &'a str,
    #[serde(borrow)]
    sources: Vec<DetailSource<'a>>,
    #[serde(borrow)]
    display_date: Option<&'a str>,
}

/// The first fields of [`Details`]: postcard reads fields in order and leaves the rest unread.
#[derive(Debug, Default, Deserialize)]
struct CountedDetails<'a> {
    #[serde(borrow)]
    _participants: ReadPast<DetailParticipant<'a>>,
    #[serde(borrow)]
    tags: Vec<&'a str>,
}

/// A list read past, not kept: postcard's format cannot skip a value without reading it.
#[derive(Debug)]
struct ReadPast<T>(std::marker::PhantomData<T>);

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
struct ParticipantDetails<'a> {
    #[serde(borrow)]
    participants: Vec<DetailParticipant<'a>>,
}

#[derive(Debug, Serialize, Deserialize)]
struct DetailParticipant<'a> {
    #[serde(with = "country_as_index")]
    country: Option<Country>,
    count: u64,
    unit: &'a str,
}

/// A country as its [`Country::index`], a number, not its code to look up again.
mod country_as_index {
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
struct DetailPerson<'a> {
    name: &'a str,
    country: Option<Country>,
    #[serde(borrow)]
    role: Option<&'a str>,
    #[serde(borrow)]
    organization: Option<&'a str>,
}

#[derive(Debug, Serialize, Deserialize)]
struct DetailSource<'a> {
    #[serde(borrow)]
    file: Option<&'a str>,
    #[serde(borrow)]
    url: Option<&'a str>,
    #[serde(borrow)]
    publisher: Option<&'a str>,
    #[serde(borrow)]
    published: Option<&'a str>,
    #[serde(borrow)]
    byline: Option<&'a str>,
    quote: &'a str,
}

impl<'a> Details<'a> {
    fn of(event: &'a Event) -> Self {
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
        }
    }

    fn participants(&self) -> Vec<Participant> {
        self.participants
            .iter()
            .map(|p| Participant {
                country: p.country,
                count: p.count,
                unit: p.unit.to_owned(),
            })
            .collect()
    }
}

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
    /// Bit 0: has an end; 1: has a series; 2: date inferred; 3: draft.
    flags: u8,
    /// Index into [`Category::ALL`].
    category: u8,
    file: u16,
}

const HAS_END: u8 = 1;
const HAS_SERIES: u8 = 2;
const DATE_INFERRED: u8 = 4;
const DRAFT: u8 = 8;

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
                | flag(head.draft, DRAFT),
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

/// Puts `items[sources[k]]` at `k` for every `k`, in place, following each cycle once;
/// `sources` must hold every index once.
fn permute<T: Copy>(items: &mut [T], mut sources: Vec<u32>) {
    for start in 0..items.len() {
        if sources[start] as usize == start {
            continue;
        }
        let held = items[start];
        let mut at = start;
        loop {
            let from = sources[at] as usize;
            // Done: a position that holds its item is skipped when its turn comes.
            sources[at] = at as u32;
            if from == start {
                items[at] = held;
                break;
            }
            items[at] = items[from];
            at = from;
        }
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

/// All the events of a dataset, in the order they were added (the loader sorts them by time).
#[derive(Clone, Debug, Default)]
pub struct EventStore {
    heads: Vec<Head>,
    /// The ids, titles and series of all events, one after another.
    text: String,
    countries: Vec<Country>,
    /// Every event's [`Details`], encoded with postcard, one after another.
    details: Vec<u8>,
    /// Where one event's details are encoded before they are added, kept to save an
    /// allocation per event.
    encoding: Vec<u8>,
}

/// About five million events' details: laying out more would cost a GB at the peak.
const MAX_DETAILS_LAID_OUT: usize = 512 << 20;

/// A copy of `buffer` with each head's range of it one after another, in the heads' order,
/// and the ranges moved there; done in parts on every core.
fn laid_out_in_order<T: Copy + Send + Sync>(
    heads: &mut [Head],
    buffer: &[T],
    range_of: fn(&mut Head) -> &mut Range32,
) -> Vec<T> {
    use rayon::prelude::*;
    const HEADS_PER_PART: usize = 16 * 1024;
    // Every range lies in its buffer (the store and the cache check it); were one not to, it
    // would come out empty rather than take the app down.
    let items_of = |head: &mut Head| buffer.get(range_of(head).get()).unwrap_or_default();
    let part_lens: Vec<usize> = (heads.par_chunks_mut(HEADS_PER_PART))
        .map(|part| part.iter_mut().map(|h| items_of(h).len()).sum())
        .collect();
    let mut laid_out = match buffer.first() {
        Some(&fill) => vec![fill; part_lens.iter().sum()],
        None => Vec::new(),
    };
    let mut parts = Vec::with_capacity(part_lens.len());
    let (mut rest, mut part_start) = (laid_out.as_mut_slice(), 0);
    for len in part_lens {
        let (part, after) = std::mem::take(&mut rest).split_at_mut(len);
        parts.push((part_start, part));
        (rest, part_start) = (after, part_start + len);
    }
    (heads.par_chunks_mut(HEADS_PER_PART).zip(parts)).for_each(|(heads, (part_start, part))| {
        let mut at = 0;
        for head in heads {
            let items = items_of(head);
            part[at..at + items.len()].copy_from_slice(items);
            *range_of(head) = Range32 {
                start: (part_start + at) as u32,
                len: items.len() as u32,
            };
            at += items.len();
        }
    });
    laid_out
}

/// Where `len` more items would go in a buffer now `buffer_len` long, if offsets still fit.
fn range_after(buffer_len: usize, len: usize) -> Result<Range32, StoreFull> {
    let start = u32::try_from(buffer_len).map_err(|_| StoreFull)?;
    let len = u32::try_from(len).map_err(|_| StoreFull)?;
    start.checked_add(len).ok_or(StoreFull)?;
    Ok(Range32 { start, len })
}

impl EventStore {
    /// A store of `events`, in their order.
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Self, StoreFull> {
        let mut store = Self::default();
        for event in events {
            store.push(event)?;
        }
        Ok(store)
    }

    pub fn len(&self) -> usize {
        self.heads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// Adds an event at the end. Nothing is added when the buffers are full.
    pub fn push(&mut self, event: &Event) -> Result<(), StoreFull> {
        self.push_marked(event, false)
    }

    /// Adds an event drafted from an article and not reviewed yet.
    pub fn push_draft(&mut self, event: &Event) -> Result<(), StoreFull> {
        self.push_marked(event, true)
    }

    fn push_marked(&mut self, event: &Event, draft: bool) -> Result<(), StoreFull> {
        // postcard fails only on types it cannot encode, and details are plain text, numbers
        // and lists; were it ever to fail, the event is refused like one that does not fit.
        let mut details = std::mem::take(&mut self.encoding);
        details.clear();
        let details = postcard::to_extend(&Details::of(event), details).map_err(|_| StoreFull)?;
        let values = HeadValues {
            start: event.start,
            end: event.end,
            date_inferred: event.date_inferred,
            draft,
            category: event.category,
            file: NO_FILE,
        };
        let pushed = self.push_parts(
            values,
            &event.id,
            &event.title,
            event.series.as_deref(),
            &event.countries,
            &details,
        );
        self.encoding = details;
        pushed
    }

    /// Adds a copy of event `index` of `other` at the end.
    pub fn push_copy(&mut self, other: &Self, index: usize) -> Result<(), StoreFull> {
        let Some(event) = other.get(index) else {
            return Ok(());
        };
        let head = event.head;
        self.push_parts(
            HeadValues {
                start: head.start,
                end: head.end,
                date_inferred: head.date_inferred,
                draft: head.draft,
                category: head.category,
                file: head.file,
            },
            event.id(),
            event.title(),
            event.series(),
            event.countries(),
            other.details.get(head.details.get()).unwrap_or_default(),
        )
    }

    fn push_parts(
        &mut self,
        values: HeadValues,
        id: &str,
        title: &str,
        series: Option<&str>,
        countries: &[Country],
        details: &[u8],
    ) -> Result<(), StoreFull> {
        // Every range is checked before anything is written, so a full store stays whole.
        let text_len = self.text.len();
        let id_range = range_after(text_len, id.len())?;
        let title_range = range_after(text_len + id.len(), title.len())?;
        let series_range = series
            .map(|s| range_after(text_len + id.len() + title.len(), s.len()))
            .transpose()?;
        let countries_range = range_after(self.countries.len(), countries.len())?;
        let details_range = range_after(self.details.len(), details.len())?;
        self.text.push_str(id);
        self.text.push_str(title);
        self.text.push_str(series.unwrap_or_default());
        self.countries.extend_from_slice(countries);
        self.details.extend_from_slice(details);
        self.heads.push(Head {
            start: values.start,
            end: values.end,
            date_inferred: values.date_inferred,
            draft: values.draft,
            category: values.category,
            id: id_range,
            title: title_range,
            series: series_range,
            countries: countries_range,
            details: details_range,
            file: values.file,
        });
        Ok(())
    }

    /// Makes room for all of `others` at once, so that appending them copies each buffer once.
    pub fn reserve_for<'a>(&mut self, others: impl Iterator<Item = &'a Self> + Clone) {
        let total = |len: fn(&Self) -> usize| others.clone().map(len).sum::<usize>();
        self.heads.reserve(total(|s| s.heads.len()));
        self.text.reserve(total(|s| s.text.len()));
        self.countries.reserve(total(|s| s.countries.len()));
        self.details.reserve(total(|s| s.details.len()));
    }

    /// Moves every event of `other` to the end of this store, in order: the buffers are
    /// joined and `other`'s offsets moved past this store's.
    pub fn append(&mut self, other: Self) -> Result<(), StoreFull> {
        if self.heads.is_empty() {
            // Nothing to join: the other store is taken whole, without a copy.
            *self = other;
            return Ok(());
        }
        let shift = |range: Range32, by: usize| -> Result<Range32, StoreFull> {
            range_after(by + range.start as usize, range.len as usize)
        };
        // Checked before anything moves, so that a full store stays whole.
        shift(Range32::default(), self.text.len() + other.text.len())?;
        shift(
            Range32::default(),
            self.countries.len() + other.countries.len(),
        )?;
        shift(Range32::default(), self.details.len() + other.details.len())?;
        let (text, countries, details) =
            (self.text.len(), self.countries.len(), self.details.len());
        self.heads.reserve(other.heads.len());
        for head in other.heads {
            self.heads.push(Head {
                id: shift(head.id, text)?,
                title: shift(head.title, text)?,
                series: head.series.map(|s| shift(s, text)).transpose()?,
                countries: shift(head.countries, countries)?,
                details: shift(head.details, details)?,
                ..head
            });
        }
        self.text.push_str(&other.text);
        self.countries.extend_from_slice(&other.countries);
        self.details.extend_from_slice(&other.details);
        Ok(())
    }

    /// Marks the events from `first` on as read from data file `file`.
    pub fn mark_file_from(&mut self, first: usize, file: u16) {
        for head in self.heads.iter_mut().skip(first) {
            head.file = file;
        }
    }

    /// A copy of the events whose file `renumbered` maps to a new number, marked with it,
    /// in their order: the events of the files a reload keeps.
    pub fn with_files_renumbered(&self, renumbered: &[Option<u16>]) -> Result<Self, StoreFull> {
        let mut kept = Self::default();
        for (index, head) in self.heads.iter().enumerate() {
            if let Some(&Some(file)) = renumbered.get(usize::from(head.file)) {
                kept.push_copy(self, index)?;
                kept.mark_file_from(kept.len() - 1, file);
            }
        }
        Ok(kept)
    }

    pub fn get(&self, index: usize) -> Option<EventRef<'_>> {
        Some(EventRef {
            store: self,
            head: self.heads.get(index)?,
        })
    }

    /// The whole event `index`, decoded.
    pub fn event(&self, index: usize) -> Option<Event> {
        self.get(index).map(|e| e.to_event())
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            store: self,
            heads: self.heads.iter(),
        }
    }

    /// Every event, decoded: for tests and small datasets.
    pub fn to_vec(&self) -> Vec<Event> {
        self.iter().map(|e| e.to_event()).collect()
    }

    /// The index of the event with this id.
    pub fn position_of_id(&self, id: &str) -> Option<usize> {
        self.iter().position(|e| e.id() == id)
    }

    /// Sorts by start, then id; the ids must be unique for the order to be total.
    ///
    /// The countries and details are then laid out in the new order, one buffer at a time,
    /// so that the passes over every event (counts, tags, filters) read them front to back,
    /// not at random: at a million events that halves the first frame's counting. Details of
    /// more than [`MAX_DETAILS_LAID_OUT`] stay where they are, since the copy would add that
    /// much to the peak memory.
    pub fn sort_by_start_then_id(&mut self) {
        use rayon::prelude::*;
        // Sorted as plain numbers, the start's order key above the head's index, and then
        // each run of one start by id: ids are compared only where starts tie, and 8 bytes
        // are moved, not whole heads, which are put in place once at the end.
        let mut order: Vec<u64> = (self.heads.par_iter().enumerate())
            .map(|(index, head)| u64::from(head.start.order_key()) << 32 | index as u64)
            .collect();
        order.par_sort_unstable();
        let (heads, text) = (&self.heads, &self.text);
        let id = |key: &u64| &text[heads[*key as u32 as usize].id.get()];
        order
            .par_chunk_by_mut(|a, b| a >> 32 == b >> 32)
            .for_each(|run| run.sort_unstable_by(|a, b| id(a).cmp(id(b))));
        let sources: Vec<u32> = order.into_iter().map(|key| key as u32).collect();
        permute(&mut self.heads, sources);
        if self.details.len() <= MAX_DETAILS_LAID_OUT {
            self.countries =
                laid_out_in_order(&mut self.heads, &self.countries, |h| &mut h.countries);
            self.details = laid_out_in_order(&mut self.heads, &self.details, |h| &mut h.details);
        }
    }

    /// The buffers as the load cache writes them.
    ///
    /// The countries and details are written in the events' order, so that a store read back
    /// has them laid out even where this one could not be (above [`MAX_DETAILS_LAID_OUT`]):
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

    /// Gives back spare capacity left from growing while loading.
    pub fn shrink_to_fit(&mut self) {
        self.heads.shrink_to_fit();
        self.text.shrink_to_fit();
        self.countries.shrink_to_fit();
        self.details.shrink_to_fit();
        self.encoding = Vec::new();
    }
}

/// Two stores are equal when they hold equal events in the same order.
impl PartialEq for EventStore {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other)
                .all(|(a, b)| a.to_event() == b.to_event())
    }
}

/// The events of a store, in order.
#[derive(Clone)]
pub struct Iter<'a> {
    store: &'a EventStore,
    heads: std::slice::Iter<'a, Head>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = EventRef<'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let head = self.heads.next()?;
        Some(EventRef {
            store: self.store,
            head,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.heads.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a EventStore {
    type Item = EventRef<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Serialises as the list of events, in the native JSON shape.
impl Serialize for EventStore {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|e| e.to_event()))
    }
}

/// One event of a store. The fields every view needs are read in place; the others are
/// decoded on demand.
#[derive(Clone, Copy)]
pub struct EventRef<'a> {
    store: &'a EventStore,
    head: &'a Head,
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
fn contains_ignoring_case(text: &str, needle_lowercase: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sample::sample_dataset;

    /// The store as the load cache writes it and reads it back.
    fn cached_copy(store: &EventStore) -> Option<EventStore> {
        let cached = store.to_cached();
        let details = cached.details_in_order().collect::<Vec<_>>().concat();
        assert_eq!(details.len(), cached.details_len);
        EventStore::from_cached(
            &cached.heads,
            cached.text.to_owned(),
            &cached.countries,
            details,
        )
    }

    #[test]
    fn sorting_orders_by_start_then_id_and_keeps_every_event() {
        let sample = sample_dataset().events.to_vec();
        // Many events on one start, so that ids decide, in an order far from sorted.
        let mut events: Vec<Event> = (0..300)
            .map(|n| Event {
                id: format!("e{:03}", (n * 7919) % 300),
                start: sample[n % 4].start,
                ..sample[n % sample.len()].clone()
            })
            .collect();
        let mut store = EventStore::from_events(&events).unwrap();
        store.sort_by_start_then_id();
        events.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
        assert_eq!(store.to_vec(), events);
    }

    #[test]
    fn the_cache_writes_details_in_the_events_order() {
        let mut store = sample_dataset().events.clone();
        // The heads in another order than their details, as in a store too big to lay out.
        store.heads.reverse();
        let is_laid_out = |store: &EventStore| {
            let mut at = 0;
            store.heads.iter().all(|head| {
                let in_place = head.details.start == at;
                at += head.details.len;
                in_place
            })
        };
        assert!(!is_laid_out(&store));
        let copy = cached_copy(&store).expect("a store the cache can read");
        assert!(is_laid_out(&copy));
        assert_eq!(copy.to_vec(), store.to_vec());
        let countries_in_order: Vec<Country> =
            store.iter().flat_map(|e| e.countries().to_vec()).collect();
        assert_eq!(copy.countries, countries_in_order);
    }

    #[test]
    fn a_cached_event_must_end_after_it_starts() {
        let reread = |start: &str, end: &str| {
            let event = Event {
                id: "e".into(),
                title: "E".into(),
                start: PartialDate::parse(start).unwrap(),
                end: Some(PartialDate::parse(end).unwrap()),
                ..sample_dataset().events.event(0).unwrap()
            };
            cached_copy(&EventStore::from_events([&event]).unwrap())
        };
        assert!(reread("2021-05-31", "2021-05").is_some());
        assert!(reread("2021-05-10", "2021-05-10").is_some());
        assert!(reread("2021", "2021-12-31").is_some());
        assert!(reread("2021-05-10", "2021-05-09").is_none());
        assert!(reread("2021-05", "2021-04-30").is_none());
        assert!(reread("-0500", "-0501").is_none());
    }

    #[test]
    fn events_come_back_whole() {
        let events = sample_dataset().events.to_vec();
        assert!(events.iter().any(|e| !e.people.is_empty()));
        assert!(
            events
                .iter()
                .any(|e| e.sources.iter().any(|s| s.publisher.is_some()))
        );
        let store = EventStore::from_events(&events).unwrap();
        assert_eq!(store.to_vec(), events);
        let mut copy = EventStore::default();
        for index in (0..store.len()).rev() {
            copy.push_copy(&store, index).unwrap();
        }
        copy.sort_by_start_then_id();
        assert_eq!(copy.to_vec(), events);
        // Laid out in the new order: each event's details and countries follow the last's.
        let in_order = |range: fn(&Head) -> Range32| {
            copy.heads.windows(2).all(|pair| {
                let (before, after) = (range(&pair[0]), range(&pair[1]));
                before.start + before.len == after.start
            })
        };
        assert!(in_order(|h| h.details) && in_order(|h| h.countries));
    }

    #[test]
    fn search_ignores_case_in_every_field() {
        let store = sample_dataset().events;
        let matching = |needle: &str| store.iter().filter(|e| e.matches_text(needle)).count();
        assert_eq!(matching(""), store.len());
        assert!(matching("forum") > 0);
        assert_eq!(matching("forum"), matching(&"FORUM".to_lowercase()));
        // A person's name, an organizer and a place, none of them in a title: the same
        // events as a search of the whole decoded events.
        for needle in ["okimura kazuki", "pangoal", "weihai, shandong"] {
            let decoded = store.to_vec();
            let expected = decoded.iter().filter(|e| {
                let json = serde_json::to_string(e).unwrap().to_lowercase();
                !e.title.to_lowercase().contains(needle) && json.contains(needle)
            });
            assert!(expected.clone().count() > 0, "{needle}");
            assert_eq!(matching(needle), expected.count(), "{needle}");
        }
        assert_eq!(matching("no such words anywhere"), 0);
    }

    #[test]
    fn offsets_past_4_gib_are_refused_not_wrapped() {
        let limit = u32::MAX as usize;
        assert_eq!(
            range_after(limit - 3, 3),
            Ok(Range32 {
                start: u32::MAX - 3,
                len: 3
            })
        );
        assert_eq!(range_after(limit - 3, 4), Err(StoreFull));
        assert_eq!(range_after(limit + 1, 0), Err(StoreFull));
    }

    #[test]
    fn a_head_stays_small() {
        // A million heads are read on every rebuild and held all the time; see the README's
        // memory profile before making this larger.
        assert!(std::mem::size_of::<Head>() <= 64);
    }

    #[test]
    fn search_matching_ignores_case() {
        assert!(contains_ignoring_case(
            "China-Japan University Forum",
            "japan univ"
        ));
        assert!(contains_ignoring_case("科技日报 Science", "科技"));
        assert!(contains_ignoring_case("ÉCOLE polytechnique", "école"));
        assert!(!contains_ignoring_case("Forum", "forums"));
    }
}
