//! Loading a folder on a background thread, and putting the result on screen.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;

use super::TimelineApp;
use crate::layout::LaneMode;
use crate::load::cache::{LoadCache, PendingWrite};
use crate::load::watch::{Fingerprint, FolderWatcher};
use crate::load::{LoadError, LoadOptions, LoadProgress};
use crate::load::{load_folder, reload_folder};
use crate::model::Dataset;
use crate::state::{DataSource, LoadStatus, Loaded, MAX_RECENT_FOLDERS};

/// A folder being loaded on a background thread.
pub struct LoadJob {
    pub source: DataSource,
    pub progress: Arc<LoadProgress>,
    receiver: mpsc::Receiver<Result<(Loaded, Fingerprint), LoadError>>,
    /// The options the folder is read with; `None` for a rebuild, which reads nothing.
    options: Option<LoadOptions>,
}

impl LoadJob {
    pub fn status(&self) -> LoadStatus {
        let progress = &self.progress;
        LoadStatus {
            name: self.source.display_name(),
            files_done: progress.files_done.load(Ordering::Relaxed),
            files_total: progress.files_total.load(Ordering::Relaxed),
            bytes_read: progress.bytes_read.load(Ordering::Relaxed),
            bytes_total: progress.bytes_total.load(Ordering::Relaxed),
        }
    }
}

/// A sentence for a folder that gave no events.
fn why_no_events(data: &Loaded) -> String {
    let name = data.source.display_name();
    match (data.dataset.file_count, data.dataset.error_count()) {
        (0, _) => format!("{name} holds no data files or articles"),
        (_, 0) => format!("The files in {name} hold no events"),
        (_, errors) => {
            format!("No event of {name} could be loaded: {errors} errors, see the problems panel")
        }
    }
}

impl TimelineApp {
    /// Loads `folder` on a background thread, with everything derived from it; the current
    /// data stays on screen until it is ready.
    pub fn start_loading(&mut self, folder: PathBuf) {
        self.load_in_background(folder, false);
    }

    /// Loads the folder on screen again after its files changed: only the changed files are
    /// read when the others' events can be kept (see [`reload_folder`]).
    fn start_reloading_changes(&mut self, folder: PathBuf) {
        self.load_in_background(folder, true);
    }

