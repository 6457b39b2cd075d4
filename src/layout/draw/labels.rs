//! Labels: beside their marks where they fit, the selected event's on a plate, lane names.

use super::super::geom::{Rect, Rgba};
use super::super::scene::{Mark, MarkShape};
use super::super::text::{TextMeasure, truncate_to_width};
use super::metrics::*;
use super::primitive::{Layer, Primitive, TextRole};
use super::{DrawInput, DrawList};
use crate::format::group_thousands;
use crate::model::store::EventStore;

impl DrawList {
    /// Labels at `(left, room, mark, centre y)`, each cut to its room.
    pub(super) fn labels(&mut self, input: &DrawInput, labels: &[(f32, f32, Mark, f32)]) {
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
    pub(super) fn selected_label(&mut self, input: &DrawInput) {
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
    pub(super) fn lane_names(&mut self, input: &DrawInput, hidden_per_lane: &[usize]) {
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
    pub(super) fn push_in_names(&mut self, primitive: Primitive) {
        if let Primitive::Text { rect, .. } = &primitive
            && rect.top() >= self.layout.names.top()
            && rect.bottom() <= self.layout.names.bottom()
        {
            self.push(primitive);
        }
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
pub(super) fn text(
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
