//! Drafting events from news articles, without egui and deterministically: for each event
//! an article reports, its date at the precision of the text, its kind, place, countries,
//! counts with units and people, each with the words that back it and a confidence. The
//! drafter never states what the text does not: every field points at its evidence, and
//! [`verify`] checks that it is there.

pub mod article;
pub mod dates;
pub mod lexicon;
pub mod quality;
pub mod verify;

use std::sync::LazyLock;

use regex::Regex;

use self::article::{Article, Dateline, read_article};
use self::dates::{DateContext, DateMention, find_dates};
use self::lexicon::{
    EVENT_CUE, FUTURE, KindWord, NOT_AN_EVENT, countries_in, find_countries, find_counts,
    find_people, kind_near, kind_of,
};
use crate::model::country::Country;
use crate::model::date::{PartialDate, Precision};
pub use crate::model::drafts::{
    Confidence, Decision, Draft, DraftInfo, Evidence, Field, QuoteSegment, Review, quote_segments,
};
use crate::model::event::{Category, Event, Participant, Person, SourceRef};

/// A pattern written in this module; a typo in one is a bug, caught by the first test.
fn pattern(text: &str) -> Regex {
    Regex::new(text).unwrap_or_else(|error| unreachable!("invalid pattern: {error}"))
}

/// What drafting one article gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleDrafts {
    pub drafts: Vec<Draft>,
    pub title: Option<String>,
    pub dateline: Option<Dateline>,
    /// Relative dates ("a week ago") that could not be worked out: the article has no date.
    pub unresolved: Vec<String>,
}

/// Mentions that refer back to an event already reported: "the forum", "at the conference",
/// "the event".
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:the|this|that|these) (?:(?:professional|main|opening|\w+) )?(?P<noun>event|forums?|summits?|conferences?|seminars?|symposium|meeting|ceremony|workshops?|program(?:me)?|exhibitions?|expos?|fairs?|dialogues?|series)\b",
    )
});

/// "held during the forum", "at the sidelines of the summit": an event inside another.
static DURING: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:held|took place|organi[sz]ed|convened)\b.*?\b(?:during|at|on the sidelines of|as part of) (?:the|this) (?:\w+ )?(?P<noun>forums?|summits?|conferences?|seminars?|symposium|event)\b",
    )
});

/// A sentence that goes on about the one before: "They made the remarks at…".
static ANAPHOR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"^(?:They|He|She|It|This|The remarks|The meeting|The event|These)\b|\bthe remarks\b")
});

/// "co-organized by the Shenzhen-based think tank China Development Institute and
/// Beijing-based think tank Pangoal Institution".
static ORGANIZED_BY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:co-)?(?:organi[sz]ed|hosted|sponsored|convened) (?:jointly )?by (?P<who>[^.;]+?)(?:, (?:presented|implemented|supported|and)\b|[.;]|$)",
    )
});

/// "held in Weihai, Shandong province", "in Qingdao", "held online", "at Beijing Foreign
/// Studies University".
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?:\b(?:held|(?:took|take|takes|taking) place|convened|hosted|opened|was|were|met)\s+(?:\w+\s+){0,3}?(?P<online>online|virtually|via video ?(?:link|conference)|by video ?link|via videoconference)\b)|(?:\b(?:held|(?:took|take|takes|taking) place|convened|opened|met|gathered|signed|inaugurated)\s+(?:[\w,-]+\s+){0,8}?in (?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?(?: (?:province|prefecture|state|region))?)?))|(?:\bat (?:the )?(?P<venue>(?:[A-Z][A-Za-z'-]+ ){0,6}(?:University|Institute|Center|Centre|Hall|Hotel|Museum|Academy|Palace|Headquarters)(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)*)?))|(?P<adjective>\bonline (?:seminar|forum|conference|meeting|event|symposium|workshop)s?\b)",
    )
});

/// Words a name of an event is made of: capitalised words, numbers, and the small words
/// between them.
fn is_name_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| {
        c == '(' || c == ')' || c == '"' || c == '\'' || c == '“' || c == '”'
    });
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn is_joining_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "and" | "on" | "for" | "in" | "the" | "de" | "&"
    )
}

