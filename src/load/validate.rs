//! The rules of the native format: a [`RawEvent`] checked field by field and turned into an
//! [`Event`], or skipped with every reason, each located in its file.

use std::borrow::Cow;

use super::FileOutput;
use super::raw::{
    Locate, RawCoverage, RawEvent, RawField, RawParticipant, RawPerson, RawSource, Text,
};
use crate::model::country::Country;
use crate::model::date::{DateError, PartialDate};
use crate::model::event::{
    Category, CountQualifier, Coverage, Event, Participant, Person, SourceRef,
};

/// Counts above this are not exact in an `f64`, and no real event has them.
const MAX_COUNT: f64 = 9_007_199_254_740_992.0;

/// The text trimmed, or `None` when nothing is left; borrowed text stays borrowed.
fn trimmed<'a>(text: Option<Text<'a>>) -> Option<Cow<'a, str>> {
    let Text(text) = text?;
    let kept = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    };
    (!kept.is_empty()).then_some(kept)
}

/// The text trimmed and owned, as an event keeps it, or `None` when nothing is left.
fn non_empty(text: Option<Text<'_>>) -> Option<String> {
    trimmed(text).map(Cow::into_owned)
}

fn non_empty_list(list: Vec<Text<'_>>) -> Vec<String> {
    list.into_iter()
        .filter_map(|t| non_empty(Some(t)))
        .collect()
}

