//! How good drafts are, against events written by hand from the same articles: how many
//! events were found (matched by kind and date), how many dates are exact (precision
//! included), how many counts and country lists agree, and how many claims have no words
//! behind them.

use super::Draft;
use super::verify::{Unsupported, unsupported_claims};
use crate::model::event::Event;

/// The figures of one comparison.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Quality {
    /// Hand-written events of the articles drafted.
    pub expected: usize,
    pub matched: usize,
    /// Matched events whose start, end and precision are the same.
    pub exact_dates: usize,
    /// Counts in the hand-written events, and how many of them a draft has (same country,
    /// number and the unit's last word).
    pub expected_counts: usize,
    pub found_counts: usize,
    /// Matched events whose countries are the same set.
    pub exact_countries: usize,
    pub unsupported: Vec<Unsupported>,
    /// What did not agree, for people improving the drafter.
    pub notes: Vec<String>,
}

impl Quality {
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    pub fn date_accuracy(&self) -> f64 {
        ratio(self.exact_dates, self.matched)
    }

    /// The drafting targets missed, in words; empty when all are met: recall of at least
    /// 90%, at least 95% of matched dates exact, and no unsupported claim.
    pub fn missed_targets(&self) -> Vec<String> {
        let mut missed = Vec::new();
        if self.recall() < 0.9 {
            missed.push(format!("recall {:.2}, below 0.90", self.recall()));
        }
        if self.date_accuracy() < 0.95 {
            missed.push(format!(
                "exact dates {:.2}, below 0.95",
                self.date_accuracy()
            ));
        }
        if !self.unsupported.is_empty() {
            missed.push(format!("unsupported claims: {:#?}", self.unsupported));
        }
        missed
    }

    pub fn count_recall(&self) -> f64 {
        ratio(self.found_counts, self.expected_counts)
    }

    pub fn country_accuracy(&self) -> f64 {
        ratio(self.exact_countries, self.matched)
    }
}

/// Drafts the articles (`.txt`, `.html`) of `dir` and compares them with `reference`.
pub fn measure_folder(dir: &std::path::Path, reference: &[Event]) -> std::io::Result<Quality> {
    let mut articles: Vec<(String, String)> = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_article = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "txt" | "html" | "htm"));
        if is_article && let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            articles.push((name.to_owned(), std::fs::read_to_string(&path)?));
        }
    }
    articles.sort();
    let (drafts, _) =
        super::draft_articles(articles.iter().map(|(n, t)| (n.as_str(), t.as_str())), None);
    let text = |file: &str| {
        articles
            .iter()
            .find(|(n, _)| n == file)
            .map(|(_, t)| t.clone())
    };
    Ok(measure(&drafts, reference, &text))
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// A word of a unit, singular and bare: "universities)" is "university".
fn singular(word: &str) -> String {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    word.strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| word.strip_suffix('s').map(str::to_owned))
        .unwrap_or(word)
}

/// The counted noun of a unit: its last word, singular.
fn unit_head(unit: &str) -> String {
    singular(unit.split_whitespace().last().unwrap_or(unit))
}

/// True when two units count the same thing: the head noun of one is a word of the other
/// ("university presidents" and "university presidents (forum speakers)").
fn same_unit(drafted: &str, written: &str) -> bool {
    let words = |unit: &str| unit.split_whitespace().map(singular).collect::<Vec<_>>();
    words(written).contains(&unit_head(drafted)) || words(drafted).contains(&unit_head(written))
}

/// True when `draft` reports `event`: the same kind, dates that overlap, drafted from an
/// article the event cites.
fn matches(draft: &Draft, event: &Event) -> bool {
    let (a, b) = (draft.event.span().day_range(), event.span().day_range());
    let cited = event
        .sources
        .iter()
        .filter_map(|s| s.file.as_deref())
        .any(|file| draft.info.articles.iter().any(|a| a == file));
    draft.event.category == event.category && a.0 < b.1 && b.0 < a.1 && cited
}

/// Compares `drafts` with the hand-written `reference` events of the same articles;
/// `article_text` gives an article's text by file name.
pub fn measure(
    drafts: &[Draft],
    reference: &[Event],
    article_text: &dyn Fn(&str) -> Option<String>,
) -> Quality {
    let drafted_articles: Vec<&str> = drafts
        .iter()
        .flat_map(|d| d.info.articles.iter().map(String::as_str))
        .collect();
    let expected: Vec<&Event> = reference
        .iter()
        .filter(|e| {
            e.sources
                .iter()
                .filter_map(|s| s.file.as_deref())
                .any(|f| drafted_articles.contains(&f) || article_text(f).is_some())
        })
        .collect();
    let mut quality = Quality {
        expected: expected.len(),
        ..Quality::default()
    };
    let mut used = vec![false; drafts.len()];
    for event in &expected {
        quality.expected_counts += event.participants.len();
        // The best unused draft: an exact date first.
        let candidates = drafts
            .iter()
            .enumerate()
            .filter(|(i, d)| !used[*i] && matches(d, event));
        let best = candidates.max_by_key(|(_, d)| {
            (
                d.event.start == event.start && d.event.end == event.end,
                d.event.start.precision() == event.start.precision(),
            )
        });
        let Some((index, draft)) = best else {
            quality
                .notes
                .push(format!("not found: {} {}", event.start, event.title));
            continue;
        };
        used[index] = true;
        quality.matched += 1;
        if draft.event.start == event.start && draft.event.end == event.end {
            quality.exact_dates += 1;
        } else {
            quality.notes.push(format!(
                "date of {}: drafted {}, written {}",
                event.id,
                draft.event.span().display_long(),
                event.span().display_long()
            ));
        }
        let mut drafted: Vec<_> = draft.event.countries.clone();
        let mut written: Vec<_> = event.countries.clone();
        drafted.sort();
        written.sort();
        if drafted == written {
            quality.exact_countries += 1;
        } else {
            quality.notes.push(format!(
                "countries of {}: drafted {drafted:?}, written {written:?}",
                event.id
            ));
        }
        for participant in &event.participants {
            let found = draft.event.participants.iter().any(|p| {
                p.country == participant.country
                    && p.count == participant.count
                    && same_unit(&p.unit, &participant.unit)
            });
            quality.found_counts += usize::from(found);
            if !found {
                let who = participant.country.map_or("total", |c| c.code());
                quality.notes.push(format!(
                    "count of {}: {who} {} {} not drafted",
                    event.id, participant.count, participant.unit
                ));
            }
        }
    }
    for draft in drafts {
        quality
            .unsupported
            .extend(unsupported_claims(draft, article_text));
    }
    quality
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_agree_by_their_counted_noun() {
        assert!(same_unit("presidents", "university presidents"));
        assert!(same_unit(
            "university leaders",
            "university leaders (forum speakers)"
        ));
        assert_eq!(unit_head("universities"), "university");
        assert!(!same_unit("scientists", "universities"));
    }
}
