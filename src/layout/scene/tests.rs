use super::*;
use crate::load::load_files;
use crate::load::sample::sample_dataset;
use crate::model::country::Country;
use crate::model::stats::events_per_country;

fn scene_of(json: &str, lane_mode: LaneMode) -> Scene {
    let dataset = load_files([("t.json", json.as_bytes())]);
    assert!(
        dataset.problems.iter().all(|p| !p.is_error()),
        "{:?}",
        dataset.problems
    );
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    Scene::build(&dataset.events, lane_mode, ColorMode::Country, &palette)
}

#[test]
fn counts_per_column_match_a_scan() {
    let dataset = sample_dataset();
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    let scene = Scene::build(
        &dataset.events,
        LaneMode::Country,
        ColorMode::Country,
        &palette,
    );
    let (from, to) = (3000.0, 9500.0);
    for lane in 0..scene.lanes.len() {
        let columns = scene.counts_per_column(lane, from, to, 37);
        let width = (to - from) / 37.0;
        for (column, &count) in columns.iter().enumerate() {
            let left = from + width * column as f64;
            let scanned = scene
                .lane_marks(lane)
                .iter()
                .filter(|m| m.overlaps(left, left + width))
                .count();
            assert_eq!(count as usize, scanned, "lane {lane} column {column}");
            assert_eq!(scene.count_between(lane, left, left + width), scanned);
        }
    }
}

#[test]
fn lanes_are_sorted_whatever_the_order_of_the_events() {
    let dataset = sample_dataset();
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    let mut reversed: Vec<crate::model::Event> =
        dataset.events.iter().map(|e| e.to_event()).collect();
    reversed.reverse();
    let reversed = EventStore::from_events(&reversed).expect("a small store");
    for events in [&dataset.events, &reversed] {
        let scene = Scene::build(events, LaneMode::Country, ColorMode::Country, &palette);
        assert!(scene.lanes.len() > 3);
        for lane in 0..scene.lanes.len() {
            let marks = scene.lane_marks(lane);
            assert!(marks.iter().all(|m| m.lane as usize == lane));
            assert!(marks.is_sorted_by_key(|m| (m.start_day, m.event)));
            let mut ends: Vec<i32> = marks.iter().map(|m| m.end_day).collect();
            ends.sort_unstable();
            assert_eq!(scene.lane_ends(lane), ends);
            for day in (3000..9500).step_by(97) {
                let (from, to) = (f64::from(day), f64::from(day + 400));
                let scanned = marks.iter().filter(|m| m.overlaps(from, to)).count();
                assert_eq!(scene.count_between(lane, from, to), scanned);
            }
        }
    }
}

#[test]
fn a_filtered_scene_is_the_scene_of_the_shown_events() {
    let dataset = sample_dataset();
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    let all = Scene::build(
        &dataset.events,
        LaneMode::Country,
        ColorMode::Category,
        &palette,
    );
    let shown: Vec<bool> = (0..dataset.events.len()).map(|i| i % 3 != 0).collect();
    let filtered = all.filtered(&shown);
    assert!(filtered.marks().iter().all(|m| shown[m.event as usize]));
    let expected = all
        .marks()
        .iter()
        .filter(|m| shown[m.event as usize])
        .count();
    assert_eq!(filtered.marks().len(), expected);
    for lane in 0..filtered.lanes.len() {
        let marks = filtered.lane_marks(lane);
        assert!(!marks.is_empty(), "no empty lanes");
        assert!(marks.windows(2).all(|w| w[0].start_day <= w[1].start_day));
        let ends = filtered.lane_ends(lane);
        assert!(ends.windows(2).all(|w| w[0] <= w[1]));
        let mut expected_ends: Vec<i32> = marks.iter().map(|m| m.end_day).collect();
        expected_ends.sort_unstable();
        assert_eq!(ends, expected_ends.as_slice());
    }
}

#[test]
fn every_colour_on_the_chart_is_in_the_legend() {
    let scene = scene_of(
        r#"[{"id": "a", "title": "A", "start": "2010", "category": "forum", "countries": ["CHN", "FRA"]},
                {"id": "b", "title": "B", "start": "2011", "category": "forum", "countries": ["KOR"]},
                {"id": "c", "title": "C", "start": "2012", "category": "forum"}]"#,
        LaneMode::Category,
    );
    let used: Vec<[u8; 3]> = scene.marks().iter().map(|m| scene.color_of(m)).collect();
    for rgb in &used {
        assert!(scene.legend.iter().any(|e| e.color_rgb == *rgb), "{rgb:?}");
    }
    let labels: Vec<&str> = scene.legend.iter().map(|e| e.label.as_str()).collect();
    // "a" is of two countries: its colour is neither's, so China's is not on the chart.
    assert_eq!(
        labels,
        ["KOR South Korea", "(no country)", "Several countries"]
    );
    let country_lanes = scene_of(
        r#"[{"id": "a", "title": "A", "start": "2010", "category": "forum", "countries": ["CHN", "FRA", "KOR"]}]"#,
        LaneMode::Country,
    );
    let labels: Vec<&str> = country_lanes
        .legend
        .iter()
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(labels, ["CHN China", "FRA France", "KOR South Korea"]);
}

#[test]
fn countries_get_distinct_colours() {
    let codes = [
        "CHN", "JPN", "KOR", "FRA", "DEU", "IND", "BRA", "USA", "GBR", "ITA",
    ];
    let counts: Vec<(Country, usize)> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| (Country::parse(code).unwrap(), 100 - i))
        .collect();
    let palette = CountryPalette::new(&counts);
    let mut colours: Vec<[u8; 3]> = counts.iter().map(|(c, _)| palette.color_of(*c)).collect();
    colours.sort_unstable();
    colours.dedup();
    assert_eq!(colours.len(), codes.len());
    let far = |a: [u8; 3], b: [u8; 3]| {
        a.iter()
            .zip(b)
            .map(|(x, y)| (f32::from(*x) - f32::from(y)).powi(2))
            .sum::<f32>()
            .sqrt()
    };
    for (i, a) in colours.iter().enumerate() {
        for b in &colours[i + 1..] {
            assert!(far(*a, *b) > 60.0, "{a:?} and {b:?} are too alike");
        }
    }
}

#[test]
fn spans_need_as_many_rows_as_overlap() {
    let scene = scene_of(
        r#"[{"id": "a", "title": "A", "start": "2010", "category": "forum"},
                {"id": "b", "title": "B", "start": "2010-05", "category": "forum"},
                {"id": "c", "title": "C", "start": "2011", "category": "forum"},
                {"id": "d", "title": "D", "start": "2010-03-01", "category": "forum"}]"#,
        LaneMode::Category,
    );
    assert_eq!(scene.lanes[0].span_rows, 2);
}
