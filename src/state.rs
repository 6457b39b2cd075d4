//! What the app holds, as plain data with no egui: the settings, the data on screen and
//! everything derived from it. The window's panels read these; only the app changes them.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Datelike as _;
use serde::{Deserialize, Serialize};

use crate::draft::{Decision, Review};
use crate::layout::draw::Era;
use crate::layout::scene::{ColorMode, CountryPalette, LaneMode, Scene};
use crate::layout::view::ViewLimits;
use crate::load::SheetMapping;
use crate::model::dataset::ReviewedDraft;
use crate::model::date::{DayWindow, date_from_days};
use crate::model::stats::{
    CountryCount, RangeCounts, events_per_category, events_per_country, participants_by_country,
};
use crate::model::{Category, Country, Dataset};

/// Everything remembered between runs (the window size and panel widths are remembered by
/// eframe and egui themselves).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_folder: Option<PathBuf>,
    /// Most recent first, at most [`MAX_RECENT_FOLDERS`].
    pub recent_folders: Vec<PathBuf>,
    /// The lanes on screen: the user's choice for the folder, else those suited to its data.
    pub lane_mode: LaneMode,
    /// The lanes the user chose, by data folder.
    pub lanes_chosen: std::collections::BTreeMap<PathBuf, LaneMode>,
    pub color_mode: ColorMode,
    pub dark_mode: bool,
    pub counts_scope: CountsScope,
    pub show_problems: bool,
    /// The side panels the user folded away, to give the chart the window's width.
    pub hide_filters: bool,
    pub hide_details: bool,
    /// Where the last export went; never the data folder unless the user chose it.
    pub last_export_folder: Option<PathBuf>,
    /// Column mappings the user chose for spreadsheets, by the file's full path.
    pub sheet_mappings: std::collections::BTreeMap<PathBuf, SheetMapping>,
    /// The user's reviews of drafted events, by data folder, then by draft id: kept here,
    /// outside the data folder, so they survive a restart.
    pub reviews: std::collections::BTreeMap<PathBuf, std::collections::BTreeMap<String, Review>>,
    /// Page dates the user gave for articles, by data folder, then by file name (YYYY-MM-DD).
    pub page_dates: std::collections::BTreeMap<PathBuf, std::collections::BTreeMap<String, String>>,
}

/// The recent-folders menu keeps this many.
pub const MAX_RECENT_FOLDERS: usize = 10;

/// Which events the participant counts are for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountsScope {
    /// Every shown event that is in view.
    #[default]
    InView,
    /// The selected event only.
    Selection,
}

/// Where the data on screen came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataSource {
    Sample,
    Folder(PathBuf),
}

impl DataSource {
    pub fn display_name(&self) -> String {
        match self {
            Self::Sample => "Sample data".to_owned(),
            Self::Folder(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        }
    }
}

/// Facts about all the events, whatever the filters.
#[derive(Clone, Debug, Default)]
pub struct DatasetSummary {
    pub events_per_category: Vec<(Category, usize)>,
    /// Most events first.
    pub events_per_country: Vec<(Country, usize)>,
    pub first_year: i32,
    pub last_year: i32,
    pub error_count: usize,
    /// The most used tags, most events first, at most [`MAX_LISTED_TAGS`].
    pub events_per_tag: Vec<(String, usize)>,
}

/// The filters list this many tags.
pub const MAX_LISTED_TAGS: usize = 40;

impl DatasetSummary {
    pub fn new(dataset: &Dataset) -> Self {
        let years = first_and_last_days(&dataset.events).map(|(first, after_last)| {
            let year = |day| date_from_days(f64::from(day)).map(|d| d.year());
            (year(first), year(after_last - 1))
        });
        let (first_year, last_year) = match years {
            Some((Some(first), Some(last))) => (first, last),
            _ => (2000, 2000),
        };
        let (events_per_tag, (events_per_category, events_per_country)) = rayon::join(
            || crate::model::stats::events_per_tag(&dataset.events, MAX_LISTED_TAGS),
            || {
                (
                    events_per_category(&dataset.events),
                    events_per_country(&dataset.events),
                )
            },
        );
        Self {
            events_per_category,
            events_per_country,
            first_year,
            last_year,
            error_count: dataset.error_count(),
            events_per_tag,
        }
    }
}

/// Corrections of a drafted event as the user types them, before they are applied.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftEditor {
    /// The draft's event id.
    pub id: String,
    /// Dates in the native form: "2021", "2021-11", "2021-11-18"; the end may be empty.
    pub start: String,
    pub end: String,
    pub category: Category,
    /// Alpha-3 codes or names, separated by commas, semicolons or spaces.
    pub countries: String,
    /// Counts as the CSV writes them: "CHN 12 universities; 30 scientists".
    pub participants: String,
    pub title: String,
    pub location: String,
    /// Names separated by semicolons: an organisation's name may hold commas.
    pub organizers: String,
    pub people: String,
    pub planned: bool,
}

