//! Partial dates: a year, a month or a day, exactly as precise as the source says.
//!
//! A year-only date is never turned into 1 January: it covers its whole year, and every
//! conversion to the time axis goes through [`PartialDate::first_day`] and
//! [`PartialDate::last_day`].
//!
//! Years run from -9999 to 9999 in astronomical numbering, as ISO 8601 writes them: year 0 is
//! 1 BCE, and `-0499` is 500 BCE. People see "500 BCE".

use std::fmt;

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod cell;
mod days;
mod written;

pub use self::cell::{CellDate, CellDateError, is_ongoing, parse_cell};
pub(crate) use self::days::days_since_origin;
pub use self::days::{DayWindow, date_from_days, day_number, days_from_date, time_origin};
pub use self::written::{
    fold_accents, month_abbreviation, month_from_name, month_in_any_language, parse_written,
    year_label,
};

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day.
///
/// Ordered by its first day, then by precision (so `2021` sorts before `2021-01`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Astronomical: 0 is 1 BCE.
    year: i16,
    /// 1–12 when the precision is month or day, else 0.
    month: u8,
    /// 1–31 when the precision is day, else 0.
    day: u8,
}

/// Why a date string could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (-YYYY before the year 1)")]
    Format(String),
    #[error("{0} is not a real date")]
    NotReal(String),
    #[error("{0} is outside the years the app can show (10000 BCE to 9999)")]
    OutOfRange(String),
}

/// The years a date may have: four digits, with a minus sign before the year 1.
pub const YEAR_RANGE: std::ops::RangeInclusive<i32> = -9999..=9999;

impl PartialDate {
    /// A year-precision date, if the year is in [`YEAR_RANGE`].
    pub fn year(year: i32) -> Option<Self> {
        YEAR_RANGE.contains(&year).then_some(Self {
            year: year as i16,
            month: 0,
            day: 0,
        })
    }

