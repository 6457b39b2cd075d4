//! Painting the marks of the timeline and their titles, from the core's scene.

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke};

use super::color32;
use crate::app::TimelineApp;
use crate::model::scene::{
    LabelSpot, MARKER_RADIUS_PX, Mark, MarkShape, label_spot, label_text, mark_rect_px,
    place_labels,
};
use crate::model::view::ScreenTransform;

/// More month- or year-long spans than this over the view of one lane are summed up in a note.
const MAX_VAGUE_SPANS_PER_LANE: usize = 6;

/// Light alternate bands so each lane reads as a row.
pub fn paint_lane_bands(
    painter: &egui::Painter,
    transform: &ScreenTransform,
    lane_count: usize,
    visuals: &egui::Visuals,
) {
    let band = visuals.faint_bg_color;
    for lane in (1..lane_count).step_by(2) {
        let top = transform.y_from_lane(lane as f64 - 0.5);
        let bottom = transform.y_from_lane(lane as f64 + 0.5);
        painter.rect_filled(
            Rect::from_x_y_ranges(transform.left_px..=transform.right_px, top..=bottom),
            0.0,
            band,
        );
    }
}

pub fn paint_marks(
    painter: &egui::Painter,
    ui: &egui::Ui,
    app: &TimelineApp,
    transform: &ScreenTransform,
    weights: &[f32],
    hovered: Option<&Mark>,
) {
    let scene = &app.data.scene;
    let events = &app.data.dataset.events;
    let dark = ui.visuals().dark_mode;
    let outline = if dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(30)
    };
    let selection = ui.visuals().selection.stroke.color;
    let text_color = ui.visuals().strong_text_color();
    // Markers only where a lane is not all density; the selected event always.
    let mut visible: Vec<&Mark> = (0..scene.lanes.len())
        .filter(|&lane| weights[lane] < 1.0)
        .flat_map(|lane| scene.marks_in_view(lane, &transform.view))
        .chain(selected_marks(app).filter(|m| weights[m.lane] >= 1.0))
        .filter(|m| transform.view.overlaps(m.start_days, m.end_days))
        .collect();
    // Hundreds of year-long spans over a zoomed-in view would stack into one grey slab:
    // past a few per lane, they are summed up in a note instead.
    let mut vague_per_lane = vec![0_usize; scene.lanes.len()];
    for mark in &visible {
        if matches!(mark.shape, MarkShape::Vague(_)) {
            vague_per_lane[mark.lane] += 1;
        }
    }
    visible.retain(|m| {
        !matches!(m.shape, MarkShape::Vague(_))
            || vague_per_lane[m.lane] <= MAX_VAGUE_SPANS_PER_LANE
            || app.selected == Some(m.event_index)
    });
    for (lane, &count) in vague_per_lane.iter().enumerate() {
        if count > MAX_VAGUE_SPANS_PER_LANE && weights[lane] < 1.0 {
            let y = transform.y_from_lane(lane as f64) - transform.lane_height_px() * 0.42;
            let note = format!("+ {count} events known only to the month or year");
            painter.text(
                Pos2::new(transform.left_px + 4.0, y),
                Align2::LEFT_TOP,
                note,
                FontId::proportional(11.0),
                ui.visuals().weak_text_color(),
            );
        }
    }
    // Wide, vague spans first, so markers stay on top of them.
    visible.sort_by_key(|m| !matches!(m.shape, MarkShape::Vague(_)));

    for &mark in &visible {
        // Fading out as the lane turns into a density strip.
        let mut painter = painter.clone();
        if app.selected != Some(mark.event_index) {
            painter.multiply_opacity(1.0 - weights[mark.lane]);
        }
        let [left, top, right, bottom] = mark_rect_px(mark, transform);
        let rect = Rect::from_min_max(Pos2::new(left, top), Pos2::new(right, bottom));
        let color = color32(mark.color_rgb);
        let inferred = events
            .get(mark.event_index)
            .is_some_and(|e| e.span().inferred);
        let is_selected = app.selected == Some(mark.event_index);
        let is_hovered = hovered.is_some_and(|h| std::ptr::eq(h, mark));
        match mark.shape {
            MarkShape::Day => {
                let center = rect.center();
                if inferred {
                    painter.circle(
                        center,
                        MARKER_RADIUS_PX - 1.0,
                        ui.visuals().extreme_bg_color,
                        Stroke::new(2.5, color),
                    );
                } else {
                    painter.circle(
                        center,
                        MARKER_RADIUS_PX,
                        color,
                        Stroke::new(1.0, outline.gamma_multiply(0.6)),
                    );
                }
            }
            MarkShape::DayRange => {
                painter.rect(
                    rect,
                    3.0,
                    color,
                    Stroke::new(1.0, outline.gamma_multiply(0.6)),
                    egui::StrokeKind::Inside,
                );
            }
            MarkShape::Vague(_) => {
                painter.rect_filled(
                    rect,
                    2.0,
                    color.gamma_multiply(if dark { 0.35 } else { 0.22 }),
                );
                let border = Stroke::new(1.0, color.gamma_multiply(0.9));
                if inferred {
                    let corners = [
                        rect.left_top(),
                        rect.right_top(),
                        rect.right_bottom(),
                        rect.left_bottom(),
                        rect.left_top(),
                    ];
                    painter.extend(egui::Shape::dashed_line(&corners, border, 5.0, 3.0));
                } else {
                    painter.rect_stroke(rect, 2.0, border, egui::StrokeKind::Inside);
                }
            }
        }
        if is_selected || is_hovered {
            let stroke = if is_selected {
                Stroke::new(2.5, selection)
            } else {
                Stroke::new(1.5, outline)
            };
            let ring = rect.expand(3.0);
            match mark.shape {
                MarkShape::Day => {
                    painter.circle_stroke(ring.center(), MARKER_RADIUS_PX + 3.0, stroke);
                }
                _ => {
                    painter.rect_stroke(ring, 3.0, stroke, egui::StrokeKind::Outside);
                }
            }
        }
    }
    // Titles only in lanes drawn as markers.
    visible.retain(|m| weights[m.lane] < 0.5 || app.selected == Some(m.event_index));
    paint_labels(painter, ui, app, transform, &visible, text_color);
}

