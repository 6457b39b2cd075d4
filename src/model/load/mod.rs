//! Loading a data folder: every data file in it, each read in the format its content shows
//! (the app's own JSON and CSV, TimelineJS, GDELT, any dated spreadsheet), merged, with every
//! problem located to its file and line.

pub mod cameo;
mod csv;
mod detect;
mod gdelt;
pub mod html;
mod json;
mod raw;
pub mod sheet;
mod timelinejs;

use std::hash::BuildHasher as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use hashbrown::HashTable;
use rayon::prelude::*;

pub use self::csv::{
    CSV_COLUMNS, CSV_EXTRA_COLUMNS, join_list, parse_participant_list, participants_cell,
    split_list,
};
pub use self::detect::Format;
#[doc(hidden)]
pub use self::json::parts_read_as_whole;
pub use self::raw::RawEvent;
pub use self::sheet::{SheetMapping, SheetRole};
use crate::draft::Review;
use crate::model::event::Event;
use crate::model::problem::Problem;
use crate::model::store::{EventStore, NO_FILE, StoreFull};

/// Everything loaded from a folder.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Valid events, sorted by start, then id.
    pub events: EventStore,
    /// Every problem, in file order, then line order.
    pub problems: Vec<Problem>,
    /// How many data files were read.
    pub file_count: usize,
    /// Each file read: the format found in it and how many events came from it.
    pub files: Vec<FileSummary>,
    /// Labelled stretches of time (TimelineJS eras), drawn behind the events.
    pub eras: Vec<EraSpan>,
    /// Names the files give the data (a TimelineJS title slide), in file order.
    pub titles: Vec<String>,
    /// Every event drafted from an article, with how it was found and the user's review.
    pub drafts: Vec<ReviewedDraft>,
    /// Each data file of the folder, in the folder's order, as it was read.
    pub folder_files: Vec<FolderFile>,
}

/// A drafted event and what the user decided about it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewedDraft {
    pub draft: crate::draft::Draft,
    pub review: Review,
    /// The event as the timeline shows it: the draft with the corrections applied.
    pub event: Event,
}

impl Dataset {
    /// The draft with this event id.
    pub fn draft(&self, id: &str) -> Option<&ReviewedDraft> {
        self.drafts.iter().find(|d| d.draft.event.id == id)
    }

    /// This dataset with the drafts reviewed as `reviews` says (by draft id; a draft not in
    /// it is to review): events corrected, accepted, put back or taken off the timeline.
    /// Nothing is read again.
    pub fn with_reviews(&self, reviews: &std::collections::BTreeMap<String, Review>) -> Dataset {
        let review_of = |id: &str| reviews.get(id).cloned().unwrap_or_default();
        let changed: std::collections::HashSet<&str> = self
            .drafts
            .iter()
            .filter(|d| d.review != review_of(&d.draft.event.id))
            .map(|d| d.draft.event.id.as_str())
            .collect();
        let mut events = EventStore::default();
        for (index, event) in self.events.iter().enumerate() {
            if !changed.contains(event.id()) {
                // The store only shrinks here, so it cannot become full.
                let _ = events.push_copy(&self.events, index);
            }
        }
        let mut dataset = Dataset {
            events,
            problems: self.problems.clone(),
            file_count: self.file_count,
            files: self.files.clone(),
            eras: self.eras.clone(),
            titles: self.titles.clone(),
            drafts: Vec::with_capacity(self.drafts.len()),
            folder_files: self.folder_files.clone(),
        };
        dataset.problems.retain(|p| {
            !changed
                .iter()
                .any(|id| p.message.starts_with(&correction_message_start(id)))
        });
        for reviewed in &self.drafts {
            let id = reviewed.draft.event.id.as_str();
            if !changed.contains(id) {
                dataset.drafts.push(reviewed.clone());
            } else if let Some(placed) = dataset.place_draft(reviewed.draft.clone(), review_of(id))
            {
                dataset.drafts.push(placed);
            }
        }
        dataset.events.sort_by_start_then_id();
        dataset
    }

    /// Puts a draft on the timeline as its review says; `None` when the store is full.
    fn place_draft(&mut self, draft: crate::draft::Draft, review: Review) -> Option<ReviewedDraft> {
        let (event, problems) = review.apply(&draft.event);
        let file = draft.info.articles.first().cloned().unwrap_or_default();
        for problem in problems {
            let message = format!("{}{problem}", correction_message_start(&draft.event.id));
            self.problems
                .push(Problem::warning(&file, 0, None, message));
        }
        let pushed = match review.decision {
            crate::draft::Decision::Rejected => Ok(()),
            crate::draft::Decision::Accepted => self.events.push(&event),
            crate::draft::Decision::Pending => self.events.push_draft(&event),
        };
        pushed.ok().map(|()| ReviewedDraft {
            draft,
            review,
            event,
        })
    }

