//! How a lane uses its height: a tall lane spreads its events over rows, each with its label
//! whole, before it clusters them; a folder of series without kinds opens in lanes by series.

use coop_timeline::layout::draw::{DrawInput, DrawList, Primitive, TextRole};
use coop_timeline::layout::scene::{ColorMode, CountryPalette, LaneMode, Scene};
use coop_timeline::layout::text::EstimatedMeasure;
use coop_timeline::layout::theme::Theme;
use coop_timeline::layout::view::TimeView;
use coop_timeline::load::load_files;
use coop_timeline::load::sample::sample_dataset;
use coop_timeline::model::Dataset;
use coop_timeline::model::stats::events_per_country;
use coop_timeline::state::data_limits;

/// Eighteen one-day events of one kind, a fortnight apart: too close for their labels in one row.
fn close_events() -> Dataset {
    let events: Vec<String> = (0..18)
        .map(|i| {
            let day = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Days::new(14 * i);
            format!(
                r#"{{"id": "e{i}", "title": "Workshop number {i} on polar research", "start": "{day}", "category": "seminar", "sources": [{{"url": "https://example.org/{i}"}}]}}"#
            )
        })
        .collect();
    let json = format!(r#"{{"events": [{}]}}"#, events.join(","));
    load_files([("events.json", json.as_bytes())])
}

fn draw(dataset: &Dataset, size_px: [f32; 2]) -> DrawList {
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    let scene = Scene::build(
        &dataset.events,
        LaneMode::Category,
        ColorMode::Category,
        &palette,
    );
    let limits = data_limits(dataset);
    let view = TimeView::fit(
        limits.data_min_days,
        limits.data_max_days,
        size_px[0] - 100.0,
        250.0,
        &limits,
    );
    DrawList::build(&DrawInput {
        scene: &scene,
        events: &dataset.events,
        eras: &[],
        view,
        limits: &limits,
        scroll_px: 0.0,
        size_px,
        selected: None,
        theme: &Theme::LIGHT,
        measure: &EstimatedMeasure,
        empty_message: "",
    })
}

fn labels(list: &DrawList) -> Vec<&str> {
    (list.primitives.iter())
        .filter_map(|p| match p {
            Primitive::Text {
                role: TextRole::Label,
                text,
                ..
            } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_tall_lane_labels_every_event_whole_before_it_clusters() {
    let dataset = close_events();
    let tall = draw(&dataset, [1000.0, 700.0]);
    let shown = labels(&tall);
    assert_eq!(shown.len(), 18, "{shown:#?}");
    assert!(
        shown.iter().all(|label| !label.ends_with('…')),
        "{shown:#?}"
    );
    assert!(
        !tall
            .primitives
            .iter()
            .any(|p| matches!(p, Primitive::Cluster { .. }))
    );
    // No two markers on one spot: each row holds its markers apart.
    let mut centers: Vec<[i32; 2]> = (tall.primitives.iter())
        .filter_map(|p| match p {
            Primitive::Marker { center, .. } => Some([center[0] as i32, center[1] as i32]),
            _ => None,
        })
        .collect();
    let markers = centers.len();
    centers.sort_unstable();
    centers.dedup();
    assert_eq!((markers, centers.len()), (18, 18));
    // A short lane has one row: the markers are clustered or their labels cut, as before.
    let short = draw(&dataset, [1000.0, 140.0]);
    assert!(labels(&short).len() < 18);
}

#[test]
fn a_folder_of_series_without_kinds_opens_in_lanes_by_series() {
    let rows = "date\tevent\tgroup\n2021-01-04\tFirst\tTalks\n2021-02-04\tSecond\tVisits\n2021-03-04\tThird\tTalks\n";
    let series = load_files([("list.tsv", rows.as_bytes())]);
    assert_eq!(LaneMode::suited_to(&series.events), LaneMode::Series);
    assert_eq!(
        LaneMode::suited_to(&sample_dataset().events),
        LaneMode::Category
    );
}
