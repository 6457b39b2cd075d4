//! The menu bar, the status bar and the path field shown when no folder dialog can open.

use std::path::{Path, PathBuf};

use super::PanelInput;
use super::actions::Action;
use crate::command::Command;
use crate::export::ExportKind;
use crate::format::{count_of, group_thousands};
use crate::layout::scene::{ColorMode, LaneMode};
use crate::state::{PathEntry, PathPurpose};

pub fn menu_bar_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            commands.extend(Action::OpenFolder.menu_button(ui, true));
            ui.menu_button("Recent folders", |ui| {
                if frame.settings.recent_folders.is_empty() {
                    ui.label("No recent folders");
                }
                for folder in &frame.settings.recent_folders {
                    let exists = folder.is_dir();
                    let button = ui
                        .add_enabled(exists, egui::Button::new(folder.display().to_string()))
                        .on_disabled_hover_text("This folder no longer exists");
                    if button.clicked() {
                        commands.push(Command::OpenFolder(folder.clone()));
                    }
                }
            });
            commands.extend(Action::OpenSample.menu_button(ui, true));
            commands.extend(Action::Reload.menu_button(ui, frame.can(Action::Reload)));
            ui.separator();
            for export in [Action::ExportImage, Action::ExportSvg, Action::ExportCsv] {
                commands.extend(export.menu_button(ui, true));
            }
            commands.extend(Action::SaveAccepted.menu_button(ui, frame.can(Action::SaveAccepted)));
            ui.separator();
            commands.extend(Action::Quit.menu_button(ui, true));
        });
        ui.menu_button("View", |ui| {
            for command in [Action::FitAll, Action::ZoomIn, Action::ZoomOut] {
                commands.extend(command.menu_button(ui, true));
            }
            ui.separator();
            let has_selection = frame.selection.event.is_some();
            commands.extend(Action::SelectNext.menu_button(ui, true));
            commands.extend(Action::SelectPrevious.menu_button(ui, true));
            commands.extend(Action::ClearSelection.menu_button(ui, has_selection));
            ui.separator();
            let mut dark = frame.settings.dark_mode;
            if ui.checkbox(&mut dark, "Dark theme").changed() {
                commands.push(Command::SetDarkMode(dark));
            }
            let settings = frame.settings;
            for (action, shown) in [
                (Action::ToggleFilters, !settings.hide_filters),
                (Action::ToggleDetails, !settings.hide_details),
                (Action::ToggleProblems, settings.show_problems),
            ] {
                commands.extend(panel_checkbox(ui, action, shown));
            }
        });
        if !frame.data.dataset.drafts.is_empty() {
            ui.menu_button(drafts_menu_title(frame), |ui| {
                for command in [
                    Action::NextDraft,
                    Action::AcceptDraft,
                    Action::RejectDraft,
                    Action::BackToReview,
                    Action::SaveAccepted,
                    Action::RestoreRejected,
                ] {
                    commands.extend(command.menu_button(ui, frame.can(command)));
                }
            });
        }
        ui.separator();
        commands.extend(mode_selectors_ui(ui, frame));
    });
    commands
}

/// "Drafts (12 to review)": the menu says what is left.
fn drafts_menu_title(frame: &PanelInput) -> String {
    let to_review = frame
        .data
        .dataset
        .drafts
        .iter()
        .filter(|d| d.review.decision == crate::draft::Decision::Pending)
        .count();
    if to_review == 0 {
        "Drafts".to_owned()
    } else {
        format!("Drafts ({} to review)", group_thousands(to_review as u64))
    }
}

/// Lane and colour choosers, always in sight in the menu bar.
fn mode_selectors_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    let lanes_label = ui.label("Lanes:");
    for mode in LaneMode::ALL {
        let button = ui
            .selectable_label(frame.settings.lane_mode == mode, mode.label())
            .labelled_by(lanes_label.id);
        if button.clicked() {
            commands.push(Command::SetLaneMode(mode));
        }
    }
    ui.separator();
    let colour_label = ui.label("Colour by:");
    for mode in ColorMode::ALL {
        let button = ui
            .selectable_label(frame.settings.color_mode == mode, mode.label())
            .labelled_by(colour_label.id);
        if button.clicked() {
            commands.push(Command::SetColorMode(mode));
        }
    }
    commands
}

