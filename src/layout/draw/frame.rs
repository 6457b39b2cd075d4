//! Where the chart's parts go: legend, eras, lane names, plot, axis, and each lane's box.

use super::super::geom::Rect;
use super::super::scene::{MAX_SPAN_ROWS, Scene};
use super::super::text::TextMeasure;
use super::super::theme::Theme;
use super::super::view::{TimeAxis, TimeView, ViewLimits};
use super::DrawList;
use super::chrome::legend_rows;
use super::metrics::*;
use super::primitive::Era;
use crate::model::store::EventStore;

/// Where the parts of the chart are.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ChartLayout {
    pub size: [f32; 2],
    pub legend: Rect,
    pub eras: Rect,
    pub names: Rect,
    pub plot: Rect,
    pub axis: Rect,
    /// The lanes' total height, which may be more than the plot's: then they scroll.
    pub content_height_px: f32,
    /// How far the lanes are scrolled, clamped to what there is.
    pub scroll_px: f32,
}

impl ChartLayout {
    /// The time axis of the plot.
    pub fn time_axis(&self, view: TimeView) -> TimeAxis {
        TimeAxis {
            view,
            left_px: self.plot.left(),
            right_px: self.plot.right(),
        }
    }

    /// The largest scroll offset.
    pub fn max_scroll_px(&self) -> f32 {
        (self.content_height_px - self.plot.height()).max(0.0)
    }
}

/// Where one lane is, and how many rows its spans get.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneBox {
    /// On screen (already scrolled).
    pub top_px: f32,
    pub height_px: f32,
    pub span_rows: u8,
    /// The rows one-day markers are in: one, unless the lane has room for more and its
    /// markers and labels need them.
    pub marker_rows: u8,
    /// How many span rows the lane's height holds, for spans and their labels to spread over.
    pub span_capacity: u8,
}

impl LaneBox {
    pub(super) fn bottom_px(&self) -> f32 {
        self.top_px + self.height_px
    }

    /// The rows and the markers' row sit together, centred in the lane.
    pub(super) fn content_top(&self) -> f32 {
        let extra_rows = f32::from(self.marker_rows.max(1) - 1);
        let content = f32::from(self.span_rows) * SPAN_ROW_PX
            + MARKER_ROW_PX
            + extra_rows * MARKER_ROW_STEP_PX;
        self.top_px + ((self.height_px - content) / 2.0).max(LANE_PAD_PX)
    }

    pub(super) fn span_row_top(&self, row: usize) -> f32 {
        self.content_top() + row as f32 * SPAN_ROW_PX
    }

    /// How many marker rows fit below the span rows.
    pub(super) fn marker_capacity(&self) -> u8 {
        let below_first_row = self.height_px
            - 2.0 * LANE_PAD_PX
            - f32::from(self.span_rows) * SPAN_ROW_PX
            - MARKER_ROW_PX;
        (1.0 + (below_first_row / MARKER_ROW_STEP_PX).floor())
            .clamp(1.0, f32::from(MAX_MARKER_ROWS)) as u8
    }

    pub(super) fn marker_y(&self) -> f32 {
        self.marker_row_y(0)
    }

    pub(super) fn marker_row_y(&self, row: usize) -> f32 {
        self.content_top()
            + f32::from(self.span_rows) * SPAN_ROW_PX
            + MARKER_ROW_PX / 2.0
            + row as f32 * MARKER_ROW_STEP_PX
    }
}

/// What the draw list is made from.
pub struct DrawInput<'a> {
    pub scene: &'a Scene,
    pub events: &'a EventStore,
    pub eras: &'a [Era],
    pub view: TimeView,
    pub limits: &'a ViewLimits,
    /// How far the lanes are scrolled down, in points.
    pub scroll_px: f32,
    pub size_px: [f32; 2],
    /// The selected event.
    pub selected: Option<u32>,
    pub theme: &'a Theme,
    pub measure: &'a dyn TextMeasure,
    /// Shown when there is nothing to draw.
    pub empty_message: &'a str,
}

