//! The participant counts per country, for the selection or for everything in view. Counts
//! in different units are listed apart and never added together.

use egui::{Color32, Sense, Vec2};

use super::color32;
use crate::app::{Command, CountsScope, TimelineApp};
use crate::model::stats::{CountryCount, participants_by_country};

pub fn counts_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading("Participants by country");
    ui.horizontal(|ui| {
        let scope = app.settings.counts_scope;
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
    let (counts, event_count) = match app.settings.counts_scope {
        CountsScope::InView => {
            let counts = &app.data.range_counts;
            (
                counts.participants_in(&app.view),
                counts.events_in(&app.view),
            )
        }
        CountsScope::Selection => match app.selected.and_then(|i| app.data.dataset.events.get(i)) {
            Some(event) => (participants_by_country(event.participants()), 1),
            None => {
                ui.weak("No event is selected.");
                return commands;
            }
        },
    };
    ui.weak(match app.settings.counts_scope {
        CountsScope::InView => {
            format!("From {event_count} events in view; follows zoom, pan and filters.")
        }
        CountsScope::Selection => "For the selected event.".to_owned(),
    });
    if counts.is_empty() {
        ui.weak("These events report no participant numbers.");
        return commands;
    }
    counts_table_ui(ui, &counts);
    commands
}

/// One block per unit: a row per country with its colour, count, a bar and its event count.
fn counts_table_ui(ui: &mut egui::Ui, counts: &[CountryCount]) {
    // A fixed width: a width taken from the panel would make the panel grow with it.
    let bar_width = 80.0;
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
        egui::Grid::new(("counts", unit))
            .num_columns(4)
            .spacing([6.0, 2.0])
            .show(ui, |ui| {
                for count in unit_counts {
                    let (name, color) = match count.country {
                        Some(country) => (
                            format!("{} {}", country.code(), country.name()),
                            color32(country.color_rgb()),
                        ),
                        None => ("Total".to_owned(), Color32::GRAY),
                    };
                    ui.horizontal(|ui| {
                        let (chip, _) = ui.allocate_exact_size(Vec2::splat(10.0), Sense::hover());
                        ui.painter().rect_filled(chip, 2.0, color);
                        ui.label(name);
                    });
                    ui.label(egui::RichText::new(count.count.to_string()).monospace());
                    let (bar, _) =
                        ui.allocate_exact_size(Vec2::new(bar_width, 12.0), Sense::hover());
                    let filled =
                        bar.with_max_x(bar.left() + bar.width() * count.count as f32 / max as f32);
                    ui.painter().rect_filled(filled, 2.0, color);
                    let events = if count.event_count == 1 {
                        "1 event".to_owned()
                    } else {
                        format!("{} events", count.event_count)
                    };
                    ui.weak(events);
                    ui.end_row();
                }
            });
    }
}
