//! `coop-timeline check`: a folder loaded and reported, as a readable summary or as the
//! normalised JSON; also the reports of `draft`.

use std::path::Path;
use std::process::ExitCode;

use crate::format::{day_label, file_gave, format_read};
use crate::load::{LoadOptions, LoadProgress, load_folder};
use crate::model::drafts::Draft;
use crate::model::{Dataset, stats};

/// Loads `dir` and prints what it holds; fails when there is at least one error.
pub fn run(dir: &Path, json: bool, options: &LoadOptions) -> ExitCode {
    let dataset = match load_folder(dir, options, &LoadProgress::default()) {
        Ok(dataset) => dataset,
        // No folder to check is a usage error, as clap's are.
        Err(error) => {
            eprintln!("coop-timeline: {error}");
            return ExitCode::from(2);
        }
    };
    let report = if json {
        format!("{:#}\n", check_json(&dataset))
    } else {
        check_report(&dataset, &super::display_name(dir))
    };
    let printed = super::print(&report);
    if dataset.error_count() > 0 {
        ExitCode::FAILURE
    } else {
        printed
    }
}

/// Past this many, the summary says how many more there are (`--json` has them all).
const MAX_LISTED_EVENTS: usize = 1000;

/// A summary for people: events per category and per country, then every problem.
pub fn check_report(dataset: &Dataset, folder_name: &str) -> String {
    let mut out = String::new();
    let errors = dataset.error_count();
    let warnings = dataset.problems.len() - errors;
    let pending = dataset.events.iter().filter(|e| e.is_draft()).count();
    let drafts = match pending {
        0 => String::new(),
        1 => " (1 of them a draft to review)".to_owned(),
        n => format!(" ({n} of them drafts to review)"),
    };
    push_line!(
        out,
        "{folder_name}: {} events{drafts} from {} files, {errors} errors, {warnings} warnings",
        dataset.events.len(),
        dataset.file_count,
    );
    if let Some(title) = dataset.titles.first() {
        push_line!(out, "titled: {title}");
    }
    if !dataset.files.is_empty() {
        push_line!(out, "\nFiles:");
        for file in &dataset.files {
            push_line!(
                out,
                "  {:<40} {:<24} {:>15}",
                file.file,
                format_read(file),
                file_gave(file)
            );
        }
        push_line!(out);
    }
    if let (Some(first), Some(last)) = (
        dataset.events.iter().map(|e| e.span().first_day()).min(),
        dataset.events.iter().map(|e| e.span().last_day()).max(),
    ) {
        // In words, as the window says them: "1 Jan 3500 BCE", never "-3499-01-01".
        let day = |date| day_label(crate::model::date::days_from_date(date));
        push_line!(out, "from {} to {}", day(first), day(last));
    }
    push_line!(out, "\nEvents per category:");
    for (category, n) in stats::events_per_category(&dataset.events) {
        push_line!(out, "  {:<18} {n:>6}", category.label());
    }
    push_line!(out, "\nEvents per country:");
    for (country, n) in stats::events_per_country(&dataset.events) {
        push_line!(out, "  {} {:<24} {n:>6}", country.code(), country.name());
    }
    push_line!(out, "\nEvents:");
    for event in dataset.events.iter().take(MAX_LISTED_EVENTS) {
        push_line!(
            out,
            "  {:<24} {:<22} {}{}",
            event.span().display_long(),
            event.id(),
            if event.is_draft() { "[draft] " } else { "" },
            event.title()
        );
    }
    if dataset.events.len() > MAX_LISTED_EVENTS {
        let more = dataset.events.len() - MAX_LISTED_EVENTS;
        push_line!(out, "  … and {more} more (--json lists them all)");
    }
    if !dataset.problems.is_empty() {
        push_line!(out, "\nProblems:");
        for problem in &dataset.problems {
            push_line!(out, "  {problem}");
        }
    }
    out
}

/// `{"events": [...], "problems": [...], "files": [...]}`, events in the normalised native
/// shape, so that `check --json` converts any format the app reads into its own.
/// Drafts still to review are listed apart, so they are not taken for the data.
pub fn check_json(dataset: &Dataset) -> serde_json::Value {
    let (drafts, events): (Vec<_>, Vec<_>) = dataset
        .events
        .iter()
        .map(|e| (e.is_draft(), e.to_event()))
        .partition(|(draft, _)| *draft);
    let events: Vec<_> = events.into_iter().map(|(_, e)| e).collect();
    let drafts: Vec<_> = drafts.into_iter().map(|(_, e)| e).collect();
    serde_json::json!({
        "events": events,
        "drafts_to_review": drafts,
        "problems": dataset.problems,
        "files": dataset.files,
    })
}

/// The drafts of articles for people: each event with its fields, their evidence and
/// confidence, and the sentences that back it.
pub fn draft_report(drafts: &[Draft]) -> String {
    let mut out = String::new();
    push_line!(out, "{} drafted events", drafts.len());
    for draft in drafts {
        let event = &draft.event;
        let confidence = &draft.info.confidence;
        push_line!(
            out,
            "\n{}  [{}]  {}",
            event.span().display_long(),
            event.category.label(),
            event.title
        );
        push_line!(
            out,
            "  id: {}   confidence: date {:.1}, kind {:.1}, title {:.1}",
            event.id,
            confidence.date,
            confidence.kind,
            confidence.title
        );
        for why in &draft.info.reasoning {
            push_line!(out, "  worked out: {why}");
        }
        if let Some(place) = &event.location {
            push_line!(out, "  place: {place}");
        }
        if !event.countries.is_empty() {
            let codes: Vec<&str> = event.countries.iter().map(|c| c.code()).collect();
            push_line!(out, "  countries: {}", codes.join(", "));
        }
        if !event.organizers.is_empty() {
            push_line!(out, "  organizers: {}", event.organizers.join("; "));
        }
        for p in &event.participants {
            let who = p.country.map_or("total", |c| c.code());
            push_line!(out, "  count: {who} {}", p.count_phrase());
        }
        for person in &event.people {
            let details: Vec<&str> = [person.role.as_deref(), person.organization.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            push_line!(out, "  person: {} — {}", person.name, details.join(", "));
        }
        for source in &event.sources {
            let file = source.file.as_deref().unwrap_or("");
            push_line!(out, "  source {file}: “{}”", source.quote);
        }
    }
    out
}

/// `{"events": [...]}`: native events, each with a `draft` object (confidence, evidence).
pub fn draft_json(drafts: &[Draft]) -> serde_json::Value {
    let events: Vec<serde_json::Value> = drafts
        .iter()
        .map(|draft| {
            let mut value = serde_json::to_value(&draft.event).unwrap_or_default();
            if let Some(object) = value.as_object_mut() {
                object.insert(
                    "draft".to_owned(),
                    serde_json::to_value(&draft.info).unwrap_or_default(),
                );
            }
            value
        })
        .collect();
    serde_json::json!({ "events": events })
}
