//! Drafted events: what the drafter found in an article, with the words that back every
//! field, and what the user decided about it. The drafter makes them; the dataset holds them.

use serde::{Deserialize, Serialize};

use super::country::Country;
use super::date::PartialDate;
use super::event::{Category, Event, Person};
use super::participants::parse_participant_list;

/// A field of a drafted event that evidence can back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Date,
    Kind,
    Place,
    Country,
    Count,
    Person,
    Organizer,
}

impl Field {
    /// The field's name, as `draft --json` writes it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Date => "date",
            Self::Kind => "kind",
            Self::Place => "place",
            Self::Country => "country",
            Self::Count => "count",
            Self::Person => "person",
            Self::Organizer => "organizer",
        }
    }
}

/// Why a field was drafted: where in which source its words are.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub field: Field,
    /// Which item of the field: the country code, the count's or the person's index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Index into the event's sources.
    pub source: usize,
    /// Byte range in that source's quote.
    pub start: usize,
    pub end: usize,
}

/// A piece of a quote and the evidence on it, for marking the words each field came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteSegment {
    pub range: std::ops::Range<usize>,
    /// The field of the shortest evidence (other than the title) over the piece.
    pub field: Option<Field>,
    /// The piece is part of the event's name.
    pub in_title: bool,
}

/// Cuts `quote` where evidence of source `source` starts or ends, so each piece can be
/// marked as one. Ranges off the quote or inside a character are left out.
pub fn quote_segments(quote: &str, source: usize, evidence: &[Evidence]) -> Vec<QuoteSegment> {
    let valid = |e: &&Evidence| {
        e.source == source
            && e.start < e.end
            && e.end <= quote.len()
            && quote.is_char_boundary(e.start)
            && quote.is_char_boundary(e.end)
    };
    let spans: Vec<&Evidence> = evidence.iter().filter(valid).collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|e| [e.start, e.end]).collect();
    cuts.extend([0, quote.len()]);
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|pair| {
            let range = pair[0]..pair[1];
            let over = |e: &&&Evidence| e.start <= range.start && range.end <= e.end;
            let field = spans
                .iter()
                .filter(over)
                .filter(|e| e.field != Field::Title)
                .min_by_key(|e| e.end - e.start)
                .map(|e| e.field);
            let in_title = spans.iter().filter(over).any(|e| e.field == Field::Title);
            QuoteSegment {
                range,
                field,
                in_title,
            }
        })
        .collect()
}

/// How sure the drafter is of each field, 0–1.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(into = "ConfidenceInHundredths")]
pub struct Confidence {
    pub title: f32,
    pub date: f32,
    pub kind: f32,
    pub place: f32,
    pub countries: f32,
    pub counts: f32,
    pub people: f32,
}

/// [`Confidence`] as JSON prints it: 0.8, not 0.800000011920929.
#[derive(Serialize)]
struct ConfidenceInHundredths {
    title: f64,
    date: f64,
    kind: f64,
    place: f64,
    countries: f64,
    counts: f64,
    people: f64,
}

impl From<Confidence> for ConfidenceInHundredths {
    fn from(c: Confidence) -> Self {
        let round = |value: f32| (f64::from(value) * 100.0).round() / 100.0;
        Self {
            title: round(c.title),
            date: round(c.date),
            kind: round(c.kind),
            place: round(c.place),
            countries: round(c.countries),
            counts: round(c.counts),
            people: round(c.people),
        }
    }
}

/// What the drafter knows of a drafted event beyond the event itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DraftInfo {
    /// The articles it was drafted from.
    pub articles: Vec<String>,
    pub confidence: Confidence,
    /// How the date was worked out, for an inferred date.
    pub reasoning: Vec<String>,
    pub evidence: Vec<Evidence>,
}

/// A drafted event: the event, and how it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub event: Event,
    pub info: DraftInfo,
}

/// What the user decided about a draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    #[default]
    Pending,
    Accepted,
    Rejected,
}

/// The user's review of a draft: the decision and the fields corrected, kept outside the
/// data folder, by the draft's id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    pub decision: Decision,
    /// The date as corrected, in the native form ("2021-11", "2021-11-18").
    pub start: Option<String>,
    pub end: Option<String>,
    pub category: Option<Category>,
    /// Alpha-3 codes.
    pub countries: Option<Vec<String>>,
    /// Counts in the CSV form: "CHN 12 universities; total 30 scientists".
    pub participants: Option<String>,
    pub title: Option<String>,
    /// The place; empty for none.
    pub location: Option<String>,
    pub organizers: Option<Vec<String>>,
    /// The people's names: those drafted keep their country, role and organisation.
    pub people: Option<Vec<String>>,
    pub planned: Option<bool>,
}

