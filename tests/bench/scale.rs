//! `cargo bench`: the app at scale. Prints one line per case: `BENCH <case> <value> <unit>`.
//!
//! A frame is the whole app's UI pass plus tessellation, headless, at 1400×850 points. The
//! datasets are made by `coop_timeline::generate` (seed 1) under `target/bench-data/`, once.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use coop_timeline::app::TimelineApp;
use coop_timeline::cli::generate::generate;
use coop_timeline::command::Command;
use coop_timeline::layout::TimeView;
use coop_timeline::layout::scene::{ColorMode, CountryPalette, LaneMode, Scene};
use coop_timeline::load::cache::{Fingerprint, LoadCache};
use coop_timeline::load::{LoadOptions, LoadProgress};
use coop_timeline::load::{data_files, load_folder};
use coop_timeline::model::date::days_from_date;
use coop_timeline::model::stats::events_per_country;
use coop_timeline::model::{Dataset, Event, Filters};
use coop_timeline::state::{DataSource, Settings};

const WINDOW: [f32; 2] = [1400.0, 850.0];
const FRAMES: usize = 40;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // The peak-memory case runs in a child process of its own, so that nothing else counts.
    if let Some(position) = args.iter().position(|a| a == "--peak-rss-child") {
        let dir = PathBuf::from(&args[position + 1]);
        let dataset = load(&dir);
        // The profile behind the figure, on stderr: what the events alone hold, then the rest.
        eprintln!(
            "  (after loading: peak {:.0} MB, now {:.0} MB)",
            peak_rss_mb(),
            rss_mb("VmRSS:")
        );
        let ctx = egui::Context::default();
        let mut app =
            TimelineApp::with_data(&ctx, Settings::default(), DataSource::Sample, dataset);
        // One frame, so that whatever drawing costs is counted too.
        let _ = ctx.run_ui(input(), |ui| app.frame_ui(ui));
        std::hint::black_box(&app);
        eprintln!("  (with the app's indexes: now {:.0} MB)", rss_mb("VmRSS:"));
        println!("{}", peak_rss_mb());
        return;
    }
    // `cargo test --all-targets` builds benches and runs them with no `--bench`: nothing to do.
    if !args.iter().any(|a| a == "--bench") {
        return;
    }

    // The drafter on the five seed articles, against the events written from them by hand.
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let reference = coop_timeline::load::sample::sample_dataset()
        .events
        .to_vec();
    if let Ok(quality) = coop_timeline::draft::quality::measure_folder(&seeds, &reference) {
        report("draft_recall_pct", 100.0 * quality.recall(), "%");
        report(
            "draft_dates_exact_pct",
            100.0 * quality.date_accuracy(),
            "%",
        );
        report(
            "draft_counts_found_pct",
            100.0 * quality.count_recall(),
            "%",
        );
        report(
            "draft_countries_exact_pct",
            100.0 * quality.country_accuracy(),
            "%",
        );
        report(
            "draft_unsupported_claims",
            quality.unsupported.len() as f64,
            "claims",
        );
    }

    // The drafter on real articles it was not written from, where the development set is
    // beside the checkout (or named by COOP_ARTICLES_DEV).
    let dev_set = std::env::var_os("COOP_ARTICLES_DEV").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/articles-dev"),
        std::path::PathBuf::from,
    );
    match coop_timeline::draft::score::score_folder(&dev_set) {
        Ok(score) => {
            let pct = |part: usize, whole: usize| 100.0 * part as f64 / whole.max(1) as f64;
            report(
                "draft_dev_core_recall_pct",
                pct(score.core_found, score.core),
                "%",
            );
            report("draft_dev_recall_pct", pct(score.found, score.all), "%");
            report(
                "draft_dev_dates_exact_pct",
                pct(score.exact, score.found),
                "%",
            );
            report(
                "draft_dev_extra_drafts_pct",
                pct(score.extra, score.drafts),
                "%",
            );
        }
        Err(error) => eprintln!("no draft_dev lines: {error}"),
    }

    let data_10k = dataset_dir(10_000);
    let data_100k = dataset_dir(100_000);
    let data_1m = dataset_dir(1_000_000);

    let (mut app_10k, ctx_10k) = app_for(load(&data_10k));
    report(
        "frame_all_visible_10k_ms",
        median_frame_ms(&mut app_10k, &ctx_10k),
        "ms",
    );

    let dataset_100k = load(&data_100k);
    let naive = naive_frame_ms(&dataset_100k);
    let (mut app_100k, ctx_100k) = app_for(dataset_100k);
    report(
        "frame_ratio_naive_vs_ours_100k",
        naive / median_frame_ms(&mut app_100k, &ctx_100k),
        "x",
    );

    // This machine is shared, so loads vary by a third from run to run: medians of three.
    let (load_ms, ratio) = median_load_and_ratio_to_serde(&data_1m);
    report("load_1m_ms", load_ms, "ms");
    report("load_ratio_vs_serde_1m", ratio, "x");
    // One file of a million events, as a BigQuery extract comes: parsed on every core.
    let one_file_1m = dataset_dir_in(1_000_000, 1_000_000, "1000000-one-file");
    let (load_ms, ratio) = median_load_and_ratio_to_serde(&one_file_1m);
    report("load_one_file_1m_ms", load_ms, "ms");
    report("load_ratio_one_file_vs_serde_1m", ratio, "x");

    // From the loaded data to the first frame: the scene, the indexes, the counts, the UI.
    let dataset_1m = load(&data_1m);
    report(
        "reopen_cached_1m_ms",
        reopen_cached_ms(&data_1m, &dataset_1m),
        "ms",
    );
    report(
        "reload_one_changed_file_1m_ms",
        reload_one_changed_file_ms(&data_1m),
        "ms",
    );
    let started = Instant::now();
    let (mut app_1m, ctx_1m) = app_for(dataset_1m);
    let _ = ctx_1m.run_ui(input(), |ui| app_1m.frame_ui(ui));
    report("first_frame_after_load_1m_ms", ms(started.elapsed()), "ms");
    report(
        "frame_all_visible_1m_ms",
        median_frame_ms(&mut app_1m, &ctx_1m),
        "ms",
    );
    // Every frame a new view, as while dragging: nothing can be reused from the last frame.
    let start = app_1m.view;
    let mut frame = 0.0;
    report(
        "frame_panning_1m_ms",
        median_ms(&ctx_1m, |ui| {
            frame += 1.0;
            let ctx = ui.ctx().clone();
            app_1m.apply(
                &ctx,
                Command::SetView(TimeView {
                    min_days: start.min_days + frame * 3.0,
                    max_days: start.max_days + frame * 3.0,
                }),
            );
            app_1m.frame_ui(ui);
        }),
        "ms",
    );
    let month_start =
        days_from_date(chrono::NaiveDate::from_ymd_opt(2010, 6, 1).unwrap_or_default());
    app_1m.apply(
        &ctx_1m,
        Command::SetView(TimeView {
            min_days: month_start,
            max_days: month_start + 30.0,
        }),
    );
    report(
        "frame_zoomed_1m_ms",
        median_frame_ms(&mut app_1m, &ctx_1m),
        "ms",
    );
    let view = app_1m.view;
    let scene = app_1m.data.scene();
    let in_view: usize = (0..scene.lanes.len())
        .map(|lane| scene.count_between(lane, view.min_days, view.max_days))
        .sum();
    eprintln!(
        "  (zoomed view {:?}, {} lanes, {in_view} marks in view)",
        view,
        scene.lanes.len()
    );
    app_1m.apply(&ctx_1m, Command::FitAll);

    // A whole search, from the command to its scene on screen (the counts follow after).
    let filters = Filters {
        text: "robotics".to_owned(),
        ..Default::default()
    };
    let started = Instant::now();
    app_1m.apply(&ctx_1m, Command::SetFilters(filters));
    app_1m.wait_for_filters();
    report("search_1m_ms", ms(started.elapsed()), "ms");
    eprintln!(
        "  ({} of {} events match)",
        app_1m.data.shown().len(),
        app_1m.data.dataset.events.len()
    );
    app_1m.apply(&ctx_1m, Command::SetFilters(Filters::default()));
    app_1m.wait_for_filters();

    // Typing a word, one key at a time: from each keystroke to the view that shows its
    // result. Each key after the first searches only the last one's hits.
    let mut keystrokes = Vec::new();
    let word = "robotics";
    for end in 1..=word.len() {
        let filters = Filters {
            text: word[..end].to_owned(),
            ..Default::default()
        };
        let started = Instant::now();
        app_1m.apply(&ctx_1m, Command::SetFilters(filters));
        let _ = ctx_1m.run_ui(input(), |ui| app_1m.frame_ui(ui));
        while app_1m.is_searching() {
            std::thread::sleep(Duration::from_micros(200));
            let _ = ctx_1m.run_ui(input(), |ui| app_1m.frame_ui(ui));
        }
        keystrokes.push(ms(started.elapsed()));
    }
    eprintln!("  (keystrokes: {keystrokes:.0?} ms)");
    report("search_keystroke_1m_ms", median(keystrokes.clone()), "ms");
    report(
        "search_keystroke_max_1m_ms",
        keystrokes.iter().copied().fold(0.0, f64::max),
        "ms",
    );

    // Frames while a search runs in the background: the window stays responsive.
    app_1m.apply(&ctx_1m, Command::SetFilters(Filters::default()));
    app_1m.wait_for_filters();
    let mut frames = Vec::new();
    app_1m.apply(
        &ctx_1m,
        Command::SetFilters(Filters {
            text: "no such words anywhere".to_owned(),
            ..Default::default()
        }),
    );
    while app_1m.is_searching() {
        let started = Instant::now();
        let _ = ctx_1m.run_ui(input(), |ui| app_1m.frame_ui(ui));
        frames.push(ms(started.elapsed()));
    }
    eprintln!("  ({} frames while searching)", frames.len());
    if !frames.is_empty() {
        report("frame_while_searching_1m_ms", median(frames), "ms");
    }

    report(
        "rss_growth_wide_span_mb",
        child_peak_rss_mb(&wide_span_dir(true)) - child_peak_rss_mb(&wide_span_dir(false)),
        "MB",
    );
    report("peak_rss_1m_mb", child_peak_rss_mb(&data_1m), "MB");
    drop(app_1m);

    // Ten million events in ten files (4.3 GB of JSON): only with BENCH_10M=1.
    if std::env::var("BENCH_10M").is_ok_and(|v| v == "1") {
        let data_10m = dataset_dir_in(10_000_000, 1_000_000, "10000000");
        let started = Instant::now();
        let dataset = load(&data_10m);
        report("load_10m_ms", ms(started.elapsed()), "ms");
        let (mut app_10m, ctx_10m) = app_for(dataset);
        report(
            "frame_all_visible_10m_ms",
            median_frame_ms(&mut app_10m, &ctx_10m),
            "ms",
        );
        app_10m.apply(
            &ctx_10m,
            Command::SetView(TimeView {
                min_days: month_start,
                max_days: month_start + 30.0,
            }),
        );
        report(
            "frame_zoomed_10m_ms",
            median_frame_ms(&mut app_10m, &ctx_10m),
            "ms",
        );
        drop(app_10m);
        report(
            "reload_one_changed_file_10m_ms",
            reload_one_changed_file_ms(&data_10m),
            "ms",
        );
        report("peak_rss_10m_mb", child_peak_rss_mb(&data_10m), "MB");
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn report(case: &str, value: f64, unit: &str) {
    println!("BENCH {case} {value:.3} {unit}");
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The generated dataset of `events` events, made on first use.
fn dataset_dir(events: usize) -> PathBuf {
    dataset_dir_in(
        events,
        coop_timeline::cli::generate::EVENTS_PER_FILE,
        &events.to_string(),
    )
}

/// `events` generated events, `per_file` to a file, under `target/bench-data/<name>`.
fn dataset_dir_in(events: usize, per_file: usize, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(name);
    if data_files(&dir).map_or(true, |files| files.is_empty()) {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!("generating {events} events in {}", dir.display());
        generate(events, per_file, 1, &dir).expect("generate the benchmark data");
    }
    dir
}

fn load(dir: &Path) -> Dataset {
    load_folder(dir, &LoadOptions::default(), &LoadProgress::default()).expect("load")
}

fn app_for(dataset: Dataset) -> (TimelineApp, egui::Context) {
    let ctx = egui::Context::default();
    let app = TimelineApp::with_data(&ctx, Settings::default(), DataSource::Sample, dataset);
    (app, ctx)
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, WINDOW.into())),
        ..Default::default()
    }
}

