//! The central timeline: egui_plot gives the axes, the grid, dragging and box zoom; the
//! events are painted from the core's [`Scene`], so that the hit-test and the exports see
//! exactly what is drawn.

use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, Vec2};
use egui_plot::{GridMark, Plot};

use super::{color32, density_strip};
use crate::app::{Command, TimelineApp};
use crate::model::density::density_weight;
use crate::model::scene::{
    LabelSpot, MARKER_RADIUS_PX, Mark, MarkShape, Scene, hit_test, label_spot, mark_rect_px,
    place_labels,
};
use crate::model::ticks::{date_ticks, tick_label};
use crate::model::view::{ScreenTransform, TimeView};

/// More month- or year-long spans than this over the view of one lane are summed up in a note.
const MAX_VAGUE_SPANS_PER_LANE: usize = 6;
/// How far from a marker a click still selects it.
const HIT_RADIUS_PX: f32 = 6.0;
/// Date labels on the axis need about this much room.
const TICK_SPACING_PX: f64 = 95.0;
/// One notch of a mouse wheel (about 50 points of scroll) zooms by this factor.
const WHEEL_ZOOM_PER_POINT: f64 = 1.0 / 200.0;

pub fn timeline_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = Vec::new();
    // The chart, for image exports: the legend, the axes and the plot.
    let chart_rect = ui.available_rect_before_wrap();
    ui.ctx()
        .data_mut(|d| d.insert_temp(chart_rect_id(), chart_rect));
    let scene = &app.data.scene;
    let lane_count = scene.lanes.len().max(1);
    let lane_labels: Vec<String> = scene.lanes.iter().map(|l| l.label.clone()).collect();
    let label_font = FontId::proportional(13.0);
    let axis_width_px = lane_labels
        .iter()
        .map(|label| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(label.clone(), label_font.clone(), Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(60.0_f32, f32::max)
        + 12.0;

    legend_ui(ui, scene);
    let plot_width_px = f64::from((ui.available_width() - axis_width_px).max(100.0));
    let min_step_days = TICK_SPACING_PX * app.view.width_days() / plot_width_px;
    let view = app.view;
    let view_changed = app.view_changed;
    let wheel_zoom = ui.input(|i| i.smooth_scroll_delta);

    let plot = Plot::new("timeline")
        .invert_y(true)
        .allow_zoom([true, false])
        .allow_scroll(false)
        .allow_drag([true, false])
        .allow_boxed_zoom(true)
        .allow_double_click_reset(false)
        .allow_axis_zoom_drag(false)
        .show_x(false)
        .show_y(false)
        .show_grid([true, false])
        .y_axis_min_width(axis_width_px)
        .x_grid_spacer(move |input| {
            let major = date_ticks(input.bounds.0, input.bounds.1, min_step_days);
            let minor = date_ticks(input.bounds.0, input.bounds.1, min_step_days / 4.0);
            major
                .into_iter()
                .chain(minor)
                .map(|tick| GridMark {
                    value: tick.days,
                    step_size: tick.step_days,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _range| {
            if mark.step_size >= min_step_days {
                tick_label(mark.value, mark.step_size)
            } else {
                String::new()
            }
        })
        .y_grid_spacer(move |input| {
            let (first, last) = (
                input.bounds.0.ceil().max(0.0) as usize,
                input.bounds.1.floor().max(0.0) as usize,
            );
            (first..=last.min(lane_count - 1))
                .map(|lane| GridMark {
                    value: lane as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _range| {
            let lane = mark.value.round();
            if (mark.value - lane).abs() > 1e-6 || lane < 0.0 {
                return String::new();
            }
            lane_labels.get(lane as usize).cloned().unwrap_or_default()
        });

    let response = plot.show(ui, |plot_ui| {
        plot_ui.set_plot_bounds_y(-0.5..=lane_count as f64 - 0.5);
        if view_changed {
            plot_ui.set_plot_bounds_x(view.min_days..=view.max_days);
        }
        // The wheel zooms around the pointer, as in map and timeline tools.
        if plot_ui.response().hovered() && wheel_zoom.y != 0.0 {
            let factor = (f64::from(wheel_zoom.y) * WHEEL_ZOOM_PER_POINT).exp();
            plot_ui.zoom_bounds_around_hovered(Vec2::new(factor as f32, 1.0));
        }
    });

    let bounds = response.transform.bounds();
    let shown_view = TimeView {
        min_days: bounds.min()[0],
        max_days: bounds.max()[0],
    };
    if shown_view != view && !view_changed {
        commands.push(Command::SetView(shown_view));
    } else if view_changed {
        commands.push(Command::ViewAdopted);
    }

    let frame = *response.transform.frame();
    let transform = ScreenTransform {
        view: shown_view,
        top_lane: -0.5,
        bottom_lane: lane_count as f64 - 0.5,
        left_px: frame.left(),
        right_px: frame.right(),
        top_px: response.transform.position_from_point_y(-0.5),
        bottom_px: response
            .transform
            .position_from_point_y(lane_count as f64 - 0.5),
    };

    ui.ctx()
        .data_mut(|d| d.insert_temp(transform_id(), transform));
    let painter = ui.painter_at(frame);
    paint_lane_bands(&painter, &transform, scene.lanes.len(), ui.visuals());
    // Lanes with more events than pixels are drawn as density strips.
    let weights: Vec<f32> = (0..scene.lanes.len())
        .map(|lane| {
            let view = &transform.view;
            let in_view = app
                .data
                .density
                .events_between(lane, view.min_days, view.max_days);
            density_weight(in_view, frame.width())
        })
        .collect();
    density_strip::paint_density(&painter, app, &transform, &weights);
    // An image export shows the chart as it is, without the pointer's effects.
    let pointer = response
        .response
        .hover_pos()
        .filter(|_| !app.is_capturing());
    let hovered_bin = pointer.and_then(|p| density_strip::bin_at(app, &transform, &weights, p));
    let hovered_mark = pointer
        .filter(|_| hovered_bin.is_none())
        .and_then(|p| hit_test(scene, &transform, [p.x, p.y], HIT_RADIUS_PX));
    paint_marks(&painter, ui, app, &transform, &weights, hovered_mark);
    if scene.marks.is_empty() {
        let message = if app.data.dataset.events.is_empty() {
            "No events loaded. Open a folder with File > Open folder… (Ctrl+O)."
        } else {
            "No event matches the filters."
        };
        painter.text(
            frame.center(),
            Align2::CENTER_CENTER,
            message,
            FontId::proportional(16.0),
            ui.visuals().weak_text_color(),
        );
    }

    let plot_response = response.response;
    plot_response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Figure,
            true,
            "Timeline of events: drag to pan, wheel to zoom, click an event to select it",
        )
    });
    if plot_response.double_clicked() {
        commands.push(Command::FitAll);
    } else if plot_response.clicked() {
        let clicked_at = plot_response.interact_pointer_pos();
        // A click on a density strip zooms into it; elsewhere it selects the nearest event.
        match clicked_at.and_then(|p| density_strip::bin_at(app, &transform, &weights, p)) {
            Some(bin) => commands.push(Command::ZoomAround {
                days: bin.center_days(),
                factor: 8.0,
            }),
            None => {
                let clicked =
                    clicked_at.and_then(|p| hit_test(scene, &transform, [p.x, p.y], HIT_RADIUS_PX));
                commands.push(Command::Select(clicked.map(|m| m.event_index)));
            }
        }
    }
    if let Some(bin) = hovered_bin {
        plot_response.on_hover_ui_at_pointer(|ui| density_strip::tooltip_ui(ui, &bin));
    } else if let Some(mark) = hovered_mark {
        plot_response.on_hover_ui_at_pointer(|ui| tooltip_ui(ui, app, mark));
    }
    commands
}

fn chart_rect_id() -> egui::Id {
    egui::Id::unique("timeline_chart_rect")
}

/// Where the whole chart (legend, axes and plot) was drawn in the last frame.
pub fn last_chart_rect(ctx: &egui::Context) -> Option<Rect> {
    ctx.data(|d| d.get_temp(chart_rect_id()))
}

fn transform_id() -> egui::Id {
    egui::Id::unique("timeline_screen_transform")
}

/// Where the timeline was drawn in the last frame: for tests, and to crop image exports.
pub fn last_timeline_transform(ctx: &egui::Context) -> Option<ScreenTransform> {
    ctx.data(|d| d.get_temp(transform_id()))
}

/// Light alternate bands so each lane reads as a row.
fn paint_lane_bands(
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

fn paint_marks(
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
        let inferred = events[mark.event_index].date_inferred;
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
        .map(|&mark| {
            let event = &events[mark.event_index];
            let text = match mark.shape {
                MarkShape::Vague(_) => format!("{} · {}", event.span().display_long(), event.title),
                _ => event.title.clone(),
            };
            (mark, label_spot(mark, transform), text)
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

/// The colour key, one row above the chart.
fn legend_ui(ui: &mut egui::Ui, scene: &Scene) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for entry in &scene.legend {
            let (chip, _) = ui.allocate_exact_size(Vec2::new(10.0, 10.0), egui::Sense::hover());
            ui.painter()
                .circle_filled(chip.center(), 5.0, color32(entry.color_rgb));
            ui.label(egui::RichText::new(&entry.label).size(12.0));
            ui.add_space(8.0);
        }
        ui.add_space(8.0);
        ui.weak("○ hollow / dashed: date inferred · faint span: known only to the month or year");
    });
}

fn tooltip_ui(ui: &mut egui::Ui, app: &TimelineApp, mark: &Mark) {
    let Some(event) = app.data.dataset.events.get(mark.event_index) else {
        return;
    };
    ui.strong(&event.title);
    ui.label(event.span().display_long());
    if let Some(location) = &event.location {
        ui.label(location);
    }
    if !event.countries.is_empty() {
        let names: Vec<&str> = event.countries.iter().map(|c| c.name()).collect();
        ui.label(names.join(", "));
    }
    ui.weak("Click to see the details");
}
