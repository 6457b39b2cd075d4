//! Parsed files merged into one dataset, in the folder's order: a repeated id is reported
//! where it is, drafts are merged across articles and placed as their reviews say.

use std::hash::BuildHasher as _;

use hashbrown::HashTable;
use rayon::prelude::*;

use super::folder::ReadFile;
use super::output::ParsedFile;
use crate::model::dataset::{Dataset, FileSummary, FolderFile};
use crate::model::drafts::{Draft, Review};
use crate::model::problem::Problem;
use crate::model::store::{EventStore, NO_FILE, StoreFull};

/// Merges parsed files, in name order: an id seen before is a duplicate, reported where it is.
#[derive(Default)]
pub(super) struct Merger {
    pub(super) dataset: Dataset,
    /// Indices into `dataset.events`, found by their id. The ids are not copied: this holds a
    /// million events in a few MB.
    pub(super) ids: HashTable<u32>,
    /// The line each merged event starts on, in its file.
    pub(super) lines: Vec<u64>,
    /// The name of each merged file, and the index of its first event.
    pub(super) files: Vec<(String, usize)>,
    pub(super) full: bool,
    /// Drafts of every article, merged across articles at the end.
    pub(super) drafts: Vec<Draft>,
    /// The first events of the store, kept by a reload from files it did not read again;
    /// their lines are not known.
    pub(super) kept_events: usize,
    /// Set when a file repeats the id of a kept event: the reload must read every file.
    pub(super) repeats_kept_id: bool,
}

pub(super) fn hash_id(id: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// Every event's [`hash_id`], on every core: the id table itself is filled in order, on one.
pub(super) fn id_hashes(events: &EventStore) -> Vec<u64> {
    (0..events.len())
        .into_par_iter()
        .map(|index| events.get(index).map_or(0, |e| hash_id(e.id())))
        .collect()
}

impl Merger {
    /// A merger whose store starts with `kept`, the events of the files a reload keeps.
    pub(super) fn after_kept(kept: EventStore) -> Self {
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
    pub(super) fn keep_file<'a>(
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
    pub(super) fn add_read_file(&mut self, file: ReadFile) {
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
    pub(super) fn add(&mut self, file: ParsedFile) -> bool {
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
            page_date,
            encoding,
            columns,
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
                format,
                events: self.dataset.events.len() - first_event,
                drafts: draft_count,
                page_date,
                encoding,
                columns,
            });
        }
        problems.sort_by_key(|p| p.line);
        self.dataset.problems.append(&mut problems);
        keepable && !self.full
    }

    /// Copies the `kept` events of a file into the merged store, and moves their entries in
    /// the id table from the index each would have had to the one it has.
    pub(super) fn copy_kept(
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

    pub(super) fn finish(
        mut self,
        reviews: &std::collections::BTreeMap<String, Review>,
    ) -> Dataset {
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
        group_same_guesses(&mut dataset.problems);
        // Ids are unique by now, so an unstable sort gives the same order, without a buffer.
        dataset.events.sort_by_start_then_id();
        dataset.events.shrink_to_fit();
        dataset
    }
}

/// A folder of many tables laid out alike gives one note of the guess, naming the files,
/// rather than one per file.
fn group_same_guesses(problems: &mut Vec<Problem>) {
    const NAMED_FILES: usize = 5;
    let is_guess = |p: &Problem| p.message.starts_with(crate::load::sheet::GUESS_NOTE);
    let mut files_by_message: std::collections::HashMap<&str, Vec<&str>> = Default::default();
    for problem in problems.iter().filter(|p| is_guess(p)) {
        files_by_message
            .entry(problem.message.as_str())
            .or_default()
            .push(problem.file.as_str());
    }
    let grouped: std::collections::HashMap<String, String> = files_by_message
        .into_iter()
        .filter(|(_, files)| files.len() > 1)
        .map(|(message, files)| {
            let mut named: Vec<&str> = files[1..].iter().take(NAMED_FILES).copied().collect();
            if files.len() - 1 > named.len() {
                named.push("…");
            }
            let others = crate::format::count_of(files.len() as u64 - 1, "more file");
            let text = format!(
                "{message} (the same guess for {others}: {})",
                named.join(", ")
            );
            (message.to_owned(), text)
        })
        .collect();
    if grouped.is_empty() {
        return;
    }
    let mut told = std::collections::HashSet::new();
    problems.retain_mut(|problem| {
        let Some(text) = grouped.get(&problem.message) else {
            return true;
        };
        if !told.insert(problem.message.clone()) {
            return false;
        }
        problem.message = text.clone();
        true
    });
}
