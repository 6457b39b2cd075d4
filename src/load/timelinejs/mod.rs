//! TimelineJS timelines: the TimelineJS3 JSON format (`title`, `events`, `eras`), and its
//! Google Sheets template saved as CSV. Both go through the same mapping:
//!
//! - `start_date` / `end_date` (`year`, `month`, `day`, numbers or strings) keep the precision
//!   given: a year stays a year; a negative year is BCE, as TimelineJS shows it (-44 is 44 BCE);
//! - `headline` is the title and `text` the summary, as plain text;
//! - `group` is the series, `media.url` a source link with `media.credit` as its credit;
//! - `unique_id` is the id, else one made from the file name and the event's position;
//! - the title slide names the data, and eras become labelled bands.

mod json;
mod sheet;
mod v2;

pub use self::json::parse_json;
pub use self::sheet::parse_sheet;
pub use self::v2::parse_v2;

use super::FileOutput;
use crate::model::dataset::EraSpan;
use crate::model::date::{DateSpan, PartialDate};
use crate::model::event::{Category, Event, SourceRef};
use crate::text::html::fragment_to_text;

/// The parts of a date before they are checked, as text.
#[derive(Clone, Debug, Default)]
struct DateParts {
    year: Option<String>,
    month: Option<String>,
    day: Option<String>,
}

impl DateParts {
    fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none()
    }
}

/// A slide's content, from either format, before it becomes an event.
#[derive(Clone, Debug, Default)]
struct SlideParts {
    start: DateParts,
    end: DateParts,
    headline: String,
    text: String,
    media_url: Option<String>,
    media_credit: Option<String>,
    media_caption: Option<String>,
    group: Option<String>,
    display_date: Option<String>,
    unique_id: Option<String>,
}

/// Why a date could not be read.
enum DateProblem {
    /// A real problem, in words.
    Wrong(String),
    /// A year before 10000 BCE or after 9999, told once per file.
    OutOfRange(String),
}

/// The date of `parts`, named `which` ("start_date") in messages.
fn date_of(parts: &DateParts, which: &str) -> Result<PartialDate, DateProblem> {
    let Some(year_text) = &parts.year else {
        return Err(DateProblem::Wrong(format!("the {which} has no year")));
    };
    let number = |text: &str, part: &str| -> Result<i64, DateProblem> {
        let cleaned = text.trim().trim_end_matches(".0");
        cleaned.parse::<i64>().map_err(|_| {
            DateProblem::Wrong(format!("the {which} {part} '{text}' is not a whole number"))
        })
    };
    // TimelineJS shows year -44 as "44 BCE": its negative years count BCE years, with no
    // year 0, so -44 is the astronomical year -43.
    let year = number(year_text, "year")?;
    let year = if year < 0 {
        year.saturating_add(1)
    } else {
        year
    };
    let Some(year) = i32::try_from(year)
        .ok()
        .filter(|y| PartialDate::year(*y).is_some())
    else {
        return Err(DateProblem::OutOfRange(year_text.clone()));
    };
    let month = parts
        .month
        .as_deref()
        .map(|m| number(m, "month"))
        .transpose()?;
    let day = parts.day.as_deref().map(|d| number(d, "day")).transpose()?;
    let not_real =
        || DateProblem::Wrong(format!("the {which} {} is not a real date", written(parts)));
    match (month, day) {
        (None, None) => PartialDate::year(year).ok_or_else(not_real),
        (Some(month), None) => {
            PartialDate::month(year, u32::try_from(month).unwrap_or(0)).ok_or_else(not_real)
        }
        (Some(month), Some(day)) => PartialDate::day(
            year,
            u32::try_from(month).unwrap_or(0),
            u32::try_from(day).unwrap_or(0),
        )
        .ok_or_else(not_real),
        (None, Some(_)) => Err(DateProblem::Wrong(format!(
            "the {which} has a day but no month"
        ))),
    }
}

/// The parts as written, for messages: "2021-13-1".
fn written(parts: &DateParts) -> String {
    [&parts.year, &parts.month, &parts.day]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("-")
}

/// A file name as an id prefix: lower case letters, digits and hyphens.
fn id_prefix(file: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    let mut prefix = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            prefix.push(c);
        } else if !prefix.ends_with('-') {
            prefix.push('-');
        }
    }
    prefix.trim_matches('-').to_owned()
}

