//! Reloading a folder after some files changed: only those are read again, when the rest
//! can be kept as they are.

use std::path::Path;

use super::folder::{data_files, file_name, read_files, stamp_of};
use super::merge::Merger;
use super::{LoadError, LoadOptions, LoadProgress, load_folder};
use crate::model::dataset::{Dataset, FileSummary, FolderFile};
use crate::model::problem::Problem;
use crate::model::store::NO_FILE;

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
pub(super) fn reload_changed_files(
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
            Some(&(old, file)) if stamp_of(&path).is_unchanged_from(&file.stamp) => {
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
