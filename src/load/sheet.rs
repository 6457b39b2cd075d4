//! Any dated spreadsheet (CSV or TSV): a header row, a date column and a title-like column,
//! under the user's own headers. Which column is which is guessed from the headers (and the
//! dates from the values), and the user can change the guess; a chosen mapping is kept for
//! that file outside the data folder.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::FileOutput;
use crate::model::country::Country;
use crate::model::date::{PartialDate, parse_written};
use crate::model::event::{Category, Event, SourceRef};
use crate::model::participants::split_list;

/// A field delimiter a table may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
    Semicolon,
    Pipe,
}

impl Delimiter {
    const ALL: [Self; 4] = [Self::Comma, Self::Tab, Self::Semicolon, Self::Pipe];

    fn byte(self) -> u8 {
        match self {
            Self::Comma => b',',
            Self::Tab => b'\t',
            Self::Semicolon => b';',
            Self::Pipe => b'|',
        }
    }
}

/// The first `count` records of a table read with `delimiter`, honouring quotes (a quoted
/// field may span lines).
fn first_records(text: &str, delimiter: Delimiter, count: usize) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    reader
        .records()
        .take(count)
        .map_while(Result::ok)
        .filter(|r| !r.iter().all(|f| f.trim().is_empty()))
        .map(|r| r.iter().map(|f| f.trim().to_owned()).collect())
        .collect()
}

/// The delimiter of a table and its header, as written: the delimiter that gives the most
/// fields, at least two, in the header and as many in most of the next records.
pub fn split_header(text: &str) -> Option<(Delimiter, Vec<String>)> {
    Delimiter::ALL
        .iter()
        .filter_map(|&delimiter| {
            let mut records = first_records(text, delimiter, 6).into_iter();
            let header = records.next()?;
            if header.len() < 2 {
                return None;
            }
            let rest: Vec<Vec<String>> = records.collect();
            let agreeing = rest.iter().filter(|r| r.len() == header.len()).count();
            (rest.is_empty() || agreeing * 2 >= rest.len()).then_some((delimiter, header))
        })
        .max_by_key(|(_, header)| header.len())
}

/// The header of a table, lower-cased, read with each delimiter in turn: for telling a
/// format by the names of its columns, whatever its rows hold.
pub fn header_names(text: &str) -> Vec<Vec<String>> {
    Delimiter::ALL
        .iter()
        .filter_map(|&delimiter| first_records(text, delimiter, 1).into_iter().next())
        .filter(|header| header.len() >= 2)
        .map(|header| header.iter().map(|h| normalise_header(h)).collect())
        .collect()
}

/// The start of a file, enough to read its header: for the column dialog.
pub fn read_head(path: &std::path::Path) -> std::io::Result<String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(64 * 1024)
        .read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// What a column of a spreadsheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SheetRole {
    Start,
    End,
    Year,
    Month,
    Day,
    Title,
    Summary,
    Category,
    Countries,
    Place,
    Series,
    Organizers,
    Source,
    Tags,
    Id,
}

impl SheetRole {
    pub const ALL: [Self; 15] = [
        Self::Start,
        Self::End,
        Self::Year,
        Self::Month,
        Self::Day,
        Self::Title,
        Self::Summary,
        Self::Category,
        Self::Countries,
        Self::Place,
        Self::Series,
        Self::Organizers,
        Self::Source,
        Self::Tags,
        Self::Id,
    ];

    /// The name in the mapping dialog.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Start => "Date (start)",
            Self::End => "End date",
            Self::Year => "Year",
            Self::Month => "Month",
            Self::Day => "Day",
            Self::Title => "Title",
            Self::Summary => "Summary",
            Self::Category => "Category",
            Self::Countries => "Countries",
            Self::Place => "Place",
            Self::Series => "Series",
            Self::Organizers => "Organizers",
            Self::Source => "Source link",
            Self::Tags => "Tags",
            Self::Id => "Id",
        }
    }

    /// Header names that mean this role, as [`normalise_header`] writes them, best first.
    fn header_names(&self) -> &'static [&'static str] {
        match self {
            Self::Start => &[
                "start date",
                "date",
                "start",
                "begin",
                "begins",
                "from",
                "when",
                "event date",
                "date of event",
                "start time",
                "datetime",
                "timestamp",
                "date start",
            ],
            Self::End => &[
                "end date", "end", "until", "to", "finish", "ends", "date end", "end time",
            ],
            Self::Year => &["year", "yr"],
            Self::Month => &["month"],
            Self::Day => &["day"],
            Self::Title => &[
                "title",
                "event",
                "event name",
                "name",
                "headline",
                "subject",
                "what",
                "event title",
                "activity",
            ],
            Self::Summary => &[
                "summary",
                "description",
                "details",
                "notes",
                "note",
                "text",
                "comments",
                "comment",
                "abstract",
                "body",
            ],
            Self::Category => &["category", "type", "kind", "event type", "class", "format"],
            Self::Countries => &[
                "countries",
                "country",
                "nations",
                "nation",
                "country code",
                "country codes",
                "partner countries",
                "partners",
                "participating countries",
            ],
            Self::Place => &["location", "place", "venue", "city", "where", "site"],
            Self::Series => &["series", "group", "programme", "program", "track", "strand"],
            Self::Organizers => &[
                "organizers",
                "organizer",
                "organisers",
                "organiser",
                "host",
                "hosts",
                "organized by",
                "organised by",
            ],
            Self::Source => &["source", "url", "link", "source url", "reference", "web"],
            Self::Tags => &["tags", "keywords", "labels", "topics", "topic"],
            Self::Id => &["id", "identifier", "uid", "key"],
        }
    }
}