/// Runs `ui` for warm-up frames, then returns the median time of [`FRAMES`] frames.
fn median_ms(ctx: &egui::Context, mut ui: impl FnMut(&mut egui::Ui)) -> f64 {
    let mut times = Vec::with_capacity(FRAMES);
    for frame in 0..FRAMES + 5 {
        let started = Instant::now();
        let output = ctx.run_ui(input(), &mut ui);
        let egui::FullOutput {
            shapes,
            pixels_per_point,
            mut textures_delta,
            ..
        } = output;
        let meshes = ctx.tessellate(shapes, pixels_per_point);
        if frame == FRAMES + 4 {
            let vertices: usize = meshes
                .iter()
                .filter_map(|m| match &m.primitive {
                    egui::epaint::Primitive::Mesh(mesh) => Some(mesh.vertices.len()),
                    egui::epaint::Primitive::Callback(_) => None,
                })
                .sum();
            eprintln!(
                "  (last frame: {} meshes, {vertices} vertices)",
                meshes.len()
            );
        }
        textures_delta.clear();
        if frame >= 5 {
            times.push(ms(started.elapsed()));
        }
    }
    median(times)
}

fn median_frame_ms(app: &mut TimelineApp, ctx: &egui::Context) -> f64 {
    median_ms(ctx, |ui| app.frame_ui(ui))
}

