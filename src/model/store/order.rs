//! Putting the events in time order, and their details after them in that order.

use super::EventStore;
use super::head::{Head, Range32};

/// Puts `items[sources[k]]` at `k` for every `k`, in place, following each cycle once;
/// `sources` must hold every index once.
pub(super) fn permute<T: Copy>(items: &mut [T], mut sources: Vec<u32>) {
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

/// About five million events' details: laying out more would cost a GB at the peak.
pub(super) const MAX_DETAILS_LAID_OUT: usize = 512 << 20;

/// A copy of `buffer` with each head's range of it one after another, in the heads' order,
/// and the ranges moved there; done in parts on every core.
pub(super) fn laid_out_in_order<T: Copy + Send + Sync>(
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

impl EventStore {
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
}
