//! Lanes and marks: one mark per (event, lane), sorted so that the marks in any time range
//! are found by binary search, and counted per pixel column without touching the others.
//!
//! The scene of all events is built once per dataset and lane mode; a filter keeps the marks
//! of the events it shows, in the same order, so filtering never sorts again.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::country::Country;
use crate::model::date::Precision;
use crate::model::event::Category;
use crate::model::store::{EventRef, EventStore};

/// What the lanes (rows) of the timeline stand for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LaneMode {
    #[default]
    Category,
    Series,
    Country,
}

impl LaneMode {
    pub const ALL: [Self; 3] = [Self::Category, Self::Series, Self::Country];

    pub fn label(&self) -> &'static str {
        match self {
            Self::Category => "Category",
            Self::Series => "Series",
            Self::Country => "Country",
        }
    }
}

/// What the colour of a mark stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ColorMode {
    #[default]
    Category,
    Country,
}

impl ColorMode {
    pub const ALL: [Self; 2] = [Self::Category, Self::Country];

    pub fn label(&self) -> &'static str {
        match self {
            Self::Category => "Category",
            Self::Country => "Country",
        }
    }
}

/// How an event is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkShape {
    /// One known day: a marker.
    Day,
    /// Known days from start to end: a solid bar.
    DayRange,
    /// Known only to the month or year (at either end): a faint span over all the time it
    /// may have been, so it never looks as if it happened on the 1st.
    Vague(Precision),
}

/// One event in one lane: 20 bytes, since a scene may hold tens of millions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// The event's index in the dataset's store.
    pub event: u32,
    pub lane: u32,
    /// The first day covered.
    pub start_day: i32,
    /// The day after the last day covered.
    pub end_day: i32,
    pub shape: MarkShape,
    /// [`Mark::INFERRED`] and [`Mark::DRAFT`].
    pub flags: u8,
    /// Index into [`Scene::colors`].
    pub color: u16,
}

impl Mark {
    /// The date was worked out, not stated: drawn hollow or dashed.
    pub const INFERRED: u8 = 1;
    /// A drafted event not yet reviewed: drawn hollow with a "draft" mark.
    pub const DRAFT: u8 = 2;

    pub fn start_days(&self) -> f64 {
        f64::from(self.start_day)
    }

    pub fn end_days(&self) -> f64 {
        f64::from(self.end_day)
    }

    pub fn center_days(&self) -> f64 {
        (self.start_days() + self.end_days()) / 2.0
    }

    pub fn is_inferred(&self) -> bool {
        self.flags & Self::INFERRED != 0
    }

    pub fn is_draft(&self) -> bool {
        self.flags & Self::DRAFT != 0
    }

    /// Spans (ranges and vague dates) stack in rows; single days are markers.
    pub fn is_span(&self) -> bool {
        self.shape != MarkShape::Day
    }

    pub fn overlaps(&self, from_days: f64, to_days: f64) -> bool {
        self.start_days() < to_days && self.end_days() > from_days
    }
}

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub label: String,
    /// The colour every mark of the lane has, if they share one; density strips use it.
    pub color: Option<u16>,
    /// How many rows its spans need to never overlap, at most [`MAX_SPAN_ROWS`].
    pub span_rows: u8,
    /// True for the lane of drafted events.
    pub drafts: bool,
}

/// A colour of the chart and what it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub label: String,
    pub color_rgb: [u8; 3],
}

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

/// Grey for events with no country, when colouring by country.
pub const NO_COUNTRY_RGB: [u8; 3] = [140, 140, 140];
/// Light grey for countries past the palette.
pub const OTHER_COUNTRIES_RGB: [u8; 3] = [196, 196, 196];

