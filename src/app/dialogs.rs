//! Native file and folder dialogs on a helper thread, and the typed path when there is none.

use std::path::PathBuf;
use std::sync::mpsc;

use super::TimelineApp;
use crate::state::{DataSource, PathEntry, PathPurpose};

/// A native dialog running on a helper thread.
pub(super) struct PendingDialog {
    receiver: mpsc::Receiver<Option<PathBuf>>,
    opened_at: std::time::Instant,
    purpose: PathPurpose,
}

impl TimelineApp {
    /// Opens the native folder picker on a helper thread, so the window keeps painting.
    pub(super) fn show_open_dialog(&mut self) {
        // The last folder opened, else the current one, else home.
        let start_dir = self
            .settings
            .last_folder
            .clone()
            .or_else(|| match &self.data.source {
                DataSource::Folder(folder) => Some(folder.clone()),
                DataSource::Sample => None,
            })
            .filter(|f| f.is_dir())
            .or_else(std::env::home_dir);
        self.start_dialog(PathPurpose::OpenFolder, move || {
            let mut dialog = rfd::AsyncFileDialog::new().set_title("Open a data folder");
            if let Some(dir) = start_dir {
                // The portal reads the directory; zenity only the file name, where a path
                // ending in "/" opens that folder.
                let mut name = dir.to_string_lossy().into_owned();
                if !name.ends_with('/') {
                    name.push('/');
                }
                dialog = dialog.set_directory(&dir).set_file_name(name);
            }
            pollster::block_on(dialog.pick_folder()).map(|handle| handle.path().to_owned())
        });
    }

    /// Runs `pick` (a blocking dialog) on a helper thread.
    pub(super) fn start_dialog(
        &mut self,
        purpose: PathPurpose,
        pick: impl FnOnce() -> Option<PathBuf> + Send + 'static,
    ) {
        if self.dialog.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let ctx = self.egui_ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".into())
            .spawn(move || {
                // A closed channel means the app went away while the dialog was open.
                if sender.send(pick()).is_ok() {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.dialog = Some(PendingDialog {
                    receiver,
                    opened_at: std::time::Instant::now(),
                    purpose,
                })
            }
            Err(_) => {
                self.path_entry = Some(PathEntry {
                    purpose,
                    text: String::new(),
                })
            }
        }
    }

    pub(super) fn poll_dialog(&mut self) {
        /// rfd answers "nothing picked" at once when it has no dialog to show (no portal, no
        /// zenity); a person takes longer than this to cancel one.
        const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(400);
        let Some(dialog) = &self.dialog else { return };
        let answer = match dialog.receiver.try_recv() {
            Ok(answer) => answer,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let no_dialog = answer.is_none() && dialog.opened_at.elapsed() < NO_DIALOG_WITHIN;
        let purpose = dialog.purpose;
        self.dialog = None;
        match (answer, purpose) {
            (Some(folder), PathPurpose::OpenFolder) => self.start_loading(folder),
            // The save dialogs (portal, zenity) ask before replacing a file themselves.
            (Some(path), PathPurpose::Save(kind)) => self.export_to(kind, path, true),
            (None, purpose) if no_dialog => {
                self.path_entry = Some(PathEntry {
                    purpose,
                    text: String::new(),
                })
            }
            (None, _) => {}
        }
    }
}
