//! The native JSON format: `{"events": [...]}` or a bare array of events.
//!
//! The file is first split into one raw slice per event, so that one broken event does not
//! stop the rest, and each problem can name the line it is on.

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::value::RawValue;

pub mod list;
pub(in crate::load) mod position;

use self::position::{LineIndex, error_position, json_message};
use super::FileOutput;
use super::raw::{Locate, MAX_EVENT_BYTES, RawEvent, RawField, strict};
use super::validate::validate;

/// Locates fields inside one event's slice of the file.
struct JsonLocator<'a> {
    index: &'a LineIndex<'a>,
    event_offset: usize,
    event_text: &'a str,
}

impl JsonLocator<'_> {
    /// Where the key `name` is written in the event.
    fn key(&self, name: &str) -> (u64, Option<u64>) {
        let key = format!("\"{name}\"");
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

impl Locate for JsonLocator<'_> {
    fn locate(&self, field: RawField) -> (u64, Option<u64>) {
        self.key(field.key())
    }
}

#[derive(Deserialize)]
struct Wrapped<'a> {
    #[serde(borrow)]
    events: Vec<&'a RawValue>,
}

/// Parses one file in the app's JSON format, pushing its events and its problems.
pub fn parse_native(text: &str, out: &mut FileOutput) {
    parse_native_in_parts(text, out, PART_BYTES);
}

/// A big file is cut into parts of about this size, read on every core.
const PART_BYTES: usize = 4 << 20;

fn parse_native_in_parts(text: &str, out: &mut FileOutput, part_bytes: usize) {
    let index = LineIndex::new(text);
    match parse_list_in_parts(text, &index, out, part_bytes) {
        Some(parts) => out.append_all(parts),
        // Not the plain shape, or not valid JSON: read whole, which says what is wrong.
        None => parse_whole(text, &index, out),
    }
}

/// Whether reading `text` in parts of `part_bytes` gives exactly the events, lines and
/// problems that reading it whole gives: the check of the fuzz target and the tests.
#[doc(hidden)]
pub fn parts_read_as_whole(text: &str, part_bytes: usize) -> bool {
    let mut in_parts = FileOutput::new("t.json".to_owned());
    parse_native_in_parts(text, &mut in_parts, part_bytes);
    let mut whole = FileOutput::new("t.json".to_owned());
    parse_whole(text, &LineIndex::new(text), &mut whole);
    (in_parts.store, in_parts.lines, in_parts.problems)
        == (whole.store, whole.lines, whole.problems)
}

/// Reads the list of events part by part, all parts at once, without reading the file
/// through first.
///
/// Each part after the first starts where its text looks like the next event starts. That
/// guess is checked: the part before must end exactly there. A part whose start was wrong is
/// read again from where the part before really ended, so the result is always that of
/// reading in order. `None` when the file is not a plain list of events (or
/// `{"events": [...]}`) in valid JSON; the caller then reads it whole.
fn parse_list_in_parts(
    text: &str,
    index: &LineIndex,
    out: &FileOutput,
    part_bytes: usize,
) -> Option<Vec<FileOutput>> {
    let (first_event, wrapped) = list_start(text)?;
    if text.as_bytes().get(first_event) != Some(&b'{') {
        return None;
    }
    let separator = Separator::before(text, first_event);
    let mut starts = vec![first_event];
    let mut boundary = first_event + part_bytes;
    while boundary < text.len() {
        if let Some(start) = separator.next_event_start(text, boundary, boundary + part_bytes) {
            starts.push(start);
        }
        boundary += part_bytes;
    }
    let limit = |part: usize| starts.get(part + 1).copied().unwrap_or(usize::MAX);
    let read = |start: usize, limit: usize| {
        let mut part = out.fork();
        let end = read_events(text, start, limit, index, &mut part);
        (part, end)
    };
    let mut speculated: Vec<Option<(FileOutput, ListEnd)>> = (0..starts.len())
        .into_par_iter()
        .map(|part| Some(read(starts[part], limit(part))))
        .collect();

    let mut parts = Vec::with_capacity(starts.len());
    let mut next = first_event;
    for (part, &start) in starts.iter().enumerate() {
        // The part before ends at or past this one's start; past it when the guess was
        // inside an event.
        let (output, end) = if start == next {
            speculated[part].take()?
        } else if next < limit(part) {
            read(next, limit(part))
        } else {
            continue;
        };
        parts.push(output);
        match end {
            ListEnd::Next(at) => next = at,
            ListEnd::Closed(after) => {
                return only_space_after(text, after, wrapped).then_some(parts);
            }
            ListEnd::Broken => return None,
        }
    }
    None
}

