//! The draw list: everything the timeline shows, as a list of primitives in points, made by
//! one pure function from the scene, the view, the selection, the size and the theme.
//!
//! Every level-of-detail decision is made here: which lanes are density strips, which spans
//! get a row, which markers merge into a cluster, which labels fit, and the order things are
//! drawn in. The window and the SVG export only render the list, and the hit-test reads it,
//! so the screen, an image and a click always agree.

use super::geom::{Rect, Rgba};
use super::scene::{MAX_SPAN_ROWS, Mark, MarkShape, Scene};
use super::text::{TextMeasure, truncate_to_width};
use super::theme::Theme;
use super::ticks::{date_ticks, day_label};
use super::view::{TimeAxis, TimeView, ViewLimits};
use crate::model::date::Precision;
use crate::model::store::EventStore;

/// Sizes of the chart, in points, shared by the screen and the exports.
pub mod metrics {
    pub const FONT_PX: f32 = 12.0;
    pub const LANE_NAME_FONT_PX: f32 = 13.0;
    pub const LEGEND_ROW_PX: f32 = 20.0;
    pub const ERA_ROW_PX: f32 = 20.0;
    pub const AXIS_HEIGHT_PX: f32 = 24.0;
    pub const NAMES_MIN_WIDTH_PX: f32 = 80.0;
    pub const NAMES_MAX_WIDTH_PX: f32 = 200.0;
    pub const SPAN_ROW_PX: f32 = 20.0;
    pub const SPAN_BAR_PX: f32 = 16.0;
    pub const MARKER_ROW_PX: f32 = 28.0;
    pub const LANE_PAD_PX: f32 = 4.0;
    pub const MARKER_RADIUS_PX: f32 = 6.0;
    /// A span is drawn at least this wide, so it stays visible and clickable.
    pub const MIN_SPAN_PX: f32 = 6.0;
    pub const GAP_PX: f32 = 4.0;
    /// A label needs at least this much room, or it is left out.
    pub const MIN_LABEL_PX: f32 = 36.0;
    /// The selected event's label may be this wide.
    pub const SELECTED_LABEL_PX: f32 = 340.0;
    /// Date labels on the axis are at least this far apart.
    pub const TICK_SPACING_PX: f64 = 100.0;
    /// Density strips are drawn in columns this wide.
    pub const DENSITY_COLUMN_PX: f32 = 2.0;
    pub const SCROLLBAR_PX: f32 = 8.0;
    /// How far from a mark a click or the pointer still hits it.
    pub const HIT_RADIUS_PX: f32 = 5.0;
}

use metrics::*;

/// A lane with more marks in view than this per point is drawn as density only…
pub const DENSITY_ONLY_PER_PX: f64 = 0.5;
/// …and with fewer than this as marks only; in between, both, blended, so that zooming in
/// moves smoothly from one to the other.
pub const MARKS_ONLY_PER_PX: f64 = 0.2;

/// A lane whose marks in view fall in at most this many density columns…
const MAX_CLUSTER_COLUMNS: usize = 200;
/// …and are at most this many is drawn as markers and clusters, not as density.
const MAX_CLUSTERED_MARKS: usize = 20_000;

/// How a lane is drawn at the current zoom: 0 is marks only, 1 is density only.
pub fn density_weight(marks_in_view: usize, width_px: f32) -> f32 {
    let per_px = marks_in_view as f64 / f64::from(width_px.max(1.0));
    ((per_px - MARKS_ONLY_PER_PX) / (DENSITY_ONLY_PER_PX - MARKS_ONLY_PER_PX)).clamp(0.0, 1.0)
        as f32
}

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
        mark: MarkId,
    },
    /// An event of one day.
    Marker {
        center: [f32; 2],
        color: Rgba,
        /// Hollow: the date was worked out.
        inferred: bool,
        draft: bool,
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
}

impl LaneBox {
    fn bottom_px(&self) -> f32 {
        self.top_px + self.height_px
    }

    /// The rows and the markers' row sit together, centred in the lane.
    fn content_top(&self) -> f32 {
        let content = f32::from(self.span_rows) * SPAN_ROW_PX + MARKER_ROW_PX;
        self.top_px + ((self.height_px - content) / 2.0).max(LANE_PAD_PX)
    }