    fn load_in_background(&mut self, folder: PathBuf, keep_unchanged: bool) {
        let progress = Arc::new(LoadProgress::default());
        let (sender, receiver) = mpsc::channel();
        let thread_progress = Arc::clone(&progress);
        let thread_folder = folder.clone();
        let (chosen_lanes, color_mode) = (
            self.settings.lanes_chosen.get(&folder).copied(),
            self.settings.color_mode,
        );
        // The mappings the user chose for this folder's spreadsheets, by file name.
        let options = LoadOptions {
            sheet_mappings: self
                .settings
                .sheet_mappings
                .iter()
                .filter(|(path, _)| path.parent() == Some(folder.as_path()))
                .filter_map(|(path, mapping)| {
                    Some((
                        path.file_name()?.to_string_lossy().into_owned(),
                        mapping.clone(),
                    ))
                })
                .collect(),
            reviews: self
                .settings
                .reviews
                .get(&folder)
                .cloned()
                .unwrap_or_default(),
            page_dates: self.folder_page_dates(&folder),
            forced_columns: self.base_options.forced_columns.clone(),
            max_file_bytes: self.base_options.max_file_bytes,
        };
        let job_options = options.clone();
        let same_folder = self.data.source == DataSource::Folder(folder.clone());
        let read_alike = (self.loaded_options.as_ref()).is_some_and(|o| o.reads_files_as(&options));
        let previous =
            (keep_unchanged && same_folder && read_alike).then(|| Arc::clone(&self.data.dataset));
        let repaint = self.egui_ctx.clone();
        let notes = self.background_notes.0.clone();
        let note_repaint = repaint.clone();
        // A note from the loading thread about the cache, for the status bar. The app may
        // have gone away, and then nobody is left to tell.
        let tell = move |note: String| {
            if notes.send(note).is_ok() {
                note_repaint.request_repaint();
            }
        };
        let spawned = std::thread::Builder::new()
            .name("load-folder".into())
            .spawn(move || {
                // Taken before reading: a file written while it is read differs afterwards,
                // and is read again.
                let fingerprint = Fingerprint::of_folder(&thread_folder);
                let cache = LoadCache::in_user_cache_folder();
                let cached = cache
                    .as_ref()
                    .and_then(|cache| cache.open(&thread_folder, &options, &fingerprint))
                    .map(|(dataset, note)| {
                        if let Some(note) = note {
                            tell(note.to_string());
                        }
                        dataset
                    });
                let from_cache = cached.is_some();
                let result = cached
                    .map(Ok)
                    .unwrap_or_else(|| match previous {
                        Some(previous) => {
                            reload_folder(&thread_folder, &previous, &options, &thread_progress)
                        }
                        None => load_folder(&thread_folder, &options, &thread_progress),
                    })
                    .map(|dataset| {
                        let source = DataSource::Folder(thread_folder.clone());
                        let lane_mode =
                            chosen_lanes.unwrap_or_else(|| LaneMode::suited_to(&dataset.events));
                        Loaded::new(source, dataset, lane_mode, color_mode)
                    });
                let dataset = result
                    .as_ref()
                    .ok()
                    .map(|loaded| Arc::clone(&loaded.dataset));
                // Counted before the data is sent: a scripted screenshot may end the process
                // as soon as it is on screen, and waits for counted writes.
                let _cache_write = (!from_cache).then(PendingWrite::start);
                // A closed channel means the app went away: nobody needs the result then.
                if sender
                    .send(result.map(|loaded| (loaded, fingerprint.clone())))
                    .is_err()
                {
                    return;
                }
                repaint.request_repaint();
                // Kept for the next start once the data is on screen; a cache that cannot be
                // written only costs that next start its speed, and is told in the status bar.
                if let (Some(cache), Some(dataset), false) = (cache, dataset, from_cache)
                    && let Err(error) =
                        cache.store(&thread_folder, &options, &fingerprint, &dataset)
                {
                    tell(format!(
                        "This folder opens as usual, but not faster next time: {error}"
                    ));
                }
            });
        if let Err(error) = spawned {
            self.status_message = Some(format!("Could not start loading: {error}"));
            return;
        }
        self.reloads_started += 1;
        if let Some(old) = self.loading.replace(LoadJob {
            source: DataSource::Folder(folder),
            progress,
            receiver,
            options: Some(job_options),
        }) {
            old.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Puts a dataset made from the one on screen (drafts reviewed anew) on screen, built on
    /// a background thread as a load is; the folder is not read again.
    pub(super) fn start_rebuild(&mut self, make: impl FnOnce() -> Dataset + Send + 'static) {
        let (sender, receiver) = mpsc::channel();
        let source = self.data.source.clone();
        let thread_source = source.clone();
        let fingerprint = self.loaded_fingerprint.clone();
        let (lane_mode, color_mode) = (self.settings.lane_mode, self.settings.color_mode);
        let repaint = self.egui_ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("rebuild".into())
            .spawn(move || {
                let loaded = Loaded::new(thread_source, make(), lane_mode, color_mode);
                // A closed channel means the app went away: nobody needs the result then.
                if sender.send(Ok((loaded, fingerprint))).is_ok() {
                    repaint.request_repaint();
                }
            });
        if let Err(error) = spawned {
            self.status_message = Some(format!("Could not start: {error}"));
            return;
        }
        if let Some(old) = self.loading.replace(LoadJob {
            source,
            progress: Arc::new(LoadProgress::default()),
            receiver,
            options: None,
        }) {
            old.progress.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Takes a finished load, if any, and what the loading thread had to say since.
    pub(super) fn poll_loading(&mut self) {
        if let Some(note) = self.background_notes.1.try_iter().last() {
            self.status_message = Some(note);
        }
        let Some(job) = &self.loading else { return };
        let result = match job.receiver.try_recv() {
            Ok(result) => result,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(LoadError::Cancelled),
        };
        let options = self.loading.take().and_then(|job| job.options);
        match result {
            Ok((loaded, fingerprint)) => {
                let source = loaded.source.clone();
                self.show_dataset(source, loaded);
                self.loaded_fingerprint = fingerprint;
                if options.is_some() {
                    self.loaded_options = options;
                }
            }
            Err(LoadError::Cancelled) => self.status_message = Some("Loading cancelled".to_owned()),
            Err(error) => {
                self.status_message = Some(error.to_string());
                let ctx = self.egui_ctx.clone();
                self.finish_screenshot_job(&ctx, Err(error.to_string()));
            }
        }
    }

    /// Reloads when the folder's files really changed since they were loaded.
    pub(super) fn poll_watcher(&mut self) {
        if self.loading.is_some() {
            return;
        }
        let Some(watcher) = &mut self.watcher else {
            return;
        };
        let (changed, wake_after) = watcher.changed_since(&self.loaded_fingerprint);
        if let Some(after) = wake_after {
            self.egui_ctx.request_repaint_after(after);
        }
        if changed && let DataSource::Folder(folder) = self.data.source.clone() {
            self.start_reloading_changes(folder);
        }
    }

    /// Puts loaded data on screen. A reload of the same source keeps the view, the scroll
    /// and the selection, whenever the selected event still exists; new data is fitted.
    pub fn show_dataset(&mut self, source: DataSource, loaded: Loaded) {
        let is_reload = source == self.data.source;
        let selected_id = self
            .selection
            .event
            .and_then(|i| self.data.dataset.events.get(i as usize))
            .map(|e| e.id().to_owned())
            .or_else(|| self.selection_to_restore.take());
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
        if loaded.dataset.problems.iter().any(|p| p.is_error()) {
            self.settings.show_problems = true;
        }
        self.settings.lane_mode = loaded.lane_mode;
        self.data = loaded;
        let selected_id = selected_id.filter(|_| is_reload);
        self.selection.event = selected_id
            .as_deref()
            .and_then(|id| self.data.dataset.events.position_of_id(id))
            .map(|i| i as u32);
        // Gone for now, perhaps back once the file is fixed.
        if self.selection.event.is_none() {
            self.selection_to_restore = selected_id;
        }
        self.selection.group = None;
        if is_reload {
            self.view = self.view.clamped(&self.data.limits);
        } else {
            self.lanes_scroll_px = 0.0;
            self.fit_all();
        }
        if !self.filters.is_empty() {
            self.rederive(false);
        }
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
