//! The eframe app: owns the state, applies the commands the panels emit, persists settings.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};

use crate::export::ExportKind;
use crate::model::date::days_from_date;
use crate::model::sample::sample_dataset;
use crate::model::scene::{ColorMode, LaneMode};
use crate::model::view::TimeView;
use crate::model::{Dataset, Filters};
use crate::ui;
use crate::watch::FolderWatcher;

mod dialogs;
mod export;
mod loaded;
mod loading;

use dialogs::PendingDialog;
pub use dialogs::{PathEntry, PathPurpose};
use export::Capture;
pub use export::{ScreenshotJob, ScreenshotOutcome};
pub use loaded::{DatasetSummary, Loaded};
pub use loading::LoadJob;

/// Everything remembered between runs (the window size and panel widths are remembered by
/// eframe and egui themselves).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_folder: Option<PathBuf>,
    /// Most recent first, at most [`MAX_RECENT_FOLDERS`].
    pub recent_folders: Vec<PathBuf>,
    pub lane_mode: LaneMode,
    pub color_mode: ColorMode,
    pub dark_mode: bool,
    pub counts_scope: CountsScope,
    pub show_problems: bool,
    /// Where the last export went; never the data folder unless the user chose it.
    pub last_export_folder: Option<PathBuf>,
}

/// The recent-folders menu keeps this many.
pub const MAX_RECENT_FOLDERS: usize = 10;

/// Which events the participant counts are for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountsScope {
    /// Every shown event that is in view.
    #[default]
    InView,
    /// The selected event only.
    Selection,
}

/// Where the data on screen came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    Sample,
    Folder(PathBuf),
}

