//! The rows of a table made events, by the roles of its columns: the dates read as written
//! (ranges, rough dates and two-digit years told once per file), a title from the next text
//! column when the row's title is empty, ids kept unique, counts, people and countries read;
//! what a row lacks is told once per file, with its count and first row.

use std::collections::{BTreeMap, HashMap};

use super::table::TableRow;
use crate::load::FileOutput;
use crate::model::columns::SheetRole;
use crate::model::country::Country;
use crate::model::date::{CellDate, CellDateError, PartialDate, is_ongoing, parse_cell};
use crate::model::event::{Category, Event, Participant, Person, SourceRef};
use crate::model::participants::{parse_participant_list, split_list};

/// How a table's rows are read.
pub struct RowReader<'a> {
    pub columns: BTreeMap<SheetRole, usize>,
    /// Text columns to title a row whose title cell is empty, best first.
    pub title_fallbacks: Vec<usize>,
    pub day_first: bool,
    /// Each column's name: a bare number of participants is counted in its header's words.
    pub names: &'a [String],
    /// Ids are made from this and the row's line where no column gives them.
    pub id_prefix: String,
}

/// What was odd about many rows, told once each.
#[derive(Default)]
struct Tally {
    /// Kind of note → (rows, first line).
    notes: BTreeMap<&'static str, (usize, u64)>,
    /// Unknown countries and categories: value → (rows, first line).
    countries: BTreeMap<String, (usize, u64)>,
    categories: BTreeMap<String, (usize, u64)>,
    /// End cells that are words, not dates ("Bush admin", "N/A").
    worded_ends: BTreeMap<String, (usize, u64)>,
}

impl Tally {
    fn note(&mut self, kind: &'static str, line: u64) {
        self.notes.entry(kind).or_insert((0, line)).0 += 1;
    }
}

fn note_value(values: &mut BTreeMap<String, (usize, u64)>, value: &str, line: u64) {
    values.entry(value.to_owned()).or_insert((0, line)).0 += 1;
}