/// How a list of names is written in the editor.
const NAME_SEPARATOR: &str = "; ";

impl DraftEditor {
    /// The fields as the timeline shows the draft now, corrections included.
    pub fn of(draft: &ReviewedDraft) -> Self {
        let event = &draft.event;
        let codes: Vec<&str> = event.countries.iter().map(|c| c.code()).collect();
        Self {
            id: event.id.clone(),
            start: event.start.to_string(),
            end: event.end.map(|e| e.to_string()).unwrap_or_default(),
            category: event.category,
            countries: codes.join(", "),
            participants: crate::model::participants::participants_cell(&event.participants),
            title: event.title.clone(),
            location: event.location.clone().unwrap_or_default(),
            organizers: event.organizers.join(NAME_SEPARATOR),
            people: (event.people.iter())
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(NAME_SEPARATOR),
            planned: event.planned,
        }
    }

    /// The review these fields make with `decision`: only what differs from the draft as
    /// drafted is a correction.
    pub fn review(&self, draft: &ReviewedDraft, decision: Decision) -> Review {
        let drafted = Self::of(&ReviewedDraft {
            event: draft.draft.event.clone(),
            ..draft.clone()
        });
        let changed = |now: &str, then: &str| (now.trim() != then).then(|| now.trim().to_owned());
        let countries: Vec<String> = self
            .countries
            .split([',', ';', ' '])
            .filter(|c| !c.trim().is_empty())
            .map(|c| c.trim().to_owned())
            .collect();
        Review {
            decision,
            start: changed(&self.start, &drafted.start),
            end: changed(&self.end, &drafted.end),
            category: (self.category != drafted.category).then_some(self.category),
            countries: (countries.join(", ") != drafted.countries).then_some(countries),
            participants: changed(&self.participants, &drafted.participants),
            title: changed(&self.title, &drafted.title),
            location: changed(&self.location, &drafted.location),
            organizers: changed(&self.organizers, &drafted.organizers)
                .map(|list| split_names(&list)),
            people: changed(&self.people, &drafted.people).map(|list| split_names(&list)),
            planned: (self.planned != drafted.planned).then_some(self.planned),
        }
    }
}

/// The page date of an article as the user types it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageDateEditor {
    pub file: String,
    /// YYYY-MM-DD; empty for the page's own date.
    pub text: String,
}

/// A list of names as typed: separated by semicolons or new lines.
fn split_names(list: &str) -> Vec<String> {
    (list.split([';', '\n']))
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The selected event, and the list of events a crowded spot was opened into.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Index into the dataset's events.
    pub event: Option<u32>,
    /// Events too close together to click apart, listed in the details panel.
    pub group: Option<EventGroup>,
}

/// Events listed together: a cluster or a density column opened at the zoom limit.
#[derive(Clone, Debug, PartialEq)]
pub struct EventGroup {
    /// What they share, e.g. "12 events, 3 May 2024".
    pub title: String,
    /// Indices into the dataset's events, in time order.
    pub events: Vec<u32>,
}

/// The scene, indexes and counts for one set of filters.
#[derive(Clone, Debug)]
pub struct Filtered {
    /// Indices of the events that pass the filters, sorted by time.
    pub shown: Arc<Vec<u32>>,
    pub scene: Arc<Scene>,
    /// Participant counts of the shown events for any view; `None` while they are counted.
    pub range_counts: Option<Arc<RangeCounts>>,
}

/// The dataset on screen, with everything derived from it.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub source: DataSource,
    pub dataset: Arc<Dataset>,
    pub summary: Arc<DatasetSummary>,
    pub palette: Arc<CountryPalette>,
    /// All events, laid out in the current lane and colour modes.
    pub full_scene: Arc<Scene>,
    /// Participant counts of all events.
    pub full_counts: Arc<RangeCounts>,
    /// What the filters let through; the full scene while there are no filters.
    pub filtered: Filtered,
    pub limits: ViewLimits,
    /// TimelineJS eras, as background bands.
    pub eras: Arc<Vec<Era>>,
    /// Changes whenever what is drawn changes, so drawings can be cached.
    pub generation: u64,
    /// The lanes the scene was laid out in.
    pub lane_mode: LaneMode,
}

