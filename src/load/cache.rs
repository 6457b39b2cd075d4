//! A cache for reopening a folder whose files have not changed: the loaded dataset, written
//! to the user's cache folder (never the data folder) with the event store's buffers as they
//! are in memory, so reading it back is a few large reads and a check, with no parsing.
//!
//! A cache file is trusted only when its format version and the app's version match, its
//! checksum is right, every event in it is one a store could hold, and the folder's files have
//! the same names, sizes and modification times as when it was written. Anything else is
//! ignored and the folder is read again. The folder's total is bounded: oldest out first.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use bytemuck::Zeroable as _;
use serde::{Deserialize, Serialize};

#[cfg(unix)]
use super::{LoadOptions, data_files, read_exact_in_parts};
use crate::model::dataset::{Dataset, EraSpan, FileSummary, FolderFile};
use crate::model::problem::Problem;
use crate::model::store::{CachedHead, EventStore};

/// Raised whenever the layout of a cache file changes.
const FORMAT_VERSION: u32 = 5;
const MAGIC: &[u8; 8] = b"coopTLc\0";
const EXTENSION: &str = "cache";
/// A file being written is renamed within seconds; one older than this was left by an app
/// that closed while writing it.
const PARTIAL_FILE_AGE: std::time::Duration = std::time::Duration::from_secs(3600);

/// What the data files of a folder looked like: name, size and modification time.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint(Vec<(PathBuf, u64, Option<SystemTime>)>);

impl Fingerprint {
    /// The data files of `folder` as they are now.
    pub fn of_folder(folder: &Path) -> Self {
        let files = data_files(folder).unwrap_or_default();
        Self(
            files
                .into_iter()
                .map(|path| {
                    let metadata = std::fs::metadata(&path).ok();
                    let size = metadata.as_ref().map_or(0, std::fs::Metadata::len);
                    let modified = metadata.and_then(|m| m.modified().ok());
                    (path, size, modified)
                })
                .collect(),
        )
    }

