//! A date in a spreadsheet cell, as people and spreadsheet programs write it: one date at its
//! precision, or a range in one cell ("March 31-April 3, 2020", "April-May 1945", "2025-01-07
//! to 10"), a decade ("1990s"), BCE years ("3300 BC", "10,000 BC"), approximate dates ("c.
//! 1850", "2025 tbd"), Excel's two-digit years ("1/21/77", "Mar-46"), dates in Chinese,
//! Japanese and Korean ("2021年3月15日"), with any time and time zone dropped. What cannot be
//! a date says why.

use std::sync::LazyLock;

use regex::Regex;

use super::PartialDate;
use super::written::month_in_any_language;

/// A cell read as a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellDate {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// "c. 1850", "2025 tbd", "Summer 2025": known only roughly.
    pub approximate: bool,
    /// A time of day or a time zone was written and left out.
    pub time_dropped: bool,
    /// A year was written with two digits and given its century by Excel's rule.
    pub two_digit_year: bool,
}

/// Why a cell is not a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellDateError {
    NotADate,
    /// A day and a month, but no year ("9-Nov": Excel drops it).
    NoYear,
    /// A month outside 1–12.
    NoMonth(u32),
    /// A day the month does not have.
    NoDay {
        day: u32,
        month: u32,
    },
    /// The number where the file's dates have their month is not a month.
    NotAMonth {
        value: u32,
        day_first: bool,
    },
    /// Thousands or millions of years ago, beyond 9999 BCE.
    DeepTime,
}

impl CellDateError {
    /// Why `text` is not a date, in a sentence.
    pub fn describe(self, text: &str) -> String {
        match self {
            Self::NotADate => format!(
                "'{text}' is not a date the app can read (write it like 2021-11-04, 4 Nov 2021, Nov 2021 or 2021)"
            ),
            Self::NoYear => format!(
                "'{text}' has no year (a spreadsheet program may have dropped it); write the year, e.g. {text} 2021"
            ),
            Self::NoMonth(month) => format!("'{text}': there is no month {month}"),
            Self::NoDay { day, month } => format!(
                "'{text}': {} has no day {day}",
                MONTH_NAMES
                    .get(month as usize - 1)
                    .copied()
                    .unwrap_or("the month")
            ),
            Self::NotAMonth { value, day_first } => format!(
                "'{text}': {value} is not a month, and the file's dates look {}; change the order with “Columns…”",
                if day_first {
                    "day-first"
                } else {
                    "month-first"
                }
            ),
            Self::DeepTime => {
                format!("'{text}' is further back than 9999 BCE, which the timeline does not reach")
            }
        }
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The parts of a date one side of a range writes; the other side lends what is missing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Parts {
    year: Option<i64>,
    month: Option<u32>,
    day: Option<u32>,
    before_common_era: bool,
    two_digit_year: bool,
}

impl Parts {
    fn into_date(self) -> Result<PartialDate, CellDateError> {
        let Some(written) = self.year else {
            return Err(if self.month.is_some() && self.day.is_some() {
                CellDateError::NoYear
            } else {
                CellDateError::NotADate
            });
        };
        let year = if self.before_common_era {
            1 - written
        } else {
            written
        };
        if !(-9999..=9999).contains(&year) {
            return Err(CellDateError::DeepTime);
        }
        let year = year as i32;
        let valid_month = |month: u32| {
            if (1..=12).contains(&month) {
                Ok(month)
            } else {
                Err(CellDateError::NoMonth(month))
            }
        };
        match (self.month, self.day) {
            (None, None) => PartialDate::year(year).ok_or(CellDateError::NotADate),
            (Some(month), None) => {
                PartialDate::month(year, valid_month(month)?).ok_or(CellDateError::NotADate)
            }
            (Some(month), Some(day)) => PartialDate::day(year, valid_month(month)?, day)
                .ok_or(CellDateError::NoDay { day, month }),
            (None, Some(_)) => Err(CellDateError::NotADate),
        }
    }
}

/// Reads a cell as a date; in "04/11/2021" the first number is the day when `day_first`.
pub fn parse_cell(text: &str, day_first: bool) -> Result<CellDate, CellDateError> {
    // Most cells are plain numbers ("2021-11-04", "04.11.2021"): read without the cleaning.
    let trimmed = text.trim();
    if trimmed.len() <= 12
        && trimmed
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'/'))
        && let Ok(parts) = parts_of(trimmed, day_first, None)
        && let Ok(start) = parts.into_date()
    {
        let two_digit_year = parts.two_digit_year;
        return Ok(CellDate {
            start,
            end: None,
            approximate: false,
            time_dropped: false,
            two_digit_year,
        });
    }
    if is_prose(trimmed) {
        return Err(CellDateError::NotADate);
    }
    let cleaned = Cleaned::of(text);
    let mut date = match decade(&cleaned.text) {
        Some(decade) => decade,
        None => dates_in(&cleaned.text, day_first)?,
    };
    date.approximate |= cleaned.approximate;
    date.time_dropped |= cleaned.time_dropped;
    Ok(date)
}

