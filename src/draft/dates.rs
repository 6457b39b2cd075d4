//! Dates in a sentence, at the precision of the text: "on May 6", "28-29 November 2022",
//! "in July 2021", "since 2010", "in 2014", and relative ones worked out from the article's
//! date ("a week ago", "this July", "next year", "on Thursday", "last month"), marked as
//! inferred with the reasoning kept. A year stays a year, and a day is never invented.

use std::sync::LazyLock;

use chrono::{Datelike as _, Days, Months, NaiveDate, Weekday};
use regex::{Captures, Regex};

use super::pattern;

use super::counts::number_word;
use crate::model::date::{PartialDate, Precision, month_from_name};

/// A date found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct DateMention {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    /// Worked out rather than stated.
    pub inferred: bool,
    /// How it was worked out, e.g. "article of 2021-11-25, 'a week ago'".
    pub reasoning: Option<String>,
    /// Where in the sentence, in bytes.
    pub range: (usize, usize),
    /// "since 2010": the start of something ongoing.
    pub since: bool,
    pub confidence: f32,
}

/// What a date is worked out from.
#[derive(Clone, Copy, Debug)]
pub struct DateContext {
    /// The article's date, if it has one.
    pub article: Option<NaiveDate>,
    /// The sentence speaks of the future ("will be held"): a month and day without a year is
    /// the next one, not the last.
    pub future: bool,
}

/// A relative date the article's missing date left unresolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unresolved {
    pub phrase: String,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const DAY: &str = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[0-9]{3}|20[0-9]{2})";

