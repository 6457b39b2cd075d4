//! Exports: the SVG drawing and the CSV table, checked without a window.

use coop_timeline::export::csv::events_to_csv;
use coop_timeline::export::svg::SvgChart;
use coop_timeline::model::load::load_files;
use coop_timeline::model::sample::sample_dataset;
use coop_timeline::model::scene::{ColorMode, LaneMode, Scene};
use coop_timeline::model::view::{TimeView, ViewLimits};

#[test]
fn svg_parses_and_holds_every_visible_title() {
    let dataset = sample_dataset();
    let shown: Vec<usize> = (0..dataset.events.len()).collect();
    for lane_mode in LaneMode::ALL {
        let scene = Scene::build(&dataset.events, &shown, lane_mode, ColorMode::Country);
        let first = dataset
            .events
            .iter()
            .map(|e| e.span().first_day())
            .min()
            .unwrap();
        let last = dataset
            .events
            .iter()
            .map(|e| e.span().last_day())
            .max()
            .unwrap();
        let limits = ViewLimits::for_span(first, last);
        // A zoomed view, so that some events are out of it.
        let full = TimeView::fit_all(&limits);
        let view = TimeView {
            min_days: full.center_days(),
            max_days: full.max_days,
        };
        let svg = SvgChart {
            scene: &scene,
            events: &dataset.events,
            view,
            width_px: 1200.0,
            height_px: 700.0,
            selected: Some(0),
        }
        .to_svg();
        let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
        assert_eq!(document.root_element().tag_name().name(), "svg");
        let text: String = document
            .descendants()
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("\n");
        let mut visible = 0;
        for mark in scene.visible_marks(view) {
            let title = dataset.events.get(mark.event_index).unwrap().title();
            assert!(text.contains(title), "{lane_mode:?}: missing {title:?}");
            visible += 1;
        }
        assert!(
            visible > 5 && visible < scene.marks.len(),
            "{visible} of {} marks in view",
            scene.marks.len()
        );
        for lane in &scene.lanes {
            assert!(
                text.contains(lane.label.as_str()),
                "lane label {:?}",
                lane.label
            );
        }
    }
}

#[test]
fn svg_escapes_text_from_data() {
    let csv =
        "id,title,start,category,quote,source_file\nx,<script>alert('&')</script>,2021,forum,q,f\n";
    let dataset = load_files([("t.csv", csv.as_bytes())]);
    let scene = Scene::build(
        &dataset.events,
        &[0],
        LaneMode::Category,
        ColorMode::Category,
    );
    let limits = ViewLimits::for_span(
        dataset.events.get(0).unwrap().span().first_day(),
        dataset.events.get(0).unwrap().span().last_day(),
    );
    let svg = SvgChart {
        scene: &scene,
        events: &dataset.events,
        view: TimeView::fit_all(&limits),
        width_px: 800.0,
        height_px: 400.0,
        selected: None,
    }
    .to_svg();
    assert!(!svg.contains("<script>"));
    let document = roxmltree::Document::parse(&svg).expect("well-formed");
    assert!(
        document
            .descendants()
            .filter_map(|n| n.text())
            .any(|t| t.contains("<script>alert('&')</script>"))
    );
}

#[test]
fn csv_export_loads_back_identically() {
    let dataset = sample_dataset();
    let csv = events_to_csv(dataset.events.to_vec()).expect("CSV");
    let reloaded = load_files([("export.csv", csv.as_bytes())]);
    assert_eq!(reloaded.problems, vec![]);
    assert_eq!(reloaded.events, dataset.events);
}
