//! The window, driven headless with egui_kittest: what a user sees and does. The view is only
//! ever changed through commands and input events, as a user would.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use coop_timeline::app::TimelineApp;
use coop_timeline::command::Command;
use coop_timeline::layout::draw::Primitive;
use coop_timeline::layout::scene::LaneMode;
use coop_timeline::ui::timeline::last_draw_list;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotOptions};

const FORUM_2022: &str = "cj-univ-st-innovation-forum-2022";
const FORUM_2022_TITLE: &str =
    "2022 China-Japan University Science and Technology Innovation Forum";

fn harness_with(folder: Option<PathBuf>) -> Harness<'static, TimelineApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 850.0])
        .build_eframe(move |cc| TimelineApp::new(cc, folder.clone(), Default::default()));
    wait_for_load(&mut harness);
    harness
}

fn harness() -> Harness<'static, TimelineApp> {
    harness_with(None)
}

/// Steps until a background load and any filtering have finished.
fn wait_for_load(harness: &mut Harness<'static, TimelineApp>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    harness.run_steps(2);
    while harness.state().loading.is_some() {
        assert!(Instant::now() < deadline, "loading took too long");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    settle(harness);
}

/// Lets the window take its input, background filtering finish, and the window catch up.
fn settle(harness: &mut Harness<'static, TimelineApp>) {
    // A frame may start another search (typed text arrives over frames): settled is when
    // a few frames pass with none running.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        harness.run_steps(2);
        harness.state_mut().wait_for_filters();
        harness.run_steps(3);
        if !harness.state().is_searching() || Instant::now() > deadline {
            break;
        }
    }
}

/// Settles until `label` is on screen: typed text reaches the filters over several frames,
/// and a loaded machine takes longer.
fn settle_until_shown(harness: &mut Harness<'static, TimelineApp>, label: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    settle(harness);
    while harness.query_by_label(label).is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        settle(harness);
    }
    harness.get_by_label(label);
}

fn apply(harness: &mut Harness<'static, TimelineApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, command);
    settle(harness);
}

fn event_index(harness: &Harness<'static, TimelineApp>, id: &str) -> u32 {
    harness
        .state()
        .data
        .dataset
        .events
        .position_of_id(id)
        .expect("event exists") as u32
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// Where the mark of `event` is drawn, in window coordinates.
fn mark_position(ctx: &egui::Context, event: u32) -> Option<egui::Pos2> {
    let (origin, list) = last_draw_list(ctx)?;
    list.primitives.iter().find_map(|p| match p {
        Primitive::Marker { center, mark, .. } if mark.event == event => {
            Some(origin + egui::vec2(center[0], center[1]))
        }
        Primitive::Span { rect, mark, .. } if mark.event == event => {
            let [x, y] = rect.center();
            Some(origin + egui::vec2(x, y))
        }
        _ => None,
    })
}

/// Where the first cluster is drawn, and how many events it holds.
fn first_cluster(ctx: &egui::Context) -> Option<(egui::Pos2, usize)> {
    let (origin, list) = last_draw_list(ctx)?;
    list.primitives.iter().find_map(|p| match p {
        Primitive::Cluster { center, count, .. } => {
            Some((origin + egui::vec2(center[0], center[1]), *count))
        }
        _ => None,
    })
}

/// True when `event`'s day is inside a drawn cluster.
fn in_a_cluster(harness: &Harness<'static, TimelineApp>, event: u32) -> bool {
    let Some((_, list)) = last_draw_list(&harness.ctx) else {
        return false;
    };
    let Some(e) = harness.state().data.dataset.events.get(event as usize) else {
        return false;
    };
    let (start, end) = e.span().day_range();
    list.primitives.iter().any(|p| {
        matches!(p, Primitive::Cluster { from_days, to_days, .. }
            if *from_days <= f64::from(start) && *to_days >= f64::from(end))
    })
}

fn click_at(harness: &mut Harness<'static, TimelineApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    harness.run_steps(2);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        });
        harness.step();
    }
    settle(harness);
}