/// Where the first event of a plain list is, and whether the list is wrapped in
/// `{"events": ...}`; `None` for other shapes.
fn list_start(text: &str) -> Option<(usize, bool)> {
    let rest = skip_space(text);
    let (rest, wrapped) = match rest.strip_prefix('[') {
        Some(rest) => (rest, false),
        None => {
            let rest = skip_space(rest.strip_prefix('{')?);
            let rest = skip_space(rest.strip_prefix("\"events\"")?);
            let rest = skip_space(rest.strip_prefix(':')?);
            (rest.strip_prefix('[')?, true)
        }
    };
    let first = skip_space(rest);
    Some((text.len() - first.len(), wrapped))
}

/// True when nothing but white space (and the wrapper's closing brace) follows the list.
fn only_space_after(text: &str, after: usize, wrapped: bool) -> bool {
    let rest = skip_space(text.get(after..).unwrap_or_default());
    let rest = if wrapped {
        match rest.strip_prefix('}') {
            Some(rest) => skip_space(rest),
            None => return false,
        }
    } else {
        rest
    };
    rest.is_empty()
}

/// White space as JSON has it: space, tab, line feed and carriage return, nothing else.
fn is_json_space(byte: &u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

fn skip_space(text: &str) -> &str {
    text.trim_start_matches([' ', '\t', '\n', '\r'])
}

/// How the file's events are set apart, learned from the space before its first one: on
/// lines of their own with a given indent, or one after the other on a line.
struct Separator<'a> {
    /// The indent of an event's first line, when events start lines.
    indent: Option<&'a [u8]>,
}

impl<'a> Separator<'a> {
    fn before(text: &'a str, first_event: usize) -> Self {
        let space = &text.as_bytes()[..first_event];
        let indent = memchr::memrchr(b'\n', space).map(|newline| &space[newline + 1..]);
        Self { indent }
    }

    /// The first place at or after `from` (and before `until`) that looks like the start of
    /// an event: `}`, a comma, then `{` with the file's own spacing between them.
    fn next_event_start(&self, text: &str, from: usize, until: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let until = until.min(bytes.len());
        let mut at = from;
        while at < until {
            let comma = at + memchr::memchr(b',', bytes.get(at..until)?)?;
            at = comma + 1;
            let before = bytes[..comma].iter().rev().find(|b| !is_json_space(b));
            if before != Some(&b'}') {
                continue;
            }
            let space_len = (bytes[comma + 1..].iter())
                .take_while(|b| is_json_space(b))
                .count();
            let start = comma + 1 + space_len;
            if bytes.get(start) != Some(&b'{') {
                continue;
            }
            let space = &bytes[comma + 1..start];
            let spaced_alike = match (self.indent, memchr::memrchr(b'\n', space)) {
                (Some(indent), Some(newline)) => &space[newline + 1..] == indent,
                (None, None) => true,
                _ => false,
            };
            if spaced_alike {
                return Some(start);
            }
        }
        None
    }
}

/// Where a run of events stopped.
enum ListEnd {
    /// At the start of the next event, at or past the limit it was given.
    Next(usize),
    /// The list closed; the offset is just after its `]`.
    Closed(usize),
    /// The text is not valid JSON there.
    Broken,
}

/// Reads events from `start`, one after the other, until the next one would start at or
/// past `limit`.
fn read_events(
    text: &str,
    start: usize,
    limit: usize,
    index: &LineIndex,
    out: &mut FileOutput,
) -> ListEnd {
    let bytes = text.as_bytes();
    let after_space = |at: usize| {
        let rest = text.get(at..).unwrap_or_default();
        at + rest.len() - skip_space(rest).len()
    };
    let mut at = start;
    while at < limit {
        let Some(end) = read_event_at(text, at, index, out) else {
            return ListEnd::Broken;
        };
        let after = after_space(end);
        match bytes.get(after) {
            Some(b',') => at = after_space(after + 1),
            Some(b']') => return ListEnd::Closed(after + 1),
            _ => return ListEnd::Broken,
        }
    }
    ListEnd::Next(at)
}

