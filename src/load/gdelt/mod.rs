//! GDELT events: the raw 1.0 files (57 or 58 tab-separated columns, mixed in one file), the
//! 2.0 15-minute exports (61 columns), and BigQuery exports (a header row of the same column
//! names, comma-separated, any order, any subset with GLOBALEVENTID and SQLDATE).
//!
//! Each row becomes an event: `gdelt-<GLOBALEVENTID>`, dated by SQLDATE to the day, titled
//! "CHINA — engage in diplomatic cooperation — JAPAN" from the actors and the CAMEO codebook.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use rayon::prelude::*;

pub mod cameo;

use self::cameo::CameoCountry;
use super::FileOutput;
use super::detect::is_gdelt_row;
use crate::model::country::Country;
use crate::model::date::PartialDate;
use crate::model::event::{Category, Coverage, Event, SourceRef};
use crate::text::upper_first;

/// The GDELT 1.0 event columns, in file order (the daily files; the historical back-files
/// stop before SOURCEURL).
pub const GDELT1_COLUMNS: [&str; 58] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT 2.0 adds an ADM2 code after each ADM1 code: 61 columns.
fn gdelt2_columns() -> Vec<&'static str> {
    let mut columns = Vec::with_capacity(61);
    for &column in &GDELT1_COLUMNS {
        columns.push(column);
        match column {
            "Actor1Geo_ADM1Code" => columns.push("Actor1Geo_ADM2Code"),
            "Actor2Geo_ADM1Code" => columns.push("Actor2Geo_ADM2Code"),
            "ActionGeo_ADM1Code" => columns.push("ActionGeo_ADM2Code"),
            _ => {}
        }
    }
    columns
}

/// Where the fields we read are, in one layout of columns.
#[derive(Clone, Debug, Default)]
struct Columns {
    id: Option<usize>,
    date: Option<usize>,
    actor1_name: Option<usize>,
    actor1_country: Option<usize>,
    actor2_name: Option<usize>,
    actor2_country: Option<usize>,
    event_code: Option<usize>,
    root_code: Option<usize>,
    quad_class: Option<usize>,
    goldstein: Option<usize>,
    mentions: Option<usize>,
    sources: Option<usize>,
    articles: Option<usize>,
    tone: Option<usize>,
    place: Option<usize>,
    url: Option<usize>,
}

impl Columns {
    /// The layout of a list of column names (matched without regard to case).
    fn of(names: &[&str]) -> Self {
        let find = |wanted: &str| {
            names
                .iter()
                .position(|n| n.trim().eq_ignore_ascii_case(wanted))
        };
        Self {
            id: find("GLOBALEVENTID"),
            date: find("SQLDATE"),
            actor1_name: find("Actor1Name"),
            actor1_country: find("Actor1CountryCode"),
            actor2_name: find("Actor2Name"),
            actor2_country: find("Actor2CountryCode"),
            event_code: find("EventCode"),
            root_code: find("EventRootCode"),
            quad_class: find("QuadClass"),
            goldstein: find("GoldsteinScale"),
            mentions: find("NumMentions"),
            sources: find("NumSources"),
            articles: find("NumArticles"),
            tone: find("AvgTone"),
            place: find("ActionGeo_FullName"),
            url: find("SOURCEURL"),
        }
    }
}

/// The words of a QuadClass, from the GDELT codebook.
fn quad_class_name(quad_class: &str) -> Option<&'static str> {
    match quad_class.trim() {
        "1" => Some("verbal cooperation"),
        "2" => Some("material cooperation"),
        "3" => Some("verbal conflict"),
        "4" => Some("material conflict"),
        _ => None,
    }
}

/// The tag that names a QuadClass, e.g. "QuadClass 1: verbal cooperation"; the filters list
/// these, so that cooperation can be kept in a click.
pub fn quad_class_tag(quad_class: &str) -> Option<String> {
    quad_class_name(quad_class).map(|name| format!("QuadClass {}: {name}", quad_class.trim()))
}

/// A country code that could not be mapped, counted over the file.
#[derive(Default)]
struct UnmappedCode {
    rows: usize,
    first_line: u64,
    region: Option<&'static str>,
}

/// Rows are parsed this many at a time, on every core.
const ROWS_PER_CHUNK: usize = 20_000;