pub fn status_bar_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let total = frame.data.dataset.events.len() as u64;
        ui.label(format!(
            "{} of {} events shown",
            group_thousands(frame.data.shown().len() as u64),
            group_thousands(total)
        ));
        // No spinner: it repaints every frame, and on a machine without a GPU each frame
        // takes a core from the search.
        if frame.searching {
            ui.label("Searching…");
        }
        ui.separator();
        ui.label(format!("Data: {}", frame.data.source.display_name()));
        let errors = frame.data.summary.error_count;
        let warnings = frame.data.dataset.problems.len() - errors;
        if errors + warnings > 0 {
            ui.separator();
            let text = match (errors, warnings) {
                (0, w) => count_of(w as u64, "warning"),
                (e, 0) => count_of(e as u64, "error"),
                (e, w) => format!(
                    "{}, {}",
                    count_of(e as u64, "error"),
                    count_of(w as u64, "warning")
                ),
            };
            let color = if errors > 0 {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            let badge = ui.add(egui::Button::new(egui::RichText::new(text).color(color)).small());
            let (_, tooltip) = Action::ToggleProblems.text_and_tooltip();
            if badge.on_hover_text(tooltip).clicked() {
                commands.push(Action::ToggleProblems.command());
            }
        }
        if let Some(status) = &frame.loading {
            ui.separator();
            ui.label(format!("Loading {}…", status.name));
            ui.add(
                egui::ProgressBar::new(status.bytes_read as f32 / status.bytes_total.max(1) as f32)
                    .desired_width(160.0)
                    .text(format!(
                        "{}/{} files, {:.1} MB",
                        status.files_done,
                        status.files_total,
                        status.bytes_read as f64 / 1e6
                    )),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelLoad);
            }
        }
        if frame.dialog_open {
            ui.separator();
            ui.label("Waiting for the file dialog…");
        }
        if let Some(message) = frame.status_message {
            ui.separator();
            ui.add(egui::Label::new(message).truncate());
        }
    });
    commands
}

/// A small window to type or paste a path, for desktops with no file dialog.
pub fn path_entry_ui(ctx: &egui::Context, entry: &PathEntry) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut text = entry.text.clone();
    let mut open = true;
    let (title, prompt, hint) = match entry.purpose {
        PathPurpose::OpenFolder => (
            "Open a data folder",
            "Type or paste the folder's path:",
            "/path/to/data",
        ),
        PathPurpose::Save(_) => (
            "Export",
            "Type or paste the path to save to:",
            "/path/to/timeline.png",
        ),
    };
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, -120.0])
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(format!(
                "No file dialog is available on this desktop.\n{prompt}"
            ));
            let field = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .desired_width(420.0)
                    .hint_text(hint),
            );
            if entry.text.is_empty() && !field.has_focus() {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let path = PathBuf::from(text.trim());
            let (usable, problem) = match entry.purpose {
                PathPurpose::OpenFolder => (path.is_dir(), "There is no folder at this path."),
                PathPurpose::Save(_) => (
                    path.file_name().is_some()
                        && path
                            .parent()
                            .is_none_or(|p| p.as_os_str().is_empty() || p.is_dir()),
                    "The folder to save in does not exist.",
                ),
            };
            if !text.trim().is_empty() && !usable {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            ui.horizontal(|ui| {
                let button = if matches!(entry.purpose, PathPurpose::OpenFolder) {
                    "Open"
                } else {
                    "Save"
                };
                let clicked = ui.add_enabled(usable, egui::Button::new(button)).clicked();
                if usable && (clicked || entered) {
                    commands.push(match entry.purpose {
                        PathPurpose::OpenFolder => Command::OpenFolder(path.clone()),
                        // Typed paths are checked for an existing file before writing.
                        PathPurpose::Save(kind) => Command::ExportTo {
                            kind,
                            path: path.clone(),
                            overwrite: false,
                        },
                    });
                }
                if ui.button("Cancel").clicked() {
                    commands.push(Command::ClosePathEntry);
                }
            });
        });
    if !open {
        commands.push(Command::ClosePathEntry);
    } else if text != entry.text {
        commands.push(Command::SetPathEntry(text));
    }
    commands
}

/// Asks before an export replaces an existing file.
pub fn confirm_overwrite_ui(ctx: &egui::Context, kind: ExportKind, path: &Path) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Modal::new(egui::Id::unique("confirm_overwrite")).show(ctx, |ui| {
        ui.heading("Replace the file?");
        ui.label(format!(
            "{} already exists.\nDo you want to replace it?",
            path.display()
        ));
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                commands.push(Command::ExportTo {
                    kind,
                    path: path.to_owned(),
                    overwrite: true,
                });
            }
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelOverwrite);
            }
        });
    });
    commands
}

/// A View menu checkbox that shows or hides a panel, with its key.
fn panel_checkbox(ui: &mut egui::Ui, action: Action, shown: bool) -> Option<Command> {
    let (text, tooltip) = action.text_and_tooltip();
    let mut checked = shown;
    let text = match action.shortcuts().first() {
        Some(shortcut) => format!("{text}  ({})", ui.ctx().format_shortcut(shortcut)),
        None => text.to_owned(),
    };
    let changed = ui
        .checkbox(&mut checked, text)
        .on_hover_text(tooltip)
        .changed();
    changed.then(|| action.command())
}
