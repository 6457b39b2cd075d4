//! The native JSON format: `{"events": [...]}` or a bare array of events.
//!
//! The file is first split into one raw slice per event, so that one broken event does not
//! stop the rest, and each problem can name the line it is on.

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::raw::{Locate, MAX_EVENT_BYTES, RawEvent, validate};
use super::{FileOutput, Format};

/// Byte offsets of line starts, to turn an offset into a line and column.
pub(super) struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        Self { text, line_starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub(super) fn line_column(&self, offset: usize) -> (u64, u64) {
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1);
        let line_start = self.line_starts[line - 1];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line as u64, column as u64)
    }
}

/// Locates fields inside one event's slice of the file.
struct JsonLocator<'a> {
    index: &'a LineIndex<'a>,
    event_offset: usize,
    event_text: &'a str,
}

impl Locate for JsonLocator<'_> {
    fn locate(&self, field: &str) -> (u64, Option<u64>) {
        let key = format!("\"{field}\"");
        let field_offset = self
            .event_text
            .match_indices(&key)
            .map(|(i, _)| i)
            .find(|&i| {
                self.event_text[i + key.len()..]
                    .trim_start()
                    .starts_with(':')
            })
            .unwrap_or(0);
        let (line, column) = self.index.line_column(self.event_offset + field_offset);
        (line, Some(column))
    }
}

#[derive(Deserialize)]
struct Wrapped<'a> {
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
}

/// A serde_json message without its " at line N column M" tail, which we report apart.
pub(super) fn json_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let text = text.split(" at line ").next().unwrap_or(&text).to_owned();
    match error.classify() {
        serde_json::error::Category::Eof => {
            format!("the file ends too early; is it cut off? ({text})")
        }
        serde_json::error::Category::Syntax => format!("this is not valid JSON: {text}"),
        _ => plain_words(&text),
    }
}

/// serde's "invalid type: integer `5`, expected a string" in words for people who do not
/// program: "wrong kind of value: the number `5` where text in quotes belongs".
fn plain_words(message: &str) -> String {
    let Some(rest) = message.strip_prefix("invalid type: ") else {
        return message.to_owned();
    };
    let Some((found, expected)) = rest.split_once(", expected ") else {
        return message.to_owned();
    };
    // "integer `5`", "floating point `2.5`", "a string", "map", "boolean `true`", ...
    let name = |kind: &str| -> String {
        let kind = kind
            .strip_prefix("a ")
            .or_else(|| kind.strip_prefix("an "))
            .unwrap_or(kind);
        let kind = kind
            .replace("floating point", "number")
            .replace("integer", "number");
        let (word, value) = kind.split_once(' ').unwrap_or((&kind, ""));
        let noun = match word {
            "string" if value.is_empty() => "text in quotes",
            "string" => "the text",
            "sequence" => "a list [...]",
            "map" | "struct" => "an object {...}",
            "number" | "u64" | "f64" => "the number",
            "boolean" => "the value",
            other => other,
        };
        if value.is_empty() {
            noun.to_owned()
        } else {
            format!("{noun} {value}")
        }
    };
    format!(
        "wrong kind of value: {} where {} belongs",
        name(found),
        name(expected)
    )
}

pub(super) fn error_position(
    error: &serde_json::Error,
    index: &LineIndex,
    base_offset: usize,
) -> (u64, u64) {
    let (base_line, base_column) = index.line_column(base_offset);
    // serde_json says column 0 at the very end of a line; editors count from 1.
    let (line, column) = (error.line() as u64, (error.column() as u64).max(1));
    if line <= 1 {
        (base_line, base_column + column.saturating_sub(1))
    } else {
        (base_line + line - 1, column)
    }
}

/// Parses a JSON file: TimelineJS or the app's own format, as detected.
pub fn parse_json_file(text: &str, out: &mut FileOutput) {
    if out.format == Some(Format::TimelineJsJson) {
        super::timelinejs::parse_json(text, out);
    } else {
        parse_native(text, out);
    }
}

