//! Words for numbers, counts and stretches of days, as every panel, the chart and the
//! command line write them: "765,291", "1 event", "3 warnings", "3 May 2024 – 9 May 2024".

use chrono::Datelike as _;

use crate::model::dataset::FileSummary;
use crate::model::date::{date_from_days, month_abbreviation, year_label};

/// `765291` as "765,291".
pub fn group_thousands(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1 error", "3 warnings", "1,200 events": the noun takes an "s" past one.
pub fn count_of(count: u64, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{} {noun}s", group_thousands(count))
    }
}

/// "1 event", "12,000 events".
pub fn events_phrase(count: u64) -> String {
    count_of(count, "event")
}

/// What a file gave: "12 events", or for an article "3 drafts".
/// The format a file was read in, with its encoding where it was not UTF-8: "spreadsheet
/// (windows-1252)".
pub fn format_read(file: &FileSummary) -> String {
    match &file.encoding {
        Some(encoding) => format!("{} ({encoding})", file.format),
        None => file.format.label().to_owned(),
    }
}

pub fn file_gave(file: &FileSummary) -> String {
    match (file.events, file.drafts) {
        (0, drafts) if drafts > 0 => count_of(drafts as u64, "draft"),
        (events, _) => events_phrase(events as u64),
    }
}

/// "3 May 2024" for the day at `days`; empty outside the calendar.
pub fn day_label(days: f64) -> String {
    date_from_days(days).map_or_else(String::new, |date| {
        let month = month_abbreviation(date.month() as u8);
        format!("{} {month} {}", date.day(), year_label(date.year()))
    })
}

/// "3 May 2024", or "3 May 2024 – 9 May 2024", for the days from `from_days` up to (not
/// including) `to_days`.
pub fn days_label(from_days: f64, to_days: f64) -> String {
    let first = from_days.floor();
    let last = (to_days - 1.0).ceil().max(first);
    if last <= first {
        day_label(first)
    } else {
        format!("{} – {}", day_label(first), day_label(last))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::days_from_date;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(group_thousands(0), "0");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1,000");
        assert_eq!(group_thousands(765_291), "765,291");
        assert_eq!(count_of(1, "warning"), "1 warning");
        assert_eq!(count_of(1200, "event"), "1,200 events");
        assert_eq!(events_phrase(0), "0 events");
    }

    #[test]
    fn a_stretch_of_days_names_its_first_and_last_day() {
        let day = |y, m, d| days_from_date(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(days_label(day(2024, 5, 3), day(2024, 5, 4)), "3 May 2024");
        assert_eq!(
            days_label(day(2024, 5, 3), day(2024, 5, 10)),
            "3 May 2024 – 9 May 2024"
        );
        assert_eq!(day_label(day(-43, 3, 15)), "15 Mar 44 BCE");
    }
}