    /// The events the user accepted from drafts, corrections applied.
    pub fn accepted_drafts(&self) -> impl Iterator<Item = &Event> {
        self.drafts
            .iter()
            .filter(|d| d.review.decision == crate::draft::Decision::Accepted)
            .map(|d| &d.event)
    }
}

/// How a problem with the user's correction of a draft begins.
fn correction_message_start(id: &str) -> String {
    format!("your correction of the draft '{id}' cannot be used: ")
}

/// What one file held.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileSummary {
    pub file: String,
    /// The format found in the content, e.g. "TimelineJS JSON".
    pub format: String,
    pub events: usize,
    /// Events drafted from an article, before they are merged and reviewed.
    pub drafts: usize,
}

/// A labelled stretch of time.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EraSpan {
    pub label: String,
    pub span: crate::model::date::DateSpan,
}

impl Dataset {
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

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
}

impl LoadOptions {
    /// Whether a file is read the same way under both: the reviews only place drafts.
    pub fn reads_files_as(&self, other: &Self) -> bool {
        self.max_file_bytes == other.max_file_bytes && self.sheet_mappings == other.sheet_mappings
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

/// The files a folder is read for, by extension; what each holds is then told by its content.
const DATA_EXTENSIONS: [&str; 8] = ["json", "csv", "tsv", "tab", "txt", "zip", "html", "htm"];

fn has_data_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DATA_EXTENSIONS.iter().any(|d| e.eq_ignore_ascii_case(d)))
}

/// True for a file the loader reads, by its name: hidden files and other formats are not.
pub fn is_data_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|n| n.starts_with('.'));
    !hidden && has_data_extension(path)
}

