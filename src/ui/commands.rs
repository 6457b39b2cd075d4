//! The user's commands in one table: name, shortcuts and tooltip together, as rerun's
//! `UICommand` has them. Menus, key handling and tooltips all read this table.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::command::Command;
use crate::draft::Decision;
use crate::export::ExportKind;

/// One zoom step of the keyboard and the menu.
pub const ZOOM_STEP: f64 = 1.5;

/// A command the user can give from the menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    OpenFolder,
    OpenSample,
    Reload,
    ExportImage,
    ExportSvg,
    ExportCsv,
    Quit,
    FitAll,
    ZoomIn,
    ZoomOut,
    SelectNext,
    SelectPrevious,
    ClearSelection,
    ToggleProblems,
    NextDraft,
    AcceptDraft,
    RejectDraft,
    BackToReview,
    SaveAccepted,
    RestoreRejected,
}

impl UiCommand {
    pub const ALL: [Self; 20] = [
        Self::OpenFolder,
        Self::OpenSample,
        Self::Reload,
        Self::ExportImage,
        Self::ExportSvg,
        Self::ExportCsv,
        Self::Quit,
        Self::FitAll,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::SelectNext,
        Self::SelectPrevious,
        Self::ClearSelection,
        Self::ToggleProblems,
        Self::NextDraft,
        Self::AcceptDraft,
        Self::RejectDraft,
        Self::BackToReview,
        Self::SaveAccepted,
        Self::RestoreRejected,
    ];

    /// The menu text and a tooltip.
    pub fn text_and_tooltip(self) -> (&'static str, &'static str) {
        match self {
            Self::OpenFolder => ("Open folder…", "Open a folder of data files and articles"),
            Self::OpenSample => (
                "Open the sample data",
                "The events of the five sample articles",
            ),
            Self::Reload => ("Reload", "Read the folder's files again"),
            Self::ExportImage => ("Export image…", "Save the chart as a PNG image"),
            Self::ExportSvg => ("Export SVG…", "Save the chart as an SVG drawing"),
            Self::ExportCsv => (
                "Export CSV of the shown events…",
                "Save the events that pass the filters, in the app's CSV format",
            ),
            Self::Quit => ("Quit", "Close the window"),
            Self::FitAll => ("Fit all events", "Show every event that passes the filters"),
            Self::ZoomIn => ("Zoom in", "Zoom in around the middle of the view"),
            Self::ZoomOut => ("Zoom out", "Zoom out around the middle of the view"),
            Self::SelectNext => ("Next event", "Select the next event in time"),
            Self::SelectPrevious => ("Previous event", "Select the previous event in time"),
            Self::ClearSelection => ("Clear the selection", "Select no event"),
            Self::ToggleProblems => (
                "Problems panel",
                "Show or hide the problems found while loading",
            ),
            Self::NextDraft => (
                "Next draft to review",
                "Select the next event drafted from an article that is not reviewed yet",
            ),
            Self::AcceptDraft => (
                "Accept the draft",
                "Keep the selected draft as an event, then go to the next draft",
            ),
            Self::RejectDraft => (
                "Reject the draft",
                "Take the selected draft off the timeline, then go to the next draft",
            ),
            Self::BackToReview => (
                "Back to review",
                "Make the selected accepted event a draft to review again",
            ),
            Self::SaveAccepted => (
                "Save accepted events…",
                "Save the events accepted from drafts as a JSON file the app opens",
            ),
            Self::RestoreRejected => (
                "Restore rejected drafts",
                "Put every rejected draft of this folder back on the timeline, to review",
            ),
        }
    }

