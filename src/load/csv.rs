//! The spreadsheet format: one event per row, list fields separated by `;`.

use super::FileOutput;
use super::raw::{
    Locate, MAX_EVENT_BYTES, RawEvent, RawParticipant, RawPerson, RawSource, Text, validate,
};
use crate::model::participants::{participant_items, split_list};

/// The columns, in the order we write them.
pub const CSV_COLUMNS: [&str; 15] = [
    "id",
    "title",
    "start",
    "end",
    "category",
    "series",
    "location",
    "countries",
    "organizers",
    "participants",
    "summary",
    "source_file",
    "source_url",
    "quote",
    "tags",
];

/// Columns we read beyond [`CSV_COLUMNS`]: whether the date was worked out, the date as the
/// source writes it, and JSON lists for what a spreadsheet cell cannot hold: every person,
/// and every source when there are several (they then replace `source_file`, `source_url`
/// and `quote`).
pub const CSV_EXTRA_COLUMNS: [&str; 4] = ["date_inferred", "display_date", "people", "sources"];

/// Columns without which a row cannot be an event.
const REQUIRED_COLUMNS: [&str; 4] = ["id", "title", "start", "category"];

/// Where a row is: every field of it is reported at the row's line, with the column number.
struct RowLocator<'a> {
    line: u64,
    columns: &'a [String],
}

impl Locate for RowLocator<'_> {
    fn locate(&self, field: &str) -> (u64, Option<u64>) {
        let column = self
            .columns
            .iter()
            .position(|c| c == field)
            .map(|i| i as u64 + 1);
        (self.line, column)
    }
}

/// Reads `CHN 12 universities; JPN 9 universities; total 10700 online attendees`.
fn parse_participants(text: &str) -> Result<Vec<RawParticipant<'static>>, String> {
    Ok(participant_items(text)?
        .into_iter()
        .map(|item| RawParticipant {
            country: item.country.map(Text::from),
            count: Some(item.count),
            unit: Some(Text::from(item.unit)),
        })
        .collect())
}

fn parse_bool(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" => Some(false),
        "true" | "yes" | "1" => Some(true),
        _ => None,
    }
}

/// A column holding a JSON list, read straight into raw records borrowing from its text.
fn json_column<'t, T: serde::Deserialize<'t>>(
    text: &'t Option<String>,
) -> Result<Option<Vec<T>>, serde_json::Error> {
    text.as_deref().map(serde_json::from_str).transpose()
}