/// The data files of a folder, sorted by name: hidden files and other formats are skipped.
/// A file given by itself is read whatever its name (a saved review, an export).
pub fn data_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let folder_error = |source| LoadError::Folder {
        path: dir.to_owned(),
        source,
    };
    if dir.is_file() {
        return Ok(vec![dir.to_owned()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(folder_error)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| is_data_file(path))
        .collect();
    files.sort();
    Ok(files)
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

/// Loads `dir` again after some of its files changed since `previous` was loaded from it
/// with options that read files the same way (the same column mappings and size limit).
///
/// Only the files added or changed (by size and modification time) are read, when the events
/// of all the others can be kept as they are: each of those gave all its events, and nothing
/// that is ordered across files (a title, eras, drafts), and no changed file repeats one of
/// their ids. Otherwise every file is read, as [`load_folder`] does. The result is the same
/// either way.
pub fn reload_folder(
    dir: &Path,
    previous: &Dataset,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> Result<Dataset, LoadError> {
    match reload_changed_files(dir, previous, options, progress)? {
        Some(dataset) => Ok(dataset),
        None => load_folder(dir, options, progress),
    }
}

/// The dataset of [`reload_folder`], or `None` when every file must be read again.
fn reload_changed_files(
    dir: &Path,
    previous: &Dataset,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> Result<Option<Dataset>, LoadError> {
    let files = data_files(dir)?;
    if files.len() >= usize::from(NO_FILE) {
        return Ok(None);
    }
    let before: std::collections::HashMap<&str, (usize, &FolderFile)> = (previous.folder_files)
        .iter()
        .enumerate()
        .map(|(index, file)| (file.name.as_str(), (index, file)))
        .collect();
    // Each unchanged file's new place in the folder, by its old place, and the other way.
    let mut renumbered = vec![None; previous.folder_files.len()];
    let mut kept_at = vec![None; files.len()];
    let mut changed = Vec::new();
    for (index, path) in files.into_iter().enumerate() {
        match before.get(file_name(&path).as_str()) {
            Some(&(old, file)) if FileStamp::of(&path).is_unchanged_from(&file.stamp) => {
                if !file.keepable {
                    return Ok(None);
                }
                renumbered[old] = u16::try_from(index).ok();
                kept_at[index] = Some(file);
            }
            _ => changed.push((index, path)),
        }
    }
    let Ok(kept_events) = previous.events.with_files_renumbered(&renumbered) else {
        return Ok(None);
    };
    let mut problems_of: std::collections::HashMap<&str, Vec<&Problem>> = Default::default();
    for problem in &previous.problems {
        problems_of.entry(&problem.file).or_default().push(problem);
    }
    let summary_of: std::collections::HashMap<&str, &FileSummary> = (previous.files.iter())
        .map(|s| (s.file.as_str(), s))
        .collect();
    let mut merger = Merger::after_kept(kept_events);
    // Files are merged in the folder's order, the kept ones among the ones read again, so
    // that problems and summaries come out as a full load gives them.
    let mut next = 0;
    let mut keep_until = |merger: &mut Merger, until: usize| {
        for file in kept_at
            .get(next..until)
            .unwrap_or_default()
            .iter()
            .flatten()
        {
            let problems = problems_of.get(file.name.as_str()).into_iter().flatten();
            let summary = summary_of.get(file.name.as_str()).copied();
            merger.keep_file(file, problems.copied(), summary);
        }
        next = next.max(until);
    };
    read_files(&changed, options, progress, |file| {
        keep_until(&mut merger, file.index);
        merger.add_read_file(file);
    })?;
    keep_until(&mut merger, kept_at.len());
    if merger.repeats_kept_id || merger.full {
        return Ok(None);
    }
    Ok(Some(merger.finish(&options.reviews)))
}

/// A file's name in its folder, as problems give it.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A data file's size and modification time, taken before it is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    size: u64,
    modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    fn of(path: &Path) -> Self {
        let metadata = std::fs::metadata(path).ok();
        Self {
            size: metadata.as_ref().map_or(0, std::fs::Metadata::len),
            modified: metadata.and_then(|m| m.modified().ok()),
        }
    }

    /// Whether the file is surely as it was when `read` was taken; without a modification
    /// time that cannot be told.
    fn is_unchanged_from(&self, read: &Self) -> bool {
        self.modified.is_some() && self == read
    }
}

/// A data file of the folder, as it was read: what a reload needs to keep its events
/// without reading it again.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FolderFile {
    /// Its name in the folder.
    pub name: String,
    stamp: FileStamp,
    /// Whether it counts in [`Dataset::file_count`].
    counted: bool,
    /// Whether a reload can keep its events as they are: every event it held is in the store,
    /// marked with its place in the folder, and it gave nothing that is ordered across
    /// files (a title, eras, drafts).
    keepable: bool,
}

/// A file of the folder, read and parsed.
struct ReadFile {
    /// Its place in the folder's list of data files.
    index: usize,
    name: String,
    stamp: FileStamp,
    /// One result, or one per file of a zip archive.
    parsed: Vec<ParsedFile>,
}

/// Reads and parses `files` (each with its place in the folder) and gives them to `take` in
/// the order listed.
///
/// Files are read and parsed in parallel, a few at a time, and taken in order, so the
/// result (which of two equal ids wins, the order of problems) never depends on timing, and
/// only the files being parsed are held besides the merged events: at most
/// `MAX_FILES_AT_ONCE`, whatever the number of cores, to bound the memory. A big file is read
/// alone, since its own parts are parsed on every core.
fn read_files(
    files: &[(usize, PathBuf)],
    options: &LoadOptions,
    progress: &LoadProgress,
    mut take: impl FnMut(ReadFile),
) -> Result<(), LoadError> {
    const MAX_FILES_AT_ONCE: usize = 4;
    const BIG_FILE_BYTES: u64 = 64 << 20;
    // Each stamp is taken before the file is read: one written while it is read is read again
    // by a reload.
    let listed: Vec<(usize, &Path, FileStamp)> = (files.iter())
        .map(|(index, path)| (*index, path.as_path(), FileStamp::of(path)))
        .collect();
    // From zero: a reload that finds it must read every file reads them after the changed ones.
    progress.files_done.store(0, Ordering::Relaxed);
    progress.bytes_read.store(0, Ordering::Relaxed);
    progress
        .files_total
        .store(listed.len() as u64, Ordering::Relaxed);
    progress.bytes_total.store(
        listed.iter().map(|(_, _, stamp)| stamp.size).sum(),
        Ordering::Relaxed,
    );
    let batch_len = rayon::current_num_threads().clamp(1, MAX_FILES_AT_ONCE);
    let mut batch_start = 0;
    let batches = std::iter::from_fn(|| {
        let rest = listed.get(batch_start..).filter(|rest| !rest.is_empty())?;
        let mut len = 1;
        let mut bytes = rest[0].2.size;
        while len < batch_len.min(rest.len()) && bytes + rest[len].2.size <= BIG_FILE_BYTES {
            bytes += rest[len].2.size;
            len += 1;
        }
        batch_start += len;
        Some(&rest[..len])
    });
    for batch in batches {
        let read: Vec<ReadFile> = batch
            .par_iter()
            .map(|&(index, path, stamp)| {
                let read = read_and_parse(index, path, stamp, options, progress);
                progress.files_done.fetch_add(1, Ordering::Relaxed);
                progress.bytes_read.fetch_add(stamp.size, Ordering::Relaxed);
                read
            })
            .collect();
        if progress.cancel.load(Ordering::Relaxed) {
            return Err(LoadError::Cancelled);
        }
        read.into_iter().for_each(&mut take);
    }
    Ok(())
}

/// One file, read and parsed (a zip archive gives one result per file in it), or the
/// reason it was not read.
fn read_and_parse(
    index: usize,
    path: &Path,
    stamp: FileStamp,
    options: &LoadOptions,
    progress: &LoadProgress,
) -> ReadFile {
    let name = file_name(path);
    let size = stamp.size;
    let parsed = if progress.cancel.load(Ordering::Relaxed) {
        vec![ParsedFile::refused(name.clone(), None)]
    } else {
        match check_file(path, size, options) {
            FileCheck::Skip => vec![ParsedFile::refused(name.clone(), None)],
            FileCheck::Refuse(message) => vec![ParsedFile::refused(name.clone(), Some(message))],
            FileCheck::Read => match read_capped(path, size, options.max_file_bytes) {
                Ok(bytes) => parse_bytes(name.clone(), &bytes, options),
                Err(error) => vec![ParsedFile::refused(
                    name.clone(),
                    Some(format!("the file cannot be read: {error}")),
                )],
            },
        }
    };
    ReadFile {
        index,
        name,
        stamp,
        parsed,
    }
}

/// Whether a listed file may be read.
enum FileCheck {
    Read,
    /// A folder named like a data file: left out quietly.
    Skip,
    /// Reported and not read: a pipe or a device would block or never end, and a huge file
    /// would eat the memory.
    Refuse(String),
}

fn check_file(path: &Path, size: u64, options: &LoadOptions) -> FileCheck {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) => return FileCheck::Refuse(format!("the file cannot be read: {error}")),
    };
    if metadata.is_dir() {
        FileCheck::Skip
    } else if !metadata.is_file() {
        FileCheck::Refuse(
            "this is not a regular file (a pipe or a device?), so it was not read".to_owned(),
        )
    } else if size > options.max_file_bytes {
        FileCheck::Refuse(format!(
            "the file is {:.1} MiB, more than the limit of {:.1} MiB, so it was not read; \
             start the app with `coop-timeline DIR --max-file-mb N` (or check it with \
             `coop-timeline check DIR --max-file-mb N`) to read files of up to N MiB, or split \
             the file",
            size as f64 / MIB,
            options.max_file_bytes as f64 / MIB
        ))
    } else {
        FileCheck::Read
    }
}

