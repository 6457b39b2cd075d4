//! Any dated table (CSV, TSV, a workbook's sheet, a JSON list of objects) under its own
//! headers, in any language, or none: the header row is found, the columns' roles guessed from
//! the headers and the cells together, and the rows made events. The guess is told in the
//! problems panel and the user can change it; a chosen mapping is kept for that file outside
//! the data folder.

mod guess;
mod header;
mod names;
mod profile;
mod rows;
mod table;

use std::collections::BTreeMap;

pub use self::guess::guess_mapping;
pub use self::header::{Header, find_header};
pub use self::names::normalise_header;
pub use self::rows::country_names;
pub use self::table::{Delimiter, Table, TableRow, header_names, read_text_table, sniff_delimiter};
pub use crate::model::columns::{SheetColumns, SheetMapping, SheetRole};

use self::profile::{ColumnProfile, profile_columns};
use self::rows::RowReader;
use super::FileOutput;

/// Parses a text table with the user's `chosen` mapping, or one guessed; `forced` columns
/// (from `--columns`) take their roles over the guess.
pub fn parse_sheet(
    text: &str,
    chosen: Option<SheetMapping>,
    forced: Option<&SheetMapping>,
    out: &mut FileOutput,
) {
    let Some(delimiter) = sniff_delimiter(text) else {
        out.error(1, None, "this table has no rows of two or more columns");
        return;
    };
    let (table, broken) = read_text_table(text, delimiter);
    parse_table(&table, chosen, forced, out);
    if let Some((line, error)) = broken {
        out.error(
            line,
            None,
            format!("this row cannot be read ({error}); the rest of the file was skipped"),
        );
    }
}

/// Makes events of a table's rows: see [`parse_sheet`].
pub fn parse_table(
    table: &Table,
    chosen: Option<SheetMapping>,
    forced: Option<&SheetMapping>,
    out: &mut FileOutput,
) {
    out.in_workbook = table.in_workbook;
    let header = find_header(table);
    let header_line = table
        .rows
        .get(header.data_start.saturating_sub(1))
        .map_or(1, |r| r.line);
    for note in &header.notes {
        out.warning(header_line, None, note.clone());
    }
    let rows = &table.rows[header.data_start.min(table.rows.len())..];
    parse_named_rows(&header.names, rows, header_line, chosen, forced, out);
}

/// Makes events of rows whose columns are named `names` (a header found, or a JSON list's
/// keys); problems about the whole table are told at `header_line`.
pub fn parse_named_rows(
    names: &[String],
    rows: &[TableRow],
    header_line: u64,
    chosen: Option<SheetMapping>,
    forced: Option<&SheetMapping>,
    out: &mut FileOutput,
) {
    let names = &names.to_vec();
    let profiles = profile_columns(rows, names.len(), true);
    let guessed = chosen.is_none();
    let mut mapping = chosen.unwrap_or_else(|| guess_mapping(names, &profiles));
    if let Some(forced) = forced {
        force(&mut mapping, forced, names);
    }
    let columns = column_indexes(&mapping, names);
    out.columns = Some(SheetColumns {
        header: names.clone(),
        mapping: mapping.clone(),
    });
    if !mapping.has_date()
        && let Some(message) = yearless_dates(names, &profiles)
    {
        out.error(header_line, None, message);
        return;
    }
    if !mapping.has_date() {
        out.error(header_line, None, format!(
            "no column holds dates (the columns are: {}); if one does, choose it with “Columns…” in the problems panel or --columns",
            names.join(", ")
        ));
        return;
    }
    let title_fallbacks = title_fallbacks(&columns, &profiles);
    if !columns.contains_key(&SheetRole::Title) && title_fallbacks.is_empty() {
        out.error(header_line, None, format!(
            "no column holds text to name the events (the columns are: {}); choose one with “Columns…”",
            names.join(", ")
        ));
        return;
    }
    if guessed {
        tell_guess(&columns, names, header_line, out);
    }
    let day_first = mapping
        .day_first
        .unwrap_or_else(|| day_first_by_values(rows, &columns));
    if mapping.day_first.is_none() && ambiguous_order(rows, &columns) {
        let order = if day_first { "day/month" } else { "month/day" };
        out.warning(header_line, None, format!("dates such as 03/04/2021 could be day/month or month/day; they were read as {order} (change it with “Columns…”)"));
    }
    let reader = RowReader {
        columns,
        title_fallbacks,
        day_first,
        names,
        id_prefix: id_prefix(out.name(), out.in_workbook),
    };
    reader.read(rows, out);
}

/// Why a table whose dates lack their year cannot be placed: the year is no guess to make.
fn yearless_dates(names: &[String], profiles: &[ColumnProfile]) -> Option<String> {
    let (column, profile) = (names.iter().zip(profiles))
        .filter(|(_, p)| p.filled > 0 && p.yearless * 2 >= p.filled)
        .max_by_key(|(_, p)| p.yearless)?;
    let example = profile.first_yearless.as_deref().unwrap_or_default();
    Some(format!(
        "the column '{column}' holds dates without a year (such as '{example}'), so the events cannot be placed; write the year in its cells (in Excel, format the column as dates with the year) or give a year column with “Columns…”"
    ))
}