/// Each pattern, most specific first; a later pattern never takes text an earlier one took.
static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let p = |s: &str| {
        s.replace("MONTH", MONTH)
            .replace("DAY", DAY)
            .replace("YEAR", YEAR)
    };
    vec![
        (
            Kind::Iso,
            pattern(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        ),
        // "November 28 to December 2, 2022"
        (
            Kind::CrossMonthRange,
            pattern(&p(
                r"\b(?P<m1>MONTH) (?P<d1>DAY)\s*(?:-|–|to|through|until)\s*(?P<m2>MONTH) (?P<d2>DAY)(?:,? (?P<y>YEAR))?\b",
            )),
        ),
        // "November 28th to 29th, 2022", "Nov 28-29"
        (
            Kind::MonthDayRange,
            pattern(&p(
                r"\b(?P<m>MONTH) (?P<d1>DAY)\s*(?:-|–|to|and|through)\s*(?P<d2>DAY)\b(?:,? (?P<y>YEAR)\b)?",
            )),
        ),
        // "28-29 November 2022"
        (
            Kind::DayMonthRange,
            pattern(&p(
                r"\b(?P<d1>DAY)\s*(?:-|–|to|and)\s*(?P<d2>DAY) (?P<m>MONTH)(?:,? (?P<y>YEAR)\b)?",
            )),
        ),
        // "January 1, 2022", "May 27"
        (
            Kind::MonthDay,
            pattern(&p(r"\b(?P<m>MONTH) (?P<d>DAY)\b(?:,? (?P<y>YEAR)\b)?")),
        ),
        // "31 May 2024", "31 May"
        (
            Kind::DayMonth,
            pattern(&p(r"\b(?P<d>DAY) (?P<m>MONTH)\b(?:,? (?P<y>YEAR)\b)?")),
        ),
        // "this July", "last May", "next March"
        (
            Kind::RelativeMonthName,
            pattern(&p(
                r"(?i)\b(?P<rel>this|last|next|earlier this|later this) (?P<m>MONTH)\b",
            )),
        ),
        // "May 2022", "July of 2021"
        (
            Kind::MonthYear,
            pattern(&p(r"\b(?P<m>MONTH) (?:of )?(?P<y>YEAR)\b")),
        ),
        // "in 2020 and 2021", "2020-2021", "from 2019 to 2021"
        (
            Kind::YearRange,
            pattern(&p(
                r"\b(?P<y1>YEAR)\s*(?:-|–|and|to|through)\s*(?P<y2>YEAR)\b",
            )),
        ),
        (Kind::Since, pattern(&p(r"(?i)\bsince (?P<y>YEAR)\b"))),
        // Years that are not the date of something: "by 2035", "before 2030".
        (
            Kind::Target,
            pattern(&p(
                r"(?i)\b(?:by|before|until|till|towards?) (?:the end of )?(?P<y>YEAR)\b",
            )),
        ),
        (Kind::Year, pattern(&p(r"\b(?P<y>YEAR)\b"))),
        (
            Kind::Ago,
            pattern(
                r"(?i)\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?P<unit>day|week|month|year)s? ago\b",
            ),
        ),
        (
            Kind::RelativeUnit,
            pattern(
                r"(?i)\b(?P<rel>this|last|next|earlier this|later this|the past|the previous|the coming) (?P<unit>year|month|week)\b",
            ),
        ),
        (Kind::Yesterday, pattern(r"(?i)\b(?P<w>yesterday|today)\b")),
        (
            Kind::Weekday,
            pattern(
                r"\b(?:on|last|this) (?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            ),
        ),
    ]
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Iso,
    CrossMonthRange,
    MonthDayRange,
    DayMonthRange,
    MonthDay,
    DayMonth,
    RelativeMonthName,
    MonthYear,
    YearRange,
    Since,
    Target,
    Year,
    Ago,
    RelativeUnit,
    Yesterday,
    Weekday,
}

fn number(caps: &Captures, name: &str) -> Option<u32> {
    let text = caps.name(name)?.as_str();
    text.trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

fn month(caps: &Captures, name: &str) -> Option<u32> {
    month_from_name(caps.name(name)?.as_str())
}

/// The year for a month and day written without one: from the article's date, the last
/// such day on or before it (the next, for the future).
fn year_for(context: &DateContext, month: u32, day: u32) -> Option<i32> {
    let article = context.article?;
    let same_year = NaiveDate::from_ymd_opt(article.year(), month, day)?;
    // Past events a month after the article's date are still this year's: pages keep their
    // first date while their sidebars are updated.
    Some(if context.future {
        if same_year >= article {
            article.year()
        } else {
            article.year() + 1
        }
    } else if same_year <= article + Days::new(31) {
        article.year()
    } else {
        article.year() - 1
    })
}

/// The phrase and the article's date, as the reasoning of an inferred date.
fn reasoning(context: &DateContext, phrase: &str) -> Option<String> {
    context
        .article
        .map(|date| format!("article of {date}, '{phrase}'"))
}

/// Every date of `sentence`, in order, and the relative dates that could not be worked out.
pub fn find_dates(sentence: &str, context: &DateContext) -> (Vec<DateMention>, Vec<Unresolved>) {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut mentions = Vec::new();
    let mut unresolved = Vec::new();
    // A year written anywhere in the sentence dates a month and day written without one.
    let sentence_year = PATTERNS
        .iter()
        .find(|(kind, _)| *kind == Kind::Year)
        .and_then(|(_, re)| re.captures(sentence))
        .and_then(|caps| number(&caps, "y"))
        .map(|y| y as i32);
    for (kind, pattern) in PATTERNS.iter() {
        for caps in pattern.captures_iter(sentence) {
            let Some(whole) = caps.get(0) else { continue };
            // "in early March 2020" stays March 2020; the word goes with the date.
            let qualified = QUALIFIER
                .find(&sentence[..whole.start()])
                .map_or(whole.start(), |q| q.start());
            let range = (qualified, whole.end());
            if taken.iter().any(|&(a, b)| whole.start() < b && a < range.1) {
                continue;
            }
            let phrase = whole.as_str();
            let found = mention_of(*kind, &caps, phrase, sentence_year, context);
            taken.push(range);
            match found {
                Found::Date(mut mention) => {
                    mention.range = range;
                    mentions.push(mention);
                }
                Found::Unresolved => unresolved.push(Unresolved {
                    phrase: phrase.to_owned(),
                }),
                Found::Nothing => {}
            }
        }
    }
    mentions.sort_by_key(|m| m.range.0);
    (mentions, unresolved)
}

/// The days a week phrase covers, Monday to Sunday; "earlier this week" ends at the article.
fn week_of(article: NaiveDate, rel: &str, shift: i32) -> Option<(PartialDate, PartialDate)> {
    let monday =
        article.checked_sub_days(Days::new(article.weekday().num_days_from_monday().into()))?;
    let monday = match shift {
        -1 => monday.checked_sub_days(Days::new(7))?,
        1 => monday.checked_add_days(Days::new(7))?,
        _ => monday,
    };
    let sunday = monday.checked_add_days(Days::new(6))?;
    let end = if rel == "earlier this" {
        article
    } else {
        sunday
    };
    Some((PartialDate::of_day(monday)?, PartialDate::of_day(end)?))
}

/// Words before a date that narrow it without a date of their own: "early", "mid-".
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:early|mid-?|late|the (?:end|beginning|start|middle) of|(?:early|late|mid) in)\s*$",
    )
});

