//! Lanes and marks: one mark per (event, lane), sorted so that the marks in any time range
//! are found by binary search, and counted per pixel column without touching the others.
//!
//! The scene of all events is built once per dataset and lane mode; a filter keeps the marks
//! of the events it shows, in the same order, so filtering never sorts again.

mod colors;
mod lanes;
mod mark;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use rayon::prelude::*;

use self::colors::Colors;
pub use self::colors::{CountryPalette, NO_COUNTRY_RGB, OTHER_COUNTRIES_RGB};
use self::lanes::{LaneKey, for_each_lane_key};
pub use self::mark::{ColorMode, Lane, LaneMode, LegendEntry, Mark, MarkShape};
use crate::model::date::Precision;
use crate::model::store::{EventRef, EventStore};

/// Spans of one lane stack in at most this many rows.
pub const MAX_SPAN_ROWS: u8 = 6;

/// Everything the timeline draws for a set of events.
#[derive(Clone, Debug, Default)]
pub struct Scene {
    pub lanes: Vec<Lane>,
    /// Sorted by lane, then start, then event.
    marks: Vec<Mark>,
    /// `marks[lane_starts[i]..lane_starts[i + 1]]` are the marks of lane `i`.
    lane_starts: Vec<u32>,
    /// The longest mark per lane, in days, to find the visible marks by binary search.
    lane_max_len_days: Vec<i32>,
    /// Each lane's end days, sorted, partitioned like `marks`: what overlaps a range is what
    /// starts before its end, less what ended before its start.
    lane_ends: Vec<i32>,
    /// Mark indices sorted by lane, then end: kept in the scene of all events, so that a
    /// filtered scene gets its sorted ends without sorting.
    end_order: Vec<u32>,
    /// Every colour a mark may have; [`Mark::color`] indexes it.
    pub colors: Vec<LegendEntry>,
    /// The colours the marks of this scene use, in the order of `colors`.
    pub legend: Vec<LegendEntry>,
}

/// Where each lane's marks start among marks sorted by lane, and, last, their number.
fn lane_starts(marks: &[Mark], lane_count: usize) -> Vec<u32> {
    let mut lane_starts = vec![0_u32; lane_count + 1];
    for mark in marks {
        if let Some(count) = lane_starts.get_mut(mark.lane as usize + 1) {
            *count += 1;
        }
    }
    for lane in 0..lane_count {
        lane_starts[lane + 1] += lane_starts[lane];
    }
    lane_starts
}

/// The marks' indices in each lane by end day, and those end days. A lane is sorted as
/// plain integers: the end day as an offset binary number above the index. One lane's keys
/// at a time, so that they add little to the peak.
fn end_order(marks: &[Mark], lane_starts: &[u32]) -> (Vec<i32>, Vec<u32>) {
    let mut lane_ends = vec![0; marks.len()];
    let mut end_order = vec![0; marks.len()];
    for lane in lane_starts.windows(2) {
        let lane = lane[0] as usize..lane[1] as usize;
        let mut keys: Vec<u64> = (lane.clone())
            .filter_map(|index| Some((marks.get(index)?.end_day, index)))
            .map(|(end_day, index)| u64::from(end_day as u32 ^ 1 << 31) << 32 | index as u64)
            .collect();
        keys.par_sort_unstable();
        let ends = lane_ends.get_mut(lane.clone()).unwrap_or_default();
        let order = end_order.get_mut(lane).unwrap_or_default();
        for ((key, end), index) in keys.into_iter().zip(ends).zip(order) {
            *end = ((key >> 32) as u32 ^ 1 << 31) as i32;
            *index = key as u32;
        }
    }
    (lane_ends, end_order)
}

/// Events per block when the marks are made on every core.
const MARK_BLOCK: usize = 16 * 1024;