/// An event read as the file writes it, with the fields that were not understood.
struct Understood<'a> {
    event: RawEvent<'a>,
    ignored_fields: Vec<String>,
}

impl<'a> Understood<'a> {
    /// The first event of `text`, and where its text ends; `None` when there is no value.
    /// Read strictly first, and leniently, with the ignored fields named, when that fails
    /// (see [`strict::RawEvent`]): errors are then told as they always were.
    fn read_first(text: &'a str) -> Option<(Result<Self, serde_json::Error>, usize)> {
        fn first<'a, T: Deserialize<'a>>(
            text: &'a str,
        ) -> Option<(Result<T, serde_json::Error>, usize)> {
            let mut values = serde_json::Deserializer::from_str(text).into_iter::<T>();
            let value = values.next()?;
            Some((value, values.byte_offset()))
        }
        match first::<strict::RawEvent>(text) {
            Some((Ok(event), end)) => {
                let understood = Understood {
                    event: event.into(),
                    ignored_fields: Vec::new(),
                };
                Some((Ok(understood), end))
            }
            _ => first::<Understood>(text),
        }
    }
}

impl<'de> Deserialize<'de> for Understood<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut ignored_fields = Vec::new();
        let event =
            serde_ignored::deserialize(deserializer, |path| ignored_fields.push(path.to_string()))?;
        Ok(Self {
            event,
            ignored_fields,
        })
    }
}

/// Reads the event at `offset` and returns where its text ends, or `None` when the text
/// there is not valid JSON.
fn read_event_at(
    text: &str,
    offset: usize,
    index: &LineIndex,
    out: &mut FileOutput,
) -> Option<usize> {
    let rest = text.get(offset..)?;
    if rest.starts_with('{')
        && let Some((Ok(understood), length)) = Understood::read_first(rest)
        && length <= MAX_EVENT_BYTES
    {
        let end = offset + length;
        accept_event(understood, &text[offset..end], index, out);
        return Some(end);
    }
    // Not an event, or not a good one: found whole, then checked as when the file is read
    // whole, so that the problem is told the same way.
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<&RawValue>();
    let raw = values.next()?.ok()?;
    parse_event(raw, index, out);
    Some(offset + values.byte_offset())
}

/// Reads the file in one go: for shapes other than a plain list, and to say what is wrong
/// with a file that is not valid JSON.
fn parse_whole(text: &str, index: &LineIndex, out: &mut FileOutput) {
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
    match parsed {
        Ok(raw_events) => raw_events
            .into_iter()
            .for_each(|raw| parse_event(raw, index, out)),
        Err(error) => {
            let (line, column) = error_position(&error, index, 0);
            let message = format!("{}; no event of this file was loaded", json_message(&error));
            out.error(line, Some(column), message);
        }
    }
}

/// Reads one event of the file, `raw` being its slice of the text `index` was made of.
fn parse_event(raw: &RawValue, index: &LineIndex, out: &mut FileOutput) {
    let event_text = raw.get();
    let event_offset = offset_in(index.text, event_text);
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
    // The raw value is exactly the event's text, so nothing follows it.
    let understood = Understood::read_first(event_text).map_or_else(
        || serde_json::from_str(event_text),
        |(understood, _)| understood,
    );
    match understood {
        Ok(understood) => accept_event(understood, event_text, index, out),
        Err(error) => {
            let (line, column) = error_position(&error, index, event_offset);
            let message = format!("{}; this event was skipped", json_message(&error));
            out.error(line, Some(column), message);
        }
    }
}