fn wheel_at(harness: &mut Harness<'static, TimelineApp>, pos: egui::Pos2, delta: egui::Vec2) {
    harness.hover_at(pos);
    harness.step();
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Default::default(),
    });
    // The wheel is smoothed over a few frames.
    harness.run_steps(20);
}

/// The middle of the plot, in window coordinates.
fn plot_center(harness: &Harness<'static, TimelineApp>) -> egui::Pos2 {
    let [left, top, right, bottom] = harness.state().chart_rect_px.expect("the chart was drawn");
    egui::pos2((left + right) / 2.0 + 60.0, (top + bottom) / 2.0)
}

#[test]
fn opens_on_the_sample_data() {
    let harness = harness();
    let total = harness.state().data.dataset.events.len();
    assert!(total >= 20);
    harness.get_by_label(&format!("{total} of {total} events shown"));
    assert!(
        harness
            .state()
            .title()
            .starts_with(&format!("Sample data — {total} events"))
    );
    assert!(
        harness
            .state()
            .data
            .scene()
            .lanes
            .iter()
            .any(|l| l.label == "Forum")
    );
}

#[test]
fn arrow_keys_select_events_and_fill_the_details() {
    let mut harness = harness();
    let target = event_index(&harness, FORUM_2022);
    let position = harness
        .state()
        .data
        .shown()
        .iter()
        .position(|&i| i == target)
        .expect("shown");
    for _ in 0..=position {
        harness.key_press(egui::Key::ArrowRight);
        harness.run_steps(2);
    }
    assert_eq!(harness.state().selection.event, Some(target));
    harness.get_by_label(FORUM_2022_TITLE);
    harness.get_by_label("28–29 Nov 2022");
    harness
        .get_all_by_label("CHN China")
        .next()
        .expect("a CHN participant row");
    assert!(harness.get_all_by_label("12").count() >= 1);

    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection.event,
        Some(harness.state().data.shown()[position - 1])
    );
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selection.event, None);
}

#[test]
fn a_click_on_a_marker_selects_it() {
    let mut harness = harness();
    let target = event_index(&harness, FORUM_2022);
    // Zoom to the forum so that its bar stands alone.
    let (start, end) = harness
        .state()
        .data
        .dataset
        .events
        .get(target as usize)
        .expect("event")
        .span()
        .day_range();
    apply(
        &mut harness,
        Command::SetView(coop_timeline::layout::TimeView {
            min_days: f64::from(start) - 90.0,
            max_days: f64::from(end) + 90.0,
        }),
    );
    let pos = mark_position(&harness.ctx, target).expect("the forum is drawn");
    click_at(&mut harness, pos);
    assert_eq!(harness.state().selection.event, Some(target));
    harness.get_by_label(FORUM_2022_TITLE);
    // A click on nothing clears the selection.
    let [left, top, _, _] = harness.state().chart_rect_px.expect("chart");
    click_at(&mut harness, egui::pos2(left + 250.0, top + 60.0));
    assert_eq!(harness.state().selection.event, None);
}

