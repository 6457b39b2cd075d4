//! The filters: text search, categories, countries and a range of years.

use super::color32;
use crate::app::{Command, TimelineApp};

pub fn filters_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut filters = app.filters.clone();
    ui.heading("Filters");

    ui.horizontal(|ui| {
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut filters.text)
                .hint_text("title, summary, people…")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });

    let summary = &app.data.summary;
    let (first_year, last_year) = (summary.first_year, summary.last_year);
    ui.horizontal(|ui| {
        let mut from = filters.from_year.unwrap_or(first_year);
        let mut to = filters.to_year.unwrap_or(last_year);
        let label = ui.label("Years");
        let from_changed = ui
            .add(egui::DragValue::new(&mut from).range(first_year..=last_year))
            .labelled_by(label.id)
            .changed();
        ui.label("to");
        let to_changed = ui
            .add(egui::DragValue::new(&mut to).range(first_year..=last_year))
            .labelled_by(label.id)
            .changed();
        if from_changed || to_changed {
            filters.from_year = (from != first_year).then_some(from.min(to));
            filters.to_year = (to != last_year).then_some(to.max(from));
        }
    });

    egui::CollapsingHeader::new("Categories")
        .default_open(true)
        .show(ui, |ui| {
            for &(category, count) in &summary.events_per_category {
                let mut on = !filters.hidden_categories.contains(&category);
                let text = egui::RichText::new(format!("{} ({count})", category.label()));
                ui.horizontal(|ui| {
                    chip_ui(ui, category.color_rgb());
                    if ui.checkbox(&mut on, text).changed() {
                        if on {
                            filters.hidden_categories.remove(&category)
                        } else {
                            filters.hidden_categories.insert(category)
                        };
                    }
                });
            }
        });
    egui::CollapsingHeader::new("Countries")
        .default_open(true)
        .show(ui, |ui| {
            for &(country, count) in &summary.events_per_country {
                let mut on = !filters.is_country_hidden(country);
                ui.horizontal(|ui| {
                    chip_ui(ui, country.color_rgb());
                    if ui
                        .checkbox(
                            &mut on,
                            format!("{} {} ({count})", country.code(), country.name()),
                        )
                        .changed()
                    {
                        let code = country.code().to_owned();
                        if on {
                            filters.hidden_countries.remove(&code)
                        } else {
                            filters.hidden_countries.insert(code)
                        };
                    }
                });
            }
        });
    if !filters.is_empty() && ui.button("Clear all filters").clicked() {
        filters = Default::default();
    }
    if filters != app.filters {
        vec![Command::SetFilters(filters)]
    } else {
        Vec::new()
    }
}

fn chip_ui(ui: &mut egui::Ui, rgb: [u8; 3]) {
    let (rect, _) = ui.allocate_exact_size(egui::Vec2::splat(10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color32(rgb));
}
