//! The files and problems panel: each file with the format found in it, and every problem
//! the loader found, with its file and line; the column dialog of spreadsheets.

use super::PanelInput;
use crate::command::Command;
use crate::format::{file_gave, format_read};
use crate::model::Format;
use crate::model::Severity;
use crate::model::columns::SheetRole;
use crate::state::{DataSource, MappingEditor};

pub fn problems_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    let problems = &frame.data.dataset.problems;
    ui.horizontal(|ui| {
        ui.strong(format!("Problems ({})", problems.len()));
        ui.weak("Click a problem to copy its location (file:line).");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").clicked() {
                commands.push(Command::ToggleProblems);
            }
        });
    });
    files_ui(ui, frame, &mut commands);
    if problems.is_empty() {
        ui.weak("No problems: every file loaded cleanly.");
    }
    if frame.data.dataset.events.is_empty() && frame.data.dataset.file_count == 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "This folder holds no data files or articles, so there are no events to show.",
        );
    }
    // Only the rows in sight are laid out, so a folder with a million problems stays fast.
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        problems.len(),
        |ui, rows| {
            for problem in &problems[rows] {
                let (severity, color) = match problem.severity {
                    Severity::Error => ("Error", ui.visuals().error_fg_color),
                    Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
                };
                let text = format!("{severity}  {}  {}", problem.location(), problem.message);
                let row = ui.add(
                    egui::Label::new(egui::RichText::new(&text).color(color))
                        .sense(egui::Sense::click())
                        .truncate(),
                );
                if row
                    .on_hover_text(format!("{text}\n\nClick to copy the location"))
                    .clicked()
                {
                    commands.push(Command::CopyText(problem.location()));
                }
            }
        },
    );
    commands
}

/// One line per file: its name, the format found and its events; a spreadsheet has a button
/// to say which column is which.
fn files_ui(ui: &mut egui::Ui, frame: &PanelInput, commands: &mut Vec<Command>) {
    let files = &frame.data.dataset.files;
    if files.is_empty() {
        return;
    }
    let in_folder = matches!(frame.data.source, DataSource::Folder(_));
    ui.horizontal_wrapped(|ui| {
        for file in files {
            let text = format!(
                "{} · {} · {}",
                file.file,
                format_read(file),
                file_gave(file)
            );
            ui.label(egui::RichText::new(text).small());
            // Files inside a zip archive are read with the guess.
            let table = matches!(
                file.format,
                Format::Spreadsheet | Format::Workbook | Format::JsonList
            );
            if in_folder && table && file.columns.is_some() && !file.file.contains('/') {
                let button = ui
                    .small_button("Columns…")
                    .on_hover_text("Say which column holds the date, the title, …");
                if button.clicked() {
                    commands.push(Command::EditSheetMapping(file.file.clone()));
                }
            }
            ui.add_space(10.0);
        }
    });
    ui.separator();
}

/// The column dialog: a choice of column per role, and the order of day and month.
pub fn mapping_editor_ui(ctx: &egui::Context, editor: &MappingEditor) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = editor.clone();
    let mut open = true;
    egui::Window::new(format!("Columns of {}", editor.file))
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label("Which column holds what? A date (or a year) and a title are needed.");
            egui::Grid::new("mapping").num_columns(2).spacing([12.0, 4.0]).show(ui, |ui| {
                for role in SheetRole::ALL {
                    ui.label(role.label());
                    let current = edited.mapping.columns.get(&role).cloned();
                    let shown = current.clone().unwrap_or_else(|| "(none)".to_owned());
                    egui::ComboBox::from_id_salt(("role", role))
                        .selected_text(shown)
                        .width(200.0)
                        .show_ui(ui, |ui| {
                            if ui.selectable_label(current.is_none(), "(none)").clicked() {
                                edited.mapping.columns.remove(&role);
                            }
                            for column in &editor.header {
                                let chosen = current.as_deref() == Some(column.as_str());
                                if ui.selectable_label(chosen, column).clicked() {
                                    edited.mapping.columns.insert(role, column.clone());
                                }
                            }
                        });
                    ui.end_row();
                }
                ui.label("Dates like 03/04/2021");
                let order = match edited.mapping.day_first {
                    None => "guess from the values",
                    Some(true) => "day/month (3 April)",
                    Some(false) => "month/day (4 March)",
                };
                egui::ComboBox::from_id_salt("day_first")
                    .selected_text(order)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        for (value, text) in [
                            (None, "guess from the values"),
                            (Some(true), "day/month (3 April)"),
                            (Some(false), "month/day (4 March)"),
                        ] {
                            if ui.selectable_label(edited.mapping.day_first == value, text).clicked() {
                                edited.mapping.day_first = value;
                            }
                        }
                    });
                ui.end_row();
            });
            let usable = edited.mapping.is_usable();
            if !usable {
                ui.colored_label(ui.visuals().warn_fg_color, "Choose a date (or year) column and a title column.");
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(usable, egui::Button::new("Apply and reload")).clicked() {
                    commands.push(Command::ApplySheetMapping);
                }
                if ui.button("Use the guess").on_hover_text("Forget this mapping: the app guesses from the headers").clicked() {
                    commands.push(Command::ResetSheetMapping);
                }
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CloseMappingEditor);
                }
            });
            ui.weak("The choice is remembered for this file in the app's settings, never in the data folder.");
        });
    if !open {
        commands.push(Command::CloseMappingEditor);
    } else if edited != *editor {
        commands.push(Command::SetMappingEditor(edited));
    }
    commands
}