/// The name of the event around the word that says its kind: "2024 International Forum on
/// Regional Cooperation and Development of China", "Ninth Trilateral Summit Meeting".
fn event_name(clause: &str, kind_range: (usize, usize)) -> Option<(usize, usize)> {
    // Word boundaries of the clause, as (start, end).
    let words: Vec<(usize, usize)> = clause.split_word_bound_indices_ascii().collect();
    let kind_word = words
        .iter()
        .position(|&(s, e)| s <= kind_range.0 && kind_range.0 < e.max(s + 1))?;
    if !is_name_word(&clause[words[kind_word].0..words[kind_word].1]) {
        return None;
    }
    // A name does not run over punctuation between its words.
    let joined = |a: usize, b: usize| {
        !clause[words[a].1..words[b].0].contains([',', ';', '(', ')', '“', '”', '"', ':'])
    };
    let mut first = kind_word;
    while first > 0 && joined(first - 1, first) {
        let previous = &clause[words[first - 1].0..words[first - 1].1];
        if is_name_word(previous)
            || (is_joining_word(previous)
                && first >= 2
                && joined(first - 2, first - 1)
                && is_name_word(&clause[words[first - 2].0..words[first - 2].1]))
        {
            first -= 1;
        } else {
            break;
        }
    }
    let mut last = kind_word;
    while last + 1 < words.len() && joined(last, last + 1) {
        let next = &clause[words[last + 1].0..words[last + 1].1];
        let after = words
            .get(last + 2)
            .filter(|_| joined(last + 1, last + 2))
            .map(|&(s, e)| &clause[s..e]);
        if is_name_word(next) || (is_joining_word(next) && after.is_some_and(is_name_word)) {
            last += 1;
        } else {
            break;
        }
    }
    // Not "the" at the start.
    while first < last && is_joining_word(&clause[words[first].0..words[first].1]) {
        first += 1;
    }
    let (start, end) = (words[first].0, words[last].1);
    (clause[start..end].split_whitespace().count() >= 2).then_some((start, end))
}

/// Word spans split on spaces, keeping hyphens and apostrophes inside words.
trait WordBounds {
    fn split_word_bound_indices_ascii(&self) -> std::vec::IntoIter<(usize, usize)>;
}

impl WordBounds for str {
    fn split_word_bound_indices_ascii(&self) -> std::vec::IntoIter<(usize, usize)> {
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in self.char_indices() {
            let part_of_word = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.' | '&');
            match (part_of_word, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    words.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push((s, self.len()));
        }
        // A full stop at the end of a word ends the sentence, not the word.
        words
            .into_iter()
            .map(|(s, e)| {
                let trimmed = self[s..e].trim_end_matches('.');
                (s, s + trimmed.len().max(1))
            })
            .collect::<Vec<_>>()
            .into_iter()
    }
}

/// A drafted event while the article is read.
struct Candidate {
    draft: Draft,
    /// Its date mention's precision and whether it is a "since" date.
    category: Category,
}

/// The clauses of a sentence, split at "; " and ", and ", with their byte offsets.
fn clauses(sentence: &str) -> Vec<(usize, &str)> {
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

/// The source of an article's sentence.
fn source_of(file: &str, dateline: Option<&Dateline>, quote: &str) -> SourceRef {
    SourceRef {
        file: Some(file.to_owned()),
        url: None,
        publisher: dateline.and_then(|d| d.publisher.clone()),
        published: dateline.map(|d| d.printed.clone()),
        byline: dateline.and_then(|d| d.byline.clone()),
        quote: quote.to_owned(),
    }
}

fn evidence(field: Field, item: Option<String>, source: usize, range: (usize, usize)) -> Evidence {
    Evidence {
        field,
        item,
        source,
        start: range.0,
        end: range.1,
    }
}

/// Words that start a clause without being part of what happened.
static CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?i:(?:in addition|additionally|also|earlier|meanwhile|moreover|furthermore|besides|however|then|later|finally|first|second|third),?\s+)",
    )
});

/// Where a clause's title ends: before what explains or follows the event.
static TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r",? (?:which|creating|marking|highlighting|making|due to|to invite|to share|as part of|so as to)\b|, a |, an |, the [a-z]|, [a-z]+ing\b",
    )
});

