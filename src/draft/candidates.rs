//! Candidate events, date first: every date of a clause that words of an event go with
//! gives a candidate, each clause cut between its dates; an undated clause gives one when it
//! is dated by the event it happened during, the sentence before, the paragraph's date, or
//! the page's date (a report's lead, the present perfect); and an undated clause that refers
//! to an event already drafted adds to it.

use std::sync::LazyLock;

use regex::Regex;

use super::build::{
    Candidate, ClauseEvent, InheritedKind, InheritedTitle, date_of_draft, new_candidate,
};
use super::clauses::{clauses, split_at_dates};
use super::counts::find_counts;
use super::dates::{self, DateContext, DateMention, PageContext, find_dates};
use super::fields::{
    add_organizers, attach, inherit_countries, organizers_in_relative, source_index,
};
use super::kinds::{EVENT_CUE, FUTURE, KindWord, NOT_AN_EVENT, kind_near};
use super::merge::merge;
use super::page::{Article, Sentence};
use super::page_date::Signal;
use super::pattern;
use super::titles::title_of;
use crate::model::event::Category;

/// Mentions that refer back to an event already reported: "the forum", "at the conference",
/// "the event", "the cruise".
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:the|this|that|these) (?:(?:professional|main|opening|\w+) )?(?P<noun>event|forums?|summits?|conferences?|seminars?|symposium|meeting|ceremony|workshops?|program(?:me)?|exhibitions?|expos?|fairs?|dialogues?|series|cruise|expedition|voyage|opening|visit|talks|call)\b",
    )
});

/// "held during the forum", "at the sidelines of the summit", "was preceded by the signing
/// of …": an event inside another, or right before or after it.
static DURING: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?:\b(?:held|took place|organi[sz]ed|convened)\b.*?\b(?:during|at|on the sidelines of|as part of) (?:the|this) (?:\w+ )?(?P<noun>forums?|summits?|conferences?|seminars?|symposium|event)\b)|(?:\b(?:the|this) (?:\w+ )?(?P<noun2>opening|forum|summit|conference|ceremony|visit|meeting)\b.{0,40}?\bwas (?:preceded|followed) by\b)",
    )
});

/// A sentence that goes on about the one before: "They made the remarks at…".
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^(?:They|He|She|It|This|The remarks|The meeting|The event|These)\b|\bthe remarks\b")
});

/// What ends an event told before: "The cruise will return to Nagasaki on November 2".
static ENDS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:return|returns|end|ends|conclude|concludes|close|closes|finish|finishes|run until|last until|runs until|lasts until)\b",
    )
});

/// Who said it: the lead's attribution of what happened.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"\b(?:said|told|announced|stated) (?:on|after|at|following|during)\b")
});

/// An anniversary marked in the present: "We mark the fifth anniversary of …".
static MARKED_NOW: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:mark|marks|celebrate|celebrates|commemorate|commemorates) (?:the|this year's|its) (?:\w+ ){0,2}anniversary\b",
    )
});

/// Told as done without a date: "has published the first call", "have been signed".
static PRESENT_PERFECT: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?i)\b(?:has|have) (?:\w+ )?(?:been )?\w+ed\b"));

/// A past verb in an aside: ", launched in 2014," or "which was launched in 2014".
fn told_in_passing(clause: &str, kind: &KindWord) -> bool {
    let before = clause[..kind.range.0].trim_end();
    kind.verb && (before.ends_with(',') || before.ends_with(" which") || before.ends_with(" that"))
}

/// The date of a clause that an event is drafted with: the most precise one, a stated one
/// before a worked-out one, the first of those; a "since" date only when there is no other.
fn best_date(dates: &[DateMention]) -> Option<DateMention> {
    let rank = |d: &DateMention| (!d.since, !d.inferred, dates::precision_of(d));
    dates
        .iter()
        .enumerate()
        .max_by_key(|(i, d)| (rank(d), std::cmp::Reverse(*i)))
        .map(|(_, d)| d.clone())
}

/// The text without what is quoted: a hope in someone's words is no hope of the clause.
fn outside_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            c if !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

