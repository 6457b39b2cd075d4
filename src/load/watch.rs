//! Watches the open data folder and says when its files really changed: created, removed,
//! renamed or written, and different in size or time from what was loaded. Reading a file
//! (the app's own reload, `cat`, a backup tool) is never a change.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

pub use crate::load::cache::Fingerprint;
use crate::load::is_data_file;

/// Changes closer together than this make one reload: an editor saving a file writes it
/// several times.
const QUIET_PERIOD: Duration = Duration::from_millis(400);

/// True for file events that may change what the folder holds; reads and metadata changes
/// (such as the access time a read sets) are not.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Watches one folder while it lives.
pub struct FolderWatcher {
    folder: PathBuf,
    _watcher: RecommendedWatcher,
    events: mpsc::Receiver<()>,
    /// When the last change event came, while waiting for the folder to be quiet.
    last_event: Option<Instant>,
}

impl FolderWatcher {
    /// Starts watching `folder`; `on_event` is called from the watcher's thread (to wake the
    /// UI) whenever a data file may have changed.
    pub fn new(folder: &Path, on_event: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let (sender, events) = mpsc::channel();
        // A single data file is watched through its folder: editors replace a file by renaming
        // another onto it, which a watch on the file itself would not see.
        let only_file = folder.is_file().then(|| folder.to_owned());
        let watched = match (&only_file, folder.parent()) {
            (Some(_), Some(parent)) => parent.to_owned(),
            _ => folder.to_owned(),
        };
        let mut watcher =
            notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
                let Ok(event) = result else { return };
                let ours = |path: &PathBuf| match &only_file {
                    Some(file) => path == file,
                    None => is_data_file(path),
                };
                if is_change(&event.kind) && event.paths.iter().any(ours) && sender.send(()).is_ok()
                {
                    on_event();
                }
            })?;
        watcher.watch(&watched, RecursiveMode::NonRecursive)?;
        Ok(Self {
            folder: folder.to_owned(),
            _watcher: watcher,
            events,
            last_event: None,
        })
    }

    /// True once the folder has been quiet for a moment after a change and its files differ
    /// from `loaded`. `wake_after` is how long to wait before asking again, if still waiting.
    pub fn changed_since(&mut self, loaded: &Fingerprint) -> (bool, Option<Duration>) {
        if self.events.try_iter().count() > 0 {
            self.last_event = Some(Instant::now());
        }
        let Some(last_event) = self.last_event else {
            return (false, None);
        };
        let quiet_for = last_event.elapsed();
        if quiet_for < QUIET_PERIOD {
            return (false, Some(QUIET_PERIOD - quiet_for));
        }
        self.last_event = None;
        (Fingerprint::of_folder(&self.folder) != *loaded, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_not_changes() {
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!is_change(&EventKind::Modify(ModifyKind::Metadata(
            notify::event::MetadataKind::AccessTime
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Data(
            notify::event::DataChange::Content
        ))));
        assert!(is_change(&EventKind::Create(
            notify::event::CreateKind::File
        )));
    }
}
