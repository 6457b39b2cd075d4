//! `coop-timeline`: the command line, parsed and handed to the window ([`app::run`]) or to a
//! subcommand ([`cli`]).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory as _, Parser, Subcommand};
use coop_timeline::app::{ScreenshotJob, StartOptions, run};
use coop_timeline::cli;
use coop_timeline::load::{LoadOptions, SheetMapping};

#[derive(Parser)]
#[command(
    name = "coop-timeline",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// The data folder (or one data file) to open (default: the last one, else the sample data).
    dir: Option<PathBuf>,

    /// Save the chart as a PNG, as "Export image" would, then exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,

    /// The size of the saved image, in pixels, e.g. 1600x900 (at least 400x250).
    #[arg(long, value_name = "WxH", value_parser = parse_size, requires = "screenshot")]
    size: Option<[f32; 2]>,

    /// Show from the start of this year (-499 is 500 BCE).
    #[arg(
        long,
        value_name = "YEAR",
        requires = "screenshot",
        allow_negative_numbers = true
    )]
    from: Option<i32>,

    /// Show to the end of this year.
    #[arg(
        long,
        value_name = "YEAR",
        requires = "screenshot",
        allow_negative_numbers = true
    )]
    to: Option<i32>,

    /// Select the event with this id.
    #[arg(long, value_name = "ID", requires = "screenshot")]
    select: Option<String>,

    /// Replace OUT.png if it exists (otherwise an existing file is never replaced).
    #[arg(long, requires = "screenshot")]
    overwrite: bool,

    /// Files larger than this many MiB (1,048,576 bytes) are reported and not read.
    #[arg(long, value_name = "MIB", default_value_t = LoadOptions::default().max_file_bytes >> 20)]
    max_file_mb: u64,

    /// The roles of columns of every table, by header: "Datum=start,Titel=title" (roles: start,
    /// end, year, month, day, title, summary, category, countries, place, series, organizers,
    /// participants, people, source, tags, id); the other columns are guessed.
    #[arg(long, value_name = "HEADER=ROLE,…", value_parser = SheetMapping::parse_arg)]
    columns: Option<SheetMapping>,
}

/// The smallest image in which the chart is still readable: legend, a few lanes, the axis.
const MIN_SCREENSHOT_SIZE: [f32; 2] = [400.0, 250.0];
const MAX_SCREENSHOT_SIDE: f32 = 8000.0;

fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let error = || format!("'{text}' is not a size like 1600x900");
    let (width, height) = text.split_once(['x', 'X']).ok_or_else(error)?;
    let width: u32 = width.trim().parse().map_err(|_| error())?;
    let height: u32 = height.trim().parse().map_err(|_| error())?;
    let [min_width, min_height] = MIN_SCREENSHOT_SIZE;
    let size = [width as f32, height as f32];
    if size[0] < min_width || size[1] < min_height {
        return Err(format!(
            "{width}x{height} is too small for a readable chart; use at least {min_width}x{min_height}"
        ));
    }
    if size[0] > MAX_SCREENSHOT_SIDE || size[1] > MAX_SCREENSHOT_SIDE {
        return Err(format!(
            "{width}x{height} is too large; use at most {MAX_SCREENSHOT_SIDE}x{MAX_SCREENSHOT_SIDE}"
        ));
    }
    Ok(size)
}

