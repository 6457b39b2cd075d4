//! Drafting events from news articles, without egui and deterministically: for each event
//! an article reports, its date at the precision of the text, its kind, place, countries,
//! counts with units and people, each with the words that back it and a confidence. The
//! drafter never states what the text does not: every field points at its evidence, and
//! [`verify`] checks that it is there.

mod build;
mod candidates;
mod clauses;
pub mod countries;
pub mod counts;
pub mod dates;
mod fields;
mod headline_countries;
pub mod kinds;
mod merge;
mod names;
pub mod page;
pub mod page_date;
pub mod people;
mod phrases;
pub mod quality;
pub mod score;
mod title_words;
mod titles;
pub mod verify;

use chrono::NaiveDate;
use regex::Regex;

use self::build::headline_event;
use self::candidates::candidates_of;
use self::headline_countries::lend_headline_countries;
pub use self::merge::merge_same_events;
use self::page::{Dateline, read_article};
use self::page_date::{PageDate, Signal};
pub use crate::model::drafts::{
    Confidence, Decision, Draft, DraftInfo, Evidence, Field, QuoteSegment, Review, quote_segments,
};

/// A pattern written in this module; a typo in one is a bug, caught by the first test.
fn pattern(text: &str) -> Regex {
    Regex::new(text).unwrap_or_else(|error| unreachable!("invalid pattern: {error}"))
}

/// What drafting one article gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleDrafts {
    pub drafts: Vec<Draft>,
    pub title: Option<String>,
    pub dateline: Option<Dateline>,
    /// The page's date the drafts were worked out from, and where it came from.
    pub page_date: Option<PageDate>,
    /// Relative dates ("a week ago") that could not be worked out: the article has no date.
    pub unresolved: Vec<String>,
}

/// Drafts the events of one article; `published`, when given, is the page's date over any
/// the page states.
pub fn draft_article(file: &str, text: &str, published: Option<NaiveDate>) -> ArticleDrafts {
    let mut article = read_article(file, text);
    if let Some(date) = published {
        article.page_date = Some(PageDate {
            date,
            signal: Signal::Given,
            printed: date.to_string(),
        });
    }
    let (mut candidates, mut unresolved) = candidates_of(&article);
    headline_event(&article, &mut candidates);
    lend_headline_countries(&article, &mut candidates);
    let mut drafts: Vec<Draft> = candidates.into_iter().map(|c| c.draft).collect();
    drafts = merge_same_events(drafts);
    number_ids(file, &mut drafts);
    unresolved.sort();
    unresolved.dedup();
    ArticleDrafts {
        drafts,
        title: article.title.clone(),
        dateline: article.dateline.clone(),
        page_date: article.page_date.clone(),
        unresolved,
    }
}

/// Drafts every article of `articles` (file name, text), merging the same event reported in
/// several articles into one draft with several sources.
pub fn draft_articles<'a>(
    articles: impl IntoIterator<Item = (&'a str, &'a str)>,
    published: Option<NaiveDate>,
) -> (Vec<Draft>, Vec<(String, ArticleDrafts)>) {
    let mut all = Vec::new();
    let mut per_article = Vec::new();
    for (file, text) in articles {
        let drafted = draft_article(file, text, published);
        all.extend(drafted.drafts.iter().cloned());
        per_article.push((file.to_owned(), drafted));
    }
    (merge_same_events(all), per_article)
}

/// Stable ids: the article, the date and the kind, so a review survives a reload.
fn number_ids(file: &str, drafts: &mut [Draft]) {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_lowercase();
    let mut used: Vec<String> = Vec::new();
    for draft in drafts {
        let base = format!(
            "draft-{stem}-{}-{}",
            draft.event.start,
            draft.event.category.key()
        );
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.push(id.clone());
        draft.event.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_of_punctuation_around_its_date_still_gives_a_title_from_the_article() {
        // Found by fuzz_loader: the text before the date was all semicolons and the rest a
        // "due to" aside, which left an empty title.
        let text = "<,,y+ and signed,20 Korea held in Seoul on May 27;;;;;;;;;; ;;;;;;;;2021 due to the seminar,,,C02";
        let drafted = draft_article("odd.txt", text, None);
        assert!(!drafted.drafts.is_empty());
        for draft in &drafted.drafts {
            let title = &draft.event.title;
            assert!(title.chars().any(char::is_alphanumeric), "title {title:?}");
            let words_in_article = title.trim_end_matches('…').split_whitespace();
            for word in words_in_article {
                assert!(text.to_lowercase().contains(&word.to_lowercase()), "{word}");
            }
        }
    }
}