#[test]
fn wheel_zooms_around_the_pointer_and_drag_pans() {
    let mut harness = harness();
    let before = harness.state().view;
    let pos = plot_center(&harness);
    wheel_at(&mut harness, pos, egui::vec2(0.0, 120.0));
    let zoomed = harness.state().view;
    assert!(
        zoomed.width_days() < before.width_days() * 0.8,
        "{before:?} -> {zoomed:?}"
    );
    // Zoomed around the pointer, inside the old view.
    assert!(zoomed.min_days > before.min_days && zoomed.max_days < before.max_days);

    // Dragging left shows later times.
    harness.drag_at(pos);
    harness.step();
    harness.hover_at(pos - egui::vec2(200.0, 0.0));
    harness.step();
    harness.drop_at(pos - egui::vec2(200.0, 0.0));
    harness.run_steps(3);
    let panned = harness.state().view;
    assert!(
        panned.min_days > zoomed.min_days,
        "{zoomed:?} -> {panned:?}"
    );
    assert!((panned.width_days() - zoomed.width_days()).abs() < 1e-6);

    // A double click fits everything again. The harness's frames are a quarter of a second
    // apart, longer than a double click may take, so allow more for this test.
    harness
        .ctx
        .options_mut(|o| o.input_options.max_double_click_delay = 2.0);
    harness.hover_at(pos);
    harness.step();
    for _ in 0..2 {
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: Default::default(),
            });
        }
        harness.step();
    }
    settle(&mut harness);
    let fitted = harness.state().view;
    assert!(
        (fitted.width_days() - before.width_days()).abs() < 1.0,
        "{before:?} -> {fitted:?}"
    );
}

#[test]
fn search_and_toggles_change_the_count_shown_and_fit_finds_the_results() {
    let mut harness = harness();
    let total = harness.state().data.dataset.events.len();
    let before = harness.state().view;
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text("Qingdao");
    harness.run_steps(2);
    settle_until_shown(&mut harness, &format!("1 of {total} events shown"));
    // The filter leaves the view alone; "Fit to results" zooms to what was found.
    assert_eq!(harness.state().view, before);
    harness.get_by_label("Fit to results").click();
    settle(&mut harness);
    let fitted = harness.state().view;
    assert!(fitted.width_days() < 400.0, "{fitted:?}");
    let found = harness.state().data.shown()[0];
    let (start, end) = harness
        .state()
        .data
        .dataset
        .events
        .get(found as usize)
        .expect("event")
        .span()
        .day_range();
    assert!(fitted.min_days <= f64::from(start) && fitted.max_days >= f64::from(end));

    apply(&mut harness, Command::SetFilters(Default::default()));
    let forums = harness
        .state()
        .data
        .dataset
        .events
        .iter()
        .filter(|e| e.category().label() == "Forum")
        .count();
    harness.get_by_label_contains("Forum (").click();
    settle(&mut harness);
    settle_until_shown(
        &mut harness,
        &format!("{} of {total} events shown", total - forums),
    );
}

#[test]
fn counts_panel_shows_the_2022_forum_universities() {
    let mut harness = harness();
    let target = event_index(&harness, FORUM_2022);
    apply(&mut harness, Command::Select(Some(target)));
    harness.get_by_label("Selected event").click();
    settle(&mut harness);
    harness.get_by_label("For the selected event.");
    assert_eq!(
        harness.get_all_by_label("universities").count(),
        3,
        "two rows of the details, one heading of the counts"
    );
    assert!(harness.get_all_by_label("CHN China").count() >= 2);
    assert!(harness.get_all_by_label("JPN Japan").count() >= 2);
    assert!(harness.get_all_by_label("9").count() >= 2);
}

#[test]
fn every_year_only_event_of_a_country_lane_is_drawn() {
    let mut harness = harness();
    apply(&mut harness, Command::SetLaneMode(LaneMode::Country));
    let app = harness.state();
    let china: Vec<u32> = app
        .data
        .dataset
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.countries().iter().any(|c| c.code() == "CHN"))
        .map(|(i, _)| i as u32)
        .collect();
    assert!(china.len() >= 15, "{}", china.len());
    for event in china {
        assert!(
            mark_position(&harness.ctx, event).is_some() || in_a_cluster(&harness, event),
            "event {event} is not drawn in the country lanes"
        );
    }
}