/// Country colours: the main partners keep theirs; the others get the next free colour in
/// order of how many events they have, so the countries that matter most stay distinct.
const PINNED_COUNTRIES: [(&str, [u8; 3]); 4] = [
    ("CHN", [214, 39, 40]),
    ("JPN", [31, 119, 180]),
    ("KOR", [44, 160, 44]),
    ("USA", [148, 103, 189]),
];
const COUNTRY_PALETTE: [[u8; 3]; 16] = [
    [255, 127, 14],
    [23, 190, 207],
    [140, 86, 75],
    [227, 119, 194],
    [188, 189, 34],
    [31, 45, 120],
    [0, 128, 128],
    [230, 171, 2],
    [128, 0, 0],
    [141, 182, 0],
    [96, 78, 151],
    [249, 147, 121],
    [90, 110, 130],
    [43, 61, 38],
    [190, 0, 130],
    [194, 178, 128],
];

/// A colour per country for one dataset, stable under filtering.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountryPalette {
    /// Sorted by country.
    assigned: Vec<(Country, [u8; 3])>,
}

impl CountryPalette {
    /// Colours for the countries of `events_per_country` (most events first).
    pub fn new(events_per_country: &[(Country, usize)]) -> Self {
        let mut assigned = Vec::new();
        let mut free = COUNTRY_PALETTE.iter();
        for &(country, _) in events_per_country {
            let pinned = PINNED_COUNTRIES
                .iter()
                .find(|(code, _)| *code == country.code())
                .map(|&(_, rgb)| rgb);
            if let Some(rgb) = pinned.or_else(|| free.next().copied()) {
                assigned.push((country, rgb));
            }
        }
        assigned.sort_by_key(|&(country, _)| country);
        Self { assigned }
    }

    /// The country's own colour, or `None` when it is past the palette.
    pub fn own_color(&self, country: Country) -> Option<[u8; 3]> {
        self.assigned
            .binary_search_by_key(&country, |&(c, _)| c)
            .ok()
            .map(|i| self.assigned[i].1)
    }

    /// The colour the chart uses for the country.
    pub fn color_of(&self, country: Country) -> [u8; 3] {
        self.own_color(country).unwrap_or(OTHER_COUNTRIES_RGB)
    }
}

/// What a lane stands for; keys sort into the lane order: drafts first, categories in their
/// own order, countries and series by name, "none" last. They borrow from the events, so a
/// million events cost no allocation here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum LaneKey<'a> {
    Drafts,
    Category(Category),
    Named(&'a str),
    Country(&'static str, Country),
    None,
}

/// Calls `visit` with each lane the event is in; no list is made, since a scene is built
/// from millions of events.
fn for_each_lane_key<'a>(
    event: &EventRef<'a>,
    lane_mode: LaneMode,
    mut visit: impl FnMut(LaneKey<'a>),
) {
    if event.is_draft() {
        return visit(LaneKey::Drafts);
    }
    match lane_mode {
        LaneMode::Category => visit(LaneKey::Category(event.category())),
        LaneMode::Series => visit(event.series().map_or(LaneKey::None, LaneKey::Named)),
        LaneMode::Country if event.countries().is_empty() => visit(LaneKey::None),
        LaneMode::Country => event
            .countries()
            .iter()
            .for_each(|&c| visit(LaneKey::Country(c.name(), c))),
    }
}

/// The colours of a colour mode, and which one each event and lane gets.
struct Colors<'p> {
    mode: ColorMode,
    palette: &'p CountryPalette,
    /// For country colours: the palette's countries, then "other", then "no country".
    countries: Vec<Country>,
}

impl<'p> Colors<'p> {
    fn new(mode: ColorMode, palette: &'p CountryPalette) -> Self {
        Self {
            mode,
            palette,
            countries: palette.assigned.iter().map(|&(c, _)| c).collect(),
        }
    }

    fn entries(&self) -> Vec<LegendEntry> {
        match self.mode {
            ColorMode::Category => Category::ALL
                .iter()
                .map(|c| LegendEntry {
                    label: c.label().to_owned(),
                    color_rgb: c.color_rgb(),
                })
                .collect(),
            ColorMode::Country => self
                .palette
                .assigned
                .iter()
                .map(|&(country, rgb)| LegendEntry {
                    label: format!("{} {}", country.code(), country.name()),
                    color_rgb: rgb,
                })
                .chain([
                    LegendEntry {
                        label: "Other countries".to_owned(),
                        color_rgb: OTHER_COUNTRIES_RGB,
                    },
                    LegendEntry {
                        label: "(no country)".to_owned(),
                        color_rgb: NO_COUNTRY_RGB,
                    },
                ])
                .collect(),
        }
    }

