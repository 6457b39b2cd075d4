//! A date pattern's match turned into a date: written dates as written, relative ones worked
//! out from the page's date, a month and day without a year given the year of the page or
//! of a full date in the text, and marked inferred with how.

use chrono::{Datelike as _, Days, Months, NaiveDate, Weekday};
use regex::Captures;

use super::super::counts::number_word;
use super::patterns::Kind;
use super::{DateContext, DateMention};
use crate::model::date::{PartialDate, month_from_name};

/// What a match gives.
pub enum Found {
    Date(DateMention),
    /// Relative, with no page date to work it out from.
    Unresolved,
    /// Not the date of an event ("by 2035"), or not a real date.
    Nothing,
}

impl Found {
    fn stated(start: PartialDate, end: Option<PartialDate>, confidence: f32) -> Self {
        Self::Date(DateMention {
            start,
            end,
            inferred: false,
            reasoning: None,
            range: (0, 0),
            since: false,
            deadline: false,
            year_from: None,
            confidence,
        })
    }

    fn inferred(
        start: PartialDate,
        end: Option<PartialDate>,
        why: Option<String>,
        confidence: f32,
    ) -> Self {
        Self::Date(DateMention {
            start,
            end,
            inferred: true,
            reasoning: why,
            range: (0, 0),
            since: false,
            deadline: false,
            year_from: None,
            confidence,
        })
    }

    fn from_day(
        day: Option<NaiveDate>,
        context: &DateContext,
        phrase: &str,
        confidence: f32,
    ) -> Self {
        day.and_then(PartialDate::of_day)
            .map_or(Self::Nothing, |d| {
                Self::inferred(d, None, reasoning(context, phrase), confidence)
            })
    }
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

fn word(caps: &Captures, name: &str) -> String {
    caps.name(name)
        .map_or("", |m| m.as_str())
        .to_ascii_lowercase()
}

/// The phrase and the page's date, as the reasoning of an inferred date.
fn reasoning(context: &DateContext, phrase: &str) -> Option<String> {
    context
        .page
        .map(|page| format!("article of {}{}, '{phrase}'", page.date, page.source))
}

/// The year of a month and day written without one, and why: from the page's date (the last
/// such day on or before it, the next for the future), else from the nearest full date the
/// text gives in that month or near it. A weekday written with it picks among neighbouring
/// years.
fn year_for(
    context: &DateContext,
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
) -> Option<(i32, String)> {
    let (year, why) = match context.page.filter(|p| p.written_then) {
        Some(page) => {
            let article = page.date;
            let same_year = NaiveDate::from_ymd_opt(article.year(), month, day)?;
            // Past events a month after the page's date are still this year's: pages keep
            // their first date while their sidebars are updated.
            let year = if context.future {
                article.year() + i32::from(same_year < article)
            } else {
                article.year() - i32::from(same_year > article + Days::new(31))
            };
            (year, format!("article of {}{}", article, page.source))
        }
        None => {
            let near = context.full_dates.iter().min_by_key(|d| {
                let months = (d.month() as i32 - month as i32).rem_euclid(12);
                months.min(12 - months)
            })?;
            let months = month as i32 - near.month() as i32;
            let year = near.year()
                + if months > 6 {
                    -1
                } else if months < -6 {
                    1
                } else {
                    0
                };
            (year, format!("the year of {near} in the text"))
        }
    };
    let Some(weekday) = weekday else {
        return Some((year, why));
    };
    let fits =
        |y: i32| NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == weekday);
    [year, year - 1, year + 1]
        .into_iter()
        .find(|&y| fits(y))
        .map(|y| (y, format!("{why}, a {weekday} that year")))
        .or(Some((year, why)))
}

