//! The fields of a drafted event beyond its date and kind: place, countries, counts,
//! people and organizers, each with the words that back it.

use std::sync::LazyLock;

use regex::Regex;

use super::countries::find_countries;
use super::counts::find_counts;
use super::names::is_joining_word;
use super::page::{Article, Dateline, Sentence};
use super::people::find_people;
use super::{Draft, Evidence, Field, pattern};
use crate::model::country::Country;
use crate::model::event::{Participant, Person, SourceRef};

/// The index of `sentence` among the draft's sources, added as one if it is not yet.
pub(super) fn source_index(draft: &mut Draft, article: &Article, sentence: &Sentence) -> usize {
    let sources = &mut draft.event.sources;
    match sources.iter().position(|s| s.quote == sentence.text) {
        Some(index) => index,
        None => {
            sources.push(source_of(
                &article.file,
                article.dateline.as_ref(),
                &sentence.text,
            ));
            sources.len() - 1
        }
    }
}

/// Words that say someone was at an event: "said at the conference", "attended", "spoke".
static TOOK_PART: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:(?:said|spoke|speaking|remarked|noted) (?:at|during|on the sidelines of)|attended|addressed|chaired|presided|delivered|participated|took part|joined|opened the|hosted|moderated)\b",
    )
});

/// A clause whose subject is an event told before: "The forum was …", "This cruise will …".
static SUBJECT_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?:The|This) (?:\w+ )?(?:forum|summit|conference|seminar|symposium|workshop|meeting|cruise|expedition|voyage|program(?:me)?|project|centre|center|event)\b",
    )
});

/// "co-organized by the Shenzhen-based think tank China Development Institute and
/// Beijing-based think tank Pangoal Institution".
pub(super) static ORGANIZED_BY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:co-)?(?:organi[sz]ed|hosted|sponsored|convened) (?:jointly )?by (?P<who>[^.;]+?)(?:, (?:presented|implemented|supported|and)\b|[.;]|$)",
    )
});

/// "held in Weihai, Shandong province", "in Qingdao", "held online", "at Beijing Foreign
/// Studies University".
pub(super) static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?:\b(?:held|(?:took|take|takes|taking) place|convened|hosted|opened|was|were|met)\s+(?:\w+\s+){0,3}?(?P<online>online|virtually|via video ?(?:link|conference)|by video ?link|via videoconference)\b)|(?:\b(?:held|(?:took|take|takes|taking) place|convened|opened|met|gathered|signed|inaugurated)\s+(?:[\w,-]+\s+){0,8}?in (?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?: (?:province|prefecture|state|region))?)?))|(?:\bat (?:the )?(?P<venue>(?:[A-Z][A-Za-z'-]+ ){0,6}(?:University|Institute|Center|Centre|Hall|Hotel|Museum|Academy|Palace|Headquarters)(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)*)?))|(?P<adjective>\bonline (?:seminar|forum|conference|meeting|event|symposium|workshop)s?\b)",
    )
});

/// The source of an article's sentence.
pub(super) fn source_of(file: &str, dateline: Option<&Dateline>, quote: &str) -> SourceRef {
    SourceRef {
        file: Some(file.to_owned()),
        url: None,
        publisher: dateline.and_then(|d| d.publisher.clone()),
        published: dateline.map(|d| d.printed.clone()),
        byline: dateline.and_then(|d| d.byline.clone()),
        quote: quote.to_owned(),
    }
}

pub(super) fn evidence(
    field: Field,
    item: Option<String>,
    source: usize,
    range: (usize, usize),
) -> Evidence {
    Evidence {
        field,
        item,
        source,
        start: range.0,
        end: range.1,
    }
}

/// The organizers a clause names: the names after "organized by", "co-hosted by", ….
pub(super) fn organizers_of(clause: &str) -> Vec<(String, (usize, usize))> {
    let Some(who) = ORGANIZED_BY.captures(clause).and_then(|c| c.name("who")) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut at = who.start();
    for part in name_parts(who.as_str()) {
        let start = clause[at..].find(part).map_or(at, |i| at + i);
        at = start + part.len();
        // The name: the capitalised run at the end ("the Shenzhen-based think tank China
        // Development Institute" is "China Development Institute").
        let words: Vec<&str> = part.split_whitespace().collect();
        let mut first = words.len();
        while first > 0 {
            let word = words[first - 1];
            let capital = word
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c == '(');
            let joining = is_joining_word(word)
                && first >= 2
                && words[first - 2]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            if (capital && !word.ends_with("-based")) || joining {
                first -= 1;
            } else {
                break;
            }
        }
        let name = words[first..].join(" ");
        if name.split_whitespace().count() >= 2
            || name.chars().filter(|c| c.is_uppercase()).count() >= 2
        {
            let name_start = clause[start..at].rfind(&name).map_or(start, |i| start + i);
            found.push((
                name,
                (name_start, name_start + words[first..].join(" ").len()),
            ));
        }
    }
    found
}

