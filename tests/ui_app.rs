//! The window, driven headless with egui_kittest: what a user sees and does.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use coop_timeline::app::TimelineApp;
use coop_timeline::ui::last_timeline_transform;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotOptions};

const FORUM_2022: &str = "cj-univ-st-innovation-forum-2022";
const FORUM_2022_TITLE: &str =
    "2022 China-Japan University Science and Technology Innovation Forum";

fn harness_with(folder: Option<PathBuf>) -> Harness<'static, TimelineApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 850.0])
        .build_eframe(move |cc| TimelineApp::new(cc, folder.clone()));
    wait_for_load(&mut harness);
    harness
}

fn harness() -> Harness<'static, TimelineApp> {
    harness_with(None)
}

/// Steps until a background load has finished.
fn wait_for_load(harness: &mut Harness<'static, TimelineApp>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    harness.run_steps(2);
    while harness.state().loading.is_some() {
        assert!(Instant::now() < deadline, "loading took too long");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(3);
}

fn event_index(harness: &Harness<'static, TimelineApp>, id: &str) -> usize {
    harness
        .state()
        .data
        .dataset
        .events
        .position_of_id(id)
        .expect("event exists")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
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
    // Every lane of the default category mode is labelled.
    assert!(
        harness
            .state()
            .data
            .scene
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
        .shown
        .iter()
        .position(|&i| i == target)
        .expect("shown");
    for _ in 0..=position {
        harness.key_press(egui::Key::ArrowRight);
        harness.run_steps(2);
    }
    assert_eq!(harness.state().selected, Some(target));
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
        harness.state().selected,
        Some(harness.state().data.shown[position - 1])
    );
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selected, None);
}

#[test]
fn a_click_on_a_marker_selects_it() {
    let mut harness = harness();
    let target = event_index(&harness, FORUM_2022);
    // Zoom to the forum so that its marker stands alone.
    let mark = harness
        .state()
        .data
        .scene
        .marks
        .iter()
        .find(|m| m.event_index == target)
        .expect("mark")
        .clone();
    let view = coop_timeline::model::view::TimeView {
        min_days: mark.start_days - 90.0,
        max_days: mark.end_days + 90.0,
    };
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, coop_timeline::app::Command::SetView(view));
    harness.state_mut().view_changed = true;
    harness.run_steps(4);

    let transform = last_timeline_transform(&harness.ctx).expect("the timeline was drawn");
    let [left, top, right, bottom] = coop_timeline::model::scene::mark_rect_px(&mark, &transform);
    let pos = egui::pos2((left + right) / 2.0, (top + bottom) / 2.0);
    harness.hover_at(pos);
    harness.run_steps(2);
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Default::default(),
    });
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Default::default(),
    });
    harness.run_steps(3);
    assert_eq!(harness.state().selected, Some(target));
    harness.get_by_label(FORUM_2022_TITLE);
}

#[test]
fn search_and_toggles_change_the_count_shown() {
    let mut harness = harness();
    let total = harness.state().data.dataset.events.len();
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Search")
        .type_text("Weihai");
    harness.run_steps(3);
    harness.get_by_label(&format!("1 of {total} events shown"));

    harness.state_mut().filters = Default::default();
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(
        &ctx,
        coop_timeline::app::Command::SetFilters(Default::default()),
    );
    harness.run_steps(2);
    let forums = harness
        .state()
        .data
        .dataset
        .events
        .iter()
        .filter(|e| e.category().label() == "Forum")
        .count();
    harness.get_by_label_contains("Forum (").click();
    harness.run_steps(3);
    harness.get_by_label(&format!("{} of {total} events shown", total - forums));
}

