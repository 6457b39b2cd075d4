//! The `check` subcommand's output: a readable summary, or the normalised JSON.

use std::fmt::Write as _;

use crate::model::{Dataset, stats};

/// Past this many, the summary says how many more there are (`--json` has them all).
const MAX_LISTED_EVENTS: usize = 1000;

/// A summary for people: events per category and per country, then every problem.
pub fn check_report(dataset: &Dataset, folder_name: &str) -> String {
    let mut out = String::new();
    let errors = dataset.error_count();
    let warnings = dataset.problems.len() - errors;
    let _ = writeln!(
        out,
        "{folder_name}: {} events from {} files, {errors} errors, {warnings} warnings",
        dataset.events.len(),
        dataset.file_count,
    );
    if let Some(title) = dataset.titles.first() {
        let _ = writeln!(out, "titled: {title}");
    }
    if !dataset.files.is_empty() {
        let _ = writeln!(out, "\nFiles:");
        for file in &dataset.files {
            let _ = writeln!(
                out,
                "  {:<40} {:<24} {:>8} events",
                file.file, file.format, file.events
            );
        }
        let _ = writeln!(out);
    }
    if let (Some(first), Some(last)) = (
        dataset.events.iter().map(|e| e.span().first_day()).min(),
        dataset.events.iter().map(|e| e.span().last_day()).max(),
    ) {
        let _ = writeln!(out, "from {first} to {last}");
    }
    let _ = writeln!(out, "\nEvents per category:");
    for (category, n) in stats::events_per_category(&dataset.events) {
        let _ = writeln!(out, "  {:<18} {n:>6}", category.label());
    }
    let _ = writeln!(out, "\nEvents per country:");
    for (country, n) in stats::events_per_country(&dataset.events) {
        let _ = writeln!(out, "  {} {:<24} {n:>6}", country.code(), country.name());
    }
    let _ = writeln!(out, "\nEvents:");
    for event in dataset.events.iter().take(MAX_LISTED_EVENTS) {
        let _ = writeln!(
            out,
            "  {:<24} {:<22} {}",
            event.span().display_long(),
            event.id(),
            event.title()
        );
    }
    if dataset.events.len() > MAX_LISTED_EVENTS {
        let more = dataset.events.len() - MAX_LISTED_EVENTS;
        let _ = writeln!(out, "  … and {more} more (--json lists them all)");
    }
    if !dataset.problems.is_empty() {
        let _ = writeln!(out, "\nProblems:");
        for problem in &dataset.problems {
            let _ = writeln!(out, "  {problem}");
        }
    }
    out
}

/// `{"events": [...], "problems": [...], "files": [...]}`, events in the normalised native
/// shape, so that `check --json` converts any format the app reads into its own.
pub fn check_json(dataset: &Dataset) -> serde_json::Value {
    serde_json::json!({
        "events": dataset.events,
        "problems": dataset.problems,
        "files": dataset.files,
    })
}
