//! What the draw list holds: the primitives, where each is clipped, and what a text is.

use super::super::geom::{Rect, Rgba};

/// One mark of the scene: an event in a lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MarkId {
    pub event: u32,
    pub lane: u32,
}

/// Where a primitive is clipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The whole chart.
    Chart,
    /// The plot: lanes right of the names, between the legend and the axis.
    Plot,
}

/// A labelled background band: a TimelineJS era.
#[derive(Clone, Debug, PartialEq)]
pub struct Era {
    pub label: String,
    pub start_days: f64,
    pub end_days: f64,
}

/// One thing to draw. Positions are in points from the chart's top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub enum Primitive {
    /// A filled rectangle: backgrounds, lane bands, eras.
    Fill {
        rect: Rect,
        color: Rgba,
        layer: Layer,
    },
    /// A vertical grid line.
    GridLine {
        x: f32,
        top: f32,
        bottom: f32,
        color: Rgba,
    },
    /// An event known over several days (a bar) or only to the month or year (a faint span).
    Span {
        rect: Rect,
        color: Rgba,
        vague: bool,
        /// Dashed outline: the date was worked out.
        inferred: bool,
        /// Hollow with a "draft" mark: not reviewed yet.
        draft: bool,
        /// Dotted outline: announced, not yet known to have happened.
        planned: bool,
        mark: MarkId,
    },
    /// An event of one day.
    Marker {
        center: [f32; 2],
        color: Rgba,
        /// Hollow: the date was worked out.
        inferred: bool,
        draft: bool,
        planned: bool,
        mark: MarkId,
    },
    /// Several one-day events too close to draw apart, with their number.
    Cluster {
        center: [f32; 2],
        color: Rgba,
        count: usize,
        lane: u32,
        from_days: f64,
        to_days: f64,
    },
    /// A lane with more events than pixels: one column per few points, as tall as the
    /// share of events there (square root, so that quiet stretches stay visible).
    Density {
        rect: Rect,
        column_px: f32,
        /// 0–1 of the rect's height, per column from the left.
        heights: Vec<f32>,
        /// Events per column, for tooltips.
        counts: Vec<u32>,
        color: Rgba,
        lane: u32,
        from_days: f64,
        to_days: f64,
    },
    /// A single line of text; `rect` is where it goes (left, top, its width and height).
    Text {
        rect: Rect,
        text: String,
        font_px: f32,
        color: Rgba,
        layer: Layer,
        /// An opaque plate behind the text, for the selected event's label.
        plate: Option<Rgba>,
        role: TextRole,
    },
    /// A ring around a selected or hovered mark.
    Ring {
        rect: Rect,
        round: bool,
        color: Rgba,
        width_px: f32,
    },
    /// A coloured dot of the legend.
    LegendDot { center: [f32; 2], color: Rgba },
    /// The vertical scroll bar of the lanes.
    Scrollbar {
        track: Rect,
        thumb: Rect,
        color: Rgba,
    },
}

impl Primitive {
    /// Where it is clipped: marks stay inside the plot.
    pub fn layer(&self) -> Layer {
        match self {
            Self::Fill { layer, .. } | Self::Text { layer, .. } => *layer,
            Self::Span { .. }
            | Self::Marker { .. }
            | Self::Cluster { .. }
            | Self::Density { .. }
            | Self::Ring { .. } => Layer::Plot,
            Self::GridLine { .. } | Self::LegendDot { .. } | Self::Scrollbar { .. } => Layer::Chart,
        }
    }
}

/// What a piece of text is, for the SVG's structure and for tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    Label,
    LaneName,
    Tick,
    Legend,
    Note,
    Era,
    Message,
}
