//! Exports: the SVG drawing and the CSV table, checked without a window.

use coop_timeline::export::csv::{counts_to_csv, events_to_csv};
use coop_timeline::export::svg::draw_list_to_svg;
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

/// The draw list of `dataset` in `view` (all of it when `None`), 1200×700.
fn draw(
    dataset: &Dataset,
    lane_mode: LaneMode,
    view: Option<TimeView>,
    selected: Option<u32>,
) -> DrawList {
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    let scene = Scene::build(&dataset.events, lane_mode, ColorMode::Country, &palette);
    let limits = data_limits(dataset);
    let view = view.unwrap_or_else(|| {
        TimeView::fit(
            limits.data_min_days,
            limits.data_max_days,
            1000.0,
            200.0,
            &limits,
        )
    });
    DrawList::build(&DrawInput {
        scene: &scene,
        events: &dataset.events,
        eras: &[],
        view,
        limits: &limits,
        scroll_px: 0.0,
        size_px: [1200.0, 700.0],
        selected,
        theme: &Theme::LIGHT,
        measure: &EstimatedMeasure,
        empty_message: "",
    })
}

fn svg_texts(svg: &str, class: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    document
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("class") == Some(class))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect()
}

#[test]
fn the_svg_draws_exactly_the_draw_list() {
    let dataset = sample_dataset();
    for lane_mode in LaneMode::ALL {
        // A zoomed view, so that some events are out of it.
        let full = draw(&dataset, lane_mode, None, None);
        let whole = full.view.expect("a view");
        let view = TimeView {
            min_days: whole.center_days(),
            max_days: whole.max_days,
        };
        let list = draw(&dataset, lane_mode, Some(view), Some(0));
        let svg = draw_list_to_svg(&list, "Test");
        assert_eq!(
            roxmltree::Document::parse(&svg)
                .expect("XML")
                .root_element()
                .tag_name()
                .name(),
            "svg"
        );
        for role in [
            TextRole::Label,
            TextRole::LaneName,
            TextRole::Tick,
            TextRole::Legend,
        ] {
            let class = match role {
                TextRole::Label => "label",
                TextRole::LaneName => "lane",
                TextRole::Tick => "tick",
                _ => "legend",
            };
            let expected: Vec<String> = list.texts(role).map(str::to_owned).collect();
            assert_eq!(svg_texts(&svg, class), expected, "{lane_mode:?} {class}");
        }
        let marks_in_svg = svg.matches("class=\"mark\"").count();
        assert_eq!(marks_in_svg, list.mark_count(), "{lane_mode:?}");
        assert!(
            list.mark_count() > 3,
            "{lane_mode:?}: {} marks",
            list.mark_count()
        );
    }
}

#[test]
fn an_svg_of_many_events_is_as_big_as_the_drawing_not_the_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    coop_timeline::cli::generate::generate(
        100_000,
        coop_timeline::cli::generate::EVENTS_PER_FILE,
        1,
        dir.path(),
    )
    .expect("generate");
    let dataset = coop_timeline::load::load_folder(
        dir.path(),
        &coop_timeline::load::LoadOptions::default(),
        &coop_timeline::load::LoadProgress::default(),
    )
    .expect("load");
    let list = draw(&dataset, LaneMode::Category, None, None);
    let svg = draw_list_to_svg(&list, "Test");
    let strips = list
        .primitives
        .iter()
        .filter(|p| matches!(p, Primitive::Density { .. }))
        .count();
    assert!(strips >= 5, "{strips} density strips");
    assert!(svg.len() < 2_000_000, "{} bytes for 100k events", svg.len());
    assert_eq!(svg.matches("class=\"density\"").count(), strips);
}

#[test]
fn svg_escapes_text_from_data() {
    let csv =
        "id,title,start,category,quote,source_file\nx,<script>alert('&')</script>,2021,forum,q,f\n";
    let dataset = load_files([("t.csv", csv.as_bytes())]);
    let svg = draw_list_to_svg(&draw(&dataset, LaneMode::Category, None, None), "Test");
    assert!(!svg.contains("<script>"));
    let labels = svg_texts(&svg, "label");
    assert!(
        labels
            .iter()
            .any(|t| t.contains("<script>alert('&')</script>")),
        "{labels:?}"
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

#[test]
fn the_counts_table_exports_as_the_panel_shows_it() {
    let dataset = load_files([(
        "t.json",
        br#"[{"id": "a", "title": "A", "start": "2010", "category": "forum", "countries": ["CHN", "JPN"],
              "participants": [{"country": "CHN", "count": 12, "unit": "universities"},
                               {"country": "JPN", "count": 9, "unit": "universities"},
                               {"count": 30, "unit": "universities"}]}]"#.as_slice(),
    )]);
    let event = dataset.events.get(0).expect("one event");
    let counts = coop_timeline::model::stats::participants_by_country(event.participants());
    let csv = counts_to_csv(&counts).expect("a table in memory");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "unit,country,country_name,count,events");
    assert!(rows.contains(&"universities,CHN,China,12,1"), "{csv}");
    assert!(rows.contains(&"universities,JPN,Japan,9,1"), "{csv}");
    // The whole event's number is its own row, never a sum of the countries'.
    assert!(
        rows.contains(&"universities,,not split by country,30,1"),
        "{csv}"
    );
    assert_eq!(rows.len(), 4);
}
