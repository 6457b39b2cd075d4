//! What one file gives while it is parsed: its events with their lines, its problems, and
//! what it says of the whole data.

use super::detect::Format;
use crate::model::columns::SheetColumns;
use crate::model::dataset::ArticleDate;
use crate::model::dataset::EraSpan;
use crate::model::drafts::Draft;
use crate::model::event::Event;
use crate::model::problem::Problem;
use crate::model::store::EventStore;

/// Every event a file held that lies outside the calendar's years, counted, so that a file
/// of them gives one problem, not thousands.
#[derive(Default)]
pub(super) struct OutOfRange {
    pub(super) count: usize,
    /// The first: its line and the date as written.
    pub(super) first: Option<(u64, String)>,
}

/// What one file gives while it is parsed: its events, with the line each starts on, its
/// problems, and what it says of the whole data (a title, eras).
pub struct FileOutput {
    pub(super) name: String,
    pub(super) store: EventStore,
    pub(super) lines: Vec<u64>,
    /// Set once the store is full: the events after it are dropped with one problem only.
    pub(super) full: bool,
    pub(super) problems: Vec<Problem>,
    pub(super) out_of_range: OutOfRange,
    pub(super) titles: Vec<String>,
    pub(super) eras: Vec<EraSpan>,
    pub(super) format: Option<Format>,
    pub(super) drafts: Vec<Draft>,
    pub(super) page_date: Option<ArticleDate>,
    /// The text encoding read, where it was not UTF-8.
    pub(super) encoding: Option<String>,
    /// A spreadsheet's columns as read.
    pub(super) columns: Option<SheetColumns>,
    /// Lines are a workbook sheet's rows: problems name cells as `Events!C14`.
    pub(super) in_workbook: bool,
}

impl FileOutput {
    pub(super) fn new(name: String) -> Self {
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
            page_date: None,
            encoding: None,
            columns: None,
            in_workbook: false,
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
        self.problems.push(Problem {
            in_workbook: self.in_workbook,
            ..problem
        });
    }

    pub fn warning(&mut self, line: u64, column: Option<u64>, message: impl Into<String>) {
        let problem = Problem::warning(&self.name, line, column, message);
        self.problems.push(Problem {
            in_workbook: self.in_workbook,
            ..problem
        });
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

    pub(super) fn finish(mut self) -> ParsedFile {
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
            format: self.format,
            name: self.name,
            counted: true,
            events: self.store,
            lines: self.lines,
            problems: self.problems,
            titles: self.titles,
            eras: self.eras,
            drafts: self.drafts,
            page_date: self.page_date,
            encoding: self.encoding,
            columns: self.columns,
        }
    }

    #[cfg(test)]
    pub(super) fn to_vec(&self) -> Vec<(Event, u64)> {
        self.store
            .to_vec()
            .into_iter()
            .zip(self.lines.clone())
            .collect()
    }
}

/// One file's events and problems, before merging.
pub(super) struct ParsedFile {
    pub(super) name: String,
    /// The format found in it, if it was read.
    pub(super) format: Option<Format>,
    /// False for a file that was skipped without a word (a folder named like a data file).
    pub(super) counted: bool,
    pub(super) events: EventStore,
    pub(super) lines: Vec<u64>,
    pub(super) problems: Vec<Problem>,
    pub(super) titles: Vec<String>,
    pub(super) eras: Vec<EraSpan>,
    pub(super) drafts: Vec<Draft>,
    pub(super) page_date: Option<ArticleDate>,
    pub(super) encoding: Option<String>,
    pub(super) columns: Option<SheetColumns>,
}

impl ParsedFile {
    pub(super) fn refused(name: String, message: Option<String>) -> Self {
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
            page_date: None,
            encoding: None,
            columns: None,
        }
    }
}
