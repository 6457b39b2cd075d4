//! When a page was published, from every signal it has, best first: a date line (or the
//! page's own metadata), a wire dateline (its year from elsewhere if it prints none), a date in the
//! URL, "today (15 December 2016)", and last the latest full date the text gives. Relative
//! dates ("last week") are worked out only from a date the page says it was written on; a
//! date merely found in the text only lends its year.

use std::sync::LazyLock;

use chrono::{Datelike as _, NaiveDate};
use regex::Regex;

use super::pattern;
use crate::model::date::{Precision, month_in_any_language, parse_written};

/// Which signal gave the page's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// A date line under the headline ("October 18, 2019", "Published: 2016-05-10"), or the
    /// page's own publication time, which a saved page's head gives.
    DateLine,
    /// A wire dateline, "SEOUL, March 19 (Yonhap) --", with its year from the URL or the text.
    Wire,
    /// A date in the page's address: `/2019/10/18/`, `AEN20230316…`.
    Url,
    /// "earlier today (15 December 2016)".
    Today,
    /// The latest full date the text gives: a guess, good for years only.
    LatestDate,
    /// Given by the user (`draft --published`, or the review panel's page date).
    Given,
}

impl Signal {
    /// How the date was found, as the reasoning of a date worked out from it says.
    pub fn describe(self) -> &'static str {
        match self {
            Self::DateLine => "the date line",
            Self::Wire => "the wire dateline",
            Self::Url => "the page's address",
            Self::Today => "a date the text gives for 'today'",
            Self::LatestDate => "the latest full date in the text",
            Self::Given => "the page date you gave",
        }
    }
}

/// The page's date and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageDate {
    pub date: NaiveDate,
    pub signal: Signal,
    /// What was read, e.g. "SEOUL, March 19 + 2023 of the address".
    pub printed: String,
}

impl PageDate {
    /// True when the page says it was written on this day, so that "last week" and
    /// "yesterday" can be worked out from it.
    pub fn is_the_day_written(&self) -> bool {
        self.signal != Signal::LatestDate
    }
}

/// A date written with its month in words or as numbers, in any of the languages whose
/// month names the app knows: "16 December 2015", "Nov. 22, 2024", "4 Août 2014",
/// "Thursday, December 13, 2018", "October 17th, 2006", "2019.12.27", "2013-04-25".
pub static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?P<iso>\d{4}-\d{1,2}-\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\b(?P<dotted>\d{4}[./]\d{1,2}[./]\d{1,2})\b|\b(?P<mdy>(?P<m1>\p{L}{3,10})\.? (?P<d1>\d{1,2})(?:st|nd|rd|th)?,? (?P<y1>\d{4}))\b|\b(?P<dmy>(?P<d2>\d{1,2})(?:st|nd|rd|th|er|\.)? (?:de )?(?P<m2>\p{L}{3,10})\.?,? (?:de )?(?P<y2>\d{4}))\b",
    )
});

/// A full date found in a text, with where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundDate {
    pub date: NaiveDate,
    pub range: (usize, usize),
}

/// Every full date (to the day) of `text`, in order.
pub fn full_dates(text: &str) -> Vec<FoundDate> {
    FULL_DATE
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let day = |y: &str, m: &str, d: &str| -> Option<NaiveDate> {
                let month = m.parse().ok().or_else(|| month_in_any_language(m))?;
                NaiveDate::from_ymd_opt(y.parse().ok()?, month, d.parse().ok()?)
            };
            let date = if let Some(iso) = caps.name("iso").or(caps.name("dotted")) {
                let parts: Vec<&str> = iso.as_str().split(['-', '.', '/']).collect();
                day(parts.first()?, parts.get(1)?, parts.get(2)?)
            } else if caps.name("mdy").is_some() {
                day(
                    caps.name("y1")?.as_str(),
                    caps.name("m1")?.as_str(),
                    caps.name("d1")?.as_str(),
                )
            } else {
                day(
                    caps.name("y2")?.as_str(),
                    caps.name("m2")?.as_str(),
                    caps.name("d2")?.as_str(),
                )
            }?;
            Some(FoundDate {
                date,
                range: (whole.start(), whole.end()),
            })
        })
        .filter(|found| (1000..=2100).contains(&found.date.year()))
        .collect()
}

/// Words of a date line that are not the date: labels, and the place a line may name.
const DATE_LINE_WORDS: [&str; 14] = [
    "date",
    "dated",
    "published",
    "updated",
    "update",
    "updatetime",
    "posted",
    "released",
    "issued",
    "time",
    "on",
    "am",
    "le",
    "el",
];

/// The day a date line gives: a short line that is mostly a date (with a label or a place),
/// not a sentence that happens to hold one.
pub fn date_line_day(line: &str) -> Option<(NaiveDate, String)> {
    let found = *full_dates(line).first()?;
    let rest = format!("{} {}", &line[..found.range.0], &line[found.range.1..]);
    let other_words = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| !DATE_LINE_WORDS.contains(&w.to_lowercase().as_str()))
        .count();
    let weekday_only = rest.split(|c: char| !c.is_alphabetic()).all(|w| {
        w.is_empty()
            || w.parse::<chrono::Weekday>().is_ok()
            || DATE_LINE_WORDS.contains(&w.to_lowercase().as_str())
    });
    let sentence = line.trim_end().ends_with('.') && other_words > 2;
    let short = line.len() <= 120 || line.contains('|');
    // A line split by bars names its publisher and author beside the date.
    let labelled = line.contains('|') || other_words <= 6 || weekday_only;
    (short && !sentence && labelled)
        .then(|| (found.date, line[found.range.0..found.range.1].to_owned()))
}