/// Words that head the name of an organisation: a name is not cut before it has one.
const ORGANISATION_HEADS: [&str; 34] = [
    "association",
    "agency",
    "institute",
    "institution",
    "university",
    "ministry",
    "department",
    "center",
    "centre",
    "council",
    "foundation",
    "academy",
    "society",
    "office",
    "organization",
    "organisation",
    "bureau",
    "commission",
    "corporation",
    "company",
    "group",
    "laboratory",
    "school",
    "college",
    "administration",
    "authority",
    "committee",
    "federation",
    "union",
    "network",
    "alliance",
    "secretariat",
    "embassy",
    "government",
];

/// The names of a list of organisers, split at "and" and commas, but not inside a name:
/// "the China Association for … (CAIEP) and Japan Agency for Science and Technology
/// Development (JST)" is two names, not three.
fn name_parts(list: &str) -> Vec<&str> {
    let has_head = |part: &str| {
        part.split(|c: char| !c.is_alphabetic())
            .any(|w| ORGANISATION_HEADS.contains(&w.to_lowercase().as_str()))
    };
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut cuts: Vec<(usize, usize)> = (list.match_indices(" and ").map(|(i, s)| (i, s.len())))
        .chain(list.match_indices(", ").map(|(i, s)| (i, s.len())))
        .collect();
    cuts.sort_unstable();
    for (at, len) in cuts {
        if at < start {
            continue;
        }
        let (before, after) = (&list[start..at], &list[at + len..]);
        // "Science and Technology Development (JST)" has no head of its own: no cut here.
        let next_end = after.find([',']).unwrap_or(after.len());
        let next = after[..next_end].split(" and ").next().unwrap_or(after);
        if has_head(before) && (has_head(next) || !next.starts_with(|c: char| c.is_uppercase())) {
            parts.push(before);
            start = at + len;
        }
    }
    parts.push(&list[start..]);
    parts
}

/// The countries of an event a draft refers to, with the sentence that names them.
pub(super) fn inherit_countries(draft: &mut Draft, referenced: &Draft) {
    for item in referenced
        .info
        .evidence
        .iter()
        .filter(|e| e.field == Field::Country)
    {
        let Some(source) = referenced.event.sources.get(item.source) else {
            continue;
        };
        let index = match draft
            .event
            .sources
            .iter()
            .position(|s| s.quote == source.quote)
        {
            Some(index) => index,
            None => {
                draft.event.sources.push(source.clone());
                draft.event.sources.len() - 1
            }
        };
        let mut moved = item.clone();
        moved.source = index;
        draft.info.evidence.push(moved);
    }
    for country in &referenced.event.countries {
        if !draft.event.countries.contains(country) {
            draft.event.countries.push(*country);
        }
    }
    draft.info.confidence.countries = referenced.info.confidence.countries * 0.8;
}

/// The counts, people, countries and place of `clause` (at `offset` in source `source`), added
/// to a draft; countries only from the clause that reports the event itself.
pub(super) fn add_details(
    draft: &mut Draft,
    source: usize,
    offset: usize,
    clause: &str,
    own_clause: bool,
) {
    add_fields(
        draft,
        source,
        offset,
        clause,
        Fields {
            countries: own_clause,
            people: true,
        },
    );
}

/// Which fields a clause may give a draft.
#[derive(Clone, Copy)]
struct Fields {
    countries: bool,
    /// People named in it took part: not a comment on the event ("X said the summit …").
    people: bool,
}

/// "…, which was co-hosted by X": organisers of the event named before "which", not of the
/// clause's own.
pub(super) fn organizers_in_relative(clause: &str) -> bool {
    ORGANIZED_BY.find(clause).is_some_and(|found| {
        let before = clause[..found.start()].trim_end();
        [", which was", ", which were", ", which is", ", which are"]
            .iter()
            .any(|w| before.ends_with(w))
    })
}

/// The organisers a clause names, added to a draft.
pub(super) fn add_organizers(draft: &mut Draft, source: usize, offset: usize, clause: &str) {
    for (name, range) in organizers_of(clause) {
        if !draft.event.organizers.contains(&name) {
            let index = draft.event.organizers.len();
            draft.event.organizers.push(name);
            draft.info.evidence.push(evidence(
                Field::Organizer,
                Some(index.to_string()),
                source,
                (range.0 + offset, range.1 + offset),
            ));
        }
    }
}

