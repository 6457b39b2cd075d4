//! Reading an article: its text (an HTML page reduced to text), its title, its date line, and
//! its paragraphs split into sentences, each with the line it starts on.

use std::sync::LazyLock;

use chrono::{Datelike as _, NaiveDate};
use regex::Regex;

use super::page_date::{
    PageDate, Signal, date_line_day, full_dates, today_day, url_day, year_of_month_day,
};
use super::pattern;
use unicode_segmentation::UnicodeSegmentation as _;

use crate::model::date::month_from_name;
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
    /// The whole line it is printed on.
    pub whole_line: String,
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
    /// It starts with a wire dateline: the lead of wire copy.
    pub after_wire_dateline: bool,
}

/// An article, read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    pub file: String,
    pub title: Option<String>,
    pub dateline: Option<Dateline>,
    /// The page's date, from the best signal it has.
    pub page_date: Option<PageDate>,
    /// The page's address, where the text gives it.
    pub url: Option<String>,
    /// Every full date the text gives, in order: they lend their year to a month and day
    /// written without one.
    pub full_dates: Vec<NaiveDate>,
    /// The same dates with the line each is written on, for the quote that states it.
    pub full_date_lines: Vec<(NaiveDate, String)>,
    pub paragraphs: Vec<Paragraph>,
}

/// Lines that are the page around the article, not the article.
static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(copyright|all rights reserved|mailto:|follow (us )?on|print e-?mail|comment\(s\)|back to the top|registration number|license for|add your comments|racist, abusive|go to forum|user name required|enter the words|send your stories|get more from|app download|bookmark and share|views expressed in this article|^editor:|^photo:|^position:|^adjust font size|^\s*<\s*1\s+2|subscribe|newsletter|cookie)",
    )
});

/// A wire dateline: "TOKYO, May 8 (Xinhua) --", "SEOUL, Jan. 9 --", "BRUSSELS --",
/// "MOSCOW, June 5. /TASS/.".
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)(?:, ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})(?:,? (\d{4}))?)?(?:(?: \(([^)]+)\))?\s*(?:--|[–—])\s*|\.? ?/([A-Za-z-]+)/\.?\s*)",
    )
});

/// The page's address: a "URL:" line, or a bare link among the first lines.
static URL_LINE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^(?:(?i:url|source url|link)\s*:\s*)?(?P<url>https?://\S+)\s*$"));

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

/// The date line and the wire dateline among the first lines, where there are any.
fn find_datelines(lines: &[(u64, &str)]) -> (Option<Dateline>, Option<Dateline>) {
    let (mut date_line, mut wire) = (None, None);
    for &(line, text) in lines.iter().take(15) {
        let text = text.trim();
        if URL_LINE.is_match(text) || (date_line.is_some() && wire.is_some()) {
            continue;
        }
        if wire.is_none()
            && let Some(dateline) = wire_dateline(line, text)
        {
            wire = Some(dateline);
            continue;
        }
        if date_line.is_some() {
            continue;
        }
        let Some((date, printed)) = date_line_day(text) else {
            continue;
        };
        let (publisher, byline) = publisher_and_byline(text, &printed);
        date_line = Some(Dateline {
            date: Some(date),
            printed,
            publisher,
            byline,
            line,
            whole_line: text.to_owned(),
        });
    }
    (date_line, wire)
}

/// Wire copy names its place, date and agency, sometimes without a year.
fn wire_dateline(line: u64, text: &str) -> Option<Dateline> {
    let caps = WIRE_DATELINE.captures(text)?;
    let month_day = caps.get(2)?.as_str();
    let year = caps.get(3).map(|m| m.as_str());
    let printed = match year {
        Some(year) => format!("{month_day}, {year}"),
        None => month_day.to_owned(),
    };
    let date = year.and_then(|_| full_dates(&printed).first().map(|f| f.date));
    Some(Dateline {
        date,
        printed,
        publisher: caps.get(4).or(caps.get(5)).map(|m| m.as_str().to_owned()),
        byline: None,
        line,
        whole_line: text.to_owned(),
    })
}

/// Who published and who wrote, as a date line split by bars says:
/// "Source: … | 2021-11-25 09:26:57 | Author: …".
fn publisher_and_byline(text: &str, printed: &str) -> (Option<String>, Option<String>) {
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
        } else if text.contains('|')
            && !part.contains(printed)
            && publisher.is_none()
            && part.split_whitespace().count() <= 4
            && (part.contains('.') || part.chars().next().is_some_and(char::is_uppercase))
        {
            publisher = Some(part.to_owned());
        }
    }
    (publisher, byline)
}

