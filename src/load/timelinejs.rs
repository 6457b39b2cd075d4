//! TimelineJS timelines: the TimelineJS3 JSON format (`title`, `events`, `eras`), and its
//! Google Sheets template saved as CSV. Both go through the same mapping:
//!
//! - `start_date` / `end_date` (`year`, `month`, `day`, numbers or strings) keep the precision
//!   given: a year stays a year; a negative year is BCE, as TimelineJS shows it (-44 is 44 BCE);
//! - `headline` is the title and `text` the summary, as plain text;
//! - `group` is the series, `media.url` a source link with `media.credit` as its credit;
//! - `unique_id` is the id, else one made from the file name and the event's position;
//! - the title slide names the data, and eras become labelled bands.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::FileOutput;
use super::json::position::{LineIndex, error_position, json_message};
use crate::model::dataset::EraSpan;
use crate::model::date::{DateSpan, PartialDate};
use crate::model::event::{Category, Event, SourceRef};
use crate::text::html::fragment_to_text;

/// A date as TimelineJS writes it; each part may be a number or a string, or missing.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct TlDate {
    year: Option<serde_json::Value>,
    month: Option<serde_json::Value>,
    day: Option<serde_json::Value>,
    display_date: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct TlText {
    headline: Option<String>,
    text: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct TlMedia {
    url: Option<String>,
    caption: Option<String>,
    credit: Option<String>,
}

/// One slide: an event, an era or the title. Fields TimelineJS has for its display
/// (background, autolink, …) are not needed and not read.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
struct TlSlide {
    start_date: Option<TlDate>,
    end_date: Option<TlDate>,
    text: Option<TlText>,
    media: Option<TlMedia>,
    group: Option<String>,
    display_date: Option<String>,
    unique_id: Option<String>,
}

#[derive(Deserialize)]
struct TlTimeline<'a> {
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    eras: Vec<&'a RawValue>,
}

/// The parts of a date before they are checked, as text.
#[derive(Clone, Debug, Default)]
struct DateParts {
    year: Option<String>,
    month: Option<String>,
    day: Option<String>,
}

impl DateParts {
    fn of_json(date: &TlDate) -> Self {
        let text = |value: &Option<serde_json::Value>| match value {
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            _ => None,
        };
        Self {
            year: text(&date.year),
            month: text(&date.month),
            day: text(&date.day),
        }
    }

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

fn slide_parts(slide: &TlSlide) -> SlideParts {
    let text = slide.text.clone().unwrap_or_default();
    let media = slide.media.clone().unwrap_or_default();
    let display_date = slide.display_date.clone().or_else(|| {
        slide
            .start_date
            .as_ref()
            .and_then(|d| d.display_date.clone())
    });
    SlideParts {
        start: slide
            .start_date
            .as_ref()
            .map(DateParts::of_json)
            .unwrap_or_default(),
        end: slide
            .end_date
            .as_ref()
            .map(DateParts::of_json)
            .unwrap_or_default(),
        headline: text.headline.unwrap_or_default(),
        text: text.text.unwrap_or_default(),
        media_url: media.url,
        media_credit: media.credit,
        media_caption: media.caption,
        group: slide.group.clone(),
        display_date,
        unique_id: slide.unique_id.clone(),
    }
}

/// Parses a TimelineJS JSON file.
pub fn parse_json(text: &str, out: &mut FileOutput) {
    let index = LineIndex::new(text);
    let timeline: TlTimeline = match serde_json::from_str(text) {
        Ok(timeline) => timeline,
        Err(error) => {
            let (line, column) = error_position(&error, &index, 0);
            let message = format!("{}; no event of this file was loaded", json_message(&error));
            out.error(line, Some(column), message);
            return;
        }
    };
    let offset_of = |raw: &RawValue| raw.get().as_ptr() as usize - text.as_ptr() as usize;
    let read_slide = |raw: &RawValue, out: &mut FileOutput| -> Option<(SlideParts, u64)> {
        let offset = offset_of(raw);
        let line = index.line_column(offset).0;
        match serde_json::from_str::<TlSlide>(raw.get()) {
            Ok(slide) => Some((slide_parts(&slide), line)),
            Err(error) => {
                let (line, column) = error_position(&error, &index, offset);
                out.error(
                    line,
                    Some(column),
                    format!("{}; this slide was skipped", json_message(&error)),
                );
                None
            }
        }
    };
    if let Some(title) = timeline.title
        && let Some((parts, _)) = read_slide(title, out)
    {
        let headline = fragment_to_text(&parts.headline);
        if !headline.is_empty() {
            out.title(headline);
        }
    }
    for raw in timeline.eras {
        if let Some((parts, line)) = read_slide(raw, out) {
            era_of(&parts, line, out);
        }
    }
    for (position, raw) in timeline.events.into_iter().enumerate() {
        if let Some((parts, line)) = read_slide(raw, out)
            && let Some(event) = slide_event(&parts, position + 1, line, out)
        {
            out.push(&event, line);
        }
    }
}

/// The columns of the TimelineJS Google Sheets template.
const SHEET_COLUMNS: [&str; 18] = [
    "year",
    "month",
    "day",
    "time",
    "end year",
    "end month",
    "end day",
    "end time",
    "display date",
    "headline",
    "text",
    "media",
    "media credit",
    "media caption",
    "media thumbnail",
    "type",
    "group",
    "background",
];

/// Parses the TimelineJS Google Sheets template, saved as CSV.
pub fn parse_sheet(text: &str, out: &mut FileOutput) {
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect(),
        Err(error) => {
            out.error(1, None, format!("the header row cannot be read: {error}"));
            return;
        }
    };
    let column = |name: &str| header.iter().position(|h| h == name);
    for (i, name) in header.iter().enumerate() {
        if !name.is_empty() && !SHEET_COLUMNS.contains(&name.as_str()) {
            out.warning(
                1,
                Some(i as u64 + 1),
                format!("unknown column '{name}' was ignored"),
            );
        }
    }
    let mut record = ::csv::StringRecord::new();
    let mut position = 0;
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let line = error.position().map_or(line, |p| p.line());
                out.error(
                    line,
                    None,
                    format!("this row cannot be read ({error}); the rest of the file was skipped"),
                );
                break;
            }
        }
        let line = record.position().map_or(line, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| {
            column(name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let parts = SlideParts {
            start: DateParts {
                year: cell("year"),
                month: cell("month"),
                day: cell("day"),
            },
            end: DateParts {
                year: cell("end year"),
                month: cell("end month"),
                day: cell("end day"),
            },
            headline: cell("headline").unwrap_or_default(),
            text: cell("text").unwrap_or_default(),
            media_url: cell("media"),
            media_credit: cell("media credit"),
            media_caption: cell("media caption"),
            group: cell("group"),
            display_date: cell("display date"),
            unique_id: None,
        };
        match cell("type").map(|t| t.to_ascii_lowercase()).as_deref() {
            Some("title") => {
                let headline = fragment_to_text(&parts.headline);
                if !headline.is_empty() {
                    out.title(headline);
                }
            }
            Some("era") => era_of(&parts, line, out),
            _ => {
                position += 1;
                if let Some(event) = slide_event(&parts, position, line, out) {
                    out.push(&event, line);
                }
            }
        }
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