/// Forty events in one decade, or spread over the years -9999 to 9999: what they cost must
/// not depend on the span.
fn wide_span_dir(wide: bool) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(if wide { "wide-span" } else { "narrow-span" });
    let _ = std::fs::create_dir_all(&dir);
    let events: Vec<String> = (0..40)
        .map(|i| {
            let year = if wide { -9999 + i * 499 } else { 2010 + i % 10 };
            let start = if year < 0 { format!("-{:04}", -year) } else { format!("{year:04}") };
            format!(
                r#"{{"id": "e{i}", "title": "Event {i}", "start": "{start}", "category": "forum", "countries": ["CHN"], "sources": [{{"file": "x", "quote": "q"}}]}}"#
            )
        })
        .collect();
    let _ = std::fs::write(dir.join("events.json"), format!("[{}]", events.join(",\n")));
    dir
}

/// Every mark as a plain egui_plot point, at the same window size: the naive way.
fn naive_frame_ms(dataset: &Dataset) -> f64 {
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    let scene = Scene::build(
        &dataset.events,
        LaneMode::Category,
        ColorMode::Category,
        &palette,
    );
    let points: Vec<[f64; 2]> = scene
        .marks()
        .iter()
        .map(|m| [m.center_days(), f64::from(m.lane)])
        .collect();
    let ctx = egui::Context::default();
    median_ms(&ctx, |ui| {
        egui::CentralPanel::default().show(ui, |ui| {
            egui_plot::Plot::new("naive").show(ui, |plot_ui| {
                plot_ui.points(egui_plot::Points::new("events", points.clone()).radius(4.0));
            });
        });
    })
}