#[test]
fn counts_panel_shows_the_2022_forum_universities() {
    let mut harness = harness();
    let target = event_index(&harness, FORUM_2022);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, coop_timeline::app::Command::Select(Some(target)));
    harness.run_steps(2);
    harness.get_by_label("Selected event").click();
    harness.run_steps(3);
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
fn opening_a_folder_with_problems_lists_them() {
    let harness = harness_with(Some(fixture("tests/fixtures/bad")));
    assert!(harness.state().title().starts_with("bad — 6 events"));
    assert!(
        harness.state().settings.show_problems,
        "errors open the problems panel"
    );
    harness.get_by_label_contains("bad_date.json:3:70  start 2022-02-30 is not a real date");
    harness.get_by_label("26 errors, 2 warnings");
}

#[test]
fn snapshots_of_the_main_window() {
    let mut harness = harness();
    // A smaller window keeps the snapshot files small.
    harness.set_size(egui::vec2(1100.0, 680.0));
    harness.run_steps(3);
    let options = SnapshotOptions::new()
        .threshold(2.0)
        .max_failed_pixels(2000);
    harness.snapshot_options("main_window", &options);
    let target = event_index(&harness, FORUM_2022);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, coop_timeline::app::Command::Select(Some(target)));
    harness.run_steps(3);
    harness.snapshot_options("main_window_selected", &options);
}

#[test]
fn chinese_japanese_and_korean_text_renders() {
    // egui_kittest panics on any glyph its fonts lack, so drawing this is the check.
    let mut harness = harness_with(Some(fixture("tests/fixtures/cjk")));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, coop_timeline::app::Command::Select(Some(0)));
    harness.run_steps(3);
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
    harness.state_mut().apply(
        &ctx,
        coop_timeline::app::Command::OpenFolder(fixture("tests/fixtures/bad")),
    );
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
    text.push_str("added-later,An event added while the app runs,2023-05-06,,seminar,,,KOR,,,,x.txt,,A quote.,\n");
    std::fs::write(&csv, text).expect("write csv");
}

#[test]
fn reload_keeps_the_selection_and_the_view() {
    let dir = sample_copy();
    let mut harness = harness_with(Some(dir.path().to_owned()));
    let target = event_index(&harness, FORUM_2022);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, coop_timeline::app::Command::Select(Some(target)));
    harness
        .state_mut()
        .apply(&ctx, coop_timeline::app::Command::Zoom(4.0));
    harness.run_steps(3);
    let view = harness.state().view;
    let count = harness.state().data.dataset.events.len();

    add_csv_event(dir.path());
    harness
        .state_mut()
        .apply(&ctx, coop_timeline::app::Command::Reload);
    wait_for_load(&mut harness);
    let app = harness.state();
    assert_eq!(app.data.dataset.events.len(), count + 1);
    let selected = app
        .selected
        .and_then(|i| Some(app.data.dataset.events.get(i)?.id()));
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
    let ctx = harness.ctx.clone();
    let export = |overwrite| coop_timeline::app::Command::ExportTo {
        kind: coop_timeline::export::ExportKind::Csv,
        path: path.clone(),
        overwrite,
    };
    harness.state_mut().apply(&ctx, export(false));
    harness.run_steps(2);
    harness.get_by_label(&format!("Saved {}", path.display()));
    let written = std::fs::read_to_string(&path).expect("written");
    assert!(written.starts_with("id,title,start,end,category"));

    std::fs::write(&path, "keep me").expect("write");
    harness.state_mut().apply(&ctx, export(false));
    harness.run_steps(2);
    harness.get_by_label("Replace the file?");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep me");
    assert!(harness.state().confirm_overwrite.is_none());

    harness.state_mut().apply(&ctx, export(false));
    harness.run_steps(2);
    harness.get_by_label("Replace").click();
    harness.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), written);

    let svg_path = dir.path().join("chart.svg");
    harness.state_mut().apply(
        &ctx,
        coop_timeline::app::Command::ExportTo {
            kind: coop_timeline::export::ExportKind::Svg,
            path: svg_path.clone(),
            overwrite: false,
        },
    );
    harness.run_steps(2);
    let svg = std::fs::read_to_string(&svg_path).expect("svg written");
    assert!(svg.contains(FORUM_2022_TITLE) || svg.contains("China-Japan"));
}