/// Parses a GDELT file: raw rows, or a header row and rows.
pub fn parse_gdelt(text: &str, out: &mut FileOutput) {
    let mut lines: Vec<(u64, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i as u64 + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    let Some(&(_, first)) = lines.first() else {
        return;
    };
    let header = if is_gdelt_row(first) {
        None
    } else {
        lines.remove(0);
        Some(first)
    };
    let layouts = match header {
        Some(header) => {
            let delimiter = if header.contains('\t') { '\t' } else { ',' };
            let names: Vec<&str> = header
                .split(delimiter)
                .map(|n| n.trim().trim_matches('"'))
                .collect();
            let columns = Columns::of(&names);
            if columns.id.is_none() || columns.date.is_none() {
                out.error(
                    1,
                    None,
                    "a GDELT table needs the columns GLOBALEVENTID and SQLDATE",
                );
                return;
            }
            Layouts::Header {
                columns: Box::new(columns),
                width: names.len(),
                delimiter: delimiter as u8,
            }
        }
        None => Layouts::Raw {
            v1_historical: Box::new(Columns::of(&GDELT1_COLUMNS[..57])),
            v1_daily: Box::new(Columns::of(&GDELT1_COLUMNS)),
            v2: Box::new(Columns::of(&gdelt2_columns())),
        },
    };
    // Each part's events go into a store of its own on the core that read them, so that a
    // file's events are never all held as records at once, nor stored on one core.
    let template = out.fork();
    let (parts, unmapped_per_part): (Vec<FileOutput>, Vec<_>) = lines
        .par_chunks(ROWS_PER_CHUNK)
        .map(|chunk| {
            let mut part = template.fork();
            let unmapped = parse_chunk(chunk, &layouts, &mut part);
            (part, unmapped)
        })
        .unzip();
    out.append_all(parts);
    let mut unmapped: BTreeMap<String, UnmappedCode> = BTreeMap::new();
    for part_unmapped in unmapped_per_part {
        for (code, found) in part_unmapped {
            let entry = unmapped.entry(code).or_insert(UnmappedCode {
                rows: 0,
                first_line: found.first_line,
                region: found.region,
            });
            entry.rows += found.rows;
            entry.first_line = entry.first_line.min(found.first_line);
        }
    }
    warn_unmapped(&unmapped, out);
}

/// At most two warnings a file, however many rows and codes: one for the region codes, one
/// for the codes that are no country; each names its codes with their rows.
fn warn_unmapped(unmapped: &BTreeMap<String, UnmappedCode>, out: &mut FileOutput) {
    let rows = |n: usize| match n {
        1 => "1 row".to_owned(),
        n => format!("{n} rows"),
    };
    let (regions, unknown): (Vec<_>, Vec<_>) = unmapped
        .iter()
        .partition(|(_, found)| found.region.is_some());
    let first_line = |codes: &[(&String, &UnmappedCode)]| {
        codes.iter().map(|(_, f)| f.first_line).min().unwrap_or(1)
    };
    if !regions.is_empty() {
        let listed: Vec<String> = (regions.iter())
            .map(|(code, f)| {
                format!(
                    "{code} ({}, {})",
                    f.region.unwrap_or_default(),
                    rows(f.rows)
                )
            })
            .collect();
        let message = match listed.as_slice() {
            [one] => format!(
                "the CAMEO actor code {one} stands for a region, not a country, so it is left out of the countries (the first here)"
            ),
            _ => format!(
                "{} CAMEO actor codes stand for regions, not countries, so they are left out of the countries: {} (the first here)",
                listed.len(),
                listed.join(", ")
            ),
        };
        out.warning(first_line(&regions), None, message);
    }
    if !unknown.is_empty() {
        let message = match unknown.as_slice() {
            [(code, f)] => format!(
                "the CAMEO actor country code {code} is not a known country, so it is left out of the countries ({}, the first here)",
                rows(f.rows)
            ),
            _ => {
                let listed: Vec<String> = (unknown.iter())
                    .map(|(code, f)| format!("{code} ({})", rows(f.rows)))
                    .collect();
                format!(
                    "{} CAMEO actor country codes are not known countries, so they are left out of the countries: {} (the first here)",
                    listed.len(),
                    listed.join(", ")
                )
            }
        };
        out.warning(first_line(&unknown), None, message);
    }
}

/// The column layouts a file may have.
enum Layouts {
    /// Raw files: the number of fields says which.
    Raw {
        v1_historical: Box<Columns>,
        v1_daily: Box<Columns>,
        v2: Box<Columns>,
    },
    /// A header row named the columns.
    Header {
        columns: Box<Columns>,
        width: usize,
        delimiter: u8,
    },
}

/// Reads `chunk`'s rows into `out`; returns the actor codes it could not map to countries.
fn parse_chunk(
    chunk: &[(u64, &str)],
    layouts: &Layouts,
    out: &mut FileOutput,
) -> BTreeMap<String, UnmappedCode> {
    let mut unmapped = BTreeMap::new();
    // Tab-separated fields are borrowed from the text: a row has 58 of them.
    let mut fields: Vec<Cow<str>> = Vec::new();
    for &(line, text) in chunk {
        let columns = match layouts {
            Layouts::Raw {
                v1_historical,
                v1_daily,
                v2,
            } => {
                fields.clear();
                fields.extend(tab_fields(text).map(Cow::Borrowed));
                match fields.len() {
                    57 => v1_historical,
                    58 => v1_daily,
                    61 => v2,
                    n => {
                        out.error(
                            line,
                            None,
                            format!("this row has {n} fields; GDELT rows have 57 or 58 (version 1) or 61 (version 2), separated by tabs; the row was skipped"),
                        );
                        continue;
                    }
                }
            }
            Layouts::Header {
                columns,
                width,
                delimiter,
            } => {
                fields.clear();
                if !split_delimited(text, *delimiter, &mut fields) || fields.len() != *width {
                    out.error(
                        line,
                        None,
                        format!(
                            "this row has {} fields but the header has {width}; is a comma or quote missing? The row was skipped",
                            fields.len()
                        ),
                    );
                    continue;
                }
                columns
            }
        };
        match row_event(&fields, columns, line, &mut unmapped) {
            Ok(event) => out.push(&event, line),
            Err((column, message)) => out.error(line, column, message),
        }
    }
    unmapped
}

/// A raw row's tab-separated fields, found with one scan of the line.
fn tab_fields(line: &str) -> impl Iterator<Item = &str> {
    let tabs = memchr::memchr_iter(b'\t', line.as_bytes());
    let ends = tabs.chain(std::iter::once(line.len()));
    let mut start = 0;
    // A tab is one byte, so every end is a character boundary.
    ends.map(move |end| {
        let field = line.get(start..end).unwrap_or_default();
        start = end + 1;
        field
    })
}

/// Splits one line of a delimited file, honouring double quotes; false when a quote is left
/// open.
fn split_delimited(line: &str, delimiter: u8, fields: &mut Vec<Cow<str>>) -> bool {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(line.as_bytes());
    let mut record = ::csv::StringRecord::new();
    match reader.read_record(&mut record) {
        Ok(true) => {
            fields.extend(record.iter().map(|field| Cow::Owned(field.to_owned())));
            true
        }
        _ => false,
    }
}

/// The event of one row, or which column is wrong and why.
fn row_event(
    fields: &[Cow<str>],
    columns: &Columns,
    line: u64,
    unmapped: &mut BTreeMap<String, UnmappedCode>,
) -> Result<Event, (Option<u64>, String)> {
    let field = |index: Option<usize>| {
        index
            .and_then(|i| fields.get(i))
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
    };
    let column_number = |index: Option<usize>| index.map(|i| i as u64 + 1);
    let id = field(columns.id).ok_or((
        column_number(columns.id),
        "the row has no GLOBALEVENTID; it was skipped".to_owned(),
    ))?;
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err((
            column_number(columns.id),
            format!("GLOBALEVENTID '{id}' is not a number; the row was skipped"),
        ));
    }
    let date_text = field(columns.date).unwrap_or_default();
    let date = sqldate(date_text).ok_or((
        column_number(columns.date),
        format!("SQLDATE '{date_text}' is not a date written YYYYMMDD; the row was skipped"),
    ))?;

    let mut countries: Vec<Country> = Vec::new();
    for index in [columns.actor1_country, columns.actor2_country] {
        let Some(code) = field(index) else { continue };
        match cameo::classify_country(code) {
            CameoCountry::Iso(iso) => {
                if let Ok(country) = Country::parse(iso)
                    && !countries.contains(&country)
                {
                    countries.push(country);
                }
            }
            CameoCountry::Region(region) => note_unmapped(unmapped, code, line, Some(region)),
            CameoCountry::Unknown => note_unmapped(unmapped, code, line, None),
        }
    }

    let event_code = field(columns.event_code);
    let description = event_code
        .and_then(cameo::event_description)
        .map(str::to_owned)
        .or_else(|| event_code.map(|code| format!("CAMEO event {code}")));
    let actor1 = field(columns.actor1_name);
    let actor2 = field(columns.actor2_name);
    // The codebook's "not specified below" is for coders; the summary keeps it.
    let verb = description.as_deref().map(|d| {
        [
            ", not specified below",
            ", not spec below",
            " not specified below",
        ]
        .iter()
        .find_map(|tail| d.strip_suffix(tail))
        .unwrap_or(d)
    });
    let title = match (actor1, verb, actor2) {
        (Some(a), Some(d), Some(b)) => format!("{a} — {d} — {b}"),
        (Some(a), Some(d), None) => format!("{a} — {d}"),
        (None, Some(d), Some(b)) => format!("{d} — {b}"),
        (None, Some(d), None) => upper_first(d),
        (Some(a), None, Some(b)) => format!("{a} — {b}"),
        (Some(a), None, None) | (None, None, Some(a)) => a.to_owned(),
        (None, None, None) => format!("GDELT event {id}"),
    };
    let root = field(columns.root_code).or_else(|| event_code.and_then(|c| c.get(..2)));
    let series = root.and_then(cameo::root_name).map(str::to_owned);
    let category = match (event_code, root) {
        (Some("057"), _) => Category::Agreement,
        (_, Some("16")) => Category::Suspension,
        _ => Category::Other,
    };
    let quad_class = field(columns.quad_class);
    let mut tags = Vec::new();
    if let Some(tag) = quad_class.and_then(quad_class_tag) {
        tags.push(tag);
    }
    if let Some(code) = event_code {
        tags.push(format!("CAMEO {code}"));
    }
    // How widely the event was reported: never taken for who took part.
    let mut coverage = Vec::new();
    for (index, unit) in [
        (columns.mentions, "mentions"),
        (columns.sources, "sources"),
        (columns.articles, "articles"),
    ] {
        if let Some(count) = field(index).and_then(|n| n.parse::<u64>().ok()) {
            coverage.push(Coverage {
                count,
                unit: unit.to_owned(),
            });
        }
    }
    let mut summary = String::new();
    // Writing to a String cannot fail.
    if let (Some(code), Some(description)) = (event_code, &description) {
        let _ = write!(summary, "CAMEO {code}: {description}. ");
    }
    if let Some(goldstein) = field(columns.goldstein) {
        let _ = write!(summary, "Goldstein scale {goldstein}. ");
    }
    if let Some(tone) = field(columns.tone).and_then(|t| t.parse::<f64>().ok()) {
        let _ = write!(summary, "Average tone {tone:.2}. ");
    }
    summary.truncate(summary.trim_end().len());
    let sources = field(columns.url)
        .map(|url| {
            vec![SourceRef {
                url: Some(url.to_owned()),
                ..SourceRef::default()
            }]
        })
        .unwrap_or_default();
    Ok(Event {
        id: format!("gdelt-{id}"),
        title,
        start: date,
        end: None,
        date_inferred: false,
        category,
        series,
        location: field(columns.place).map(str::to_owned),
        countries,
        organizers: Vec::new(),
        participants: Vec::new(),
        people: Vec::new(),
        summary,
        sources,
        tags,
        display_date: None,
        planned: false,
        coverage,
    })
}

