//! Which row of a table is its header, told by comparing each early row with the rows under
//! it: a first row of a year and blanks, or of a date and a link, is data (the table has no
//! header); a row with one cell above the header is a title; a second row of names under the
//! header (pandas writes one) is part of it.

use super::table::{Table, TableRow};
use crate::model::date::parse_cell;

/// The header a table was found to have.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header {
    /// One name per column, as shown to the user: a blank name is "Column 3".
    pub names: Vec<String>,
    /// The index of the first row of data.
    pub data_start: usize,
    /// False when the first row is already data.
    pub written: bool,
    /// What was found odd about it, to tell the user.
    pub notes: Vec<String>,
}

/// What a cell holds, as far as telling a header from data goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CellKind {
    Empty,
    Date,
    Number,
    Link,
    Text,
}

fn kind_of(cell: &str) -> CellKind {
    let cell = cell.trim();
    if cell.is_empty() {
        CellKind::Empty
    } else if cell.replace([',', ' '], "").parse::<f64>().is_ok() {
        CellKind::Number
    } else if cell.starts_with("http") || (cell.starts_with('[') && cell.contains("](")) {
        CellKind::Link
    } else if cell.len() <= 60
        && cell.bytes().any(|b| b.is_ascii_digit())
        && parse_cell(cell, true).is_ok()
    {
        CellKind::Date
    } else {
        CellKind::Text
    }
}

/// The kind most cells of each column have in `rows`, where most of its filled cells agree.
fn column_kinds(rows: &[TableRow], width: usize) -> Vec<CellKind> {
    (0..width)
        .map(|column| {
            let kinds: Vec<CellKind> = rows
                .iter()
                .map(|r| kind_of(r.cells.get(column).map_or("", String::as_str)))
                .filter(|k| *k != CellKind::Empty)
                .collect();
            [
                CellKind::Date,
                CellKind::Number,
                CellKind::Link,
                CellKind::Text,
            ]
            .into_iter()
            .find(|kind| kinds.iter().filter(|k| *k == kind).count() * 10 >= kinds.len() * 6)
            .filter(|_| !kinds.is_empty())
            .unwrap_or(CellKind::Empty)
        })
        .collect()
}

/// How many of `row`'s cells have the kind of the data under them, and how many are names
/// over a column of dates, numbers or links.
fn agreement(row: &TableRow, kinds: &[CellKind]) -> (usize, usize) {
    let (mut like_data, mut like_names) = (0, 0);
    for (column, &body) in kinds.iter().enumerate() {
        let kind = kind_of(row.cells.get(column).map_or("", String::as_str));
        if kind == CellKind::Empty || body == CellKind::Empty {
            continue;
        }
        if kind == body && body != CellKind::Text {
            like_data += 1;
        } else if kind == CellKind::Text && body != CellKind::Text {
            like_names += 1;
        }
    }
    (like_data, like_names)
}

fn filled(row: &TableRow) -> usize {
    row.cells.iter().filter(|c| !c.trim().is_empty()).count()
}

/// Finds the header of `table`, looking at its first rows.
pub fn find_header(table: &Table) -> Header {
    let rows = &table.rows;
    let sample: Vec<&TableRow> = rows.iter().filter(|r| !r.is_blank()).take(60).collect();
    let width = sample.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let Some(first) = sample.first() else {
        return Header::default();
    };
    let index_of = |row: &TableRow| rows.iter().position(|r| r.line == row.line).unwrap_or(0);
    // A title above the header: one filled cell where the rows after fill several.
    let mut header_at = 0;
    while header_at + 1 < sample.len().min(4)
        && filled(sample[header_at]) == 1
        && filled(sample[header_at + 1]) >= 2
    {
        header_at += 1;
    }
    let header = sample[header_at];
    let body: Vec<TableRow> = sample[header_at + 1..]
        .iter()
        .map(|r| (*r).clone())
        .collect();
    let kinds = column_kinds(&body, width);
    let (like_data, like_names) = agreement(header, &kinds);
    let mut notes = Vec::new();
    if like_data > 0 && like_data >= like_names {
        notes.push("the first row holds data, not names: the columns are numbered".to_owned());
        return Header {
            names: (1..=width).map(|n| format!("Column {n}")).collect(),
            data_start: index_of(first),
            written: false,
            notes,
        };
    }
    if header_at > 0 {
        notes.push(format!(
            "the first {} row(s) above the header were taken as a title and skipped",
            header_at
        ));
    }
    let mut names: Vec<String> = (0..width)
        .map(|column| {
            header
                .cells
                .get(column)
                .map_or("", |c| c.trim())
                .replace(['\n', '\r'], " ")
        })
        .collect();
    let mut data_start = index_of(header) + 1;
    // A second row of names under the first, as pandas writes for two-level columns.
    if let Some(second) = body.first()
        && is_second_header(second, &kinds, &body[1..], width)
    {
        for (column, name) in names.iter_mut().enumerate() {
            let below = second.cells.get(column).map_or("", |c| c.trim());
            *name = join_levels(name, below);
        }
        data_start = index_of(second) + 1;
        notes.push("a second header row was joined to the first".to_owned());
    }
    let names = unique_names(names);
    // Trailing empty cells ("…,,") are no columns: Excel writes them after the last filled one.
    let filled_width = |row: &TableRow| {
        row.cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1)
    };
    let widest_row = body.iter().map(filled_width).max().unwrap_or(width);
    let header_width = header
        .cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1);
    if header_width != widest_row && widest_row > 0 && !body.is_empty() {
        notes.push(format!(
            "the header names {header_width} columns but the rows have {widest_row}; the columns were matched by position, so check them with “Columns…”"
        ));
    }
    Header {
        names,
        data_start,
        written: true,
        notes,
    }
}

