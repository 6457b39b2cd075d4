//! The problems panel: every problem the loader found, with its file and line.

use crate::app::{Command, TimelineApp};
use crate::model::Severity;

pub fn problems_ui(ui: &mut egui::Ui, app: &TimelineApp) -> Vec<Command> {
    let mut commands = Vec::new();
    let problems = &app.data.dataset.problems;
    ui.horizontal(|ui| {
        ui.strong(format!("Problems ({})", problems.len()));
        ui.weak("Click a problem to copy its location (file:line).");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").clicked() {
                commands.push(Command::ToggleProblems);
            }
        });
    });
    if problems.is_empty() {
        ui.weak("No problems: every file loaded cleanly.");
    }
    if app.data.dataset.events.is_empty() && app.data.dataset.file_count == 0 {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "This folder holds no .json or .csv files, so there are no events to show.",
        );
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for problem in problems {
                let (icon, color) = match problem.severity {
                    Severity::Error => ("Error", ui.visuals().error_fg_color),
                    Severity::Warning => ("Warning", ui.visuals().warn_fg_color),
                };
                let text = egui::RichText::new(format!(
                    "{icon}  {}  {}",
                    problem.location(),
                    problem.message
                ))
                .color(color);
                let row = ui.add(egui::Label::new(text).sense(egui::Sense::click()).wrap());
                if row.on_hover_text("Click to copy the location").clicked() {
                    commands.push(Command::CopyText(problem.location()));
                }
            }
        });
    commands
}