/// A header as it is compared: lower case, `_` and `-` as spaces, single spaces, no quotes
/// or trailing colon.
pub fn normalise_header(header: &str) -> String {
    header
        .trim()
        .trim_matches(['"', '\'', '\u{feff}'])
        .trim_end_matches(':')
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which column (by its header, as written) holds what; the rest are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SheetMapping {
    pub columns: BTreeMap<SheetRole, String>,
    /// Whether "04/11/2021" is the 4th of November; guessed from the values when `None`.
    pub day_first: Option<bool>,
}

impl SheetMapping {
    /// True when rows can become events: a title and a date (or a year).
    pub fn is_usable(&self) -> bool {
        self.columns.contains_key(&SheetRole::Title)
            && (self.columns.contains_key(&SheetRole::Start)
                || self.columns.contains_key(&SheetRole::Year))
    }
}

/// The mapping the headers suggest: each role takes the best-named column left, an exact
/// name first, then a header that contains one ("Event title").
pub fn guess_mapping(header: &[String]) -> SheetMapping {
    let normalised: Vec<String> = header.iter().map(|h| normalise_header(h)).collect();
    let mut taken = vec![false; header.len()];
    let mut columns = BTreeMap::new();
    for exact in [true, false] {
        for role in SheetRole::ALL {
            if columns.contains_key(&role) {
                continue;
            }
            let found = role.header_names().iter().find_map(|name| {
                normalised.iter().enumerate().position(|(i, h)| {
                    !taken[i]
                        && if exact {
                            h == name
                        } else {
                            name.len() >= 4 && h.split(' ').any(|word| word == *name)
                        }
                })
            });
            if let Some(index) = found {
                taken[index] = true;
                columns.insert(role, header[index].clone());
            }
        }
    }
    // A summary, but no title: the summary names the events.
    if !columns.contains_key(&SheetRole::Title)
        && let Some(summary) = columns.remove(&SheetRole::Summary)
    {
        columns.insert(SheetRole::Title, summary);
    }
    SheetMapping {
        columns,
        day_first: None,
    }
}

/// Values that could not be used, counted over the file, for one warning each.
#[derive(Default)]
struct Unrecognised {
    /// Value → (rows, first line).
    values: BTreeMap<String, (usize, u64)>,
}

impl Unrecognised {
    fn note(&mut self, value: &str, line: u64) {
        let entry = self.values.entry(value.to_owned()).or_insert((0, line));
        entry.0 += 1;
    }
}

/// Splits a countries cell: "China; Japan", "CHN,JPN", "China and Japan".
fn country_names(cell: &str) -> Vec<&str> {
    cell.split([';', ',', '/', '|'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// "04/11/2021" says nothing about its order; "13/11/2021" does.
fn order_evidence(value: &str) -> (bool, bool) {
    let parts: Vec<u32> = value
        .split('/')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    match parts.as_slice() {
        [a, b, year] if *year > 31 => (*a > 12 && *b <= 12, *b > 12 && *a <= 12),
        _ => (false, false),
    }
}

/// Parses a spreadsheet with `mapping`, or a mapping guessed from its header.
pub fn parse_sheet(text: &str, mapping: Option<SheetMapping>, out: &mut FileOutput) {
    let Some((delimiter, _)) = split_header(text) else {
        out.error(
            1,
            None,
            "this table has no header row with two or more columns",
        );
        return;
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_owned())
            .collect(),
        Err(error) => {
            out.error(1, None, format!("the header row cannot be read: {error}"));
            return;
        }
    };
    let guessed = mapping.is_none();
    let mapping = mapping.unwrap_or_else(|| guess_mapping(&header));
    if !mapping.is_usable() {
        out.error(
            1,
            None,
            format!(
                "the app cannot tell which column holds the date and which the title (the columns are: {}); choose them with the file's “Columns…” button in the problems panel",
                header.join(", ")
            ),
        );
        return;
    }
    let index = |role: SheetRole| {
        mapping
            .columns
            .get(&role)
            .and_then(|name| header.iter().position(|h| h == name))
    };
    let columns: BTreeMap<SheetRole, usize> = SheetRole::ALL
        .iter()
        .filter_map(|&role| Some((role, index(role)?)))
        .collect();
    if guessed {
        let described: Vec<String> = columns
            .iter()
            .map(|(role, &i)| format!("{} = '{}'", role.label(), header[i]))
            .collect();
        out.warning(
            1,
            None,
            format!(
                "columns guessed from the header: {}; change them with “Columns…” in the problems panel if they are wrong",
                described.join(", ")
            ),
        );
    }
    let records: Vec<(u64, ::csv::StringRecord)> = {
        let mut records = Vec::new();
        let mut record = ::csv::StringRecord::new();
        loop {
            let line = reader.position().line();
            match reader.read_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {
                    records.push((record.position().map_or(line, |p| p.line()), record.clone()))
                }
                Err(error) => {
                    let line = error.position().map_or(line, |p| p.line());
                    out.error(
                        line,
                        None,
                        format!(
                            "this row cannot be read ({error}); the rest of the file was skipped"
                        ),
                    );
                    break;
                }
            }
        }
        records
    };
    let cell = |record: &::csv::StringRecord, role: SheetRole| -> Option<String> {
        let i = *columns.get(&role)?;
        record
            .get(i)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    // Day or month first, from the values when the mapping does not say.
    let day_first = mapping.day_first.unwrap_or_else(|| {
        let (mut day, mut month) = (false, false);
        for (_, record) in &records {
            for role in [SheetRole::Start, SheetRole::End] {
                if let Some(value) = cell(record, role) {
                    let (d, m) = order_evidence(&value);
                    day |= d;
                    month |= m;
                }
            }
        }
        !month || day
    });
    let ambiguous = mapping.day_first.is_none()
        && records.iter().any(|(_, r)| {
            cell(r, SheetRole::Start).is_some_and(|v| {
                let parts: Vec<u32> = v.split('/').filter_map(|p| p.trim().parse().ok()).collect();
                matches!(parts.as_slice(), [a, b, y] if *a <= 12 && *b <= 12 && *y > 31 && a != b)
            })
        });
    let mut unknown_countries = Unrecognised::default();
    let mut unknown_categories = Unrecognised::default();
    let prefix = std::path::Path::new(out.name())
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("sheet")
        .to_lowercase()
        .replace(|c: char| !c.is_alphanumeric(), "-");
    for (line, record) in &records {
        let line = *line;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let column_of = |role: SheetRole| columns.get(&role).map(|&i| i as u64 + 1);
        let Some(title) = cell(record, SheetRole::Title) else {
            out.error(
                line,
                column_of(SheetRole::Title),
                "the row has no title; it was skipped",
            );
            continue;
        };
        let start = match (
            cell(record, SheetRole::Start),
            cell(record, SheetRole::Year),
        ) {
            (Some(text), _) => parse_written(&text, day_first).ok_or(text),
            (None, Some(year)) => {
                let text = [
                    Some(year),
                    cell(record, SheetRole::Month),
                    cell(record, SheetRole::Day),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
                date_from_parts(record, &columns).ok_or(text)
            }
            (None, None) => {
                out.error(
                    line,
                    column_of(SheetRole::Start),
                    format!("the row '{title}' has no date; it was skipped"),
                );
                continue;
            }
        };
        let start = match start {
            Ok(start) => start,
            Err(text) => {
                out.error(
                    line,
                    column_of(SheetRole::Start),
                    format!("'{text}' is not a date the app can read (write it like 2021-11-04, 4 Nov 2021, Nov 2021 or 2021); the row was skipped"),
                );
                continue;
            }
        };
        let end =
            cell(record, SheetRole::End).and_then(|text| match parse_written(&text, day_first) {
                Some(end) if end.last_day() >= start.first_day() => Some(end),
                Some(_) => {
                    out.warning(
                        line,
                        column_of(SheetRole::End),
                        format!("the end '{text}' is before the start; the end was left out"),
                    );
                    None
                }
                None => {
                    out.warning(
                        line,
                        column_of(SheetRole::End),
                        format!("'{text}' is not a date the app can read; the end was left out"),
                    );
                    None
                }
            });
        let mut countries = Vec::new();
        if let Some(cell) = cell(record, SheetRole::Countries) {
            for name in country_names(&cell) {
                match Country::from_name(name) {
                    Some(country) if !countries.contains(&country) => countries.push(country),
                    Some(_) => {}
                    None => unknown_countries.note(name, line),
                }
            }
        }
        let category = match cell(record, SheetRole::Category) {
            None => Category::from_words(&title).unwrap_or(Category::Other),
            Some(value) => Category::from_words(&value).unwrap_or_else(|| {
                unknown_categories.note(&value, line);
                Category::Other
            }),
        };
        let list = |role: SheetRole| {
            cell(record, role)
                .map(|c| split_list(&c))
                .unwrap_or_default()
        };
        let organizers = cell(record, SheetRole::Organizers)
            .map(|c| {
                c.split([';', '|'])
                    .map(str::trim)
                    .filter(|o| !o.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let sources = cell(record, SheetRole::Source)
            .map(|url| {
                vec![SourceRef {
                    url: Some(url),
                    ..SourceRef::default()
                }]
            })
            .unwrap_or_default();
        let event = Event {
            id: cell(record, SheetRole::Id).unwrap_or_else(|| format!("{prefix}-{line}")),
            title,
            start,
            end,
            date_inferred: false,
            category,
            series: cell(record, SheetRole::Series),
            location: cell(record, SheetRole::Place),
            countries,
            organizers,
            participants: Vec::new(),
            people: Vec::new(),
            summary: cell(record, SheetRole::Summary).unwrap_or_default(),
            sources,
            tags: list(SheetRole::Tags),
            display_date: None,
            planned: false,
            coverage: Vec::new(),
        };
        out.push(&event, line);
    }
    if ambiguous {
        let order = if day_first { "day/month" } else { "month/day" };
        out.warning(1, None, format!("dates such as 03/04/2021 could be day/month or month/day; they were read as {order} (change it with “Columns…”)"));
    }
    for (value, (rows, line)) in unknown_countries.values {
        out.warning(line, None, format!("'{value}' is not a country the app knows; it was left out ({rows} rows, the first here)"));
    }
    for (value, (rows, line)) in unknown_categories.values {
        out.warning(line, None, format!("the category '{value}' is not one the app knows; read as 'other' ({rows} rows, the first here)"));
    }
}

/// A date from separate year, month and day columns.
fn date_from_parts(
    record: &::csv::StringRecord,
    columns: &BTreeMap<SheetRole, usize>,
) -> Option<PartialDate> {
    let number = |role: SheetRole| -> Option<Option<i64>> {
        match columns
            .get(&role)
            .and_then(|&i| record.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            None => Some(None),
            Some(text) => text.parse::<i64>().ok().map(Some),
        }
    };
    let year = i32::try_from(number(SheetRole::Year)??).ok()?;
    let month = match number(SheetRole::Month)? {
        Some(m) => Some(u32::try_from(m).ok()?),
        None => None,
    };
    let day = match number(SheetRole::Day)? {
        Some(d) => Some(u32::try_from(d).ok()?),
        None => None,
    };
    match (month, day) {
        (None, _) => PartialDate::year(year),
        (Some(month), None) => PartialDate::month(year, month),
        (Some(month), Some(day)) => PartialDate::day(year, month, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn headers_are_understood() {
        let mapping = guess_mapping(&header(&[
            "When",
            "Event title",
            "Countries involved",
            "Venue",
            "Notes",
        ]));
        assert_eq!(
            mapping.columns.get(&SheetRole::Start).map(String::as_str),
            Some("When")
        );
        assert_eq!(
            mapping.columns.get(&SheetRole::Title).map(String::as_str),
            Some("Event title")
        );
        assert_eq!(
            mapping.columns.get(&SheetRole::Place).map(String::as_str),
            Some("Venue")
        );
        assert_eq!(
            mapping.columns.get(&SheetRole::Summary).map(String::as_str),
            Some("Notes")
        );
        assert!(mapping.is_usable());
        let no_date = guess_mapping(&header(&["Name", "Colour"]));
        assert!(!no_date.is_usable());
        let years = guess_mapping(&header(&["Year", "Month", "Headline"]));
        assert!(years.is_usable());
    }

    #[test]
    fn delimiters_are_sniffed() {
        let delimiter = |text: &str| split_header(text).map(|(d, _)| d);
        assert_eq!(
            delimiter("a;b;c\n1;2;3\n4;5;6\n"),
            Some(Delimiter::Semicolon)
        );
        assert_eq!(delimiter("Date\tTitle\n2021\tX\n"), Some(Delimiter::Tab));
        assert_eq!(delimiter("a,b\n\"two\nlines\",x\n"), Some(Delimiter::Comma));
        assert_eq!(delimiter("just words, and a comma\nmore words\n"), None);
    }
}
