//! Dates as people write them: month names, and the forms of a spreadsheet cell.

use super::PartialDate;

/// The month a word names, in English: "Nov", "November", "Sept." (any case).
pub fn month_from_name(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES
        .iter()
        .position(|name| name.starts_with(&word) && (word.len() >= 3))
        .filter(|&i| word.len() <= NAMES[i].len())
        .or_else(|| (word == "sept").then_some(8))
        .map(|i| i as u32 + 1)
}

/// Month names and their usual abbreviations in the languages of the app's users' files:
/// English, French, German, Spanish, Portuguese, Italian and Dutch, accents folded.
const MONTH_WORDS: [&[&str]; 12] = [
    &[
        "january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene", "janeiro",
        "gennaio", "gen", "januari",
    ],
    &[
        "february",
        "feb",
        "fevrier",
        "fev",
        "fevr",
        "februar",
        "febrero",
        "fevereiro",
        "febbraio",
        "februari",
    ],
    &[
        "march", "mar", "mars", "marz", "maerz", "marzo", "marco", "maart", "mrt",
    ],
    &["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
    &["may", "mai", "mayo", "maio", "maggio", "mag", "mei"],
    &[
        "june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu",
    ],
    &[
        "july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug",
    ],
    &["august", "aug", "aout", "agosto", "ago", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "setembro",
        "set",
        "settembre",
    ],
    &[
        "october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out", "ottobre",
        "ott",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "decembre",
        "dezember",
        "dez",
        "diciembre",
        "dic",
        "dezembro",
        "dicembre",
    ],
];

/// `text` in lower case with the accents of Latin letters taken off: "Août" is "aout".
pub fn fold_accents(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'å' => 'a',
            'ä' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            other => other,
        })
        .collect()
}

/// The month a word names in any of the languages of [`MONTH_WORDS`]: "Août", "März",
/// "sept.", "Dezember" (any case). English words may also be cut short ("Febr").
pub fn month_in_any_language(word: &str) -> Option<u32> {
    let word = fold_accents(word.trim_end_matches('.'));
    MONTH_WORDS
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .map(|i| i as u32 + 1)
        .or_else(|| month_from_name(&word))
}

/// A date as people write it in a spreadsheet cell, at the precision written: "2021-11-04",
/// "2021/11/04", "4 Nov 2021", "Nov 4, 2021", "November 2021", "2021", "04.11.2021",
/// "500 BCE". In "04/11/2021" the first number is the day when `day_first`, else the month.
/// A time after the date is ignored.
pub fn parse_written(text: &str, day_first: bool) -> Option<PartialDate> {
    let text = text.trim();
    if let Ok(date) = PartialDate::parse(text) {
        return Some(date);
    }
    // "2021-11-04T09:00:00", "2021-11-04 09:00": the date part.
    let date_part = text
        .split(['T', ' '])
        .next()
        .filter(|d| d.len() >= 8 && d.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .unwrap_or(text);
    let numbers: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if numbers.len() >= 2
        && numbers.len() <= 3
        && numbers
            .iter()
            .all(|n| !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit()))
    {
        let value = |i: usize| numbers[i].parse::<u32>().ok();
        if numbers[0].len() == 4 {
            let year = value(0)? as i32;
            return match numbers.len() {
                2 => PartialDate::month(year, value(1)?),
                _ => PartialDate::day(year, value(1)?, value(2)?),
            };
        }
        if numbers.len() == 3 && numbers[2].len() == 4 {
            let year = value(2)? as i32;
            let (a, b) = (value(0)?, value(1)?);
            // A dotted date is day first wherever it is written.
            let (day, month) = if day_first || date_part.contains('.') {
                (a, b)
            } else {
                (b, a)
            };
            return PartialDate::day(year, month, day);
        }
        if numbers.len() == 2 && numbers[1].len() == 4 {
            return PartialDate::month(value(1)? as i32, value(0)?);
        }
        return None;
    }
    // Words: a month name, a day, a year, perhaps an era.
    let mut month = None;
    let mut day = None;
    let mut year: Option<i64> = None;
    let mut before_common_era = false;
    for token in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c: char| c == '.' || c == ','))
        .filter(|t| !t.is_empty())
    {
        let lower = token.to_ascii_lowercase();
        if let Some(m) = month_from_name(token) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if matches!(lower.as_str(), "bc" | "bce" | "b.c" | "b.c.e") {
            before_common_era = true;
        } else if matches!(lower.as_str(), "ad" | "ce" | "a.d" | "c.e") {
        } else if let Some(digits) = lower
            .strip_suffix("st")
            .or_else(|| lower.strip_suffix("nd"))
            .or_else(|| lower.strip_suffix("rd"))
            .or_else(|| lower.strip_suffix("th"))
            .filter(|n| n.len() <= 2)
            .or(Some(lower.as_str()))
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        {
            let number: i64 = digits.parse().ok()?;
            if digits.len() <= 2 && day.is_none() && (1..=31).contains(&number) {
                day = Some(number as u32);
            } else if year.replace(number).is_some() {
                return None;
            }
        } else {
            return None;
        }
    }
    // A lone small number with an era is a year: "500 BCE".
    if year.is_none() && before_common_era {
        year = day.take().map(i64::from);
    }
    let year = year?;
    let year = if before_common_era { 1 - year } else { year };
    let year = i32::try_from(year).ok()?;
    match (month, day) {
        (None, None) => PartialDate::year(year),
        (Some(month), None) => PartialDate::month(year, month),
        (Some(month), Some(day)) => PartialDate::day(year, month, day),
        (None, Some(_)) => None,
    }
}

/// A year for people: "2021", "602", "1 BCE" for year 0, "500 BCE" for -499.
pub fn year_label(year: i32) -> String {
    if year <= 0 {
        format!("{} BCE", 1 - i64::from(year))
    } else {
        year.to_string()
    }
}

/// "Jan" … "Dec".
pub fn month_abbreviation(month: u8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS
        .get(usize::from(month.max(1)) - 1)
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates_keep_their_precision() {
        let read = |text: &str| parse_written(text, true).map(|d| d.to_string());
        assert_eq!(read("2021-11-04").as_deref(), Some("2021-11-04"));
        assert_eq!(read("2021/11/04").as_deref(), Some("2021-11-04"));
        assert_eq!(read("2021-11-04T09:30:00Z").as_deref(), Some("2021-11-04"));
        assert_eq!(read("4 Nov 2021").as_deref(), Some("2021-11-04"));
        assert_eq!(read("November 4, 2021").as_deref(), Some("2021-11-04"));
        assert_eq!(read("Nov 4th, 2021").as_deref(), Some("2021-11-04"));
        assert_eq!(read("Nov 2021").as_deref(), Some("2021-11"));
        assert_eq!(read("Sept. 2021").as_deref(), Some("2021-09"));
        assert_eq!(read("2021").as_deref(), Some("2021"));
        assert_eq!(read("04.11.2021").as_deref(), Some("2021-11-04"));
        assert_eq!(read("04/11/2021").as_deref(), Some("2021-11-04"));
        assert_eq!(
            parse_written("04/11/2021", false)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2021-04-11")
        );
        assert_eq!(read("11/2021").as_deref(), Some("2021-11"));
        assert_eq!(read("500 BCE").as_deref(), Some("-0499"));
        assert_eq!(read("44 BC").as_deref(), Some("-0043"));
        assert_eq!(read("AD 602").as_deref(), Some("0602"));
        assert_eq!(read("31/02/2021"), None);
        assert_eq!(read("yesterday"), None);
        assert_eq!(read("Spring 2021"), None);
        assert_eq!(read(""), None);
    }
}
