//! The forms of dates in English news text, most specific first.

use std::sync::LazyLock;

use regex::Regex;

use super::super::pattern;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const DAY: &str = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[0-9]{3}|20[0-9]{2})";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// Verbs after which a bare weekday is the day of what they say: "said Wednesday".
const DAY_VERB: &str = r"(?:said|says|held|met|announced|signed|launched|opened|told|added|noted|visited|began|started|ended|arrived|left|released|unveiled|hosted|agreed|decided|reported|revealed|confirmed|approved)";

/// What a pattern reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// "2022-05-06", "2015.08.21", "2021/11/05".
    NumericYmd,
    /// "21/05/2016", "21.05.2016".
    NumericDmy,
    CrossMonthRange,
    MonthDayRange,
    DayMonthRange,
    MonthDay,
    DayMonth,
    /// "April-May 1945".
    MonthRange,
    /// "in August last year".
    MonthOfRelativeYear,
    RelativeMonthName,
    MonthYear,
    /// "FY2016".
    FiscalYear,
    /// "2016-17".
    ShortYearRange,
    YearRange,
    /// "the 1990s".
    Decade,
    Since,
    /// "by the end of 2006": a deadline, the date of a planned event at most.
    Deadline,
    /// "by 2035", "before 2030": a target, no date of an event.
    Target,
    Year,
    Ago,
    RelativeUnit,
    Yesterday,
    /// "Wednesday last week".
    WeekdayOfRelativeWeek,
    Weekday,
}

/// Each pattern, most specific first; a later pattern never takes text an earlier one took.
/// A pattern with a group named `phrase` takes only that group as the date's words.
pub static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let p = |s: &str| {
        pattern(
            &s.replace("MONTH", MONTH)
                .replace("WEEKDAY", WEEKDAY)
                .replace("DAY_VERB", DAY_VERB)
                .replace("DAY", DAY)
                .replace("YEAR", YEAR),
        )
    };
    // A weekday written before a date belongs to it: "Thursday, December 13, 2018".
    let weekday = r"(?:(?P<wd>WEEKDAY),? (?:the )?)?";
    vec![
        (
            Kind::NumericYmd,
            p(r"\b(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\b"),
        ),
        (
            Kind::NumericDmy,
            p(r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})[/.](?P<y>YEAR)\b"),
        ),
        // "November 28 to December 2, 2022"
        (
            Kind::CrossMonthRange,
            p(
                r"\b(?P<m1>MONTH) (?P<d1>DAY)\s*(?:-|–|to|through|until)\s*(?P<m2>MONTH) (?P<d2>DAY)(?:,? (?P<y>YEAR))?\b",
            ),
        ),
        // "November 28th to 29th, 2022", "Nov 28-29"
        (
            Kind::MonthDayRange,
            p(
                r"\b(?P<m>MONTH) (?P<d1>DAY)\s*(?:-|–|to|and|through)\s*(?P<d2>DAY)\b(?:,? (?P<y>YEAR)\b)?",
            ),
        ),
        // "28-29 November 2022"
        (
            Kind::DayMonthRange,
            p(r"\b(?P<d1>DAY)\s*(?:-|–|to|and)\s*(?P<d2>DAY) (?P<m>MONTH)(?:,? (?P<y>YEAR)\b)?"),
        ),
        // "January 1, 2022", "May 27", "Thursday, December 13, 2018"
        (
            Kind::MonthDay,
            p(&format!(
                r"\b{weekday}(?P<m>MONTH) (?P<d>DAY)\b(?:,? (?P<y>YEAR)\b)?"
            )),
        ),
        // "31 May 2024", "31 May", "the 16th June 2016"
        (
            Kind::DayMonth,
            p(&format!(
                r"\b{weekday}(?P<d>DAY) (?:of )?(?P<m>MONTH)\b(?:,? (?P<y>YEAR)\b)?"
            )),
        ),
        (
            Kind::MonthRange,
            p(r"\b(?P<m1>MONTH)\s*(?:-|–|to|and)\s*(?P<m2>MONTH),? (?P<y>YEAR)\b"),
        ),
        (
            Kind::MonthOfRelativeYear,
            p(r"(?i)\b(?P<m>MONTH) (?:of )?(?P<rel>last|this|next) year\b"),
        ),
        // "this July", "last May", "next March"
        (
            Kind::RelativeMonthName,
            p(r"(?i)\b(?P<rel>this|last|next|earlier this|later this) (?P<m>MONTH)\b"),
        ),
        // "May 2022", "July of 2021"
        (Kind::MonthYear, p(r"\b(?P<m>MONTH) (?:of )?(?P<y>YEAR)\b")),
        (
            Kind::FiscalYear,
            p(r"\b(?:FY|fiscal year |financial year )(?P<y>YEAR)\b"),
        ),
        (
            Kind::ShortYearRange,
            p(r"\b(?P<y1>YEAR)\s*[-–/]\s*(?P<y2>\d{2})\b"),
        ),
        // "in 2020 and 2021", "2020-2021", "from 2019 to 2021"
        (
            Kind::YearRange,
            p(r"\b(?P<y1>YEAR)\s*(?:-|–|and|to|through)\s*(?P<y2>YEAR)\b"),
        ),
        (Kind::Decade, p(r"\b(?P<y>(?:1[0-9]|20)[0-9]0)s\b")),
        (Kind::Since, p(r"(?i)\bsince (?P<y>YEAR)\b")),
        (Kind::Deadline, p(r"(?i)\bby the end of (?P<y>YEAR)\b")),
        // Years that are not the date of something: "by 2035", "before 2030".
        (
            Kind::Target,
            p(r"(?i)\b(?:by|before|until|till|towards?) (?:the end of )?(?P<y>YEAR)\b"),
        ),
        // A year glued to a name is part of the name: "Horizon 2020", "Vision 2030".
        (
            Kind::Target,
            p(r"\b(?:Horizon|Vision|Agenda|Strategy|Plan|Expo|Society) (?P<y>YEAR)\b"),
        ),
        (Kind::Year, p(r"\b(?P<y>YEAR)\b")),
        (
            Kind::Ago,
            p(
                r"(?i)\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?P<unit>day|week|month|year|decade)s? ago\b",
            ),
        ),
        (
            Kind::WeekdayOfRelativeWeek,
            p(r"\b(?P<w>WEEKDAY),? (?P<rel>last|this|next) week\b"),
        ),
        (
            Kind::RelativeUnit,
            p(
                r"(?i)\b(?P<rel>this|last|next|earlier this|later this|the past|the previous|the coming) (?P<unit>year|month|week)\b",
            ),
        ),
        (Kind::Yesterday, p(r"(?i)\b(?P<w>yesterday|today)\b")),
        (
            Kind::Weekday,
            p(r"\b(?:(?:on|last|this) (?P<w>WEEKDAY)\b|DAY_VERB (?P<phrase>(?P<w2>WEEKDAY))\b)"),
        ),
    ]
});