/// The title of an event from its clause: the event's name where it has one; for a launch,
/// what was launched; else the clause, without its date, connectives or what follows.
fn title_of(
    clause: &str,
    kind: Option<KindWord>,
    date_range: (usize, usize),
    subject: Option<&str>,
) -> (String, (usize, usize), f32) {
    if let Some(kind) = kind {
        // "the 50th anniversary of the normalization of …": the anniversary names itself.
        static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
            pattern(
                r"\b(?:\d+(?:st|nd|rd|th)|[a-z]+tieth|first|second|third|fourth|fifth|tenth|twentieth|hundredth) anniversary of [^,.;]+",
            )
        });
        if kind.category == Category::Other
            && let Some(found) = ANNIVERSARY.find(clause)
        {
            return (
                upper_first(found.as_str().trim()),
                (found.start(), found.end()),
                0.75,
            );
        }
        // The longest name around a word of the same kind ("the 2022 … Forum (formerly the
        // … Forum)" is named by the first).
        let mut names: Vec<(usize, usize)> = lexicon::kind_words(clause)
            .into_iter()
            .filter(|w| !w.verb && (w.category == kind.category || kind.verb))
            .filter(|w| !kind.verb || w.range.1 <= kind.range.0)
            .filter_map(|w| event_name(clause, w.range))
            .collect();
        if !kind.verb {
            names.extend(event_name(clause, kind.range));
        }
        if let Some(name) = names.into_iter().max_by_key(|&(start, end)| {
            (
                clause[start..end].split_whitespace().count(),
                std::cmp::Reverse(start),
            )
        }) {
            let name = extend_name_list(clause, name);
            let name = name_before_date_and_place(clause, name, date_range);
            let title = clause[name.0..name.1].to_owned();
            return match kind.category {
                // "the Sakura Science Exchange Program, launched in 2014": the launch of it.
                Category::Launch if kind.verb && !title.to_lowercase().contains("launch") => {
                    let the = if clause[..name.0].ends_with("the ") {
                        "the "
                    } else {
                        ""
                    };
                    (format!("Launch of {the}{title}"), name, 0.75)
                }
                _ => (title, name, 0.8),
            };
        }
        // "an online seminar on China-Japan industrial cooperation and development":
        // described rather than named.
        if !kind.verb
            && let Some(described) = described_name(clause, kind.range)
        {
            return (
                upper_first(&clause[described.0..described.1]),
                described,
                0.65,
            );
        }
        // "a conference … themed the Second China-Japan … Cooperation": the theme names it.
        static THEMED: LazyLock<Regex> = LazyLock::new(|| {
            pattern(
                r"\b(?:themed|titled|entitled|called|named|dubbed) (?:the )?(?P<name>[A-Z][\w-]*(?: (?:[A-Z][\w-]*|of|and|on|for|the)){1,12})",
            )
        });
        if !kind.verb
            && let Some(name) = THEMED.captures(clause).and_then(|c| c.name("name"))
        {
            let word = clause[kind.range.0..kind.range.1]
                .trim_end_matches('s')
                .to_lowercase();
            return (
                format!("{} {word}", name.as_str().trim_end_matches([' ', ','])),
                (name.start(), name.end()),
                0.7,
            );
        }
        // "a high-level researchers' exchange program … was launched": the launch of it.
        // "the partners launched a data-sharing platform": the launch of the object.
        if kind.category == Category::Launch
            && let Some(object_start) = ["launched a ", "launched an ", "launched the "]
                .iter()
                .find(|active| clause[kind.range.0..].starts_with(*active))
                .map(|_| kind.range.0 + "launched ".len())
        {
            let object = &clause[object_start..];
            let end = TITLE_END
                .find(object)
                .map_or(object.len(), |m| m.start())
                .min(object.find([',', ';']).unwrap_or(object.len()));
            let object = object[..end].trim_end_matches(['.', ' ']);
            let words: Vec<&str> = object.split_whitespace().take(12).collect();
            let range = (object_start, object_start + object.len());
            return (format!("Launch of {}", words.join(" ")), range, 0.7);
        }
        if kind.category == Category::Launch && kind.verb {
            let before = &clause[..kind.range.0];
            let subject_start = ["said that ", " that ", ", "]
                .iter()
                .filter_map(|marker| before.rfind(marker).map(|i| i + marker.len()))
                .max()
                .unwrap_or(0);
            let subject = clause[subject_start..kind.range.0]
                .trim()
                .trim_end_matches(',');
            let words = subject.split_whitespace().count();
            if (2..=16).contains(&words) {
                let subject = CONNECTIVE.replace(subject, "");
                let subject = subject.strip_prefix("On ").map_or(subject.as_ref(), |s| {
                    s.split_once(", ").map_or(s, |(_, rest)| rest)
                });
                let start = clause.find(subject).unwrap_or(subject_start);
                return (
                    format!("Launch of {}", lower_first(subject)),
                    (start, start + subject.len()),
                    0.7,
                );
            }
        }
    }
    // The clause itself, without its date phrase, a leading connective or what follows.
    let mut text = clause.to_owned();
    if date_range.1 > date_range.0 && date_range.1 <= clause.len() {
        let before = clause[..date_range.0].trim_end();
        let before = ["on", "in", "from", "since", "On", "In", "From", "Since"]
            .iter()
            .find_map(|p| before.strip_suffix(p))
            .unwrap_or(before);
        let before = before.trim_end().trim_end_matches(',');
        let after = clause[date_range.1..].trim_start();
        // A comma after the date stays when it ends a clause: "resumed this year, bringing".
        text = match (before.is_empty(), after.starts_with(',')) {
            (true, _) => after.trim_start_matches(',').trim_start().to_owned(),
            (false, true) => format!("{before}{after}"),
            (false, false) => format!("{before} {after}"),
        };
    }
    let text = CONNECTIVE.replace(text.trim(), "").into_owned();
    let text = TITLE_END
        .find(&text)
        .map_or(text.as_str(), |m| &text[..m.start()]);
    // "was set to be resumed as …": the clause before said what was.
    let text = match (subject, text.split_once(' ')) {
        (Some(subject), Some(("was" | "were" | "is" | "are" | "has" | "have" | "had", _))) => {
            format!("{subject} {text}")
        }
        _ => text.to_owned(),
    };
    let text = text.as_str();
    let text = text.trim().trim_end_matches(['.', ',', ';']).trim();
    // Punctuation around a date and a connective leaves nothing to name the event by: the
    // clause is then shown as it is, so that a draft always has a title from the article.
    let title = Some(first_words(text))
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .unwrap_or_else(|| first_words(clause));
    let trimmed = clause.trim();
    let start = clause.find(trimmed).unwrap_or(0);
    (title, (start, start + trimmed.len()), 0.5)
}