/// The marks of the selected event.
fn selected_marks(app: &TimelineApp) -> impl Iterator<Item = &Mark> {
    let selected = app
        .selected
        .and_then(|i| Some((i, app.data.dataset.events.get(i)?)));
    selected.into_iter().flat_map(|(index, event)| {
        let start_days = crate::model::date::days_from_date(event.span().first_day());
        app.data.scene.marks_of_event(index, start_days)
    })
}

/// Titles beside their marks, where there is room; the selected event's title always first.
fn paint_labels(
    painter: &egui::Painter,
    ui: &egui::Ui,
    app: &TimelineApp,
    transform: &ScreenTransform,
    visible: &[&Mark],
    text_color: Color32,
) {
    let events = &app.data.dataset.events;
    let font = FontId::proportional(12.5);
    let mut ordered: Vec<&Mark> = visible.to_vec();
    ordered.sort_by_key(|m| {
        let kind = match m.shape {
            MarkShape::Day => 1,
            MarkShape::DayRange => 2,
            MarkShape::Vague(_) => 3,
        };
        (app.selected != Some(m.event_index), kind)
    });
    // In a cramped lane only the selected title is written.
    let lane_height = transform.lane_height_px();
    let room = lane_height > 2.0 * font.size + 4.0 + 2.0 * MARKER_RADIUS_PX;
    ordered.retain(|m| room || app.selected == Some(m.event_index));
    let candidates: Vec<(&Mark, LabelSpot, String)> = ordered
        .iter()
        .filter_map(|&mark| {
            let event = events.get(mark.event_index)?;
            Some((mark, label_spot(mark, transform), label_text(mark, &event)))
        })
        .collect();
    // A first pass with estimated widths keeps the text layout to the titles that may fit:
    // with thousands of marks in view, laying out every title would cost more than the rest.
    let estimated: Vec<(usize, f32, f32)> = candidates
        .iter()
        .map(|(_, spot, text)| {
            let width = (text.chars().count() as f32 * font.size * 0.45).min(spot.max_width_px);
            (spot.row, spot.left_px(width), width)
        })
        .collect();
    let laid_out: Vec<(LabelSpot, std::sync::Arc<egui::Galley>)> = candidates
        .into_iter()
        .zip(place_labels(&estimated, 8.0))
        .filter(|(_, fits)| *fits)
        .map(|((_, spot, text), _)| {
            let mut job = egui::text::LayoutJob::simple_singleline(text, font.clone(), text_color);
            job.wrap = egui::text::TextWrapping::truncate_at_width(spot.max_width_px);
            (spot, ui.fonts_mut(|f| f.layout_job(job)))
        })
        .collect();
    let rows: Vec<(usize, f32, f32)> = laid_out
        .iter()
        .map(|(spot, galley)| (spot.row, spot.left_px(galley.size().x), galley.size().x))
        .collect();
    for ((spot, galley), show) in laid_out.into_iter().zip(place_labels(&rows, 8.0)) {
        if show {
            painter.galley(
                Pos2::new(spot.left_px(galley.size().x), spot.top_px),
                galley,
                text_color,
            );
        }
    }
}