/// The last drafted event a reference ("the forum", "the event") can mean.
fn find_referenced(candidates: &[Candidate], noun: &str) -> Option<usize> {
    let noun = noun
        .strip_suffix('s')
        .filter(|_| noun != "series" && noun != "talks")
        .unwrap_or(noun);
    let wanted: Option<&[Category]> = match noun {
        "event" | "meeting" | "ceremony" | "series" | "talks" | "visit" => None,
        "forum" => Some(&[Category::Forum]),
        "summit" => Some(&[Category::Summit]),
        "conference" => Some(&[Category::Conference, Category::PressConference]),
        "seminar" | "symposium" | "workshop" => Some(&[Category::Seminar]),
        "program" | "programme" => Some(&[Category::ExchangeProgram, Category::Launch]),
        "opening" | "call" => Some(&[Category::Launch]),
        // Other nouns ("the exhibitions", "the cruise") mean the last event of that word, or
        // whose name has it.
        other => {
            return candidates.iter().rposition(|c| {
                c.kind_word.trim_end_matches('s') == other
                    || c.draft.event.title.to_lowercase().contains(other)
            });
        }
    };
    candidates.iter().rposition(|c| {
        wanted.is_none_or(|kinds| kinds.contains(&c.category))
            && !matches!(c.category, Category::Suspension | Category::Resumption)
    })
}

/// What one clause holds, read once.
struct Reading<'a> {
    offset: usize,
    clause: &'a str,
    dates: Vec<DateMention>,
    date: Option<DateMention>,
    kind: Option<KindWord>,
    cue: bool,
    plan: bool,
    referenced: Option<usize>,
    /// "during the forum": where the words start, which event, and its noun.
    during: Option<(usize, usize, String)>,
    only_mentioned: bool,
}

/// The article being read, and what reading it has found so far.
struct Reader<'a> {
    article: &'a Article,
    page: Option<PageContext<'a>>,
    candidates: Vec<Candidate>,
    unresolved: Vec<String>,
    /// A date said in a sentence that reported no event ("scholars said on Thursday"), for
    /// the next sentence if it goes on about it ("They made the remarks at a seminar").
    dangling_date: Option<(DateMention, String)>,
    /// A sentence that opens with a date ("In 2022, …") dates what follows in its paragraph.
    paragraph_date: Option<(DateMention, String)>,
    /// The first paragraph of the text: a report's lead tells today's news.
    in_lead: bool,
    /// The first candidate drafted in this paragraph.
    paragraph_start: usize,
    /// The candidates drafted from the sentence before, by their first and past-the-end
    /// index: the same event is often told again in the next sentence.
    previous_sentence: (usize, usize),
    /// The sentence told more about an event drafted before: its date is no dangling date.
    added_to_earlier: bool,
}

/// Every candidate event of `article`, and the relative dates it could not work out.
pub(super) fn candidates_of(article: &Article) -> (Vec<Candidate>, Vec<String>) {
    let page_source = article
        .page_date
        .as_ref()
        .map_or(String::new(), |page| match page.signal {
            Signal::DateLine => String::new(),
            signal => format!(" ({})", signal.describe()),
        });
    let mut reader = Reader {
        article,
        page: article.page_date.as_ref().map(|page| PageContext {
            date: page.date,
            written_then: page.is_the_day_written(),
            source: &page_source,
        }),
        candidates: Vec::new(),
        unresolved: Vec::new(),
        dangling_date: None,
        paragraph_date: None,
        in_lead: false,
        paragraph_start: 0,
        previous_sentence: (0, 0),
        added_to_earlier: false,
    };
    // The lead: the paragraph after a wire dateline, else the first of some length.
    let words = |p: &super::page::Paragraph| {
        (p.sentences.iter())
            .map(|s| s.text.split_whitespace().count())
            .sum::<usize>()
    };
    let lead = (article
        .paragraphs
        .iter()
        .position(|p| p.after_wire_dateline))
    .or_else(|| article.paragraphs.iter().position(|p| words(p) >= 20));
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        reader.paragraph_date = None;
        reader.in_lead = lead == Some(index);
        reader.paragraph_start = reader.candidates.len();
        for sentence in &paragraph.sentences {
            reader.sentence(sentence);
        }
    }
    (reader.candidates, reader.unresolved)
}

