//! What the cells of each column look like: how many read as dates, years, numbers, links,
//! country names, how varied and how long they are. The roles are guessed from these as much
//! as from the headers.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::table::TableRow;
use crate::model::country::Country;
use crate::model::date::{CellDateError, parse_cell};

/// Distinct values are counted up to this many per column: enough to tell a category from a
/// title, at a bounded cost.
const DISTINCT_LIMIT: usize = 4096;

/// The cells of one column, summed up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnProfile {
    pub filled: usize,
    pub dates: usize,
    /// Whole numbers that could be years (1–2999 and BCE years).
    pub years: usize,
    /// Whole numbers of 1–31, as a day column holds.
    pub small_numbers: usize,
    pub numbers: usize,
    pub links: usize,
    pub countries: usize,
    /// Dates without a year ("24-Jan"), and the first of them.
    pub yearless: usize,
    pub first_yearless: Option<String>,
    /// Cells naming a country among other words: "Trieste, Italy", a place.
    pub places: usize,
    pub distinct: usize,
    pub total_chars: usize,
    /// Cells holding a number and words: "40 scientists", "CHN 12 universities".
    pub counts: usize,
    /// Whole numbers each one more than the one before (0, 1, 2 …): a row index.
    pub steps_of_one: usize,
    first_number: Option<f64>,
    last_number: Option<(usize, f64)>,
}

impl ColumnProfile {
    fn share(&self, part: usize) -> f32 {
        if self.filled == 0 {
            0.0
        } else {
            part as f32 / self.filled as f32
        }
    }

    pub fn date_share(&self) -> f32 {
        self.share(self.dates)
    }

    pub fn year_share(&self) -> f32 {
        self.share(self.years)
    }

    pub fn link_share(&self) -> f32 {
        self.share(self.links)
    }

    pub fn number_share(&self) -> f32 {
        self.share(self.numbers)
    }

    pub fn country_share(&self) -> f32 {
        self.share(self.countries)
    }

    /// Of the cells naming a country, how many name a place in it.
    pub fn place_share(&self) -> f32 {
        if self.countries == 0 {
            0.0
        } else {
            self.places as f32 / self.countries as f32
        }
    }

    pub fn count_share(&self) -> f32 {
        self.share(self.counts)
    }

    pub fn mean_chars(&self) -> f32 {
        self.share(self.total_chars)
    }

    /// Distinct values among the filled cells (of those counted).
    pub fn variety(&self) -> f32 {
        self.share(self.distinct).min(1.0)
    }

    /// A row index: numbers counting up by one, under a blank or "Unnamed" header.
    pub fn is_index(&self) -> bool {
        // An index counts from 0 or 1; years that follow each other (1591, 1592 …) are dates.
        self.filled >= 3
            && self.steps_of_one + 1 >= self.filled
            && self.first_number.is_some_and(|first| first <= 1.0)
    }

    /// How strongly the column holds dates: written dates count fully, bare numbers that
    /// could be years less (a column of lengths or counts may look like years).
    pub fn date_strength(&self) -> f32 {
        if self.is_index() {
            return 0.0;
        }
        self.share(self.dates - self.years) + 0.7 * self.share(self.years)
    }

    /// Free text: neither dates, numbers nor links.
    pub fn text_share(&self) -> f32 {
        1.0 - self
            .share(self.dates.max(self.numbers) + self.links)
            .min(1.0)
    }
}

/// Rows read for a profile: enough to tell the columns apart, spread over the whole table, so
/// that guessing costs the same for a hundred rows or a million.
const SAMPLED_ROWS: usize = 2000;

/// The profile of every column of `rows`, `width` columns wide, from a sample of its rows.
pub fn profile_columns(rows: &[TableRow], width: usize, day_first: bool) -> Vec<ColumnProfile> {
    let mut profiles = vec![ColumnProfile::default(); width];
    let mut seen: Vec<HashSet<&str>> = vec![HashSet::new(); width];
    let stride = rows.len().div_ceil(SAMPLED_ROWS).max(1);
    for (position, row) in rows.iter().enumerate().step_by(stride) {
        for (column, profile) in profiles.iter_mut().enumerate() {
            let Some(cell) = row.cell(column) else {
                continue;
            };
            profile.filled += 1;
            profile.total_chars += cell.chars().count();
            if seen[column].len() < DISTINCT_LIMIT && seen[column].insert(cell) {
                profile.distinct += 1;
            }
            note_cell(profile, cell, position, day_first);
        }
    }
    profiles
}

fn note_cell(profile: &mut ColumnProfile, cell: &str, position: usize, day_first: bool) {
    if let Some(number) = parse_number(cell) {
        profile.numbers += 1;
        profile.first_number.get_or_insert(number);
        // An index grows by one a row, so by the rows between two cells of the sample.
        if let Some((last_position, last)) = profile.last_number
            && number - last == (position - last_position) as f64
        {
            profile.steps_of_one += 1;
        }
        profile.last_number = Some((position, number));
        let whole = number.fract() == 0.0;
        if whole && (1.0..=31.0).contains(&number) {
            profile.small_numbers += 1;
        }
        // Years, BCE ones negative: -4500 in a list of events is 4500 BCE. 1–99 are rather
        // days, ranks or counts than years of the first century.
        let year_like = (-9999.0..=-1.0).contains(&number) || (100.0..=2999.0).contains(&number);
        if whole && year_like && !cell.contains('.') {
            profile.years += 1;
            profile.dates += 1;
        }
        return;
    }
    if cell.starts_with("http://") || cell.starts_with("https://") || cell.starts_with("www.") {
        profile.links += 1;
        return;
    }
    if looks_like_date(cell) {
        match parse_cell(cell, day_first).or_else(|_| parse_cell(cell, !day_first)) {
            Ok(_) => {
                profile.dates += 1;
                return;
            }
            Err(CellDateError::NoYear) => {
                profile.yearless += 1;
                profile
                    .first_yearless
                    .get_or_insert_with(|| cell.to_owned());
            }
            Err(_) => {}
        }
    }
    if cell.chars().count() <= 40 {
        let parts: Vec<&str> = cell.split([';', ',', '/']).map(str::trim).collect();
        let named = parts
            .iter()
            .filter(|part| Country::from_name(part).is_some())
            .count();
        if named > 0 {
            profile.countries += 1;
            if named < parts.len() {
                profile.places += 1;
            }
        }
    }
    if COUNT.is_match(cell) {
        profile.counts += 1;
    }
}

/// A number as a cell writes it: "1234", "-4500", "2.5", "1,234,567" or "1 234"; digits
/// split by spaces otherwise ("2013 1 15") are no number.
pub fn parse_number(cell: &str) -> Option<f64> {
    static GROUPED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[-+]?\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d+)?$")
            .unwrap_or_else(|error| unreachable!("invalid pattern: {error}"))
    });
    if let Ok(number) = cell.parse::<f64>() {
        return number.is_finite().then_some(number);
    }
    GROUPED
        .is_match(cell)
        .then(|| cell.replace([',', ' '], "").parse().ok())
        .flatten()
}

/// A cheap look before the date reader: a date has a digit and is short.
fn looks_like_date(cell: &str) -> bool {
    cell.len() <= 60 && cell.bytes().any(|b| b.is_ascii_digit())
}

/// "40 scientists", "CHN 12 universities", "about 30 researchers".
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Z]{3}\s+)?(?:about|some|around|over|more than|at least|up to|nearly)?\s*\d[\d,]*\s+\p{L}[\p{L} -]{1,40}$",
    )
    .unwrap_or_else(|error| unreachable!("invalid pattern: {error}"))
});