/// A sentence or a title, not a date: more words than a written date has ("c. March 31 –
/// April 3, 2020 tbd"), or a word longer than any a date uses ("approximately").
fn is_prose(text: &str) -> bool {
    const LONGEST_DATE_WORD: usize = 13;
    text.split_whitespace().nth(9).is_some()
        || text
            .split(|c: char| !c.is_alphabetic())
            .any(|word| word.chars().count() > LONGEST_DATE_WORD)
}

/// Words that say an end has not come: "Still in office", "present", "heute".
pub fn is_ongoing(text: &str) -> bool {
    static ONGOING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:still\b.*|present|ongoing|current|now|today|to date|heute|aktuell|laufend|en cours|actualidad|presente|en curso|at present|至今|现在|現在|進行中|현재|по настоящее время|н\.?\s?в\.?)$")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    ONGOING.is_match(text.trim())
}

/// A cell without what only says how sure it is (c., tbd, ?), its time of day and zone,
/// weekday names and footnote marks.
struct Cleaned {
    text: String,
    approximate: bool,
    time_dropped: bool,
}

impl Cleaned {
    fn of(text: &str) -> Self {
        static APPROXIMATE: LazyLock<Regex> = LazyLock::new(|| {
            pattern(
                r"(?i)^(?:c\.|ca\.|circa|approx\.?|approximately|about|around|~|vers|um|etwa|hacia)\s*|\s*\?+$|\s*\((?:[^)]*\b(?:tbd|tba|tbc|approx\w*|to be (?:specified|confirmed|announced)|precise[^)]*)\b[^)]*)\)|\s+\b(?:tbd|tba|tbc)\b",
            )
        });
        static TIME: LazyLock<Regex> = LazyLock::new(|| {
            pattern(
                r"(?i)(?:T|\s+|^)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?|\s+(?:UTC|GMT|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|JST|KST|BST|IST|HKT|SGT|AEST|Z)(?:[+-]\d{1,2}(?::?\d{2})?)?\b",
            )
        });
        static NOISE: LazyLock<Regex> = LazyLock::new(|| {
            pattern(
                r"(?i)\[\w{1,3}\]|\s\([a-z]\)$|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b,?|^the\s+|\s+of\s+",
            )
        });
        let text: String = text
            .trim()
            .trim_matches(['"', '\''])
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '，' | '、' => ',',
                '．' => '.',
                '／' => '/',
                '\u{a0}' => ' ',
                other => other,
            })
            .collect();
        let approximate = APPROXIMATE.is_match(&text) || season(&text).is_some();
        let text = APPROXIMATE.replace_all(&text, "");
        let time_dropped = TIME.is_match(&text);
        let text = TIME.replace_all(&text, "");
        let text = NOISE.replace_all(&text, " ");
        let text = cjk_as_iso(text.trim());
        Self {
            text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            approximate,
            time_dropped,
        }
    }
}

fn pattern(text: &str) -> Regex {
    Regex::new(text).unwrap_or_else(|error| unreachable!("invalid pattern: {error}"))
}

/// "2021年3月15日", "2021년 3월 15일" as "2021-3-15"; "3月15日" as "3-15" (no year).
fn cjk_as_iso(text: &str) -> String {
    static CJK: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"^(?:(\d{1,4})\s*[年년]\s*)?(?:(\d{1,2})\s*[月월]\s*)?(?:(\d{1,2})\s*[日일号號]?)?$",
        )
    });
    if !text.contains(['年', '년', '月', '월']) {
        return text.to_owned();
    }
    let Some(caps) = CJK.captures(text) else {
        return text.to_owned();
    };
    let parts: Vec<&str> = (1..=3)
        .filter_map(|i| caps.get(i).map(|m| m.as_str()))
        .collect();
    match (caps.get(1), parts.len()) {
        (None, 2) => format!("{} {}", month_word(parts[0]), parts[1]),
        _ => parts.join("-"),
    }
}