/// A row under the header that names rather than holds: pandas' "Unnamed: 1_level_1", or
/// words over columns whose data are dates, numbers or links.
fn is_second_header(row: &TableRow, kinds: &[CellKind], rest: &[TableRow], width: usize) -> bool {
    let pandas = row.cells.iter().any(|c| c.contains("_level_"));
    if pandas {
        return true;
    }
    let rest_kinds = column_kinds(rest, width);
    let (like_data, like_names) = agreement(row, &rest_kinds);
    let typed = kinds
        .iter()
        .filter(|k| !matches!(k, CellKind::Text | CellKind::Empty))
        .count();
    rest.len() >= 2 && like_data == 0 && like_names >= 2 && like_names * 2 >= typed
}

/// "Unnamed: 3_level_0" is no name; two levels make one: "Dates Start".
fn join_levels(upper: &str, lower: &str) -> String {
    let named = |name: &str| !name.is_empty() && !name.starts_with("Unnamed:");
    match (named(upper), named(lower)) {
        (true, true) if upper != lower => format!("{upper} {lower}"),
        (true, _) => upper.to_owned(),
        (false, true) => lower.to_owned(),
        (false, false) => String::new(),
    }
}

/// Blank names numbered by their column, repeated names by their place: "Column 1", "Date
/// (2)".
fn unique_names(names: Vec<String>) -> Vec<String> {
    let mut unique: Vec<String> = Vec::with_capacity(names.len());
    for (column, name) in names.into_iter().enumerate() {
        let name = if name.is_empty() || name.starts_with("Unnamed:") {
            format!("Column {}", column + 1)
        } else {
            name
        };
        let mut candidate = name.clone();
        let mut n = 2;
        while unique.contains(&candidate) {
            candidate = format!("{name} ({n})");
            n += 1;
        }
        unique.push(candidate);
    }
    unique
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(lines: &[&[&str]]) -> Table {
        Table {
            rows: lines
                .iter()
                .enumerate()
                .map(|(i, cells)| TableRow {
                    line: i as u64 + 1,
                    cells: cells.iter().map(|c| (*c).to_owned()).collect(),
                })
                .collect(),
            in_workbook: false,
        }
    }

    #[test]
    fn a_first_row_of_data_is_no_header() {
        let years = table(&[
            &["1591", "", "", "", ""],
            &["1592", "文禄", "1", "", ""],
            &["1600", "慶長", "6", "", "関が原の戦い"],
        ]);
        let header = find_header(&years);
        assert!(!header.written);
        assert_eq!(header.names[0], "Column 1");
        assert_eq!(header.data_start, 0);
        let links = table(&[
            &[
                "2025-01-07 to 10",
                "[ITCS 2025](http://itcs-conf.org)",
                "New York",
            ],
            &["2025-01-08", "[SODA](http://soda.org)", "New Orleans"],
            &["2025-02-01", "[STACS](http://stacs.org)", "Jena"],
        ]);
        assert!(!find_header(&links).written);
    }

    #[test]
    fn names_are_found_under_titles_and_over_second_rows() {
        let titled = table(&[
            &["Conferences cancelled in 2020", "", ""],
            &[
                "Academic Conference Name\n(Primarily Academic Only Please)",
                "Date",
                "Link",
            ],
            &["ICLR", "2020-04-26", "https://iclr.cc"],
            &["CHI", "2020-04-25", "https://chi.org"],
        ]);
        let header = find_header(&titled);
        assert!(header.written);
        assert_eq!(header.data_start, 2);
        assert_eq!(
            header.names[0],
            "Academic Conference Name (Primarily Academic Only Please)"
        );
        let pandas = table(&[
            &["", "Date", "Event"],
            &[
                "Unnamed: 0_level_1",
                "Unnamed: 1_level_1",
                "Unnamed: 2_level_1",
            ],
            &["0", "1961-04-12", "Vostok 1"],
            &["1", "1969-07-20", "Apollo 11"],
        ]);
        let header = find_header(&pandas);
        assert_eq!(header.names, ["Column 1", "Date", "Event"]);
        assert_eq!(header.data_start, 2);
    }
}
