//! The filters: text search, categories, countries and a range of years.

use super::{PanelInput, color32};
use crate::command::Command;
use crate::format::group_thousands;
use crate::model::date::year_label;

/// The search box's id, for giving it the keyboard (Ctrl+F).
pub fn search_id() -> egui::Id {
    egui::Id::unique("filters_search")
}

pub fn filters_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut filters = frame.filters.clone();
    ui.heading("Filters");

    ui.horizontal(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut filters.text)
                .id(search_id())
                .hint_text("title, place, people, quotes… (Ctrl+F)")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });

    let summary = &frame.data.summary;
    let (first_year, last_year) = (summary.first_year, summary.last_year);
    ui.horizontal(|ui| {
        let mut from = filters.from_year.unwrap_or(first_year);
        let mut to = filters.to_year.unwrap_or(last_year);
        let label = ui.label("Years");
        let years = |value: f64, _| year_label(value.round() as i32);
        let from_changed = ui
            .add(
                egui::DragValue::new(&mut from)
                    .range(first_year..=last_year)
                    .custom_formatter(years),
            )
            .labelled_by(label.id)
            .changed();
        ui.label("to");
        let to_changed = ui
            .add(
                egui::DragValue::new(&mut to)
                    .range(first_year..=last_year)
                    .custom_formatter(years),
            )
            .labelled_by(label.id)
            .changed();
        if from_changed || to_changed {
            filters.from_year = (from != first_year).then_some(from.min(to));
            filters.to_year = (to != last_year).then_some(to.max(from));
        }
    });
    // Always there, greyed out without filters: a row that came and went would move
    // everything under the pointer.
    let filtering = !frame.filters.is_empty();
    ui.horizontal(|ui| {
        let shown = frame.data.shown().len() as u64;
        if ui
            .add_enabled(filtering && shown > 0, egui::Button::new("Fit to results"))
            .on_hover_text("Zoom the timeline to the events that pass the filters")
            .clicked()
        {
            commands.push(Command::FitAll);
        }
        if ui
            .add_enabled(filtering, egui::Button::new("Clear all filters"))
            .clicked()
        {
            filters = Default::default();
        }
    });

    egui::CollapsingHeader::new("Categories")
        .default_open(true)
        .show(ui, |ui| {
            for &(category, count) in &summary.events_per_category {
                let mut on = !filters.hidden_categories.contains(&category);
                let text = format!("{} ({})", category.label(), group_thousands(count as u64));
                ui.horizontal(|ui| {
                    chip_ui(ui, category.color_rgb());
                    if ui.checkbox(&mut on, text).changed() {
                        if on {
                            filters.hidden_categories.remove(&category);
                        } else {
                            filters.hidden_categories.insert(category);
                        }
                    }
                });
            }
        });
    egui::CollapsingHeader::new("Countries")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                if ui.small_button("All").clicked() {
                    filters.hidden_countries.clear();
                }
                if ui.small_button("None").clicked() {
                    filters.hidden_countries =
                        summary.events_per_country.iter().map(|&(c, _)| c).collect();
                }
            });
            let mut between = !filters.required_countries.is_empty();
            let between_box = ui
                .checkbox(&mut between, "Only events between all checked countries")
                .on_hover_text(
                    "For example: check only China and Japan to see what the two did together",
                );
            for &(country, count) in &summary.events_per_country {
                let mut on = !filters.is_country_hidden(country);
                super::line_if_visible(ui, |ui| {
                    ui.horizontal(|ui| {
                        chip_ui(ui, frame.data.palette.color_of(country));
                        let text = format!(
                            "{} {} ({})",
                            country.code(),
                            country.name(),
                            group_thousands(count as u64)
                        );
                        if ui.checkbox(&mut on, text).changed() {
                            if on {
                                filters.hidden_countries.remove(&country);
                            } else {
                                filters.hidden_countries.insert(country);
                            }
                        }
                    });
                });
            }
            // The countries required are the checked ones, as long as the box is ticked.
            filters.required_countries = if between
                && (between_box.changed() || !frame.filters.required_countries.is_empty())
            {
                summary
                    .events_per_country
                    .iter()
                    .map(|&(c, _)| c)
                    .filter(|c| !filters.hidden_countries.contains(c))
                    .collect()
            } else {
                Default::default()
            };
        });
    if !summary.events_per_tag.is_empty() {
        egui::CollapsingHeader::new("Tags")
            .default_open(summary.events_per_tag.len() <= 12)
            .show(ui, |ui| {
                for (tag, count) in &summary.events_per_tag {
                    let mut on = !filters.hidden_tags.contains(tag);
                    let text = format!("{tag} ({})", group_thousands(*count as u64));
                    if ui.add(egui::Checkbox::new(&mut on, text)).changed() {
                        if on {
                            filters.hidden_tags.remove(tag);
                        } else {
                            filters.hidden_tags.insert(tag.clone());
                        }
                    }
                }
            });
    }
    if filters != *frame.filters {
        commands.push(Command::SetFilters(filters));
    }
    commands
}

fn chip_ui(ui: &mut egui::Ui, rgb: [u8; 3]) {
    let (rect, _) = ui.allocate_exact_size(egui::Vec2::splat(10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color32(rgb));
}
