//! The subcommands: `check` a folder, `draft` events from articles, `generate` test data.
//! Each returns the process's exit status; `main` only parses the command line.

pub mod check;
pub mod draft;
pub mod generate;

use std::process::ExitCode;

/// Writes a report to standard output. A reader that stops early (`| head`) is no error of
/// ours, so a closed pipe ends the output quietly; any other failure is told on stderr.
pub fn print(report: &str) -> ExitCode {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(report.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("coop-timeline: cannot write the report: {error}");
            ExitCode::FAILURE
        }
    }
}

/// A path's last part, as problems and reports name files.
pub fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
