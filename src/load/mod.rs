//! Loading a data folder: every data file in it, each read in the format its content shows
//! (the app's own JSON and CSV, TimelineJS, GDELT, any dated spreadsheet), merged, with every
//! problem located to its file and line.

pub mod cache;
mod csv;
mod detect;
mod gdelt;
mod json;
mod raw;
pub mod sample;
pub mod sheet;
mod timelinejs;
mod validate;
pub mod watch;
mod workbook;

mod folder;
mod merge;
mod output;
mod parse;
mod reload;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64};

pub use self::csv::{CSV_COLUMNS, CSV_EXTRA_COLUMNS};
pub use self::detect::Format;
pub(crate) use self::folder::read_exact_in_parts;
use self::folder::{ReadFile, read_files};
pub use self::folder::{data_files, is_data_file};
pub use self::gdelt::cameo;
#[doc(hidden)]
pub use self::json::parts_read_as_whole;
use self::merge::Merger;
pub use self::output::FileOutput;
use self::parse::parse_bytes;
pub use self::raw::RawEvent;
pub use self::reload::reload_folder;
pub use self::sheet::{SheetMapping, SheetRole};
use crate::model::dataset::{Dataset, FileStamp};
use crate::model::drafts::Review;

/// How to load: limits that keep a hostile folder from eating the machine, and the column
/// mappings the user chose for spreadsheets.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// A larger file is reported and not read.
    pub max_file_bytes: u64,
    /// Column mappings chosen by the user, by file name; other spreadsheets are guessed.
    pub sheet_mappings: std::collections::BTreeMap<String, SheetMapping>,
    /// The user's reviews of drafted events, by draft id.
    pub reviews: std::collections::BTreeMap<String, Review>,
    /// Page dates the user gave for articles, by file name, over those the pages state.
    pub page_dates: std::collections::BTreeMap<String, chrono::NaiveDate>,
    /// Roles given on the command line (`--columns "Datum=start"`), for every table with
    /// those headers, over the guess.
    pub forced_columns: Option<SheetMapping>,
}

impl LoadOptions {
    /// Whether a file is read the same way under both: the reviews only place drafts.
    pub fn reads_files_as(&self, other: &Self) -> bool {
        self.max_file_bytes == other.max_file_bytes
            && self.sheet_mappings == other.sheet_mappings
            && self.page_dates == other.page_dates
            && self.forced_columns == other.forced_columns
    }
}

const MIB: f64 = (1 << 20) as f64;

/// The default size limit, 512 MiB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            sheet_mappings: Default::default(),
            reviews: Default::default(),
            page_dates: Default::default(),
            forced_columns: None,
        }
    }
}

/// Shared between a loading thread and the UI: how far it got, and a way to stop it.
#[derive(Debug, Default)]
pub struct LoadProgress {
    pub files_total: AtomicU64,
    pub files_done: AtomicU64,
    pub bytes_total: AtomicU64,
    pub bytes_read: AtomicU64,
    pub cancel: AtomicBool,
}

/// Why a folder could not be loaded at all. Problems inside files are [`Problem`]s instead.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot open the folder: {source}: {}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the loading was cancelled")]
    Cancelled,
}

/// Loads every data file in `dir`. Problems in files never stop the other files.
pub fn load_folder(
    dir: &Path,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> Result<Dataset, LoadError> {
    let listed: Vec<(usize, PathBuf)> = data_files(dir)?.into_iter().enumerate().collect();
    let mut merger = Merger::default();
    read_files(&listed, options, progress, |file| {
        merger.add_read_file(file)
    })?;
    Ok(merger.finish(&options.reviews))
}

/// Loads files held in memory, as `(file name, content)`: the built-in sample data and tests.
pub fn load_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Dataset {
    let options = LoadOptions::default();
    let mut merger = Merger::default();
    for (index, (name, bytes)) in files.into_iter().enumerate() {
        merger.add_read_file(ReadFile {
            index,
            name: name.to_owned(),
            // No modification time: a reload reads it again.
            stamp: FileStamp::default(),
            parsed: parse_bytes(name.to_owned(), bytes, &options),
        });
    }
    merger.finish(&options.reviews)
}