impl Loaded {
    /// The participant counts the counts panel shows: of the events in `window`, or of the
    /// selected event; `None` while the counts in view are being worked out.
    pub fn counts_in_scope(
        &self,
        scope: CountsScope,
        window: &DayWindow,
        selected: Option<u32>,
    ) -> Option<Vec<CountryCount>> {
        match scope {
            CountsScope::InView => {
                (self.filtered.range_counts.as_ref()).map(|counts| counts.participants_in(window))
            }
            CountsScope::Selection => Some(
                selected
                    .and_then(|i| self.dataset.events.get(i as usize))
                    .map(|event| participants_by_country(event.participants()))
                    .unwrap_or_default(),
            ),
        }
    }

    /// Derives everything from `dataset`, with no filters. Slow for big data: run it off the
    /// UI thread.
    pub fn new(
        source: DataSource,
        dataset: Dataset,
        lane_mode: LaneMode,
        color_mode: ColorMode,
    ) -> Self {
        // The counts and the tags read every event's details: each on its own core.
        let ((summary, palette, full_scene), full_counts) = rayon::join(
            || {
                let summary = DatasetSummary::new(&dataset);
                let palette = CountryPalette::new(&summary.events_per_country);
                let scene = Scene::build(&dataset.events, lane_mode, color_mode, &palette);
                (summary, palette, Arc::new(scene))
            },
            || {
                Arc::new(
                    RangeCounts::of_events(&dataset.events, None, &|| false).unwrap_or_default(),
                )
            },
        );
        let limits = data_limits(&dataset);
        let eras = dataset
            .eras
            .iter()
            .map(|era| {
                let (start, end) = era.span.day_range();
                Era {
                    label: era.label.clone(),
                    start_days: f64::from(start),
                    end_days: f64::from(end),
                }
            })
            .collect();
        let shown: Vec<u32> = (0..dataset.events.len() as u32).collect();
        Self {
            source,
            summary: Arc::new(summary),
            palette: Arc::new(palette),
            filtered: Filtered {
                shown: Arc::new(shown),
                scene: Arc::clone(&full_scene),
                range_counts: Some(Arc::clone(&full_counts)),
            },
            full_scene,
            full_counts,
            limits,
            eras: Arc::new(eras),
            dataset: Arc::new(dataset),
            generation: next_generation(),
            lane_mode,
        }
    }

    /// The scene on screen.
    pub fn scene(&self) -> &Scene {
        &self.filtered.scene
    }

    /// The events on screen, by index, sorted by time.
    pub fn shown(&self) -> &[u32] {
        &self.filtered.shown
    }
}

/// A number that is new on every call, for cache keys.
pub fn next_generation() -> u64 {
    static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The view limits for all events of a dataset (not only the shown ones, so that filtering
/// does not change how far one may zoom out).
pub fn data_limits(dataset: &Dataset) -> ViewLimits {
    let days = first_and_last_days(&dataset.events);
    let eras = dataset
        .eras
        .iter()
        .map(|e| e.span.day_range())
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let days = match (days, eras) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
    };
    match days {
        Some((first, after_last)) => ViewLimits::for_days(first, after_last),
        None => {
            let today = crate::model::date::day_number(chrono::Local::now().date_naive());
            ViewLimits::for_days(today - 365, today + 1)
        }
    }
}

/// What a typed or picked path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    OpenFolder,
    Save(crate::export::ExportKind),
}

/// The field shown when no native dialog is available.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathEntry {
    pub purpose: PathPurpose,
    pub text: String,
}

/// How far a load got, for the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadStatus {
    pub name: String,
    pub files_done: u64,
    pub files_total: u64,
    pub bytes_read: u64,
    pub bytes_total: u64,
}

/// The small dialog where the user says which column of a spreadsheet holds what.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingEditor {
    /// The file, as the problems name it.
    pub file: String,
    /// Its columns, as written in its header.
    pub header: Vec<String>,
    pub mapping: SheetMapping,
}

/// The first day of the earliest event and the day after the last one ends, read on every core.
fn first_and_last_days(events: &crate::model::EventStore) -> Option<(i32, i32)> {
    use rayon::prelude::*;
    (0..events.len())
        .into_par_iter()
        .filter_map(|index| events.get(index).map(|e| e.span().day_range()))
        .reduce_with(|a, b| (a.0.min(b.0), a.1.max(b.1)))
}
