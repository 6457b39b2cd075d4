//! What the timeline draws, described without egui: lanes and one mark per (event, lane).
//!
//! The window paints a [`Scene`], and the hit-test, the image exports and the tests read the
//! same description, so they can never disagree about where an event is.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::country::Country;
use super::date::{Precision, days_from_date};
use super::event::Category;
use super::store::{EventRef, EventStore};
use super::view::{ScreenTransform, TimeView};

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
    /// Known days from start to end: a bar.
    DayRange,
    /// Known only to the month or year (at either end): a faint span over all the time it
    /// may have been, so it never looks as if it happened on the 1st.
    Vague(Precision),
}

/// One event in one lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into the dataset's events.
    pub event_index: usize,
    pub lane: usize,
    /// The first moment covered, in days on the time axis.
    pub start_days: f64,
    /// The moment the last day ends, in days on the time axis.
    pub end_days: f64,
    pub shape: MarkShape,
    pub color_rgb: [u8; 3],
}

impl Mark {
    /// Where a single-day marker is centred.
    pub fn center_days(&self) -> f64 {
        (self.start_days + self.end_days) / 2.0
    }
}

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub label: String,
}

/// An entry of the colour legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub color_rgb: [u8; 3],
}

/// Everything the timeline draws for a set of events.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub lanes: Vec<Lane>,
    /// Sorted by lane, then start.
    pub marks: Vec<Mark>,
    /// `marks[lane_starts[i]..lane_starts[i + 1]]` are the marks of lane `i`.
    lane_starts: Vec<usize>,
    /// The longest mark per lane, to find the visible marks by binary search.
    lane_max_len_days: Vec<f64>,
    pub legend: Vec<LegendEntry>,
}

/// Grey for events with no country, when colouring by country.
const NO_COUNTRY_RGB: [u8; 3] = [140, 140, 140];

