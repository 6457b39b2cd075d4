//! Reading an article: its text (an HTML page reduced to text), its title, its date line, and
//! its paragraphs split into sentences, each with the line it starts on.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::pattern;
use unicode_segmentation::UnicodeSegmentation as _;

use crate::model::date::{month_from_name, parse_written};
use crate::text::html::document_to_text;

/// When and by whom an article was published, as its date line prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The day; `None` when the line gives no year ("TOKYO, May 8 (Xinhua) --").
    pub date: Option<NaiveDate>,
    /// The date as printed, e.g. "2021-11-25 09:26:57".
    pub printed: String,
    pub publisher: Option<String>,
    pub byline: Option<String>,
    pub line: u64,
}

/// One sentence of the article, verbatim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub line: u64,
}

/// The sentences of one paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub sentences: Vec<Sentence>,
}

/// An article, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    pub file: String,
    pub title: Option<String>,
    pub dateline: Option<Dateline>,
    pub paragraphs: Vec<Paragraph>,
}

/// Lines that are the page around the article, not the article.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(copyright|all rights reserved|mailto:|follow (us )?on|print e-?mail|comment\(s\)|back to the top|registration number|license for|add your comments|racist, abusive|go to forum|user name required|enter the words|send your stories|get more from|app download|bookmark and share|views expressed in this article|^editor:|^photo:|^position:|^adjust font size|^\s*<\s*1\s+2|subscribe|newsletter|cookie)",
    )
});

/// A date with a year, in the forms date lines use.
static DATELINE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{4}/\d{1,2}/\d{1,2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{4})",
    )
});

/// A wire dateline: "TOKYO, May 8 (Xinhua) --", "SEOUL, Jan. 9 --", "BRUSSELS --".
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)(?:, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})(?:,? (\d{4}))?)?(?: \(([^)]+)\))?\s*(?:--|[–—])\s*",
    )
});

/// The day of a date as a date line prints it.
fn dateline_day(printed: &str) -> Option<NaiveDate> {
    let date_part = printed.split([' ', 'T']).next().unwrap_or(printed);
    let date = parse_written(date_part, true).or_else(|| parse_written(printed, true))?;
    (date.precision() == crate::model::date::Precision::Day).then(|| date.first_day())
}

/// The article's text as the drafter reads it: a saved page without its markup.
pub fn plain_text(file: &str, text: &str) -> String {
    let lower = file.to_ascii_lowercase();
    let is_html =
        lower.ends_with(".html") || lower.ends_with(".htm") || text.trim_start().starts_with('<');
    if is_html {
        document_to_text(text)
    } else {
        text.replace("\r\n", "\n")
    }
}

/// The date line among the first lines, if there is one.
fn find_dateline(lines: &[(u64, &str)]) -> Option<Dateline> {
    for &(line, text) in lines.iter().take(15) {
        let text = text.trim();
        // Wire copy names its place, date and agency, sometimes without a year.
        if let Some(caps) = WIRE_DATELINE.captures(text)
            && let Some(month_day) = caps.get(2)
        {
            let month_day = month_day.as_str();
            let year = caps.get(3).map(|m| m.as_str());
            let printed = match year {
                Some(year) => format!("{month_day}, {year}"),
                None => month_day.to_owned(),
            };
            return Some(Dateline {
                date: year.and_then(|_| dateline_day(&printed)),
                printed,
                publisher: caps.get(4).map(|m| m.as_str().to_owned()),
                byline: None,
                line,
            });
        }
        // A date line is short, or split by bars: "Source: … | 2021-11-25 09:26:57 | Author: …".
        if text.len() > 160 && !text.contains('|') {
            continue;
        }
        let Some(found) = DATELINE_DATE.find(text) else {
            continue;
        };
        let printed = found.as_str().to_owned();
        let Some(date) = dateline_day(&printed) else {
            continue;
        };
        let mut publisher = None;
        let mut byline = None;
        for part in text.split('|').map(str::trim).filter(|p| !p.is_empty()) {
            let lower = part.to_ascii_lowercase();
            if let Some(source) = part
                .strip_prefix("Source:")
                .or_else(|| part.strip_prefix("source:"))
            {
                publisher = Some(source.trim().to_owned());
            } else if lower.starts_with("author") || lower.starts_with("by ") {
                byline = Some(part.to_owned());
            } else if !part.contains(found.as_str())
                && publisher.is_none()
                && part.split_whitespace().count() <= 4
                && (part.contains('.') || part.chars().next().is_some_and(char::is_uppercase))
            {
                publisher = Some(part.to_owned());
            }
        }
        return Some(Dateline {
            date: Some(date),
            printed,
            publisher,
            byline,
            line,
        });
    }
    None
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 24] = [
    "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "No.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.",
    "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "e.g.", "i.e.", "U.S.", "U.K.",
    "Gov.",
];