    fn of_country(&self, country: Option<Country>) -> u16 {
        let other = self.countries.len();
        let index = match country {
            None => other + 1,
            Some(country) => self.countries.binary_search(&country).unwrap_or(other),
        };
        index as u16
    }

    /// An event's colour in a lane: in a country lane, coloured by country, each copy takes
    /// its lane's country.
    fn of_mark(&self, event: &EventRef, key: LaneKey) -> u16 {
        match (self.mode, key) {
            (ColorMode::Category, _) => event.category() as u16,
            (ColorMode::Country, LaneKey::Country(_, country)) => self.of_country(Some(country)),
            (ColorMode::Country, _) => self.of_country(event.countries().first().copied()),
        }
    }
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
                    | if event.is_draft() { Mark::DRAFT } else { 0 },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_files;
    use crate::load::sample::sample_dataset;
    use crate::model::stats::events_per_country;

    fn scene_of(json: &str, lane_mode: LaneMode) -> Scene {
        let dataset = load_files([("t.json", json.as_bytes())]);
        assert!(
            dataset.problems.iter().all(|p| !p.is_error()),
            "{:?}",
            dataset.problems
        );
        let palette = CountryPalette::new(&events_per_country(&dataset.events));
        Scene::build(&dataset.events, lane_mode, ColorMode::Country, &palette)
    }

    #[test]
    fn counts_per_column_match_a_scan() {
        let dataset = sample_dataset();
        let palette = CountryPalette::new(&events_per_country(&dataset.events));
        let scene = Scene::build(
            &dataset.events,
            LaneMode::Country,
            ColorMode::Country,
            &palette,
        );
        let (from, to) = (3000.0, 9500.0);
        for lane in 0..scene.lanes.len() {
            let columns = scene.counts_per_column(lane, from, to, 37);
            let width = (to - from) / 37.0;
            for (column, &count) in columns.iter().enumerate() {
                let left = from + width * column as f64;
                let scanned = scene
                    .lane_marks(lane)
                    .iter()
                    .filter(|m| m.overlaps(left, left + width))
                    .count();
                assert_eq!(count as usize, scanned, "lane {lane} column {column}");
                assert_eq!(scene.count_between(lane, left, left + width), scanned);
            }
        }
    }

    #[test]
    fn lanes_are_sorted_whatever_the_order_of_the_events() {
        let dataset = sample_dataset();
        let palette = CountryPalette::new(&events_per_country(&dataset.events));
        let mut reversed: Vec<crate::model::Event> =
            dataset.events.iter().map(|e| e.to_event()).collect();
        reversed.reverse();
        let reversed = EventStore::from_events(&reversed).expect("a small store");
        for events in [&dataset.events, &reversed] {
            let scene = Scene::build(events, LaneMode::Country, ColorMode::Country, &palette);
            assert!(scene.lanes.len() > 3);
            for lane in 0..scene.lanes.len() {
                let marks = scene.lane_marks(lane);
                assert!(marks.iter().all(|m| m.lane as usize == lane));
                assert!(marks.is_sorted_by_key(|m| (m.start_day, m.event)));
                let mut ends: Vec<i32> = marks.iter().map(|m| m.end_day).collect();
                ends.sort_unstable();
                assert_eq!(scene.lane_ends(lane), ends);
                for day in (3000..9500).step_by(97) {
                    let (from, to) = (f64::from(day), f64::from(day + 400));
                    let scanned = marks.iter().filter(|m| m.overlaps(from, to)).count();
                    assert_eq!(scene.count_between(lane, from, to), scanned);
                }
            }
        }
    }

