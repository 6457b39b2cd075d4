//! Drafts scored against a truth file written by hand for a folder of articles (the form of
//! `articles-dev/truth.json`): the core events and all events found, the exact dates among
//! them, and the drafts that match no true event. A true event is found by a draft of the
//! same article with the same start, or a start at a coarser or finer precision of it.

use std::path::Path;

use serde::Deserialize;

use super::{Draft, draft_articles};

#[derive(Deserialize)]
struct TruthFile {
    articles: Vec<TruthArticle>,
}

#[derive(Deserialize)]
struct TruthArticle {
    file: String,
    events: Vec<TruthEvent>,
}

#[derive(Deserialize)]
struct TruthEvent {
    start: String,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    date_inferred: bool,
    #[serde(default)]
    core: bool,
}

/// How the drafts of a folder compare with its truth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TruthScore {
    pub core: usize,
    pub core_found: usize,
    pub all: usize,
    pub found: usize,
    /// Found with the start, the end and the inferred flag of the truth.
    pub exact: usize,
    pub drafts: usize,
    /// Drafts that match no true event.
    pub extra: usize,
}

/// Drafts the articles of `dir` and scores them against `dir/truth.json`.
pub fn score_folder(dir: &Path) -> Result<TruthScore, String> {
    let truth_path = dir.join("truth.json");
    let truth = std::fs::read_to_string(&truth_path)
        .map_err(|error| format!("{}: {error}", truth_path.display()))?;
    let truth: TruthFile = serde_json::from_str(&truth)
        .map_err(|error| format!("{}: {error}", truth_path.display()))?;
    let mut texts = Vec::new();
    for article in &truth.articles {
        let path = dir.join(&article.file);
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        texts.push((article.file.clone(), text));
    }
    let (drafts, _) = draft_articles(texts.iter().map(|(n, t)| (n.as_str(), t.as_str())), None);
    Ok(score(&drafts, &truth.articles))
}

fn score(drafts: &[Draft], articles: &[TruthArticle]) -> TruthScore {
    let mut score = TruthScore {
        drafts: drafts.len(),
        ..TruthScore::default()
    };
    let mut used = vec![false; drafts.len()];
    for article in articles {
        let of_article = |d: &Draft| {
            (d.event.sources.iter()).any(|s| s.file.as_deref() == Some(article.file.as_str()))
        };
        for truth in &article.events {
            score.all += 1;
            score.core += usize::from(truth.core);
            let start_of = |i: usize| drafts[i].event.start.to_string();
            let free = |i: &usize| !used[*i] && of_article(&drafts[*i]);
            let same = (0..drafts.len())
                .filter(free)
                .find(|&i| start_of(i) == truth.start);
            let near = || {
                (0..drafts.len()).filter(free).find(|&i| {
                    let start = start_of(i);
                    truth.start.starts_with(&start) || start.starts_with(&truth.start)
                })
            };
            let Some(index) = same.or_else(near) else {
                continue;
            };
            used[index] = true;
            score.found += 1;
            score.core_found += usize::from(truth.core);
            let event = &drafts[index].event;
            let end = event.end.map(|e| e.to_string());
            score.exact += usize::from(
                start_of(index) == truth.start
                    && end == truth.end
                    && event.date_inferred == truth.date_inferred,
            );
        }
    }
    score.extra = used.iter().filter(|u| !**u).count();
    score
}
