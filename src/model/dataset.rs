//! What a data folder gave: its events, problems, files, eras, titles and drafts. The
//! loader makes a [`Dataset`]; everything above reads it.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::drafts::{Decision, Draft, Review};
use super::event::Event;
use super::problem::Problem;
use super::store::EventStore;

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
    pub draft: Draft,
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
    pub fn with_reviews(&self, reviews: &BTreeMap<String, Review>) -> Dataset {
        let review_of = |id: &str| reviews.get(id).cloned().unwrap_or_default();
        let changed: HashSet<&str> = self
            .drafts
            .iter()
            .filter(|d| d.review != review_of(&d.draft.event.id))
            .map(|d| d.draft.event.id.as_str())
            .collect();
        let mut events = EventStore::default();
        for (index, event) in self.events.iter().enumerate() {
            if !changed.contains(event.id()) {
                // The store only shrinks here, so it cannot become full.
                if events.push_copy(&self.events, index).is_err() {
                    break;
                }
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
    pub fn place_draft(&mut self, draft: Draft, review: Review) -> Option<ReviewedDraft> {
        let (event, problems) = review.apply(&draft.event);
        let file = draft.info.articles.first().cloned().unwrap_or_default();
        for problem in problems {
            let message = format!("{}{problem}", correction_message_start(&draft.event.id));
            self.problems
                .push(Problem::warning(&file, 0, None, message));
        }
        let pushed = match review.decision {
            Decision::Rejected => Ok(()),
            Decision::Accepted => self.events.push(&event),
            Decision::Pending => self.events.push_draft(&event),
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
            .filter(|d| d.review.decision == Decision::Accepted)
            .map(|d| &d.event)
    }
}

/// How a problem with the user's correction of a draft begins.
fn correction_message_start(id: &str) -> String {
    format!("your correction of the draft '{id}' cannot be used: ")
}

/// What one file held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub file: String,
    /// The format found in the content.
    pub format: Format,
    pub events: usize,
    /// Events drafted from an article, before they are merged and reviewed.
    pub drafts: usize,
    /// An article's page date, which its relative and year-less dates were worked out from.
    pub page_date: Option<ArticleDate>,
    /// The text encoding read, where it was not UTF-8: "windows-1252", "Shift_JIS".
    pub encoding: Option<String>,
    /// A spreadsheet's header and the columns read, for the column dialog.
    pub columns: Option<super::columns::SheetColumns>,
}

/// The date an article's page was published, as the drafter took it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleDate {
    /// As YYYY-MM-DD.
    pub date: String,
    /// Where it came from: "the date line", "the page's address", "the page date you gave".
    pub from: String,
}

/// A labelled stretch of time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraSpan {
    pub label: String,
    pub span: super::date::DateSpan,
}

impl Dataset {
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

/// The formats the loader reads, as told from a file's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// The app's own JSON: `{"events": [...]}` or a list of events.
    #[serde(rename = "native JSON")]
    NativeJson,
    /// The TimelineJS3 JSON format: `title`, `events` with `start_date`, `eras`.
    #[serde(rename = "TimelineJS JSON")]
    TimelineJsJson,
    /// The app's own CSV: id, title, start, category, …
    #[serde(rename = "native CSV")]
    NativeCsv,
    /// The TimelineJS3 Google Sheets template, saved as CSV.
    #[serde(rename = "TimelineJS sheet (CSV)")]
    TimelineJsSheet,
    /// GDELT events: the raw 1.0 or 2.0 tab-separated files, or a BigQuery export with a
    /// header row.
    #[serde(rename = "GDELT events")]
    Gdelt,
    /// The older TimelineJS 2 JSON: `{"timeline": {"date": [{"startDate": "2011,12,10"}]}}`.
    #[serde(rename = "TimelineJS 2 JSON")]
    TimelineJs2Json,
    /// A JSON list of flat objects of any keys, read as a table: `[{"year": -4500, "event": …}]`.
    #[serde(rename = "JSON list")]
    JsonList,
    /// Any table with a column of dates, with a header row in any language or none.
    #[serde(rename = "spreadsheet")]
    Spreadsheet,
    /// A sheet of an Excel or LibreOffice workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`).
    #[serde(rename = "workbook sheet")]
    Workbook,
    /// A news article, to draft events from.
    #[serde(rename = "article")]
    Article,
    /// None of the above.
    #[serde(rename = "unknown")]
    Unknown,
}

impl Format {
    /// The name `check` prints.
    pub fn label(&self) -> &'static str {
        match self {
            Self::NativeJson => "native JSON",
            Self::TimelineJsJson => "TimelineJS JSON",
            Self::NativeCsv => "native CSV",
            Self::TimelineJsSheet => "TimelineJS sheet (CSV)",
            Self::Gdelt => "GDELT events",
            Self::TimelineJs2Json => "TimelineJS 2 JSON",
            Self::JsonList => "JSON list",
            Self::Spreadsheet => "spreadsheet",
            Self::Workbook => "workbook sheet",
            Self::Article => "article",
            Self::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.label())
    }
}

/// A data file's size and modification time, taken before it is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified: Option<std::time::SystemTime>,
}

impl FileStamp {
    /// Whether the file is surely as it was when `read` was taken; without a modification
    /// time that cannot be told.
    pub fn is_unchanged_from(&self, read: &Self) -> bool {
        self.modified.is_some() && self == read
    }
}

/// A data file of the folder, as it was read: what a reload needs to keep its events
/// without reading it again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FolderFile {
    /// Its name in the folder.
    pub name: String,
    pub stamp: FileStamp,
    /// Whether it counts in [`Dataset::file_count`].
    pub counted: bool,
    /// Whether a reload can keep its events as they are: every event it held is in the store,
    /// marked with its place in the folder, and it gave nothing that is ordered across
    /// files (a title, eras, drafts).
    pub keepable: bool,
}