    fn span_row_top(&self, row: usize) -> f32 {
        self.content_top() + row as f32 * SPAN_ROW_PX
    }

    fn marker_y(&self) -> f32 {
        self.content_top() + f32::from(self.span_rows) * SPAN_ROW_PX + MARKER_ROW_PX / 2.0
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

/// Everything the chart shows, in drawing order, and where its parts are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawList {
    pub primitives: Vec<Primitive>,
    pub layout: ChartLayout,
    pub lanes: Vec<LaneBox>,
    pub view: Option<TimeView>,
    /// The selected event's label waits here until everything else is drawn.
    pending_selected: Option<(f32, f32, Mark)>,
}

/// The legend's key to the shapes, after the colours.
const SHAPE_KEY: [&str; 3] = [
    "○ hollow / dashed: date inferred",
    "□ faint span: known only to the month or year",
    "◇ draft: not reviewed",
];

impl DrawList {
    /// Lays out and draws the whole chart.
    pub fn build(input: &DrawInput) -> Self {
        let mut list = Self {
            view: Some(input.view),
            ..Self::default()
        };
        let layout = list.layout(input);
        list.layout = layout;
        let theme = input.theme;
        let [width, height] = input.size_px;
        list.push(Primitive::Fill {
            rect: Rect::from_x_y(0.0, width, 0.0, height),
            color: theme.background,
            layer: Layer::Chart,
        });
        list.lane_bands(input);
        list.eras(input);
        list.grid_and_ticks(input);
        let hidden_per_lane: Vec<usize> = (0..list.lanes.len())
            .map(|lane| {
                if list.lane_visible(lane) {
                    list.lane_marks(input, lane)
                } else {
                    0
                }
            })
            .collect();
        list.selected_label(input);
        list.lane_names(input, &hidden_per_lane);
        list.legend(input);
        list.scrollbar(input);
        if input.scene.marks().is_empty() {
            list.push(text(
                input.measure,
                input.empty_message,
                FONT_PX + 3.0,
                layout.plot.center(),
                theme.weak_text,
                Layer::Chart,
                TextRole::Message,
                true,
            ));
        }
        list
    }

    fn push(&mut self, primitive: Primitive) {
        self.primitives.push(primitive);
    }

    fn lane_visible(&self, lane: usize) -> bool {
        self.lanes.get(lane).is_some_and(|b| {
            b.bottom_px() > self.layout.plot.top() && b.top_px < self.layout.plot.bottom()
        })
    }