impl DataSource {
    pub fn display_name(&self) -> String {
        match self {
            Self::Sample => "Sample data".to_owned(),
            Self::Folder(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

/// What the panels ask the app to do; applied after the frame's UI code.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    Select(Option<usize>),
    SelectNext,
    SelectPrevious,
    SetView(TimeView),
    /// The plot now shows the view a command set.
    ViewAdopted,
    FitAll,
    /// Zoom around the centre; above 1 zooms in.
    Zoom(f64),
    /// Zoom around a time, in days on the time axis.
    ZoomAround {
        days: f64,
        factor: f64,
    },
    ShowOpenDialog,
    OpenFolder(PathBuf),
    /// Ask where to save, then export.
    Export(ExportKind),
    /// Export to `path`; `overwrite` once the user agreed to replace an existing file.
    ExportTo {
        kind: ExportKind,
        path: PathBuf,
        overwrite: bool,
    },
    CancelOverwrite,
    OpenSample,
    Reload,
    CancelLoad,
    SetLaneMode(LaneMode),
    SetColorMode(ColorMode),
    SetFilters(Filters),
    SetCountsScope(CountsScope),
    SetDarkMode(bool),
    ToggleProblems,
    SetPathEntry(String),
    ClosePathEntry,
    CopyText(String),
    OpenUrl(String),
}

/// The application.
pub struct TimelineApp {
    pub settings: Settings,
    pub filters: Filters,
    pub data: Loaded,
    pub view: TimeView,
    /// Set when the view was changed by a command, so the plot adopts it on the next frame.
    pub view_changed: bool,
    pub selected: Option<usize>,
    pub loading: Option<LoadJob>,
    /// A file or folder dialog running on a helper thread.
    dialog: Option<PendingDialog>,
    /// Shown when no dialog could be opened: a field to type a path into.
    pub path_entry: Option<PathEntry>,
    /// An export waiting for the user to agree to replace an existing file.
    pub confirm_overwrite: Option<(ExportKind, PathBuf)>,
    /// The PNG export in progress: waiting for the frame to be painted, then for its pixels.
    capture: Option<Capture>,
    /// Set for `--screenshot`: what to show, where to save it, and where to put the outcome.
    screenshot_job: Option<ScreenshotJob>,
    /// A one-line message for the status bar (errors of opening, copying, ...).
    pub status_message: Option<String>,
    /// The window title last sent, so it is sent only when it changes.
    sent_title: String,
    /// Reloads the folder when its files change.
    watcher: Option<FolderWatcher>,
    egui_ctx: egui::Context,
}

/// The storage key of [`Settings`].
const SETTINGS_KEY: &str = "coop-timeline-settings";

impl TimelineApp {
    /// Builds the app; `folder` is the command line's, else the last one, else the sample.
    pub fn new(cc: &eframe::CreationContext<'_>, folder: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::with_data(&cc.egui_ctx, settings, DataSource::Sample, sample_dataset());
        let folder = folder.or_else(|| app.settings.last_folder.clone().filter(|f| f.is_dir()));
        if let Some(folder) = folder {
            app.start_loading(folder);
        }
        app
    }

    /// The app showing `dataset`, without a window: for benchmarks, and behind [`Self::new`].
    pub fn with_data(
        ctx: &egui::Context,
        settings: Settings,
        source: DataSource,
        dataset: Dataset,
    ) -> Self {
        ui::fonts::install_fonts(ctx);
        ctx.set_theme(if settings.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let filters = Filters::default();
        let data = Loaded::new(source, dataset, &filters, &settings);
        let view = TimeView::fit_all(&data.limits);
        Self {
            settings,
            filters,
            data,
            view,
            view_changed: true,
            selected: None,
            loading: None,
            dialog: None,
            path_entry: None,
            confirm_overwrite: None,
            capture: None,
            screenshot_job: None,
            status_message: None,
            sent_title: String::new(),
            watcher: None,
            egui_ctx: ctx.clone(),
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Select(index) => {
                self.selected = index.filter(|&i| i < self.data.dataset.events.len());
                if let Some(event) = self.selected.and_then(|i| self.data.dataset.events.get(i)) {
                    let span = event.span();
                    let (start, end) = (
                        days_from_date(span.first_day()),
                        days_from_date(span.last_day()) + 1.0,
                    );
                    self.view = self.view.bring_into_view(start, end, &self.data.limits);
                    self.view_changed = true;
                }
            }
            Command::SelectNext | Command::SelectPrevious => {
                let shown = &self.data.shown;
                let position = self
                    .selected
                    .and_then(|s| shown.iter().position(|&i| i == s));
                let next = match (command, position) {
                    (_, None) if shown.is_empty() => None,
                    (Command::SelectNext, None) => shown.first().copied(),
                    (_, None) => shown.last().copied(),
                    (Command::SelectNext, Some(p)) => shown.get(p + 1).or(shown.get(p)).copied(),
                    (_, Some(p)) => shown.get(p.saturating_sub(1)).copied(),
                };
                self.apply(ctx, Command::Select(next));
            }
            Command::SetView(view) => {
                let clamped = view.clamped(&self.data.limits);
                self.view_changed |= clamped != view;
                self.view = clamped;
            }
            Command::ViewAdopted => self.view_changed = false,
            Command::FitAll => {
                self.view = TimeView::fit_all(&self.data.limits);
                self.view_changed = true;
            }
            Command::ZoomAround { days, factor } => {
                self.view = self.view.zoom_at(days, factor, &self.data.limits);
                self.view_changed = true;
            }
            Command::Zoom(factor) => {
                self.view = self
                    .view
                    .zoom_at(self.view.center_days(), factor, &self.data.limits);
                self.view_changed = true;
            }
            Command::ShowOpenDialog => self.show_open_dialog(),
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
            Command::OpenSample => self.show_dataset(DataSource::Sample, sample_dataset()),
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
                self.data.refresh_scene(&self.settings);
            }
            Command::SetColorMode(mode) => {
                self.settings.color_mode = mode;
                self.data.refresh_scene(&self.settings);
            }
            Command::SetFilters(filters) => {
                self.filters = filters;
                self.data.refresh_filters(&self.filters, &self.settings);
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
        }
    }

    /// The window title: the folder and the event count.
    pub fn title(&self) -> String {
        format!(
            "{} — {} events — Cooperation Timeline Explorer",
            self.data.source.display_name(),
            self.data.dataset.events.len()
        )
    }
}

impl eframe::App for TimelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // A scripted screenshot leaves the user's settings alone.
        if self.screenshot_job.is_none() {
            eframe::set_value(storage, SETTINGS_KEY, &self.settings);
        }
    }
}

impl TimelineApp {
    /// One frame: take what finished in the background, draw, apply the commands.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        if self.loading.is_none()
            && self
                .watcher
                .as_ref()
                .is_some_and(FolderWatcher::take_changes)
        {
            self.apply(ui.ctx(), Command::Reload);
        }
        self.poll_loading();
        self.poll_dialog();
        self.poll_capture(ui.ctx());
        self.advance_screenshot_job(ui.ctx());
        if self.loading.is_some()
            || self.dialog.is_some()
            || self.capture.is_some()
            || self.screenshot_job.is_some()
        {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        let commands = ui::app_ui(ui, self);
        let ctx = ui.ctx().clone();
        for command in commands {
            self.apply(&ctx, command);
        }
        self.request_capture(ui.ctx());
        let title = self.title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }
}

/// How the window is opened from the command line.
#[derive(Default)]
pub struct StartOptions {
    pub folder: Option<PathBuf>,
    /// The window's inner size in points; the remembered size when `None`.
    pub size: Option<[f32; 2]>,
    pub screenshot: Option<ScreenshotJob>,
}

/// Opens the window.
pub fn run(options: StartOptions) -> eframe::Result {
    let StartOptions {
        folder,
        size,
        screenshot,
    } = options;
    let scripted = screenshot.is_some();
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(size.unwrap_or([1400.0, 850.0]))
            .with_min_inner_size([700.0, 450.0])
            .with_title("Cooperation Timeline Explorer")
            .with_app_id("coop-timeline"),
        // A scripted screenshot uses the size it was given, not the remembered one.
        persist_window: !scripted,
        ..Default::default()
    };
    eframe::run_native(
        "coop-timeline",
        native_options,
        Box::new(move |cc| {
            let mut app = TimelineApp::new(cc, folder);
            if let Some(job) = screenshot {
                app.set_screenshot_job(job);
            }
            Ok(Box::new(app))
        }),
    )
}
