//! The command handler: every command the panels return is applied here, once per frame.

use std::sync::atomic::Ordering;

use super::TimelineApp;
use crate::command::Command;
use crate::layout::view::TimeView;
use crate::load::sample::sample_dataset;
use crate::state::{DataSource, EventGroup, MappingEditor, Selection};

impl TimelineApp {
    pub(super) fn set_view(&mut self, view: TimeView) {
        self.view = view.clamped(&self.data.limits);
        self.view_is_fit = false;
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(index) => self.select(index),
            Command::SelectNext | Command::SelectPrevious => {
                let shown = self.data.shown();
                // Shown events are in index order, which is time order.
                let position = self
                    .selection
                    .event
                    .and_then(|s| shown.binary_search(&s).ok());
                let next = match (&command, position) {
                    (_, None) if shown.is_empty() => None,
                    (Command::SelectNext, None) => shown.first().copied(),
                    (_, None) => shown.last().copied(),
                    (Command::SelectNext, Some(p)) => shown.get(p + 1).or(shown.get(p)).copied(),
                    (_, Some(p)) => shown.get(p.saturating_sub(1)).copied(),
                };
                self.select(next);
            }
            Command::ShowGroup {
                lane,
                from_days,
                to_days,
            } => self.show_group(lane, from_days, to_days),
            Command::Pan { delta_days } => {
                self.set_view(self.view.pan(delta_days, &self.data.limits))
            }
            Command::ZoomAround { days, factor } => {
                self.set_view(self.view.zoom_at(days, factor, &self.data.limits));
            }
            Command::Zoom(factor) => {
                let center = self.view.center_days();
                self.set_view(self.view.zoom_at(center, factor, &self.data.limits));
            }
            Command::SetView(view) => self.set_view(view),
            Command::FitAll => self.fit_all(),
            Command::ScrollLanes { delta_px } => {
                self.lanes_scroll_px = (self.lanes_scroll_px + delta_px).max(0.0);
            }
            Command::ChartPlaced(rect) => {
                let width = |r: [f32; 4]| r[2] - r[0];
                let resized = self
                    .chart_rect_px
                    .is_none_or(|old| width(old) != width(rect));
                self.chart_rect_px = Some(rect);
                if resized && self.view_is_fit {
                    self.fit_all();
                }
            }
            Command::ShowOpenDialog => self.show_open_dialog(),
            Command::FocusSearch => {
                ctx.memory_mut(|memory| memory.request_focus(crate::ui::filters::search_id()));
            }
            Command::OpenFolder(folder) => {
                self.path_entry = None;
                self.start_loading(folder);
            }
            Command::Export(kind) => self.show_save_dialog(kind),
            Command::ExportTo {
                kind,
                path,
                overwrite,
            } => {
                self.path_entry = None;
                self.confirm_overwrite = None;
                self.export_to(kind, path, overwrite);
            }
            Command::CancelOverwrite => self.confirm_overwrite = None,
            Command::OpenSample => self.show_dataset(
                DataSource::Sample,
                self.loaded_now(DataSource::Sample, sample_dataset()),
            ),
            Command::Reload => match self.data.source.clone() {
                DataSource::Folder(folder) => self.start_loading(folder),
                DataSource::Sample => {}
            },
            Command::CancelLoad => {
                if let Some(job) = &self.loading {
                    job.progress.cancel.store(true, Ordering::Relaxed);
                }
            }
            Command::SetLaneMode(mode) => {
                self.settings.lane_mode = mode;
                if let DataSource::Folder(folder) = &self.data.source {
                    self.settings.lanes_chosen.insert(folder.clone(), mode);
                }
                self.rederive(true);
            }
            Command::SetColorMode(mode) => {
                self.settings.color_mode = mode;
                self.rederive(true);
            }
            Command::SetFilters(filters) => {
                self.filters = filters;
                self.rederive(false);
            }
            Command::SetCountsScope(scope) => self.settings.counts_scope = scope,
            Command::SetDarkMode(dark) => {
                self.settings.dark_mode = dark;
                ctx.set_theme(if dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            Command::ToggleProblems => self.settings.show_problems = !self.settings.show_problems,
            Command::ToggleFilters => self.settings.hide_filters = !self.settings.hide_filters,
            Command::ToggleDetails => self.settings.hide_details = !self.settings.hide_details,
            Command::SetPathEntry(text) => {
                if let Some(entry) = &mut self.path_entry {
                    entry.text = text;
                }
            }
            Command::ClosePathEntry => self.path_entry = None,
            Command::CopyText(text) => {
                self.status_message = Some(format!("Copied {text}"));
                ctx.copy_text(text);
            }
            Command::OpenUrl(url) => ctx.open_url(egui::OpenUrl::new_tab(url)),
            Command::EditSheetMapping(file) => self.edit_sheet_mapping(file),
            Command::SetMappingEditor(editor) => self.mapping_editor = Some(editor),
            Command::ApplySheetMapping | Command::ResetSheetMapping => {
                let reset = command == Command::ResetSheetMapping;
                if let (Some(editor), DataSource::Folder(folder)) =
                    (self.mapping_editor.take(), self.data.source.clone())
                {
                    let path = folder.join(&editor.file);
                    if reset {
                        self.settings.sheet_mappings.remove(&path);
                    } else {
                        self.settings.sheet_mappings.insert(path, editor.mapping);
                    }
                    self.start_loading(folder);
                }
            }
            Command::CloseMappingEditor => self.mapping_editor = None,
            Command::ReviewDraft { id, review } => self.review_draft(id, review),
            Command::DecideSelectedDraft(decision) => self.decide_selected_draft(decision),
            Command::NextDraft => match self.next_draft_to_review(self.selection.event) {
                Some(next) => self.select(Some(next)),
                None => self.status_message = Some("No draft is left to review".to_owned()),
            },
            Command::EditDraft(editor) => self.draft_editor = editor,
            Command::EditPageDate(editor) => self.page_date_editor = editor,
            Command::SetPageDate { file, date } => {
                self.page_date_editor = None;
                self.set_page_date(file, date);
            }
            Command::RestoreRejectedDrafts => self.restore_rejected_drafts(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Opens the column dialog of a table of the folder: its header and the mapping its load
    /// used (chosen before, or guessed).
    fn edit_sheet_mapping(&mut self, file: String) {
        let read = (self.data.dataset.files.iter())
            .find(|f| f.file == file)
            .and_then(|f| f.columns.clone());
        let Some(columns) = read else {
            self.status_message = Some(format!("{file} has no columns to map"));
            return;
        };
        self.mapping_editor = Some(MappingEditor {
            file,
            header: columns.header,
            mapping: columns.mapping,
        });
    }

    /// Selects an event (by index), bringing it into view; `None` clears the selection.
    pub(super) fn select(&mut self, index: Option<u32>) {
        let index = index.filter(|&i| (i as usize) < self.data.dataset.events.len());
        self.selection.event = index;
        self.selection_to_restore = None;
        if index.is_none() {
            self.selection.group = None;
        }
        if let Some(event) = index.and_then(|i| self.data.dataset.events.get(i as usize)) {
            let (start, end) = event.span().day_range();
            let view =
                self.view
                    .bring_into_view(f64::from(start), f64::from(end), &self.data.limits);
            if view != self.view {
                self.set_view(view);
            }
        }
    }

    /// Lists the events of a lane between two times, for spots too crowded to click apart.
    fn show_group(&mut self, lane: u32, from_days: f64, to_days: f64) {
        let scene = self.data.scene();
        let mut events: Vec<u32> = scene
            .marks_between(lane as usize, from_days, to_days)
            .map(|m| m.event)
            .collect();
        events.sort_unstable();
        events.dedup();
        let place = scene
            .lanes
            .get(lane as usize)
            .map_or("", |l| l.label.as_str());
        let when = crate::format::days_label(from_days, to_days);
        self.selection = Selection {
            event: None,
            group: Some(EventGroup {
                title: format!(
                    "{} events in {place}, {when}",
                    crate::format::group_thousands(events.len() as u64)
                ),
                events,
            }),
        };
    }
}