impl Review {
    /// The event with the corrections applied; the reasons a correction could not be read.
    pub fn apply(&self, event: &Event) -> (Event, Vec<String>) {
        let mut event = event.clone();
        let mut problems = Vec::new();
        if let Some(start) = &self.start {
            match PartialDate::parse(start) {
                Ok(date) => {
                    event.start = date;
                    event.date_inferred = false;
                }
                Err(error) => problems.push(format!("start: {error}")),
            }
        }
        if let Some(end) = &self.end {
            if end.trim().is_empty() {
                event.end = None;
            } else {
                match PartialDate::parse(end) {
                    Ok(date) => event.end = Some(date),
                    Err(error) => problems.push(format!("end: {error}")),
                }
            }
        }
        if event
            .end
            .is_some_and(|end| end.last_day() < event.start.first_day())
        {
            problems.push("the end is before the start; the end was left out".to_owned());
            event.end = None;
        }
        if let Some(category) = self.category {
            event.category = category;
        }
        if let Some(countries) = &self.countries {
            event.countries.clear();
            for written in countries {
                match Country::parse(written)
                    .ok()
                    .or_else(|| Country::from_name(written))
                {
                    Some(country) if !event.countries.contains(&country) => {
                        event.countries.push(country);
                    }
                    Some(_) => {}
                    None => problems.push(format!(
                        "countries: '{written}' is not an alpha-3 code or a country name"
                    )),
                }
            }
        }
        if let Some(participants) = &self.participants {
            match parse_participant_list(participants) {
                Ok(list) => event.participants = list,
                Err(error) => problems.push(error),
            }
        }
        self.apply_words(&mut event, &mut problems);
        // An accepted event is the user's: no longer a draft.
        if self.decision == Decision::Accepted {
            event.tags.retain(|tag| tag != "draft");
        }
        (event, problems)
    }

    /// The corrections written as words: title, place, organizers, people, planned.
    fn apply_words(&self, event: &mut Event, problems: &mut Vec<String>) {
        if let Some(title) = &self.title {
            match title.trim() {
                "" => problems.push("the title cannot be empty".to_owned()),
                title => event.title = title.to_owned(),
            }
        }
        if let Some(location) = &self.location {
            let location = location.trim();
            event.location = (!location.is_empty()).then(|| location.to_owned());
        }
        if let Some(organizers) = &self.organizers {
            event.organizers = names(organizers).collect();
        }
        if let Some(people) = &self.people {
            let drafted = std::mem::take(&mut event.people);
            event.people = names(people)
                .map(|name| {
                    (drafted.iter().find(|p| p.name == name).cloned()).unwrap_or(Person {
                        name,
                        country: None,
                        role: None,
                        organization: None,
                    })
                })
                .collect();
        }
        if let Some(planned) = self.planned {
            event.planned = planned;
        }
    }
}

/// The names of a list as typed, trimmed, without empty ones or repeats.
fn names(list: &[String]) -> impl Iterator<Item = String> + '_ {
    let mut seen = Vec::new();
    list.iter()
        .map(|name| name.trim().to_owned())
        .filter(move |name| {
            let new = !name.is_empty() && !seen.contains(name);
            if new {
                seen.push(name.clone());
            }
            new
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_segments_mark_the_shortest_evidence_and_the_title() {
        let quote = "The forum opened on May 6 in Lyon.";
        let span = |field: Field, start: usize, end: usize| Evidence {
            field,
            item: None,
            source: 0,
            start,
            end,
        };
        let evidence = [
            span(Field::Title, 0, 9),
            span(Field::Kind, 4, 9),
            span(Field::Date, 17, 25),
            span(Field::Place, 29, 33),
            span(Field::Date, 5, 200),
        ];
        let pieces: Vec<(&str, Option<Field>, bool)> = quote_segments(quote, 0, &evidence)
            .into_iter()
            .map(|s| (&quote[s.range], s.field, s.in_title))
            .collect();
        assert_eq!(
            pieces,
            [
                ("The ", None, true),
                ("forum", Some(Field::Kind), true),
                (" opened ", None, false),
                ("on May 6", Some(Field::Date), false),
                (" in ", None, false),
                ("Lyon", Some(Field::Place), false),
                (".", None, false),
            ]
        );
        assert_eq!(quote_segments(quote, 1, &evidence).len(), 1);
    }
}