/// The first 18 words of `text`, capitalised, with an ellipsis when there are more.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut title = upper_first(&words[..words.len().min(18)].join(" "));
    if words.len() > 18 {
        title.push('…');
    }
    title
}

/// A past verb in an aside: ", launched in 2014," or "which was launched in 2014".
fn told_in_passing(clause: &str, kind: &KindWord) -> bool {
    let before = clause[..kind.range.0].trim_end();
    kind.verb && (before.ends_with(',') || before.ends_with(" which") || before.ends_with(" that"))
}

/// A name ends where the date or the place begins: "Space Dialogue in New Delhi on
/// November 8" is the "Space Dialogue".
fn name_before_date_and_place(
    clause: &str,
    (start, end): (usize, usize),
    date_range: (usize, usize),
) -> (usize, usize) {
    let place_start = place_of(clause).map(|(_, range)| range.0);
    let cut = [
        Some(date_range.0).filter(|_| date_range.1 > date_range.0),
        place_start,
    ]
    .into_iter()
    .flatten()
    .filter(|&at| start < at && at < end)
    .min();
    let Some(cut) = cut else {
        return (start, end);
    };
    let mut text = clause[start..cut].trim_end();
    while let Some((rest, last)) = text.rsplit_once(' ')
        && is_joining_word(last)
    {
        text = rest.trim_end();
    }
    // Too little left to name anything: keep the whole name.
    if text.split_whitespace().count() < 2 {
        return (start, end);
    }
    (start, start + text.len())
}

