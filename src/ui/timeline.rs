//! The central timeline: egui_plot gives the axes, the grid, dragging and box zoom; the
//! events are painted from the core's [`Scene`], so that the hit-test and the exports see
//! exactly what is drawn.

use egui::{Align2, Color32, FontId, Rect, Vec2};
use egui_plot::{GridMark, Plot};

use super::marks::{paint_lane_bands, paint_marks};
use super::{color32, density_strip};
use crate::app::{Command, TimelineApp};
use crate::model::density::density_weight;
use crate::model::scene::{Mark, Scene, hit_test};
use crate::model::ticks::{date_ticks, tick_label};
use crate::model::view::{ScreenTransform, TimeView};

/// How far from a marker a click still selects it.
const HIT_RADIUS_PX: f32 = 6.0;
/// Date labels on the axis need about this much room.
const TICK_SPACING_PX: f64 = 95.0;
/// Half the width of a character of the axis labels, to keep them whole at the edges.
const HALF_CHAR_WIDTH_PX: f64 = 3.6;
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
        .x_axis_formatter(move |mark, range| {
            if mark.step_size < min_step_days {
                return String::new();
            }
            let label = tick_label(mark.value, mark.step_size);
            // A label is centred on its tick: one closer to the right edge than half its width
            // would be cut off there ("202…"), so it is left out, and so is the label of a tick
            // left of the view, which would sit under the lane names. A tick just inside the
            // left edge keeps its label: the lane names' column leaves it room.
            let days_per_px = (range.end() - range.start()) / plot_width_px;
            let half_width_days = HALF_CHAR_WIDTH_PX * label.chars().count() as f64 * days_per_px;
            if mark.value < *range.start() || range.end() - mark.value < half_width_days {
                String::new()
            } else {
                label
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
    let Some(event) = app.data.dataset.events.event(mark.event_index) else {
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