/// A bare serde_json typed parse of the same files, one after another.
fn bare_serde_parse_ms(dir: &Path) -> f64 {
    #[derive(serde::Deserialize)]
    struct File {
        events: Vec<Event>,
    }
    let started = Instant::now();
    let mut events = Vec::new();
    for path in data_files(dir).expect("files") {
        let bytes = std::fs::read(&path).expect("read");
        let file: File = serde_json::from_slice(&bytes).expect("parse");
        events.extend(file.events);
    }
    let elapsed = ms(started.elapsed());
    // Like our loader's, the parsed events are kept until the clock stops.
    drop(std::hint::black_box(events));
    elapsed
}

/// The peak resident memory of this process, from the kernel.
fn peak_rss_mb() -> f64 {
    rss_mb("VmHWM:")
}

/// A memory line of `/proc/self/status`, in MB.
fn rss_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(f64::NAN);
    kb / 1024.0
}

fn child_peak_rss_mb(dir: &Path) -> f64 {
    let output = std::process::Command::new(std::env::current_exe().expect("this bench"))
        .arg("--peak-rss-child")
        .arg(dir)
        .stderr(std::process::Stdio::inherit())
        .output()
        .expect("run the child");
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap_or(f64::NAN)
}

/// The median of three loads, and of their ratios to a typed serde parse: ours and serde's taken
/// in turns, each starting with the memory of the last one given back.
fn median_load_and_ratio_to_serde(dir: &Path) -> (f64, f64) {
    let mut load_times = Vec::new();
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let dataset = load(dir);
        let load_ms = ms(started.elapsed());
        drop(dataset);
        load_times.push(load_ms);
        ratios.push(load_ms / bare_serde_parse_ms(dir));
    }
    (median(load_times), median(ratios))
}

