//! The right panel: everything about the selected event, or the list of events in a spot too
//! crowded to click apart.

use super::PanelInput;
use crate::command::Command;
use crate::draft::Evidence;
use crate::format::group_thousands;
use crate::model::Event;
use crate::model::stats::NOT_SPLIT_BY_COUNTRY;
use crate::state::EventGroup;
use crate::text::upper_first;

/// Room kept free on the right, so that text never touches the scroll bar.
const SCROLL_BAR_ROOM_PX: f32 = 14.0;
/// A group lists this many events at most; the rest are counted.
const MAX_LISTED: usize = 500;

pub fn details_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    let selection = frame.selection;
    // A new selection gets a scroll area of its own, so it starts at the top.
    let scroll_id = (
        selection.event,
        selection.group.as_ref().map(|g| g.events.len()),
    );
    egui::ScrollArea::vertical()
        .id_salt(("details", scroll_id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_max_width((ui.available_width() - SCROLL_BAR_ROOM_PX).max(100.0));
            let event = selection
                .event
                .and_then(|i| frame.data.dataset.events.event(i as usize));
            match event {
                Some(event) => commands.extend(event_ui(ui, frame, &event)),
                None if selection.group.is_none() => {
                    ui.heading("Event");
                    ui.weak("Click an event on the timeline, or press → to step through them.");
                }
                None => {}
            }
            // The list a crowded spot was opened into stays below, to pick another.
            if let Some(group) = &selection.group {
                if selection.event.is_some() {
                    ui.separator();
                }
                commands.extend(group_ui(ui, frame, group));
            }
        });
    commands
}

/// The events of a crowded spot, each a link that selects it.
fn group_ui(ui: &mut egui::Ui, frame: &PanelInput, group: &EventGroup) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.heading(&group.title);
    for &index in group.events.iter().take(MAX_LISTED) {
        let Some(event) = frame.data.dataset.events.get(index as usize) else {
            continue;
        };
        let text = format!("{} · {}", event.span().display_long(), event.title());
        let selected = frame.selection.event == Some(index);
        if ui.selectable_label(selected, text).clicked() {
            commands.push(Command::Select(Some(index)));
        }
    }
    if group.events.len() > MAX_LISTED {
        ui.weak(format!(
            "… and {} more; narrow the filters to see them.",
            group_thousands((group.events.len() - MAX_LISTED) as u64)
        ));
    }
    commands
}

fn event_ui(ui: &mut egui::Ui, frame: &PanelInput, event: &Event) -> Vec<Command> {
    let mut commands = Vec::new();
    let draft = frame.selected_draft();
    if let Some(draft) = draft {
        commands.extend(super::review::review_bar_ui(ui, frame, draft));
    }
    // Labels are plain text widgets, so a screen reader reads every field in order.
    ui.add(egui::Label::new(egui::RichText::new(&event.title).strong().size(16.0)).wrap());
    ui.add_space(4.0);
    egui::Grid::new("event_fields")
        .num_columns(2)
        .spacing([10.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            field_ui(ui, "Date", &event.span().display_long());
            if event.planned {
                field_ui(
                    ui,
                    "Status",
                    "Planned: announced, not yet known to have happened",
                );
            }
            field_ui(ui, "Category", event.category.label());
            if let Some(series) = &event.series {
                field_ui(ui, "Series", series);
            }
            if let Some(location) = &event.location {
                field_ui(ui, "Place", location);
            }
            if !event.countries.is_empty() {
                let names: Vec<String> = event
                    .countries
                    .iter()
                    .map(|c| format!("{} ({})", c.name(), c.code()))
                    .collect();
                field_ui(ui, "Countries", &names.join(", "));
            }
            if !event.organizers.is_empty() {
                field_ui(ui, "Organizers", &event.organizers.join("; "));
            }
            if !event.tags.is_empty() {
                field_ui(ui, "Tags", &event.tags.join(", "));
            }
        });
    if event.date_inferred {
        ui.weak("The date is inferred: it was worked out from the text (e.g. \"a week ago\"), not stated.");
    }
    if let Some(draft) = draft {
        commands.extend(super::review::corrections_ui(ui, frame, draft));
    }
    // What people look for first: who took part, and how many.
    participants_ui(ui, event);
    people_ui(ui, event);
    if !event.summary.is_empty() {
        ui.add_space(8.0);
        ui.strong("Summary");
        ui.add(egui::Label::new(&event.summary).wrap());
    }
    let evidence = draft.map_or(&[][..], |d| d.draft.info.evidence.as_slice());
    commands.extend(sources_ui(ui, event, evidence));
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
                    None => ui.label(upper_first(NOT_SPLIT_BY_COUNTRY)),
                };
                match participant.qualifier {
                    Some(qualifier) => {
                        ui.label(format!(
                            "{} {}",
                            qualifier.words(),
                            group_thousands(participant.count)
                        ))
                        .on_hover_text("The source gives the number only roughly or as a bound");
                    }
                    None => {
                        ui.label(group_thousands(participant.count));
                    }
                }
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

/// Each source with its quote; for a draft, `evidence` marks the words each field came from.
fn sources_ui(ui: &mut egui::Ui, event: &Event, evidence: &[Evidence]) -> Vec<Command> {
    let mut commands = Vec::new();
    if event.sources.is_empty() {
        return commands;
    }
    ui.add_space(8.0);
    ui.strong("Sources");
    if !evidence.is_empty() {
        super::review::marks_legend_ui(ui, evidence);
    }
    for (index, source) in event.sources.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            if !source.quote.is_empty() {
                let job = super::review::marked_quote(ui, &source.quote, index, evidence);
                ui.add(egui::Label::new(job).wrap());
            }
            let credits: Vec<&str> = [&source.publisher, &source.published, &source.byline]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !credits.is_empty() {
                ui.add(egui::Label::new(egui::RichText::new(credits.join(" · ")).weak()).wrap());
            }
            if let Some(file) = &source.file {
                ui.add(
                    egui::Label::new(egui::RichText::new(format!("Article file: {file}")).weak())
                        .wrap(),
                );
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
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!("{url} (not a web link; not opened)"))
                                .weak(),
                        )
                        .wrap(),
                    );
                }
                (None, None) => {}
            }
        });
    }
    commands
}
