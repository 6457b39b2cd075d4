//! The TimelineJS3 Google Sheets template, saved as CSV.

use super::{DateParts, SlideParts, era_of, slide_event};
use crate::load::FileOutput;
use crate::text::html::fragment_to_text;

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