    /// The chart's parts and the lanes' heights.
    fn layout(&mut self, input: &DrawInput) -> ChartLayout {
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
        let extra = if total < plot.height() && !input.scene.lanes.is_empty() {
            (plot.height() - total) / input.scene.lanes.len() as f32
        } else {
            0.0
        };
        let content_height = total + extra * input.scene.lanes.len() as f32;
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
            .map(|lane| {
                let height = lane_height(lane.span_rows.min(cap)) + extra;
                let fitting_rows = ((height - 2.0 * LANE_PAD_PX - MARKER_ROW_PX) / SPAN_ROW_PX)
                    .floor()
                    .clamp(0.0, f32::from(MAX_SPAN_ROWS)) as u8;
                let lane_box = LaneBox {
                    top_px: top,
                    height_px: height,
                    span_rows: lane
                        .span_rows
                        .clamp(1, MAX_SPAN_ROWS)
                        .min(fitting_rows.max(1)),
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

    fn lane_bands(&mut self, input: &DrawInput) {
        let plot = self.layout.plot;
        for lane in (1..self.lanes.len()).step_by(2) {
            let lane_box = self.lanes[lane];
            let rect = Rect::from_x_y(
                0.0,
                plot.right(),
                lane_box.top_px.max(plot.top()),
                lane_box.bottom_px().min(plot.bottom()),
            );
            if rect.height() > 0.0 {
                self.push(Primitive::Fill {
                    rect,
                    color: input.theme.lane_band,
                    layer: Layer::Chart,
                });
            }
        }
    }

    fn eras(&mut self, input: &DrawInput) {
        let axis = self.layout.time_axis(input.view);
        let (plot, row) = (self.layout.plot, self.layout.eras);
        for (index, era) in input.eras.iter().enumerate() {
            if !input.view.overlaps(era.start_days, era.end_days) {
                continue;
            }
            let left = axis.x_from_days(era.start_days).max(plot.left());
            let right = axis.x_from_days(era.end_days).min(plot.right());
            // Alternate two shades, so that neighbouring eras read apart.
            let tint = if index % 2 == 0 {
                Rgba([120, 140, 200, if input.theme.dark { 40 } else { 26 }])
            } else {
                Rgba([200, 150, 90, if input.theme.dark { 40 } else { 26 }])
            };
            self.push(Primitive::Fill {
                rect: Rect::from_x_y(left, right, row.top(), plot.bottom()),
                color: tint,
                layer: Layer::Chart,
            });
            let room = right - left - 2.0 * GAP_PX;
            if room >= MIN_LABEL_PX {
                let label = truncate_to_width(input.measure, &era.label, FONT_PX, room);
                self.push(text(
                    input.measure,
                    &label,
                    FONT_PX,
                    [left + GAP_PX, row.center()[1]],
                    input.theme.weak_text,
                    Layer::Chart,
                    TextRole::Era,
                    false,
                ));
            }
        }
    }

    /// Grid lines through the plot and date labels under it, none cut at either edge.
    fn grid_and_ticks(&mut self, input: &DrawInput) {
        let axis = self.layout.time_axis(input.view);
        let plot = self.layout.plot;
        let min_step_days =
            TICK_SPACING_PX * input.view.width_days() / f64::from(plot.width().max(1.0));
        for tick in date_ticks(
            input.view.min_days,
            input.view.max_days,
            min_step_days / 4.0,
        ) {
            self.push(Primitive::GridLine {
                x: axis.x_from_days(tick.days),
                top: plot.top(),
                bottom: plot.bottom(),
                color: input.theme.grid_minor,
            });
        }
        let mut ticks = date_ticks(input.view.min_days, input.view.max_days, min_step_days);
        if ticks.is_empty() {
            // A view inside one step still says where it is.
            ticks.push(super::ticks::Tick {
                days: input.view.center_days(),
                label: day_label(input.view.center_days()),
            });
        }
        let label_y = self.layout.axis.top() + AXIS_HEIGHT_PX / 2.0;
        let mut last_right = f32::NEG_INFINITY;
        for tick in ticks {
            let x = axis.x_from_days(tick.days);
            self.push(Primitive::GridLine {
                x,
                top: plot.top(),
                bottom: plot.bottom() + 4.0,
                color: input.theme.grid_major,
            });
            let width = input.measure.text_width_px(&tick.label, FONT_PX);
            // Centred on its tick, but pushed inside the plot rather than cut at an edge.
            let left =
                (x - width / 2.0).clamp(plot.left(), (plot.right() - width).max(plot.left()));
            if left < last_right + 2.0 * GAP_PX {
                continue;
            }
            last_right = left + width;
            self.push(Primitive::Text {
                rect: Rect::from_x_y(
                    left,
                    left + width,
                    label_y - FONT_PX * 0.6,
                    label_y + FONT_PX * 0.6,
                ),
                text: tick.label,
                font_px: FONT_PX,
                color: input.theme.text,
                layer: Layer::Chart,
                plate: None,
                role: TextRole::Tick,
            });
        }
    }

    /// The marks of one lane, as density, spans, markers and clusters, with their labels.
    /// Returns how many spans in view found no row.
    fn lane_marks(&mut self, input: &DrawInput, lane: usize) -> usize {
        let scene = input.scene;
        let lane_box = self.lanes[lane];
        let axis = self.layout.time_axis(input.view);
        let plot = self.layout.plot;
        let (from, to) = (input.view.min_days, input.view.max_days);
        let in_view = scene.count_between(lane, from, to);
        // At the narrowest zoom nothing can be spread further, so every event is drawn.
        let weight = if input.view.at_zoom_limit(input.limits) {
            0.0
        } else {
            density_weight(in_view, plot.width())
        };
        let lane_rgb = scene.lane_color(lane);
        let columns = (plot.width() / DENSITY_COLUMN_PX).ceil().max(1.0) as usize;
        // Whole columns: the last one may reach a little past the plot's edge.
        let columns_to = axis.days_from_x(plot.left() + columns as f32 * DENSITY_COLUMN_PX);
        let counts =
            (weight > 0.0).then(|| scene.counts_per_column(lane, from, columns_to, columns));
        // Many events on a few days read better as clusters with their number than as a
        // few tall blocks.
        let occupied = counts
            .as_ref()
            .map_or(0, |c| c.iter().filter(|&&n| n > 0).count());
        let weight = if in_view <= MAX_CLUSTERED_MARKS && occupied <= MAX_CLUSTER_COLUMNS {
            0.0
        } else {
            weight
        };
        if let Some(counts) = counts.filter(|_| weight > 0.0) {
            let busiest = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
            let heights = counts
                .iter()
                .map(|&c| {
                    if c == 0 {
                        0.0
                    } else {
                        (c as f32 / busiest).sqrt().max(0.06)
                    }
                })
                .collect();
            self.push(Primitive::Density {
                rect: Rect::from_x_y(
                    plot.left(),
                    plot.left() + columns as f32 * DENSITY_COLUMN_PX,
                    lane_box.top_px + LANE_PAD_PX,
                    lane_box.bottom_px() - LANE_PAD_PX,
                ),
                column_px: DENSITY_COLUMN_PX,
                heights,
                counts,
                color: Rgba::rgb(lane_rgb).faded(weight * 0.85),
                lane: lane as u32,
                from_days: from,
                to_days: columns_to,
            });
        }
        if weight >= 1.0 {
            // The selected event stays in sight even in a strip.
            if let Some(mark) = input.selected.and_then(|event| {
                scene
                    .marks_between(lane, from, to)
                    .find(|m| m.event == event)
            }) {
                let row_item = RowItem::of(mark, &axis, plot);
                self.draw_item(input, &row_item, &lane_box, 0, 1.0);
            }
            return 0;
        }
        let opacity = 1.0 - weight;
        let (spans, days): (Vec<&Mark>, Vec<&Mark>) = scene
            .marks_between(lane, from, to)
            .partition(|m| m.is_span());
        let hidden = self.lane_spans(input, &lane_box, &spans, opacity);
        self.lane_markers(input, &lane_box, &days, opacity);
        hidden
    }

    /// Spans take the first row where they fit; a label goes inside its bar, or after it.
    fn lane_spans(
        &mut self,
        input: &DrawInput,
        lane_box: &LaneBox,
        spans: &[&Mark],
        opacity: f32,
    ) -> usize {
        let axis = self.layout.time_axis(input.view);
        let plot = self.layout.plot;
        let rows = usize::from(lane_box.span_rows.max(1));
        let mut row_items: Vec<Vec<RowItem>> = vec![Vec::new(); rows];
        let mut hidden = 0;
        for &mark in spans {
            let item = RowItem::of(mark, &axis, plot);
            // Spans that only touch (one year after the next) share a row.
            let row = row_items.iter().position(|items| {
                items
                    .last()
                    .is_none_or(|last| last.right <= item.left + 1.0)
            });
            match row {
                Some(row) => row_items[row].push(item),
                None if input.selected == Some(mark.event) => {
                    // The selected span always shows, over the last row.
                    row_items[rows - 1].push(item);
                }
                None => hidden += 1,
            }
        }
        for (row, items) in row_items.iter().enumerate() {
            let mut labels = Vec::new();
            for (index, item) in items.iter().enumerate() {
                let next_left = items.get(index + 1).map_or(plot.right(), |n| n.left);
                self.draw_item(input, item, lane_box, row, opacity);
                if input.selected == Some(item.mark.event) {
                    continue;
                }
                // Faint spans hold their label; solid bars have it after them, where the
                // text keeps its contrast.
                let vague = matches!(item.mark.shape, MarkShape::Vague(_));
                let inside = item.visible_right(plot) - item.visible_left(plot) - 2.0 * GAP_PX;
                let after = next_left.min(plot.right()) - item.right - 2.0 * GAP_PX;
                let needed = label_text(input.events, &item.mark)
                    .map_or(0.0, |t| input.measure.text_width_px(&t, FONT_PX));
                let (left, room) =
                    if vague && inside >= MIN_LABEL_PX && (inside >= needed || inside >= after) {
                        (item.visible_left(plot) + GAP_PX, inside)
                    } else {
                        (item.right + GAP_PX, after)
                    };
                if room >= MIN_LABEL_PX && opacity > 0.5 {
                    labels.push((
                        left,
                        room,
                        item.mark,
                        lane_box.span_row_top(row) + SPAN_BAR_PX / 2.0,
                    ));
                }
            }
            self.labels(input, &labels);
        }
        hidden
    }

    /// One-day events: markers, and clusters where they are too close to tell apart.
    fn lane_markers(
        &mut self,
        input: &DrawInput,
        lane_box: &LaneBox,
        days: &[&Mark],
        opacity: f32,
    ) {
        let axis = self.layout.time_axis(input.view);
        let plot = self.layout.plot;
        let y = lane_box.marker_y();
        // Groups of markers whose centres are closer than a marker's width.
        let mut groups: Vec<Vec<&Mark>> = Vec::new();
        let mut group_x = f32::NEG_INFINITY;
        for &mark in days {
            let x = axis.x_from_days(mark.center_days());
            match groups.last_mut() {
                Some(group) if x - group_x < 2.0 * MARKER_RADIUS_PX => group.push(mark),
                _ => {
                    groups.push(vec![mark]);
                    group_x = x;
                }
            }
        }
        let centers: Vec<f32> = groups
            .iter()
            .map(|g| {
                let sum: f32 = g.iter().map(|m| axis.x_from_days(m.center_days())).sum();
                sum / g.len() as f32
            })
            .collect();
        let mut labels = Vec::new();
        for (index, group) in groups.iter().enumerate() {
            let x = centers[index];
            let next_left = centers
                .get(index + 1)
                .map_or(plot.right(), |next| next - MARKER_RADIUS_PX);
            if let [mark] = group.as_slice() {
                let item = RowItem::of(mark, &axis, plot);
                self.draw_item(input, &item, lane_box, 0, opacity);
                let left = x + MARKER_RADIUS_PX + GAP_PX;
                let room = next_left - GAP_PX - left;
                if room >= MIN_LABEL_PX && opacity > 0.5 && input.selected != Some(mark.event) {
                    labels.push((left, room, **mark, y));
                }
                continue;
            }
            let first_color = input.scene.color_of(group[0]);
            let same_color = group.iter().all(|m| input.scene.color_of(m) == first_color);
            let color = if same_color {
                first_color
            } else {
                [110, 110, 120]
            };
            let (first, last) = (group[0], group[group.len() - 1]);
            self.push(Primitive::Cluster {
                center: [x, y],
                color: Rgba::rgb(color).faded(opacity),
                count: group.len(),
                lane: first.lane,
                from_days: first.start_days(),
                to_days: last.end_days(),
            });
            if let Some(&selected) = group.iter().find(|m| input.selected == Some(m.event)) {
                let item = RowItem::of(selected, &axis, plot);
                self.draw_item(input, &item, lane_box, 0, 1.0);
            }
        }
        self.labels(input, &labels);
    }

    /// Draws one mark; the selected one gets a ring and its label on a plate, at the end.
    fn draw_item(
        &mut self,
        input: &DrawInput,
        item: &RowItem,
        lane_box: &LaneBox,
        row: usize,
        opacity: f32,
    ) {
        let mark = item.mark;
        let id = MarkId {
            event: mark.event,
            lane: mark.lane,
        };
        let selected = input.selected == Some(mark.event);
        let opacity = if selected { 1.0 } else { opacity };
        let color = Rgba::rgb(input.scene.color_of(&mark)).faded(opacity);
        let rect = match mark.shape {
            MarkShape::Day => {
                let center = [item.center_x(), lane_box.marker_y()];
                self.push(Primitive::Marker {
                    center,
                    color,
                    inferred: mark.is_inferred(),
                    draft: mark.is_draft(),
                    mark: id,
                });
                Rect::from_x_y(
                    center[0] - MARKER_RADIUS_PX,
                    center[0] + MARKER_RADIUS_PX,
                    center[1] - MARKER_RADIUS_PX,
                    center[1] + MARKER_RADIUS_PX,
                )
            }
            _ => {
                let top = lane_box.span_row_top(row);
                let rect = Rect::from_x_y(item.left, item.right, top, top + SPAN_BAR_PX);
                self.push(Primitive::Span {
                    rect,
                    color,
                    vague: matches!(mark.shape, MarkShape::Vague(_)),
                    inferred: mark.is_inferred(),
                    draft: mark.is_draft(),
                    mark: id,
                });
                rect
            }
        };
        if selected {
            self.push(Primitive::Ring {
                rect: rect.expand(3.0),
                round: mark.shape == MarkShape::Day,
                color: input.theme.selection,
                width_px: 2.5,
            });
            let label_y = rect.center()[1];
            let left = if mark.shape == MarkShape::Day || rect.width() < MIN_LABEL_PX * 2.0 {
                rect.right() + GAP_PX + 2.0
            } else {
                rect.left().max(self.layout.plot.left()) + GAP_PX
            };
            self.pending_selected = Some((left, label_y, mark));
        }
    }

    /// Labels at `(left, room, mark, centre y)`, each cut to its room.
    fn labels(&mut self, input: &DrawInput, labels: &[(f32, f32, Mark, f32)]) {
        for &(left, room, mark, y) in labels {
            let Some(title) = label_text(input.events, &mark) else {
                continue;
            };
            let room = room.min(self.layout.plot.right() - left - GAP_PX);
            let shown = truncate_to_width(input.measure, &title, FONT_PX, room);
            if shown.is_empty() || shown == "…" {
                continue;
            }
            self.push(text(
                input.measure,
                &shown,
                FONT_PX,
                [left, y],
                input.theme.text,
                Layer::Plot,
                TextRole::Label,
                false,
            ));
        }
    }

    /// The selected event's label, over everything else, on a plate.
    fn selected_label(&mut self, input: &DrawInput) {
        let Some((left, y, mark)) = self.pending_selected.take() else {
            return;
        };
        let Some(title) = label_text(input.events, &mark) else {
            return;
        };
        let plot = self.layout.plot;
        let mut room = SELECTED_LABEL_PX.min(plot.right() - left - GAP_PX);
        let mut left = left;
        if room < MIN_LABEL_PX * 2.0 {
            // No room on the right: the label ends left of the mark instead.
            room = SELECTED_LABEL_PX.min(plot.width() - 2.0 * GAP_PX);
            let width = input.measure.text_width_px(&title, FONT_PX).min(room);
            left = (left - 3.0 * GAP_PX - 2.0 * MARKER_RADIUS_PX - width).max(plot.left() + GAP_PX);
        }
        let shown = truncate_to_width(input.measure, &title, FONT_PX, room);
        let mut label = text(
            input.measure,
            &shown,
            FONT_PX,
            [left, y],
            input.theme.text,
            Layer::Plot,
            TextRole::Label,
            false,
        );
        if let Primitive::Text { plate, .. } = &mut label {
            *plate = Some(input.theme.background.faded(0.92));
        }
        self.push(label);
    }

    /// The lane names, left of the plot, with a note of spans that found no row.
    fn lane_names(&mut self, input: &DrawInput, hidden_per_lane: &[usize]) {
        let names = self.layout.names;
        self.push(Primitive::Fill {
            rect: Rect::from_x_y(0.0, names.right(), names.top(), names.bottom()),
            color: input.theme.background,
            layer: Layer::Chart,
        });
        for (lane, lane_box) in self.lanes.clone().iter().enumerate() {
            if !self.lane_visible(lane) {
                continue;
            }
            if lane % 2 == 1 {
                self.push(Primitive::Fill {
                    rect: Rect::from_x_y(
                        0.0,
                        names.right(),
                        lane_box.top_px.max(names.top()),
                        lane_box.bottom_px().min(names.bottom()),
                    ),
                    color: input.theme.lane_band,
                    layer: Layer::Chart,
                });
            }
            let Some(scene_lane) = input.scene.lanes.get(lane) else {
                continue;
            };
            let center_y = (lane_box.top_px + lane_box.bottom_px()) / 2.0;
            let room = names.width() - 2.0 * GAP_PX - 4.0;
            let label =
                truncate_to_width(input.measure, &scene_lane.label, LANE_NAME_FONT_PX, room);
            let hidden = hidden_per_lane.get(lane).copied().unwrap_or(0);
            let name_y = if hidden > 0 { center_y - 7.0 } else { center_y };
            let width = input.measure.text_width_px(&label, LANE_NAME_FONT_PX);
            let primitive = text(
                input.measure,
                &label,
                LANE_NAME_FONT_PX,
                [names.right() - GAP_PX - 4.0 - width, name_y],
                input.theme.text,
                Layer::Chart,
                TextRole::LaneName,
                false,
            );
            self.push_in_names(primitive);
            if hidden > 0 {
                let note = format!("+{} hidden", group_thousands(hidden as u64));
                let width = input.measure.text_width_px(&note, FONT_PX - 1.0);
                let primitive = text(
                    input.measure,
                    &note,
                    FONT_PX - 1.0,
                    [names.right() - GAP_PX - 4.0 - width, name_y + 15.0],
                    input.theme.weak_text,
                    Layer::Chart,
                    TextRole::Note,
                    false,
                );
                self.push_in_names(primitive);
            }
        }
    }

    /// Pushes a lane name only when it is inside the names column, not over the legend or axis.
    fn push_in_names(&mut self, primitive: Primitive) {
        if let Primitive::Text { rect, .. } = &primitive
            && rect.top() >= self.layout.names.top()
            && rect.bottom() <= self.layout.names.bottom()
        {
            self.push(primitive);
        }
    }

    /// The colour key and the shape key, wrapped as whole items.
    fn legend(&mut self, input: &DrawInput) {
        let rows = legend_rows(input, input.size_px[0]);
        for (row, items) in rows.iter().enumerate() {
            let y = 2.0 + row as f32 * LEGEND_ROW_PX + LEGEND_ROW_PX / 2.0;
            for item in items {
                let mut x = item.left;
                if let Some(rgb) = item.color_rgb {
                    self.push(Primitive::LegendDot {
                        center: [x + 5.0, y],
                        color: Rgba::rgb(rgb),
                    });
                    x += 14.0;
                }
                let color = if item.color_rgb.is_some() {
                    input.theme.text
                } else {
                    input.theme.weak_text
                };
                self.push(text(
                    input.measure,
                    &item.label,
                    FONT_PX,
                    [x, y],
                    color,
                    Layer::Chart,
                    TextRole::Legend,
                    false,
                ));
            }
        }
    }

    fn scrollbar(&mut self, input: &DrawInput) {
        let layout = self.layout;
        if layout.max_scroll_px() <= 0.0 {
            return;
        }
        let plot = layout.plot;
        let track = Rect::from_x_y(
            plot.right() - SCROLLBAR_PX,
            plot.right(),
            plot.top(),
            plot.bottom(),
        );
        let visible = plot.height() / layout.content_height_px;
        let thumb_height = (track.height() * visible).max(24.0).min(track.height());
        let thumb_top = track.top()
            + (track.height() - thumb_height) * (layout.scroll_px / layout.max_scroll_px());
        self.push(Primitive::Scrollbar {
            track,
            thumb: Rect::from_x_y(
                track.left() + 1.0,
                track.right() - 1.0,
                thumb_top,
                thumb_top + thumb_height,
            ),
            color: input.theme.scrollbar,
        });
    }

    /// Every text of a role, in drawing order: for tests and the SVG check.
    pub fn texts(&self, role: TextRole) -> impl Iterator<Item = &str> {
        self.primitives.iter().filter_map(move |p| match p {
            Primitive::Text { text, role: r, .. } if *r == role => Some(text.as_str()),
            _ => None,
        })
    }

    /// How many markers, clusters and spans are drawn.
    pub fn mark_count(&self) -> usize {
        self.primitives
            .iter()
            .filter(|p| {
                matches!(
                    p,
                    Primitive::Marker { .. } | Primitive::Span { .. } | Primitive::Cluster { .. }
                )
            })
            .count()
    }
}

/// A mark's place along its row.
#[derive(Clone, Copy, Debug)]
struct RowItem {
    mark: Mark,
    left: f32,
    right: f32,
}

impl RowItem {
    fn of(mark: &Mark, axis: &TimeAxis, plot: Rect) -> Self {
        let (mut left, mut right) = (
            axis.x_from_days(mark.start_days()),
            axis.x_from_days(mark.end_days()),
        );
        if mark.shape == MarkShape::Day {
            let center = (left + right) / 2.0;
            (left, right) = (center - MARKER_RADIUS_PX, center + MARKER_RADIUS_PX);
        } else if right - left < MIN_SPAN_PX {
            let center = (left + right) / 2.0;
            (left, right) = (center - MIN_SPAN_PX / 2.0, center + MIN_SPAN_PX / 2.0);
        }
        // Far off-screen ends are brought near the plot, so that f32 keeps its precision.
        let margin = plot.width();
        Self {
            mark: *mark,
            left: left.max(plot.left() - margin),
            right: right.min(plot.right() + margin),
        }
    }

    fn center_x(&self) -> f32 {
        (self.left + self.right) / 2.0
    }

    fn visible_left(&self, plot: Rect) -> f32 {
        self.left.max(plot.left())
    }

    fn visible_right(&self, plot: Rect) -> f32 {
        self.right.min(plot.right())
    }
}

/// The label of a mark: its title, and for a vague date the date first, so that a span over
/// a whole year never reads as a day; a draft says so.
pub fn label_text(events: &EventStore, mark: &Mark) -> Option<String> {
    let event = events.get(mark.event as usize)?;
    let title = match mark.shape {
        MarkShape::Vague(_) => format!("{} · {}", event.span().display_long(), event.title()),
        _ => event.title().to_owned(),
    };
    Some(if mark.is_draft() {
        format!("DRAFT · {title}")
    } else {
        title
    })
}

/// A text primitive with its left edge at `at[0]` (or centred there) and centred on `at[1]`.
#[allow(clippy::too_many_arguments)]
fn text(
    measure: &dyn TextMeasure,
    text: &str,
    font_px: f32,
    at: [f32; 2],
    color: Rgba,
    layer: Layer,
    role: TextRole,
    centered: bool,
) -> Primitive {
    let width = measure.text_width_px(text, font_px);
    let left = if centered { at[0] - width / 2.0 } else { at[0] };
    let half_height = font_px * 0.6;
    Primitive::Text {
        rect: Rect::from_x_y(left, left + width, at[1] - half_height, at[1] + half_height),
        text: text.to_owned(),
        font_px,
        color,
        layer,
        plate: None,
        role,
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

/// One item of the legend.
struct LegendItem {
    left: f32,
    label: String,
    color_rgb: Option<[u8; 3]>,
}

/// The legend's items, in rows that fit `width`: a dot never parts from its label.
fn legend_rows(input: &DrawInput, width: f32) -> Vec<Vec<LegendItem>> {
    let mut rows: Vec<Vec<LegendItem>> = vec![Vec::new()];
    let mut x = 8.0;
    let has_inferred = input.scene.marks().iter().any(Mark::is_inferred);
    let has_vague = input.scene.marks().iter().any(|m| {
        matches!(
            m.shape,
            MarkShape::Vague(Precision::Year | Precision::Month)
        )
    });
    let has_draft = input.scene.lanes.iter().any(|l| l.drafts);
    let keys = SHAPE_KEY
        .iter()
        .zip([has_inferred, has_vague, has_draft])
        .filter(|(_, present)| *present)
        .map(|(key, _)| ((*key).to_owned(), None));
    let colors = input
        .scene
        .legend
        .iter()
        .map(|e| (e.label.clone(), Some(e.color_rgb)));
    for (label, color_rgb) in colors.chain(keys) {
        let item_width = input.measure.text_width_px(&label, FONT_PX)
            + if color_rgb.is_some() { 14.0 } else { 0.0 };
        if x + item_width > width - 8.0 && rows.last().is_some_and(|r| !r.is_empty()) {
            rows.push(Vec::new());
            x = 8.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push(LegendItem {
                left: x,
                label,
                color_rgb,
            });
        }
        x += item_width + 14.0;
    }
    rows
}

/// `765291` as "765,291".
pub fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
