//! The dataset on screen and everything derived from it, computed when the data, the filters
//! or the lane mode change, never per frame.

use chrono::Datelike as _;

use super::{DataSource, Settings};
use crate::model::density::Density;
use crate::model::scene::Scene;
use crate::model::stats::{RangeCounts, events_per_category, events_per_country};
use crate::model::view::ViewLimits;
use crate::model::{Category, Country, Dataset, Filters};

/// Facts about all the events, whatever the filters.
#[derive(Clone, Debug, Default)]
pub struct DatasetSummary {
    pub events_per_category: Vec<(Category, usize)>,
    pub events_per_country: Vec<(Country, usize)>,
    pub first_year: i32,
    pub last_year: i32,
    pub error_count: usize,
}

impl DatasetSummary {
    fn new(dataset: &Dataset) -> Self {
        let first_year = dataset
            .events
            .iter()
            .map(|e| e.span().first_day().year())
            .min()
            .unwrap_or(2000);
        let last_year = dataset
            .events
            .iter()
            .map(|e| e.span().last_day().year())
            .max()
            .unwrap_or(first_year);
        Self {
            events_per_category: events_per_category(&dataset.events),
            events_per_country: events_per_country(&dataset.events),
            first_year,
            last_year,
            error_count: dataset.error_count(),
        }
    }
}

/// The dataset on screen, with everything derived from it and the filters.
pub struct Loaded {
    pub source: DataSource,
    pub dataset: Dataset,
    pub summary: DatasetSummary,
    /// Indices of the events that pass the filters, sorted by time.
    pub shown: Vec<usize>,
    pub scene: Scene,
    pub density: Density,
    /// Participant counts of the shown events, for any view.
    pub range_counts: RangeCounts,
    pub limits: ViewLimits,
}

impl Loaded {
    pub(super) fn new(
        source: DataSource,
        dataset: Dataset,
        filters: &Filters,
        settings: &Settings,
    ) -> Self {
        let summary = DatasetSummary::new(&dataset);
        let limits = data_limits(&dataset);
        let mut loaded = Self {
            source,
            dataset,
            summary,
            shown: Vec::new(),
            scene: Scene::default(),
            density: Density::default(),
            range_counts: RangeCounts::default(),
            limits,
        };
        loaded.refresh_filters(filters, settings);
        loaded
    }

    /// After the filters changed.
    pub(super) fn refresh_filters(&mut self, filters: &Filters, settings: &Settings) {
        self.shown = filters.shown_indices(&self.dataset.events);
        let events = &self.dataset.events;
        self.range_counts = RangeCounts::build(self.shown.iter().filter_map(|&i| events.get(i)));
        self.refresh_scene(settings);
    }

    /// After the lane or colour mode changed.
    pub(super) fn refresh_scene(&mut self, settings: &Settings) {
        self.scene = Scene::build(
            &self.dataset.events,
            &self.shown,
            settings.lane_mode,
            settings.color_mode,
        );
        self.density = Density::build(&self.scene);
    }
}

/// The view limits for all events of a dataset (not only the shown ones, so that filtering
/// does not make the view jump).
fn data_limits(dataset: &Dataset) -> ViewLimits {
    let first = dataset.events.iter().map(|e| e.span().first_day()).min();
    let last = dataset.events.iter().map(|e| e.span().last_day()).max();
    match (first, last) {
        (Some(first), Some(last)) => ViewLimits::for_span(first, last),
        _ => {
            let today = chrono::Local::now().date_naive();
            ViewLimits::for_span(today - chrono::Days::new(365), today)
        }
    }
}