/// "3" as "March", for a month and a day with no year.
fn month_word(number: &str) -> String {
    number
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTH_NAMES.get(m.wrapping_sub(1)))
        .map_or_else(|| number.to_owned(), |m| (*m).to_owned())
}

/// "Summer 2025": a season, known to its year.
fn season(text: &str) -> Option<&str> {
    static SEASON: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?i)\b(?:spring|summer|autumn|fall|winter|frühling|frühjahr|sommer|herbst|printemps|été|automne|hiver|primavera|verano|otoño|invierno)\b",
        )
    });
    SEASON.find(text).map(|m| m.as_str())
}

/// "1990s", "the 1990's": the ten years.
fn decade(text: &str) -> Option<CellDate> {
    static DECADE: LazyLock<Regex> = LazyLock::new(|| pattern(r"^(\d{2,3}0)['’]?s$"));
    let start: i32 = DECADE.captures(text)?.get(1)?.as_str().parse().ok()?;
    Some(CellDate {
        start: PartialDate::year(start)?,
        end: PartialDate::year(start + 9),
        approximate: false,
        time_dropped: false,
        two_digit_year: false,
    })
}

/// One date, or a range of two in one cell, each side lending the other what it leaves out.
fn dates_in(text: &str, day_first: bool) -> Result<CellDate, CellDateError> {
    let text = without_seasons(text);
    let single = parts_of(&text, day_first, None);
    let first_error = match single.and_then(|p| Ok((p, p.into_date()?))) {
        Ok((parts, start)) => {
            return Ok(CellDate {
                start,
                end: None,
                approximate: false,
                time_dropped: false,
                two_digit_year: parts.two_digit_year,
            });
        }
        Err(error) => error,
    };
    static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| {
        pattern(r"(?i)\s+(?:to|until|till|through|bis|au|al|à|a)\s+|\s*[–—~〜至]\s*|\s+-\s+|-|/")
    });
    // Words and spaced dashes part a range before a slash, a slash before a hyphen (which
    // also joins the parts of a date); then the longest first side.
    let class = |separator: &str| match separator.trim() {
        "-" if separator.len() == 1 => 0,
        "/" => 1,
        _ => 2,
    };
    SEPARATORS
        .find_iter(&text)
        .filter_map(|separator| {
            let (left, right) = (&text[..separator.start()], &text[separator.end()..]);
            if left.trim().is_empty() || right.trim().is_empty() {
                return None;
            }
            let range = range_of(left, right, day_first).ok()?;
            Some(((class(separator.as_str()), left.len()), range))
        })
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, range)| range)
        .ok_or(first_error)
}

/// A season's word taken out: the date is its year, marked approximate by the caller.
fn without_seasons(text: &str) -> String {
    match season(text) {
        Some(word) => text.replacen(word, "", 1).trim().to_owned(),
        None => text.to_owned(),
    }
}

