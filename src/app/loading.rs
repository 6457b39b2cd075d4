//! Loading a folder on a background thread, and putting the result on screen.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use super::{DataSource, Loaded, MAX_RECENT_FOLDERS, TimelineApp};
use crate::model::load::load_folder;
use crate::model::view::TimeView;
use crate::model::{Dataset, LoadError, LoadOptions, LoadProgress};
use crate::watch::FolderWatcher;

/// A folder being loaded on a background thread.
pub struct LoadJob {
    pub source: DataSource,
    pub progress: Arc<LoadProgress>,
    receiver: mpsc::Receiver<Result<Dataset, LoadError>>,
}

/// A sentence for a folder that gave no events.
pub(super) fn why_no_events(data: &Loaded) -> String {
    let name = data.source.display_name();
    match (data.dataset.file_count, data.dataset.error_count()) {
        (0, _) => format!("{name} holds no .json or .csv files"),
        (_, 0) => format!("The files in {name} hold no events"),
        (_, errors) => {
            format!("No event of {name} could be loaded: {errors} errors, see the problems panel")
        }
    }
}

impl TimelineApp {
    /// Loads `folder` on a background thread; the current data stays until it is ready.
    pub fn start_loading(&mut self, folder: PathBuf) {
        let progress = Arc::new(LoadProgress::default());
        let (sender, receiver) = mpsc::channel();
        let thread_progress = Arc::clone(&progress);
        let thread_folder = folder.clone();
        let spawned = std::thread::Builder::new()
            .name("load-folder".into())
            .spawn(move || {
                let result = load_folder(&thread_folder, &LoadOptions::default(), &thread_progress);
                // The app may have gone away; then nobody needs the result.
                let _ = sender.send(result);
            });
        if let Err(error) = spawned {
            self.status_message = Some(format!("Could not start loading: {error}"));
            return;
        }
        if let Some(old) = self.loading.replace(LoadJob {
            source: DataSource::Folder(folder),
            progress,
            receiver,
        }) {
            old.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Takes a finished load, if any.
    pub(super) fn poll_loading(&mut self) {
        let Some(job) = &self.loading else { return };
        let result = match job.receiver.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(LoadError::Cancelled),
        };
        let Some(job) = self.loading.take() else {
            return;
        };
        match result {
            Ok(dataset) => self.show_dataset(job.source, dataset),
            Err(LoadError::Cancelled) => self.status_message = Some("Loading cancelled".to_owned()),
            Err(error) => {
                self.status_message = Some(error.to_string());
                let ctx = self.egui_ctx.clone();
                self.finish_screenshot_job(&ctx, Err(error.to_string()));
            }
        }
    }

    /// Puts a loaded dataset on screen, keeping the selection and the view on a reload when
    /// the selected event still exists.
    pub fn show_dataset(&mut self, source: DataSource, dataset: Dataset) {
        let is_reload = source == self.data.source;
        let selected_id = self
            .selected
            .and_then(|i| self.data.dataset.events.get(i))
            .map(|e| e.id().to_owned());
        if let DataSource::Folder(folder) = &source {
            self.remember_folder(folder);
            if !is_reload || self.watcher.is_none() {
                let ctx = self.egui_ctx.clone();
                // Without a watcher the app still works; Ctrl+R reloads by hand.
                self.watcher = FolderWatcher::new(folder, move || ctx.request_repaint()).ok();
            }
        } else {
            self.watcher = None;
        }
        let has_errors = dataset.problems.iter().any(|p| p.is_error());
        if has_errors {
            self.settings.show_problems = true;
        }
        self.data = Loaded::new(source, dataset, &self.filters, &self.settings);
        self.selected = selected_id
            .filter(|_| is_reload)
            .and_then(|id| self.data.dataset.events.position_of_id(&id));
        if !is_reload || self.selected.is_none() {
            self.view = TimeView::fit_all(&self.data.limits);
        } else {
            self.view = self.view.clamped(&self.data.limits);
        }
        self.view_changed = true;
        self.status_message = self
            .data
            .dataset
            .events
            .is_empty()
            .then(|| why_no_events(&self.data));
    }

    fn remember_folder(&mut self, folder: &Path) {
        self.settings.last_folder = Some(folder.to_owned());
        self.settings.recent_folders.retain(|f| f != folder);
        self.settings.recent_folders.insert(0, folder.to_owned());
        self.settings.recent_folders.truncate(MAX_RECENT_FOLDERS);
    }
}