/// What an address says of the day: `/2019/10/18/`, `/2019-10-18`, `20230316` inside an
/// id, a slug ending "13-november-2020", or a ten-digit `yymmddhhmm` part. `None` when it
/// gives no day; a year alone is [`url_year`].
pub fn url_day(url: &str) -> Option<NaiveDate> {
    static DAY_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        [
            r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[^\d])",
            r"(?:^|[/_-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?:$|[^\d])",
            // Eight digits that start an id: `AEN20230316002500320`.
            r"(?:^|[^\d])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})",
            r"(?i)(?:^|[/_-])(?P<d>\d{1,2})-(?P<mw>[a-z]{3,9})-(?P<y>(?:19|20)\d{2})(?:$|[^\d])",
            r"/(?P<yy>\d{2})(?P<m>\d{2})(?P<d>\d{2})(?P<hh>\d{2})(?P<mm>\d{2})(?:/|$|[^\d])",
        ]
        .iter()
        .map(|p| pattern(p))
        .collect()
    });
    DAY_PATTERNS.iter().find_map(|re| {
        re.captures_iter(url).find_map(|caps| {
            let number = |name: &str| caps.name(name)?.as_str().parse::<u32>().ok();
            let year = match caps.name("yy") {
                // A ten-digit stamp is a day only with a real time after it.
                Some(yy) => {
                    let (hours, minutes) = (number("hh")?, number("mm")?);
                    (hours < 24 && minutes < 60).then_some(())?;
                    2000 + yy.as_str().parse::<i32>().ok()?
                }
                None => caps.name("y")?.as_str().parse().ok()?,
            };
            let month = match caps.name("mw") {
                Some(word) => month_in_any_language(word.as_str())?,
                None => number("m")?,
            };
            NaiveDate::from_ymd_opt(year, month, number("d")?)
                .filter(|d| (1995..=2100).contains(&d.year()))
        })
    })
}

/// A year alone in an address: `/2016/`.
pub fn url_year(url: &str) -> Option<i32> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"/(?P<y>(?:19|20)\d{2})(?:/|\.|$|-)"));
    YEAR.captures(url)?.name("y")?.as_str().parse().ok()
}

/// "today (15 December 2016)": the day the text gives for today.
pub fn today_day(text: &str) -> Option<(NaiveDate, String)> {
    static TODAY: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"(?i)\btoday,? \((?P<date>[^()]{6,40})\)"));
    let caps = TODAY.captures(text)?;
    let printed = caps.name("date")?.as_str();
    let date = parse_written(printed, true).filter(|d| d.precision() == Precision::Day)?;
    Some((date.first_day(), printed.to_owned()))
}

/// The year of a wire dateline's month and day: from the address, else from the full date
/// of the text nearest before that day (a caption, a later paragraph).
pub fn year_of_month_day(
    month: u32,
    day: u32,
    url: Option<&str>,
    dates: &[NaiveDate],
) -> Option<(i32, &'static str)> {
    if let Some(year) = url.and_then(|u| url_day(u).map(|d| d.year()).or_else(|| url_year(u))) {
        return Some((year, "the page's address"));
    }
    dates
        .iter()
        .filter(|d| d.month() == month && d.day() == day)
        .map(|d| d.year())
        .max()
        .or_else(|| dates.iter().map(|d| d.year()).max())
        .map(|year| (year, "a full date in the text"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn date_lines_in_many_forms_and_languages() {
        let of = |line: &str| date_line_day(line).map(|(d, _)| d);
        assert_eq!(of("Date 2019.12.27"), day(2019, 12, 27));
        assert_eq!(of("Published : Nov. 22, 2024"), day(2024, 11, 22));
        assert_eq!(of("Updatetime:2013-04-25 10:03"), day(2013, 4, 25));
        assert_eq!(of("4 Août 2014"), day(2014, 8, 4));
        assert_eq!(
            of(" date 2019-06-06 Russian Politics & Diplomacy"),
            day(2019, 6, 6)
        );
        assert_eq!(of("October 17th, 2006"), day(2006, 10, 17));
        assert_eq!(of("Thursday, December 13, 2018"), day(2018, 12, 13));
        assert_eq!(
            of("Ho Chi Minh City, Viet Nam, 26 November 2011"),
            day(2011, 11, 26)
        );
        assert_eq!(of("12. März 2021"), day(2021, 3, 12));
        assert_eq!(of("3 de agosto de 2020"), day(2020, 8, 3));
        // A sentence that holds a date is no date line.
        assert_eq!(
            of("The forum was held in Beijing on May 6, 2019 by the two ministries."),
            None
        );
    }

    #[test]
    fn addresses_give_their_day() {
        assert_eq!(
            url_day("https://x.org/news/2019/10/18/forum"),
            day(2019, 10, 18)
        );
        assert_eq!(
            url_day("https://m-en.yna.co.kr/view/AEN20230316002500320"),
            day(2023, 3, 16)
        );
        assert_eq!(
            url_day("https://in4u.org/brics-sti-declaration-13-november-2020-russian-federation/"),
            day(2020, 11, 13)
        );
        assert_eq!(url_day("https://x.kr/news/2412130946/"), day(2024, 12, 13));
        // Ten digits with no real time after the day are an id, not a date.
        assert_eq!(
            url_day("https://standardmedia.co.ke/article/2001306250/sajorec"),
            None
        );
        assert_eq!(url_day("https://en.tongji.edu.cn/info/1122/1462.htm"), None);
        assert_eq!(url_year("https://example.org/2016/news.html"), Some(2016));
    }

    #[test]
    fn today_in_brackets() {
        let found = today_day("during a meeting in London earlier today (15 December 2016).");
        assert_eq!(found.map(|(d, _)| d), day(2016, 12, 15));
    }
}
