//! Events as CSV, in the loader's own format, so that an export loads back the same.
//!
//! Beyond the spreadsheet columns it writes `date_inferred`, `display_date`, `people` and
//! `sources` as JSON lists (the spreadsheet columns hold one source; this keeps all of them),
//! `planned` and `coverage`.
//! List items holding `;` or quotes are quoted, so every cell reads back the same.

use std::borrow::Borrow;

use crate::load::{CSV_COLUMNS, CSV_EXTRA_COLUMNS};
use crate::model::Event;
use crate::model::participants::{coverage_cell, join_list, participants_cell};
use crate::model::stats::{CountryCount, NOT_SPLIT_BY_COUNTRY};

/// The CSV text of `events`.
pub fn events_to_csv(
    events: impl IntoIterator<Item = impl Borrow<Event>>,
) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = CSV_COLUMNS.to_vec();
    header.extend(CSV_EXTRA_COLUMNS);
    writer.write_record(&header)?;
    for event in events {
        let event = event.borrow();
        let first_source = event.sources.first();
        let countries: Vec<&str> = event.countries.iter().map(|c| c.code()).collect();
        let to_json = |value: serde_json::Value| value.to_string();
        let record = [
            event.id.clone(),
            event.title.clone(),
            event.start.to_string(),
            event.end.map(|d| d.to_string()).unwrap_or_default(),
            event.category.key().to_owned(),
            event.series.clone().unwrap_or_default(),
            event.location.clone().unwrap_or_default(),
            join_list(&countries),
            join_list(&event.organizers),
            participants_cell(&event.participants),
            event.summary.clone(),
            first_source
                .and_then(|s| s.file.clone())
                .unwrap_or_default(),
            first_source.and_then(|s| s.url.clone()).unwrap_or_default(),
            first_source.map(|s| s.quote.clone()).unwrap_or_default(),
            join_list(&event.tags),
            event.date_inferred.to_string(),
            event.display_date.clone().unwrap_or_default(),
            if event.people.is_empty() {
                String::new()
            } else {
                to_json(serde_json::json!(event.people))
            },
            if event.sources.len() > 1
                || first_source.is_some_and(|s| {
                    s.publisher.is_some() || s.published.is_some() || s.byline.is_some()
                })
            {
                to_json(serde_json::json!(event.sources))
            } else {
                String::new()
            },
            if event.planned { "true" } else { "" }.to_owned(),
            coverage_cell(&event.coverage),
        ];
        writer.write_record(&record)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The participant counts as the panel shows them: one row per unit and country, with the
/// counts the source gives for no one country on rows of their own.
pub fn counts_to_csv(counts: &[CountryCount]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["unit", "country", "country_name", "count", "events"])?;
    for count in counts {
        let (code, name) = count
            .country
            .map_or(("", NOT_SPLIT_BY_COUNTRY), |c| (c.code(), c.name()));
        writer.write_record([
            count.unit.as_str(),
            code,
            name,
            &count.count.to_string(),
            &count.event_count.to_string(),
        ])?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
