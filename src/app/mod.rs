//! The eframe app: owns the state, applies the commands the panels return, persists settings.

use std::path::PathBuf;
use std::sync::Arc;

use crate::command::Command;
use crate::layout::fit::FitInput;
use crate::layout::text::EstimatedMeasure;
use crate::layout::view::TimeView;
use crate::load::sample::sample_dataset;
use crate::load::watch::{Fingerprint, FolderWatcher};
use crate::model::{Dataset, Filters};
use crate::state::{DataSource, Loaded, MappingEditor, PathEntry, Selection, Settings};
use crate::ui;

mod apply;
mod derive;
mod dialogs;
mod export;
mod loading;
mod review;
mod run;

pub use derive::{DeriveOutcome, DeriveRequest, Deriver};
use dialogs::PendingDialog;
use export::Capture;
pub use export::{ScreenshotJob, ScreenshotOutcome};
pub use loading::LoadJob;
pub use run::{StartOptions, run};

/// The application.
pub struct TimelineApp {
    pub settings: Settings,
    /// The filters as the user set them; the scene on screen catches up in the background.
    pub filters: Filters,
    pub data: Loaded,
    /// The visible time range: the only one, drawn by the timeline and read by every panel.
    pub view: TimeView,
    /// How far the lanes are scrolled down, in points.
    pub lanes_scroll_px: f32,
    /// Where the chart is on screen (left, top, right, bottom, in points), once drawn.
    pub chart_rect_px: Option<[f32; 4]>,
    /// True while the view is the fit of all shown events, so it follows resizing.
    view_is_fit: bool,
    pub selection: Selection,
    /// The id of the selected event while a reload left it out (a file broken for a moment):
    /// it is selected again when it comes back.
    selection_to_restore: Option<String>,
    pub loading: Option<LoadJob>,
    /// Filters and lays out off the UI thread.
    deriver: Deriver,
    /// A file or folder dialog running on a helper thread.
    dialog: Option<PendingDialog>,
    /// Shown when no dialog could be opened: a field to type a path into.
    pub path_entry: Option<PathEntry>,
    /// An export waiting for the user to agree to replace an existing file.
    pub confirm_overwrite: Option<(crate::export::ExportKind, PathBuf)>,
    /// The spreadsheet column dialog, while open.
    pub mapping_editor: Option<MappingEditor>,
    /// The corrections of a draft, while typed.
    pub draft_editor: Option<crate::state::DraftEditor>,
    /// The page date being typed for an article.
    pub page_date_editor: Option<crate::state::PageDateEditor>,
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
    /// The folder's files as they were when last loaded.
    loaded_fingerprint: Fingerprint,
    /// The options the data on screen was read with, when it was read from a folder.
    loaded_options: Option<crate::load::LoadOptions>,
    /// How many reloads started since the app opened: the live-reload test reads it.
    pub reloads_started: u64,
    /// How every folder is read, from the command line: the size limit (`--max-file-mb`) and
    /// columns named with `--columns`; the settings add the user's choices.
    pub base_options: crate::load::LoadOptions,
    /// What background threads report after their work is handed over (a cache that could
    /// not be written), for the status bar.
    background_notes: (
        std::sync::mpsc::Sender<String>,
        std::sync::mpsc::Receiver<String>,
    ),
    egui_ctx: egui::Context,
}

/// The storage key of [`Settings`].
pub const SETTINGS_KEY: &str = "coop-timeline-settings";

/// The chart's width before it was first drawn.
const DEFAULT_CHART_WIDTH_PX: f32 = 1000.0;