impl<'a> Reader<'a> {
    fn context(&self, sentence: &Sentence) -> DateContext<'a> {
        DateContext {
            page: self.page,
            full_dates: &self.article.full_dates,
            future: FUTURE.is_match(&outside_quotes(&sentence.text)),
        }
    }

    fn sentence(&mut self, sentence: &'a Sentence) {
        let context = self.context(sentence);
        let mut opening_date = None;
        let mut sentence_dates = Vec::new();
        let events_before = self.candidates.len();
        self.added_to_earlier = false;
        let mut inherited: Option<InheritedKind> = None;
        for (clause_offset, clause) in clauses(&sentence.text) {
            let (dates, not_worked_out) = find_dates(clause, &context);
            self.unresolved
                .extend(not_worked_out.into_iter().map(|u| u.phrase));
            if clause_offset == 0 && dates.first().is_some_and(|d| d.range.0 <= 8) {
                opening_date = dates
                    .first()
                    .map(|d| (d.clone(), clause[d.range.0..d.range.1].to_owned()));
            }
            sentence_dates.extend(
                dates
                    .iter()
                    .map(|d| (d.clone(), clause[d.range.0..d.range.1].to_owned())),
            );
            let parts = split_at_dates(clause, &dates);
            let several = parts.len() > 1;
            for (index, (part_offset, part)) in parts.iter().enumerate() {
                let offset = clause_offset + part_offset;
                // The part's dates as the whole clause read them (a year written elsewhere
                // in the sentence dates a day in this part).
                let part_dates = (dates.iter())
                    .filter(|d| d.range.0 >= *part_offset && d.range.1 <= part_offset + part.len())
                    .map(|d| DateMention {
                        range: (d.range.0 - part_offset, d.range.1 - part_offset),
                        ..d.clone()
                    })
                    .collect();
                let reading = self.read(part, offset, part_dates, &context);
                // "for 2016: 31 March and 31 July 2016": the year heads a list of its days.
                let heads_a_list = several && sentence.text[offset + part.len()..].starts_with(':');
                if heads_a_list && index + 1 < parts.len() {
                    inherited =
                        (reading.kind.map(|k| inherit(part, offset, k, None))).or(inherited);
                    continue;
                }
                let kind_here = reading.kind;
                let date_here = reading.date.as_ref().map(|d| d.range);
                self.clause(sentence, reading, inherited.clone(), &context);
                if let Some(kind) = kind_here {
                    inherited = Some(inherit(part, offset, kind, date_here));
                }
            }
        }
        if let Some(date) = opening_date {
            self.paragraph_date = Some(date);
        }
        self.dangling_date = if self.candidates.len() == events_before && !self.added_to_earlier {
            sentence_dates.into_iter().next()
        } else {
            None
        };
        self.previous_sentence = (events_before, self.candidates.len());
    }

    fn read(
        &self,
        clause: &'a str,
        offset: usize,
        dates: Vec<DateMention>,
        context: &DateContext,
    ) -> Reading<'a> {
        let date = best_date(&dates);
        let kind = kind_near(clause, date.as_ref().map(|d| d.range.0));
        let cue = EVENT_CUE.is_match(clause);
        // "It is hoped that the program, launched in 2014, can resume": the launch is a fact
        // told in passing, the hope is not an event. A hope in a quote is the speaker's.
        let plan = NOT_AN_EVENT.is_match(&outside_quotes(clause))
            && !kind.as_ref().is_some_and(|k| told_in_passing(clause, k));
        // "the meeting" refers back; "the meeting with Russian President …" tells which one.
        let reference = REFERENCE.captures(clause).and_then(|caps| {
            let noun = caps.name("noun")?;
            let generic = matches!(
                noun.as_str(),
                "event" | "meeting" | "ceremony" | "talks" | "visit"
            );
            let after = clause[noun.end()..].trim_start();
            let defined = ["with ", "between ", "of ", "on "]
                .iter()
                .any(|w| after.starts_with(w));
            (!(generic && defined)).then(|| noun.as_str().to_lowercase())
        });
        let referenced = reference
            .as_deref()
            .and_then(|noun| find_referenced(&self.candidates, noun));
        let during = DURING.captures(clause).and_then(|caps| {
            let noun = caps
                .name("noun")
                .or(caps.name("noun2"))?
                .as_str()
                .to_lowercase();
            Some((
                caps.get(0)?.start(),
                find_referenced(&self.candidates, &noun)?,
                noun,
            ))
        });
        // "Under the agreement, the universities will exchange students from 2020": a plan
        // under an event told before, not an event.
        let only_mentioned = referenced.is_some()
            && !cue
            && context.future
            && kind.as_ref().is_some_and(|k| !k.verb);
        Reading {
            offset,
            clause,
            dates,
            date,
            kind,
            cue,
            plan,
            referenced,
            during,
            only_mentioned,
        }
    }

    /// Whether an event of `date` is announced, not yet known to have happened.
    fn planned(&self, date: &DateMention, context: &DateContext) -> bool {
        let after_page =
            (self.page.filter(|p| p.written_then)).is_some_and(|p| date.start.first_day() > p.date);
        context.future || date.deadline || after_page
    }

    fn push(
        &mut self,
        sentence: &'a Sentence,
        reading: &Reading<'a>,
        date: DateMention,
        why: Option<String>,
        inherited: Option<InheritedKind>,
        context: &DateContext,
    ) {
        let planned = self.planned(&date, context);
        let mut candidate = new_candidate(
            self.article,
            ClauseEvent {
                sentence,
                offset: reading.offset,
                clause: reading.clause,
                kind: reading.kind,
                inherited: inherited.filter(|_| reading.kind.is_none()),
                date,
                why,
                planned,
            },
        );
        // "The forum was suspended…": the countries of the forum meant.
        // A named event is its own, whatever it refers to: "Speaking at the 2024 Forum …, he
        // said the summit was …".
        if let Some(index) = reading.referenced
            && candidate.draft.event.countries.is_empty()
            && candidate.draft.info.confidence.title < super::merge::NAMED
        {
            inherit_countries(&mut candidate.draft, &self.candidates[index].draft);
        }
        // "… during a meeting in London earlier today (15 December 2016). Greg Clark signed
        // the memorandum …": the next sentence tells the same day's event, which a general
        // word only named.
        let (first, end) = self.previous_sentence;
        let same = (first..end).find(|&i| {
            let earlier = &self.candidates[i].draft;
            let vague = earlier
                .info
                .confidence
                .kind
                .min(candidate.draft.info.confidence.kind)
                <= 0.5;
            let day = |d: &crate::model::drafts::Draft| d.event.span().day_range();
            vague
                && day(earlier) == day(&candidate.draft)
                && earlier.event.start.precision() == crate::model::date::Precision::Day
        });
        if let Some(index) = same {
            let earlier = self.candidates.remove(index);
            let merged = merge(earlier.draft, candidate.draft);
            let category = merged.event.category;
            self.candidates.insert(
                index,
                Candidate {
                    draft: merged,
                    category,
                    kind_word: candidate.kind_word,
                },
            );
            return;
        }
        self.candidates.push(candidate);
    }

    fn clause(
        &mut self,
        sentence: &'a Sentence,
        reading: Reading<'a>,
        inherited: Option<InheritedKind>,
        context: &DateContext,
    ) {
        let has_kind = reading.kind.is_some() || reading.cue || inherited.is_some();
        if let Some(date) = reading.date.clone() {
            // A date and words of an event: a new draft, unless it ends one told before.
            if self.extends_referenced(&reading, &date) {
                return;
            }
            if has_kind && !reading.plan && !reading.only_mentioned && !date.deadline
                || (date.deadline && reading.cue && !reading.plan)
            {
                self.push(sentence, &reading, date, None, inherited, context);
                return;
            }
        }
        if reading.date.is_none()
            && reading.kind.is_some()
            && !reading.plan
            && let Some((date, why)) = self.date_for_undated(&reading)
        {
            let host = reading.during.as_ref().map(|(_, index, _)| *index);
            self.push(sentence, &reading, date, Some(why), None, context);
            // "seminars were held during the forum, which was co-hosted by X": X hosted the
            // forum.
            if let Some(index) = host.filter(|_| organizers_in_relative(reading.clause)) {
                let draft = &mut self.candidates[index].draft;
                let source = source_index(draft, self.article, sentence);
                add_organizers(draft, source, reading.offset, reading.clause);
            }
            return;
        }
        // More about an event already drafted: its counts, people and place.
        if let Some(index) = reading.referenced {
            attach(
                &mut self.candidates[index].draft,
                self.article,
                sentence,
                reading.offset,
                reading.clause,
            );
        }
    }

    /// "The cruise will return to Nagasaki on November 2": the end of the cruise told before.
    fn extends_referenced(&mut self, reading: &Reading, date: &DateMention) -> bool {
        let Some(index) = reading
            .referenced
            .filter(|_| ENDS.is_match(reading.clause) && reading.dates.len() == 1)
        else {
            return false;
        };
        let event = &mut self.candidates[index].draft.event;
        if event.end.is_some() || date.start <= event.start {
            return false;
        }
        event.end = Some(date.start);
        self.added_to_earlier = true;
        true
    }

    /// The date of an undated clause that words of an event go with, and why: the event it
    /// happened during, the sentence before, the paragraph's date, or the page's date.
    fn date_for_undated(&mut self, reading: &Reading) -> Option<(DateMention, String)> {
        let kind = reading.kind?;
        // "professional seminars … were held during the forum": the forum's date.
        if let Some((at, index, noun)) = &reading.during
            && (kind.range.1 <= *at || reading.clause[*at..].contains(" by "))
            && self.candidates[*index].category != kind.category
        {
            let source = &self.candidates[*index].draft;
            let date = date_of_draft(source)?;
            let how = if reading.clause.contains("preceded by")
                || reading.clause.contains("followed by")
            {
                "next to"
            } else {
                "held during"
            };
            return Some((
                date,
                format!("{how} the {noun} ({})", source.event.span().display_long()),
            ));
        }
        if !reading.cue {
            // "…, Xi Jinping said on the outcomes of the meeting with …": the lead reports
            // the day's event without a verb of its own.
            return (self.in_lead && REPORTED.is_match(reading.clause))
                .then(|| self.page_day_for(reading))
                .flatten();
        }
        // "We mark the fifth anniversary of …": the anniversary is the page's year.
        if let Some(found) = self.anniversary_now(reading) {
            return Some(found);
        }
        // "we held 48 conferences…" after "In 2022, …": the paragraph's date.
        if let Some((date, phrase)) = self
            .paragraph_date
            .clone()
            .filter(|_| !find_counts(reading.clause).is_empty() && reading.referenced.is_none())
        {
            let date = DateMention {
                inferred: true,
                range: (0, 0),
                ..date
            };
            return Some((date, format!("the year of the sentence before: '{phrase}'")));
        }
        // "They made the remarks at an online seminar", after "…, scholars said on
        // Thursday": the date of the sentence before.
        if reading.offset == 0
            && ANAPHOR.is_match(reading.clause)
            && let Some((date, phrase)) = self.dangling_date.take()
        {
            let date = DateMention {
                range: (0, 0),
                confidence: date.confidence * 0.8,
                ..date
            };
            return Some((date, format!("the date of the sentence before: '{phrase}'")));
        }
        self.page_day_for(reading)
    }

    /// "We mark the fifth anniversary of …": an anniversary marked now is the page's year.
    fn anniversary_now(&self, reading: &Reading) -> Option<(DateMention, String)> {
        let page = self.page.filter(|p| p.written_then)?;
        if !MARKED_NOW.is_match(reading.clause) {
            return None;
        }
        let start = crate::model::date::PartialDate::year(chrono::Datelike::year(&page.date))?;
        let why = format!(
            "article of {}{}: the anniversary is marked now",
            page.date, page.source
        );
        Some((
            DateMention {
                start,
                end: None,
                inferred: true,
                reasoning: None,
                range: (0, 0),
                since: false,
                deadline: false,
                year_from: None,
                confidence: 0.5,
            },
            why,
        ))
    }

    /// A report's lead, and a clause in the present perfect, tell what happened on the day
    /// of the report: "During the state visit, around 30 agreements have been signed."
    fn page_day_for(&self, reading: &Reading) -> Option<(DateMention, String)> {
        let page = self.page.filter(|p| p.written_then)?;
        let perfect = PRESENT_PERFECT.is_match(reading.clause);
        // "has signed 116 agreements" counts what was done over the years.
        let tally = find_counts(reading.clause).iter().any(|c| c.count > 50);
        // More words of the lead about the event it already dated ("… and inaugurated the
        // Center"), not a new one.
        let told = (self.candidates[self.paragraph_start..].iter())
            .any(|c| reading.kind.is_some_and(|k| k.category == c.category));
        if !(perfect || (self.in_lead && !told)) || tally || reading.referenced.is_some() {
            return None;
        }
        let start = crate::model::date::PartialDate::of_day(page.date)?;
        let why = if perfect {
            format!(
                "article of {}{}: told in the present perfect, without a date",
                page.date, page.source
            )
        } else {
            format!(
                "article of {}{}: told in the report's lead, without a date",
                page.date, page.source
            )
        };
        Some((
            DateMention {
                start,
                end: None,
                inferred: true,
                reasoning: None,
                range: (0, 0),
                since: false,
                deadline: false,
                year_from: None,
                confidence: 0.45,
            },
            why,
        ))
    }
}

/// The kind of a clause, for the clauses after it that give only a date: with the clause's
/// title where it names or describes the event, else (a list's heading) the kind's word.
fn inherit(
    part: &str,
    offset: usize,
    kind: KindWord,
    date_range: Option<(usize, usize)>,
) -> InheritedKind {
    let at = |range: (usize, usize)| (range.0 + offset, range.1 + offset);
    let title = match date_range {
        Some(date_range) => {
            let (title, range, confidence) = title_of(part, Some(kind), date_range, None);
            (confidence > 0.5).then(|| InheritedTitle::Whole(title, at(range)))
        }
        None => None,
    };
    InheritedKind {
        category: kind.category,
        range: at(kind.range),
        title: title.unwrap_or_else(|| {
            InheritedTitle::Word(part[kind.range.0..kind.range.1].to_lowercase())
        }),
    }
}
