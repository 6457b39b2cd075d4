//! Events and what they hold: participants, people and sources.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::country::Country;
use super::date::{DateSpan, PartialDate};

/// What kind of event it is. The order is the order of the lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Summit,
    Conference,
    Forum,
    Seminar,
    ExchangeProgram,
    Agreement,
    PressConference,
    Launch,
    Suspension,
    Resumption,
    Other,
}

impl Category {
    pub const ALL: [Self; 11] = [
        Self::Summit,
        Self::Conference,
        Self::Forum,
        Self::Seminar,
        Self::ExchangeProgram,
        Self::Agreement,
        Self::PressConference,
        Self::Launch,
        Self::Suspension,
        Self::Resumption,
        Self::Other,
    ];

    /// The word used in data files, e.g. `exchange_program`.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Summit => "summit",
            Self::Conference => "conference",
            Self::Forum => "forum",
            Self::Seminar => "seminar",
            Self::ExchangeProgram => "exchange_program",
            Self::Agreement => "agreement",
            Self::PressConference => "press_conference",
            Self::Launch => "launch",
            Self::Suspension => "suspension",
            Self::Resumption => "resumption",
            Self::Other => "other",
        }
    }

    /// The name shown to people, e.g. "Exchange program".
    pub fn label(&self) -> &'static str {
        match self {
            Self::Summit => "Summit",
            Self::Conference => "Conference",
            Self::Forum => "Forum",
            Self::Seminar => "Seminar",
            Self::ExchangeProgram => "Exchange program",
            Self::Agreement => "Agreement",
            Self::PressConference => "Press conference",
            Self::Launch => "Launch",
            Self::Suspension => "Suspension",
            Self::Resumption => "Resumption",
            Self::Other => "Other",
        }
    }

    /// A colour per category that reads on light and dark backgrounds, as sRGB.
    pub fn color_rgb(&self) -> [u8; 3] {
        match self {
            Self::Summit => [214, 39, 40],
            Self::Conference => [31, 119, 180],
            Self::Forum => [255, 127, 14],
            Self::Seminar => [44, 160, 44],
            Self::ExchangeProgram => [148, 103, 189],
            Self::Agreement => [140, 86, 75],
            Self::PressConference => [227, 119, 194],
            Self::Launch => [23, 190, 207],
            Self::Suspension => [88, 88, 96],
            Self::Resumption => [188, 189, 34],
            Self::Other => [176, 176, 168],
        }
    }
}

/// Words that name a kind of event, most specific first: "press conference" before
/// "conference".
const CATEGORY_WORDS: [(&str, Category); 26] = [
    ("press conference", Category::PressConference),
    ("news conference", Category::PressConference),
    ("press briefing", Category::PressConference),
    ("summit", Category::Summit),
    ("forum", Category::Forum),
    ("conference", Category::Conference),
    ("congress", Category::Conference),
    ("symposium", Category::Seminar),
    ("seminar", Category::Seminar),
    ("workshop", Category::Seminar),
    ("webinar", Category::Seminar),
    ("colloquium", Category::Seminar),
    ("exchange program", Category::ExchangeProgram),
    ("exchange programme", Category::ExchangeProgram),
    ("agreement", Category::Agreement),
    ("memorandum of understanding", Category::Agreement),
    ("mou", Category::Agreement),
    ("treaty", Category::Agreement),
    ("accord", Category::Agreement),
    ("launch", Category::Launch),
    ("inaugurat", Category::Launch),
    ("suspend", Category::Suspension),
    ("suspension", Category::Suspension),
    ("resum", Category::Resumption),
    ("relaunch", Category::Resumption),
    ("revive", Category::Resumption),
];

