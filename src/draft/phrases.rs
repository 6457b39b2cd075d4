//! Titles said by the word of an event's kind when the event has no name: what a verb did
//! ("published the first call for proposals under …" is the "First call for proposals
//! under …"; "around 30 agreements have been signed" their "Signing"), and what a noun of
//! the kind was of, with or on ("the official opening of the …", "the meeting with …").

use std::sync::LazyLock;

use regex::Regex;

use super::kinds::{self, KindWord, Strength};
use super::pattern;
use super::title_words::{CONNECTIVE, TITLE_END, first_words, lower_first};

/// A title, the text it was taken from, and how sure it is.
pub(super) type Title = (String, (usize, usize), f32);

/// What a verb did, as a noun: something "launched" had a "Launch".
pub(super) fn action_noun(verb: &str) -> Option<&'static str> {
    let verb = verb.to_lowercase();
    if verb.contains("into force") || verb.contains("into effect") {
        return Some("Entry into force");
    }
    let last = verb.split_whitespace().find(|w| !AUXILIARIES.contains(w))?;
    Some(match last {
        "launched" => "Launch",
        "established" | "founded" | "set" => "Establishment",
        "inaugurated" => "Inauguration",
        "signed" => "Signing",
        "resumed" | "revived" | "restarted" | "relaunched" => "Resumption",
        "suspended" | "halted" => "Suspension",
        "postponed" => "Postponement",
        "met" | "convened" => "Meeting",
        "closed" => "Closing",
        _ => return None,
    })
}

/// Words around a verb that are not the verb: auxiliaries and adverbs.
const AUXILIARIES: [&str; 16] = [
    "was",
    "were",
    "been",
    "be",
    "is",
    "are",
    "has",
    "have",
    "had",
    "will",
    "would",
    "successfully",
    "officially",
    "temporarily",
    "jointly",
    "also",
];

/// Verbs that take no object: what is before them is what met, closed or came into force.
fn intransitive(noun: &str) -> bool {
    matches!(noun, "Meeting" | "Closing" | "Entry into force")
}

/// A noun of an event inside the words of a verb: "published the first call for proposals",
/// "announced the creation of", "commence support for", "the signing of".
static NOUN_IN_VERB: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?:(?:first|new|second|third|joint|open) )*calls? for (?:proposals|applications)|\b(?:creation|launch|establishment|opening|signing|suspension|resumption|inauguration) of\b|\b(?:support|funding) for\b",
    )
});

/// The title a verb of the kind gives: its noun and what it acted on.
pub(super) fn verb_title(
    clause: &str,
    kind: KindWord,
    date_range: (usize, usize),
    sentence_subject: Option<&str>,
) -> Option<Title> {
    let (start, end) = kind.range;
    let said = &clause[start..end];
    if let Some(noun) = NOUN_IN_VERB.find(said) {
        let noun_start = start + noun.start();
        let object_end = object_end(clause, start + noun.end(), date_range);
        let phrase = clause[noun_start..object_end].trim();
        let title = first_words(phrase);
        return (title.split_whitespace().count() >= 2).then_some((
            title,
            (noun_start, object_end),
            0.6,
        ));
    }
    let noun = action_noun(said)?;
    // The verb's own words, without the article or preposition the pattern took after it.
    let mut verb = said;
    while let Some((rest, last)) = verb.rsplit_once(' ')
        && matches!(last, "a" | "an" | "the" | "in" | "on" | "its")
    {
        verb = rest;
    }
    let verb_end = start + verb.len();
    let object = (object_start(clause, verb_end))
        .filter(|_| !intransitive(noun) && !passive(clause, start, said));
    let (phrase, range) = match object {
        Some(object_start) => {
            let object_end = object_end(clause, object_start, date_range);
            (
                clause[object_start..object_end].trim(),
                (object_start, object_end),
            )
        }
        // "…, and was set to be resumed": the sentence's subject was.
        None => match subject_before(clause, start) {
            Some(range) if !starts_without_subject(&clause[range.0..range.1]) => {
                (&clause[range.0..range.1], range)
            }
            _ => (sentence_subject?, kind.range),
        },
    };
    let phrase = CONNECTIVE.replace(phrase, "");
    phrase.split_whitespace().next()?;
    let title = first_words(&format!("{noun} of {}", lower_first(&phrase)));
    Some((title, range, 0.6))
}

/// Words a clause starts with when its subject is the sentence's: "and was set to be".
fn starts_without_subject(words: &str) -> bool {
    let first = words.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "and" | "but" | "or" | "then" | "to")
        || AUXILIARIES.contains(&first.as_str())
}

