//! The marks of each lane: density strips, spans in rows, markers and clusters.

use super::super::geom::{Rect, Rgba};
use super::super::scene::{Mark, MarkShape};
use super::super::view::TimeAxis;
use super::frame::LaneBox;
use super::labels::label_text;
use super::metrics::*;
use super::primitive::{Layer, MarkId, Primitive};
use super::{DrawInput, DrawList};

impl DrawList {
    pub(super) fn lane_bands(&mut self, input: &DrawInput) {
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

    pub(super) fn lane_marks(&mut self, input: &DrawInput, lane: usize) -> usize {
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
        // A tall lane spreads its spans and markers over rows, each label whole, before it
        // hides or clusters them.
        let mut lane_box = lane_box;
        let spread = weight == 0.0 && spans.len() <= MAX_SPREAD_MARKERS;
        let (span_rows, hidden) = self.place_spans(input, &lane_box, &spans, spread);
        if spread && !spans.is_empty() {
            lane_box.span_rows = (span_rows.len() as u8).max(1);
        }
        let spread = (weight == 0.0)
            .then(|| self.spread_markers(input, &lane_box, &days))
            .flatten();
        if let Some(spread) = &spread {
            lane_box.marker_rows = spread.rows;
        }
        self.lane_spans(input, &lane_box, &span_rows, opacity);
        match spread {
            Some(spread) => self.draw_spread_markers(input, &lane_box, &spread),
            None => self.lane_markers(input, &lane_box, &days, opacity),
        }
        hidden
    }

    /// One-day markers in the first of the lane's marker rows where each, with its label,
    /// fits; labels are shortened in steps until all fit. `None` when even the shortest do
    /// not, or the lane has one row or too many markers: they are clustered then.
    fn spread_markers(
        &self,
        input: &DrawInput,
        lane_box: &LaneBox,
        days: &[&Mark],
    ) -> Option<SpreadMarkers> {
        let rows = usize::from(lane_box.marker_capacity());
        if rows < 2 || days.is_empty() || days.len() > MAX_SPREAD_MARKERS {
            return None;
        }
        let axis = self.layout.time_axis(input.view);
        let plot = self.layout.plot;
        let widths: Vec<f32> = (days.iter())
            .map(|mark| {
                label_text(input.events, mark)
                    .map_or(0.0, |t| input.measure.text_width_px(&t, FONT_PX))
            })
            .collect();
        'caps: for cap in [
            SELECTED_LABEL_PX,
            SELECTED_LABEL_PX / 2.0,
            MIN_LABEL_PX * 2.0,
        ] {
            let mut row_right = vec![f32::NEG_INFINITY; rows];
            let mut placed = Vec::with_capacity(days.len());
            for (&mark, &width) in days.iter().zip(&widths) {
                let x = axis.x_from_days(mark.center_days());
                let Some(row) =
                    (0..rows).find(|&row| row_right[row] + GAP_PX <= x - MARKER_RADIUS_PX)
                else {
                    continue 'caps;
                };
                let label_left = x + MARKER_RADIUS_PX + GAP_PX;
                let room = width.min(cap).min(plot.right() - GAP_PX - label_left);
                let room = if room >= MIN_LABEL_PX { room } else { 0.0 };
                row_right[row] = if room > 0.0 {
                    label_left + room
                } else {
                    x + MARKER_RADIUS_PX
                };
                placed.push((*mark, row, room));
            }
            let used = placed.iter().map(|&(_, row, _)| row + 1).max().unwrap_or(1);
            return Some(SpreadMarkers {
                rows: used as u8,
                placed,
            });
        }
        None
    }

    fn draw_spread_markers(
        &mut self,
        input: &DrawInput,
        lane_box: &LaneBox,
        spread: &SpreadMarkers,
    ) {
        let axis = self.layout.time_axis(input.view);
        let plot = self.layout.plot;
        let mut labels = Vec::new();
        for &(mark, row, room) in &spread.placed {
            let item = RowItem::of(&mark, &axis, plot);
            self.draw_item(input, &item, lane_box, row, 1.0);
            if room > 0.0 && input.selected != Some(mark.event) {
                let left = item.center_x() + MARKER_RADIUS_PX + GAP_PX;
                labels.push((left, room, mark, lane_box.marker_row_y(row)));
            }
        }
        self.labels(input, &labels);
    }

