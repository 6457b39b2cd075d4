//! Native file and folder dialogs on a helper thread, and the typed path when there is none.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use super::{DataSource, TimelineApp};
use crate::export::ExportKind;

/// What a typed or picked path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    OpenFolder,
    Save(ExportKind),
}

/// The field shown when no native dialog is available.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathEntry {
    pub purpose: PathPurpose,
    pub text: String,
}

/// A native dialog running on a helper thread.
pub(super) struct PendingDialog {
    receiver: mpsc::Receiver<Option<PathBuf>>,
    opened_at: std::time::Instant,
    purpose: PathPurpose,
}

impl TimelineApp {
    /// Opens the native folder picker on a helper thread, so the window keeps painting.
    pub(super) fn show_open_dialog(&mut self) {
        let start_dir = match &self.data.source {
            DataSource::Folder(folder) => folder.parent().map(Path::to_owned),
            DataSource::Sample => None,
        };
        self.start_dialog(PathPurpose::OpenFolder, move || {
            let mut dialog = rfd::AsyncFileDialog::new().set_title("Open a data folder");
            if let Some(dir) = start_dir {
                dialog = dialog.set_directory(dir);
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
                let _ = sender.send(pick());
                ctx.request_repaint();
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

    pub fn is_dialog_open(&self) -> bool {
        self.dialog.is_some()
    }
}