/// What is wrong with an event, by field: errors skip it, warnings are told with it.
#[derive(Default)]
struct Findings {
    // Most messages are fixed words: borrowed, they cost no allocation until told.
    errors: Vec<(RawField, Cow<'static, str>)>,
    warnings: Vec<(RawField, Cow<'static, str>)>,
    /// A date outside the calendar's years, told once per file.
    out_of_range: Option<String>,
}

impl Findings {
    fn error(&mut self, field: RawField, message: impl Into<Cow<'static, str>>) {
        self.errors.push((field, message.into()));
    }

    fn warning(&mut self, field: RawField, message: impl Into<Cow<'static, str>>) {
        self.warnings.push((field, message.into()));
    }

    fn country(&mut self, field: RawField, code: &str) -> Option<Country> {
        Country::parse(code)
            .map_err(|e| self.error(field, e.to_string()))
            .ok()
    }

    fn date(&mut self, field: RawField, text: Option<Text<'_>>) -> Option<PartialDate> {
        let text = trimmed(text)?;
        match PartialDate::parse(&text) {
            Ok(date) => Some(date),
            Err(DateError::OutOfRange(date)) => {
                self.out_of_range = Some(date);
                None
            }
            Err(error) => {
                self.error(field, format!("{} {error}", field.key()));
                None
            }
        }
    }

    /// A count as a whole number, or why it is not one.
    fn count(&mut self, field: RawField, count: Option<f64>, unit: &str) -> Option<u64> {
        let problem = match count {
            None => format!("the count of {unit} is missing"),
            Some(c) if c < 0.0 => format!("the count of {unit} is negative ({c})"),
            Some(c) if c > MAX_COUNT => format!("the count of {unit} is too large ({c:e})"),
            Some(c) if c.fract() != 0.0 => {
                format!("the count of {unit} is not a whole number ({c})")
            }
            Some(c) => return Some(c as u64),
        };
        self.error(field, problem);
        None
    }
}

/// The start and end, checked to be real dates with the end not before the start.
fn dates(
    raw_start: Option<Text<'_>>,
    raw_end: Option<Text<'_>>,
    findings: &mut Findings,
) -> (Option<PartialDate>, Option<PartialDate>) {
    let has_start = raw_start.as_ref().is_some_and(|s| !s.0.trim().is_empty());
    let start = findings.date(RawField::Start, raw_start);
    let end = findings.date(RawField::End, raw_end);
    if !has_start {
        findings.error(RawField::Start, "the event has no start date");
    }
    if let (Some(start), Some(end)) = (start, end)
        && end.last_day() < start.first_day()
    {
        findings.error(RawField::End, format!("end {end} is before start {start}"));
    }
    (start, end)
}

fn category(raw: Option<Text<'_>>, findings: &mut Findings) -> Option<Category> {
    let Some(text) = trimmed(raw) else {
        findings.error(RawField::Category, "the event has no category");
        return None;
    };
    text.parse::<Category>()
        .map_err(|e| findings.error(RawField::Category, e.to_string()))
        .ok()
}

/// The participant counts, each with a unit and a whole number; a country counted that
/// the event does not list is told.
fn participants(
    raw: Vec<RawParticipant<'_>>,
    countries: &[Country],
    findings: &mut Findings,
) -> Vec<Participant> {
    let field = RawField::Participants;
    let mut participants = Vec::with_capacity(raw.len());
    for participant in raw {
        let country = trimmed(participant.country)
            .as_deref()
            .and_then(|code| findings.country(field, code));
        let Some(unit) = non_empty(participant.unit) else {
            findings.error(field, "a participant count has no unit");
            continue;
        };
        let qualifier = match trimmed(participant.qualifier) {
            None => None,
            Some(text) => {
                match CountQualifier::parse(&text) {
                    Some(qualifier) => Some(qualifier),
                    None => {
                        findings.error(
                        field,
                        format!("'{text}' is not a qualifier; use about, at_least, more_than or up_to"),
                    );
                        continue;
                    }
                }
            }
        };
        let Some(count) = findings.count(field, participant.count, &unit) else {
            continue;
        };
        if let Some(pc) = country
            && !countries.contains(&pc)
        {
            findings.warning(
                field,
                format!(
                    "participants from {pc} are counted, but {pc} is not in the countries list"
                ),
            );
        }
        participants.push(Participant {
            country,
            count,
            unit,
            qualifier,
        });
    }
    participants
}

fn coverage(raw: Vec<RawCoverage<'_>>, findings: &mut Findings) -> Vec<Coverage> {
    let field = RawField::Coverage;
    let mut coverage = Vec::with_capacity(raw.len());
    for item in raw {
        let Some(unit) = non_empty(item.unit) else {
            findings.error(field, "a coverage count has no unit");
            continue;
        };
        if let Some(count) = findings.count(field, item.count, &unit) {
            coverage.push(Coverage { count, unit });
        }
    }
    coverage
}

fn people(raw: Vec<RawPerson<'_>>, findings: &mut Findings) -> Vec<Person> {
    let mut people = Vec::with_capacity(raw.len());
    for person in raw {
        let Some(name) = non_empty(person.name) else {
            findings.error(RawField::People, "a person has no name");
            continue;
        };
        let country =
            trimmed(person.country).and_then(|code| findings.country(RawField::People, &code));
        people.push(Person {
            name,
            country,
            role: non_empty(person.role),
            organization: non_empty(person.organization),
        });
    }
    people
}

/// The sources; one that can be neither found nor opened, or none at all, is told.
fn sources(raw: Vec<RawSource<'_>>, findings: &mut Findings) -> Vec<SourceRef> {
    let field = RawField::Sources;
    let mut sources = Vec::with_capacity(raw.len());
    for source in raw {
        let source = SourceRef {
            file: non_empty(source.file),
            url: non_empty(source.url),
            publisher: non_empty(source.publisher),
            published: non_empty(source.published),
            byline: non_empty(source.byline),
            quote: non_empty(source.quote).unwrap_or_default(),
        };
        if source.file.is_none() && source.url.is_none() {
            findings.warning(field, "a source names neither a file nor a url");
        }
        if source.url.is_some() && source.web_url().is_none() {
            findings.warning(
                field,
                "a source url is not an http or https link, so it will not be opened",
            );
        }
        sources.push(source);
    }
    if sources.is_empty() {
        findings.warning(field, "the event has no source");
    }
    sources
}

/// Checks `raw`, which starts at `line`, and turns it into an [`Event`], or reports why it
/// was skipped.
///
/// Every problem found is pushed to `out`; the event is returned only when none of them is
/// an error.
pub fn validate(
    raw: RawEvent<'_>,
    locate: &dyn Locate,
    line: u64,
    out: &mut FileOutput,
) -> Option<Event> {
    let mut findings = Findings::default();
    let id = non_empty(raw.id);
    let title = non_empty(raw.title);
    if id.is_none() {
        findings.error(RawField::Id, "the event has no id");
    }
    if title.is_none() {
        findings.error(RawField::Title, "the event has no title");
    }
    let (start, end) = dates(raw.start, raw.end, &mut findings);
    if let Some(date) = findings.out_of_range.take() {
        out.out_of_range(line, &date);
        return None;
    }
    let category = category(raw.category, &mut findings);
    let countries: Vec<Country> = (raw.countries.into_iter())
        .filter_map(|code| trimmed(Some(code)))
        .filter_map(|code| findings.country(RawField::Countries, &code))
        .collect();
    let participants = participants(raw.participants, &countries, &mut findings);
    let coverage = coverage(raw.coverage, &mut findings);
    let people = people(raw.people, &mut findings);
    let sources = sources(raw.sources, &mut findings);
    if !report(findings, id.as_deref(), locate, out) {
        return None;
    }
    Some(Event {
        id: id?,
        title: title?,
        start: start?,
        end,
        date_inferred: raw.date_inferred,
        category: category?,
        series: non_empty(raw.series),
        location: non_empty(raw.location),
        countries,
        organizers: non_empty_list(raw.organizers),
        participants,
        people,
        summary: non_empty(raw.summary).unwrap_or_default(),
        sources,
        tags: non_empty_list(raw.tags),
        display_date: non_empty(raw.display_date),
        planned: raw.planned,
        coverage,
    })
}

/// Tells what was found, each where its field is; false when the event is skipped. The
/// warnings of a skipped event would only be noise.
fn report(findings: Findings, id: Option<&str>, locate: &dyn Locate, out: &mut FileOutput) -> bool {
    let name = EventName(id);
    if !findings.errors.is_empty() {
        for (field, message) in findings.errors {
            let (line, column) = locate.locate(field);
            out.error(line, column, format!("{message}; {name} skipped"));
        }
        return false;
    }
    for (field, message) in findings.warnings {
        let (line, column) = locate.locate(field);
        out.warning(line, column, format!("{message} ({name})"));
    }
    true
}

/// "event 'id'", or "an event" without one; written straight into the message.
struct EventName<'a>(Option<&'a str>);

impl std::fmt::Display for EventName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(id) => write!(f, "event '{id}'"),
            None => f.write_str("an event"),
        }
    }
}