impl Scene {
    /// Lays out `shown` (indices into `events`).
    pub fn build<'a>(
        events: &'a EventStore,
        shown: &[usize],
        lane_mode: LaneMode,
        color_mode: ColorMode,
    ) -> Self {
        // Lane keys sort into the lane order: categories in their own order, countries and
        // series by name, with "none" last.
        // Keys borrow from the events, so a million events cost no allocation here.
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        enum LaneKey<'a> {
            Category(Category),
            Named(&'a str),
            Country(&'static str, Country),
            None,
        }
        let keys_of = |event: EventRef<'a>| -> Vec<LaneKey<'a>> {
            match lane_mode {
                LaneMode::Category => vec![LaneKey::Category(event.category())],
                LaneMode::Series => vec![event.series().map_or(LaneKey::None, LaneKey::Named)],
                LaneMode::Country if event.countries().is_empty() => vec![LaneKey::None],
                LaneMode::Country => event
                    .countries()
                    .iter()
                    .map(|&c| LaneKey::Country(c.name(), c))
                    .collect(),
            }
        };
        let mut lane_keys: BTreeMap<LaneKey, usize> = BTreeMap::new();
        for event in shown.iter().filter_map(|&i| events.get(i)) {
            for key in keys_of(event) {
                lane_keys.insert(key, 0);
            }
        }
        let mut lanes = Vec::with_capacity(lane_keys.len());
        for (lane, (key, index)) in lane_keys.iter_mut().enumerate() {
            *index = lane;
            let label = match key {
                LaneKey::Category(category) => category.label().to_owned(),
                LaneKey::Named(name) | LaneKey::Country(name, _) => (*name).to_owned(),
                LaneKey::None if lane_mode == LaneMode::Series => "(no series)".to_owned(),
                LaneKey::None => "(no country)".to_owned(),
            };
            lanes.push(Lane { label });
        }

        let mut marks = Vec::with_capacity(shown.len());
        for (&event_index, event) in shown.iter().filter_map(|i| Some((i, events.get(*i)?))) {
            let span = event.span();
            let start_days = days_from_date(span.first_day());
            let end_days = days_from_date(span.last_day()) + 1.0;
            let coarsest = span.end.map_or(span.start.precision(), |end| {
                end.precision().min(span.start.precision())
            });
            let shape = match coarsest {
                Precision::Day if span.is_single_day() => MarkShape::Day,
                Precision::Day => MarkShape::DayRange,
                vague => MarkShape::Vague(vague),
            };
            let event_color = match color_mode {
                ColorMode::Category => event.category().color_rgb(),
                ColorMode::Country => event
                    .countries()
                    .first()
                    .map_or(NO_COUNTRY_RGB, |c| c.color_rgb()),
            };
            for key in keys_of(event) {
                let lane = lane_keys.get(&key).copied().unwrap_or_default();
                // In country lanes, each copy of an event takes its lane's colour.
                let color_rgb = match (key, color_mode) {
                    (LaneKey::Country(_, country), ColorMode::Country) => country.color_rgb(),
                    _ => event_color,
                };
                marks.push(Mark {
                    event_index,
                    lane,
                    start_days,
                    end_days,
                    shape,
                    color_rgb,
                });
            }
        }
        marks.sort_by(|a, b| {
            (a.lane, a.start_days, a.event_index)
                .partial_cmp(&(b.lane, b.start_days, b.event_index))
                .unwrap_or(std::cmp::Ordering::Equal)
        });

        let mut lane_starts = vec![0; lanes.len() + 1];
        let mut lane_max_len_days = vec![0.0_f64; lanes.len()];
        for mark in &marks {
            lane_starts[mark.lane + 1] += 1;
            lane_max_len_days[mark.lane] =
                lane_max_len_days[mark.lane].max(mark.end_days - mark.start_days);
        }
        for lane in 0..lanes.len() {
            lane_starts[lane + 1] += lane_starts[lane];
        }

        let legend = Self::legend(events, shown, color_mode);
        Self {
            lanes,
            marks,
            lane_starts,
            lane_max_len_days,
            legend,
        }
    }

    fn legend(events: &EventStore, shown: &[usize], color_mode: ColorMode) -> Vec<LegendEntry> {
        match color_mode {
            ColorMode::Category => {
                let mut categories: Vec<Category> = shown
                    .iter()
                    .filter_map(|&i| Some(events.get(i)?.category()))
                    .collect();
                categories.sort();
                categories.dedup();
                categories
                    .into_iter()
                    .map(|c| LegendEntry {
                        label: c.label().to_owned(),
                        color_rgb: c.color_rgb(),
                    })
                    .collect()
            }
            ColorMode::Country => {
                let mut countries: Vec<_> = shown
                    .iter()
                    .filter_map(|&i| events.get(i)?.countries().first().copied())
                    .collect();
                countries.sort();
                countries.dedup();
                countries
                    .into_iter()
                    .map(|c| LegendEntry {
                        label: format!("{} {}", c.code(), c.name()),
                        color_rgb: c.color_rgb(),
                    })
                    .collect()
            }
        }
    }

    /// All marks of `lane`, sorted by start.
    pub fn lane_marks(&self, lane: usize) -> &[Mark] {
        match (self.lane_starts.get(lane), self.lane_starts.get(lane + 1)) {
            (Some(&first), Some(&last)) => &self.marks[first..last],
            _ => &[],
        }
    }

    /// The marks of one event (one per lane it is in), found by binary search in each lane.
    pub fn marks_of_event(
        &self,
        event_index: usize,
        start_days: f64,
    ) -> impl Iterator<Item = &Mark> {
        (0..self.lanes.len()).flat_map(move |lane| {
            let lane_marks = self.lane_marks(lane);
            let from = lane_marks.partition_point(|m| m.start_days < start_days);
            lane_marks[from..]
                .iter()
                .take_while(move |m| m.start_days == start_days)
                .filter(move |m| m.event_index == event_index)
        })
    }

    /// The marks of `lane` that overlap `view`, found by binary search.
    pub fn marks_in_view(&self, lane: usize, view: &TimeView) -> &[Mark] {
        let lane_marks = self.lane_marks(lane);
        let Some(&longest) = self.lane_max_len_days.get(lane) else {
            return &[];
        };
        let from = lane_marks.partition_point(|m| m.start_days < view.min_days - longest);
        let to = lane_marks.partition_point(|m| m.start_days <= view.max_days);
        &lane_marks[from..to.max(from)]
    }

    /// Every mark that overlaps `view`, lane by lane.
    pub fn visible_marks(&self, view: TimeView) -> impl Iterator<Item = &Mark> {
        (0..self.lanes.len())
            .flat_map(move |lane| self.marks_in_view(lane, &view))
            .filter(move |m| view.overlaps(m.start_days, m.end_days))
    }
}

/// The screen rectangle of a mark, in points: `(left, top, right, bottom)`.
///
/// Day markers get `marker_radius_px` around their centre; spans are at least that wide, so
/// that a one-day range stays clickable.
pub fn mark_rect_px(mark: &Mark, transform: &ScreenTransform) -> [f32; 4] {
    let marker_radius_px = MARKER_RADIUS_PX;
    let y = transform.y_from_lane(mark.lane as f64);
    let half_height = match mark.shape {
        MarkShape::Day => marker_radius_px,
        MarkShape::DayRange => marker_radius_px * 0.8,
        MarkShape::Vague(_) => transform.lane_height_px() * 0.3,
    };
    let (mut left, mut right) = match mark.shape {
        MarkShape::Day => {
            let x = transform.x_from_days(mark.center_days());
            (x - marker_radius_px, x + marker_radius_px)
        }
        _ => (
            transform.x_from_days(mark.start_days),
            transform.x_from_days(mark.end_days),
        ),
    };
    if right - left < 2.0 * marker_radius_px {
        let center = (left + right) / 2.0;
        (left, right) = (center - marker_radius_px, center + marker_radius_px);
    }
    [left, y - half_height, right, y + half_height]
}