    #[test]
    fn a_filtered_scene_is_the_scene_of_the_shown_events() {
        let dataset = sample_dataset();
        let palette = CountryPalette::new(&events_per_country(&dataset.events));
        let all = Scene::build(
            &dataset.events,
            LaneMode::Country,
            ColorMode::Category,
            &palette,
        );
        let shown: Vec<bool> = (0..dataset.events.len()).map(|i| i % 3 != 0).collect();
        let filtered = all.filtered(&shown);
        assert!(filtered.marks().iter().all(|m| shown[m.event as usize]));
        let expected = all
            .marks()
            .iter()
            .filter(|m| shown[m.event as usize])
            .count();
        assert_eq!(filtered.marks().len(), expected);
        for lane in 0..filtered.lanes.len() {
            let marks = filtered.lane_marks(lane);
            assert!(!marks.is_empty(), "no empty lanes");
            assert!(marks.windows(2).all(|w| w[0].start_day <= w[1].start_day));
            let ends = filtered.lane_ends(lane);
            assert!(ends.windows(2).all(|w| w[0] <= w[1]));
            let mut expected_ends: Vec<i32> = marks.iter().map(|m| m.end_day).collect();
            expected_ends.sort_unstable();
            assert_eq!(ends, expected_ends.as_slice());
        }
    }

    #[test]
    fn every_colour_on_the_chart_is_in_the_legend() {
        let scene = scene_of(
            r#"[{"id": "a", "title": "A", "start": "2010", "category": "forum", "countries": ["CHN", "FRA"]},
                {"id": "b", "title": "B", "start": "2011", "category": "forum", "countries": ["KOR"]},
                {"id": "c", "title": "C", "start": "2012", "category": "forum"}]"#,
            LaneMode::Category,
        );
        let used: Vec<[u8; 3]> = scene.marks().iter().map(|m| scene.color_of(m)).collect();
        for rgb in &used {
            assert!(scene.legend.iter().any(|e| e.color_rgb == *rgb), "{rgb:?}");
        }
        let labels: Vec<&str> = scene.legend.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["CHN China", "KOR South Korea", "(no country)"]);
        let country_lanes = scene_of(
            r#"[{"id": "a", "title": "A", "start": "2010", "category": "forum", "countries": ["CHN", "FRA", "KOR"]}]"#,
            LaneMode::Country,
        );
        let labels: Vec<&str> = country_lanes
            .legend
            .iter()
            .map(|e| e.label.as_str())
            .collect();
        assert_eq!(labels, ["CHN China", "FRA France", "KOR South Korea"]);
    }

    #[test]
    fn countries_get_distinct_colours() {
        let codes = [
            "CHN", "JPN", "KOR", "FRA", "DEU", "IND", "BRA", "USA", "GBR", "ITA",
        ];
        let counts: Vec<(Country, usize)> = codes
            .iter()
            .enumerate()
            .map(|(i, code)| (Country::parse(code).unwrap(), 100 - i))
            .collect();
        let palette = CountryPalette::new(&counts);
        let mut colours: Vec<[u8; 3]> = counts.iter().map(|(c, _)| palette.color_of(*c)).collect();
        colours.sort_unstable();
        colours.dedup();
        assert_eq!(colours.len(), codes.len());
        let far = |a: [u8; 3], b: [u8; 3]| {
            a.iter()
                .zip(b)
                .map(|(x, y)| (f32::from(*x) - f32::from(y)).powi(2))
                .sum::<f32>()
                .sqrt()
        };
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                assert!(far(*a, *b) > 60.0, "{a:?} and {b:?} are too alike");
            }
        }
    }

    #[test]
    fn spans_need_as_many_rows_as_overlap() {
        let scene = scene_of(
            r#"[{"id": "a", "title": "A", "start": "2010", "category": "forum"},
                {"id": "b", "title": "B", "start": "2010-05", "category": "forum"},
                {"id": "c", "title": "C", "start": "2011", "category": "forum"},
                {"id": "d", "title": "D", "start": "2010-03-01", "category": "forum"}]"#,
            LaneMode::Category,
        );
        assert_eq!(scene.lanes[0].span_rows, 2);
    }
}