fn add_fields(draft: &mut Draft, source: usize, offset: usize, clause: &str, fields: Fields) {
    let own_clause = fields.countries;
    let at = |range: (usize, usize)| (range.0 + offset, range.1 + offset);
    if own_clause {
        for (country, range) in find_countries(clause) {
            if !draft.event.countries.contains(&country) {
                draft.event.countries.push(country);
                draft.info.confidence.countries = 0.8;
            }
            draft.info.evidence.push(evidence(
                Field::Country,
                Some(country.code().to_owned()),
                source,
                at(range),
            ));
        }
    }
    for count in find_counts(clause) {
        let exists =
            draft.event.participants.iter().any(|p| {
                p.country == count.country && p.count == count.count && p.unit == count.unit
            });
        if exists {
            continue;
        }
        let index = draft.event.participants.len();

        draft.event.participants.push(Participant {
            country: count.country,
            count: count.count,
            unit: count.unit,
            qualifier: count.qualifier,
        });
        draft.info.confidence.counts = if count.qualifier.is_some() { 0.6 } else { 0.8 };
        draft.info.evidence.push(evidence(
            Field::Count,
            Some(index.to_string()),
            source,
            at(count.range),
        ));
        // A country that a count names takes part too.
        if let Some(country) = count.country
            && !draft.event.countries.contains(&country)
        {
            draft.event.countries.push(country);
        }
    }
    for person in find_people(clause).into_iter().filter(|_| fields.people) {
        if draft.event.people.iter().any(|p| p.name == person.name) {
            continue;
        }
        let index = draft.event.people.len();
        draft.event.people.push(Person {
            name: person.name,
            country: None,
            role: person.role,
            organization: person.organization,
        });
        draft.info.confidence.people = 0.6;
        draft.info.evidence.push(evidence(
            Field::Person,
            Some(index.to_string()),
            source,
            at(person.range),
        ));
    }
    if !organizers_in_relative(clause) {
        add_organizers(draft, source, offset, clause);
    }
    if draft.event.location.is_none()
        && let Some((place, range)) = place_of(clause)
    {
        draft.event.location = Some(place);
        draft.info.confidence.place = 0.7;
        draft
            .info
            .evidence
            .push(evidence(Field::Place, None, source, at(range)));
    }
}

/// The place a clause says an event was held in.
pub(super) fn place_of(clause: &str) -> Option<(String, (usize, usize))> {
    let caps = PLACE.captures(clause)?;
    for group in ["online", "city", "venue"] {
        if let Some(m) = caps.name(group) {
            let place = if group == "online" {
                "online"
            } else {
                m.as_str().trim()
            };
            // A country is no place here: it is in the countries. "in March" is a date.
            let first_word = place.split([' ', ',']).next().unwrap_or(place);
            if group == "city"
                && (Country::from_name(place).is_some()
                    || crate::model::date::month_from_name(first_word).is_some()
                    || first_word.parse::<chrono::Weekday>().is_ok())
            {
                return None;
            }
            return Some((place.to_owned(), (m.start(), m.end())));
        }
    }
    let adjective = caps.name("adjective")?;
    Some((
        "online".to_owned(),
        (adjective.start(), adjective.start() + "online".len()),
    ))
}

/// Adds a sentence that says more about a drafted event.
pub(super) fn attach(
    draft: &mut Draft,
    article: &Article,
    sentence: &Sentence,
    offset: usize,
    clause: &str,
) {
    let before = (
        draft.event.participants.len(),
        draft.event.people.len(),
        draft.event.location.is_some(),
        draft.event.countries.len(),
    );
    let source = source_index(draft, article, sentence);
    // "This cruise will be carried out with the Korea Institute …": a sentence whose subject
    // is the event says who takes part in it.
    let about_the_event = SUBJECT_REFERENCE.is_match(clause);
    // "X said at the conference …" took part; "X said the summit serves …" only comments.
    let took_part = TOOK_PART.is_match(clause) || about_the_event;
    let fields = Fields {
        countries: about_the_event,
        people: took_part,
    };
    add_fields(draft, source, offset, clause, fields);
    let after = (
        draft.event.participants.len(),
        draft.event.people.len(),
        draft.event.location.is_some(),
        draft.event.countries.len(),
    );
    // A sentence that added nothing is not a source.
    if after == before && source == draft.event.sources.len() - 1 && source > 0 {
        let quote_used = draft.info.evidence.iter().any(|e| e.source == source);
        if !quote_used {
            draft.event.sources.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizers_are_named() {
        let names: Vec<String> = organizers_of("an online seminar, co-organized by the Shenzhen-based think tank China Development Institute and Beijing-based think tank Pangoal Institution.")
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(
            names,
            ["China Development Institute", "Pangoal Institution"]
        );
    }

    #[test]
    fn places_in_common_forms() {
        let place = |clause: &str| place_of(clause).map(|(p, _)| p);
        assert_eq!(
            place("was held in Weihai, Shandong province, and"),
            Some("Weihai, Shandong province".to_owned())
        );
        assert_eq!(
            place("was successfully held online from November 28th"),
            Some("online".to_owned())
        );
        assert_eq!(
            place("a symposium held at Beijing Foreign Studies University (BFSU)"),
            Some("Beijing Foreign Studies University".to_owned())
        );
        assert_eq!(
            place("They made the remarks at an online seminar"),
            Some("online".to_owned())
        );
        assert_eq!(place("was held in Qingdao."), Some("Qingdao".to_owned()));
        assert_eq!(place("It was good."), None);
    }
}