/// Where `part` (a slice of `text`) starts in it.
pub(in crate::load) fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// Validates an event read from `event_text`, a slice of the text `index` was made of.
fn accept_event(understood: Understood, event_text: &str, index: &LineIndex, out: &mut FileOutput) {
    let event_offset = offset_in(index.text, event_text);
    let locator = JsonLocator {
        index,
        event_offset,
        event_text,
    };
    for field in understood.ignored_fields {
        let top_field = field.split('.').next().unwrap_or(&field);
        let (line, column) = locator.key(top_field);
        let message = format!("unknown field '{field}' was ignored");
        out.warning(line, column, message);
    }
    let line = index.line(event_offset);
    if let Some(event) = validate(understood.event, &locator, line, out) {
        out.push(&event, line);
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

    fn event_json(i: usize, title: &str) -> String {
        format!(
            r#"{{"id": "e{i}", "title": "{title}", "start": "20{:02}", "category": "forum", "participants": [{{"country": "CN", "count": 3}}, {{"country": "JP", "count": 2}}]}}"#,
            i % 100
        )
    }

    #[test]
    fn a_file_read_in_parts_gives_what_reading_it_whole_gives() {
        let events: Vec<String> = (0..40)
            .map(|i| match i {
                // Text that looks like the gap between two events, at the events' own indent.
                7 => event_json(i, "a},{b"),
                11 => event_json(i, "}, {"),
                // Problems: a wrong kind of value, a missing title, an unknown field, a list.
                13 => r#"{"id": "bad", "title": 5, "start": "2020", "category": "forum"}"#.into(),
                17 => r#"{"id": "untitled", "start": "2020", "category": "forum"}"#.into(),
                19 => r#"{"id": "x", "title": "X", "start": "2020", "category": "forum", "titel": "X"}"#.into(),
                23 => "[1, 2]".into(),
                _ => event_json(i, "T"),
            })
            .collect();
        let files = [
            format!("{{\"events\": [\n{}\n]}}\n", events.join(",\n")),
            format!("[\n  {}\n]", events.join(",\n  ")),
            format!("[{}]", events.join(",")),
            // Nested objects on lines of their own, at the events' indent.
            format!(
                "[\n{}\n]",
                events
                    .join(",\n")
                    .replace("}, {\"country\"", "},\n{\"country\"")
            ),
            // Pretty-printed, nested objects on lines of their own.
            serde_json::to_string_pretty(&serde_json::json!({
                "events": events
                    .iter()
                    .map(|e| serde_json::from_str::<serde_json::Value>(e).unwrap())
                    .collect::<Vec<_>>()
            }))
            .unwrap(),
            // Shapes read whole: other keys, text after the list, broken JSON, no events.
            format!("{{\"title\": \"t\", \"events\": [{}]}}", events.join(",")),
            format!("{{\"events\": [{}], \"title\": \"t\"}}", events.join(",")),
            format!("[{}] x", events.join(",")),
            format!("[{}, {{\"id\": ]", events.join(",")),
            "[]".into(),
            // Only JSON's own white space: not a form feed, not a no-break space.
            format!("[{}\u{c}]", events.join(",")),
            format!("\u{a0}[{}]", events.join(",")),
            "{\"events\": []}".into(),
        ];
        for text in &files {
            for part_bytes in [1, 7, 50, 101, 400, 1 << 20] {
                assert!(
                    parts_read_as_whole(text, part_bytes),
                    "{part_bytes}: {text}"
                );
            }
        }
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

    #[test]
    fn unknown_fields_inside_lists_are_named_with_their_place() {
        let event = |id: &str, participant: &str| {
            format!(
                r#"{{"id": "{id}", "title": "A", "start": "2021", "category": "forum", "countries": ["JPN", "KOR"],
                "participants": [{{"country": "JPN", "count": 3, "unit": "people"}}, {participant}],
                "sources": [{{"file": "x", "quote": "q"}}]}}"#
            )
        };
        let known = event("a", r#"{"country": "KOR", "count": 2, "unit": "people"}"#);
        let unknown = event(
            "b",
            r#"{"country": "KOR", "count": 1, "unit": "people", "cuont": 2}"#,
        );
        let (events, problems) = parse(&format!("[{known}, {unknown}]"));
        assert_eq!(events.len(), 2, "{problems:#?}");
        assert_eq!(events[0].0.participants.len(), 2);
        assert_eq!(events[0].0.participants[1].count, 2);
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            ["unknown field 'participants.1.cuont' was ignored"],
            "{problems:#?}"
        );
    }
}
