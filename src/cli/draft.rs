//! `coop-timeline draft`: the events drafted from articles, with the evidence of each field.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::check::{draft_json, draft_report};
use super::display_name;
use crate::draft::draft_articles;
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
            Ok((display_name(file), text.to_owned()))
        })
        .collect()
}

/// Drafts the articles among `paths` and prints them, as a report or as native JSON.
pub fn run(paths: &[PathBuf], json: bool) -> ExitCode {
    let texts = match article_files(paths).and_then(|files| read_articles(&files)) {
        Ok(texts) => texts,
        Err(message) => {
            eprintln!("coop-timeline: {message}");
            return ExitCode::FAILURE;
        }
    };
    let (drafts, per_article) = draft_articles(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())));
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
        draft_report(&drafts)
    };
    super::print(&report)
}
