//! Marks and lanes: what the scene is made of, and the modes that choose lanes and colours.

use serde::{Deserialize, Serialize};

use crate::model::date::Precision;

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

    /// The lanes that tell a dataset's events apart before the user chooses: by series where
    /// most events have one and the categories say little (GDELT's CAMEO actions, a sheet's
    /// own kinds), else by category.
    pub fn suited_to(events: &crate::model::store::EventStore) -> Self {
        let (mut with_series, mut other) = (0usize, 0usize);
        for event in events {
            with_series += usize::from(event.series().is_some());
            other += usize::from(event.category() == crate::model::Category::Other);
        }
        let most = |count: usize| count * 2 > events.len();
        if most(with_series) && most(other) {
            Self::Series
        } else {
            Self::Category
        }
    }

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
    /// [`Mark::INFERRED`], [`Mark::DRAFT`] and [`Mark::PLANNED`].
    pub flags: u8,
    /// Index into [`Scene::colors`].
    pub color: u16,
}

impl Mark {
    /// The date was worked out, not stated: drawn hollow or dashed.
    pub const INFERRED: u8 = 1;
    /// A drafted event not yet reviewed: drawn hollow with a "draft" mark.
    pub const DRAFT: u8 = 2;
    /// Announced, not yet known to have happened: drawn with a dotted outline.
    pub const PLANNED: u8 = 4;

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

    pub fn is_planned(&self) -> bool {
        self.flags & Self::PLANNED != 0
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