#[test]
fn many_events_on_one_day_open_as_a_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut json = String::from("[");
    for i in 0..500 {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!(
            r#"{{"id": "e{i}", "title": "Event number {i}", "start": "2024-05-03", "category": "forum", "countries": ["CHN"], "sources": [{{"file": "x.txt", "quote": "q"}}]}}"#
        ));
    }
    json.push(']');
    std::fs::write(dir.path().join("same_day.json"), json).expect("write");
    let mut harness = harness_with(Some(dir.path().to_owned()));
    // Zoomed in as far as it goes, the day is a cluster of 500, not a density block.
    for _ in 0..30 {
        apply(&mut harness, Command::Zoom(4.0));
    }
    let view = harness.state().view;
    assert!(view.width_days() <= 1.0001, "{view:?}");
    let (pos, count) = first_cluster(&harness.ctx).expect("a cluster is drawn");
    assert_eq!(count, 500);
    harness.hover_at(pos);
    // Tooltips wait for the pointer to rest.
    harness.run_steps(60);
    harness.get_by_label("500 events here");
    click_at(&mut harness, pos);
    let group = harness
        .state()
        .selection
        .group
        .clone()
        .expect("a list of the events");
    assert_eq!(group.events.len(), 500);
    harness.get_by_label_contains("500 events in Forum");
    harness
        .get_by_label("3 May 2024 · Event number 7")
        .click_accesskit();
    settle(&mut harness);
    let selected = harness.state().selection.event.expect("selected");
    assert_eq!(
        harness
            .state()
            .data
            .dataset
            .events
            .get(selected as usize)
            .map(|e| e.id()),
        Some("e7")
    );
}

#[test]
fn opening_a_folder_with_problems_lists_them() {
    let harness = harness_with(Some(fixture("tests/fixtures/bad")));
    assert!(
        harness.state().title().starts_with("bad — 6 events"),
        "{}",
        harness.state().title()
    );
    assert!(
        harness.state().settings.show_problems,
        "errors open the problems panel"
    );
    harness.get_by_label_contains("bad_date.json:3:70  start 2022-02-30 is not a real date");
}

#[test]
fn snapshots_of_the_main_window() {
    let mut harness = harness();
    // A smaller window keeps the snapshot files small.
    harness.set_size(egui::vec2(1100.0, 680.0));
    harness.run_steps(3);
    apply(&mut harness, Command::FitAll);
    let options = SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(2000);
    harness.snapshot_options("main_window", &options);
    let target = event_index(&harness, FORUM_2022);
    apply(&mut harness, Command::Select(Some(target)));
    harness.snapshot_options("main_window_selected", &options);
}

#[test]
fn chinese_japanese_and_korean_text_renders() {
    // egui_kittest panics on any glyph its fonts lack, so drawing this is the check.
    let mut harness = harness_with(Some(fixture("tests/fixtures/cjk")));
    apply(&mut harness, Command::Select(Some(0)));
    harness.get_by_label("한중일 과학기술 포럼 · 科技日报 · 日本の大学");
    harness.get_by_label_contains("龚茜");
    assert!(
        harness.get_all_by_label_contains("科技日报").count() >= 2,
        "title and source"
    );
}

#[test]
fn opening_a_folder_uses_the_dialogs_command() {
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::OpenFolder(fixture("tests/fixtures/bad")));
    // The old data stays on screen while the new folder loads.
    assert!(harness.state().title().starts_with("Sample data"));
    wait_for_load(&mut harness);
    assert!(
        harness.state().title().starts_with("bad — 6 events"),
        "{}",
        harness.state().title()
    );
    assert_eq!(
        harness.state().settings.recent_folders.first(),
        Some(&fixture("tests/fixtures/bad"))
    );
}

/// A copy of the sample data in a temporary folder, to change files in.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(fixture("sample_data")).expect("sample_data") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join(path.file_name().expect("name"))).expect("copy");
    }
    dir
}

/// Adds one CSV event to the folder.
fn add_csv_event(dir: &Path) {
    let csv = dir.join("events.csv");
    let mut text = std::fs::read_to_string(&csv).expect("csv");
    text.push_str("added-later,An event added while the app runs,2023-05-06,,seminar,,,KOR,,,,x.txt,,A quote.,,false\n");
    std::fs::write(&csv, text).expect("write csv");
}