impl DrawList {
    pub(super) fn layout(&mut self, input: &DrawInput) -> ChartLayout {
        let [width, height] = input.size_px;
        let names_width = names_width_px(input.scene, input.measure);
        let legend_height = legend_rows(input, width).len() as f32 * LEGEND_ROW_PX + 4.0;
        let eras_height = if input.eras.is_empty() {
            0.0
        } else {
            ERA_ROW_PX
        };
        let plot_top = legend_height + eras_height;
        let plot_bottom = (height - AXIS_HEIGHT_PX).max(plot_top + 20.0);
        let plot_right = (width - 4.0).max(names_width + 40.0);
        let plot = Rect::from_x_y(names_width, plot_right, plot_top, plot_bottom);

        // Lanes get the span rows they need while everything fits; else fewer, down to one,
        // and past that the lanes scroll.
        let lane_height =
            |rows: u8| 2.0 * LANE_PAD_PX + f32::from(rows) * SPAN_ROW_PX + MARKER_ROW_PX;
        let desired = |cap: u8| -> f32 {
            input
                .scene
                .lanes
                .iter()
                .map(|l| lane_height(l.span_rows.min(cap)))
                .sum()
        };
        let cap = (1..=MAX_SPAN_ROWS)
            .rev()
            .find(|&cap| desired(cap) <= plot.height())
            .unwrap_or(1);
        let total = desired(cap);
        // Height to spare goes to the lanes with more to show: by the square root of their
        // marks, so that a lane of one event is not as tall as one of hundreds.
        let weights: Vec<f32> = (0..input.scene.lanes.len())
            .map(|lane| (input.scene.lane_marks(lane).len().max(1) as f32).sqrt())
            .collect();
        let weight_sum: f32 = weights.iter().sum();
        let spare = if total < plot.height() {
            plot.height() - total
        } else {
            0.0
        };
        let extra_of = |lane: usize| {
            if weight_sum > 0.0 {
                spare * weights[lane] / weight_sum
            } else {
                0.0
            }
        };
        let content_height = total + spare;
        let max_scroll = (content_height - plot.height()).max(0.0);
        let scroll = if input.scroll_px.is_finite() {
            input.scroll_px.clamp(0.0, max_scroll)
        } else {
            0.0
        };
        let mut top = plot.top() - scroll;
        self.lanes = input
            .scene
            .lanes
            .iter()
            .enumerate()
            .map(|(index, lane)| {
                let height = lane_height(lane.span_rows.min(cap)) + extra_of(index);
                let room_rows = ((height - 2.0 * LANE_PAD_PX - MARKER_ROW_PX) / SPAN_ROW_PX)
                    .floor()
                    .max(0.0);
                let fitting_rows = room_rows.min(f32::from(MAX_SPAN_ROWS)) as u8;
                let span_rows = lane
                    .span_rows
                    .clamp(1, MAX_SPAN_ROWS)
                    .min(fitting_rows.max(1));
                let lane_box = LaneBox {
                    top_px: top,
                    height_px: height,
                    span_rows,
                    marker_rows: 1,
                    span_capacity: (room_rows.min(f32::from(MAX_SPREAD_SPAN_ROWS)) as u8)
                        .max(span_rows),
                };
                top += height;
                lane_box
            })
            .collect();
        ChartLayout {
            size: input.size_px,
            legend: Rect::from_x_y(0.0, width, 0.0, legend_height),
            eras: Rect::from_x_y(plot.left(), plot.right(), legend_height, plot_top),
            names: Rect::from_x_y(0.0, names_width, plot.top(), plot.bottom()),
            plot,
            axis: Rect::from_x_y(0.0, width, plot.bottom(), height.max(plot.bottom())),
            content_height_px: content_height,
            scroll_px: scroll,
        }
    }
}

/// The width of the lane names' column: the longest name, within limits.
pub fn names_width_px(scene: &Scene, measure: &dyn TextMeasure) -> f32 {
    scene
        .lanes
        .iter()
        .map(|l| measure.text_width_px(&l.label, LANE_NAME_FONT_PX))
        .fold(0.0_f32, f32::max)
        .clamp(NAMES_MIN_WIDTH_PX - 16.0, NAMES_MAX_WIDTH_PX - 16.0)
        + 16.0
}