impl Scene {
    /// Lays out every event of `events`.
    pub fn build(
        events: &EventStore,
        lane_mode: LaneMode,
        color_mode: ColorMode,
        palette: &CountryPalette,
    ) -> Self {
        let colors = Colors::new(color_mode, palette);
        // The events in blocks, on every core; first each block's marks in each lane.
        let blocks: Vec<std::ops::Range<usize>> = (0..events.len())
            .step_by(MARK_BLOCK)
            .map(|start| start..(start + MARK_BLOCK).min(events.len()))
            .collect();
        let marks_per_key: Vec<BTreeMap<LaneKey, usize>> = blocks
            .par_iter()
            .map(|block| {
                let mut counts = BTreeMap::new();
                for event in block.clone().filter_map(|index| events.get(index)) {
                    for_each_lane_key(&event, lane_mode, |key| {
                        *counts.entry(key).or_default() += 1;
                    });
                }
                counts
            })
            .collect();
        let keys: BTreeMap<LaneKey, usize> = marks_per_key
            .iter()
            .flat_map(|counts| counts.keys().map(|&key| (key, 0)))
            .collect();
        let mut keys = keys;
        let mut lanes = Vec::with_capacity(keys.len());
        for (lane, (key, index)) in keys.iter_mut().enumerate() {
            *index = lane;
            let label = match key {
                LaneKey::Drafts => "Drafts (to review)".to_owned(),
                LaneKey::Category(category) => category.label().to_owned(),
                LaneKey::Named(name) | LaneKey::Country(name, _) => (*name).to_owned(),
                LaneKey::None if lane_mode == LaneMode::Series => "(no series)".to_owned(),
                LaneKey::None => "(no country)".to_owned(),
            };
            lanes.push(Lane {
                label,
                color: None,
                span_rows: 0,
                drafts: *key == LaneKey::Drafts,
            });
        }

        let lane_of = |key: &LaneKey| keys.get(key).copied().unwrap_or_default();
        let mark_of = |index: usize, event: &EventRef, key: LaneKey| {
            let span = event.span();
            let (start_day, end_day) = span.day_range();
            let shape = match span.coarsest_precision() {
                Precision::Day if span.is_single_day() => MarkShape::Day,
                Precision::Day => MarkShape::DayRange,
                vague => MarkShape::Vague(vague),
            };
            Mark {
                event: index as u32,
                lane: lane_of(&key) as u32,
                start_day,
                end_day,
                shape,
                flags: if span.inferred { Mark::INFERRED } else { 0 }
                    | if event.is_draft() { Mark::DRAFT } else { 0 }
                    | if event.is_planned() { Mark::PLANNED } else { 0 },
                color: colors.of_mark(event, key),
            }
        };
        // The marks are written in place into one list, sorted by lane: each block fills its
        // own part of every lane. In a lane they are then in the events' order, which the
        // loader makes the start order. (Lists per block joined after would hold every mark
        // twice at the peak, and a sort by lane costs a third of the build.)
        let lane_sizes: Vec<Vec<usize>> = marks_per_key
            .iter()
            .map(|counts| {
                let mut sizes = vec![0; lanes.len()];
                for (key, &count) in counts {
                    if let Some(size) = sizes.get_mut(lane_of(key)) {
                        *size = count;
                    }
                }
                sizes
            })
            .collect();
        let unset = Mark {
            event: 0,
            lane: 0,
            start_day: 0,
            end_day: 0,
            shape: MarkShape::Day,
            flags: 0,
            color: 0,
        };
        let mut marks = vec![unset; lane_sizes.iter().flatten().sum()];
        let mut parts: Vec<Vec<&mut [Mark]>> = blocks.iter().map(|_| Vec::new()).collect();
        let mut rest = marks.as_mut_slice();
        for lane in 0..lanes.len() {
            for (sizes, parts) in lane_sizes.iter().zip(&mut parts) {
                let (part, after) = rest.split_at_mut(sizes[lane]);
                parts.push(part);
                rest = after;
            }
        }
        blocks
            .into_par_iter()
            .zip(parts)
            .for_each(|(block, parts)| {
                let mut lanes: Vec<_> = parts.into_iter().map(|part| part.iter_mut()).collect();
                for index in block {
                    if let Some(event) = events.get(index) {
                        for_each_lane_key(&event, lane_mode, |key| {
                            if let Some(slot) =
                                lanes.get_mut(lane_of(&key)).and_then(Iterator::next)
                            {
                                *slot = mark_of(index, &event, key);
                            }
                        });
                    }
                }
            });
        let lane_starts = lane_starts(&marks, lanes.len());
        for lane in lane_starts.windows(2) {
            let marks = &mut marks[lane[0] as usize..lane[1] as usize];
            if !marks.is_sorted_by_key(|m| (m.start_day, m.event)) {
                marks.par_sort_unstable_by_key(|m| (m.start_day, m.event));
            }
        }
        let (lane_ends, end_order) = end_order(&marks, &lane_starts);
        Self::finish(
            lanes,
            marks,
            lane_starts,
            lane_ends,
            end_order,
            colors.entries(),
        )
    }