/// Two sides of a range: "March 31" and "April 3, 2020"; "2025-01-07" and "10".
fn range_of(left: &str, right: &str, day_first: bool) -> Result<CellDate, CellDateError> {
    let mut first = parts_of(left, day_first, None)?;
    let mut last = parts_of(right, day_first, Some(&first))?;
    // "April-May 1945", "July 30-31, 2019": the first side takes what the last side says.
    if first.year.is_none() {
        first.year = last.year;
        first.before_common_era = last.before_common_era;
        first.two_digit_year |= last.two_digit_year;
        if first.month.is_none() && first.day.is_some() {
            first.month = last.month;
        }
    }
    // "2025-01-07 to 10", "July 30-31, 2019": the last side takes what the first says.
    if last.day.is_some() && last.month.is_none() {
        last.month = first.month;
    }
    if last.year.is_none() && (last.month.is_some() || last.day.is_some()) {
        last.year = first.year;
        last.before_common_era = first.before_common_era;
        last.two_digit_year |= first.two_digit_year;
    }
    // "500-400 BC": a bare start takes the era of the end.
    let written_era = |side: &str| split_era_written(side);
    if last.before_common_era && !first.before_common_era && !written_era(left) {
        first.before_common_era = true;
    }
    // "500 BC - 200": a bare end keeps the era of the start.
    // ("2,000 BC - 0": year 0 is where the eras meet, the end of 1 BCE.)
    if first.before_common_era && last.year.is_some_and(|y| y > 0) && !written_era(right) {
        last.before_common_era = true;
    }
    let start = first.into_date()?;
    let end = last.into_date()?;
    // "Dec 30 - Jan 2, 2020": the start was in the year before.
    if end.last_day() < start.first_day() && last.year.is_some() && left_lacks_year(left) {
        let earlier = Parts {
            year: first.year.map(|y| y - 1),
            ..first
        };
        return range_from(earlier.into_date()?, end, first.two_digit_year);
    }
    if end.last_day() < start.first_day() {
        return Err(CellDateError::NotADate);
    }
    if end == start {
        return Ok(CellDate {
            start,
            end: None,
            approximate: false,
            time_dropped: false,
            two_digit_year: first.two_digit_year,
        });
    }
    range_from(start, end, first.two_digit_year || last.two_digit_year)
}

/// Whether a side names an era ("BC", "AD").
fn split_era_written(side: &str) -> bool {
    side.to_lowercase()
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|token| split_era(token).1.is_some())
}

fn left_lacks_year(left: &str) -> bool {
    !left
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| n.len() >= 3)
}

fn range_from(
    start: PartialDate,
    end: PartialDate,
    two_digit_year: bool,
) -> Result<CellDate, CellDateError> {
    // A range that ends before it starts is no date, however its sides were filled in.
    if end.last_day() < start.first_day() {
        return Err(CellDateError::NotADate);
    }
    Ok(CellDate {
        start,
        end: Some(end),
        approximate: false,
        time_dropped: false,
        two_digit_year,
    })
}

/// The parts a side of a cell writes. `after` is the range's first side, for an end written
/// in fewer numbers ("2025-01-26 to 02-01": month and day; "to 10": a day).
fn parts_of(text: &str, day_first: bool, after: Option<&Parts>) -> Result<Parts, CellDateError> {
    let text = text.trim().trim_matches(|c: char| c == ',' || c == '.');
    if text.is_empty() {
        return Err(CellDateError::NotADate);
    }
    if let Some(parts) = numeric_parts(text, day_first, after)? {
        return Ok(parts);
    }
    word_parts(text, after.is_some())
}

