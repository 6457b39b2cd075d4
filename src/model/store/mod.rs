//! The events of a dataset, held compactly: a million events must fit in a few hundred MB.
//!
//! An owned [`Event`] costs about 930 bytes (its record plus ten small heap blocks). Here each
//! event is a fixed-size [`Head`] holding what is read for every event on every rebuild (dates,
//! category, id, title, series, countries), with the text in one shared buffer, and the rest
//! (place, people, participants, sources, ...) encoded with `postcard` in another buffer. Those
//! details are decoded only for the events someone looks at, exports, counts or searches.

mod cached;
mod details;
mod event_ref;
mod head;
mod order;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub(crate) use self::cached::CachedHead;
use self::details::Details;
pub use self::event_ref::EventRef;
pub use self::head::NO_FILE;
use self::head::{Head, HeadValues, Range32};
use super::country::Country;
use super::event::Event;

/// A store holds at most 4 GiB of text and of details, so its offsets fit in `u32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the data holds more than 4 GiB of text; this event and the rest were not loaded")]
pub struct StoreFull;

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
            planned: event.planned,
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
                planned: head.planned,
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
            planned: values.planned,
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