/// The mark under the pointer, or nearest to it within `radius_px`.
///
/// When several are hit (a day inside a vague year span, say), the narrowest wins, so that
/// small marks stay selectable on top of wide ones.
pub fn hit_test<'a>(
    scene: &'a Scene,
    transform: &ScreenTransform,
    pointer_px: [f32; 2],
    radius_px: f32,
) -> Option<&'a Mark> {
    let marker_radius_px = MARKER_RADIUS_PX;
    let [x, y] = pointer_px;
    let near_view = TimeView {
        min_days: transform.days_from_x(x - radius_px - marker_radius_px),
        max_days: transform.days_from_x(x + radius_px + marker_radius_px),
    };
    scene
        .visible_marks(near_view)
        .filter_map(|mark| {
            let [left, top, right, bottom] = mark_rect_px(mark, transform);
            let dx = (left - x).max(x - right).max(0.0);
            let dy = (top - y).max(y - bottom).max(0.0);
            let distance = dx.hypot(dy);
            (distance <= radius_px).then_some((distance, right - left, mark))
        })
        .min_by(|a, b| {
            (a.0, a.1)
                .partial_cmp(&(b.0, b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|(_, _, mark)| mark)
}

/// The radius of a one-day marker, in points, on screen and in exports.
pub const MARKER_RADIUS_PX: f32 = 6.0;
/// Titles beside marks are cut to this width.
pub const LABEL_MAX_WIDTH_PX: f32 = 240.0;
/// A title needs this much room right of its mark, or it goes to the left.
pub const LABEL_MIN_ROOM_PX: f32 = 90.0;

/// Where a mark's title goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSpot {
    /// The top of the text.
    pub top_px: f32,
    /// Where the text starts, or (when `flipped`) where it ends.
    pub anchor_x_px: f32,
    pub flipped: bool,
    /// The widest the text may be.
    pub max_width_px: f32,
    /// Titles of markers and of spans go in two rows per lane, so they never collide.
    pub row: usize,
}

impl LabelSpot {
    /// The left edge of a title `width_px` wide.
    pub fn left_px(&self, width_px: f32) -> f32 {
        if self.flipped {
            self.anchor_x_px - width_px
        } else {
            self.anchor_x_px
        }
    }
}

/// The label of a mark: its title, and for a vague date the date first, so that a span over a
/// whole year never reads as a day.
pub fn label_text(mark: &Mark, event: &EventRef) -> String {
    match mark.shape {
        MarkShape::Vague(_) => format!("{} · {}", event.span().display_long(), event.title()),
        _ => event.title().to_owned(),
    }
}

/// A title starts right of its marker (or inside its span, along the top), cut to the room
/// before the chart's right edge; where that room is under `min_room_px`, it ends left of the
/// mark instead.
pub fn label_spot(mark: &Mark, transform: &ScreenTransform) -> LabelSpot {
    let (marker_radius_px, min_room_px, max_width_px) =
        (MARKER_RADIUS_PX, LABEL_MIN_ROOM_PX, LABEL_MAX_WIDTH_PX);
    const GAP_PX: f32 = 4.0;
    let [left, top, right, _] = mark_rect_px(mark, transform);
    let vague = matches!(mark.shape, MarkShape::Vague(_));
    // A bar that runs off the right edge but shows enough of itself is labelled along it.
    let long_bar = mark.shape == MarkShape::DayRange
        && right + GAP_PX + min_room_px > transform.right_px
        && right.min(transform.right_px) - left.max(transform.left_px) >= min_room_px;
    let (x, top_px) = if long_bar {
        (
            left.max(transform.left_px) + GAP_PX,
            transform.y_from_lane(mark.lane as f64) + marker_radius_px + 1.0,
        )
    } else if vague {
        (left.max(transform.left_px) + GAP_PX, top + 1.0)
    } else {
        (
            right + GAP_PX,
            transform.y_from_lane(mark.lane as f64) + marker_radius_px + 1.0,
        )
    };
    let room_right = transform.right_px - x - GAP_PX;
    let left_anchor = if vague {
        right.min(transform.right_px) - GAP_PX
    } else {
        left - GAP_PX
    };
    // Flipped only where the left has more room, so a title never runs off the left edge.
    let flipped = room_right < min_room_px && left_anchor - transform.left_px > room_right;
    let anchor_x_px = if flipped { left_anchor } else { x };
    let room = if flipped {
        anchor_x_px - transform.left_px
    } else {
        room_right
    };
    LabelSpot {
        top_px,
        anchor_x_px,
        flipped,
        max_width_px: room.clamp(20.0, max_width_px),
        row: mark.lane * 2 + usize::from(vague),
    }
}

/// Chooses which labels to show so that none overlaps another in the same lane.
///
/// `labels` are `(lane, left_px, width_px)`; returns, for each, whether to draw it. Earlier
/// labels win, so pass the most important first.
pub fn place_labels(labels: &[(usize, f32, f32)], gap_px: f32) -> Vec<bool> {
    let mut taken: BTreeMap<usize, Vec<(f32, f32)>> = BTreeMap::new();
    labels
        .iter()
        .map(|&(lane, left, width)| {
            let right = left + width;
            let lane_taken = taken.entry(lane).or_default();
            let free = lane_taken
                .iter()
                .all(|&(l, r)| right + gap_px <= l || left >= r + gap_px);
            if free {
                lane_taken.push((left, right));
            }
            free
        })
        .collect()
}
