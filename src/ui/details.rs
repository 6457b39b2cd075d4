//! The right panel: everything about the selected event.

use crate::app::{Command, TimelineApp};
use crate::model::Event;

pub fn details_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading("Event");
    let Some(event) = app.selected.and_then(|i| app.data.dataset.events.event(i)) else {
        ui.weak("Click an event on the timeline, or press → to step through them.");
        return commands;
    };
    // Labels are plain text widgets, so a screen reader reads every field in order.
    ui.add(egui::Label::new(egui::RichText::new(&event.title).strong().size(16.0)).wrap());
    ui.add_space(4.0);
    egui::Grid::new("event_fields")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            field_ui(ui, "Date", &event.span().display_long());
            field_ui(ui, "Category", event.category.label());
            if let Some(series) = &event.series {
                field_ui(ui, "Series", series);
            }
            if let Some(location) = &event.location {
                field_ui(ui, "Place", location);
            }
            if !event.organizers.is_empty() {
                field_ui(ui, "Organizers", &event.organizers.join("; "));
            }
            if !event.countries.is_empty() {
                let names: Vec<String> = event
                    .countries
                    .iter()
                    .map(|c| format!("{} ({})", c.name(), c.code()))
                    .collect();
                field_ui(ui, "Countries", &names.join(", "));
            }
            if !event.tags.is_empty() {
                field_ui(ui, "Tags", &event.tags.join(", "));
            }
        });
    if event.date_inferred {
        ui.weak("The date is inferred: it was worked out from the text (e.g. \"a week ago\"), not stated.");
    }

    if !event.summary.is_empty() {
        ui.add_space(6.0);
        ui.add(egui::Label::new(&event.summary).wrap());
    }
    participants_ui(ui, &event);
    people_ui(ui, &event);
    commands.extend(sources_ui(ui, &event));
    commands
}

fn field_ui(ui: &mut egui::Ui, name: &str, value: &str) {
    let name_label = ui.weak(name);
    ui.add(egui::Label::new(value).wrap())
        .labelled_by(name_label.id);
    ui.end_row();
}

fn participants_ui(ui: &mut egui::Ui, event: &Event) {
    if event.participants.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong("Participants");
    egui::Grid::new("participants")
        .num_columns(3)
        .spacing([12.0, 3.0])
        .striped(true)
        .show(ui, |ui| {
            ui.weak("Country");
            ui.weak("Count");
            ui.weak("Unit");
            ui.end_row();
            for participant in &event.participants {
                match participant.country {
                    Some(country) => ui.label(format!("{} {}", country.code(), country.name())),
                    None => ui.label("Total"),
                };
                ui.label(participant.count.to_string());
                ui.add(egui::Label::new(&participant.unit).wrap());
                ui.end_row();
            }
        });
}

fn people_ui(ui: &mut egui::Ui, event: &Event) {
    if event.people.is_empty() {
        return;
    }
    ui.add_space(8.0);
    ui.strong(format!("People ({})", event.people.len()));
    for person in &event.people {
        let mut line = person.name.clone();
        let details: Vec<String> = [
            person.role.clone(),
            person.organization.clone(),
            person.country.map(|c| c.name().to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !details.is_empty() {
            line.push_str(" — ");
            line.push_str(&details.join(", "));
        }
        ui.add(egui::Label::new(line).wrap());
    }
}

fn sources_ui(ui: &mut egui::Ui, event: &Event) -> Vec<Command> {
    let mut commands = Vec::new();
    if event.sources.is_empty() {
        return commands;
    }
    ui.add_space(8.0);
    ui.strong("Sources");
    for source in &event.sources {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(egui::RichText::new(format!("“{}”", source.quote)).italics())
                    .wrap(),
            );
            let credits: Vec<&str> = [&source.publisher, &source.published, &source.byline]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !credits.is_empty() {
                ui.add(egui::Label::new(egui::RichText::new(credits.join(" · ")).weak()).wrap());
            }
            if let Some(file) = &source.file {
                ui.weak(format!("Article file: {file}"));
            }
            // Only http and https open, and only on a click.
            match (source.web_url(), &source.url) {
                (Some(url), _) => {
                    let link = ui.link(url).on_hover_text("Open in the browser");
                    if link.clicked() {
                        commands.push(Command::OpenUrl(url.to_owned()));
                    }
                }
                (None, Some(url)) => {
                    ui.weak(format!("{url} (not a web link; not opened)"));
                }
                (None, None) => {}
            }
        });
    }
    commands
}