/// Whether the verb at `start` is passive or a participle: "was launched", "have been
/// signed", "launched in 2014".
fn passive(clause: &str, start: usize, said: &str) -> bool {
    let before = clause[..start].trim_end().to_lowercase();
    let first = said.split_whitespace().next().unwrap_or("").to_lowercase();
    ["was", "were", "been", "be", "is", "are"].contains(&first.as_str())
        || ["was", "were", "been", "be", "is", "are"]
            .iter()
            .any(|aux| before.ends_with(&format!(" {aux}")) || before == *aux)
}

/// Where the object after a verb starts, unless a preposition or the end comes first (the
/// verb then had its subject before it).
fn object_start(clause: &str, verb_end: usize) -> Option<usize> {
    let rest = &clause[verb_end..];
    // "signed and renewed 25 agreements": the object after both verbs.
    let rest = AND_VERB.find(rest).map_or(rest, |both| &rest[both.end()..]);
    let verb_end = clause.len() - rest.len();
    let trimmed = rest.trim_start();
    let first = trimmed.split_whitespace().next()?.to_lowercase();
    const NOT_AN_OBJECT: [&str; 14] = [
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "since",
        "from",
        "by",
        "last",
        "this",
        "earlier",
        "today",
        "yesterday",
    ];
    (!NOT_AN_OBJECT.contains(&first.as_str()) && first.chars().any(char::is_alphanumeric))
        .then_some(verb_end + rest.len() - trimmed.len())
}

/// A second verb after the first: " and renewed".
static AND_VERB: LazyLock<Regex> = LazyLock::new(|| pattern(r"^ (?:and|or) [a-z]+ed\b"));

/// Where the words that an event acted on end: before a comma, a quote, a bracket (but for
/// an acronym's), the date, or what explains the event.
pub(super) fn object_end(clause: &str, from: usize, date_range: (usize, usize)) -> usize {
    let rest = &clause[from..];
    let mut end = rest.len();
    let mut acronym_end = 0;
    for (at, c) in rest.char_indices() {
        if at < acronym_end {
            continue;
        }
        match c {
            '(' if let Some(acronym) = ACRONYM.find(&rest[at..]) => {
                acronym_end = at + acronym.end()
            }
            ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' => {
                end = at;
                break;
            }
            _ => {}
        }
    }
    end = end.min(TITLE_END.find(rest).map_or(rest.len(), |m| m.start()));
    end = end.min(RELATIVE.find(rest).map_or(rest.len(), |m| m.start()));
    end = end.min(WHEN.find(rest).map_or(rest.len(), |m| m.start()));
    if date_range.1 > date_range.0 && date_range.0 >= from {
        end = end.min(date_range.0 - from);
    }
    let phrase = rest[..end].trim_end_matches(['.', ' ']);
    from + phrase.len()
}

/// An acronym in brackets, kept in a title: "(CFM)", "(STI)".
static ACRONYM: LazyLock<Regex> = LazyLock::new(|| pattern(r"^\([A-Z][A-Za-z0-9&-]{1,11}\)"));

/// Words that say when, which the date found may not cover: "in London earlier today (15
/// December 2016)".
static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i) (?:(?:earlier|later) )?(?:today|yesterday|tonight|this (?:week|month|year|morning)|last (?:week|month|year))\b",
    )
});

/// Words that start a clause of their own inside an object.
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r" (?:that|which|who|whose|where|ensuring|presided|in order to|was|were|is|are|will|has|have|had)\b",
    )
});

/// The subject of a verb at `verb_start`: the words before it back to a comma, "that" or the
/// clause's start, without auxiliaries; for "…, which closed", the event named before.
fn subject_before(clause: &str, verb_start: usize) -> Option<(usize, usize)> {
    let mut before = clause[..verb_start].trim_end();
    while let Some((rest, last)) = before.rsplit_once(' ')
        && AUXILIARIES.contains(&last.to_lowercase().as_str())
    {
        before = rest.trim_end();
    }
    if let Some(rest) = before
        .strip_suffix(" which")
        .or_else(|| before.strip_suffix(" that"))
    {
        let rest = rest.trim_end_matches([',', ' ']);
        let noun = kinds::kind_words(rest)
            .into_iter()
            .rfind(|w| w.strength == Strength::Noun)?;
        return Some((noun_phrase_start(rest, noun.range.0), noun.range.1));
    }
    let before = before.trim_end_matches([',', ' ']);
    let start = [", ", " that ", "; "]
        .iter()
        .filter_map(|marker| before.rfind(marker).map(|i| i + marker.len()))
        .max()
        .unwrap_or(0);
    let subject = before[start..].trim_start();
    let start = before.len() - subject.len();
    (1..=16)
        .contains(&subject.split_whitespace().count())
        .then_some((start, before.len()))
}