/// The match `caps` of a pattern of `kind`, as a date.
pub fn mention_of(
    kind: Kind,
    caps: &Captures,
    phrase: &str,
    sentence_year: Option<i32>,
    context: &DateContext,
) -> Found {
    match kind {
        Kind::NumericYmd => numeric_day(
            number(caps, "y"),
            number(caps, "m"),
            number(caps, "d"),
            0.95,
        ),
        Kind::NumericDmy => {
            let (a, b) = (number(caps, "a"), number(caps, "b"));
            // Day first, as most of the world and every dotted date writes it; a first
            // number past 12 can only be a day, a second past 12 only in "5/21/2016".
            let (day, month) = match (a, b) {
                (Some(a), Some(b)) if b > 12 && a <= 12 => (Some(b), Some(a)),
                _ => (a, b),
            };
            numeric_day(number(caps, "y"), month, day, 0.6)
        }
        Kind::MonthDay | Kind::DayMonth => {
            let (Some(m), Some(d)) = (month(caps, "m"), number(caps, "d")) else {
                return Found::Nothing;
            };
            let weekday = caps.name("wd").and_then(|w| w.as_str().parse().ok());
            with_year(
                day_date(caps, m, d, weekday, sentence_year, context),
                None,
                phrase,
                context,
                sentence_year.is_some() || caps.name("y").is_some(),
            )
        }
        Kind::MonthDayRange | Kind::DayMonthRange | Kind::CrossMonthRange => {
            day_range(kind, caps, phrase, sentence_year, context)
        }
        Kind::MonthRange => {
            let (Some(m1), Some(m2), Some(y)) =
                (month(caps, "m1"), month(caps, "m2"), number(caps, "y"))
            else {
                return Found::Nothing;
            };
            let end = PartialDate::month(y as i32, m2).filter(|_| m2 > m1);
            PartialDate::month(y as i32, m1).map_or(Found::Nothing, |d| Found::stated(d, end, 0.85))
        }
        Kind::MonthYear => {
            let (Some(m), Some(y)) = (month(caps, "m"), number(caps, "y")) else {
                return Found::Nothing;
            };
            PartialDate::month(y as i32, m).map_or(Found::Nothing, |d| Found::stated(d, None, 0.9))
        }
        Kind::MonthOfRelativeYear | Kind::RelativeMonthName => {
            relative_month(kind, caps, phrase, context)
        }
        Kind::FiscalYear | Kind::Year => number(caps, "y")
            .and_then(|y| PartialDate::year(y as i32))
            .map_or(Found::Nothing, |d| Found::stated(d, None, 0.8)),
        Kind::ShortYearRange | Kind::YearRange => year_range(kind, caps),
        Kind::Decade => {
            let Some(first) = number(caps, "y").map(|y| y as i32) else {
                return Found::Nothing;
            };
            match (PartialDate::year(first), PartialDate::year(first + 9)) {
                (Some(start), end) => Found::stated(start, end, 0.7),
                _ => Found::Nothing,
            }
        }
        Kind::Since | Kind::Deadline => {
            let Some(start) = number(caps, "y").and_then(|y| PartialDate::year(y as i32)) else {
                return Found::Nothing;
            };
            let mut found = Found::stated(start, None, if kind == Kind::Since { 0.8 } else { 0.6 });
            if let Found::Date(mention) = &mut found {
                mention.since = kind == Kind::Since;
                mention.deadline = kind == Kind::Deadline;
            }
            found
        }
        Kind::Target => Found::Nothing,
        Kind::Ago => ago(caps, phrase, context),
        Kind::RelativeUnit => relative_unit(caps, phrase, context),
        Kind::Yesterday => {
            let Some(article) = context.written_on() else {
                return Found::Unresolved;
            };
            let day = if word(caps, "w") == "yesterday" {
                article.pred_opt()
            } else {
                Some(article)
            };
            Found::from_day(day, context, phrase, 0.7)
        }
        Kind::WeekdayOfRelativeWeek | Kind::Weekday => weekday(kind, caps, phrase, context),
    }
}

fn numeric_day(year: Option<u32>, month: Option<u32>, day: Option<u32>, confidence: f32) -> Found {
    let date = (|| PartialDate::day(year? as i32, month?, day?))();
    date.map_or(Found::Nothing, |d| Found::stated(d, None, confidence))
}

/// How a day and month got their year.
enum YearOf {
    /// Written in the sentence.
    Written,
    /// Written with the same day elsewhere in the text.
    StatedAt(NaiveDate),
    /// Worked out, and how.
    WorkedOut(String),
}