/// Turns a slide into an event; `position` (1-based) makes its id when it has none.
fn slide_event(
    parts: &SlideParts,
    position: usize,
    line: u64,
    out: &mut FileOutput,
) -> Option<Event> {
    let start = match date_of(&parts.start, "start_date") {
        Ok(date) => date,
        Err(DateProblem::OutOfRange(year)) => {
            out.out_of_range(line, &year);
            return None;
        }
        Err(DateProblem::Wrong(message)) => {
            out.error(line, None, format!("{message}; the event was skipped"));
            return None;
        }
    };
    let end = if parts.end.is_empty() {
        None
    } else {
        match date_of(&parts.end, "end_date") {
            Ok(end) if end.last_day() < start.first_day() => {
                out.warning(
                    line,
                    None,
                    format!(
                        "the end_date {end} is before the start_date {start}; the end was left out"
                    ),
                );
                None
            }
            Ok(end) => Some(end),
            Err(DateProblem::OutOfRange(year)) => {
                out.warning(line, None, format!("the end_date year {year} is outside the years the app can show; the end was left out"));
                None
            }
            Err(DateProblem::Wrong(message)) => {
                out.warning(line, None, format!("{message}; the end was left out"));
                None
            }
        }
    };
    let headline = fragment_to_text(&parts.headline);
    let text = fragment_to_text(&parts.text);
    let caption = parts
        .media_caption
        .as_deref()
        .map(fragment_to_text)
        .filter(|c| !c.is_empty());
    let title = if !headline.is_empty() {
        headline
    } else {
        let fallback = [
            first_sentence(&text),
            caption.clone().unwrap_or_default(),
            parts.display_date.clone().unwrap_or_default(),
        ]
        .into_iter()
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| format!("Untitled event {position}"));
        out.warning(
            line,
            None,
            format!("the event has no headline; it is titled '{fallback}'"),
        );
        fallback
    };
    let id = parts
        .unique_id
        .as_deref()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map_or_else(
            || format!("{}-{position}", id_prefix(out.name())),
            str::to_owned,
        );
    let mut sources = Vec::new();
    if let Some(url) = parts
        .media_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        let source = SourceRef {
            url: Some(url.to_owned()),
            byline: parts
                .media_credit
                .as_deref()
                .map(fragment_to_text)
                .filter(|c| !c.is_empty()),
            quote: caption.unwrap_or_default(),
            ..SourceRef::default()
        };
        // Media can be an embed (a tweet's HTML, a map): only web links are kept.
        if source.web_url().is_some() {
            sources.push(source);
        }
    }
    Some(Event {
        id,
        category: Category::from_words(&title).unwrap_or(Category::Other),
        title,
        start,
        end,
        date_inferred: false,
        series: parts
            .group
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(str::to_owned),
        location: None,
        countries: Vec::new(),
        organizers: Vec::new(),
        participants: Vec::new(),
        people: Vec::new(),
        summary: text,
        sources,
        tags: Vec::new(),
        display_date: parts
            .display_date
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_owned),
        planned: false,
        coverage: Vec::new(),
    })
}

/// The first sentence of a text, cut to a title's length.
fn first_sentence(text: &str) -> String {
    let sentence = text
        .split_inclusive(['.', '!', '?'])
        .next()
        .unwrap_or(text)
        .trim();
    let mut title: String = sentence.chars().take(100).collect();
    if sentence.chars().count() > 100 {
        title.push('…');
    }
    title
}

/// An era's label and span.
fn era_of(parts: &SlideParts, line: u64, out: &mut FileOutput) {
    let label = [
        fragment_to_text(&parts.headline),
        first_sentence(&fragment_to_text(&parts.text)),
    ]
    .into_iter()
    .find(|t| !t.is_empty())
    .unwrap_or_else(|| "Era".to_owned());
    let start = date_of(&parts.start, "start_date");
    let end = if parts.end.is_empty() {
        None
    } else {
        date_of(&parts.end, "end_date").ok()
    };
    match start {
        Ok(start) => out.era(EraSpan {
            label,
            span: DateSpan {
                start,
                end: end.filter(|e| e.last_day() >= start.first_day()),
                inferred: false,
            },
        }),
        Err(DateProblem::OutOfRange(year)) => out.out_of_range(line, &year),
        Err(DateProblem::Wrong(message)) => out.warning(
            line,
            None,
            format!("{message}; the era '{label}' was left out"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_the_file_name() {
        assert_eq!(
            id_prefix("Whitney Houston (1963-2012).json"),
            "whitney-houston-1963-2012"
        );
        assert_eq!(id_prefix("timeline.csv"), "timeline");
    }
}
