//! The TimelineJS3 JSON format: `title`, `events` and `eras`, each a slide with
//! `start_date`, `end_date`, `text`, `media` and `group`.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{DateParts, SlideParts, era_of, slide_event};
use crate::load::FileOutput;
use crate::load::json::position::{LineIndex, error_position, json_message};
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