enum Found {
    Date(DateMention),
    /// Relative, with no article date to work it out from.
    Unresolved,
    /// Not the date of an event ("by 2035"), or not a real date.
    Nothing,
}

fn stated(start: PartialDate, end: Option<PartialDate>, confidence: f32) -> Found {
    Found::Date(DateMention {
        start,
        end,
        inferred: false,
        reasoning: None,
        range: (0, 0),
        since: false,
        confidence,
    })
}

fn inferred(
    start: PartialDate,
    end: Option<PartialDate>,
    why: Option<String>,
    confidence: f32,
) -> Found {
    Found::Date(DateMention {
        start,
        end,
        inferred: true,
        reasoning: why,
        range: (0, 0),
        since: false,
        confidence,
    })
}

fn mention_of(
    kind: Kind,
    caps: &Captures,
    phrase: &str,
    sentence_year: Option<i32>,
    context: &DateContext,
) -> Found {
    let year = number(caps, "y").map(|y| y as i32);
    // A day and month: the year is written, in the sentence, or worked out from the article.
    let day_date = |month: u32, day: u32| -> Option<(PartialDate, bool)> {
        match year.or(sentence_year) {
            Some(year) => Some((PartialDate::day(year, month, day)?, false)),
            None => Some((
                PartialDate::day(year_for(context, month, day)?, month, day)?,
                true,
            )),
        }
    };
    let with_year = |date: Option<(PartialDate, bool)>, end: Option<PartialDate>| match date {
        Some((start, false)) => stated(start, end, 0.9),
        Some((start, true)) => inferred(start, end, reasoning(context, phrase), 0.75),
        None if context.article.is_none() && year.or(sentence_year).is_none() => Found::Unresolved,
        None => Found::Nothing,
    };
    match kind {
        Kind::Iso => {
            let date = (|| PartialDate::day(year?, number(caps, "m")?, number(caps, "d")?))();
            date.map_or(Found::Nothing, |d| stated(d, None, 0.95))
        }
        Kind::MonthDay | Kind::DayMonth => {
            let (Some(m), Some(d)) = (month(caps, "m"), number(caps, "d")) else {
                return Found::Nothing;
            };
            with_year(day_date(m, d), None)
        }
        Kind::MonthDayRange | Kind::DayMonthRange => {
            let (Some(m), Some(d1), Some(d2)) =
                (month(caps, "m"), number(caps, "d1"), number(caps, "d2"))
            else {
                return Found::Nothing;
            };
            let Some((start, guessed)) = day_date(m, d1) else {
                return with_year(None, None);
            };
            let end = PartialDate::day(start.year_number(), m, d2).filter(|e| *e > start);
            with_year(Some((start, guessed)), end)
        }
        Kind::CrossMonthRange => {
            let (Some(m1), Some(d1), Some(m2), Some(d2)) = (
                month(caps, "m1"),
                number(caps, "d1"),
                month(caps, "m2"),
                number(caps, "d2"),
            ) else {
                return Found::Nothing;
            };
            let Some((start, guessed)) = day_date(m1, d1) else {
                return with_year(None, None);
            };
            let end_year = if m2 < m1 {
                start.year_number() + 1
            } else {
                start.year_number()
            };
            let end = PartialDate::day(end_year, m2, d2).filter(|e| *e > start);
            with_year(Some((start, guessed)), end)
        }
        Kind::MonthYear => {
            let (Some(m), Some(y)) = (month(caps, "m"), year) else {
                return Found::Nothing;
            };
            PartialDate::month(y, m).map_or(Found::Nothing, |d| stated(d, None, 0.9))
        }
        Kind::YearRange => {
            let (Some(y1), Some(y2)) = (number(caps, "y1"), number(caps, "y2")) else {
                return Found::Nothing;
            };
            if y2 <= y1 || y2 - y1 > 50 {
                return Found::Nothing;
            }
            let (start, end) = (PartialDate::year(y1 as i32), PartialDate::year(y2 as i32));
            start.map_or(Found::Nothing, |s| stated(s, end, 0.85))
        }
        Kind::Since => match year.and_then(PartialDate::year) {
            Some(start) => {
                let mut found = stated(start, None, 0.8);
                if let Found::Date(mention) = &mut found {
                    mention.since = true;
                }
                found
            }
            None => Found::Nothing,
        },
        Kind::Target => Found::Nothing,
        Kind::Year => year
            .and_then(PartialDate::year)
            .map_or(Found::Nothing, |d| stated(d, None, 0.8)),
        Kind::RelativeMonthName => {
            let Some(m) = month(caps, "m") else {
                return Found::Nothing;
            };
            let Some(article) = context.article else {
                return Found::Unresolved;
            };
            let rel = caps
                .name("rel")
                .map_or("", |r| r.as_str())
                .to_ascii_lowercase();
            let year = match rel.as_str() {
                "last" if m >= article.month() => article.year() - 1,
                "next" if m <= article.month() => article.year() + 1,
                _ => article.year(),
            };
            PartialDate::month(year, m).map_or(Found::Nothing, |d| {
                inferred(d, None, reasoning(context, phrase), 0.75)
            })
        }
        Kind::Ago => {
            let Some(article) = context.article else {
                return Found::Unresolved;
            };
            let count = caps
                .name("n")
                .and_then(|n| number_word(n.as_str()))
                .unwrap_or(1);
            let unit = caps
                .name("unit")
                .map_or("", |u| u.as_str())
                .to_ascii_lowercase();
            let date = match unit.as_str() {
                "day" => article
                    .checked_sub_days(Days::new(count))
                    .and_then(PartialDate::of_day),
                "week" => article
                    .checked_sub_days(Days::new(count * 7))
                    .and_then(PartialDate::of_day),
                "month" => article
                    .checked_sub_months(Months::new(count as u32))
                    .and_then(|d| PartialDate::month(d.year(), d.month())),
                _ => PartialDate::year(article.year() - count as i32),
            };
            date.map_or(Found::Nothing, |d| {
                inferred(d, None, reasoning(context, phrase), 0.7)
            })
        }
        Kind::RelativeUnit => {
            let Some(article) = context.article else {
                return Found::Unresolved;
            };
            let rel = caps
                .name("rel")
                .map_or("", |r| r.as_str())
                .to_ascii_lowercase();
            let unit = caps
                .name("unit")
                .map_or("", |u| u.as_str())
                .to_ascii_lowercase();
            let shift: i32 = match rel.as_str() {
                "last" | "the past" | "the previous" => -1,
                "next" | "the coming" => 1,
                _ => 0,
            };
            if unit == "week" {
                return week_of(article, &rel, shift).map_or(Found::Nothing, |(start, end)| {
                    inferred(start, Some(end), reasoning(context, phrase), 0.6)
                });
            }
            let date = if unit == "year" {
                PartialDate::year(article.year() + shift)
            } else {
                let shifted = match shift {
                    -1 => article.checked_sub_months(Months::new(1)),
                    1 => article.checked_add_months(Months::new(1)),
                    _ => Some(article),
                };
                shifted.and_then(|d| PartialDate::month(d.year(), d.month()))
            };
            date.map_or(Found::Nothing, |d| {
                inferred(d, None, reasoning(context, phrase), 0.7)
            })
        }
        Kind::Yesterday => {
            let Some(article) = context.article else {
                return Found::Unresolved;
            };
            let word = caps
                .name("w")
                .map_or("", |w| w.as_str())
                .to_ascii_lowercase();
            let day = if word == "yesterday" {
                article.pred_opt()
            } else {
                Some(article)
            };
            day.and_then(PartialDate::of_day)
                .map_or(Found::Nothing, |d| {
                    inferred(d, None, reasoning(context, phrase), 0.7)
                })
        }
        Kind::Weekday => {
            let Some(article) = context.article else {
                return Found::Unresolved;
            };
            let Some(weekday) = caps
                .name("w")
                .and_then(|w| w.as_str().parse::<Weekday>().ok())
            else {
                return Found::Nothing;
            };
            // The last such day on or before the article (the next, for the future).
            let back =
                (7 + article.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            let day = if context.future {
                let ahead = (7 + weekday.num_days_from_monday()
                    - article.weekday().num_days_from_monday())
                    % 7;
                article.checked_add_days(Days::new(u64::from(ahead)))
            } else {
                article.checked_sub_days(Days::new(u64::from(back)))
            };
            day.and_then(PartialDate::of_day)
                .map_or(Found::Nothing, |d| {
                    inferred(d, None, reasoning(context, phrase), 0.65)
                })
        }
    }
}

/// The finest precision among the mention's ends, for ranking mentions.
pub fn precision_of(mention: &DateMention) -> Precision {
    mention.end.map_or(mention.start.precision(), |e| {
        e.precision().max(mention.start.precision())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(date: &str) -> DateContext {
        DateContext {
            article: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            future: false,
        }
    }

    fn dates(sentence: &str, article: &str) -> Vec<(String, Option<String>, bool)> {
        find_dates(sentence, &context(article))
            .0
            .into_iter()
            .map(|m| {
                (
                    m.start.to_string(),
                    m.end.map(|e| e.to_string()),
                    m.inferred,
                )
            })
            .collect()
    }

    fn one(sentence: &str, article: &str) -> (String, Option<String>, bool) {
        let found = dates(sentence, article);
        assert_eq!(found.len(), 1, "{sentence}: {found:?}");
        found.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn absolute_dates_keep_their_precision() {
        assert_eq!(
            one("It opened on May 6.", "2022-06-01"),
            ("2022-05-06".into(), None, true)
        );
        assert_eq!(
            one("It was held from 28-29 November 2022.", ""),
            ("2022-11-28".into(), Some("2022-11-29".into()), false)
        );
        assert_eq!(
            one(
                "The forum was held online from November 28th to 29th.",
                "2022-12-15"
            ),
            ("2022-11-28".into(), Some("2022-11-29".into()), true)
        );
        let named = dates("The 2022 forum was held from November 28th to 29th.", "");
        assert!(
            named.contains(&("2022-11-28".into(), Some("2022-11-29".into()), false)),
            "{named:?}"
        );
        assert_eq!(
            one("It began in July 2021.", ""),
            ("2021-07".into(), None, false)
        );
        assert_eq!(
            one("Held every year since 2010.", ""),
            ("2010".into(), None, false)
        );
        assert_eq!(
            one("It was launched in 2014.", ""),
            ("2014".into(), None, false)
        );
        assert_eq!(
            one("It came into force on January 1, 2022.", ""),
            ("2022-01-01".into(), None, false)
        );
        assert_eq!(
            one("It was suspended in 2020 and 2021.", ""),
            ("2020".into(), Some("2021".into()), false)
        );
        assert_eq!(
            one("Leaders met on 31 May.", "2024-06-12"),
            ("2024-05-31".into(), None, true)
        );
        assert_eq!(
            one("It runs November 28 to December 2, 2022.", "").1,
            Some("2022-12-02".into())
        );
        assert!(dates("The goal is to lead by 2035.", "2024-01-01").is_empty());
        assert!(dates("He may attend.", "2024-01-01").is_empty());
    }

    #[test]
    fn a_week_is_its_days_and_a_qualifier_keeps_the_precision() {
        // 2022-06-20 is a Monday.
        assert_eq!(
            one("Last week, officials held talks.", "2022-06-22"),
            ("2022-06-13".into(), Some("2022-06-19".into()), true)
        );
        assert_eq!(
            one("Earlier this week, they met.", "2022-06-22"),
            ("2022-06-20".into(), Some("2022-06-22".into()), true)
        );
        let (found, _) = find_dates("In early March 2020, it was suspended.", &context(""));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start.to_string(), "2020-03");
        assert_eq!(found[0].range.0, "In ".len());
    }

    #[test]
    fn relative_dates_are_worked_out_and_marked_inferred() {
        assert_eq!(
            one("In a conference a week ago, they met.", "2021-11-25"),
            ("2021-11-18".into(), None, true)
        );
        assert_eq!(
            one("This July, a seminar was held.", "2021-11-25"),
            ("2021-07".into(), None, true)
        );
        assert_eq!(
            one("Next year marks the anniversary.", "2021-11-25"),
            ("2022".into(), None, true)
        );
        assert_eq!(
            one("Scholars said on Thursday.", "2021-11-05"),
            ("2021-11-04".into(), None, true)
        );
        assert_eq!(
            one("Last month they signed it.", "2021-01-15"),
            ("2020-12".into(), None, true)
        );
        assert_eq!(
            one("Talks were held two days ago.", "2021-01-15"),
            ("2021-01-13".into(), None, true)
        );
        assert_eq!(
            one("They met on December 28.", "2022-01-05"),
            ("2021-12-28".into(), None, true)
        );
        let (found, unresolved) = find_dates("It was held a week ago.", &context(""));
        assert!(found.is_empty());
        assert_eq!(
            unresolved,
            [Unresolved {
                phrase: "a week ago".into()
            }]
        );
        let mention = &find_dates("a week ago", &context("2021-11-25")).0[0];
        assert_eq!(
            mention.reasoning.as_deref(),
            Some("article of 2021-11-25, 'a week ago'")
        );
    }
}