impl TimelineApp {
    /// Builds the app; `folder` is the command line's, else the last one, else the sample.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        folder: Option<PathBuf>,
        base_options: crate::load::LoadOptions,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        let mut app = Self::with_data(&cc.egui_ctx, settings, DataSource::Sample, sample_dataset());
        app.base_options = base_options;
        let folder = folder.or_else(|| app.settings.last_folder.clone().filter(|f| f.exists()));
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
        let data = Loaded::new(source, dataset, settings.lane_mode, settings.color_mode);
        let repaint = ctx.clone();
        let mut app = Self {
            settings,
            filters: Filters::default(),
            view: TimeView::fit(0.0, 1.0, 1000.0, 0.0, &data.limits),
            data,
            lanes_scroll_px: 0.0,
            chart_rect_px: None,
            view_is_fit: true,
            selection: Selection::default(),
            selection_to_restore: None,
            loading: None,
            deriver: Deriver::new(move || repaint.request_repaint()),
            dialog: None,
            path_entry: None,
            confirm_overwrite: None,
            mapping_editor: None,
            draft_editor: None,
            page_date_editor: None,
            base_options: crate::load::LoadOptions::default(),
            capture: None,
            screenshot_job: None,
            status_message: None,
            sent_title: String::new(),
            watcher: None,
            loaded_fingerprint: Fingerprint::default(),
            loaded_options: None,
            reloads_started: 0,
            background_notes: std::sync::mpsc::channel(),
            egui_ctx: ctx.clone(),
        };
        app.fit_all();
        app
    }

    /// Asks for the scene to be worked out again, for new filters (or modes, with
    /// `new_modes`).
    fn rederive(&mut self, new_modes: bool) {
        let generation = crate::state::next_generation();
        let requested = self.deriver.request(DeriveRequest {
            generation,
            dataset: Arc::clone(&self.data.dataset),
            palette: Arc::clone(&self.data.palette),
            full_scene: (!new_modes).then(|| Arc::clone(&self.data.full_scene)),
            full_counts: Arc::clone(&self.data.full_counts),
            lane_mode: self.settings.lane_mode,
            color_mode: self.settings.color_mode,
            filters: self.filters.clone(),
        });
        if let Err(gone) = requested {
            self.status_message = Some(format!("The view cannot change: {gone}"));
        }
    }

    /// Puts finished background work on screen.
    fn take_derived(&mut self) {
        for outcome in self.deriver.take_outcomes() {
            self.apply_derived(outcome);
        }
    }

    fn apply_derived(&mut self, outcome: DeriveOutcome) {
        match outcome {
            DeriveOutcome::Scene {
                full_scene,
                filtered,
                ..
            } => {
                self.data.full_scene = full_scene;
                self.data.filtered = filtered;
                self.data.generation = crate::state::next_generation();
            }
            DeriveOutcome::Counts { counts, .. } => {
                self.data.filtered.range_counts = Some(counts);
            }
        }
    }

    /// Waits for the background filtering to finish: for tests and scripted screenshots.
    pub fn wait_for_filters(&mut self) {
        for outcome in self.deriver.wait(std::time::Duration::from_secs(60)) {
            self.apply_derived(outcome);
        }
    }

    /// True while a search or a new layout is being worked out.
    pub fn is_searching(&self) -> bool {
        self.deriver.is_busy()
    }

    /// True while the participant counts are being worked out.
    pub fn is_counting(&self) -> bool {
        self.deriver.is_counting()
    }

    /// Derives `dataset` here and now, with the current modes: for small built-in data.
    fn loaded_now(&self, source: DataSource, dataset: Dataset) -> Loaded {
        Loaded::new(
            source,
            dataset,
            self.settings.lane_mode,
            self.settings.color_mode,
        )
    }

    /// The window title: the folder and the event count.
    pub fn title(&self) -> String {
        let name = self
            .data
            .dataset
            .titles
            .first()
            .cloned()
            .unwrap_or_else(|| self.data.source.display_name());
        format!(
            "{name} — {} events — Cooperation Timeline Explorer",
            crate::format::group_thousands(self.data.dataset.events.len() as u64)
        )
    }
}

impl TimelineApp {
    /// The view that shows every shown event, with room for the last one's label.
    fn fit_all(&mut self) {
        let width_px = self
            .chart_rect_px
            .map_or(DEFAULT_CHART_WIDTH_PX, |[left, _, right, _]| right - left);
        self.view = crate::layout::fit::fit_all(&FitInput {
            scene: self.data.scene(),
            events: &self.data.dataset.events,
            eras: &self.data.eras,
            limits: &self.data.limits,
            chart_width_px: width_px,
            measure: &EstimatedMeasure,
        });
        self.view_is_fit = true;
    }
}

impl eframe::App for TimelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // A screenshot's pixels are copied back from the GPU after the frame it was taken
        // in; waiting for the copy here, rather than for wgpu's own poll at the next paint,
        // saves a frame (a tenth of a second with software rendering).
        if self.waits_for_screenshot_pixels()
            && let Some(render_state) = frame.wgpu_render_state()
        {
            let waited = render_state.device.poll(eframe::wgpu::PollType::Wait {
                submission_index: None,
                timeout: Some(std::time::Duration::from_secs(1)),
            });
            // A wait that fails costs only the frame it would save: the pixels then come
            // with wgpu's own poll at the next paint.
            if waited.is_err() {
                ui.ctx().request_repaint();
            }
        }
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
        self.poll_watcher();
        self.poll_loading();
        self.take_derived();
        self.poll_dialog();
        self.poll_capture(ui.ctx());
        self.advance_screenshot_job(ui.ctx());
        // Progress is redrawn a few times a second, not every frame: without a GPU a frame
        // costs the loader a good part of a core. A scripted screenshot shows it to nobody,
        // so it waits for the load to wake it.
        if self.loading.is_some() {
            if self.screenshot_job.is_none() {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
        } else if self.dialog.is_some()
            || self.capture.is_some()
            || self.screenshot_job.is_some()
            || self.deriver.is_busy()
            || self.deriver.is_counting()
        {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        // A scripted screenshot's window is seen by nobody until the image is taken: while
        // its data loads nothing is drawn, since without a GPU each frame's rendering takes
        // a core from the load for a tenth of a second. The first frame lays the chart out.
        if self.screenshot_job.is_some() && self.loading.is_some() && self.chart_rect_px.is_some() {
            return;
        }
        let frame = ui::PanelInput {
            settings: &self.settings,
            filters: &self.filters,
            data: &self.data,
            view: self.view,
            lanes_scroll_px: self.lanes_scroll_px,
            chart_rect_px: self.chart_rect_px,
            selection: &self.selection,
            loading: self.loading.as_ref().map(LoadJob::status),
            searching: self.deriver.is_busy(),
            counting: self.deriver.is_counting(),
            dialog_open: self.dialog.is_some(),
            capturing: self.capture.is_some(),
            chart_only: self.screenshot_job.is_some(),
            status_message: self.status_message.as_deref(),
            path_entry: self.path_entry.as_ref(),
            confirm_overwrite: self.confirm_overwrite.as_ref(),
            mapping_editor: self.mapping_editor.as_ref(),
            draft_editor: self.draft_editor.as_ref(),
            page_date_editor: self.page_date_editor.as_ref(),
        };
        let commands = ui::app_ui(ui, &frame);
        let ctx = ui.ctx().clone();
        if !commands.is_empty() {
            ctx.request_repaint();
        }
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