/// The roles `forced` gives the headers it names, over what was guessed.
fn force(mapping: &mut SheetMapping, forced: &SheetMapping, names: &[String]) {
    for (role, header) in &forced.columns {
        let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(header.trim())) else {
            continue;
        };
        mapping.columns.retain(|_, chosen| chosen != name);
        mapping.columns.insert(*role, name.clone());
    }
    if forced.day_first.is_some() {
        mapping.day_first = forced.day_first;
    }
}

fn column_indexes(mapping: &SheetMapping, names: &[String]) -> BTreeMap<SheetRole, usize> {
    (mapping.columns.iter())
        .filter_map(|(role, name)| Some((*role, names.iter().position(|n| n == name)?)))
        .collect()
}

/// Text columns not given a role, most title-like first, to name a row without a title.
fn title_fallbacks(columns: &BTreeMap<SheetRole, usize>, profiles: &[ColumnProfile]) -> Vec<usize> {
    let used: Vec<usize> = columns.values().copied().collect();
    let mut candidates: Vec<(usize, f32)> = (0..profiles.len())
        .filter(|i| !used.contains(i))
        .filter(|&i| {
            profiles[i].filled > 0
                && profiles[i].text_share() >= 0.8
                && profiles[i].link_share() < 0.2
        })
        // A label repeated down the column (an era, a region) names no single event.
        .filter(|&i| profiles[i].variety() >= 0.5)
        .map(|i| (i, profiles[i].variety()))
        .collect();
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
    let named = [
        SheetRole::Summary,
        SheetRole::Organizers,
        SheetRole::People,
        SheetRole::Series,
        SheetRole::Place,
    ];
    (named.iter().filter_map(|role| columns.get(role).copied()))
        .chain(candidates.into_iter().map(|(i, _)| i))
        .collect()
}

/// How the note of a guessed mapping begins.
pub const GUESS_NOTE: &str = "columns guessed from the headers and the cells: ";

fn tell_guess(
    columns: &BTreeMap<SheetRole, usize>,
    names: &[String],
    line: u64,
    out: &mut FileOutput,
) {
    let described: Vec<String> = columns
        .iter()
        .map(|(role, &i)| format!("{} = '{}'", role.label(), names[i]))
        .collect();
    out.warning(
        line,
        None,
        format!(
            "{GUESS_NOTE}{}; change them with “Columns…” in the problems panel if they are wrong",
            described.join(", ")
        ),
    );
}

/// Ids for rows without one: the file's name (and sheet) and the row's line.
fn id_prefix(name: &str, in_workbook: bool) -> String {
    let (file, sheet) = match name.rsplit_once(':') {
        Some((file, sheet)) if in_workbook => (file, Some(sheet)),
        _ => (name, None),
    };
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("sheet");
    let prefix = match sheet {
        Some(sheet) => format!("{stem}-{sheet}"),
        None => stem.to_owned(),
    };
    prefix
        .to_lowercase()
        .replace(|c: char| !c.is_alphanumeric(), "-")
}

/// The numbers of "04/11/2021" or "13/11/2021", where the date has three.
fn slashed(value: &str) -> Option<(u32, u32)> {
    let parts: Vec<u32> = value
        .split('/')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    match parts.as_slice() {
        [a, b, _] => Some((*a, *b)),
        _ => None,
    }
}

fn date_cells<'a>(
    rows: &'a [TableRow],
    columns: &BTreeMap<SheetRole, usize>,
) -> impl Iterator<Item = &'a str> {
    let wanted: Vec<usize> = [SheetRole::Start, SheetRole::End]
        .iter()
        .filter_map(|r| columns.get(r).copied())
        .collect();
    rows.iter().flat_map(move |row| {
        wanted
            .iter()
            .filter_map(|&c| row.cell(c))
            .collect::<Vec<_>>()
    })
}

/// Day first unless a date such as "12/25/2021" says the month comes first.
fn day_first_by_values(rows: &[TableRow], columns: &BTreeMap<SheetRole, usize>) -> bool {
    let (mut day, mut month) = (false, false);
    for (a, b) in date_cells(rows, columns).filter_map(slashed) {
        day |= a > 12 && b <= 12;
        month |= b > 12 && a <= 12;
    }
    !month || day
}

/// Whether some slashed dates could be read either way.
fn ambiguous_order(rows: &[TableRow], columns: &BTreeMap<SheetRole, usize>) -> bool {
    date_cells(rows, columns)
        .filter_map(slashed)
        .any(|(a, b)| a <= 12 && b <= 12 && a != b)
}

/// Whether `text` is a table with a column of dates: a `.txt` file of rows is a spreadsheet,
/// not an article.
pub fn is_dated_table(text: &str) -> bool {
    let Some(delimiter) = sniff_delimiter(text) else {
        return false;
    };
    let mut head = String::new();
    for line in text.lines().take(60) {
        head.push_str(line);
        head.push('\n');
    }
    let (table, _) = read_text_table(&head, delimiter);
    let header = find_header(&table);
    let rows = &table.rows[header.data_start.min(table.rows.len())..];
    let profiles = profile_columns(rows, header.names.len(), true);
    !rows.is_empty() && guess_mapping(&header.names, &profiles).is_usable()
}