impl RowReader<'_> {
    fn cell<'r>(&self, row: &'r TableRow, role: SheetRole) -> Option<&'r str> {
        row.cell(*self.columns.get(&role)?)
    }

    fn column_of(&self, role: SheetRole) -> Option<u64> {
        self.columns.get(&role).map(|&i| i as u64 + 1)
    }

    /// Makes an event of each row of `rows`, and tells what could not be read.
    pub fn read(&self, rows: &[TableRow], out: &mut FileOutput) {
        let mut tally = Tally::default();
        let mut ids: HashMap<String, usize> = HashMap::new();
        for row in rows.iter().filter(|r| !r.is_blank()) {
            if let Some(event) = self.event(row, &mut tally, out) {
                let event = unique_id(event, &mut ids, &mut tally, row.line);
                out.push(&event, row.line);
            }
        }
        tell(tally, self.columns.contains_key(&SheetRole::Series), out);
    }

    fn event(&self, row: &TableRow, tally: &mut Tally, out: &mut FileOutput) -> Option<Event> {
        let line = row.line;
        let mut date_inferred = false;
        let (start_text, date) = match self.start(row) {
            Some(Ok(found)) => found,
            // "Reagan admin" to "1/20/81": the event is kept at the end it states.
            Some(Err(message)) if let Some(end) = self.end_alone(row) => {
                out.warning(
                    line,
                    self.column_of(SheetRole::Start),
                    format!("{message}; the event was placed at its end, marked as inferred"),
                );
                date_inferred = true;
                end
            }
            Some(Err(message)) => {
                out.error(
                    line,
                    self.column_of(SheetRole::Start),
                    format!("{message}; the row was skipped"),
                );
                return None;
            }
            None => {
                tally.note(NO_DATE, line);
                return None;
            }
        };
        let Some(title_cell) = self.title(row) else {
            tally.note(NO_TITLE, line);
            return None;
        };
        let (title, link) = clean_title(title_cell);
        if date.approximate {
            tally.note(APPROXIMATE, line);
        }
        if date.time_dropped {
            tally.note(TIME_DROPPED, line);
        }
        if date.two_digit_year {
            tally.note(TWO_DIGIT_YEAR, line);
        }
        let end = self.end(row, &date, tally, out);
        let (category, unknown_kind) = self.category(row, &title, tally);
        let mut sources: Vec<SourceRef> = (self.cell(row, SheetRole::Source).and_then(first_link))
            .or(link)
            .map(|url| {
                vec![SourceRef {
                    url: Some(url),
                    ..SourceRef::default()
                }]
            })
            .unwrap_or_default();
        sources.truncate(1);
        Some(Event {
            id: self
                .cell(row, SheetRole::Id)
                .map_or_else(|| format!("{}-{line}", self.id_prefix), str::to_owned),
            title,
            start: date.start,
            end,
            date_inferred,
            category,
            // A category the app has no kind for still groups the events: as their series.
            series: self
                .cell(row, SheetRole::Series)
                .or(unknown_kind)
                .map(str::to_owned),
            location: self.cell(row, SheetRole::Place).map(str::to_owned),
            countries: self.countries(row, tally),
            organizers: self.list(row, SheetRole::Organizers),
            participants: self.participants(row, out),
            people: self
                .list(row, SheetRole::People)
                .into_iter()
                .map(|name| Person {
                    name,
                    country: None,
                    role: None,
                    organization: None,
                })
                .collect(),
            summary: self
                .cell(row, SheetRole::Summary)
                .unwrap_or_default()
                .to_owned(),
            sources,
            tags: self
                .cell(row, SheetRole::Tags)
                .map(|c| split_list(&c.replace("**", "")))
                .unwrap_or_default(),
            display_date: (date.approximate).then(|| start_text.to_owned()),
            planned: false,
            coverage: Vec::new(),
        })
    }

    /// The row's date, from its date cell or its year, month and day: `None` for a row
    /// without one, an error saying why a written one cannot be read.
    fn start<'r>(&self, row: &'r TableRow) -> Option<Result<(&'r str, CellDate), String>> {
        let year = self.cell(row, SheetRole::Year);
        let Some(text) = self.cell(row, SheetRole::Start) else {
            let year = year?;
            return Some(self.date_from_parts(row, year).map(|date| (year, date)));
        };
        let text_without_link = markdown_text(text).0;
        Some(match parse_cell(&text_without_link, self.day_first) {
            // "9/24/06" in the row of the year 1906: the year column says the century.
            Ok(mut date) if date.two_digit_year => {
                if let Some(stated) = year.and_then(|y| y.parse::<i32>().ok())
                    && stated.rem_euclid(100) == date.start.year_number().rem_euclid(100)
                    && let Some(fixed) = with_year(date.start, stated)
                {
                    date.start = fixed;
                    date.two_digit_year = false;
                }
                Ok((text, date))
            }
            Ok(date) => Ok((text, date)),
            Err(error) => Err(error.describe(text)),
        })
    }

    fn date_from_parts(&self, row: &TableRow, year: &str) -> Result<CellDate, String> {
        let part = |role: SheetRole| self.cell(row, role);
        let text = [Some(year), part(SheetRole::Month), part(SheetRole::Day)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("-");
        parse_cell(&text, false).map_err(|error| error.describe(&text))
    }

    /// The end cell read as the only date of its row.
    fn end_alone<'r>(&self, row: &'r TableRow) -> Option<(&'r str, CellDate)> {
        let text = self.cell(row, SheetRole::End)?;
        let mut date = parse_cell(text, self.day_first).ok()?;
        if let Some(end) = date.end.take() {
            date.start = end;
        }
        Some((text, date))
    }

    fn title<'r>(&self, row: &'r TableRow) -> Option<&'r str> {
        self.cell(row, SheetRole::Title).or_else(|| {
            self.title_fallbacks
                .iter()
                .find_map(|&column| row.cell(column))
        })
    }

    fn end(
        &self,
        row: &TableRow,
        date: &CellDate,
        tally: &mut Tally,
        out: &mut FileOutput,
    ) -> Option<PartialDate> {
        let line = row.line;
        let Some(text) = self.cell(row, SheetRole::End) else {
            return date.end;
        };
        if is_ongoing(text) {
            tally.note(ONGOING, line);
            return date.end;
        }
        let column = self.column_of(SheetRole::End);
        match parse_cell(text, self.day_first) {
            Ok(end) => {
                let end = end.end.unwrap_or(end.start);
                if end.last_day() < date.start.first_day() {
                    out.warning(
                        line,
                        column,
                        format!("the end '{text}' is before the start; the end was left out"),
                    );
                    None
                } else {
                    (end != date.start).then_some(end)
                }
            }
            Err(CellDateError::NotADate) => {
                note_value(&mut tally.worded_ends, text, line);
                date.end
            }
            Err(error) => {
                out.warning(
                    line,
                    column,
                    format!("{}; the end was left out", error.describe(text)),
                );
                date.end
            }
        }
    }

    /// The row's kind, and its category cell where the app has no kind for it.
    fn category<'r>(
        &self,
        row: &'r TableRow,
        title: &str,
        tally: &mut Tally,
    ) -> (Category, Option<&'r str>) {
        match self.cell(row, SheetRole::Category) {
            None => (Category::from_words(title).unwrap_or(Category::Other), None),
            Some(value) => match Category::from_words(value) {
                Some(category) => (category, None),
                None => {
                    note_value(&mut tally.categories, value, row.line);
                    (Category::Other, Some(value))
                }
            },
        }
    }

    fn countries(&self, row: &TableRow, tally: &mut Tally) -> Vec<Country> {
        let mut countries = Vec::new();
        // Without a countries column, the place's country: "Trieste, Italy" is in Italy.
        if !self.columns.contains_key(&SheetRole::Countries) {
            let place = self
                .cell(row, SheetRole::Place)
                .map(country_names)
                .unwrap_or_default();
            countries.extend(place.iter().filter_map(|name| Country::from_name(name)));
            countries.dedup();
            return countries;
        }
        for name in self
            .cell(row, SheetRole::Countries)
            .map(country_names)
            .unwrap_or_default()
        {
            match Country::from_name(&name) {
                Some(country) if !countries.contains(&country) => countries.push(country),
                Some(_) => {}
                None => note_value(&mut tally.countries, &name, row.line),
            }
        }
        countries
    }

    fn list(&self, row: &TableRow, role: SheetRole) -> Vec<String> {
        self.cell(row, role)
            .map(|cell| {
                cell.split([';', '|', '\n'])
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// "CHN 12 universities; total 30 scientists", "40 scientists", or a bare number counted
    /// in the header's words ("Participants: 40").
    fn participants(&self, row: &TableRow, out: &mut FileOutput) -> Vec<Participant> {
        let Some(cell) = self.cell(row, SheetRole::Participants) else {
            return Vec::new();
        };
        if let Some(count) = super::profile::parse_number(cell)
            .filter(|n| n.fract() == 0.0 && *n >= 0.0)
            .map(|n| n as u64)
        {
            let unit = self
                .columns
                .get(&SheetRole::Participants)
                .and_then(|&i| self.names.get(i));
            let unit = unit.map_or("participants".to_owned(), |n| n.to_lowercase());
            return vec![Participant {
                country: None,
                count,
                unit,
                qualifier: None,
            }];
        }
        match parse_participant_list(cell) {
            Ok(list) => list,
            Err(message) => {
                out.warning(
                    row.line,
                    self.column_of(SheetRole::Participants),
                    format!("{message}; the counts were left out"),
                );
                Vec::new()
            }
        }
    }
}

fn with_year(date: PartialDate, year: i32) -> Option<PartialDate> {
    match (date.month_number(), date.day_number()) {
        (Some(month), Some(day)) => PartialDate::day(year, month, day),
        (Some(month), None) => PartialDate::month(year, month),
        _ => PartialDate::year(year),
    }
}

/// A repeated id gets its row's line, and the repeat is told once: no row is dropped.
fn unique_id(
    mut event: Event,
    ids: &mut HashMap<String, usize>,
    tally: &mut Tally,
    line: u64,
) -> Event {
    let seen = ids.entry(event.id.clone()).or_insert(0);
    *seen += 1;
    if *seen > 1 {
        tally.note(REPEATED_ID, line);
        event.id = format!("{}-{line}", event.id);
    }
    event
}

const NO_DATE: &str = "no_date";
const NO_TITLE: &str = "no_title";
const APPROXIMATE: &str = "approximate";
const TIME_DROPPED: &str = "time";
const TWO_DIGIT_YEAR: &str = "two_digit_year";
const ONGOING: &str = "ongoing";
const REPEATED_ID: &str = "repeated_id";

/// Tells what many rows had in common, once each.
fn tell(tally: Tally, series_mapped: bool, out: &mut FileOutput) {
    for (kind, (rows, line)) in tally.notes {
        let rows_text = if rows == 1 {
            "1 row".to_owned()
        } else {
            format!("{rows} rows")
        };
        let (error, message) = match kind {
            NO_DATE => (
                true,
                format!("{rows_text} have no date and were left out (the first here)"),
            ),
            NO_TITLE => (
                false,
                format!(
                    "{rows_text} have a date but no text to name them and were left out (the first here)"
                ),
            ),
            APPROXIMATE => (
                false,
                format!(
                    "{rows_text} give their date roughly (c., tbd, a season): placed at the date written and shown as written (the first here)"
                ),
            ),
            TIME_DROPPED => (
                false,
                format!(
                    "{rows_text} give a time of day or a time zone, which was left out: events are placed by their day (the first here)"
                ),
            ),
            TWO_DIGIT_YEAR => (
                false,
                format!(
                    "{rows_text} write the year with two digits, read by Excel's rule: 00–29 as 2000–2029, 30–99 as 1930–1999 (the first here); write four digits where that is wrong"
                ),
            ),
            ONGOING => (
                false,
                format!(
                    "{rows_text} say their end has not come (\"still\", \"present\"): they have no end (the first here)"
                ),
            ),
            _ => (
                false,
                format!(
                    "{rows_text} repeat an id used above; each was kept under its id and its line (the first here)"
                ),
            ),
        };
        if error {
            out.error(line, None, message);
        } else {
            out.warning(line, None, message);
        }
    }
    if let Some((line, values)) = listed_values(&tally.worded_ends) {
        out.warning(line, None, format!("ends that are words, not dates, were left out (those events keep their start): {values}"));
    }
    if let Some((line, values)) = listed_values(&tally.countries) {
        out.warning(line, None, format!("names that are no country the app knows were left out of the countries: {values}; a former state (USSR, Yugoslavia) has no ISO 3166-1 code"));
    }
    if let Some((line, values)) = listed_values(&tally.categories) {
        let series = if series_mapped {
            ""
        } else {
            ", and the values were kept as their series (Lanes → by series)"
        };
        out.warning(
            line,
            None,
            format!("categories the app has no kind for were read as 'other'{series}: {values}"),
        );
    }
}

/// "'NY' (5 rows), 'Trieste' (11 rows) and 3 more", most rows first, and the first line
/// among them.
fn listed_values(values: &BTreeMap<String, (usize, u64)>) -> Option<(u64, String)> {
    const SHOWN: usize = 6;
    let first_line = values.values().map(|&(_, line)| line).min()?;
    let mut by_rows: Vec<(&String, usize)> =
        values.iter().map(|(v, &(rows, _))| (v, rows)).collect();
    by_rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut listed: Vec<String> = (by_rows.iter().take(SHOWN))
        .map(|(value, rows)| {
            format!(
                "'{value}' ({})",
                crate::format::count_of(*rows as u64, "row")
            )
        })
        .collect();
    if by_rows.len() > SHOWN {
        listed.push(format!("{} more", by_rows.len() - SHOWN));
    }
    Some((first_line, listed.join(", ")))
}

/// Splits a countries cell: "China; Japan", "CHN,JPN", "China and Japan", "USA (NASA)  ESA",
/// names with what is in brackets taken off.
pub fn country_names(cell: &str) -> Vec<String> {
    let without_brackets: String = {
        let mut depth = 0;
        cell.chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth = (depth - 1).max(0),
                    _ => return depth == 0,
                }
                false
            })
            .collect()
    };
    without_brackets
        .split([';', ',', '/', '|', '、'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split("  "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// "[Name](https://…)" as its name and link; footnote marks ("[1]") taken off.
fn markdown_text(cell: &str) -> (String, Option<String>) {
    if let Some(rest) = cell.strip_prefix('[')
        && let Some((text, after)) = rest.split_once("](")
        && let Some((url, _)) = after.split_once(')')
    {
        return (text.trim().to_owned(), Some(url.trim().to_owned()));
    }
    (cell.to_owned(), None)
}

fn clean_title(cell: &str) -> (String, Option<String>) {
    let (text, link) = markdown_text(cell);
    let text = crate::text::html::fragment_to_text(&text);
    let mut cleaned = String::with_capacity(text.len());
    let mut rest = text.as_str();
    // "[1]", "[a]": a footnote's mark.
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|c| open + c);
        match close {
            Some(close) if close - open <= 4 => {
                cleaned.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                cleaned.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    cleaned.push_str(rest);
    (
        cleaned.split_whitespace().collect::<Vec<_>>().join(" "),
        link,
    )
}

/// The first web address in a cell that may hold several.
fn first_link(cell: &str) -> Option<String> {
    let start = cell.find("http")?;
    let link: String = cell[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ';' && *c != ',')
        .collect();
    // Two links run together: "…#dhttp://…".
    let link = match link[4..].find("http") {
        Some(at) => link[..at + 4].to_owned(),
        None => link,
    };
    Some(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cleaned_of_marks_and_links() {
        assert_eq!(
            clean_title("[16th ITCS (ITCS 2025)](http://itcs-conf.org)"),
            (
                "16th ITCS (ITCS 2025)".to_owned(),
                Some("http://itcs-conf.org".to_owned())
            )
        );
        assert_eq!(clean_title("First telescope[1]").0, "First telescope");
        assert_eq!(
            clean_title("<a href=\"x\">Title</a> &amp; more").0,
            "Title & more"
        );
        assert_eq!(
            country_names("USA (NASA)  ESA  Italy (ASI)"),
            ["USA", "ESA", "Italy"]
        );
        assert_eq!(
            first_link("https://a.org/x#dhttp://b.org/y#d").as_deref(),
            Some("https://a.org/x#d")
        );
    }
}