/// Parses one CSV file, pushing its events and its problems.
pub fn parse_csv(text: &str, out: &mut FileOutput) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let columns: Vec<String> = match reader.headers() {
        Ok(headers) => headers
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect(),
        Err(error) => {
            out.error(1, None, format!("the header row cannot be read: {error}"));
            return;
        }
    };
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .into_iter()
        .filter(|c| !columns.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        let message = format!(
            "the header row lacks the column(s) {}; it must name: {}",
            missing.join(", "),
            CSV_COLUMNS.join(",")
        );
        out.error(1, None, message);
        return;
    }
    for (i, column) in columns.iter().enumerate() {
        if !CSV_COLUMNS.contains(&column.as_str()) && !CSV_EXTRA_COLUMNS.contains(&column.as_str())
        {
            let message = format!("unknown column '{column}' was ignored");
            out.warning(1, Some(i as u64 + 1), message);
        }
    }

    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let line = error.position().map_or(line, |p| p.line());
                let message =
                    format!("this row cannot be read ({error}); the rest of the file was skipped");
                out.error(line, None, message);
                break;
            }
        }
        let line = record.position().map_or(line, |p| p.line());
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.as_slice().len() > MAX_EVENT_BYTES {
            let message = format!(
                "this row is {} bytes long, more than the limit of {MAX_EVENT_BYTES}; it was skipped",
                record.as_slice().len()
            );
            out.error(line, None, message);
            continue;
        }
        if record.len() != columns.len() {
            let message = format!(
                "this row has {} fields but the header has {}; is a comma or quote missing? The row was skipped",
                record.len(),
                columns.len()
            );
            out.error(line, None, message);
            continue;
        }
        let locator = RowLocator {
            line,
            columns: &columns,
        };
        let field = |name: &str| -> Option<String> {
            let i = columns.iter().position(|c| c == name)?;
            record
                .get(i)
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        let text = |name: &str| field(name).map(Text::from);
        let list = |name: &str| -> Vec<Text> {
            field(name)
                .map(|t| split_list(&t).into_iter().map(Text::from).collect())
                .unwrap_or_default()
        };
        let participants = match parse_participants(&field("participants").unwrap_or_default()) {
            Ok(participants) => participants,
            Err(message) => {
                let (line, column) = locator.locate("participants");
                let id = field("id").unwrap_or_default();
                out.error(line, column, format!("{message}; event '{id}' skipped"));
                continue;
            }
        };
        let date_inferred = match field("date_inferred").as_deref().map(parse_bool) {
            None => false,
            Some(Some(value)) => value,
            Some(None) => {
                let (line, column) = locator.locate("date_inferred");
                let message = "date_inferred must be true or false; read as false";
                out.warning(line, column, message);
                false
            }
        };
        // A JSON column that does not parse skips the event, like any other bad field.
        let (people_text, sources_text) = (field("people"), field("sources"));
        let people = json_column::<RawPerson>(&people_text).map_err(|e| ("people", e));
        let sources = json_column::<RawSource>(&sources_text).map_err(|e| ("sources", e));
        let (people, sources_list) = match people.and_then(|p| Ok((p, sources?))) {
            Ok((people, sources)) => (people.unwrap_or_default(), sources),
            Err((name, error)) => {
                let (line, column) = locator.locate(name);
                let id = field("id").unwrap_or_default();
                let message = format!(
                    "the {name} column is not a JSON list of {name} ({error}); event '{id}' skipped"
                );
                out.error(line, column, message);
                continue;
            }
        };
        let (source_file, source_url, quote) =
            (field("source_file"), field("source_url"), field("quote"));
        let sources = match sources_list {
            Some(sources) => sources,
            None if source_file.is_some() || source_url.is_some() || quote.is_some() => {
                vec![RawSource {
                    file: source_file.map(Text::from),
                    url: source_url.map(Text::from),
                    quote: quote.map(Text::from),
                    ..RawSource::default()
                }]
            }
            None => Vec::new(),
        };
        let raw = RawEvent {
            id: text("id"),
            title: text("title"),
            start: text("start"),
            end: text("end"),
            date_inferred,
            category: text("category"),
            series: text("series"),
            location: text("location"),
            countries: list("countries"),
            organizers: list("organizers"),
            participants,
            people,
            summary: text("summary"),
            sources,
            tags: list("tags"),
            display_date: text("display_date"),
        };
        if let Some(event) = validate(raw, &locator, line, out) {
            out.push(&event, line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participants_parse() {
        let list =
            parse_participants("CHN 12 universities; total 10,700 online attendees").unwrap();
        assert_eq!(list[0].country.as_ref().map(|t| &*t.0), Some("CHN"));
        assert_eq!(list[0].count, Some(12.0));
        assert_eq!(list[1].country, None);
        assert_eq!(list[1].count, Some(10700.0));
        assert_eq!(
            list[1].unit.as_ref().map(|t| &*t.0),
            Some("online attendees")
        );
        assert!(parse_participants("CHN twelve universities").is_err());
        assert!(parse_participants("CHN 12").is_err());
    }

    #[test]
    fn rows_load_and_ragged_rows_are_reported() {
        let text = "id,title,start,end,category,series,location,countries,organizers,participants,summary,source_file,source_url,quote,tags\n\
a,Forum A,2022-11-28,2022-11-29,forum,,Tokyo,CHN;JPN,JST,CHN 12 universities; JPN 9 universities,,x.txt,,\"A quote, with a comma\",\n\
b,Short row,2021\n";
        let mut out = FileOutput::new("t.csv".to_owned());
        parse_csv(text, &mut out);
        let (events, problems) = (out.to_vec(), out.problems);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].0.participants.len(), 2);
        assert_eq!(events[0].0.sources[0].quote, "A quote, with a comma");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0]
                .message
                .starts_with("this row has 3 fields but the header has 15")
        );
    }
}