/// The sentences of a paragraph, by Unicode's sentence boundaries, not split after an
/// abbreviation or an initial.
fn split_sentences(paragraph: &str) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    for piece in paragraph.split_sentence_bounds() {
        let joins_previous = sentences.last().is_some_and(|previous| {
            let previous = previous.trim_end();
            let last_word = previous.rsplit(' ').next().unwrap_or(previous);
            ABBREVIATIONS.contains(&last_word)
                || (last_word.len() == 2
                    && last_word.ends_with('.')
                    && last_word.starts_with(char::is_uppercase))
        });
        match sentences.last_mut() {
            Some(previous) if joins_previous => previous.push_str(piece),
            _ => sentences.push(piece.to_owned()),
        }
    }
    sentences
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect()
}

/// True for a line that looks like a headline: a few words, not a sentence.
fn looks_like_title(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (3..=30).contains(&words)
        && !text.ends_with('.')
        && !text.contains('>')
        && !text.contains(" | ")
        && text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Reads an article: text, or an HTML page saved from a browser.
pub fn read_article(file: &str, text: &str) -> Article {
    let text = plain_text(file, text);
    let lines: Vec<(u64, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u64 + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let dateline = find_dateline(&lines);
    let title = lines
        .iter()
        .take(8)
        .map(|(_, l)| l.trim())
        .find(|l| {
            looks_like_title(l)
                && !BOILERPLATE.is_match(l)
                && dateline.as_ref().is_none_or(|d| !l.contains(&d.printed))
        })
        .map(str::to_owned);

    // Paragraphs: runs of non-empty lines; each line of a paragraph adds its sentences.
    let mut paragraphs = Vec::new();
    let mut current = Paragraph::default();
    for (index, raw) in text.lines().enumerate() {
        let line = index as u64 + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            if !current.sentences.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if BOILERPLATE.is_match(trimmed) {
            continue;
        }
        // A wire date line starts the first paragraph: the rest of the line is the article.
        let trimmed = match WIRE_DATELINE.find(trimmed) {
            Some(found) => trimmed[found.end()..].trim(),
            None if dateline.as_ref().is_some_and(|d| d.line == line) => continue,
            None => trimmed,
        };
        for sentence in split_sentences(trimmed) {
            current.sentences.push(Sentence {
                text: sentence,
                line,
            });
        }
    }
    if !current.sentences.is_empty() {
        paragraphs.push(current);
    }
    Article {
        file: file.to_owned(),
        title,
        dateline,
        paragraphs,
    }
}

/// The month of a written month name, for the other modules.
pub fn month_number(word: &str) -> Option<u32> {
    month_from_name(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline_of(text: &str) -> Option<Dateline> {
        read_article("a.txt", text).dateline
    }

    #[test]
    fn date_lines_in_common_forms() {
        let seed = dateline_of("Title here\n\nSource: Science and Technology Daily| 2021-11-25 09:26:57| Author: CHEN Chunyou\n\nText.").expect("found");
        assert_eq!(seed.date, NaiveDate::from_ymd_opt(2021, 11, 25));
        assert_eq!(
            seed.publisher.as_deref(),
            Some("Science and Technology Daily")
        );
        assert_eq!(seed.byline.as_deref(), Some("Author: CHEN Chunyou"));
        let daily = dateline_of("A headline\n\nBy Zhou Mo in Shenzhen | chinadaily.com.cn | Updated: 2021-11-05 16:05\n").expect("found");
        assert_eq!(daily.date, NaiveDate::from_ymd_opt(2021, 11, 5));
        assert_eq!(daily.publisher.as_deref(), Some("chinadaily.com.cn"));
        let published = dateline_of("A headline\nPublished: 2016-05-10\n\nBody.").expect("found");
        assert_eq!(published.date, NaiveDate::from_ymd_opt(2016, 5, 10));
        let american = dateline_of("A headline\nMay 17, 2016\n\nBody.").expect("found");
        assert_eq!(american.date, NaiveDate::from_ymd_opt(2016, 5, 17));
        let wire =
            dateline_of("TOKYO, May 8 (Xinhua) -- Japan and China held talks.").expect("found");
        assert_eq!(wire.date, None);
        assert_eq!(wire.publisher.as_deref(), Some("Xinhua"));
        assert!(dateline_of("No date anywhere.\n\nJust text about cooperation.").is_none());
    }

    #[test]
    fn sentences_are_not_cut_at_abbreviations() {
        let sentences = split_sentences(
            "Mr. Wang met Dr. Li in the U.S. on Nov. 3. They signed a deal. It was held online.",
        );
        assert_eq!(
            sentences,
            [
                "Mr. Wang met Dr. Li in the U.S. on Nov. 3.",
                "They signed a deal.",
                "It was held online."
            ]
        );
    }
}