/// A name that lists countries goes on past its commas: "… of China, Japan and the
/// Republic of Korea".
fn extend_name_list(clause: &str, name: (usize, usize)) -> (usize, usize) {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"^(?:, (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)+,? and (?:the )?[A-Z][\w'-]*(?: (?:of )?[A-Z][\w'-]*)*",
        )
    });
    match LIST.find(&clause[name.1..]) {
        Some(found) if !lexicon::countries_in(found.as_str()).is_empty() => {
            (name.0, name.1 + found.end())
        }
        _ => name,
    }
}

/// "an online seminar on China-Japan industrial cooperation and development": the kind word,
/// a word or two before it, and what it was on.
fn described_name(clause: &str, kind_range: (usize, usize)) -> Option<(usize, usize)> {
    static ON_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"^ (?:on|about|for) [^,.;()]+?(?:,|\.|;|\(| co-organi| organi| held| hosted| attended| jointly|$)",
        )
    });
    let topic = ON_TOPIC.find(&clause[kind_range.1..])?;
    let topic_text = topic.as_str().trim_end_matches([',', '.', ';', '(']);
    let topic_text = [
        " co-organi",
        " organi",
        " held",
        " hosted",
        " attended",
        " jointly",
    ]
    .iter()
    .fold(topic_text, |t, stop| t.strip_suffix(stop).unwrap_or(t));
    let end = kind_range.1 + topic_text.len();
    // One or two describing words before the kind ("online", "high-level").
    let before = &clause[..kind_range.0];
    let mut start = kind_range.0;
    for word in before.split_whitespace().rev().take(2) {
        if matches!(word, "a" | "an" | "the" | "at" | "in" | "of") || word.ends_with(',') {
            break;
        }
        start = before[..start.min(before.len())]
            .rfind(word)
            .unwrap_or(start);
    }
    (clause[start..end].split_whitespace().count() >= 4).then_some((start, end))
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "The Sino-French satellite" as "the Sino-French satellite", for "Launch of …"; names
/// ("China's …") keep their capital.
fn lower_first(text: &str) -> String {
    match text.split_once(' ') {
        Some((first, rest)) if matches!(first, "The" | "A" | "An") => {
            format!("{} {rest}", first.to_lowercase())
        }
        _ => text.to_owned(),
    }
}