    /// A month-precision date, if the year is in range and `month` is 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        let year = Self::year(year)?;
        (1..=12).contains(&month).then_some(Self {
            month: month as u8,
            ..year
        })
    }

    /// A day-precision date, if it exists in the (proleptic Gregorian) calendar.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        let month_date = Self::month(year, month)?;
        // By arithmetic, not through chrono: millions of dates are checked when a cache is read.
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=days_in_month).contains(&day).then_some(Self {
            day: day as u8,
            ..month_date
        })
    }

    /// The date of a calendar day.
    pub fn of_day(date: NaiveDate) -> Option<Self> {
        Self::day(date.year(), date.month(), date.day())
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with `-` before years before 1 (`-0499` is
    /// 500 BCE); the shape of the text is its precision.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let format_error = || DateError::Format(text.to_owned());
        let (negative, unsigned) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let parts: Vec<&str> = unsigned.split('-').collect();
        if parts.len() > 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(format_error());
        }
        let year_digits = parts[0];
        if year_digits.len() > 4 && parts.len() == 1 {
            // A year of more digits is a date, just not one we can show (TimelineJS's
            // cosmological timelines go back 13.8 billion years).
            return Err(DateError::OutOfRange(text.to_owned()));
        }
        let expected_lengths = [4, 2, 2];
        if parts
            .iter()
            .zip(expected_lengths)
            .any(|(part, len)| part.len() != len)
        {
            return Err(format_error());
        }
        let number = |i: usize| parts[i].parse::<u32>().map_err(|_| format_error());
        let magnitude = number(0)? as i32;
        let year = if negative { -magnitude } else { magnitude };
        let not_real = || DateError::NotReal(text.to_owned());
        match parts.len() {
            1 => Self::year(year).ok_or_else(not_real),
            2 => Self::month(year, number(1)?).ok_or_else(not_real),
            _ => Self::day(year, number(1)?, number(2)?).ok_or_else(not_real),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, 1..) => Precision::Day,
            (1.., 0) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The astronomical year (0 is 1 BCE).
    pub fn year_number(&self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1–12, when known.
    pub fn month_number(&self) -> Option<u32> {
        (self.month > 0).then_some(u32::from(self.month))
    }

    /// The day of the month, when known.
    pub fn day_number(&self) -> Option<u32> {
        (self.day > 0).then_some(u32::from(self.day))
    }

    /// The first calendar day this date covers.
    pub fn first_day(&self) -> NaiveDate {
        let month = u32::from(self.month.max(1));
        let day = u32::from(self.day.max(1));
        // Every constructor checked the calendar, so this cannot fail; MIN keeps it total.
        NaiveDate::from_ymd_opt(self.year_number(), month, day).unwrap_or(NaiveDate::MIN)
    }

    /// [`day_number`] of the first day, by arithmetic: the spans of millions of events are
    /// counted with this.
    pub fn first_day_number(&self) -> i32 {
        days_since_origin(self.year_number(), self.month.max(1), self.day.max(1))
    }

    /// [`day_number`] of the last day, by arithmetic.
    pub fn last_day_number(&self) -> i32 {
        let year = self.year_number();
        let first_of_next = match self.precision() {
            Precision::Day => return self.first_day_number(),
            Precision::Month if self.month == 12 => days_since_origin(year + 1, 1, 1),
            Precision::Month => days_since_origin(year, self.month + 1, 1),
            Precision::Year => days_since_origin(year + 1, 1, 1),
        };
        first_of_next - 1
    }

    /// The last calendar day this date covers.
    pub fn last_day(&self) -> NaiveDate {
        match self.precision() {
            Precision::Day => self.first_day(),
            Precision::Month => {
                let first = self.first_day();
                let next_month = first.checked_add_months(chrono::Months::new(1));
                next_month.and_then(|d| d.pred_opt()).unwrap_or(first)
            }
            Precision::Year => {
                NaiveDate::from_ymd_opt(self.year_number(), 12, 31).unwrap_or(NaiveDate::MAX)
            }
        }
    }

    /// A date written for people, at its own precision: "2021", "Jul 2021", "28 Nov 2022",
    /// "500 BCE".
    pub fn display_long(&self) -> String {
        let year = year_label(self.year_number());
        match self.precision() {
            Precision::Year => year,
            Precision::Month => format!("{} {year}", month_abbreviation(self.month)),
            Precision::Day => format!("{} {} {year}", self.day, month_abbreviation(self.month)),
        }
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialDate {
    /// A number in the dates' order, (first day, precision), without building calendar
    /// dates: loading sorts millions of events by it.
    pub(crate) fn order_key(&self) -> u32 {
        // 16 bits of year, 4 of month, 5 of day, 2 of precision.
        let year = (i32::from(self.year) + 0x8000) as u32;
        let month = u32::from(self.month.clamp(1, 15));
        let day = u32::from(self.day.clamp(1, 31));
        year << 11 | month << 7 | day << 2 | self.precision() as u32
    }
}

/// The ISO form, as in the data files: `2021`, `2021-07`, `2021-07-15`, `-0499`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -i32::from(self.year))?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day > 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// When an event happened: a start, an optional end, and whether the date was worked out
/// rather than stated (e.g. from "a week ago").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateSpan {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub inferred: bool,
}

impl DateSpan {
    /// The first day covered.
    pub fn first_day(&self) -> NaiveDate {
        self.start.first_day()
    }

    /// The last day covered: the end's last day, or the start's (a year covers all of it).
    pub fn last_day(&self) -> NaiveDate {
        self.end.unwrap_or(self.start).last_day()
    }

    /// True when the event is a single day, drawn as a marker.
    pub fn is_single_day(&self) -> bool {
        self.first_day() == self.last_day()
    }

    /// The day number of the first day, and of the day after the last: half-open, as every
    /// comparison of ranges in the app takes it ([`DayWindow`]).
    pub fn day_range(&self) -> (i32, i32) {
        (
            self.start.first_day_number(),
            self.end
                .unwrap_or(self.start)
                .last_day_number()
                .saturating_add(1),
        )
    }

    /// The coarsest precision of the two ends: a span is only as sharp as its vaguer end.
    pub fn coarsest_precision(&self) -> Precision {
        self.end.map_or(self.start.precision(), |end| {
            end.precision().min(self.start.precision())
        })
    }

    /// The span written for people: "28–29 Nov 2022", "2020 – 2021", "Jul 2021", marked
    /// "(inferred)" where the date was worked out.
    pub fn display_long(&self) -> String {
        let mut text = match self.end {
            None => self.start.display_long(),
            Some(end) if end == self.start => self.start.display_long(),
            Some(end) => {
                let (start, end_first) = (self.start.first_day(), end.first_day());
                let both_days =
                    self.start.precision() == Precision::Day && end.precision() == Precision::Day;
                if both_days
                    && start.year() == end_first.year()
                    && start.month() == end_first.month()
                {
                    format!("{}–{}", start.day(), end.display_long())
                } else {
                    format!("{} – {}", self.start.display_long(), end.display_long())
                }
            }
        };
        if self.inferred {
            text.push_str(" (inferred)");
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_order_by_first_day_then_precision() {
        let mut dates = Vec::new();
        for year in [-9999, -1, 0, 1, 1999, 2000, 2024, 9999] {
            dates.extend(PartialDate::year(year));
            for month in [1, 2, 11, 12] {
                dates.extend(PartialDate::month(year, month));
                for day in [1, 2, 28, 29, 30, 31] {
                    dates.extend(PartialDate::day(year, month, day));
                }
            }
        }
        for a in &dates {
            for b in &dates {
                let by_day = (a.first_day_number(), a.precision());
                let expected = by_day.cmp(&(b.first_day_number(), b.precision()));
                assert_eq!(a.cmp(b), expected, "{a} against {b}");
            }
        }
    }

    #[test]
    fn a_day_exists_exactly_when_the_calendar_has_it() {
        for year in [
            -9999, -401, -400, -100, -4, -1, 0, 1, 100, 400, 1900, 2000, 2024, 9999,
        ] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let ours = PartialDate::day(year, month, day).is_some();
                    let chrono = (1..=12).contains(&month)
                        && NaiveDate::from_ymd_opt(year, month, day).is_some();
                    assert_eq!(ours, chrono, "{year}-{month}-{day}");
                }
            }
        }
    }

    #[test]
    fn parse_keeps_precision() {
        assert_eq!(
            PartialDate::parse("2010").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2022-05").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2022-11-28").unwrap().precision(),
            Precision::Day
        );
        assert_eq!(
            PartialDate::parse("2022-05").unwrap().to_string(),
            "2022-05"
        );
    }

    #[test]
    fn parse_rejects_bad_dates() {
        assert_eq!(
            PartialDate::parse("2022-02-30").unwrap_err().to_string(),
            "2022-02-30 is not a real date"
        );
        assert!(matches!(
            PartialDate::parse("2021-13"),
            Err(DateError::NotReal(_))
        ));
        assert!(matches!(
            PartialDate::parse("yesterday"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            PartialDate::parse("2021-1-5"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            PartialDate::parse("+2021"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(
            PartialDate::parse("-13800000000"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            PartialDate::parse("--2021"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(PartialDate::parse(""), Err(DateError::Format(_))));
        assert!(matches!(
            PartialDate::parse("2021-01-01-01"),
            Err(DateError::Format(_))
        ));
    }

    #[test]
    fn years_before_the_common_era() {
        let date = PartialDate::parse("-0499").unwrap();
        assert_eq!(date.year_number(), -499);
        assert_eq!(date.display_long(), "500 BCE");
        assert_eq!(date.to_string(), "-0499");
        assert_eq!(PartialDate::parse("0000").unwrap().display_long(), "1 BCE");
        let ides = PartialDate::parse("-0043-03-15").unwrap();
        assert_eq!(ides.display_long(), "15 Mar 44 BCE");
        assert_eq!(PartialDate::parse("0602").unwrap().display_long(), "602");
        assert!(PartialDate::parse("-9999").is_ok());
        assert!(ides < PartialDate::parse("0001").unwrap());
        let first = PartialDate::parse("-9999-01-01").unwrap().first_day();
        assert_eq!(date_from_days(days_from_date(first) + 0.5), Some(first));
    }

    #[test]
    fn a_year_covers_the_whole_year() {
        let year = PartialDate::parse("2010").unwrap();
        assert_eq!(year.first_day().to_string(), "2010-01-01");
        assert_eq!(year.last_day().to_string(), "2010-12-31");
        let feb = PartialDate::parse("2024-02").unwrap();
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
    }

    #[test]
    fn spans_read_naturally() {
        let span = DateSpan {
            start: PartialDate::parse("2022-11-28").unwrap(),
            end: PartialDate::parse("2022-11-29").ok(),
            inferred: false,
        };
        assert_eq!(span.display_long(), "28–29 Nov 2022");
        let span = DateSpan {
            start: PartialDate::parse("2020").unwrap(),
            end: PartialDate::parse("2021").ok(),
            inferred: false,
        };
        assert_eq!(span.display_long(), "2020 – 2021");
        let span = DateSpan {
            start: PartialDate::parse("2021-11-18").unwrap(),
            end: None,
            inferred: true,
        };
        assert_eq!(span.display_long(), "18 Nov 2021 (inferred)");
    }
}
