//! Around the lanes: eras, grid lines and date labels, the legend and the scroll bar.

use super::super::geom::{Rect, Rgba};
use super::super::scene::{Mark, MarkShape};
use super::super::text::truncate_to_width;
use super::super::ticks::{Tick, date_ticks};
use super::labels::text;
use super::metrics::*;
use super::primitive::{Layer, Primitive, TextRole};
use super::{DrawInput, DrawList};
use crate::format::day_label;
use crate::model::date::Precision;

/// The legend's key to the shapes, after the colours.
pub(super) const SHAPE_KEY: [&str; 4] = [
    "○ hollow / dashed: date inferred",
    "□ faint span: known only to the month or year",
    "◇ draft: not reviewed",
    "┈ dotted: planned, not yet happened",
];

impl DrawList {
    pub(super) fn eras(&mut self, input: &DrawInput) {
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
    pub(super) fn grid_and_ticks(&mut self, input: &DrawInput) {
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
            ticks.push(Tick {
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

    /// The colour key and the shape key, wrapped as whole items.
    pub(super) fn legend(&mut self, input: &DrawInput) {
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

    pub(super) fn scrollbar(&mut self, input: &DrawInput) {
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
}

/// One item of the legend.
pub(super) struct LegendItem {
    left: f32,
    label: String,
    color_rgb: Option<[u8; 3]>,
}

/// The legend's items, in rows that fit `width`: a dot never parts from its label.
pub(super) fn legend_rows(input: &DrawInput, width: f32) -> Vec<Vec<LegendItem>> {
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
    let has_planned = input.scene.marks().iter().any(Mark::is_planned);
    let keys = SHAPE_KEY
        .iter()
        .zip([has_inferred, has_vague, has_draft, has_planned])
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
