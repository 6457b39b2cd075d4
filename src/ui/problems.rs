//! The problems panel: every problem the loader found, with its file and line.

use super::Frame;
use crate::command::Command;
use crate::model::Severity;

pub fn problems_ui(ui: &mut egui::Ui, frame: &Frame) -> Vec<Command> {
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