/// Steps for `duration`, as the app would run by itself.
fn run_for(harness: &mut Harness<'static, TimelineApp>, duration: Duration) {
    let deadline = Instant::now() + duration;
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
}

#[test]
fn reading_the_files_starts_no_reload() {
    let dir = sample_copy();
    let mut harness = harness_with(Some(dir.path().to_owned()));
    let reloads = harness.state().reloads_started;
    // What `cat` and `coop-timeline check` do: open, read, close; and the app's own reload.
    for _ in 0..3 {
        for entry in std::fs::read_dir(dir.path()).expect("dir") {
            let _ = std::fs::read(entry.expect("entry").path()).expect("read");
        }
        let _ =
            coop_timeline::load::load_folder(dir.path(), &Default::default(), &Default::default());
        run_for(&mut harness, Duration::from_millis(700));
    }
    assert_eq!(
        harness.state().reloads_started,
        reloads,
        "a read started a reload"
    );
    // F5 reloads once, and the reload's own reads start no other.
    harness.key_press(egui::Key::F5);
    harness.step();
    wait_for_load(&mut harness);
    run_for(&mut harness, Duration::from_millis(1500));
    assert_eq!(harness.state().reloads_started, reloads + 1);
}

#[test]
fn reload_keeps_the_selection_and_the_view() {
    let dir = sample_copy();
    let mut harness = harness_with(Some(dir.path().to_owned()));
    apply(&mut harness, Command::Zoom(4.0));
    let view = harness.state().view;
    let count = harness.state().data.dataset.events.len();
    // With nothing selected, the view stays too.
    add_csv_event(dir.path());
    apply(&mut harness, Command::Reload);
    wait_for_load(&mut harness);
    assert_eq!(harness.state().data.dataset.events.len(), count + 1);
    assert_eq!(harness.state().view, view);

    let target = event_index(&harness, FORUM_2022);
    apply(&mut harness, Command::Select(Some(target)));
    let view = harness.state().view;
    // A file broken, then fixed: the selection comes back with its event.
    let json = dir.path().join("events.json");
    let good = std::fs::read_to_string(&json).expect("read");
    std::fs::write(&json, &good[..good.len() / 2]).expect("break");
    apply(&mut harness, Command::Reload);
    wait_for_load(&mut harness);
    assert_eq!(harness.state().view, view);
    std::fs::write(&json, &good).expect("fix");
    apply(&mut harness, Command::Reload);
    wait_for_load(&mut harness);
    let app = harness.state();
    let selected = app
        .selection
        .event
        .and_then(|i| Some(app.data.dataset.events.get(i as usize)?.id()));
    assert_eq!(selected, Some(FORUM_2022));
    assert_eq!(app.view, view);
}

#[test]
fn a_changed_file_reloads_by_itself() {
    let dir = sample_copy();
    let mut harness = harness_with(Some(dir.path().to_owned()));
    let count = harness.state().data.dataset.events.len();
    add_csv_event(dir.path());
    let deadline = Instant::now() + Duration::from_secs(20);
    while harness.state().data.dataset.events.len() == count {
        assert!(
            Instant::now() < deadline,
            "no reload after the file changed"
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    assert_eq!(harness.state().data.dataset.events.len(), count + 1);
}

#[test]
fn exports_ask_before_replacing_a_file() {
    let mut harness = harness();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("events.csv");
    let export = |overwrite| Command::ExportTo {
        kind: coop_timeline::export::ExportKind::Csv,
        path: path.clone(),
        overwrite,
    };
    apply(&mut harness, export(false));
    harness.get_by_label(&format!("Saved {}", path.display()));
    let written = std::fs::read_to_string(&path).expect("written");
    assert!(written.starts_with("id,title,start,end,category"));

    std::fs::write(&path, "keep me").expect("write");
    apply(&mut harness, export(false));
    harness.get_by_label("Replace the file?");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep me");
    assert!(harness.state().confirm_overwrite.is_none());

    apply(&mut harness, export(false));
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), written);

    let svg_path = dir.path().join("chart.svg");
    apply(
        &mut harness,
        Command::ExportTo {
            kind: coop_timeline::export::ExportKind::Svg,
            path: svg_path.clone(),
            overwrite: false,
        },
    );
    let svg = std::fs::read_to_string(&svg_path).expect("svg written");
    assert!(svg.contains("class=\"label\""));
    assert!(svg.contains("Forum"));
}