/// Where the noun phrase of a kind's word starts: its determiner, a possessor ("Xi
/// Jinping's state visit") and up to two describing words ("the official opening").
fn noun_phrase_start(clause: &str, noun_start: usize) -> usize {
    let mut start = noun_start;
    let before = &clause[..noun_start];
    for word in before.split_whitespace().rev().take(3) {
        let lower = word.to_lowercase();
        let possessive = word.ends_with("'s") || word.ends_with("’s");
        let describing =
            word.chars().all(|c| c.is_lowercase() || c == '-') && is_describing(&lower);
        let determiner = matches!(lower.as_str(), "the" | "a" | "an" | "its" | "their");
        let Some(at) = before[..start].rfind(word) else {
            break;
        };
        if determiner {
            start = at;
            break;
        }
        if !(describing || possessive || (is_capitalised(word) && start < noun_start)) {
            break;
        }
        start = at;
    }
    start
}

/// A word that describes an event rather than says what was done: "joint", "official",
/// "bilateral", "high-level", "annual" (not "hold" or "attended").
fn is_describing(word: &str) -> bool {
    const DESCRIBING: [&str; 12] = [
        "joint",
        "official",
        "first",
        "new",
        "second",
        "third",
        "high",
        "online",
        "virtual",
        "state",
        "inaugural",
        "opening",
    ];
    DESCRIBING.contains(&word)
        || word.contains('-')
        || ["al", "ic", "ive", "ary", "ous", "ly"]
            .iter()
            .any(|end| word.ends_with(end))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A title from a noun of the kind that names no event: the noun phrase, and what it was of,
/// with, between or on, or where: "Official opening of the Sino-Africa Joint Research
/// Centre", "Meeting with Russian President Vladimir Putin", "Meeting in London".
pub(super) fn kind_noun_title(
    clause: &str,
    kind: KindWord,
    date_range: (usize, usize),
) -> Option<Title> {
    let start = noun_phrase_start(clause, kind.range.0);
    let after = &clause[kind.range.1..];
    let said = &clause[kind.range.0..kind.range.1];
    static COMPLEMENT: LazyLock<Regex> =
        LazyLock::new(|| pattern(r"^ (?:of|with|between|on|about|to|for) |^ (?:in|at) [A-Z]"));
    let takes_complement = said.contains(" of") || COMPLEMENT.is_match(after);
    let end = if takes_complement {
        object_end(clause, kind.range.1, date_range)
    } else {
        kind.range.1
    };
    let phrase = clause[start..end].trim();
    let phrase = ["the ", "a ", "an "]
        .iter()
        .find_map(|article| phrase.strip_prefix(article))
        .unwrap_or(phrase);
    let title = first_words(phrase);
    (title.split_whitespace().count() >= 2).then_some((title, (start, end), 0.55))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::kinds::kind_near;

    fn title(clause: &str) -> Option<String> {
        // The date, where the clause has one, picks the kind's word as it does in a draft.
        let kind = kind_near(clause, clause.find(" 20").map(|at| at + 1))?;
        if kind.verb {
            verb_title(clause, kind, (0, 0), None).map(|t| t.0)
        } else {
            kind_noun_title(clause, kind, (0, 0)).map(|t| t.0)
        }
    }

    #[test]
    fn a_verb_titles_what_it_acted_on() {
        assert_eq!(
            title("the Chinese Ministry of Science and Technology has published the first call for proposals under the EU-China Co-Funding Mechanisms (CFM) for Research and Innovation.").as_deref(),
            Some("First call for proposals under the EU-China Co-Funding Mechanisms (CFM) for Research and Innovation")
        );
        assert_eq!(
            title("Jo Johnson announced the creation of 6 new £10 million research hubs that will explore").as_deref(),
            Some("Creation of 6 new £10 million research hubs")
        );
        assert_eq!(
            title("During the state visit to Russia, around 30 inter-governmental and commercial agreements have been signed.").as_deref(),
            Some("Signing of around 30 inter-governmental and commercial agreements")
        );
        assert_eq!(
            title("the joint call for proposals implemented by JST and MOST, which closed in January 2016").as_deref(),
            Some("Closing of the joint call for proposals")
        );
        assert_eq!(
            title("the ASEAN Committee on Science and Technology (COST) and its subsidiary bodies have met in May 2011").as_deref(),
            Some("Meeting of the ASEAN Committee on Science and Technology (COST) and its subsidiary bodies")
        );
    }

    #[test]
    fn a_noun_titles_what_it_was_of_or_with() {
        assert_eq!(
            title("Amina Mohamed announced during the official opening of the Sino-Africa Joint Research Centre, a Chinese-funded project").as_deref(),
            Some("Official opening of the Sino-Africa Joint Research Centre")
        );
        assert_eq!(
            title("Xi Jinping said on the outcomes of the meeting with Russian President Vladimir Putin.").as_deref(),
            Some("Meeting with Russian President Vladimir Putin")
        );
        assert_eq!(
            title("Park Yun-kyu said in a media briefing held Wednesday last week.").as_deref(),
            Some("Media briefing")
        );
        assert_eq!(title("a meeting").as_deref(), None);
    }
}
