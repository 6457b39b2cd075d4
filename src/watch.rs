//! Watches the open data folder and says when its files changed, debounced, so that an
//! editor saving a file triggers one reload, not ten.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

/// Changes closer together than this make one reload.
const DEBOUNCE: Duration = Duration::from_millis(500);

/// Watches one folder while it lives.
pub struct FolderWatcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    changes: mpsc::Receiver<()>,
}

impl FolderWatcher {
    /// Starts watching `folder`; `on_change` is called from the watcher's thread (to wake the
    /// UI) whenever a data file changed.
    pub fn new(
        folder: &Path,
        on_change: impl Fn() + Send + 'static,
    ) -> notify_debouncer_mini::notify::Result<Self> {
        let (sender, changes) = mpsc::channel();
        let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let data_changed = events.iter().any(|event| {
                let extension = event
                    .path
                    .extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase);
                matches!(extension.as_deref(), Some("json" | "csv"))
            });
            if data_changed && sender.send(()).is_ok() {
                on_change();
            }
        })?;
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::NonRecursive)?;
        Ok(Self {
            _debouncer: debouncer,
            changes,
        })
    }

    /// True if files changed since the last call.
    pub fn take_changes(&self) -> bool {
        self.changes.try_iter().count() > 0
    }
}
