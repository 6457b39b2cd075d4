//! Dates in a sentence, at the precision of the text: "on May 6", "28-29 November 2022",
//! "in July 2021", "since 2010", "FY2016", "2016-17", and relative ones worked out from the
//! page's date ("a week ago", "this July", "Wednesday last week", "in August last year"),
//! marked as inferred with the reasoning kept. A year stays a year, and a day is never
//! invented.

mod patterns;
mod resolve;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use self::patterns::{Kind, PATTERNS};
use self::resolve::{Found, mention_of};
use super::pattern;
use crate::model::date::{PartialDate, Precision};

/// A date found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// Worked out rather than stated.
    pub inferred: bool,
    /// How it was worked out, e.g. "article of 2021-11-25, 'a week ago'".
    pub reasoning: Option<String>,
    /// Where in the sentence, in bytes.
    pub range: (usize, usize),
    /// "since 2010": the start of something ongoing.
    pub since: bool,
    /// "by the end of 2006": the latest a planned event is to happen.
    pub deadline: bool,
    /// A month and day whose year the text states with the same day elsewhere ("February
    /// 28" in the body, "February 28, 2014" in a caption): that full date.
    pub year_from: Option<NaiveDate>,
    pub confidence: f32,
}

/// The page's date, as dates are worked out from it.
#[derive(Clone, Copy, Debug)]
pub struct PageContext<'a> {
    pub date: NaiveDate,
    /// The page says it was written on this day, so "last week" can be worked out from it;
    /// else the date only lends its year.
    pub written_then: bool,
    /// Where the date came from, for the reasoning: "" for a date line, else " (the
    /// page's address)".
    pub source: &'a str,
}

/// What a date is worked out from.
#[derive(Clone, Copy, Debug)]
pub struct DateContext<'a> {
    /// The page's date, if it has one.
    pub page: Option<PageContext<'a>>,
    /// Every full date of the text: they lend their year to a month and day without one
    /// when the page has no date.
    pub full_dates: &'a [NaiveDate],
    /// The sentence speaks of the future ("will be held"): a month and day without a year is
    /// the next one, not the last.
    pub future: bool,
}

impl DateContext<'_> {
    /// The day the page was written, when it says so.
    fn written_on(&self) -> Option<NaiveDate> {
        self.page.filter(|p| p.written_then).map(|p| p.date)
    }
}

/// A relative date the article's missing date left unresolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub phrase: String,
}

/// Every date of `sentence`, in order, and the relative dates that could not be worked out.
pub fn find_dates(sentence: &str, context: &DateContext) -> (Vec<DateMention>, Vec<Unresolved>) {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut mentions = Vec::new();
    let mut unresolved = Vec::new();
    // A year written anywhere in the sentence dates a month and day written without one.
    let sentence_year = PATTERNS
        .iter()
        .find(|(kind, _)| *kind == Kind::Year)
        .and_then(|(_, re)| re.captures(sentence))
        .and_then(|caps| caps.name("y")?.as_str().parse().ok());
    for (kind, pattern) in PATTERNS.iter() {
        for caps in pattern.captures_iter(sentence) {
            let Some(whole) = caps.name("phrase").or(caps.get(0)) else {
                continue;
            };
            // "in early March 2020" stays March 2020; the word goes with the date.
            let qualified = QUALIFIER
                .find(&sentence[..whole.start()])
                .map_or(whole.start(), |q| q.start());
            let range = (qualified, whole.end());
            if taken.iter().any(|&(a, b)| whole.start() < b && a < range.1) {
                continue;
            }
            let phrase = whole.as_str();
            let found = mention_of(*kind, &caps, phrase, sentence_year, context);
            taken.push(range);
            match found {
                Found::Date(mut mention) => {
                    mention.range = range;
                    mentions.push(mention);
                }
                Found::Unresolved => unresolved.push(Unresolved {
                    phrase: phrase.to_owned(),
                }),
                Found::Nothing => {}
            }
        }
    }
    mentions.sort_by_key(|m| m.range.0);
    (mentions, unresolved)
}

/// Words before a date that narrow it without a date of their own: "early", "mid-".
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:early|mid-?|late|the (?:end|beginning|start|middle) of|(?:early|late|mid) in)\s*$",
    )
});

/// The finest precision among the mention's ends, for ranking mentions.
pub fn precision_of(mention: &DateMention) -> Precision {
    mention.end.map_or(mention.start.precision(), |e| {
        e.precision().max(mention.start.precision())
    })
}
