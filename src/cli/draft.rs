//! `coop-timeline draft`: the events drafted from articles, with the evidence of each field.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::check::{draft_json, draft_report};
use super::display_name;
use chrono::NaiveDate;

use crate::draft::{ArticleDrafts, draft_articles};
use crate::text::decode::decode_text;

/// The article files among `paths`: files as given, and the `.txt` and `.html` files of
/// folders, sorted by name.
fn article_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path)
            .map_err(|error| format!("cannot read the folder: {error}: {}", path.display()))?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| is_article_name(p))
            .collect();
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

fn is_article_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "txt" | "html" | "htm"))
}

/// Each article's name and text, decoded as the loader decodes it.
fn read_articles(files: &[PathBuf]) -> Result<Vec<(String, String)>, String> {
    files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file)
                .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
            let text =
                decode_text(&bytes).map_err(|message| format!("{}: {message}", file.display()))?;
            Ok((display_name(file), text.text.into_owned()))
        })
        .collect()
}

/// Drafts the articles among `paths` and prints them, as a report or as native JSON.
pub fn run(paths: &[PathBuf], json: bool, published: Option<NaiveDate>) -> ExitCode {
    let texts = match article_files(paths).and_then(|files| read_articles(&files)) {
        Ok(texts) => texts,
        Err(message) => {
            eprintln!("coop-timeline: {message}");
            return ExitCode::FAILURE;
        }
    };
    let articles = texts.iter().map(|(n, t)| (n.as_str(), t.as_str()));
    let (drafts, per_article) = draft_articles(articles, published);
    for (file, drafted) in &per_article {
        if !drafted.unresolved.is_empty() {
            eprintln!(
                "{file}: the article has no date, so these were left unresolved: {}",
                drafted.unresolved.join(", ")
            );
        }
    }
    let report = if json {
        format!("{:#}\n", draft_json(&drafts))
    } else {
        page_dates(&per_article) + &draft_report(&drafts)
    };
    super::print(&report)
}

/// Each article's page date and where it came from: every date worked out follows it, and
/// `--published` corrects it.
fn page_dates(per_article: &[(String, ArticleDrafts)]) -> String {
    let mut text = String::new();
    for (file, drafted) in per_article {
        let line = match &drafted.page_date {
            Some(page) => format!(
                "{file}: page date {} ({})\n",
                page.date,
                page.signal.describe()
            ),
            None => format!("{file}: no page date (give one with --published YYYY-MM-DD)\n"),
        };
        text.push_str(&line);
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// A page date as `--published` takes it.
pub fn parse_published(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("'{text}' is not a date as YYYY-MM-DD, e.g. 2023-03-16"))
}