/// A day and month: the year is written, in the sentence, with the same day elsewhere, or
/// worked out.
fn day_date(
    caps: &Captures,
    month: u32,
    day: u32,
    weekday: Option<Weekday>,
    sentence_year: Option<i32>,
    context: &DateContext,
) -> Option<(PartialDate, YearOf)> {
    if let Some(year) = number(caps, "y").map(|y| y as i32).or(sentence_year) {
        return Some((PartialDate::day(year, month, day)?, YearOf::Written));
    }
    let same_day = (context.full_dates.iter()).filter(|d| d.month() == month && d.day() == day);
    if let Some(&stated) = same_day.max() {
        return Some((PartialDate::of_day(stated)?, YearOf::StatedAt(stated)));
    }
    let (year, why) = year_for(context, month, day, weekday)?;
    Some((PartialDate::day(year, month, day)?, YearOf::WorkedOut(why)))
}

/// A date whose year may have been worked out, as a mention; without one, unresolved.
fn with_year(
    date: Option<(PartialDate, YearOf)>,
    end: Option<PartialDate>,
    phrase: &str,
    context: &DateContext,
    year_written: bool,
) -> Found {
    match date {
        Some((start, YearOf::Written)) => Found::stated(start, end, 0.9),
        Some((start, YearOf::StatedAt(day))) => {
            let mut found = Found::stated(start, end, 0.85);
            if let Found::Date(mention) = &mut found {
                mention.year_from = Some(day);
            }
            found
        }
        Some((start, YearOf::WorkedOut(why))) => {
            Found::inferred(start, end, Some(format!("{why}, '{phrase}'")), 0.75)
        }
        None if context.page.is_none() && context.full_dates.is_empty() && !year_written => {
            Found::Unresolved
        }
        None => Found::Nothing,
    }
}

/// "28-29 November 2022", "Nov 28th to 29th", "November 28 to December 2, 2022".
fn day_range(
    kind: Kind,
    caps: &Captures,
    phrase: &str,
    sentence_year: Option<i32>,
    context: &DateContext,
) -> Found {
    let (m1, d1, m2, d2) = if kind == Kind::CrossMonthRange {
        (
            month(caps, "m1"),
            number(caps, "d1"),
            month(caps, "m2"),
            number(caps, "d2"),
        )
    } else {
        (
            month(caps, "m"),
            number(caps, "d1"),
            month(caps, "m"),
            number(caps, "d2"),
        )
    };
    let (Some(m1), Some(d1), Some(m2), Some(d2)) = (m1, d1, m2, d2) else {
        return Found::Nothing;
    };
    let year_written = sentence_year.is_some() || caps.name("y").is_some();
    let Some((start, why)) = day_date(caps, m1, d1, None, sentence_year, context) else {
        return with_year(None, None, phrase, context, year_written);
    };
    let end_year = start.year_number() + i32::from(m2 < m1);
    let end = PartialDate::day(end_year, m2, d2).filter(|e| *e > start);
    with_year(Some((start, why)), end, phrase, context, year_written)
}

fn year_range(kind: Kind, caps: &Captures) -> Found {
    let (Some(y1), Some(y2)) = (number(caps, "y1"), number(caps, "y2")) else {
        return Found::Nothing;
    };
    // "2016-17" is 2016 to 2017.
    let y2 = if kind == Kind::ShortYearRange {
        y1 / 100 * 100 + y2
    } else {
        y2
    };
    if y2 <= y1 || y2 - y1 > 50 {
        return Found::Nothing;
    }
    let (start, end) = (PartialDate::year(y1 as i32), PartialDate::year(y2 as i32));
    start.map_or(Found::Nothing, |s| Found::stated(s, end, 0.85))
}

/// "this July", "last May", "in August last year".
fn relative_month(kind: Kind, caps: &Captures, phrase: &str, context: &DateContext) -> Found {
    let Some(m) = month(caps, "m") else {
        return Found::Nothing;
    };
    let Some(article) = context.written_on() else {
        return Found::Unresolved;
    };
    let rel = word(caps, "rel");
    let year = match (kind, rel.as_str()) {
        (Kind::MonthOfRelativeYear, "last") => article.year() - 1,
        (Kind::MonthOfRelativeYear, "next") => article.year() + 1,
        (Kind::MonthOfRelativeYear, _) => article.year(),
        (_, "last") if m >= article.month() => article.year() - 1,
        (_, "next") if m <= article.month() => article.year() + 1,
        _ => article.year(),
    };
    PartialDate::month(year, m).map_or(Found::Nothing, |d| {
        Found::inferred(d, None, reasoning(context, phrase), 0.75)
    })
}