/// The median of three reloads of the ten files of `dir` after one of them was saved again:
/// the others are linked, not copied, into a folder under target/.
fn reload_one_changed_file_ms(dir: &Path) -> f64 {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/reload");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a folder for the reload");
    let files = data_files(dir).expect("files");
    for (index, file) in files.iter().enumerate() {
        let name = file.file_name().expect("a file name");
        if index == files.len() / 2 {
            std::fs::copy(file, folder.join(name)).expect("copy");
        } else {
            std::fs::hard_link(file, folder.join(name)).expect("link");
        }
    }
    let changed = folder.join(files[files.len() / 2].file_name().expect("a file name"));
    let mut previous = load(&folder);
    let mut times = Vec::new();
    for second in 0..3 {
        let saved = std::time::SystemTime::now() + Duration::from_secs(second + 1);
        std::fs::File::options()
            .write(true)
            .open(&changed)
            .and_then(|file| file.set_modified(saved))
            .expect("touch the file");
        let started = Instant::now();
        let reloaded = coop_timeline::load::reload_folder(
            &folder,
            &previous,
            &LoadOptions::default(),
            &LoadProgress::default(),
        )
        .expect("reload");
        times.push(ms(started.elapsed()));
        previous = reloaded;
    }
    drop(previous);
    let _ = std::fs::remove_dir_all(&folder);
    median(times)
}

/// The median of three reopenings of `dir` from a cache of `dataset`, kept under target/.
fn reopen_cached_ms(dir: &Path, dataset: &Dataset) -> f64 {
    let cache_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/cache");
    let cache = LoadCache::in_folder(cache_dir);
    let options = LoadOptions::default();
    let fingerprint = Fingerprint::of_folder(dir);
    cache
        .store(dir, &options, &fingerprint, dataset)
        .expect("write the cache");
    let mut times = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        // The files are checked for changes as the app does before it opens the cache.
        let fingerprint = Fingerprint::of_folder(dir);
        let reopened = cache.open(dir, &options, &fingerprint);
        times.push(ms(started.elapsed()));
        assert_eq!(
            reopened.map(|(d, _)| d.events.len()),
            Some(dataset.events.len())
        );
    }
    median(times)
}