    /// Spans in rows: each in the first row where it and its label fit, else where the bar
    /// alone fits; the rows used, and how many spans found none.
    fn place_spans(
        &self,
        input: &DrawInput,
        lane_box: &LaneBox,
        spans: &[&Mark],
        spread: bool,
    ) -> (Vec<Vec<RowItem>>, usize) {
        let axis = self.layout.time_axis(input.view);
        let plot = self.layout.plot;
        let rows = usize::from(
            if spread {
                lane_box.span_capacity
            } else {
                lane_box.span_rows
            }
            .max(1),
        );
        let mut row_items: Vec<Vec<RowItem>> = vec![Vec::new(); rows];
        // Where each row is taken up to, label included.
        let mut row_right = vec![f32::NEG_INFINITY; rows];
        let mut hidden = 0;
        for &mark in spans {
            let item = RowItem::of(mark, &axis, plot);
            let label_end = if spread {
                item.right + GAP_PX + self.span_label_px(input, &item)
            } else {
                item.right
            };
            // Spans that only touch (one year after the next) share a row.
            let with_label = (0..rows).find(|&row| row_right[row] <= item.left + 1.0);
            let bar_only = || {
                (0..rows).find(|&row| {
                    row_items[row]
                        .last()
                        .is_none_or(|last| last.right <= item.left + 1.0)
                })
            };
            match with_label.or_else(bar_only) {
                Some(row) => {
                    row_right[row] = row_right[row].max(label_end.max(item.right));
                    row_items[row].push(item);
                }
                None if input.selected == Some(mark.event) => {
                    // The selected span always shows, over the last row.
                    row_items[rows - 1].push(item);
                }
                None => hidden += 1,
            }
        }
        while row_items.len() > 1 && row_items.last().is_some_and(Vec::is_empty) {
            row_items.pop();
        }
        (row_items, hidden)
    }

    /// The room a span's label takes after its bar: none when it fits inside a faint span.
    fn span_label_px(&self, input: &DrawInput, item: &RowItem) -> f32 {
        let plot = self.layout.plot;
        let needed = label_text(input.events, &item.mark)
            .map_or(0.0, |t| input.measure.text_width_px(&t, FONT_PX));
        let inside = item.visible_right(plot) - item.visible_left(plot) - 2.0 * GAP_PX;
        if matches!(item.mark.shape, MarkShape::Vague(_)) && inside >= needed {
            0.0
        } else {
            needed.min(SELECTED_LABEL_PX / 2.0) + GAP_PX
        }
    }

    /// Draws spans in their rows; a label goes inside its bar, or after it.
    pub(super) fn lane_spans(
        &mut self,
        input: &DrawInput,
        lane_box: &LaneBox,
        row_items: &[Vec<RowItem>],
        opacity: f32,
    ) {
        let plot = self.layout.plot;
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
    }

    /// One-day events: markers, and clusters where they are too close to tell apart.
    pub(super) fn lane_markers(
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
    pub(super) fn draw_item(
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
                let center = [item.center_x(), lane_box.marker_row_y(row)];
                self.push(Primitive::Marker {
                    center,
                    color,
                    inferred: mark.is_inferred(),
                    draft: mark.is_draft(),
                    planned: mark.is_planned(),
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
                    planned: mark.is_planned(),
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
}

/// One-day markers spread over a lane's rows: each mark with its row and its label's room.
pub(super) struct SpreadMarkers {
    rows: u8,
    placed: Vec<(Mark, usize, f32)>,
}

/// A mark's place along its row.
#[derive(Clone, Copy, Debug)]
pub(super) struct RowItem {
    mark: Mark,
    left: f32,
    right: f32,
}

impl RowItem {
    pub(super) fn of(mark: &Mark, axis: &TimeAxis, plot: Rect) -> Self {
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

    pub(super) fn center_x(&self) -> f32 {
        (self.left + self.right) / 2.0
    }

    pub(super) fn visible_left(&self, plot: Rect) -> f32 {
        self.left.max(plot.left())
    }

    pub(super) fn visible_right(&self, plot: Rect) -> f32 {
        self.right.min(plot.right())
    }
}
