//! Candidate events: each dated clause that speaks of an event, and the undated ones that
//! refer to an event already drafted.

use std::sync::LazyLock;

use regex::Regex;

use super::countries::{countries_in, find_countries};
use super::counts::find_counts;
use super::dates::{self, DateContext, DateMention, PageContext, find_dates};
use super::page_date::Signal;
use super::fields::{add_details, attach, evidence, inherit_countries, source_of};
use super::kinds::{EVENT_CUE, FUTURE, KindWord, NOT_AN_EVENT, kind_near, kind_of};
use super::page::{Article, Sentence};
use super::titles::title_of;
use super::{Confidence, Draft, DraftInfo, Field, pattern};
use crate::model::date::PartialDate;
use crate::model::event::{Category, Event};

/// Mentions that refer back to an event already reported: "the forum", "at the conference",
/// "the event".
pub(super) static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:the|this|that|these) (?:(?:professional|main|opening|\w+) )?(?P<noun>event|forums?|summits?|conferences?|seminars?|symposium|meeting|ceremony|workshops?|program(?:me)?|exhibitions?|expos?|fairs?|dialogues?|series)\b",
    )
});

/// "held during the forum", "at the sidelines of the summit": an event inside another.
pub(super) static DURING: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:held|took place|organi[sz]ed|convened)\b.*?\b(?:during|at|on the sidelines of|as part of) (?:the|this) (?:\w+ )?(?P<noun>forums?|summits?|conferences?|seminars?|symposium|event)\b",
    )
});

/// A sentence that goes on about the one before: "They made the remarks at…".
pub(super) static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^(?:They|He|She|It|This|The remarks|The meeting|The event|These)\b|\bthe remarks\b")
});

/// A drafted event while the article is read.
pub(super) struct Candidate {
    pub(super) draft: Draft,
    /// Its kind, as first drafted.
    pub(super) category: Category,
}

/// The clauses of a sentence, split at "; " and ", and ", with their byte offsets.
pub(super) fn clauses(sentence: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, separator) in sentence
        .match_indices(", and ")
        .chain(sentence.match_indices(", but "))
        .chain(sentence.match_indices(", while "))
        .chain(sentence.match_indices(", whereas "))
        .chain(sentence.match_indices("; "))
        .collect::<std::collections::BTreeMap<_, _>>()
    {
        if at > start {
            out.push((start, &sentence[start..at]));
            start = at + separator.len();
        }
    }
    out.push((start, &sentence[start..]));
    out
}

/// A past verb in an aside: ", launched in 2014," or "which was launched in 2014".
pub(super) fn told_in_passing(clause: &str, kind: &KindWord) -> bool {
    let before = clause[..kind.range.0].trim_end();
    kind.verb && (before.ends_with(',') || before.ends_with(" which") || before.ends_with(" that"))
}

/// The date of a clause that an event is drafted with: the most precise one, the first of
/// those; a "since" date only when there is no other.
pub(super) fn best_date(dates: &[DateMention]) -> Option<DateMention> {
    let rank = |d: &DateMention| (!d.since, dates::precision_of(d));
    dates
        .iter()
        .enumerate()
        .max_by_key(|(i, d)| (rank(d), std::cmp::Reverse(*i)))
        .map(|(_, d)| d.clone())
}

/// The date of a drafted event, as a mention to inherit.
pub(super) fn date_of_draft(draft: &Draft) -> Option<DateMention> {
    Some(DateMention {
        start: draft.event.start,
        end: draft.event.end,
        inferred: draft.event.date_inferred,
        reasoning: None,
        range: (0, 0),
        since: false,
        deadline: false,
        confidence: draft.info.confidence.date * 0.8,
    })
}

/// The last drafted event a reference ("the forum", "the event") can mean.
pub(super) fn find_referenced(candidates: &[Candidate], noun: &str) -> Option<usize> {
    let noun = noun
        .strip_suffix('s')
        .filter(|_| noun != "series")
        .unwrap_or(noun);
    let wanted: Option<&[Category]> = match noun {
        "event" | "meeting" | "ceremony" | "series" => None,
        "forum" => Some(&[Category::Forum]),
        "summit" => Some(&[Category::Summit]),
        "conference" => Some(&[Category::Conference, Category::PressConference]),
        "seminar" | "symposium" | "workshop" => Some(&[Category::Seminar]),
        "program" | "programme" => Some(&[Category::ExchangeProgram, Category::Launch]),
        // Other nouns ("the exhibitions") mean the last event whose name has the word.
        other => {
            return candidates
                .iter()
                .rposition(|c| c.draft.event.title.to_lowercase().contains(other));
        }
    };
    candidates.iter().rposition(|c| {
        wanted.is_none_or(|kinds| kinds.contains(&c.category))
            && !matches!(c.category, Category::Suspension | Category::Resumption)
    })
}