    /// The scene of the events for which `shown[event]` is true, from the scene of all
    /// events: the same order, lanes without events left out, in one pass.
    pub fn filtered(&self, shown: &[bool]) -> Self {
        let is_shown = |mark: &Mark| shown.get(mark.event as usize).copied().unwrap_or(false);
        let mut kept_lanes = vec![false; self.lanes.len()];
        let marks: Vec<Mark> = self.marks.iter().filter(|m| is_shown(m)).copied().collect();
        for mark in &marks {
            kept_lanes[mark.lane as usize] = true;
        }
        let mut new_index = vec![u32::MAX; self.lanes.len()];
        let mut lanes = Vec::new();
        for (lane, kept) in kept_lanes.iter().enumerate() {
            if *kept {
                new_index[lane] = lanes.len() as u32;
                lanes.push(self.lanes[lane].clone());
            }
        }
        let marks: Vec<Mark> = marks
            .into_iter()
            .map(|m| Mark {
                lane: new_index[m.lane as usize],
                ..m
            })
            .collect();
        let lane_ends = self
            .end_order
            .iter()
            .map(|&i| &self.marks[i as usize])
            .filter(|m| is_shown(m))
            .map(|m| m.end_day)
            .collect();
        let lane_starts = lane_starts(&marks, lanes.len());
        Self::finish(
            lanes,
            marks,
            lane_starts,
            lane_ends,
            Vec::new(),
            self.colors.clone(),
        )
    }

    /// Indexes, lane colours, span rows and the legend, once the marks are sorted.
    fn finish(
        mut lanes: Vec<Lane>,
        marks: Vec<Mark>,
        lane_starts: Vec<u32>,
        lane_ends: Vec<i32>,
        end_order: Vec<u32>,
        colors: Vec<LegendEntry>,
    ) -> Self {
        let mut lane_max_len_days = vec![0_i32; lanes.len()];
        let mut used = vec![false; colors.len()];
        for mark in &marks {
            let lane = mark.lane as usize;
            lane_max_len_days[lane] =
                lane_max_len_days[lane].max(mark.end_day.saturating_sub(mark.start_day));
            if let Some(used) = used.get_mut(usize::from(mark.color)) {
                *used = true;
            }
        }
        let mut scene = Self {
            lanes: Vec::new(),
            marks,
            lane_starts,
            lane_max_len_days,
            lane_ends,
            end_order,
            legend: colors
                .iter()
                .zip(&used)
                .filter(|(_, used)| **used)
                .map(|(entry, _)| entry.clone())
                .collect(),
            colors,
        };
        for (index, lane) in lanes.iter_mut().enumerate() {
            let lane_marks = scene.lane_marks(index);
            let first_color = lane_marks.first().map(|m| m.color);
            lane.color = first_color.filter(|&c| lane_marks.iter().all(|m| m.color == c));
            lane.span_rows = span_rows_needed(lane_marks);
        }
        scene.lanes = lanes;
        scene
    }

    /// Every mark, sorted by lane, then start.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// All marks of `lane`, sorted by start.
    pub fn lane_marks(&self, lane: usize) -> &[Mark] {
        match (self.lane_starts.get(lane), self.lane_starts.get(lane + 1)) {
            (Some(&first), Some(&last)) => &self.marks[first as usize..last as usize],
            _ => &[],
        }
    }

