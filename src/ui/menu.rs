//! The menu bar, the status bar and the path field shown when no folder dialog can open.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use crate::app::{Command, DataSource, PathEntry, PathPurpose, TimelineApp};
use crate::export::ExportKind;
use crate::model::scene::{ColorMode, LaneMode};

pub fn menu_bar_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let open = ui.add(egui::Button::new("Open folder…").shortcut_text(
                ui.ctx().format_shortcut(&egui::KeyboardShortcut::new(
                    egui::Modifiers::COMMAND,
                    egui::Key::O,
                )),
            ));
            if open.clicked() {
                commands.push(Command::ShowOpenDialog);
            }
            ui.menu_button("Recent folders", |ui| {
                if app.settings.recent_folders.is_empty() {
                    ui.label("No recent folders");
                }
                for folder in &app.settings.recent_folders {
                    let exists = folder.is_dir();
                    let button = ui
                        .add_enabled(exists, egui::Button::new(folder.display().to_string()))
                        .on_disabled_hover_text("This folder no longer exists");
                    if button.clicked() {
                        commands.push(Command::OpenFolder(folder.clone()));
                    }
                }
            });
            if ui.button("Open the sample data").clicked() {
                commands.push(Command::OpenSample);
            }
            let can_reload = matches!(app.data.source, DataSource::Folder(_));
            let reload = egui::Button::new("Reload").shortcut_text("Ctrl+R");
            if ui.add_enabled(can_reload, reload).clicked() {
                commands.push(Command::Reload);
            }
            ui.separator();
            let export_image =
                egui::Button::new("Export image…").shortcut_text(ui.ctx().format_shortcut(
                    &egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E),
                ));
            if ui.add(export_image).clicked() {
                commands.push(Command::Export(ExportKind::Png));
            }
            if ui.button("Export SVG…").clicked() {
                commands.push(Command::Export(ExportKind::Svg));
            }
            if ui.button("Export CSV of the shown events…").clicked() {
                commands.push(Command::Export(ExportKind::Csv));
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .add(egui::Button::new("Fit all events").shortcut_text("Home"))
                .clicked()
            {
                commands.push(Command::FitAll);
            }
            if ui
                .add(egui::Button::new("Zoom in").shortcut_text("+"))
                .clicked()
            {
                commands.push(Command::Zoom(1.5));
            }
            if ui
                .add(egui::Button::new("Zoom out").shortcut_text("-"))
                .clicked()
            {
                commands.push(Command::Zoom(1.0 / 1.5));
            }
            ui.separator();
            let mut dark = app.settings.dark_mode;
            if ui.checkbox(&mut dark, "Dark theme").changed() {
                commands.push(Command::SetDarkMode(dark));
            }
            let mut problems = app.settings.show_problems;
            if ui.checkbox(&mut problems, "Problems panel").changed() {
                commands.push(Command::ToggleProblems);
            }
        });
        ui.separator();
        commands.extend(mode_selectors_ui(ui, app));
    });
    commands
}

/// Lane and colour choosers, always in sight in the menu bar.
fn mode_selectors_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = Vec::new();
    let lanes_label = ui.label("Lanes:");
    for mode in LaneMode::ALL {
        let button = ui
            .selectable_label(app.settings.lane_mode == mode, mode.label())
            .labelled_by(lanes_label.id);
        if button.clicked() {
            commands.push(Command::SetLaneMode(mode));
        }
    }
    ui.separator();
    let colour_label = ui.label("Colour by:");
    for mode in ColorMode::ALL {
        let button = ui
            .selectable_label(app.settings.color_mode == mode, mode.label())
            .labelled_by(colour_label.id);
        if button.clicked() {
            commands.push(Command::SetColorMode(mode));
        }
    }
    commands
}

pub fn status_bar_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let total = app.data.dataset.events.len();
        ui.label(format!("{} of {total} events shown", app.data.shown.len()));
        ui.separator();
        ui.label(format!("Data: {}", app.data.source.display_name()));
        let errors = app.data.summary.error_count;
        let warnings = app.data.dataset.problems.len() - errors;
        if errors + warnings > 0 {
            ui.separator();
            let plural = |n: usize, word: &str| {
                if n == 1 {
                    format!("1 {word}")
                } else {
                    format!("{n} {word}s")
                }
            };
            let text = match (errors, warnings) {
                (0, w) => plural(w, "warning"),
                (e, 0) => plural(e, "error"),
                (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
            };
            let color = if errors > 0 {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            let badge = ui.add(egui::Button::new(egui::RichText::new(text).color(color)).small());
            if badge
                .on_hover_text("Show or hide the problems found while loading")
                .clicked()
            {
                commands.push(Command::ToggleProblems);
            }
        }
        if let Some(job) = &app.loading {
            ui.separator();
            let done = job.progress.files_done.load(Ordering::Relaxed);
            let files = job.progress.files_total.load(Ordering::Relaxed);
            let bytes = job.progress.bytes_read.load(Ordering::Relaxed);
            let bytes_total = job.progress.bytes_total.load(Ordering::Relaxed).max(1);
            ui.label(format!("Loading {}…", job.source.display_name()));
            ui.add(
                egui::ProgressBar::new(bytes as f32 / bytes_total as f32)
                    .desired_width(160.0)
                    .text(format!(
                        "{done}/{files} files, {:.1} MB",
                        bytes as f64 / 1e6
                    )),
            );
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelLoad);
            }
        }
        if app.is_dialog_open() {
            ui.separator();
            ui.label("Waiting for the file dialog…");
        }
        if let Some(message) = &app.status_message {
            ui.separator();
            ui.label(message);
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
