//! The spreadsheet format: one event per row, list fields separated by `;`.

use super::FileOutput;
use super::raw::{
    Locate, MAX_EVENT_BYTES, RawCoverage, RawEvent, RawField, RawParticipant, RawPerson, RawSource,
    Text,
};
use super::validate::validate;
use crate::model::participants::{coverage_items, participant_items, split_list};

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
pub const CSV_EXTRA_COLUMNS: [&str; 6] = [
    "date_inferred",
    "display_date",
    "people",
    "sources",
    "planned",
    "coverage",
];

/// Columns without which a row cannot be an event.
const REQUIRED_COLUMNS: [&str; 4] = ["id", "title", "start", "category"];

/// Where a row is: every field of it is reported at the row's line, with the column number.
struct RowLocator<'a> {
    line: u64,
    columns: &'a [String],
}

impl RowLocator<'_> {
    fn column(&self, name: &str) -> (u64, Option<u64>) {
        let column = self.columns.iter().position(|c| c == name);
        (self.line, column.map(|i| i as u64 + 1))
    }
}

impl Locate for RowLocator<'_> {
    fn locate(&self, field: RawField) -> (u64, Option<u64>) {
        self.column(field.key())
    }
}

/// Reads `CHN 12 universities; JPN about 9 universities; total 10700 online attendees`.
fn parse_participants(text: &str) -> Result<Vec<RawParticipant<'static>>, String> {
    Ok(participant_items(text)?
        .into_iter()
        .map(|item| RawParticipant {
            country: item.country.map(Text::from),
            count: Some(item.count),
            unit: Some(Text::from(item.unit)),
            qualifier: item.qualifier.map(|q| Text::from(q.key().to_owned())),
        })
        .collect())
}

/// Reads `12 mentions; 3 sources`.
fn parse_coverage(text: &str) -> Result<Vec<RawCoverage<'static>>, String> {
    Ok(coverage_items(text)?
        .into_iter()
        .map(|(count, unit)| RawCoverage {
            count: Some(count),
            unit: Some(Text::from(unit)),
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

/// The header's columns, lower case, once it names every required one; unknown columns are
/// told and left out.
fn read_header(reader: &mut csv::Reader<&[u8]>, out: &mut FileOutput) -> Option<Vec<String>> {
    let columns: Vec<String> = match reader.headers() {
        Ok(headers) => headers
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect(),
        Err(error) => {
            out.error(1, None, format!("the header row cannot be read: {error}"));
            return None;
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
        return None;
    }
    for (i, column) in columns.iter().enumerate() {
        if !CSV_COLUMNS.contains(&column.as_str()) && !CSV_EXTRA_COLUMNS.contains(&column.as_str())
        {
            let message = format!("unknown column '{column}' was ignored");
            out.warning(1, Some(i as u64 + 1), message);
        }
    }
    Some(columns)
}

/// Parses one CSV file, pushing its events and its problems.
pub fn parse_csv(text: &str, out: &mut FileOutput) {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::Headers)
        .from_reader(text.as_bytes());
    let Some(columns) = read_header(&mut reader, out) else {
        return;
    };
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
        if record.iter().all(|field| field.trim().is_empty())
            || !row_fits(&record, &columns, line, out)
        {
            continue;
        }
        let locator = RowLocator {
            line,
            columns: &columns,
        };
        if let Some(raw) = raw_event(&record, &locator, out)
            && let Some(event) = validate(raw, &locator, line, out)
        {
            out.push(&event, line);
        }
    }
}

/// Whether a row can be read as an event: not too long, and as many fields as the header.
fn row_fits(
    record: &csv::StringRecord,
    columns: &[String],
    line: u64,
    out: &mut FileOutput,
) -> bool {
    if record.as_slice().len() > MAX_EVENT_BYTES {
        let message = format!(
            "this row is {} bytes long, more than the limit of {MAX_EVENT_BYTES}; it was skipped",
            record.as_slice().len()
        );
        out.error(line, None, message);
        return false;
    }
    if record.len() != columns.len() {
        let message = format!(
            "this row has {} fields but the header has {}; is a comma or quote missing? The row was skipped",
            record.len(),
            columns.len()
        );
        out.error(line, None, message);
        return false;
    }
    true
}

/// One row's cells as a raw event; `None`, with the problem told, when a list cell cannot
/// be read.
fn raw_event<'t>(
    record: &'t csv::StringRecord,
    locator: &RowLocator,
    out: &mut FileOutput,
) -> Option<RawEvent<'t>> {
    let field = |name: &str| -> Option<String> {
        let i = locator.columns.iter().position(|c| c == name)?;
        (record.get(i).map(str::trim))
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let text = |name: &str| field(name).map(Text::from);
    let list = |name: &str| -> Vec<Text> {
        field(name)
            .map(|t| split_list(&t).into_iter().map(Text::from).collect())
            .unwrap_or_default()
    };
    let skip = |out: &mut FileOutput, name: &str, message: String| {
        let (line, column) = locator.column(name);
        let id = field("id").unwrap_or_default();
        out.error(line, column, format!("{message}; event '{id}' skipped"));
    };
    let participants = parse_participants(&field("participants").unwrap_or_default())
        .map_err(|message| skip(out, "participants", message))
        .ok()?;
    let coverage = parse_coverage(&field("coverage").unwrap_or_default())
        .map_err(|message| skip(out, "coverage", message))
        .ok()?;
    let flag = |out: &mut FileOutput, name: &str| match field(name).as_deref().map(parse_bool) {
        None => false,
        Some(Some(value)) => value,
        Some(None) => {
            let (line, column) = locator.column(name);
            out.warning(
                line,
                column,
                format!("{name} must be true or false; read as false"),
            );
            false
        }
    };
    let (date_inferred, planned) = (flag(out, "date_inferred"), flag(out, "planned"));
    // A JSON column that does not parse skips the event, like any other bad field.
    let (people_text, sources_text) = (field("people"), field("sources"));
    let people = json_column::<RawPerson>(&people_text).map_err(|e| ("people", e));
    let sources = json_column::<RawSource>(&sources_text).map_err(|e| ("sources", e));
    let (people, sources_list) = match people.and_then(|p| Ok((p, sources?))) {
        Ok((people, sources)) => (people.unwrap_or_default(), sources),
        Err((name, error)) => {
            skip(
                out,
                name,
                format!("the {name} column is not a JSON list of {name} ({error})"),
            );
            return None;
        }
    };
    let sources = sources_list
        .unwrap_or_else(|| one_source(field("source_file"), field("source_url"), field("quote")));
    Some(RawEvent {
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
        people: people.into_iter().map(RawPerson::into_owned).collect(),
        summary: text("summary"),
        sources: sources.into_iter().map(RawSource::into_owned).collect(),
        tags: list("tags"),
        display_date: text("display_date"),
        planned,
        coverage,
    })
}

/// The source of a row that writes it in the three plain columns.
fn one_source(
    file: Option<String>,
    url: Option<String>,
    quote: Option<String>,
) -> Vec<RawSource<'static>> {
    if file.is_none() && url.is_none() && quote.is_none() {
        return Vec::new();
    }
    vec![RawSource {
        file: file.map(Text::from),
        url: url.map(Text::from),
        quote: quote.map(Text::from),
        ..RawSource::default()
    }]
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