/// Drafts the events of one article.
pub fn draft_article(file: &str, text: &str) -> ArticleDrafts {
    let article = read_article(file, text);
    let article_date = article.dateline.as_ref().and_then(|d| d.date);
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
                article: article_date,
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
                            new_candidate(&article, sentence, offset, clause, kind, date, None);
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
                            &article,
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
                        let candidate = new_candidate(
                            &article,
                            sentence,
                            offset,
                            clause,
                            kind,
                            date,
                            Some(why),
                        );
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
                        let candidate = new_candidate(
                            &article,
                            sentence,
                            offset,
                            clause,
                            kind,
                            date,
                            Some(why),
                        );
                        candidates.push(candidate);
                    }
                    // More about an event already drafted: its counts, people and place.
                    _ => {
                        if let Some(index) = referenced {
                            attach(
                                &mut candidates[index].draft,
                                &article,
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
    headline_event(&article, &mut candidates);
    let mut drafts: Vec<Draft> = candidates.into_iter().map(|c| c.draft).collect();
    drafts = merge_same_events(drafts);
    number_ids(file, &mut drafts);
    unresolved.sort();
    unresolved.dedup();
    ArticleDrafts {
        drafts,
        title: article.title.clone(),
        dateline: article.dateline.clone(),
        unresolved,
    }
}

/// The date of a clause that an event is drafted with: the most precise one, the first of
/// those; a "since" date only when there is no other.
fn best_date(dates: &[DateMention]) -> Option<DateMention> {
    let rank = |d: &DateMention| (!d.since, dates::precision_of(d));
    dates
        .iter()
        .enumerate()
        .max_by_key(|(i, d)| (rank(d), std::cmp::Reverse(*i)))
        .map(|(_, d)| d.clone())
}

/// The organizers a clause names: the names after "organized by", "co-hosted by", ….
fn organizers_of(clause: &str) -> Vec<(String, (usize, usize))> {
    let Some(who) = ORGANIZED_BY.captures(clause).and_then(|c| c.name("who")) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut at = who.start();
    for part in who.as_str().split(" and ").flat_map(|p| p.split(", ")) {
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

/// The countries of an event a draft refers to, with the sentence that names them.
fn inherit_countries(draft: &mut Draft, referenced: &Draft) {
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

/// The date of a drafted event, as a mention to inherit.
fn date_of_draft(draft: &Draft) -> Option<DateMention> {
    Some(DateMention {
        start: draft.event.start,
        end: draft.event.end,
        inferred: draft.event.date_inferred,
        reasoning: None,
        range: (0, 0),
        since: false,
        confidence: draft.info.confidence.date * 0.8,
    })
}

/// The last drafted event a reference ("the forum", "the event") can mean.
fn find_referenced(candidates: &[Candidate], noun: &str) -> Option<usize> {
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
fn new_candidate(
    article: &Article,
    sentence: &article::Sentence,
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

/// The counts, people, countries and place of `clause` (at `offset` in source `source`), added
/// to a draft; countries only from the clause that reports the event itself.
fn add_details(draft: &mut Draft, source: usize, offset: usize, clause: &str, own_clause: bool) {
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
        if count.approximate {
            draft.info.approximate_counts.push(index);
        }
        draft.event.participants.push(Participant {
            country: count.country,
            count: count.count,
            unit: count.unit,
            qualifier: None,
        });
        draft.info.confidence.counts = if count.approximate { 0.6 } else { 0.8 };
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
    for person in find_people(clause) {
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
    for (name, range) in organizers_of(clause) {
        if !draft.event.organizers.contains(&name) {
            let index = draft.event.organizers.len();
            draft.event.organizers.push(name);
            draft.info.evidence.push(evidence(
                Field::Organizer,
                Some(index.to_string()),
                source,
                at(range),
            ));
        }
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
fn place_of(clause: &str) -> Option<(String, (usize, usize))> {
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
fn attach(
    draft: &mut Draft,
    article: &Article,
    sentence: &article::Sentence,
    offset: usize,
    clause: &str,
) {
    let before = (
        draft.event.participants.len(),
        draft.event.people.len(),
        draft.event.location.is_some(),
    );
    let source = match draft
        .event
        .sources
        .iter()
        .position(|s| s.quote == sentence.text)
    {
        Some(index) => index,
        None => {
            draft.event.sources.push(source_of(
                &article.file,
                article.dateline.as_ref(),
                &sentence.text,
            ));
            draft.event.sources.len() - 1
        }
    };
    add_details(draft, source, offset, clause, false);
    let after = (
        draft.event.participants.len(),
        draft.event.people.len(),
        draft.event.location.is_some(),
    );
    // A sentence that added nothing is not a source.
    if after == before && source == draft.event.sources.len() - 1 && source > 0 {
        let quote_used = draft.info.evidence.iter().any(|e| e.source == source);
        if !quote_used {
            draft.event.sources.pop();
        }
    }
}

/// An article whose headline names an event ("SCIO press conference on …") that no sentence
/// dates is about that event: it is dated to the article's year, as inferred.
fn headline_event(article: &Article, candidates: &mut Vec<Candidate>) {
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

/// True when two drafts report the same event: the same kind on the same dates, or two
/// meetings on the same day, with no country in one that the other lacks entirely.
fn same_event(a: &Draft, b: &Draft) -> bool {
    // The same name, at dates that agree (a year and a day in it): one event.
    let name = |d: &Draft| {
        d.event
            .title
            .trim_start_matches("The ")
            .trim_start_matches("the ")
            .to_lowercase()
    };
    let (a_days, b_days) = (a.event.span().day_range(), b.event.span().day_range());
    let overlapping = a_days.0 < b_days.1 && b_days.0 < a_days.1;
    if a.event.category == b.event.category && overlapping && name(a) == name(b) {
        return true;
    }
    let meeting = |c: Category| {
        matches!(
            c,
            Category::Forum | Category::Conference | Category::Seminar | Category::Summit
        )
    };
    let same_days = a.event.span().day_range() == b.event.span().day_range();
    let countries_agree = a.event.countries.is_empty()
        || b.event.countries.is_empty()
        || a.event
            .countries
            .iter()
            .any(|c| b.event.countries.contains(c));
    let same_kind = a.event.category == b.event.category;
    let precise =
        a.event.start.precision() == Precision::Day && b.event.start.precision() == Precision::Day;
    // Two meetings of other kinds on the same day are one when one of them is not named
    // ("a symposium held at … on May 31" and "the 2024 … Forum … on May 31").
    let one_unnamed = a.info.confidence.title.min(b.info.confidence.title) <= 0.5;
    // Two differently named events of a kind in the same year are two, unless they share
    // a country.
    let namesakes_apart = same_kind
        && a.event.title != b.event.title
        && !precise
        && !countries_overlap_strictly(a, b);
    same_days
        && countries_agree
        && (same_kind
            || (precise && one_unnamed && meeting(a.event.category) && meeting(b.event.category)))
        && !namesakes_apart
}

/// Both name countries, and share one.
fn countries_overlap_strictly(a: &Draft, b: &Draft) -> bool {
    !a.event.countries.is_empty()
        && a.event
            .countries
            .iter()
            .any(|c| b.event.countries.contains(c))
}

/// One draft from two of the same event: the better-named title, a stated date over an
/// inferred one, every source, count, person and country of both.
fn merge(mut kept: Draft, other: Draft) -> Draft {
    // The draft with the finer date, then a stated one, then the better title is kept.
    let rank = |d: &Draft| {
        let span = d.event.span();
        (
            span.coarsest_precision(),
            !span.inferred,
            (d.info.confidence.title * 10.0) as u32,
        )
    };
    if rank(&other) > rank(&kept) {
        return merge(other, kept);
    }
    let mut source_map = Vec::new();
    for source in other.event.sources {
        match kept
            .event
            .sources
            .iter()
            .position(|s| s.quote == source.quote && s.file == source.file)
        {
            Some(i) => source_map.push(i),
            None => {
                kept.event.sources.push(source);
                source_map.push(kept.event.sources.len() - 1);
            }
        }
    }
    for country in other.event.countries {
        if !kept.event.countries.contains(&country) {
            kept.event.countries.push(country);
        }
    }
    let mut count_map = Vec::new();
    for (i, participant) in other.event.participants.into_iter().enumerate() {
        match kept
            .event
            .participants
            .iter()
            .position(|p| *p == participant)
        {
            Some(existing) => count_map.push(existing),
            None => {
                if other.info.approximate_counts.contains(&i) {
                    kept.info
                        .approximate_counts
                        .push(kept.event.participants.len());
                }
                kept.event.participants.push(participant);
                count_map.push(kept.event.participants.len() - 1);
            }
        }
    }
    let mut people_map = Vec::new();
    for person in other.event.people {
        match kept.event.people.iter().position(|p| p.name == person.name) {
            Some(existing) => people_map.push(existing),
            None => {
                kept.event.people.push(person);
                people_map.push(kept.event.people.len() - 1);
            }
        }
    }
    if kept.event.location.is_none() {
        kept.event.location = other.event.location;
    }
    for mut item in other.info.evidence {
        // Title, date and kind stay the kept draft's; the rest move with their items.
        if matches!(item.field, Field::Title | Field::Date | Field::Kind) {
            continue;
        }
        item.source = source_map.get(item.source).copied().unwrap_or(item.source);
        let remap = |index: &str, map: &[usize]| {
            index
                .parse::<usize>()
                .ok()
                .and_then(|i| map.get(i))
                .map(ToString::to_string)
        };
        item.item = match item.field {
            Field::Count => item.item.as_deref().and_then(|i| remap(i, &count_map)),
            Field::Person => item.item.as_deref().and_then(|i| remap(i, &people_map)),
            Field::Organizer => {
                let name = item
                    .item
                    .as_deref()
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| other.event.organizers.get(i));
                match name {
                    Some(name) => {
                        if !kept.event.organizers.contains(name) {
                            kept.event.organizers.push(name.clone());
                        }
                        kept.event
                            .organizers
                            .iter()
                            .position(|o| o == name)
                            .map(|i| i.to_string())
                    }
                    None => item.item,
                }
            }
            _ => item.item,
        };
        if !kept.info.evidence.contains(&item) {
            kept.info.evidence.push(item);
        }
    }
    for article in other.info.articles {
        if !kept.info.articles.contains(&article) {
            kept.info.articles.push(article);
        }
    }
    let confidence = &mut kept.info.confidence;
    confidence.countries = confidence.countries.max(other.info.confidence.countries);
    confidence.counts = confidence.counts.max(other.info.confidence.counts);
    confidence.people = confidence.people.max(other.info.confidence.people);
    confidence.place = confidence.place.max(other.info.confidence.place);
    kept
}

/// Merges the drafts that report the same event, keeping the first one's place in order.
pub fn merge_same_events(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut merged: Vec<Draft> = Vec::new();
    for draft in drafts {
        match merged.iter().position(|m| same_event(m, &draft)) {
            Some(index) => {
                let kept = merged.remove(index);
                merged.insert(index, merge(kept, draft));
            }
            None => merged.push(draft),
        }
    }
    merged
}

/// Drafts every article of `articles` (file name, text), merging the same event reported in
/// several articles into one draft with several sources.
pub fn draft_articles<'a>(
    articles: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Vec<Draft>, Vec<(String, ArticleDrafts)>) {
    let mut all = Vec::new();
    let mut per_article = Vec::new();
    for (file, text) in articles {
        let drafted = draft_article(file, text);
        all.extend(drafted.drafts.iter().cloned());
        per_article.push((file.to_owned(), drafted));
    }
    (merge_same_events(all), per_article)
}

/// Stable ids: the article, the date and the kind, so a review survives a reload.
fn number_ids(file: &str, drafts: &mut [Draft]) {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_lowercase();
    let mut used: Vec<String> = Vec::new();
    for draft in drafts {
        let base = format!(
            "draft-{stem}-{}-{}",
            draft.event.start,
            draft.event.category.key()
        );
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.push(id.clone());
        draft.event.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_of_punctuation_around_its_date_still_gives_a_title_from_the_article() {
        // Found by fuzz_loader: the text before the date was all semicolons and the rest a
        // "due to" aside, which left an empty title.
        let text = "<,,y+ and signed,20 Korea held in Seoul on May 27;;;;;;;;;; ;;;;;;;;2021 due to the seminar,,,C02";
        let drafted = draft_article("odd.txt", text);
        assert!(!drafted.drafts.is_empty());
        for draft in &drafted.drafts {
            let title = &draft.event.title;
            assert!(title.chars().any(char::is_alphanumeric), "title {title:?}");
            let words_in_article = title.trim_end_matches('…').split_whitespace();
            for word in words_in_article {
                assert!(text.to_lowercase().contains(&word.to_lowercase()), "{word}");
            }
        }
    }

    #[test]
    fn names_of_events_are_found_around_their_kind() {
        let title = |clause: &str| title_of(clause, kind_near(clause, None), (0, 0), None).0;
        assert_eq!(
            title(
                "experts shared insights at the 2024 International Forum on Regional Cooperation and Development of China held in Beijing"
            ),
            "2024 International Forum on Regional Cooperation and Development of China"
        );
        assert_eq!(
            title("Leaders attended the Ninth Trilateral Summit Meeting, a significant meeting"),
            "Ninth Trilateral Summit Meeting"
        );
        assert_eq!(
            title(
                "In a conference a week ago, themed the Second China-Japan Science and Technology Innovation Cooperation held in Weihai"
            ),
            "Second China-Japan Science and Technology Innovation Cooperation conference"
        );
        assert_eq!(
            title(
                "said that a high-level researchers' exchange program between China and Japan was launched in 2019"
            ),
            "Launch of a high-level researchers' exchange program between China and Japan"
        );
        assert_eq!(
            title("the Sakura Science Exchange Program, launched in 2014 to invite young people"),
            "Launch of the Sakura Science Exchange Program"
        );
        assert_eq!(
            title(
                "They made the remarks at an online seminar on China-Japan industrial cooperation and development, co-organized by X"
            ),
            "Online seminar on China-Japan industrial cooperation and development"
        );
        assert_eq!(
            title(
                "at the 2024 International Forum on Regional Cooperation and Development of China, Japan and the Republic of Korea held in Beijing"
            ),
            "2024 International Forum on Regional Cooperation and Development of China, Japan and the Republic of Korea"
        );
        assert_eq!(
            title(
                "Next year marks the 50th anniversary of the normalization of diplomatic relations between China and Japan."
            ),
            "50th anniversary of the normalization of diplomatic relations between China and Japan"
        );
    }

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