/// The line of `text` that holds `range`.
fn line_around(text: &str, range: (usize, usize)) -> &str {
    let start = text[..range.0].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.1..]
        .find('\n')
        .map_or(text.len(), |i| range.1 + i);
    text[start..end].trim()
}

/// The page's address, among the first lines.
fn find_url(lines: &[(u64, &str)]) -> Option<String> {
    lines.iter().take(5).find_map(|(_, text)| {
        let caps = URL_LINE.captures(text.trim())?;
        Some(caps.name("url")?.as_str().to_owned())
    })
}

/// The page's date, from the best of its signals (see [`super::page_date`]).
fn find_page_date(
    (date_line, wire): (Option<&Dateline>, Option<&Dateline>),
    url: Option<&str>,
    text: &str,
    full_dates: &[NaiveDate],
) -> Option<PageDate> {
    let found = |date: NaiveDate, signal: Signal, printed: String| {
        Some(PageDate {
            date,
            signal,
            printed,
        })
    };
    // Wire copy is dated where it was filed: its dateline, over the page's stamp, which may
    // be the next day's; a year it does not print comes from the stamp, the address or the
    // text.
    if let Some(wire) = wire {
        if let Some(date) = wire.date {
            return found(date, Signal::DateLine, wire.printed.clone());
        }
        let month_day = crate::model::date::parse_written(&format!("{} 2000", wire.printed), false);
        let stamp = date_line.and_then(|d| d.date);
        if let Some(md) = month_day.filter(|d| d.precision() == crate::model::date::Precision::Day)
            && let (Some(month), Some(day)) = (md.month_number(), md.day_number())
        {
            let year = match stamp {
                // The stamp's year, or the one before when the stamp is early in January.
                Some(stamp) => Some((
                    stamp.year() - i32::from(month > stamp.month() + 6),
                    "the page's date line",
                )),
                None => year_of_month_day(month, day, url, full_dates),
            };
            if let Some((year, from)) = year
                && let Some(date) = NaiveDate::from_ymd_opt(year, month, day)
            {
                let signal = if stamp.is_some() {
                    Signal::DateLine
                } else {
                    Signal::Wire
                };
                return found(
                    date,
                    signal,
                    format!("{}, the year from {from}", wire.printed),
                );
            }
        }
    }
    if let Some(date) = date_line.and_then(|d| d.date) {
        return found(
            date,
            Signal::DateLine,
            date_line.map_or_else(String::new, |d| d.printed.clone()),
        );
    }
    if let Some(date) = url.and_then(url_day) {
        return found(date, Signal::Url, url.unwrap_or_default().to_owned());
    }
    if let Some((date, printed)) = today_day(text) {
        return found(date, Signal::Today, printed);
    }
    let latest = full_dates.iter().max()?;
    found(*latest, Signal::LatestDate, latest.to_string())
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
    let (date_line, wire) = find_datelines(&lines);
    let url = find_url(&lines);
    // The dates the text states, not the page's own stamp: a day of the body takes its year
    // from the stamp as worked out, from a caption as stated.
    let stamp = date_line.as_ref().map(|d| d.whole_line.as_str());
    let found_dates: Vec<(NaiveDate, &str)> = (full_dates(&text).into_iter())
        .map(|f| (f.date, line_around(&text, f.range)))
        .filter(|(_, line)| Some(*line) != stamp)
        .collect();
    let full_dates: Vec<NaiveDate> = found_dates.iter().map(|(d, _)| *d).collect();
    let full_date_lines = (found_dates.iter())
        .map(|(d, line)| (*d, (*line).to_owned()))
        .collect();
    let page_date = find_page_date(
        (date_line.as_ref(), wire.as_ref()),
        url.as_deref(),
        &text,
        &full_dates,
    );
    let dateline = date_line.or(wire);
    let title = lines
        .iter()
        .take(8)
        .map(|(_, l)| l.trim())
        .find(|l| {
            looks_like_title(l)
                && !BOILERPLATE.is_match(l)
                && dateline.as_ref().is_none_or(|d| !l.contains(&d.printed))
                && !URL_LINE.is_match(l)
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
        if BOILERPLATE.is_match(trimmed) || URL_LINE.is_match(trimmed) {
            continue;
        }
        // A wire date line starts the first paragraph: the rest of the line is the article.
        let trimmed = match WIRE_DATELINE.find(trimmed) {
            Some(found) => {
                current.after_wire_dateline |= current.sentences.is_empty();
                trimmed[found.end()..].trim()
            }
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
        page_date,
        url,
        full_dates,
        full_date_lines,
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