impl Category {
    /// The kind an event's name or a cell says, from the words used ("2024 International
    /// Forum on…" is a forum), if one of them names a kind. Words match at their start.
    pub fn from_words(text: &str) -> Option<Self> {
        if let Ok(category) = text.parse::<Self>() {
            return Some(category);
        }
        let lower = text.to_lowercase();
        CATEGORY_WORDS
            .iter()
            .find(|(word, _)| {
                lower.match_indices(word).any(|(at, _)| {
                    let before = lower[..at].chars().next_back();
                    before.is_none_or(|c| !c.is_alphanumeric())
                })
            })
            .map(|&(_, category)| category)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A category word that is not one of [`Category::ALL`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown category '{0}'; use one of: {list}", list = Category::ALL.map(|c| c.key()).join(", "))]
pub struct UnknownCategory(pub String);

impl FromStr for Category {
    type Err = UnknownCategory;

    /// Accepts the data-file word, ignoring case and treating spaces and hyphens as `_`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let key = text.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL
            .into_iter()
            .find(|c| c.key() == key)
            .ok_or_else(|| UnknownCategory(text.trim().to_owned()))
    }
}

/// How a source gives a number, where it does not give it exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountQualifier {
    /// "about 30", "nearly 30", "some 30".
    About,
    /// "at least 300": a lower bound.
    AtLeast,
    /// "more than 300", "over 300": a lower bound, not reached.
    MoreThan,
    /// "up to 300": an upper bound.
    UpTo,
}

impl CountQualifier {
    pub const ALL: [Self; 4] = [Self::About, Self::AtLeast, Self::MoreThan, Self::UpTo];

    /// The words put before the number: "about", "more than".
    pub fn words(self) -> &'static str {
        match self {
            Self::About => "about",
            Self::AtLeast => "at least",
            Self::MoreThan => "more than",
            Self::UpTo => "up to",
        }
    }

    /// The word used in data files: `about`, `at_least`, `more_than`, `up_to`.
    pub fn key(self) -> &'static str {
        match self {
            Self::About => "about",
            Self::AtLeast => "at_least",
            Self::MoreThan => "more_than",
            Self::UpTo => "up_to",
        }
    }

    /// The qualifier a data file or a reviewer writes: its key or its words, any case.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase().replace(['_', '-'], " ");
        Self::ALL.into_iter().find(|q| q.words() == text)
    }
}

/// How many took part, from one country (or in total when `country` is `None`), in one unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub country: Option<Country>,
    pub count: u64,
    /// What was counted: "universities", "scientists", "online attendees", ...
    pub unit: String,
    /// Set when the source gives the number roughly or as a bound ("more than 300").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<CountQualifier>,
}

impl Participant {
    /// "more than 300 students", "12 universities".
    pub fn count_phrase(&self) -> String {
        match self.qualifier {
            Some(qualifier) => format!("{} {} {}", qualifier.words(), self.count, self.unit),
            None => format!("{} {}", self.count, self.unit),
        }
    }
}

/// How widely an event was reported, not who took part: the mentions, sources and articles
/// GDELT counts. Never added to participants.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub count: u64,
    /// "mentions", "sources", "articles".
    pub unit: String,
}

/// A named person and what the source says of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub country: Option<Country>,
    pub role: Option<String>,
    pub organization: Option<String>,
}

/// Where an event is reported, and the sentence that backs it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Who published it, as printed, e.g. "科技日报".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When, as printed on the page, e.g. "2024-06-12 10:17:40".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The author line, as printed, e.g. "Author: GONG Qian".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    pub quote: String,
}

impl SourceRef {
    /// The URL, only if it is safe to open in a browser: `http` or `https`, nothing else.
    pub fn web_url(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let scheme_end = url.find(':')?;
        let scheme = url[..scheme_end].to_ascii_lowercase();
        ((scheme == "http" || scheme == "https") && url[scheme_end..].starts_with("://"))
            .then_some(url)
    }
}

/// One validated event, in the native shape (it serialises as the normalised native JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub date_inferred: bool,
    pub category: Category,
    pub series: Option<String>,
    pub location: Option<String>,
    pub countries: Vec<Country>,
    pub organizers: Vec<String>,
    pub participants: Vec<Participant>,
    pub people: Vec<Person>,
    pub summary: String,
    pub sources: Vec<SourceRef>,
    pub tags: Vec<String>,
    /// The date as the source writes it ("Spring 1815", "c. 500 BCE"), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Announced for a time after its source was published: planned, not (yet) known to
    /// have happened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// How widely it was reported, where the source counts that (GDELT).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<Coverage>,
}

impl Event {
    /// When it happened, with its precision and the inferred flag.
    pub fn span(&self) -> DateSpan {
        DateSpan {
            start: self.start,
            end: self.end,
            inferred: self.date_inferred,
        }
    }
}