fn note_unmapped(
    unmapped: &mut BTreeMap<String, UnmappedCode>,
    code: &str,
    line: u64,
    region: Option<&'static str>,
) {
    let entry = unmapped.entry(code.to_owned()).or_insert(UnmappedCode {
        rows: 0,
        first_line: line,
        region,
    });
    entry.rows += 1;
}

/// A GDELT SQLDATE, YYYYMMDD, as a day.
fn sqldate(text: &str) -> Option<PartialDate> {
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    PartialDate::day(number(0..4)? as i32, number(4..6)?, number(6..8)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_layouts_have_the_fields() {
        assert_eq!(gdelt2_columns().len(), 61);
        let v2 = Columns::of(&gdelt2_columns());
        assert_eq!(v2.url, Some(60));
        assert_eq!(v2.place, Some(52));
        let v1 = Columns::of(&GDELT1_COLUMNS);
        assert_eq!(
            (v1.url, v1.place, v1.event_code),
            (Some(57), Some(50), Some(26))
        );
        let historical = Columns::of(&GDELT1_COLUMNS[..57]);
        assert_eq!(historical.url, None);
        assert_eq!(sqldate("20160728"), PartialDate::day(2016, 7, 28));
        assert_eq!(sqldate("20161328"), None);
        assert_eq!(sqldate("2016"), None);
    }
}