/// A new draft from a clause of a sentence.
pub(super) fn new_candidate(
    article: &Article,
    sentence: &Sentence,
    offset: usize,
    clause: &str,
    kind: Option<KindWord>,
    date: DateMention,
    inherited_why: Option<String>,
) -> Candidate {
    let at = |range: (usize, usize)| (range.0 + offset, range.1 + offset);
    let category = kind.map_or(Category::Other, |k| k.category);
    // A clause that starts with its verb ("…, and was set to be resumed") has the subject of
    // the sentence's first clause.
    let subject = (offset > 0)
        .then(|| {
            sentence
                .text
                .split_once(" was ")
                .or_else(|| sentence.text.split_once(" were "))
        })
        .flatten()
        .map(|(subject, _)| subject.trim())
        .filter(|s| (1..=6).contains(&s.split_whitespace().count()));
    let (title, title_range, title_confidence) = title_of(clause, kind, date.range, subject);
    let mut info = DraftInfo {
        articles: vec![article.file.clone()],
        ..DraftInfo::default()
    };
    info.confidence.title = title_confidence;
    info.evidence
        .push(evidence(Field::Title, None, 0, at(title_range)));
    if date.range != (0, 0) {
        info.evidence
            .push(evidence(Field::Date, None, 0, at(date.range)));
    }
    info.reasoning.extend(date.reasoning.clone());
    info.reasoning.extend(inherited_why);
    info.confidence.date = date.confidence;
    if let Some(kind) = kind {
        info.evidence
            .push(evidence(Field::Kind, None, 0, at(kind.range)));
        info.confidence.kind = if kind.verb { 0.75 } else { 0.85 };
    } else {
        info.confidence.kind = 0.3;
    }
    // A "since" date starts something that goes on: kept at its own precision, no end.
    let event = Event {
        id: String::new(),
        title,
        start: date.start,
        end: date.end,
        date_inferred: date.inferred,
        category,
        series: None,
        location: None,
        countries: Vec::new(),
        organizers: Vec::new(),
        participants: Vec::new(),
        people: Vec::new(),
        summary: String::new(),
        sources: vec![source_of(
            &article.file,
            article.dateline.as_ref(),
            &sentence.text,
        )],
        tags: vec!["draft".to_owned()],
        display_date: None,
        planned: false,
        coverage: Vec::new(),
    };
    let mut draft = Draft { event, info };
    add_details(&mut draft, 0, offset, clause, true);
    Candidate { draft, category }
}

/// An article whose headline names an event ("SCIO press conference on …") that no sentence
/// dates is about that event: it is dated to the article's year, as inferred.
pub(super) fn headline_event(article: &Article, candidates: &mut Vec<Candidate>) {
    let (Some(title), Some(dateline)) = (&article.title, &article.dateline) else {
        return;
    };
    let Some(date) = dateline.date else { return };
    let Some((category, range)) = kind_of(title) else {
        return;
    };
    if candidates.iter().any(|c| c.category == category) {
        return;
    }
    let Some(start) = PartialDate::year(chrono::Datelike::year(&date)) else {
        return;
    };
    let mut info = DraftInfo {
        articles: vec![article.file.clone()],
        reasoning: vec![format!(
            "article of {date}: its headline names the event but the text does not say when it was held, so only the year is given"
        )],
        ..DraftInfo::default()
    };
    info.confidence = Confidence {
        title: 0.7,
        date: 0.4,
        kind: 0.8,
        ..Confidence::default()
    };
    info.evidence
        .push(evidence(Field::Title, None, 0, (0, title.len())));
    info.evidence.push(evidence(Field::Kind, None, 0, range));
    let countries = countries_in(title);
    for (country, range) in find_countries(title) {
        info.evidence.push(evidence(
            Field::Country,
            Some(country.code().to_owned()),
            0,
            range,
        ));
    }
    let event = Event {
        id: String::new(),
        title: title.clone(),
        start,
        end: None,
        date_inferred: true,
        category,
        series: None,
        location: None,
        countries,
        organizers: Vec::new(),
        participants: Vec::new(),
        people: Vec::new(),
        summary: String::new(),
        sources: vec![source_of(&article.file, Some(dateline), title)],
        tags: vec!["draft".to_owned()],
        display_date: None,
        planned: false,
        coverage: Vec::new(),
    };
    candidates.push(Candidate {
        draft: Draft { event, info },
        category,
    });
}