/// Events of every shape, for the tests of the layers that hold them: days, months, years,
/// spans, BCE, people, organizers, places, sources with publishers, counts and tags.
#[cfg(test)]
pub(crate) fn example_events() -> Vec<Event> {
    use super::date::PartialDate;
    let date = |text: &str| PartialDate::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let country = |code: &str| Country::parse(code).unwrap_or_else(|e| panic!("{code}: {e}"));
    let blank = |id: &str, title: &str, start: &str, category| Event {
        id: id.to_owned(),
        title: title.to_owned(),
        start: date(start),
        end: None,
        date_inferred: false,
        category,
        series: None,
        location: None,
        countries: Vec::new(),
        organizers: Vec::new(),
        participants: Vec::new(),
        people: Vec::new(),
        summary: String::new(),
        sources: Vec::new(),
        tags: Vec::new(),
        display_date: None,
        planned: false,
        coverage: Vec::new(),
    };
    let forum = Event {
        end: Some(date("2022-11-29")),
        series: Some("China–Japan University Forum".to_owned()),
        location: Some("online".to_owned()),
        countries: vec![country("CHN"), country("JPN")],
        organizers: vec!["China Association for International Exchange of Personnel".to_owned()],
        participants: vec![
            Participant {
                country: Some(country("CHN")),
                count: 12,
                unit: "universities".to_owned(),
                qualifier: None,
            },
            Participant {
                country: Some(country("JPN")),
                count: 9,
                unit: "universities".to_owned(),
                qualifier: None,
            },
            Participant {
                country: None,
                count: 21,
                unit: "university presidents".to_owned(),
                qualifier: None,
            },
        ],
        people: vec![Person {
            name: "Okimura Kazuki".to_owned(),
            country: Some(country("JPN")),
            role: Some("Honorary Chairman".to_owned()),
            organization: Some("Japan Science and Technology Agency".to_owned()),
        }],
        summary: "Held online to mark the 50th anniversary of diplomatic ties.".to_owned(),
        sources: vec![SourceRef {
            file: Some("001.txt".to_owned()),
            publisher: Some("科技日报".to_owned()),
            published: Some("2022-11-30 10:17:40".to_owned()),
            quote: "The forum was held online.".to_owned(),
            ..SourceRef::default()
        }],
        tags: vec!["universities".to_owned(), "online".to_owned()],
        ..blank(
            "cj-forum-2022",
            "2022 China-Japan University Forum",
            "2022-11-28",
            Category::Forum,
        )
    };
    let exchange = Event {
        end: Some(date("2021")),
        location: Some("Weihai, Shandong".to_owned()),
        countries: vec![country("KOR"), country("CHN")],
        organizers: vec!["Pangoal Institution".to_owned()],
        participants: vec![Participant {
            country: Some(country("KOR")),
            count: 30,
            unit: "scientists".to_owned(),
            qualifier: None,
        }],
        tags: vec!["exchange".to_owned()],
        ..blank(
            "kc-exchange",
            "Researcher exchange",
            "2019",
            Category::ExchangeProgram,
        )
    };
    let inferred = Event {
        date_inferred: true,
        countries: vec![country("JPN")],
        ..blank(
            "jp-seminar",
            "Seminar on batteries",
            "2021-11-18",
            Category::Seminar,
        )
    };
    let ancient = Event {
        display_date: Some("c. 500 BCE".to_owned()),
        ..blank("ancient", "An ancient treaty", "-0499", Category::Agreement)
    };
    vec![
        forum,
        exchange,
        inferred,
        ancient,
        blank(
            "summit-2024",
            "China-Japan-ROK Summit",
            "2024-05-27",
            Category::Summit,
        ),
        blank(
            "launch-2021",
            "Joint lab opened",
            "2021-07",
            Category::Launch,
        ),
        blank("year-2010", "Forum of 2010", "2010", Category::Forum),
        blank(
            "dec-31",
            "Year-end meeting",
            "2012-12-31",
            Category::Conference,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_parse_leniently() {
        assert_eq!(
            "exchange_program".parse::<Category>(),
            Ok(Category::ExchangeProgram)
        );
        assert_eq!(
            "Press conference".parse::<Category>(),
            Ok(Category::PressConference)
        );
        let error = "party".parse::<Category>().unwrap_err().to_string();
        assert!(error.starts_with("unknown category 'party'; use one of: summit, conference"));
    }

    #[test]
    fn only_web_links_open() {
        let source = |url: &str| SourceRef {
            url: Some(url.into()),
            ..SourceRef::default()
        };
        assert!(source("https://example.org/a").web_url().is_some());
        assert!(source("HTTP://example.org").web_url().is_some());
        assert!(source("file:///etc/passwd").web_url().is_none());
        assert!(source("javascript:alert(1)").web_url().is_none());
        assert!(source("http:evil").web_url().is_none());
    }
}