#[derive(Subcommand)]
enum Command {
    /// Write a large synthetic dataset (native JSON, several files) for trying the app at scale.
    Generate {
        /// How many events.
        #[arg(long)]
        events: usize,
        /// The folder to write to; it must hold no data files yet.
        #[arg(long)]
        out: PathBuf,
        /// The same seed gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Events per file.
        #[arg(long, value_name = "N", default_value_t = cli::generate::EVENTS_PER_FILE)]
        per_file: usize,
    },
    /// Draft events from news articles (text or HTML files, or folders of them), with the
    /// evidence for every field.
    Draft {
        /// Article files, or folders holding them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print {"events": [...]}: native events, each with a "draft" object.
        #[arg(long)]
        json: bool,
        /// The page's date (YYYY-MM-DD), over any the articles state: relative and
        /// year-less dates are worked out from it.
        #[arg(long, value_name = "DATE", value_parser = cli::draft::parse_published)]
        published: Option<chrono::NaiveDate>,
    },
    /// Load a data folder and report its events and problems; exits 1 if there is an error.
    Check {
        /// The data folder.
        dir: PathBuf,
        /// Print {"events": [...], "problems": [...]} as JSON.
        #[arg(long)]
        json: bool,
        /// Files larger than this many MiB (1,048,576 bytes) are reported and not read.
        #[arg(long, value_name = "MIB", default_value_t = LoadOptions::default().max_file_bytes >> 20)]
        max_file_mb: u64,
        /// The roles of columns of every table, by header: "Datum=start,Titel=title".
        #[arg(long, value_name = "HEADER=ROLE,…", value_parser = SheetMapping::parse_arg)]
        columns: Option<SheetMapping>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check {
            dir,
            json,
            max_file_mb,
            columns,
        }) => {
            let options = LoadOptions {
                max_file_bytes: max_file_mb.saturating_mul(1 << 20),
                forced_columns: columns,
                ..LoadOptions::default()
            };
            cli::check::run(&dir, json, &options)
        }
        Some(Command::Draft {
            paths,
            json,
            published,
        }) => cli::draft::run(&paths, json, published),
        Some(Command::Generate {
            events,
            out,
            seed,
            per_file,
        }) => cli::generate::run(events, per_file, seed, &out),
        None => open_window(cli),
    }
}

fn open_window(cli: Cli) -> ExitCode {
    if let (Some(from), Some(to)) = (cli.from, cli.to)
        && from > to
    {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("--from {from} is after --to {to}; give the earlier year first"),
            )
            .exit();
    }
    // A folder named on the command line that is not there is a mistake to say, not a
    // reason to show other data.
    if let Some(dir) = &cli.dir
        && !dir.is_dir()
    {
        let what = if dir.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        eprintln!("coop-timeline: {} {what}", dir.display());
        return ExitCode::from(2);
    }
    let screenshot = cli.screenshot.map(|path| {
        let mut job = ScreenshotJob::new(path, cli.overwrite);
        job.from_year = cli.from;
        job.to_year = cli.to;
        job.select = cli.select;
        job.size_px = cli.size;
        // Once the image is saved (or cannot be), nothing is left to show: the process ends
        // there, without painting another frame and taking the GPU and the data down (a
        // third of a second at a million events, without a GPU).
        job.on_finish = Some(Box::new(|outcome| {
            std::process::exit(i32::from(report_screenshot(Some(outcome.clone()))));
        }));
        job
    });
    let outcome = screenshot.as_ref().map(|job| job.outcome.clone());
    let options = StartOptions {
        folder: cli.dir,
        size: cli.size,
        screenshot,
        load: LoadOptions {
            max_file_bytes: cli.max_file_mb.saturating_mul(1 << 20),
            forced_columns: cli.columns,
            ..LoadOptions::default()
        },
    };
    let ran = run(options);
    if let Err(error) = ran {
        wait_for_cache_writes();
        eprintln!("coop-timeline: cannot open the window: {error}");
        return ExitCode::FAILURE;
    }
    let Some(outcome) = outcome else {
        wait_for_cache_writes();
        return ExitCode::SUCCESS;
    };
    let result = outcome.lock().ok().and_then(|mut slot| slot.take());
    ExitCode::from(report_screenshot(result))
}

/// A cache of the folder still being written is worth a few seconds before the process ends.
fn wait_for_cache_writes() {
    coop_timeline::load::cache::wait_for_pending_writes(std::time::Duration::from_secs(30));
}

/// Says how a `--screenshot` run ended, once the cache is written, and gives the exit status.
fn report_screenshot(outcome: Option<Result<PathBuf, String>>) -> u8 {
    wait_for_cache_writes();
    match outcome {
        Some(Ok(path)) => {
            println!("saved {}", path.display());
            0
        }
        Some(Err(message)) => {
            eprintln!("coop-timeline: no screenshot: {message}");
            1
        }
        None => {
            eprintln!("coop-timeline: no screenshot: the window closed first");
            1
        }
    }
}