/// An app on `folder` with `settings`, as a restart would make it.
fn harness_with_settings(
    folder: PathBuf,
    settings: coop_timeline::state::Settings,
) -> Harness<'static, TimelineApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 850.0])
        .build_eframe(move |cc| {
            let mut app = TimelineApp::with_data(
                &cc.egui_ctx,
                settings.clone(),
                coop_timeline::state::DataSource::Sample,
                coop_timeline::load::sample::sample_dataset(),
            );
            app.start_loading(folder.clone());
            app
        });
    wait_for_load(&mut harness);
    harness
}

/// Settings kept the way eframe keeps them between runs.
#[derive(Default)]
struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

fn selected_id(harness: &Harness<'static, TimelineApp>) -> Option<String> {
    let app = harness.state();
    let index = app.selection.event?;
    Some(app.data.dataset.events.get(index as usize)?.id().to_owned())
}

fn is_draft(harness: &Harness<'static, TimelineApp>, id: &str) -> Option<bool> {
    let events = &harness.state().data.dataset.events;
    Some(events.get(events.position_of_id(id)?)?.is_draft())
}

#[test]
fn drafts_are_reviewed_from_the_keyboard_saved_and_remembered() {
    let articles = tempfile::tempdir().expect("temp dir");
    let data = articles.path().join("articles");
    std::fs::create_dir(&data).expect("folder");
    for entry in std::fs::read_dir(fixture("tests/fixtures/seeds")).expect("seeds") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, data.join(path.file_name().expect("name"))).expect("copy");
    }
    let mut harness = harness_with(Some(data.clone()));
    let drafts = harness.state().data.dataset.drafts.len();
    assert!(drafts >= 15, "{drafts} drafts");
    harness.get_by_label(&format!("Drafts ({drafts} to review)"));

    // N selects a draft; A accepts it and goes on to the next draft; R rejects that one.
    harness.key_press(egui::Key::N);
    settle(&mut harness);
    let first = selected_id(&harness).expect("a draft is selected");
    assert_eq!(is_draft(&harness, &first), Some(true));
    harness.get_by_label("Accept (A)");
    harness.key_press(egui::Key::A);
    wait_for_load(&mut harness);
    assert_eq!(is_draft(&harness, &first), Some(false), "accepted");
    let second = selected_id(&harness).expect("the next draft is selected");
    assert_ne!(second, first);
    assert_eq!(is_draft(&harness, &second), Some(true));
    harness.key_press(egui::Key::R);
    wait_for_load(&mut harness);
    assert_eq!(
        is_draft(&harness, &second),
        None,
        "rejected: off the timeline"
    );
    harness.get_by_label(&format!("Drafts ({} to review)", drafts - 2));

    // A correction: the kind and the countries.
    let third = selected_id(&harness).expect("the next draft again");
    let app = harness.state();
    let reviewed = app.data.dataset.draft(&third).expect("a draft");
    let mut editor = coop_timeline::state::DraftEditor::of(reviewed);
    editor.category = coop_timeline::model::Category::Other;
    editor.countries = format!("{}, KOR", editor.countries);
    editor.title = "A title the reviewer wrote".to_owned();
    editor.location = "Busan".to_owned();
    let review = editor.review(reviewed, coop_timeline::draft::Decision::Accepted);
    apply(
        &mut harness,
        Command::ReviewDraft {
            id: third.clone(),
            review,
        },
    );
    wait_for_load(&mut harness);
    let events = &harness.state().data.dataset.events;
    let corrected = events
        .event(events.position_of_id(&third).expect("kept"))
        .expect("event");
    assert_eq!(corrected.category, coop_timeline::model::Category::Other);
    assert!(corrected.countries.iter().any(|c| c.code() == "KOR"));
    assert_eq!(corrected.title, "A title the reviewer wrote");
    assert_eq!(corrected.location.as_deref(), Some("Busan"));

    // Saved beside the folder as native JSON, which opens like any data.
    let saved = articles.path().join("articles-reviewed.json");
    apply(
        &mut harness,
        Command::ExportTo {
            kind: coop_timeline::export::ExportKind::AcceptedEvents,
            path: saved.clone(),
            overwrite: false,
        },
    );
    let reopened =
        coop_timeline::load::load_folder(&saved, &Default::default(), &Default::default())
            .expect("the saved file loads");
    let mut ids: Vec<String> = reopened.events.iter().map(|e| e.id().to_owned()).collect();
    ids.sort();
    let mut accepted = vec![first.clone(), third.clone()];
    accepted.sort();
    assert_eq!(ids, accepted);
    assert!(reopened.problems.is_empty(), "{:?}", reopened.problems);
    // Saved as corrected, and no longer drafts.
    for event in reopened.events.iter() {
        assert!(!event.tags().contains(&"draft"), "{:?}", event.tags());
    }
    let saved_third = reopened.events.position_of_id(&third).expect("saved");
    assert_eq!(
        reopened.events.get(saved_third).expect("event").title(),
        "A title the reviewer wrote"
    );
    // The data folder holds only the articles.
    assert_eq!(std::fs::read_dir(&data).expect("list").count(), 5);

    // After a restart the decisions and the correction are still there.
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let settings: coop_timeline::state::Settings =
        eframe::get_value(&storage, coop_timeline::app::SETTINGS_KEY).expect("settings saved");
    let restarted = harness_with_settings(data, settings);
    assert_eq!(is_draft(&restarted, &first), Some(false));
    assert_eq!(is_draft(&restarted, &second), None);
    assert_eq!(is_draft(&restarted, &third), Some(false));
    let events = &restarted.state().data.dataset.events;
    let corrected = events
        .event(events.position_of_id(&third).expect("kept"))
        .expect("event");
    assert_eq!(corrected.category, coop_timeline::model::Category::Other);
}