/// "a week ago", "two days ago", "three decades ago".
fn ago(caps: &Captures, phrase: &str, context: &DateContext) -> Found {
    let Some(article) = context.written_on() else {
        return Found::Unresolved;
    };
    let count = caps
        .name("n")
        .and_then(|n| number_word(n.as_str()))
        .unwrap_or(1);
    let date = match word(caps, "unit").as_str() {
        "day" => article
            .checked_sub_days(Days::new(count))
            .and_then(PartialDate::of_day),
        "week" => article
            .checked_sub_days(Days::new(count * 7))
            .and_then(PartialDate::of_day),
        "month" => article
            .checked_sub_months(Months::new(count as u32))
            .and_then(|d| PartialDate::month(d.year(), d.month())),
        "decade" => PartialDate::year(article.year() - 10 * count as i32),
        _ => PartialDate::year(article.year() - count as i32),
    };
    date.map_or(Found::Nothing, |d| {
        Found::inferred(d, None, reasoning(context, phrase), 0.7)
    })
}

/// The Monday of the week `shift` weeks from the page's. A page dated on a Sunday looks
/// back on the week that ends that day, as news writes on a Sunday about "last week".
fn monday_of_week(article: NaiveDate, shift: i32) -> Option<NaiveDate> {
    let reference = if article.weekday() == Weekday::Sun {
        article.succ_opt()?
    } else {
        article
    };
    let monday =
        reference.checked_sub_days(Days::new(reference.weekday().num_days_from_monday().into()))?;
    match shift {
        -1 => monday.checked_sub_days(Days::new(7)),
        1 => monday.checked_add_days(Days::new(7)),
        _ => Some(monday),
    }
}

/// "this year", "last month", "last week", "earlier this week".
fn relative_unit(caps: &Captures, phrase: &str, context: &DateContext) -> Found {
    let Some(article) = context.written_on() else {
        return Found::Unresolved;
    };
    let rel = word(caps, "rel");
    let shift: i32 = match rel.as_str() {
        "last" | "the past" | "the previous" => -1,
        "next" | "the coming" => 1,
        _ => 0,
    };
    let why = reasoning(context, phrase);
    match word(caps, "unit").as_str() {
        "week" => {
            let week = (|| {
                let monday = monday_of_week(article, shift)?;
                let end = if rel == "earlier this" {
                    article
                } else {
                    monday.checked_add_days(Days::new(6))?
                };
                Some((PartialDate::of_day(monday)?, PartialDate::of_day(end)?))
            })();
            week.map_or(Found::Nothing, |(start, end)| {
                Found::inferred(start, Some(end), why, 0.6)
            })
        }
        "year" => PartialDate::year(article.year() + shift)
            .map_or(Found::Nothing, |d| Found::inferred(d, None, why, 0.7)),
        _ => {
            let shifted = match shift {
                -1 => article.checked_sub_months(Months::new(1)),
                1 => article.checked_add_months(Months::new(1)),
                _ => Some(article),
            };
            let date = shifted.and_then(|d| PartialDate::month(d.year(), d.month()));
            date.map_or(Found::Nothing, |d| Found::inferred(d, None, why, 0.7))
        }
    }
}

/// "on Thursday", "said Wednesday", "Wednesday last week": the last such day on or before
/// the page's date (the next, for the future), or that day of the week named.
fn weekday(kind: Kind, caps: &Captures, phrase: &str, context: &DateContext) -> Found {
    let Some(article) = context.written_on() else {
        return Found::Unresolved;
    };
    let Some(weekday) = caps
        .name("w")
        .or(caps.name("w2"))
        .and_then(|w| w.as_str().parse::<Weekday>().ok())
    else {
        return Found::Nothing;
    };
    let day = if kind == Kind::WeekdayOfRelativeWeek {
        let shift = match word(caps, "rel").as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        monday_of_week(article, shift).and_then(|monday| {
            monday.checked_add_days(Days::new(weekday.num_days_from_monday().into()))
        })
    } else if context.future {
        let ahead =
            (7 + weekday.num_days_from_monday() - article.weekday().num_days_from_monday()) % 7;
        article.checked_add_days(Days::new(u64::from(ahead)))
    } else {
        let back =
            (7 + article.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        article.checked_sub_days(Days::new(u64::from(back)))
    };
    Found::from_day(day, context, phrase, 0.65)
}
