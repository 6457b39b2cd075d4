//! `coop-timeline`: open the timeline window, or check a data folder from the command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use coop_timeline::check::{check_json, check_report};
use coop_timeline::model::{LoadOptions, LoadProgress, load::load_folder};

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

    /// The data folder to open (default: the last one, else the built-in sample data).
    dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Load a data folder and report its events and problems; exits 1 if there is an error.
    Check {
        /// The data folder.
        dir: PathBuf,
        /// Print {"events": [...], "problems": [...]} as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { dir, json }) => check(&dir, json),
        None => match coop_timeline::app::run(cli.dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("coop-timeline: {error}");
                ExitCode::FAILURE
            }
        },
    }
}

fn check(dir: &std::path::Path, json: bool) -> ExitCode {
    let dataset = match load_folder(dir, &LoadOptions::default(), &LoadProgress::default()) {
        Ok(dataset) => dataset,
        Err(error) => {
            eprintln!("coop-timeline: {error}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        println!("{:#}", check_json(&dataset));
    } else {
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        print!("{}", check_report(&dataset, &name));
    }
    if dataset.error_count() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