/// Parses one file in the app's JSON format, pushing its events and its problems.
fn parse_native(text: &str, out: &mut FileOutput) {
    let index = LineIndex::new(text);
    let first = text.trim_start().chars().next();
    let parsed = match first {
        Some('[') => serde_json::from_str::<Vec<&RawValue>>(text),
        Some('{') => serde_json::from_str::<Wrapped>(text).map(|w| w.events),
        _ => {
            let message = "this is not an events file: it must hold {\"events\": [...]} or a list [...] of events";
            out.error(1, Some(1), message);
            return;
        }
    };
    let raw_events = match parsed {
        Ok(raw_events) => raw_events,
        Err(error) => {
            let (line, column) = error_position(&error, &index, 0);
            let message = format!("{}; no event of this file was loaded", json_message(&error));
            out.error(line, Some(column), message);
            return;
        }
    };

    // A big file's events are read on every core, a part each, and put back in order.
    if raw_events.len() <= EVENTS_PER_PART {
        for raw in raw_events {
            parse_event(raw, &index, out);
        }
        return;
    }
    let template = out.fork();
    let parts: Vec<FileOutput> = raw_events
        .par_chunks(EVENTS_PER_PART)
        .map(|chunk| {
            let mut part = template.fork();
            for raw in chunk {
                parse_event(raw, &index, &mut part);
            }
            part
        })
        .collect();
    for part in parts {
        out.append(part);
    }
}

/// Events read in one go on one thread; more go to other threads.
const EVENTS_PER_PART: usize = 8192;

/// Reads one event of the file, `raw` being its slice of the text `index` was made of.
fn parse_event(raw: &RawValue, index: &LineIndex, out: &mut FileOutput) {
    let event_text = raw.get();
    let event_offset = event_text.as_ptr() as usize - index.text.as_ptr() as usize;
    let locator = JsonLocator {
        index,
        event_offset,
        event_text,
    };
    if event_text.len() > MAX_EVENT_BYTES {
        let (line, column) = index.line_column(event_offset);
        let message = format!(
            "this event is {} bytes long, more than the limit of {MAX_EVENT_BYTES}; it was skipped",
            event_text.len()
        );
        out.error(line, Some(column), message);
        return;
    }
    // serde would also read a list as an event, field by field; say what is wrong instead.
    if !event_text.starts_with('{') {
        let (line, column) = index.line_column(event_offset);
        let message =
            "an event must be an object { ... }, not a list, text or number; it was skipped";
        out.error(line, Some(column), message);
        return;
    }
    let mut ignored_fields = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_str(event_text);
    let parsed: Result<RawEvent, _> = serde_ignored::deserialize(&mut deserializer, |path| {
        ignored_fields.push(path.to_string())
    });
    match parsed {
        Ok(raw_event) => {
            for field in ignored_fields {
                let top_field = field.split('.').next().unwrap_or(&field);
                let (line, column) = locator.locate(top_field);
                let message = format!("unknown field '{field}' was ignored");
                out.warning(line, column, message);
            }
            let line = index.line_column(event_offset).0;
            if let Some(event) = validate(raw_event, &locator, line, out) {
                out.push(&event, line);
            }
        }
        Err(error) => {
            let (line, column) = error_position(&error, index, event_offset);
            let message = format!("{}; this event was skipped", json_message(&error));
            out.error(line, Some(column), message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Vec<(crate::model::Event, u64)>, Vec<crate::model::Problem>) {
        let mut out = FileOutput::new("t.json".to_owned());
        parse_native(text, &mut out);
        (out.to_vec(), out.problems)
    }

    #[test]
    fn line_index_counts_characters() {
        let index = LineIndex::new("ab\n龚茜x\n");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(3), (2, 1));
        assert_eq!(index.line_column(9), (2, 3));
    }

    #[test]
    fn a_bad_event_does_not_stop_the_others() {
        let text = r#"{"events": [
  {"id": "a", "title": "A", "start": "2021", "category": "forum", "sources": [{"file": "x", "quote": "q"}]},
  {"id": "b", "title": "B",
   "start": "2022-02-30", "category": "forum"},
  {"id": "c", "title": 5, "start": "2021", "category": "forum"}
]}"#;
        let (events, problems) = parse(text);
        assert_eq!(events.len(), 1);
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert_eq!(problems[0].line, 4);
        assert_eq!(problems[0].column, Some(4));
        assert_eq!(
            problems[0].message,
            "start 2022-02-30 is not a real date; event 'b' skipped"
        );
        assert_eq!(problems[1].line, 5);
        assert_eq!(problems[1].column, Some(24));
        assert_eq!(
            problems[1].message,
            "wrong kind of value: the number `5` where text in quotes belongs; this event was skipped"
        );
    }

    #[test]
    fn unknown_fields_are_warned_about() {
        let text = r#"[{"id": "a", "titel": "A", "title": "A", "start": "2021", "category": "forum", "sources": [{"file": "x", "quote": "q"}]}]"#;
        let (events, problems) = parse(text);
        assert_eq!(events.len(), 1);
        assert_eq!(problems[0].message, "unknown field 'titel' was ignored");
    }
}
