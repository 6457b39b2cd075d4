//! The participant counts per country, for the selection or for everything in view, and a
//! bar chart of the events in view per year. Counts in different units are listed apart
//! and never added together.

use egui::{Color32, Sense, Vec2};

use super::{PanelInput, color32};
use crate::command::Command;
use crate::export::ExportKind;
use crate::format::{events_phrase, group_thousands};
use crate::layout::view::TimeView;
use crate::model::date::{DayWindow, date_from_days, days_from_date, year_label};
use crate::model::stats::{CountryCount, RangeCounts};
use crate::state::CountsScope;

/// Widths of the counts table's columns, in points.
const NAME_WIDTH_PX: f32 = 104.0;
const COUNT_WIDTH_PX: f32 = 52.0;

const NOT_SPLIT_BY_COUNTRY_TIP: &str =
    "The source gives this number for the event as a whole, not for each country";

/// The bar chart has at most this many bars; longer spans are binned by decades, centuries…
const MAX_BARS: i64 = 60;

pub fn counts_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading("Participants by country");
    ui.horizontal(|ui| {
        let scope = frame.settings.counts_scope;
        if ui
            .selectable_label(scope == CountsScope::InView, "All in view")
            .clicked()
        {
            commands.push(Command::SetCountsScope(CountsScope::InView));
        }
        if ui
            .selectable_label(scope == CountsScope::Selection, "Selected event")
            .clicked()
        {
            commands.push(Command::SetCountsScope(CountsScope::Selection));
        }
    });
    let scope = frame.settings.counts_scope;
    let window = frame.view.window();
    let Some(counts) = (frame.data).counts_in_scope(scope, &window, frame.selection.event) else {
        ui.weak("Counting the events in view…");
        return commands;
    };
    match (scope, &frame.data.filtered.range_counts) {
        (CountsScope::InView, Some(range_counts)) => {
            let event_count = range_counts.events_in(&window);
            ui.weak(format!(
                "From {} in view; follows zoom, pan and filters.",
                events_phrase(event_count as u64)
            ));
            if event_count > 0 {
                events_per_year_ui(ui, range_counts, &frame.view);
            }
        }
        _ if frame.selection.event.is_none() => {
            ui.weak("No event is selected.");
            return commands;
        }
        _ => {
            ui.weak("For the selected event.");
        }
    }
    if counts.is_empty() {
        ui.weak("These events report no participant numbers.");
        return commands;
    }
    let export = ui
        .button("Export table as CSV…")
        .on_hover_text("Save these counts, one row per unit and country, as a CSV table");
    if export.clicked() {
        commands.push(Command::Export(ExportKind::CountsCsv));
    }
    counts_table_ui(ui, frame, &counts);
    commands
}

/// Events in view per year (or per decade, century… for long spans), as an egui_plot bar
/// chart; each bar is two binary searches.
fn events_per_year_ui(ui: &mut egui::Ui, counts: &RangeCounts, view: &TimeView) {
    let (Some(first), Some(last)) = (date_from_days(view.min_days), date_from_days(view.max_days))
    else {
        return;
    };
    let (first_year, last_year) = (
        i64::from(chrono::Datelike::year(&first)),
        i64::from(chrono::Datelike::year(&last)),
    );
    let span = last_year - first_year + 1;
    let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]
        .into_iter()
        .find(|step| span / step <= MAX_BARS)
        .unwrap_or(10_000);
    let start_of =
        |year: i64| chrono::NaiveDate::from_ymd_opt(year as i32, 1, 1).map(days_from_date);
    let mut bars = Vec::new();
    let mut year = first_year.div_euclid(step) * step;
    while year <= last_year {
        if let (Some(from), Some(to)) = (start_of(year), start_of(year + step)) {
            let in_bin = DayWindow {
                from_days: from.max(view.min_days),
                to_days: to.min(view.max_days),
            };
            let count = counts.events_in(&in_bin);
            let name = if step == 1 {
                year_label(year as i32)
            } else {
                format!(
                    "{} – {}",
                    year_label(year as i32),
                    year_label((year + step - 1) as i32)
                )
            };
            bars.push(
                egui_plot::Bar::new(year as f64 + step as f64 / 2.0, count as f64)
                    .width(step as f64 * 0.85)
                    .name(name),
            );
        }
        year += step;
    }
    if bars.is_empty() {
        return;
    }
    let unit = if step == 1 {
        "year".to_owned()
    } else {
        format!("{step} years")
    };
    ui.add_space(4.0);
    ui.label(format!("Events in view per {unit}"));
    let color = ui.visuals().selection.stroke.color;
    egui_plot::Plot::new("events_per_year")
        .height(90.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .y_axis_min_width(36.0)
        .x_axis_formatter(|mark, _| year_label(mark.value.round() as i32))
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(egui_plot::BarChart::new("events", bars).color(color));
        });
}

/// One block per unit: a row per country with its colour, count, a bar and its event count.
fn counts_table_ui(ui: &mut egui::Ui, frame: &PanelInput, counts: &[CountryCount]) {
    // A fixed width: a width taken from the panel would make the panel grow with it.
    let bar_width = 44.0;
    for unit_counts in counts.chunk_by(|a, b| a.unit == b.unit) {
        let unit = &unit_counts[0].unit;
        let max = unit_counts
            .iter()
            .map(|c| c.count)
            .max()
            .unwrap_or(1)
            .max(1);
        ui.add_space(6.0);
        ui.add(egui::Label::new(egui::RichText::new(unit).strong()).wrap());
        for count in unit_counts {
            let (name, color) = match count.country {
                Some(country) => (
                    format!("{} {}", country.code(), country.name()),
                    color32(frame.data.palette.color_of(country)),
                ),
                None => ("Not by country".to_owned(), Color32::GRAY),
            };
            // Fixed columns: the name is cut to its column, never the other way round.
            super::line_if_visible(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 6.0;
                    let (chip, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
                    ui.painter().rect_filled(chip, 2.0, color);
                    // Left-aligned in its column: `add_sized` would centre it.
                    let (name_rect, _) =
                        ui.allocate_exact_size(Vec2::new(NAME_WIDTH_PX, 16.0), Sense::hover());
                    let layout = egui::Layout::left_to_right(egui::Align::Center);
                    ui.scope_builder(
                        egui::UiBuilder::new().max_rect(name_rect).layout(layout),
                        |ui| ui.add(egui::Label::new(name).truncate()),
                    )
                    .inner
                    .on_hover_text(count.country.map_or(NOT_SPLIT_BY_COUNTRY_TIP, |c| c.name()));
                    ui.add_sized(
                        [COUNT_WIDTH_PX, 16.0],
                        egui::Label::new(
                            egui::RichText::new(group_thousands(count.count)).monospace(),
                        ),
                    );
                    let (bar, _) =
                        ui.allocate_exact_size(Vec2::new(bar_width, 12.0), Sense::hover());
                    let filled =
                        bar.with_max_x(bar.left() + bar.width() * count.count as f32 / max as f32);
                    ui.painter().rect_filled(filled, 2.0, color);
                    ui.weak(events_phrase(count.event_count as u64));
                });
            });
        }
    }
}