/// Dates of numbers only: "2021-11-04", "04/11/2021", "1/21/77", "11/2021", "1942.1", and a
/// range's end "02-01" or "10".
fn numeric_parts(
    text: &str,
    day_first: bool,
    after: Option<&Parts>,
) -> Result<Option<Parts>, CellDateError> {
    // "-4500": a year before the common era, as lists of events write it.
    if let Some(digits) = text.strip_prefix('-')
        && !digits.is_empty()
        && digits.len() <= 6
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        let year: i64 = digits.parse().unwrap_or(0);
        return Ok(Some(Parts {
            year: Some(year),
            before_common_era: true,
            ..Parts::default()
        }));
    }
    // "2013 1 15 1 1": year, month, day (and a time), by spaces.
    let by_spaces: Vec<&str> = text.split(' ').collect();
    if by_spaces.len() >= 2
        && by_spaces[0].len() == 4
        && by_spaces
            .iter()
            .all(|n| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let value = |i: usize| by_spaces.get(i).and_then(|n| n.parse::<u32>().ok());
        return Ok(Some(Parts {
            year: value(0).map(i64::from),
            month: value(1),
            day: value(2),
            ..Parts::default()
        }));
    }
    let numbers: Vec<&str> = text.split(['-', '/', '.']).collect();
    let all_digits = numbers
        .iter()
        .all(|n| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits || numbers.len() > 3 {
        return Ok(None);
    }
    let value = |i: usize| numbers[i].parse::<u32>().unwrap_or(0);
    let year = |i: usize| {
        let written = numbers[i];
        let number = i64::from(value(i));
        if written.len() == 2 {
            (
                if number <= 29 {
                    2000 + number
                } else {
                    1900 + number
                },
                true,
            )
        } else {
            (number, false)
        }
    };
    let parts = |year: Option<(i64, bool)>, month: Option<u32>, day: Option<u32>| Parts {
        year: year.map(|y| y.0),
        month,
        day,
        before_common_era: false,
        two_digit_year: year.is_some_and(|y| y.1),
    };
    let dotted = text.contains('.');
    let parts = match (numbers.len(), after) {
        // A bare number: a year, or a range's end day.
        (1, Some(first)) if numbers[0].len() <= 2 && first.day.is_some() => {
            parts(None, None, Some(value(0)))
        }
        (1, _) if numbers[0].len() >= 3 => parts(Some(year(0)), None, None),
        (1, _) => return Ok(None),
        // "02-01" after a full date: month and day.
        (2, Some(first))
            if numbers[0].len() <= 2 && numbers[1].len() <= 2 && first.day.is_some() =>
        {
            parts(None, Some(value(0)), Some(value(1)))
        }
        (2, _) if numbers[0].len() == 4 => parts(Some(year(0)), Some(value(1)), None),
        (2, _) if numbers[1].len() == 4 => parts(Some(year(1)), Some(value(0)), None),
        // "1942.1": a year and a month.
        (2, _) => return Ok(None),
        (_, _) if numbers[0].len() == 4 => parts(Some(year(0)), Some(value(1)), Some(value(2))),
        (_, _) if numbers[2].len() == 4 || numbers[2].len() == 2 => {
            let (a, b) = (value(0), value(1));
            let day_first = day_first || dotted;
            // "25/12/2021" in a month-first file: no month 25.
            if !day_first && a > 12 && b <= 12 {
                return Err(CellDateError::NotAMonth {
                    value: a,
                    day_first,
                });
            }
            if day_first && b > 12 && a <= 12 && !dotted {
                return Err(CellDateError::NotAMonth {
                    value: b,
                    day_first,
                });
            }
            let (day, month) = if day_first { (a, b) } else { (b, a) };
            parts(Some(year(2)), Some(month), Some(day))
        }
        _ => return Ok(None),
    };
    Ok(Some(parts))
}

/// Dates written with words: "4 Nov 2021", "Nov 4th, 2021", "March 1946", "Mar-46",
/// "3300 BC", "10,000 BC", "9-Nov" (no year), "April" and "31, 2019" as sides of a range.
fn word_parts(text: &str, in_range: bool) -> Result<Parts, CellDateError> {
    static THOUSANDS: LazyLock<Regex> = LazyLock::new(|| pattern(r"\b(\d{1,3}),(\d{3})(\D|$)"));
    static DEEP_TIME: LazyLock<Regex> = LazyLock::new(|| {
        pattern(r"(?i)\d\s*(?:kya|mya|bya|ka|ma|ga)\b|\b(?:thousand|million|billion)\b")
    });
    if DEEP_TIME.is_match(text) {
        return Err(CellDateError::DeepTime);
    }
    // Excel's "mmm-yy": "Mar-46" is March 1946 ("9-Nov", its "d-mmm", has no year).
    static MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"^(\p{L}{3,9})\.?-(\d{2})$"));
    if let Some(caps) = MONTH_YEAR.captures(text)
        && let Some(month) = caps.get(1).and_then(|m| month_in_any_language(m.as_str()))
    {
        let two: i64 = caps.get(2).map_or("", |m| m.as_str()).parse().unwrap_or(0);
        return Ok(Parts {
            year: Some(if two <= 29 { 2000 + two } else { 1900 + two }),
            month: Some(month),
            day: None,
            before_common_era: false,
            two_digit_year: true,
        });
    }
    let mut text = text.to_owned();
    while THOUSANDS.is_match(&text) {
        text = THOUSANDS.replace_all(&text, "$1$2$3").into_owned();
    }
    let mut parts = Parts::default();
    let mut numbers = Vec::new();
    let mut words = 0;
    for token in text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .map(|t| t.trim_matches('.'))
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_lowercase();
        let (digits, era) = split_era(&lower);
        if let Some(era) = era {
            parts.before_common_era |= era;
            words += 1;
        }
        if digits.is_empty() {
            continue;
        }
        if let Some(month) =
            month_in_any_language(digits).filter(|_| !digits.starts_with(char::is_numeric))
        {
            if parts.month.replace(month).is_some() {
                return Err(CellDateError::NotADate);
            }
            words += 1;
            continue;
        }
        let ordinal = ["st", "nd", "rd", "th", "er", "e"]
            .iter()
            .find_map(|end| digits.strip_suffix(end))
            .filter(|n| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()));
        let number = ordinal.unwrap_or(digits);
        if !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CellDateError::NotADate);
        }
        numbers.push((number.to_owned(), ordinal.is_some()));
    }
    // Numbers alone are a date only as a range's end: "July 30-31, 2019".
    if words == 0 && !parts.before_common_era && !in_range {
        return Err(CellDateError::NotADate);
    }
    assign_numbers(&mut parts, &numbers)?;
    Ok(parts)
}