    /// The keys that give this command; the first is shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        match self {
            Self::OpenFolder => vec![command(Key::O)],
            Self::Reload => vec![command(Key::R), plain(Key::F5)],
            Self::ExportImage => vec![command(Key::E)],
            Self::Quit => vec![command(Key::Q)],
            Self::FitAll => vec![plain(Key::Home)],
            // Shift is ignored when keys are matched, so "+" typed as Shift+= counts too.
            Self::ZoomIn => vec![plain(Key::Plus), plain(Key::Equals)],
            Self::ZoomOut => vec![plain(Key::Minus)],
            Self::SelectNext => vec![plain(Key::ArrowRight)],
            Self::SelectPrevious => vec![plain(Key::ArrowLeft)],
            Self::ClearSelection => vec![plain(Key::Escape)],
            Self::NextDraft => vec![plain(Key::N)],
            Self::AcceptDraft => vec![plain(Key::A)],
            Self::RejectDraft => vec![plain(Key::R)],
            Self::BackToReview => vec![plain(Key::U)],
            Self::SaveAccepted => vec![command(Key::S)],
            Self::OpenSample
            | Self::ExportSvg
            | Self::ExportCsv
            | Self::ToggleProblems
            | Self::RestoreRejected => Vec::new(),
        }
    }

    /// What the app is asked to do.
    pub fn command(self) -> Command {
        match self {
            Self::OpenFolder => Command::ShowOpenDialog,
            Self::OpenSample => Command::OpenSample,
            Self::Reload => Command::Reload,
            Self::ExportImage => Command::Export(ExportKind::Png),
            Self::ExportSvg => Command::Export(ExportKind::Svg),
            Self::ExportCsv => Command::Export(ExportKind::Csv),
            Self::Quit => Command::Quit,
            Self::FitAll => Command::FitAll,
            Self::ZoomIn => Command::Zoom(ZOOM_STEP),
            Self::ZoomOut => Command::Zoom(1.0 / ZOOM_STEP),
            Self::SelectNext => Command::SelectNext,
            Self::SelectPrevious => Command::SelectPrevious,
            Self::ClearSelection => Command::Select(None),
            Self::ToggleProblems => Command::ToggleProblems,
            Self::NextDraft => Command::NextDraft,
            Self::AcceptDraft => Command::DecideSelectedDraft(Decision::Accepted),
            Self::RejectDraft => Command::DecideSelectedDraft(Decision::Rejected),
            Self::BackToReview => Command::DecideSelectedDraft(Decision::Pending),
            Self::SaveAccepted => Command::Export(ExportKind::AcceptedEvents),
            Self::RestoreRejected => Command::RestoreRejectedDrafts,
        }
    }

    /// Shortcuts without a modifier are typing, not commands, while a text field has the
    /// keyboard.
    fn is_plain(shortcut: &KeyboardShortcut) -> bool {
        shortcut.modifiers.is_none() || shortcut.modifiers == Modifiers::SHIFT
    }

    /// A menu button for the command, with its shortcut; the command when clicked.
    pub fn menu_button(self, ui: &mut egui::Ui, enabled: bool) -> Option<Command> {
        let (text, tooltip) = self.text_and_tooltip();
        let mut button = egui::Button::new(text);
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        let response = ui.add_enabled(enabled, button).on_hover_text(tooltip);
        response.clicked().then(|| self.command())
    }
}

/// The commands whose keys were pressed this frame, of those `available` allows. Every press
/// counts, also when several (or key repeats) arrive in one frame.
pub fn pressed_commands(
    ctx: &egui::Context,
    available: impl Fn(UiCommand) -> bool,
) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        for ui_command in UiCommand::ALL.into_iter().filter(|&c| available(c)) {
            for shortcut in ui_command.shortcuts() {
                if typing && UiCommand::is_plain(&shortcut) {
                    continue;
                }
                let presses = input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key);
                commands.extend(std::iter::repeat_n(ui_command.command(), presses));
            }
        }
    });
    commands
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = Vec::new();
        for command in UiCommand::ALL {
            for shortcut in command.shortcuts() {
                assert!(!seen.contains(&shortcut), "{command:?} reuses {shortcut:?}");
                seen.push(shortcut);
            }
        }
    }
}
