//! The user's commands in one table: name, shortcuts and tooltip together, as rerun's
//! `UICommand` has them. Menus, key handling and tooltips all read this table.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::command::Command;
use crate::draft::Decision;
use crate::export::ExportKind;

/// One zoom step of the keyboard and the menu.
pub const ZOOM_STEP: f64 = 1.5;

/// A key with no modifier.
const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// A key with Ctrl (⌘ on a Mac).
const fn command_key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

/// Writes the table of actions: each row is an action's name, its menu text and tooltip, its
/// keys (the first is shown in menus) and the command it gives.
macro_rules! actions {
    ($($name:ident: $text:literal, $tooltip:literal, [$($key:expr),*], $command:expr;)*) => {
        /// A command the user can give from the menu or the keyboard.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Action {
            $($name),*
        }

        impl Action {
            /// Every action, in the table's order.
            pub const ALL: &[Self] = &[$(Self::$name),*];

            /// The menu text and a tooltip.
            pub fn text_and_tooltip(self) -> (&'static str, &'static str) {
                match self {
                    $(Self::$name => ($text, $tooltip)),*
                }
            }

            /// The keys that give this action; the first is shown in menus.
            pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
                match self {
                    $(Self::$name => vec![$($key),*]),*
                }
            }

            /// What the app is asked to do.
            pub fn command(self) -> Command {
                match self {
                    $(Self::$name => $command),*
                }
            }
        }
    };
}

actions! {
    OpenFolder: "Open folder…", "Open a folder of data files and articles",
        [command_key(Key::O)], Command::ShowOpenDialog;
    OpenSample: "Open the sample data", "The events of the five sample articles",
        [], Command::OpenSample;
    Reload: "Reload", "Read the folder's files again",
        [command_key(Key::R), plain(Key::F5)], Command::Reload;
    ExportImage: "Export image…", "Save the chart as a PNG image",
        [command_key(Key::E)], Command::Export(ExportKind::Png);
    ExportSvg: "Export SVG…", "Save the chart as an SVG drawing",
        [], Command::Export(ExportKind::Svg);
    ExportCsv: "Export CSV of the shown events…",
        "Save the events that pass the filters, in the app's CSV format",
        [], Command::Export(ExportKind::Csv);
    Quit: "Quit", "Close the window", [command_key(Key::Q)], Command::Quit;
    FocusSearch: "Search", "Put the cursor in the search box of the filters",
        [command_key(Key::F)], Command::FocusSearch;
    FitAll: "Fit all events", "Show every event that passes the filters",
        [plain(Key::Home)], Command::FitAll;
    // Shift is ignored when keys are matched, so "+" typed as Shift+= counts too.
    ZoomIn: "Zoom in", "Zoom in around the middle of the view",
        [plain(Key::Plus), plain(Key::Equals)], Command::Zoom(ZOOM_STEP);
    ZoomOut: "Zoom out", "Zoom out around the middle of the view",
        [plain(Key::Minus)], Command::Zoom(1.0 / ZOOM_STEP);
    SelectNext: "Next event", "Select the next event in time",
        [plain(Key::ArrowRight)], Command::SelectNext;
    SelectPrevious: "Previous event", "Select the previous event in time",
        [plain(Key::ArrowLeft)], Command::SelectPrevious;
    ClearSelection: "Clear the selection", "Select no event",
        [plain(Key::Escape)], Command::Select(None);
    ToggleProblems: "Problems panel", "Show or hide the problems found while loading",
        [], Command::ToggleProblems;
    ToggleFilters: "Filters and counts panel",
        "Show or fold away the filters and participant counts on the left",
        [command_key(Key::B)], Command::ToggleFilters;
    ToggleDetails: "Details panel", "Show or fold away the selected event's details on the right",
        [command_key(Key::I)], Command::ToggleDetails;
    NextDraft: "Next draft to review",
        "Select the next event drafted from an article that is not reviewed yet",
        [plain(Key::N)], Command::NextDraft;
    AcceptDraft: "Accept the draft",
        "Keep the selected draft as an event, then go to the next draft",
        [plain(Key::A)], Command::DecideSelectedDraft(Decision::Accepted);
    RejectDraft: "Reject the draft",
        "Take the selected draft off the timeline, then go to the next draft",
        [plain(Key::R)], Command::DecideSelectedDraft(Decision::Rejected);
    BackToReview: "Back to review", "Make the selected accepted event a draft to review again",
        [plain(Key::U)], Command::DecideSelectedDraft(Decision::Pending);
    SaveAccepted: "Save accepted events…",
        "Save the events accepted from drafts as a JSON file the app opens",
        [command_key(Key::S)], Command::Export(ExportKind::AcceptedEvents);
    RestoreRejected: "Restore rejected drafts",
        "Put every rejected draft of this folder back on the timeline, to review",
        [], Command::RestoreRejectedDrafts;
}

impl Action {
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
pub fn pressed_commands(ctx: &egui::Context, available: impl Fn(Action) -> bool) -> Vec<Command> {
    let typing = ctx.egui_wants_keyboard_input();
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        for &action in Action::ALL.iter().filter(|&&a| available(a)) {
            for shortcut in action.shortcuts() {
                if typing && Action::is_plain(&shortcut) {
                    continue;
                }
                let presses = input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key);
                commands.extend(std::iter::repeat_n(action.command(), presses));
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
        for action in Action::ALL {
            for shortcut in action.shortcuts() {
                assert!(!seen.contains(&shortcut), "{action:?} reuses {shortcut:?}");
                seen.push(shortcut);
            }
        }
    }
}
