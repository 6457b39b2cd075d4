//! The window's panels. Each reads the part of the state it shows, through [`PanelInput`], and
//! returns the [`Command`]s the user gave; none changes the state itself.

pub mod actions;
mod counts;
mod details;
pub mod filters;
pub mod fonts;
mod menu;
pub mod paint;
mod problems;
mod review;
pub mod timeline;

use std::path::PathBuf;

use crate::command::Command;
use crate::draft::Decision;
use crate::export::ExportKind;
use crate::layout::view::TimeView;
use crate::model::Filters;
use crate::model::dataset::ReviewedDraft;
use crate::state::{DataSource, LoadStatus, Loaded, MappingEditor, PathEntry, Selection, Settings};
use actions::Action;

/// What the panels may read this frame.
pub struct PanelInput<'a> {
    pub settings: &'a Settings,
    pub filters: &'a Filters,
    pub data: &'a Loaded,
    pub view: TimeView,
    pub lanes_scroll_px: f32,
    /// Where the chart was drawn last: left, top, right, bottom, in points.
    pub chart_rect_px: Option<[f32; 4]>,
    pub selection: &'a Selection,
    pub loading: Option<LoadStatus>,
    /// A search or a new layout is being worked out.
    pub searching: bool,
    /// Participant counts are being worked out.
    pub counting: bool,
    pub dialog_open: bool,
    /// An image export is waiting for this frame: no hover effects.
    pub capturing: bool,
    /// Only the chart, filling the window: for `--screenshot`.
    pub chart_only: bool,
    pub status_message: Option<&'a str>,
    pub path_entry: Option<&'a PathEntry>,
    pub confirm_overwrite: Option<&'a (ExportKind, PathBuf)>,
    pub mapping_editor: Option<&'a MappingEditor>,
    /// The corrections being typed for a draft.
    pub draft_editor: Option<&'a crate::state::DraftEditor>,
    /// The page date being typed for an article.
    pub page_date_editor: Option<&'a crate::state::PageDateEditor>,
}

impl PanelInput<'_> {
    /// The selected event's draft, if it was drafted from an article.
    pub fn selected_draft(&self) -> Option<&ReviewedDraft> {
        let event = self
            .data
            .dataset
            .events
            .get(self.selection.event? as usize)?;
        self.data.dataset.draft(event.id())
    }

    /// Whether the command means something now: its menu entry is greyed out, and its keys
    /// do nothing, when not.
    pub fn can(&self, command: Action) -> bool {
        let decision = self.selected_draft().map(|d| d.review.decision);
        match command {
            Action::ClearSelection => {
                self.selection.event.is_some() || self.selection.group.is_some()
            }
            Action::Reload => matches!(self.data.source, DataSource::Folder(_)),
            Action::NextDraft | Action::SaveAccepted => !self.data.dataset.drafts.is_empty(),
            Action::AcceptDraft | Action::RejectDraft => decision == Some(Decision::Pending),
            Action::BackToReview => decision == Some(Decision::Accepted),
            Action::RestoreRejected => self
                .data
                .dataset
                .drafts
                .iter()
                .any(|d| d.review.decision == Decision::Rejected),
            _ => true,
        }
    }
}

/// Converts an sRGB triple from the core into an egui colour.
/// One line of a long list, laid out only where it can be seen: a line scrolled out of the
/// panel just takes its height, so a list of hundreds costs what its visible lines cost.
pub fn line_if_visible(ui: &mut egui::Ui, line: impl FnOnce(&mut egui::Ui)) {
    let height = ui.spacing().interact_size.y;
    let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
    if ui.is_rect_visible(rect) {
        line(ui);
    } else {
        ui.allocate_space(egui::vec2(0.0, height));
    }
}

pub fn color32(rgb: [u8; 3]) -> egui::Color32 {
    egui::Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

/// Draws the whole window and returns what the user asked for this frame.
pub fn app_ui(ui: &mut egui::Ui, frame: &PanelInput) -> Vec<Command> {
    if frame.chart_only {
        let mut commands = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| commands.extend(timeline::timeline_ui(ui, frame)));
        return commands;
    }
    let mut commands = actions::pressed_commands(ui.ctx(), |command| frame.can(command));
    commands.extend(dropped_folder(ui.ctx()));

    egui::Panel::top("menu_bar").show(ui, |ui| commands.extend(menu::menu_bar_ui(ui, frame)));
    egui::Panel::bottom("status_bar")
        .show(ui, |ui| commands.extend(menu::status_bar_ui(ui, frame)));
    if frame.settings.show_problems {
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(160.0)
            .show(ui, |ui| commands.extend(problems::problems_ui(ui, frame)));
    }
    side_panels_ui(ui, frame, &mut commands);
    egui::CentralPanel::default().show(ui, |ui| commands.extend(timeline::timeline_ui(ui, frame)));

    if let Some(entry) = frame.path_entry {
        commands.extend(menu::path_entry_ui(ui.ctx(), entry));
    }
    if let Some((kind, path)) = frame.confirm_overwrite {
        commands.extend(menu::confirm_overwrite_ui(ui.ctx(), *kind, path));
    }
    if let Some(editor) = frame.mapping_editor {
        commands.extend(problems::mapping_editor_ui(ui.ctx(), editor));
    }
    commands
}

/// The filters and counts on the left, the details on the right, each folded away at the
/// user's word; each takes at most a quarter of the window, so the chart keeps half.
fn side_panels_ui(ui: &mut egui::Ui, frame: &PanelInput, commands: &mut Vec<Command>) {
    let quarter = (ui.ctx().content_rect().width() / 4.0).max(SIDE_PANEL_MIN_PX);
    // Panel widths change only when the user drags their edge: the content wraps or is cut
    // to fit, and never pushes a panel wider.
    if !frame.settings.hide_filters {
        egui::Panel::left("filters_and_counts")
            .resizable(true)
            .default_size(300.0)
            .size_range(SIDE_PANEL_MIN_PX..=quarter.min(520.0))
            .show(ui, |ui| left_panel_ui(ui, frame, commands));
    }
    if !frame.settings.hide_details {
        egui::Panel::right("details")
            .resizable(true)
            .default_size(340.0)
            .size_range(SIDE_PANEL_MIN_PX..=quarter.min(640.0))
            .show(ui, |ui| commands.extend(details::details_ui(ui, frame)));
    }
}

/// A side panel is never narrower than this, in points.
const SIDE_PANEL_MIN_PX: f32 = 220.0;

/// The participant counts first, in a part of their own the user can make taller, and the
/// filters under them: what the counts show never moves the filters under the pointer.
fn left_panel_ui(ui: &mut egui::Ui, frame: &PanelInput, commands: &mut Vec<Command>) {
    if frame.data.dataset.events.is_empty() {
        ui.heading("Filters and counts");
        ui.weak("No events to filter or count: open a folder that holds some.");
        return;
    }
    egui::Panel::top("participant_counts")
        .resizable(true)
        .default_size(300.0)
        .size_range(120.0..=(ui.available_height() * 0.7).max(120.0))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("counts_scroll")
                .show(ui, |ui| {
                    ui.set_max_width(ui.available_width());
                    commands.extend(counts::counts_ui(ui, frame));
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("filters_scroll")
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width());
                commands.extend(filters::filters_ui(ui, frame));
            });
    });
}

/// A folder dropped on the window opens; a dropped file opens its folder.
fn dropped_folder(ctx: &egui::Context) -> Option<Command> {
    let path = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_owned()))?;
    let folder = if path.is_dir() {
        path
    } else {
        path.parent()?.to_owned()
    };
    Some(Command::OpenFolder(folder))
}