/// Reads at most `max_bytes` (+1, to notice a file that grew since it was listed).
fn read_capped(path: &Path, size: u64, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    #[cfg(unix)]
    if let Some(bytes) = read_in_parts(path, size)? {
        return Ok(bytes);
    }
    // Sized up front: growing by doubling would touch more memory than the file needs.
    let mut bytes = Vec::with_capacity(usize::try_from(size.saturating_add(1)).unwrap_or(0));
    std::fs::File::open(path)?
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(std::io::Error::other(
            "it grew past the size limit while being read",
        ));
    }
    Ok(bytes)
}

/// A big file read in parts on every core, since copying it from the page cache is work too;
/// `None` for a small file, or one whose size changed since it was listed (read in one go
/// then, as the size limit needs).
#[cfg(unix)]
fn read_in_parts(path: &Path, size: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::FileExt as _;
    let Ok(len) = usize::try_from(size) else {
        return Ok(None);
    };
    if len < 64 << 20 {
        return Ok(None);
    }
    let file = std::fs::File::open(path)?;
    if file.metadata()?.len() != size {
        return Ok(None);
    }
    let mut bytes = vec![0; len];
    match read_exact_in_parts(&file, 0, vec![&mut bytes], false) {
        Err(error) if error.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(error) => Err(error),
        // Nothing after the end: the file did not grow while it was read.
        Ok(_) => Ok((file.read_at(&mut [0], size)? == 0).then_some(bytes)),
    }
}