/// "3300bc" as ("3300", BCE), "ad" as ("", CE).
fn split_era(token: &str) -> (&str, Option<bool>) {
    for (era, before) in [
        ("b.c.e", true),
        ("b.c", true),
        ("bce", true),
        ("bc", true),
        ("v.chr", true),
        ("av. j.-c", true),
        ("a.c", true),
        ("a.d", false),
        ("c.e", false),
        ("ad", false),
        ("ce", false),
    ] {
        if let Some(rest) = token.strip_suffix(era)
            && (rest.is_empty() || rest.bytes().all(|b| b.is_ascii_digit()))
        {
            return (rest, Some(before));
        }
    }
    (token, None)
}

/// The numbers of a date written with a month's name: a day (1–31, or an ordinal), then a
/// year.
fn assign_numbers(parts: &mut Parts, numbers: &[(String, bool)]) -> Result<(), CellDateError> {
    for (index, (number, _)) in numbers.iter().enumerate() {
        let value: i64 = number.parse().map_err(|_| CellDateError::NotADate)?;
        let lone_with_era =
            index + 1 == numbers.len() && parts.before_common_era && numbers.len() == 1;
        if parts.day.is_none() && number.len() <= 2 && (1..=31).contains(&value) && !lone_with_era {
            parts.day = Some(value as u32);
        } else if parts.year.is_none() {
            parts.year = Some(value);
        } else {
            return Err(CellDateError::NotADate);
        }
    }
    // "500 BC": a small number with an era is a year.
    if parts.year.is_none() && parts.before_common_era {
        parts.year = parts.day.take().map(i64::from);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> String {
        match parse_cell(text, false) {
            Ok(date) => {
                let mut out = date.start.to_string();
                if let Some(end) = date.end {
                    out = format!("{out}..{end}");
                }
                if date.approximate {
                    out.push_str(" ~");
                }
                out
            }
            Err(error) => format!("{error:?}"),
        }
    }

    #[test]
    fn single_dates_keep_their_precision() {
        assert_eq!(read("2021-11-04"), "2021-11-04");
        assert_eq!(read("2014-03-25T00:00:00Z"), "2014-03-25");
        assert_eq!(read("Jan 11 2012 CST"), "2012-01-11");
        assert_eq!(read("Thursday, December 13, 2018"), "2018-12-13");
        assert_eq!(read("the 16th June 2016"), "2016-06-16");
        assert_eq!(read("1st of May 2020"), "2020-05-01");
        assert_eq!(read("21 Sept. 1974"), "1974-09-21");
        assert_eq!(read("Aug. 1981"), "1981-08");
        assert_eq!(read("4 Août 2014"), "2014-08-04");
        assert_eq!(read("19.04.2018"), "2018-04-19");
        assert_eq!(read("2021年3月15日"), "2021-03-15");
        assert_eq!(read("2021년 3월 15일"), "2021-03-15");
        assert_eq!(read("2021年3月"), "2021-03");
        assert_eq!(read("１９９５年"), "1995");
        assert_eq!(read("2013 1 15 1 1"), "2013-01-15");
        assert_eq!(read("-4500"), "-4499");
    }

    #[test]
    fn excel_s_two_digit_years_take_their_century_by_its_rule() {
        assert_eq!(read("1/21/77"), "1977-01-21");
        assert_eq!(read("9/24/06"), "2006-09-24");
        assert_eq!(read("11/10/16"), "2016-11-10");
        assert_eq!(read("Mar-46"), "1946-03");
        assert_eq!(read("Jan-12"), "2012-01");
        assert_eq!(read("9-Nov"), "NoYear");
        assert_eq!(read("24-Jan"), "NoYear");
        assert!(parse_cell("1/21/77", false).unwrap().two_digit_year);
    }

    #[test]
    fn ranges_in_one_cell_lend_each_side_what_it_leaves_out() {
        assert_eq!(read("April-May 1945"), "1945-04..1945-05");
        assert_eq!(read("January–February 2005"), "2005-01..2005-02");
        assert_eq!(read("March 31-April 3, 2020"), "2020-03-31..2020-04-03");
        assert_eq!(read("July 30-31, 2019"), "2019-07-30..2019-07-31");
        assert_eq!(read("2025-01-07 to 10"), "2025-01-07..2025-01-10");
        assert_eq!(read("2025-01-26 to 02-01"), "2025-01-26..2025-02-01");
        assert_eq!(read("2026-02-23/27"), "2026-02-23..2026-02-27");
        assert_eq!(read("1932-1937"), "1932..1937");
        assert_eq!(read("Dec 30 - Jan 2, 2020"), "2019-12-30..2020-01-02");
        assert_eq!(read("10,000 BC - 2,000 BC"), "-9999..-1999");
        assert_eq!(read("500-400 BC"), "-0499..-0399");
        assert_eq!(read("2,000 BC - 0"), "-1999..0000");
    }

    #[test]
    fn eras_decades_and_rough_dates() {
        assert_eq!(read("3300 BC"), "-3299");
        assert_eq!(read("14,000BC"), "DeepTime");
        assert_eq!(read("9500 BC"), "-9499");
        assert_eq!(read("44 BC"), "-0043");
        assert_eq!(read("AD 602"), "0602");
        assert_eq!(read("c. 1850"), "1850 ~");
        assert_eq!(read("ca. 3000 BCE"), "-2999 ~");
        assert_eq!(read("1850?"), "1850 ~");
        assert_eq!(read("2025 tbd"), "2025 ~");
        assert_eq!(read("2025-12 tbd"), "2025-12 ~");
        assert_eq!(
            read("2026-07-01 to 08-31 (exact dates tbd)"),
            "2026-07-01..2026-08-31 ~"
        );
        assert_eq!(read("Summer 2025"), "2025 ~");
        assert_eq!(read("1990s"), "1990..1999");
        assert_eq!(read("3.3 Mya"), "DeepTime");
        assert_eq!(read("500,000 BC"), "DeepTime");
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        assert_eq!(read("2021-13-04"), "NoMonth(13)");
        assert_eq!(
            read("31/02/2021"),
            "NotAMonth { value: 31, day_first: false }"
        );
        assert_eq!(
            parse_cell("31/02/2021", true),
            Err(CellDateError::NoDay { day: 31, month: 2 })
        );
        assert_eq!(
            read("25/12/2021"),
            "NotAMonth { value: 25, day_first: false }"
        );
        assert_eq!(read("Reagan admin"), "NotADate");
        assert_eq!(read("???"), "NotADate");
        assert_eq!(read(""), "NotADate");
        assert!(is_ongoing("Still in office"));
        assert!(is_ongoing("present"));
        assert!(!is_ongoing("2021"));
        assert!(
            CellDateError::NoMonth(13)
                .describe("2021-13-04")
                .contains("no month 13")
        );
    }

    #[test]
    fn no_range_ends_before_it_starts() {
        // Found by fuzzing: sides filled in from each other gave an end before the start.
        for text in [
            "00 BC - 10,000 ",
            "Jan 11BC -  2 2012 CST",
            "25-01-07 to 9 10",
            "1 BC -  2012 CST",
            "1 BC -  2012 ",
            "-01-00002025-",
            "BC -25-2010 1",
            "70,				BC - 10,000 BC",
            "70:000 BC - 10,000 BC",
            "




0 BC - 10,000 BC",
            "70,,,, BC - 10,000 BC",
            "70BC - 10,000 BC",
        ] {
            for day_first in [true, false] {
                if let Ok(CellDate {
                    start,
                    end: Some(end),
                    ..
                }) = parse_cell(text, day_first)
                {
                    assert!(start.first_day() <= end.last_day(), "{text:?}");
                }
            }
        }
    }
}