/// Every candidate event of `article`, and the relative dates it could not work out.
pub(super) fn candidates_of(article: &Article) -> (Vec<Candidate>, Vec<String>) {
    let page_source = article.page_date.as_ref().map_or(String::new(), |page| match page.signal {
        Signal::DateLine => String::new(),
        signal => format!(" ({})", signal.describe()),
    });
    let page = article.page_date.as_ref().map(|page| PageContext {
        date: page.date,
        written_then: page.is_the_day_written(),
        source: &page_source,
    });
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut unresolved = Vec::new();
    // A date said in a sentence that reported no event ("scholars said on Thursday"), for
    // the next sentence if it goes on about it ("They made the remarks at a seminar").
    let mut dangling_date: Option<(DateMention, String)> = None;
    for paragraph in &article.paragraphs {
        // A sentence that opens with a date ("In 2022, …") dates what follows in its paragraph.
        let mut paragraph_date: Option<(DateMention, String)> = None;
        for sentence in &paragraph.sentences {
            let context = DateContext {
                page,
                full_dates: &article.full_dates,
                future: FUTURE.is_match(&sentence.text),
            };
            let mut opening_date = None;
            let mut sentence_dates = Vec::new();
            let events_before = candidates.len();
            for (offset, clause) in clauses(&sentence.text) {
                let (dates, not_worked_out) = find_dates(clause, &context);
                unresolved.extend(not_worked_out.into_iter().map(|u| u.phrase));
                if offset == 0 && dates.first().is_some_and(|d| d.range.0 <= 8) {
                    opening_date = dates
                        .first()
                        .map(|d| (d.clone(), clause[d.range.0..d.range.1].to_owned()));
                }
                sentence_dates.extend(
                    dates
                        .iter()
                        .map(|d| (d.clone(), clause[d.range.0..d.range.1].to_owned())),
                );
                let date = best_date(&dates);
                let kind = kind_near(clause, date.as_ref().map(|d| d.range.0));
                let cue = EVENT_CUE.is_match(clause);
                // "It is hoped that the program, launched in 2014, can resume": the launch
                // is a fact told in passing, the hope is not an event.
                let plan = NOT_AN_EVENT.is_match(clause)
                    && !kind.as_ref().is_some_and(|k| told_in_passing(clause, k));
                let reference = REFERENCE
                    .captures(clause)
                    .and_then(|caps| caps.name("noun").map(|n| n.as_str().to_lowercase()));
                let referenced = reference
                    .as_deref()
                    .and_then(|noun| find_referenced(&candidates, noun));
                let during = DURING.captures(clause).and_then(|caps| {
                    let noun = caps.name("noun")?.as_str().to_lowercase();
                    Some((
                        caps.get(0)?.start(),
                        find_referenced(&candidates, &noun)?,
                        noun,
                    ))
                });
                // "Under the agreement, the universities will exchange students from 2020": a
                // plan under an event told before, not an event.
                let only_mentioned = referenced.is_some()
                    && !cue
                    && context.future
                    && kind.as_ref().is_some_and(|k| !k.verb);
                match (date, kind) {
                    // A date and words of an event: a new draft.
                    (Some(date), kind) if (kind.is_some() || cue) && !plan && !only_mentioned => {
                        let mut candidate =
                            new_candidate(article, sentence, offset, clause, kind, date, None);
                        // "The forum was suspended…": the countries of the forum meant.
                        if let Some(index) = referenced
                            && candidate.draft.event.countries.is_empty()
                        {
                            inherit_countries(&mut candidate.draft, &candidates[index].draft);
                        }
                        candidates.push(candidate);
                    }
                    // "professional seminars … were held during the forum": the forum's date.
                    (None, Some(kind))
                        if during.as_ref().is_some_and(|(at, index, _)| {
                            kind.range.1 <= *at && candidates[*index].category != kind.category
                        }) =>
                    {
                        let Some((_, index, noun)) = during else {
                            continue;
                        };
                        let source = &candidates[index].draft;
                        let Some(date) = date_of_draft(source) else {
                            continue;
                        };
                        let why = format!(
                            "held during the {noun} ({})",
                            source.event.span().display_long()
                        );
                        let candidate = new_candidate(
                            article,
                            sentence,
                            offset,
                            clause,
                            Some(kind),
                            date,
                            Some(why),
                        );
                        candidates.push(candidate);
                    }
                    // "we held 48 conferences…" after "In 2022, …": the paragraph's date.
                    (None, Some(_))
                        if cue
                            && !plan
                            && paragraph_date.is_some()
                            && !find_counts(clause).is_empty()
                            && referenced.is_none() =>
                    {
                        let Some((mut date, phrase)) = paragraph_date.clone() else {
                            continue;
                        };
                        date.inferred = true;
                        date.range = (0, 0);
                        let why = format!("the year of the sentence before: '{phrase}'");
                        let candidate =
                            new_candidate(article, sentence, offset, clause, kind, date, Some(why));
                        candidates.push(candidate);
                    }
                    // "They made the remarks at an online seminar", after "…, scholars said on
                    // Thursday": the date of the sentence before.
                    (None, Some(_))
                        if cue
                            && !plan
                            && offset == 0
                            && ANAPHOR.is_match(clause)
                            && dangling_date.is_some() =>
                    {
                        let Some((mut date, phrase)) = dangling_date.take() else {
                            continue;
                        };
                        date.range = (0, 0);
                        date.confidence *= 0.8;
                        let why = format!("the date of the sentence before: '{phrase}'");
                        let candidate =
                            new_candidate(article, sentence, offset, clause, kind, date, Some(why));
                        candidates.push(candidate);
                    }
                    // More about an event already drafted: its counts, people and place.
                    _ => {
                        if let Some(index) = referenced {
                            attach(
                                &mut candidates[index].draft,
                                article,
                                sentence,
                                offset,
                                clause,
                            );
                        }
                    }
                }
            }
            if let Some(date) = opening_date {
                paragraph_date = Some(date);
            }
            dangling_date = if candidates.len() == events_before {
                sentence_dates.into_iter().next()
            } else {
                None
            };
        }
    }
    (candidates, unresolved)
}
