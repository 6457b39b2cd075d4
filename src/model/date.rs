//! Partial dates: a year, a month or a day, exactly as precise as the source says.
//!
//! A year-only date is never turned into 1 January: it covers its whole year, and every
//! conversion to the time axis goes through [`PartialDate::first_day`] and
//! [`PartialDate::last_day`].

use std::fmt;

use chrono::{Datelike as _, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
    year: i32,
    /// 1–12 when the precision is month or day.
    month: Option<u8>,
    /// 1–31 when the precision is day.
    day: Option<u8>,
}

/// Why a date string could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")]
    Format(String),
    #[error("{0} is not a real date")]
    NotReal(String),
}

/// Years outside this range are almost surely typing mistakes, and keeping them out also keeps
/// every day number far from the limits of chrono and of `f64`.
const YEAR_RANGE: std::ops::RangeInclusive<i32> = 1000..=9999;

impl PartialDate {
    /// A year-precision date.
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// A month-precision date, if `month` is 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self {
            year,
            month: Some(month as u8),
            day: None,
        })
    }

    /// A day-precision date, if it exists in the calendar.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            year,
            month: Some(month as u8),
            day: Some(day as u8),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the length of the text is its precision.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let text = text.trim();
        let format_error = || DateError::Format(text.to_owned());
        let parts: Vec<&str> = text.split('-').collect();
        let expected_lengths: &[usize] = &[4, 2, 2][..parts.len().min(3)];
        if parts.len() > 3
            || parts
                .iter()
                .zip(expected_lengths)
                .any(|(part, &len)| part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(format_error());
        }
        let number = |i: usize| parts[i].parse::<u32>().map_err(|_| format_error());
        let year = number(0)? as i32;
        if !YEAR_RANGE.contains(&year) {
            return Err(DateError::NotReal(text.to_owned()));
        }
        let not_real = || DateError::NotReal(text.to_owned());
        match parts.len() {
            1 => Ok(Self::year(year)),
            2 => Self::month(year, number(1)?).ok_or_else(not_real),
            _ => Self::day(year, number(1)?, number(2)?).ok_or_else(not_real),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The first calendar day this date covers.
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.unwrap_or(1) as u32;
        let day = self.day.unwrap_or(1) as u32;
        // Every constructor checked the calendar, so this cannot fail; MIN keeps it total.
        NaiveDate::from_ymd_opt(self.year, month, day).unwrap_or(NaiveDate::MIN)
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
            Precision::Year => NaiveDate::from_ymd_opt(self.year, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// A date written for people, at its own precision: "2021", "Jul 2021", "28 Nov 2022".
    pub fn display_long(&self) -> String {
        let first = self.first_day();
        match self.precision() {
            Precision::Year => format!("{}", self.year),
            Precision::Month => first.format("%b %Y").to_string(),
            Precision::Day => format!("{} {}", first.day(), first.format("%b %Y")),
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
        // The same order as (first day, precision), without building calendar dates: loading
        // sorts a million events by this.
        let key = |d: &Self| {
            (
                d.year,
                d.month.unwrap_or(1),
                d.day.unwrap_or(1),
                d.precision(),
            )
        };
        key(self).cmp(&key(other))
    }
}

/// The ISO form, as in the data files: `2021`, `2021-07`, `2021-07-15`.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// Days on the time axis are counted from this day, so that they stay small numbers.
pub fn time_origin() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// The time-axis position of the start of `date`, in days since [`time_origin`].
pub fn days_from_date(date: NaiveDate) -> f64 {
    (date - time_origin()).num_days() as f64
}

/// The calendar day that contains the time-axis position `days`, if it is a real date.
pub fn date_from_days(days: f64) -> Option<NaiveDate> {
    if !days.is_finite() || days.abs() > 3.0e6 {
        return None;
    }
    time_origin().checked_add_signed(chrono::TimeDelta::days(days.floor() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(matches!(PartialDate::parse(""), Err(DateError::Format(_))));
        assert!(matches!(
            PartialDate::parse("2021-01-01-01"),
            Err(DateError::Format(_))
        ));
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

    #[test]
    fn days_round_trip() {
        let date = NaiveDate::from_ymd_opt(2022, 11, 28).unwrap();
        assert_eq!(date_from_days(days_from_date(date) + 0.5), Some(date));
        assert_eq!(date_from_days(f64::NAN), None);
    }
}