    fn lane_ends(&self, lane: usize) -> &[i32] {
        match (self.lane_starts.get(lane), self.lane_starts.get(lane + 1)) {
            (Some(&first), Some(&last)) => self
                .lane_ends
                .get(first as usize..last as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// The marks of `lane` that may overlap `[from_days, to_days)`, found by binary search:
    /// every one that does, and a few before it that end too early.
    pub fn marks_near(&self, lane: usize, from_days: f64, to_days: f64) -> &[Mark] {
        let lane_marks = self.lane_marks(lane);
        let Some(&longest) = self.lane_max_len_days.get(lane) else {
            return &[];
        };
        let from = lane_marks.partition_point(|m| m.start_days() + f64::from(longest) <= from_days);
        let to = lane_marks.partition_point(|m| m.start_days() < to_days);
        &lane_marks[from..to.max(from)]
    }

    /// The marks of `lane` that overlap `[from_days, to_days)`.
    pub fn marks_between(
        &self,
        lane: usize,
        from_days: f64,
        to_days: f64,
    ) -> impl Iterator<Item = &Mark> {
        self.marks_near(lane, from_days, to_days)
            .iter()
            .filter(move |m| m.overlaps(from_days, to_days))
    }

    /// How many marks of `lane` overlap `[from_days, to_days)`: two binary searches.
    pub fn count_between(&self, lane: usize, from_days: f64, to_days: f64) -> usize {
        let started = self
            .lane_marks(lane)
            .partition_point(|m| m.start_days() < to_days);
        let ended = self
            .lane_ends(lane)
            .partition_point(|&end| f64::from(end) <= from_days);
        started.saturating_sub(ended)
    }

    /// How many marks of `lane` overlap each of `columns` equal parts of
    /// `[from_days, to_days)`: per-pixel density, in memory that grows with pixels.
    pub fn counts_per_column(
        &self,
        lane: usize,
        from_days: f64,
        to_days: f64,
        columns: usize,
    ) -> Vec<u32> {
        let starts = self.lane_marks(lane);
        let ends = self.lane_ends(lane);
        let width = (to_days - from_days) / columns.max(1) as f64;
        // Each search starts where the last one ended: the columns go left to right.
        let (mut started, mut ended) = (0, 0);
        (0..columns)
            .map(|column| {
                let left = from_days + width * column as f64;
                let right = left + width;
                started += starts[started..].partition_point(|m| m.start_days() < right);
                ended += ends[ended..].partition_point(|&end| f64::from(end) <= left);
                started.saturating_sub(ended) as u32
            })
            .collect()
    }

    /// The colour of `mark`.
    pub fn color_of(&self, mark: &Mark) -> [u8; 3] {
        self.colors
            .get(usize::from(mark.color))
            .map_or(NO_COUNTRY_RGB, |e| e.color_rgb)
    }

    /// The colour of a lane's density strip: its marks' shared colour, or a neutral one.
    pub fn lane_color(&self, lane: usize) -> [u8; 3] {
        self.lanes
            .get(lane)
            .and_then(|l| l.color)
            .and_then(|c| self.colors.get(usize::from(c)))
            .map_or([90, 110, 140], |e| e.color_rgb)
    }
}

/// The rows a lane's spans need so that none overlaps another, placed greedily in start
/// order; at most [`MAX_SPAN_ROWS`].
fn span_rows_needed(marks: &[Mark]) -> u8 {
    let mut row_ends: Vec<i32> = Vec::new();
    for mark in marks.iter().filter(|m| m.is_span()) {
        if let Some(end) = row_ends.iter_mut().find(|end| **end <= mark.start_day) {
            *end = mark.end_day;
        } else if row_ends.len() < usize::from(MAX_SPAN_ROWS) {
            row_ends.push(mark.end_day);
        } else {
            return MAX_SPAN_ROWS;
        }
    }
    row_ends.len() as u8
}