#[test]
fn a_page_date_given_in_the_review_panel_redrafts_the_article() {
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        folder.path().join("forum.txt"),
        "Korea-Japan science forum held in Seoul\n\nThe Korea-Japan Science Forum was held in Seoul on March 15, where 40 researchers met.\n",
    )
    .expect("article");
    let mut harness = harness_with(Some(folder.path().to_owned()));
    // Without a year anywhere, March 15 cannot be dated.
    assert_eq!(harness.state().data.dataset.drafts.len(), 0);
    apply(
        &mut harness,
        Command::SetPageDate {
            file: "forum.txt".to_owned(),
            date: chrono::NaiveDate::from_ymd_opt(2023, 3, 16),
        },
    );
    wait_for_load(&mut harness);
    let drafts = &harness.state().data.dataset.drafts;
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].event.start.to_string(), "2023-03-15");
    assert!(drafts[0].event.date_inferred);
    let id = drafts[0].event.id.clone();
    let index = event_index(&harness, &id);
    apply(&mut harness, Command::Select(Some(index)));
    settle(&mut harness);
    harness.get_by_label("Page date 2023-03-16 (from the page date you gave)");
    // The folder holds only the article: the date is kept in the settings.
    assert_eq!(std::fs::read_dir(folder.path()).expect("list").count(), 1);
}
