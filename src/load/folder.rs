//! A folder's data files: which files are read, their stamps, and reading them from disk a
//! few at a time, in order, each parsed as its content shows.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use rayon::prelude::*;

use super::output::ParsedFile;
use super::parse::parse_bytes;
use super::{LoadError, LoadOptions, LoadProgress, MIB};
use crate::model::dataset::FileStamp;

/// The files a folder is read for, by extension; what each holds is then told by its content.
pub(super) const DATA_EXTENSIONS: [&str; 8] =
    ["json", "csv", "tsv", "tab", "txt", "zip", "html", "htm"];

pub(super) fn has_data_extension(path: &Path) -> bool {
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

/// A file's name in its folder, as problems give it.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A file of the folder, read and parsed.
pub(super) struct ReadFile {
    /// Its place in the folder's list of data files.
    pub(super) index: usize,
    pub(super) name: String,
    pub(super) stamp: FileStamp,
    /// One result, or one per file of a zip archive.
    pub(super) parsed: Vec<ParsedFile>,
}

/// Reads and parses `files` (each with its place in the folder) and gives them to `take` in
/// the order listed.
///
/// Files are read and parsed in parallel, a few at a time, and taken in order, so the
/// result (which of two equal ids wins, the order of problems) never depends on timing, and
/// only the files being parsed are held besides the merged events: at most
/// `MAX_FILES_AT_ONCE`, whatever the number of cores, to bound the memory. A big file is read
/// alone, since its own parts are parsed on every core.
pub(super) fn read_files(
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
        .map(|(index, path)| (*index, path.as_path(), stamp_of(path)))
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
pub(super) fn read_and_parse(
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
pub(super) enum FileCheck {
    Read,
    /// A folder named like a data file: left out quietly.
    Skip,
    /// Reported and not read: a pipe or a device would block or never end, and a huge file
    /// would eat the memory.
    Refuse(String),
}

pub(super) fn check_file(path: &Path, size: u64, options: &LoadOptions) -> FileCheck {
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
pub(super) fn read_capped(path: &Path, size: u64, max_bytes: u64) -> std::io::Result<Vec<u8>> {
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
pub(super) fn read_in_parts(path: &Path, size: u64) -> std::io::Result<Option<Vec<u8>>> {
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

/// A data file's size and modification time, taken before it is read.
pub(super) fn stamp_of(path: &Path) -> FileStamp {
    let metadata = std::fs::metadata(path).ok();
    FileStamp {
        size: metadata.as_ref().map_or(0, std::fs::Metadata::len),
        modified: metadata.and_then(|m| m.modified().ok()),
    }
}