/// Fills `buffers` from `file`, the first from `offset` and each from where the one before
/// ends, in parts of 16 MiB on every core; with `checksum`, also gives the CRC-32 of all of it,
/// each part's computed on the core that read it.
#[cfg(unix)]
pub(crate) fn read_exact_in_parts(
    file: &std::fs::File,
    offset: u64,
    buffers: Vec<&mut [u8]>,
    checksum: bool,
) -> std::io::Result<Option<crc32fast::Hasher>> {
    use std::os::unix::fs::FileExt as _;
    const PART_BYTES: usize = 16 << 20;
    let mut parts = Vec::new();
    let mut part_offset = offset;
    for buffer in buffers {
        for part in buffer.chunks_mut(PART_BYTES) {
            let len = part.len() as u64;
            parts.push((part_offset, part));
            part_offset += len;
        }
    }
    let checksums = parts
        .into_par_iter()
        .map(|(offset, part)| {
            file.read_exact_at(part, offset)?;
            Ok(checksum.then(|| {
                let mut hasher = crc32fast::Hasher::new();
                hasher.update(part);
                hasher
            }))
        })
        .collect::<std::io::Result<Vec<_>>>()?;
    Ok(checksum.then(|| {
        let mut all = crc32fast::Hasher::new();
        checksums
            .iter()
            .flatten()
            .for_each(|part| all.combine(part));
        all
    }))
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

/// Every event a file held that lies outside the calendar's years, counted, so that a file
/// of them gives one problem, not thousands.
#[derive(Default)]
struct OutOfRange {
    count: usize,
    /// The first: its line and the date as written.
    first: Option<(u64, String)>,
}

/// What one file gives while it is parsed: its events, with the line each starts on, its
/// problems, and what it says of the whole data (a title, eras).
pub struct FileOutput {
    name: String,
    store: EventStore,
    lines: Vec<u64>,
    /// Set once the store is full: the events after it are dropped with one problem only.
    full: bool,
    problems: Vec<Problem>,
    out_of_range: OutOfRange,
    titles: Vec<String>,
    eras: Vec<EraSpan>,
    format: Option<Format>,
    drafts: Vec<crate::draft::Draft>,
}

impl FileOutput {
    fn new(name: String) -> Self {
        Self {
            name,
            store: EventStore::default(),
            lines: Vec::new(),
            full: false,
            problems: Vec::new(),
            out_of_range: OutOfRange::default(),
            titles: Vec::new(),
            eras: Vec::new(),
            format: None,
            drafts: Vec::new(),
        }
    }

    /// An empty output for a part of the same file, parsed on another thread; [`Self::append`]
    /// puts it back.
    pub fn fork(&self) -> Self {
        let mut part = Self::new(self.name.clone());
        part.format = self.format;
        part
    }

    /// Adds what the parts of the file (made by [`Self::fork`]) gave, in order.
    pub fn append_all(&mut self, parts: Vec<Self>) {
        let mut parts = parts.into_iter();
        // The first is taken whole when nothing is here yet; room is made for the rest.
        if let Some(first) = parts.next() {
            self.append(first);
        }
        let rest = parts.as_slice();
        self.store.reserve_for(rest.iter().map(|part| &part.store));
        self.lines
            .reserve(rest.iter().map(|part| part.lines.len()).sum());
        parts.for_each(|part| self.append(part));
    }

    /// Adds what a part of the file (made by [`Self::fork`]) gave, after what is here.
    pub fn append(&mut self, part: Self) {
        if !self.full {
            match self.store.append(part.store) {
                Ok(()) => self.lines.extend(part.lines),
                Err(full) => {
                    self.full = true;
                    let line = part.lines.first().copied().unwrap_or_default();
                    self.error(line, None, full.to_string());
                }
            }
        }
        self.problems.extend(part.problems);
        self.out_of_range.count += part.out_of_range.count;
        if self.out_of_range.first.is_none() {
            self.out_of_range.first = part.out_of_range.first;
        }
        self.titles.extend(part.titles);
        self.eras.extend(part.eras);
        self.drafts.extend(part.drafts);
    }

    /// The file's name, as problems give it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Keeps a valid event found at `line`.
    pub fn push(&mut self, event: &Event, line: u64) {
        if self.full {
            return;
        }
        match self.store.push(event) {
            Ok(()) => self.lines.push(line),
            Err(full) => {
                self.full = true;
                let problem = Problem::error(&self.name, line, None, full.to_string());
                self.problems.push(problem);
            }
        }
    }

    pub fn error(&mut self, line: u64, column: Option<u64>, message: impl Into<String>) {
        let problem = Problem::error(&self.name, line, column, message);
        self.problems.push(problem);
    }

    pub fn warning(&mut self, line: u64, column: Option<u64>, message: impl Into<String>) {
        let problem = Problem::warning(&self.name, line, column, message);
        self.problems.push(problem);
    }

    /// An event skipped for a date outside the years -9999 to 9999: told once per file.
    pub fn out_of_range(&mut self, line: u64, date: &str) {
        self.out_of_range.count += 1;
        if self.out_of_range.first.is_none() {
            self.out_of_range.first = Some((line, date.to_owned()));
        }
    }

    /// A name for the whole data, such as a TimelineJS title slide.
    pub fn title(&mut self, title: String) {
        self.titles.push(title);
    }

    pub fn era(&mut self, era: EraSpan) {
        self.eras.push(era);
    }

    fn finish(mut self) -> ParsedFile {
        if let Some((line, date)) = self.out_of_range.first.take() {
            let count = self.out_of_range.count;
            let events = if count == 1 {
                "1 event has a date".to_owned()
            } else {
                format!("{count} events have dates")
            };
            let message = format!(
                "{events} outside the years the app can show (10000 BCE to 9999), the first at line {line} ({date}); they were skipped"
            );
            self.problems
                .push(Problem::error(&self.name, line, None, message));
        }
        ParsedFile {
            format: self.format.map(|f| f.label()),
            name: self.name,
            counted: true,
            events: self.store,
            lines: self.lines,
            problems: self.problems,
            titles: self.titles,
            eras: self.eras,
            drafts: self.drafts,
        }
    }

    #[cfg(test)]
    fn to_vec(&self) -> Vec<(Event, u64)> {
        self.store
            .to_vec()
            .into_iter()
            .zip(self.lines.clone())
            .collect()
    }
}

/// One file's events and problems, before merging.
struct ParsedFile {
    name: String,
    /// The format found in it, if it was read.
    format: Option<&'static str>,
    /// False for a file that was skipped without a word (a folder named like a data file).
    counted: bool,
    events: EventStore,
    lines: Vec<u64>,
    problems: Vec<Problem>,
    titles: Vec<String>,
    eras: Vec<EraSpan>,
    drafts: Vec<crate::draft::Draft>,
}

impl ParsedFile {
    fn refused(name: String, message: Option<String>) -> Self {
        let counted = message.is_some();
        let problems = message
            .map(|m| Problem::error(&name, 0, None, m))
            .into_iter()
            .collect();
        Self {
            name,
            format: None,
            counted,
            events: EventStore::default(),
            lines: Vec::new(),
            problems,
            titles: Vec::new(),
            eras: Vec::new(),
            drafts: Vec::new(),
        }
    }
}

/// The start of every zip archive.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Parses one file's bytes in the format its content shows; a zip archive gives each file in
/// it, named `archive.zip/file`.
fn parse_bytes(name: String, bytes: &[u8], options: &LoadOptions) -> Vec<ParsedFile> {
    if bytes.starts_with(ZIP_MAGIC) {
        return parse_zip(name, bytes, options);
    }
    let mut out = FileOutput::new(name);
    match decode_text(bytes) {
        Err(message) => out.error(0, None, message),
        Ok(text) if text.trim().is_empty() => out.warning(0, None, "the file is empty"),
        Ok(text) => {
            let format = detect::detect_format(&out.name, text);
            out.format = Some(format);
            match format {
                Format::NativeJson | Format::TimelineJsJson => json::parse_json_file(text, &mut out),
                Format::NativeCsv => csv::parse_csv(text, &mut out),
                Format::TimelineJsSheet => timelinejs::parse_sheet(text, &mut out),
                Format::Gdelt => gdelt::parse_gdelt(text, &mut out),
                Format::Spreadsheet => {
                    let mapping = options.sheet_mappings.get(&out.name).cloned();
                    sheet::parse_sheet(text, mapping, &mut out);
                }
                Format::Article => {
                    let drafted = crate::draft::draft_article(&out.name, text);
                    if !drafted.unresolved.is_empty() {
                        let message = format!(
                            "the article has no date line with a year, so these relative dates were left unresolved: {}",
                            drafted.unresolved.join(", ")
                        );
                        out.warning(1, None, message);
                    }
                    out.drafts = drafted.drafts;
                }
                Format::Unknown => out.error(
                    1,
                    None,
                    "this is not a format the app reads: not JSON, not a table with a header row of dates and titles, not an article",
                ),
            }
        }
    }
    vec![out.finish()]
}

/// Every file of a zip archive, parsed; the archive's own problems (cut off, damaged, too
/// large once unpacked) are reported on it.
fn parse_zip(name: String, bytes: &[u8], options: &LoadOptions) -> Vec<ParsedFile> {
    use std::io::Read as _;
    let refuse = |message: String| vec![ParsedFile::refused(name.clone(), Some(message))];
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(error) => {
            return refuse(format!(
                "the zip archive cannot be read; is it cut off or damaged? ({error})"
            ));
        }
    };
    let mut files = Vec::new();
    let mut unpacked_total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = match archive.by_index(index) {
            Ok(entry) => entry,
            Err(error) => {
                files.extend(refuse(format!(
                    "file {} of the zip archive cannot be read ({error}); the rest was read",
                    index + 1
                )));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let inner_name = entry
            .name()
            .map_or_else(|_| format!("file {}", index + 1), |n| n.into_owned());
        let entry_name = format!("{name}/{inner_name}");
        // Hidden files and the resource forks macOS adds are not data.
        let hidden = Path::new(&inner_name)
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        if hidden || inner_name.starts_with("__MACOSX") {
            continue;
        }
        // An archive that unpacks to more than the size limit is refused, however small it is.
        let room = options.max_file_bytes.saturating_sub(unpacked_total);
        let mut content = Vec::new();
        let read = (&mut entry)
            .take(room.saturating_add(1))
            .read_to_end(&mut content);
        unpacked_total = unpacked_total.saturating_add(content.len() as u64);
        match read {
            Err(error) => files.push(ParsedFile::refused(
                entry_name,
                Some(format!(
                    "this file of the zip archive is cut off or damaged ({error})"
                )),
            )),
            Ok(_) if unpacked_total > options.max_file_bytes => {
                files.push(ParsedFile::refused(
                    entry_name,
                    Some(format!(
                        "the zip archive unpacks to more than the limit of {:.1} MiB, so the rest of it was not read",
                        options.max_file_bytes as f64 / MIB
                    )),
                ));
                break;
            }
            Ok(_) => files.extend(parse_bytes(entry_name, &content, options)),
        }
    }
    files
}

/// Merges parsed files, in name order: an id seen before is a duplicate, reported where it is.
#[derive(Default)]
struct Merger {
    dataset: Dataset,
    /// Indices into `dataset.events`, found by their id. The ids are not copied: this holds a
    /// million events in a few MB.
    ids: HashTable<u32>,
    /// The line each merged event starts on, in its file.
    lines: Vec<u64>,
    /// The name of each merged file, and the index of its first event.
    files: Vec<(String, usize)>,
    full: bool,
    /// Drafts of every article, merged across articles at the end.
    drafts: Vec<crate::draft::Draft>,
    /// The first events of the store, kept by a reload from files it did not read again;
    /// their lines are not known.
    kept_events: usize,
    /// Set when a file repeats the id of a kept event: the reload must read every file.
    repeats_kept_id: bool,
}

fn hash_id(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// Every event's [`hash_id`], on every core: the id table itself is filled in order, on one.
fn id_hashes(events: &EventStore) -> Vec<u64> {
    (0..events.len())
        .into_par_iter()
        .map(|index| events.get(index).map_or(0, |e| hash_id(e.id())))
        .collect()
}

impl Merger {
    /// A merger whose store starts with `kept`, the events of the files a reload keeps.
    fn after_kept(kept: EventStore) -> Self {
        let mut merger = Self {
            kept_events: kept.len(),
            ..Self::default()
        };
        let hashes = id_hashes(&kept);
        let rehash = |&k: &u32| hashes.get(k as usize).copied().unwrap_or(0);
        merger.ids.reserve(kept.len(), rehash);
        for (index, &hash) in hashes.iter().enumerate() {
            // The kept events fit in the store they came from, so their indices fit a u32.
            merger.ids.insert_unique(hash, index as u32, rehash);
        }
        merger.dataset.events = kept;
        merger
    }

    /// Adds what a file the reload did not read again gave before: its events are in the
    /// store already.
    fn keep_file<'a>(
        &mut self,
        file: &FolderFile,
        problems: impl Iterator<Item = &'a Problem>,
        summary: Option<&FileSummary>,
    ) {
        self.dataset.file_count += usize::from(file.counted);
        self.dataset.problems.extend(problems.cloned());
        self.dataset.files.extend(summary.cloned());
        self.dataset.folder_files.push(file.clone());
    }

    /// Adds a file of the folder, marking its events with its place.
    fn add_read_file(&mut self, file: ReadFile) {
        let number = u16::try_from(file.index).unwrap_or(NO_FILE);
        // An archive's files are told apart by their names inside it.
        let single = matches!(file.parsed.as_slice(), [parsed] if parsed.name == file.name);
        let mut keepable = single && number != NO_FILE;
        let mut counted = false;
        for parsed in file.parsed {
            counted |= parsed.counted;
            let first_event = self.dataset.events.len();
            keepable &= self.add(parsed);
            self.dataset.events.mark_file_from(first_event, number);
        }
        self.dataset.folder_files.push(FolderFile {
            name: file.name,
            stamp: file.stamp,
            counted,
            keepable,
        });
    }

    /// Merges one parsed file; true when all its events were kept and it gave nothing
    /// ordered across files (see [`FolderFile::keepable`]).
    fn add(&mut self, file: ParsedFile) -> bool {
        let ParsedFile {
            name,
            format,
            counted,
            events,
            lines,
            mut problems,
            titles,
            eras,
            drafts,
        } = file;
        let draft_count = drafts.len();
        let mut keepable = drafts.is_empty() && titles.is_empty() && eras.is_empty();
        self.drafts.extend(drafts);
        self.dataset.file_count += usize::from(counted);
        self.dataset.titles.extend(titles);
        self.dataset.eras.extend(eras);
        let first_event = self.dataset.events.len();
        self.files.push((name.clone(), first_event));
        let name = name.as_str();
        // Each event is entered under the index it will have once the file is appended; a
        // repeated id is reported and left out.
        let base = self.dataset.events.len();
        let merged = &self.dataset.events;
        let event_of = |k: u32| match (k as usize).checked_sub(base) {
            None => merged.get(k as usize),
            Some(i) => events.get(i),
        };
        let mut kept = vec![true; lines.len().min(events.len())];
        let hashes = id_hashes(&events);
        self.ids
            .reserve(kept.len(), |&k| event_of(k).map_or(0, |e| hash_id(e.id())));
        for (index, &line) in lines.iter().enumerate().take(kept.len()) {
            if self.full {
                kept[index] = false;
                continue;
            }
            let Some(event) = events.get(index) else {
                break;
            };
            let id = event.id();
            let hash = hashes[index];
            let same_id = |&k: &u32| event_of(k).is_some_and(|e| e.id() == id);
            if let Some(&first) = self.ids.find(hash, same_id) {
                kept[index] = false;
                let first = first as usize;
                self.repeats_kept_id |= first < self.kept_events;
                let (first_file, first_line) = if first >= base {
                    (name, lines.get(first - base).copied().unwrap_or_default())
                } else {
                    // The file whose first event is the last one at or before `first`.
                    let after = self.files.partition_point(|&(_, start)| start <= first);
                    let file = self.files[..after].last().map_or("", |(name, _)| name);
                    let line = first.checked_sub(self.kept_events);
                    (
                        file,
                        line.and_then(|l| self.lines.get(l)).copied().unwrap_or(0),
                    )
                };
                let message = format!(
                    "duplicate id '{id}': it is also used in {first_file} line {first_line}; this one was skipped"
                );
                problems.push(Problem::error(name, line, None, message));
                continue;
            }
            let Ok(virtual_index) = u32::try_from(base + index) else {
                self.full = true;
                kept[index] = false;
                problems.push(Problem::error(name, line, None, StoreFull.to_string()));
                continue;
            };
            let rehash = |&k: &u32| event_of(k).map_or(0, |e| hash_id(e.id()));
            self.ids.insert_unique(hash, virtual_index, rehash);
        }
        let all_kept = kept.iter().all(|&k| k) && kept.len() == events.len();
        keepable &= all_kept;
        let appended = if all_kept {
            // The usual case: the file's store is moved over whole, not copied event by event.
            self.lines.extend_from_slice(&lines);
            self.dataset.events.append(events)
        } else {
            self.copy_kept(&events, &lines, &kept, base)
        };
        if let Err(full) = appended {
            self.full = true;
            let line = lines.first().copied().unwrap_or_default();
            problems.push(Problem::error(name, line, None, full.to_string()));
        }
        if let Some(format) = format {
            self.dataset.files.push(FileSummary {
                file: name.to_owned(),
                format: format.to_owned(),
                events: self.dataset.events.len() - first_event,
                drafts: draft_count,
            });
        }
        problems.sort_by_key(|p| p.line);
        self.dataset.problems.append(&mut problems);
        keepable && !self.full
    }

    /// Copies the `kept` events of a file into the merged store, and moves their entries in
    /// the id table from the index each would have had to the one it has.
    fn copy_kept(
        &mut self,
        events: &EventStore,
        lines: &[u64],
        kept: &[bool],
        base: usize,
    ) -> Result<(), StoreFull> {
        let mut new_index = Vec::with_capacity(kept.len());
        for (index, &keep) in kept.iter().enumerate() {
            new_index.push(u32::try_from(self.dataset.events.len()).map_err(|_| StoreFull)?);
            if keep {
                self.dataset.events.push_copy(events, index)?;
                self.lines.push(lines[index]);
            }
        }
        for entry in self.ids.iter_mut() {
            if let Some(&moved) = (*entry as usize)
                .checked_sub(base)
                .and_then(|i| new_index.get(i))
            {
                *entry = moved;
            }
        }
        Ok(())
    }

    fn finish(mut self, reviews: &std::collections::BTreeMap<String, Review>) -> Dataset {
        // The same event in several articles is one draft with several sources.
        let drafts = crate::draft::merge_same_events(std::mem::take(&mut self.drafts));
        for draft in drafts {
            // A duplicate id (two drafts alike) keeps the first; an event of the data with
            // the draft's id is the draft, accepted and saved before.
            let id = draft.event.id.as_str();
            let saved = {
                let merged = &self.dataset.events;
                let same_id = |&k: &u32| merged.get(k as usize).is_some_and(|e| e.id() == id);
                self.ids.find(hash_id(id), same_id).is_some()
            };
            if saved || self.dataset.draft(id).is_some() {
                continue;
            }
            let review = reviews.get(&draft.event.id).cloned().unwrap_or_default();
            if let Some(placed) = self.dataset.place_draft(draft, review) {
                self.dataset.drafts.push(placed);
            }
        }
        // The id table and the lines are done with: freed before sorting, which needs memory.
        drop((
            std::mem::take(&mut self.ids),
            std::mem::take(&mut self.lines),
        ));
        let mut dataset = self.dataset;
        // Ids are unique by now, so an unstable sort gives the same order, without a buffer.
        dataset.events.sort_by_start_then_id();
        dataset.events.shrink_to_fit();
        dataset
    }
}

/// Text from a file's bytes: UTF-8, with or without a byte-order mark.
fn decode_text(bytes: &[u8]) -> Result<&str, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(
            "the file is saved as UTF-16; save it as UTF-8 and open the folder again".into(),
        );
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // Both checks read the whole file, hundreds of MB for a big one: on two cores at once.
    let (text, has_nul) = rayon::join(
        || simdutf8::basic::from_utf8(bytes),
        || memchr::memchr(0, bytes).is_some(),
    );
    let Ok(text) = text else {
        // Read again to find where: only a file that is not text pays for it.
        let offset = std::str::from_utf8(bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(format!(
            "the file is not UTF-8 text (the first bad byte is on line {line}); save it as UTF-8"
        ));
    };
    if has_nul {
        return Err("the file holds binary data, not text".into());
    }
    Ok(text)
}
