//! The older TimelineJS 2 JSON: `{"timeline": {"headline", "startDate", "date": [{"startDate":
//! "2011,12,10", "endDate", "headline", "text", "tag", "asset": {"media", "credit"}}], "era":
//! […]}}`. Dates are numbers joined by commas ("1950,10,18", "1952,09"), dots ("1942.1") or
//! full-width commas; a two-digit year takes the century of the timeline's own start, else
//! Excel's rule, and says so. Keys written twice count the last time, as browsers read them.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::{DateParts, SlideParts, era_of, slide_event};
use crate::load::FileOutput;
use crate::load::json::position::{LineIndex, error_position, json_message};
use crate::text::html::fragment_to_text;

type Object<'a> = BTreeMap<String, &'a RawValue>;

/// Reads a TimelineJS 2 file.
pub fn parse_v2(text: &str, out: &mut FileOutput) {
    let index = LineIndex::new(text);
    let fail = |error: serde_json::Error, out: &mut FileOutput| {
        let (line, column) = error_position(&error, &index, 0);
        out.error(
            line,
            Some(column),
            format!("{}; no event of this file was loaded", json_message(&error)),
        );
    };
    let root: Object = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(error) => return fail(error, out),
    };
    let Some(timeline) = root.get("timeline") else {
        out.error(
            1,
            None,
            "a TimelineJS 2 file holds its events under \"timeline\", which this file lacks",
        );
        return;
    };
    let timeline: Map<String, Value> = match serde_json::from_str(timeline.get()) {
        Ok(timeline) => timeline,
        Err(error) => return fail(error, out),
    };
    let own_year = timeline
        .get("startDate")
        .and_then(Value::as_str)
        .and_then(four_digit_year);
    let headline = text_of(timeline.get("headline"));
    if !headline.is_empty() {
        out.title(headline);
    }
    let mut reader = SlideReader {
        own_year,
        widened: None,
    };
    let timeline_raw: Object = serde_json::from_str(root["timeline"].get()).unwrap_or_default();
    let items = |key: &str| -> Vec<&RawValue> {
        timeline_raw
            .get(key)
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .unwrap_or_default()
    };
    for (position, raw) in items("date").into_iter().enumerate() {
        let line = index.line(crate::load::json::offset_in(text, raw.get()));
        let Some(parts) = reader.slide(raw, line, out) else {
            continue;
        };
        if let Some(event) = slide_event(&parts, position + 1, line, out) {
            out.push(&event, line);
        }
    }
    for raw in items("era") {
        let line = index.line(crate::load::json::offset_in(text, raw.get()));
        // The template's own era, left in: no headline.
        if let Some(parts) = reader
            .slide(raw, line, out)
            .filter(|p| !p.headline.trim().is_empty())
        {
            era_of(&parts, line, out);
        }
    }
    if let Some((rows, line)) = reader.widened {
        out.warning(line, None, format!(
            "{rows} dates write their year with two digits; they were read as {}, the century of the timeline's start or else Excel's rule (00–29 as 2000–2029)",
            if own_year.is_some() { "in the timeline's century" } else { "by Excel's rule" }
        ));
    }
}

/// Reads slides, counting the two-digit years it widened.
struct SlideReader {
    own_year: Option<i64>,
    /// (dates, first line).
    widened: Option<(usize, u64)>,
}

impl SlideReader {
    fn slide(&mut self, raw: &RawValue, line: u64, out: &mut FileOutput) -> Option<SlideParts> {
        let Ok(item) = serde_json::from_str::<Map<String, Value>>(raw.get()) else {
            out.warning(
                line,
                None,
                "this item is not an object of keys and values; it was skipped",
            );
            return None;
        };
        let start = self.date(item.get("startDate"), line);
        let mut end = self.date(item.get("endDate"), line);
        if end.year == start.year && end.month == start.month && end.day == start.day {
            end = DateParts::default();
        }
        let headline_html = item
            .get("headline")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let asset = item.get("asset").and_then(Value::as_object);
        let asset_text = |key: &str| {
            asset
                .and_then(|a| a.get(key))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        Some(SlideParts {
            start,
            end,
            headline: fragment_to_text(headline_html),
            text: item
                .get("text")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            media_url: href(headline_html)
                .or_else(|| asset_text("media").filter(|m| m.starts_with("http"))),
            media_credit: asset_text("credit"),
            media_caption: asset_text("caption"),
            group: item
                .get("tag")
                .and_then(Value::as_str)
                .map(str::to_owned)
                .filter(|t| !t.is_empty()),
            display_date: None,
            unique_id: None,
        })
    }

    /// "1950,10,18", "1952,09", "1942.1", "1938,7，25", "13,3,12" as parts.
    fn date(&mut self, value: Option<&Value>, line: u64) -> DateParts {
        let written = match value {
            Some(Value::String(text)) => text.replace('，', ","),
            Some(Value::Number(number)) => number.to_string(),
            _ => String::new(),
        };
        let mut numbers = written
            .split([',', '.', '/', '-'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        let mut year = numbers.next();
        if let Some(two) = year
            .as_deref()
            .filter(|y| y.len() <= 2 && y.bytes().all(|b| b.is_ascii_digit()))
        {
            let two: i64 = two.parse().unwrap_or(0);
            let century = self
                .own_year
                .map_or(if two <= 29 { 2000 } else { 1900 }, |own| {
                    own - own.rem_euclid(100)
                });
            year = Some((century + two).to_string());
            let widened = self.widened.get_or_insert((0, line));
            widened.0 += 1;
        }
        DateParts {
            year,
            month: numbers.next(),
            day: numbers.next(),
        }
    }
}

fn four_digit_year(text: &str) -> Option<i64> {
    let year = text.split([',', '.', '/', '-']).next()?.trim();
    (year.len() == 4).then(|| year.parse().ok()).flatten()
}

fn text_of(value: Option<&Value>) -> String {
    value
        .and_then(Value::as_str)
        .map(fragment_to_text)
        .unwrap_or_default()
}

/// The link of `<a href="…">`, if the headline is one.
fn href(html: &str) -> Option<String> {
    let start = html.find("href=")? + "href=".len();
    let rest = &html[start..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[1..];
    Some(rest[..rest.find(quote)?].to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(text: &str) -> Vec<(String, Option<String>, String)> {
        let mut out = FileOutput::new("tl.json".to_owned());
        parse_v2(text, &mut out);
        out.to_vec()
            .into_iter()
            .map(|(e, _)| (e.start.to_string(), e.end.map(|d| d.to_string()), e.title))
            .collect()
    }

    #[test]
    fn timelinejs_2_dates_and_headlines() {
        let text = r#"{"timeline": {"headline": "ZJU", "type": "default", "text": "a", "text": "b",
            "startDate": "2013,3,4",
            "date": [
                {"startDate": "1897,5", "endDate": "", "headline": "Founded"},
                {"startDate": "1938,7，25", "endDate": "1938,7，25", "headline": "<a href=\"https://x.cn\">Moved</a>"},
                {"startDate": "1942.1", "headline": "Zunyi"},
                {"startDate": "13,3,12", "headline": "Two digits", "tag": "news"}
            ],
            "era": [{"startDate": "2011,12,10", "endDate": "2011,12,11", "headline": "", "tag": "optional"}]
        }}"#;
        assert_eq!(
            events(text),
            [
                ("1897-05".into(), None, "Founded".into()),
                ("1938-07-25".into(), None, "Moved".into()),
                ("1942-01".into(), None, "Zunyi".into()),
                ("2013-03-12".into(), None, "Two digits".into()),
            ]
        );
    }
}