    fn total_bytes(&self) -> u64 {
        self.0.iter().map(|(_, size, _)| size).sum()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("cannot write the cache in {}: {source}", dir.display())]
    Write {
        dir: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot encode the cache: {0}")]
    Encode(#[from] postcard::Error),
    #[error("cannot mark the cache file as used, so it may be dropped sooner: {source}: {}", path.display())]
    Touch {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot remove an old cache file, so the cache may grow past its bound: {source}: {}", path.display())]
    Evict {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where cached datasets are kept, and how much of them.
#[derive(Clone, Debug)]
pub struct LoadCache {
    dir: PathBuf,
    /// The cache files together stay under this; the least recently used go first.
    max_total_bytes: u64,
    /// Folders with less data than this load about as fast as a cache reads, so they are not
    /// cached.
    min_data_bytes: u64,
}

/// The default bound of the cache folder, 4 GiB: ten million events take about 2 GiB.
pub const DEFAULT_MAX_CACHE_BYTES: u64 = 4 << 30;
/// Folders of less data than this, 16 MiB, are read each time.
pub const DEFAULT_MIN_DATA_BYTES: u64 = 16 << 20;

/// Everything a cache file holds besides the store's buffers.
#[derive(Serialize, Deserialize)]
struct Header {
    app_version: String,
    /// The folder and the options that change what loading it gives.
    key: String,
    fingerprint: Fingerprint,
    problems: Vec<Problem>,
    file_count: usize,
    files: Vec<FileSummary>,
    eras: Vec<EraSpan>,
    titles: Vec<String>,
    folder_files: Vec<FolderFile>,
    heads: usize,
    text_bytes: usize,
    countries: usize,
    details_bytes: usize,
}

impl LoadCache {
    /// The cache in the user's cache folder (`~/.cache/coop-timeline` on Linux).
    pub fn in_user_cache_folder() -> Option<Self> {
        dirs::cache_dir().map(|dir| Self::in_folder(dir.join("coop-timeline")))
    }

    pub fn in_folder(dir: PathBuf) -> Self {
        Self {
            dir,
            max_total_bytes: DEFAULT_MAX_CACHE_BYTES,
            min_data_bytes: DEFAULT_MIN_DATA_BYTES,
        }
    }

    pub fn with_limits(self, min_data_bytes: u64, max_total_bytes: u64) -> Self {
        Self {
            min_data_bytes,
            max_total_bytes,
            ..self
        }
    }

    /// The dataset cached for `folder`, if the cache holds one for these options and the
    /// folder's files are still as `fingerprint` says they were when it was written.
    pub fn open(
        &self,
        folder: &Path,
        options: &LoadOptions,
        fingerprint: &Fingerprint,
    ) -> Option<(Dataset, Option<CacheError>)> {
        if !self.worth_caching(options, fingerprint) {
            return None;
        }
        let key = cache_key(folder, options);
        let path = self.file_for(&key);
        let dataset = read_cache_file(&path, &key, fingerprint)?;
        // Used now, so it is the last to go when the cache is full.
        let touched = File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(SystemTime::now()));
        let note = touched
            .err()
            .map(|source| CacheError::Touch { path, source });
        Some((dataset, note))
    }

    /// Keeps `dataset`, loaded from `folder` when its files were as `fingerprint` says, for
    /// the next time. Small folders and folders with drafted events are not kept: the first
    /// load fast anyway, and the second change with every review. Returns whether it was kept.
    pub fn store(
        &self,
        folder: &Path,
        options: &LoadOptions,
        fingerprint: &Fingerprint,
        dataset: &Dataset,
    ) -> Result<bool, CacheError> {
        if !self.worth_caching(options, fingerprint) || !dataset.drafts.is_empty() {
            return Ok(false);
        }
        let _writing = PendingWrite::start();
        let write_error = |source| CacheError::Write {
            dir: self.dir.clone(),
            source,
        };
        std::fs::create_dir_all(&self.dir).map_err(write_error)?;
        let key = cache_key(folder, options);
        // Written aside and renamed, so a reader never sees half a file.
        let mut file = tempfile::NamedTempFile::new_in(&self.dir).map_err(write_error)?;
        write_cache_file(
            &mut BufWriter::new(file.as_file_mut()),
            &self.dir,
            key.clone(),
            fingerprint,
            dataset,
        )?;
        file.persist(self.file_for(&key))
            .map_err(|error| write_error(error.error))?;
        self.evict_oldest()?;
        Ok(true)
    }

    fn worth_caching(&self, options: &LoadOptions, fingerprint: &Fingerprint) -> bool {
        options.reviews.is_empty()
            && options.page_dates.is_empty()
            && fingerprint.total_bytes() >= self.min_data_bytes
    }

    fn file_for(&self, key: &str) -> PathBuf {
        let name = format!("{:08x}.{EXTENSION}", crc32fast::hash(key.as_bytes()));
        self.dir.join(name)
    }

    /// Removes the least recently used files until the rest fit in the bound. Every file in
    /// the folder counts, so one left half-written by an app that was closed goes too. The
    /// first file that cannot be removed is told; the others are still tried.
    fn evict_oldest(&self) -> Result<(), CacheError> {
        let entries = std::fs::read_dir(&self.dir).map_err(|source| CacheError::Evict {
            path: self.dir.clone(),
            source,
        })?;
        let mut first_failure = None;
        let mut remove = |path: &Path| match std::fs::remove_file(path) {
            Ok(()) => true,
            Err(source) => {
                first_failure.get_or_insert(CacheError::Evict {
                    path: path.to_owned(),
                    source,
                });
                false
            }
        };
        let mut files: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in entries.flatten() {
            // A file that went away or cannot be looked at is no file of the cache.
            let Some(modified) = entry
                .metadata()
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())))
            else {
                continue;
            };
            let stale_partial = entry.path().extension().is_none_or(|e| e != EXTENSION)
                && modified.0.elapsed().is_ok_and(|age| age > PARTIAL_FILE_AGE);
            if stale_partial {
                remove(&entry.path());
            } else {
                files.push((modified.0, modified.1, entry.path()));
            }
        }
        files.sort();
        let mut total: u64 = files.iter().map(|(_, size, _)| size).sum();
        for (_, size, path) in files {
            if total <= self.max_total_bytes {
                break;
            }
            if remove(&path) {
                total -= size;
            }
        }
        first_failure.map_or(Ok(()), Err)
    }
}

/// Cache files being written now, by any thread.
static PENDING_WRITES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Counts one write in [`PENDING_WRITES`] while it lives. Whoever will write a cache file
/// holds one from before anything else could end the process.
pub struct PendingWrite;

impl PendingWrite {
    pub fn start() -> Self {
        PENDING_WRITES.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Self
    }
}

impl Drop for PendingWrite {
    fn drop(&mut self) {
        PENDING_WRITES.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Waits, at most `longest`, for cache files being written to be finished: a process that
/// ends while one is written loses it, and the next start reads the folder again.
pub fn wait_for_pending_writes(longest: std::time::Duration) {
    let started = std::time::Instant::now();
    while PENDING_WRITES.load(std::sync::atomic::Ordering::SeqCst) > 0
        && started.elapsed() < longest
    {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Says which folder, read how: the canonical path and the options that change the result.
fn cache_key(folder: &Path, options: &LoadOptions) -> String {
    let folder = folder.canonicalize().unwrap_or_else(|_| folder.to_owned());
    let mappings = serde_json::to_string(&options.sheet_mappings).unwrap_or_default();
    format!(
        "{}\n{}\n{mappings}",
        folder.display(),
        options.max_file_bytes
    )
}

/// Layout: magic, format version, header length, header (postcard), then the heads, text,
/// countries and details buffers as they are in memory, then a CRC-32 of all before it.
fn write_cache_file(
    out: &mut impl Write,
    dir: &Path,
    key: String,
    fingerprint: &Fingerprint,
    dataset: &Dataset,
) -> Result<(), CacheError> {
    let store = dataset.events.to_cached();
    let header = Header {
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        key,
        fingerprint: fingerprint.clone(),
        problems: dataset.problems.clone(),
        file_count: dataset.file_count,
        files: dataset.files.clone(),
        eras: dataset.eras.clone(),
        titles: dataset.titles.clone(),
        folder_files: dataset.folder_files.clone(),
        heads: store.heads.len(),
        text_bytes: store.text.len(),
        countries: store.countries.len(),
        details_bytes: store.details_len,
    };
    let header = postcard::to_allocvec(&header)?;
    let mut checksum = crc32fast::Hasher::new();
    let parts: [&[u8]; 7] = [
        MAGIC,
        &FORMAT_VERSION.to_le_bytes(),
        &(header.len() as u64).to_le_bytes(),
        &header,
        bytemuck::cast_slice(&store.heads),
        store.text.as_bytes(),
        bytemuck::cast_slice(&store.countries),
    ];
    let io = |source| CacheError::Write {
        dir: dir.to_owned(),
        source,
    };
    for part in parts.into_iter().chain(store.details_in_order()) {
        checksum.update(part);
        out.write_all(part).map_err(io)?;
    }
    out.write_all(&checksum.finalize().to_le_bytes())
        .map_err(io)?;
    out.flush().map_err(io)
}

/// The dataset in the cache file at `path`, if it is whole, of this version, for `key`, and
/// written when the folder's files were as they are now.
fn read_cache_file(path: &Path, key: &str, fingerprint: &Fingerprint) -> Option<Dataset> {
    let mut file = std::io::BufReader::with_capacity(1 << 20, File::open(path).ok()?);
    let mut checksum = crc32fast::Hasher::new();
    let mut read = |buffer: &mut [u8]| -> Option<()> {
        file.read_exact(buffer).ok()?;
        checksum.update(buffer);
        Some(())
    };
    let mut start = [0u8; 20];
    read(&mut start)?;
    let (magic, rest) = start.split_at(8);
    let (version, header_len) = rest.split_at(4);
    let header_len = u64::from_le_bytes(header_len.try_into().ok()?);
    // Sizes are checked against the file before anything that large is allocated.
    let file_len = std::fs::metadata(path).ok()?.len();
    if magic != MAGIC
        || version != FORMAT_VERSION.to_le_bytes()
        || header_len > file_len.saturating_sub(24)
    {
        return None;
    }
    let mut header = vec![0; usize::try_from(header_len).ok()?];
    read(&mut header)?;
    let header: Header = postcard::from_bytes(&header).ok()?;
    if header.app_version != env!("CARGO_PKG_VERSION")
        || header.key != key
        || header.fingerprint != *fingerprint
        || header.problems.iter().any(|p| p.message.is_empty())
    {
        return None;
    }
    // Everything after the header: the four buffers and the checksum.
    let rest_len = (header.heads as u64)
        .checked_mul(size_of::<CachedHead>() as u64)?
        .checked_add(header.text_bytes as u64)?
        .checked_add((header.countries as u64).checked_mul(2)?)?
        .checked_add(header.details_bytes as u64)?
        .checked_add(4)?;
    if Some(rest_len) != file_len.checked_sub(header_len + 20) {
        return None;
    }
    let mut heads = vec![CachedHead::zeroed(); header.heads];
    let mut text = vec![0; header.text_bytes];
    let mut countries = vec![0u16; header.countries];
    let mut details = vec![0; header.details_bytes];
    let buffers = vec![
        bytemuck::cast_slice_mut(&mut heads),
        &mut text,
        bytemuck::cast_slice_mut(&mut countries),
        &mut details,
    ];
    let mut stored_checksum = [0; 4];
    // The bulk of the file is read, and checked, in parts on every core where it can be.
    #[cfg(unix)]
    {
        let file = file.get_ref();
        let body_checksum = read_exact_in_parts(file, 20 + header_len, buffers, true).ok()??;
        checksum.combine(&body_checksum);
        std::os::unix::fs::FileExt::read_exact_at(file, &mut stored_checksum, file_len - 4).ok()?;
    }
    #[cfg(not(unix))]
    {
        for buffer in buffers {
            read(buffer)?;
        }
        file.read_exact(&mut stored_checksum).ok()?;
    }
    if checksum.finalize() != u32::from_le_bytes(stored_checksum) {
        return None;
    }
    let text = String::from_utf8(text).ok()?;
    let events = EventStore::from_cached(&heads, text, &countries, details)?;
    Some(Dataset {
        events,
        problems: header.problems,
        file_count: header.file_count,
        files: header.files,
        eras: header.eras,
        titles: header.titles,
        drafts: Vec::new(),
        folder_files: header.folder_files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_sees_writes_not_reads() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("events.csv");
        std::fs::write(&file, "id\n").unwrap();
        let before = Fingerprint::of_folder(dir.path());
        let _ = std::fs::read(&file).unwrap();
        assert_eq!(Fingerprint::of_folder(dir.path()), before);
        std::fs::write(&file, "id,title\n").unwrap();
        assert_ne!(Fingerprint::of_folder(dir.path()), before);
    }
}
