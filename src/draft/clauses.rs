//! A sentence cut into the clauses that each tell one thing: at "; ", ", and ", ", but", and
//! between two dates, where the second date's own words begin, so that one sentence can
//! give several events, each with its own date.

use super::dates::DateMention;
use super::kinds::kind_words;

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

/// Words after a comma that start a clause of their own: a subject, a relative.
const CLAUSE_STARTS: [&str; 10] = [
    "we", "they", "he", "she", "it", "i", "which", "where", "who", "while",
];

/// Words that start a phrase after " and ": a place, a time or a new thing.
const PHRASE_STARTS: [&str; 8] = ["in ", "on ", "at ", "from ", "during ", "the ", "a ", "an "];

/// How good a place to cut `text` at `at` is: higher is better, `None` for no place at
/// all. `at` is where the separator starts.
fn cut_rank(text: &str, at: usize, next_date: usize) -> Option<(u8, usize)> {
    let rest = &text[at..];
    // "31 March and 31 July 2016": a list of dates.
    for separator in [" and ", ", ", " or "] {
        if rest.starts_with(separator) && at + separator.len() == next_date {
            return Some((3, separator.len()));
        }
    }
    if let Some(after) = rest.strip_prefix(", ") {
        let lower = after.to_lowercase();
        let first = lower.split([' ', ',']).next().unwrap_or_default();
        if CLAUSE_STARTS.contains(&first) {
            return Some((4, 2));
        }
        // ", the ASEAN Committee … have met": a subject and its verb, a clause of its own.
        let words: Vec<&str> = lower
            .split(',')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .take(15)
            .collect();
        if words.iter().skip(1).any(|w| MAIN_VERBS.contains(w)) {
            return Some((3, 2));
        }
        // ", held in …", ", adopted at …": an event's own participle.
        let participle = first.ends_with("ed") && first.len() > 4;
        return Some((if participle { 2 } else { 1 }, 2));
    }
    if let Some(after) = rest.strip_prefix(" and ") {
        let lower = after.to_lowercase();
        let phrase = PHRASE_STARTS.iter().any(|w| lower.starts_with(w));
        // "… and the Republic of South Africa": a name in a list, not a new phrase.
        let name_in_list = lower.starts_with("the ")
            && after[4..].starts_with(|c: char| c.is_uppercase())
            && !after[4..]
                .split(' ')
                .nth(1)
                .is_some_and(|w| w.ends_with(','));
        return match (phrase, name_in_list) {
            (true, false) if !lower.starts_with("the ") => Some((3, 5)),
            (true, _) => Some((2, 5)),
            _ => Some((1, 5)),
        };
    }
    rest.starts_with(": ").then_some((3, 2))
}

/// Words that open a clause with a phrase before its subject: "Further to the agreement …,
/// the Ministry has published …".
const FRONTING: [&str; 14] = [
    "further to",
    "in line with",
    "following",
    "based on",
    "pursuant to",
    "under",
    "after",
    "before",
    "during",
    "as part of",
    "in accordance with",
    "in response to",
    "according to",
    "since",
];

/// Words that show a main clause has begun: an auxiliary or a verb of an event.
const MAIN_VERBS: [&str; 20] = [
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "met",
    "signed",
    "announced",
    "published",
    "launched",
    "agreed",
    "decided",
    "adopted",
    "issued",
    "opened",
    "held",
    "said",
];

/// Verbs that say who tells the news: ", Chinese President Xi Jinping said on …".
const REPORTING: [&str; 8] = [
    "said",
    "says",
    "told",
    "announced",
    "stated",
    "added",
    "noted",
    "reported",
];

/// Where a clause of its own begins after the last date: the main clause after a fronted
/// phrase ("Further to … of 30 October, the Ministry has published …"), or who says it
/// (", Chinese President Xi Jinping said on the outcomes of the meeting"): the comma whose
/// next words, before another comma, hold that verb.
fn main_clause_start(clause: &str, after: usize) -> Option<usize> {
    let lower = clause.to_lowercase();
    let fronted = FRONTING.iter().any(|w| lower.starts_with(*w));
    let mut at = after;
    while let Some(found) = clause.get(at..)?.find(", ") {
        let comma = at + found;
        let next = &lower[comma + 2..];
        let words: Vec<&str> = next
            .split(',')
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .take(10)
            .collect();
        let verbs: &[&str] = if fronted { &MAIN_VERBS } else { &REPORTING };
        // Who says it is a clause apart only when what comes before tells an event.
        let named = clause[comma + 2..].starts_with(|c: char| c.is_uppercase())
            && !kind_words(&clause[..comma]).is_empty();
        if (fronted || named) && words.iter().skip(1).any(|w| verbs.contains(w)) {
            return Some(comma);
        }
        at = comma + 2;
    }
    None
}

/// A year that is part of a name, "the 2022 China-Japan University Forum", dates no event
/// of its own in the clause.
fn in_a_name(clause: &str, date: &DateMention) -> bool {
    let after = clause[date.range.1..].trim_start_matches(' ');
    date.end.is_none()
        && date.start.precision() == crate::model::date::Precision::Year
        && after.starts_with(|c: char| c.is_uppercase())
}

/// Cuts a clause between each two of its dates, at the best place between them (see
/// [`cut_rank`]), so that each part holds one date and the words that go with it; where no
/// place is good enough the clause stays whole. The offsets are into `clause`.
pub(super) fn split_at_dates<'a>(clause: &'a str, dates: &[DateMention]) -> Vec<(usize, &'a str)> {
    let dates: Vec<&DateMention> = dates.iter().filter(|d| !in_a_name(clause, d)).collect();
    let mut cuts = Vec::new();
    for pair in dates.windows(2) {
        let (from, to) = (pair[0].range.1, pair[1].range.0);
        if to <= from {
            continue;
        }
        let best = (from..to)
            .filter(|&at| clause.is_char_boundary(at))
            .filter_map(|at| cut_rank(clause, at, to).map(|(rank, len)| (rank, at, len)))
            .filter(|&(rank, _, _)| rank >= 2)
            // The best rank; among equals, the first after the earlier date.
            .max_by_key(|&(rank, at, _)| (rank, std::cmp::Reverse(at)));
        if let Some((_, at, len)) = best {
            cuts.push((at, at + len));
        }
    }
    // "Further to … of 30 October, the Ministry has published …": the main clause after the
    // fronted phrase that holds the dates is a part of its own.
    if let Some(last) = dates.last()
        && let Some(comma) = main_clause_start(clause, last.range.1)
    {
        cuts.push((comma, comma + 2));
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (cut, next) in cuts {
        parts.push((start, &clause[start..cut]));
        start = next;
    }
    parts.push((start, &clause[start..]));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::dates::{DateContext, find_dates};

    fn parts(clause: &str) -> Vec<&str> {
        let page = crate::draft::dates::PageContext {
            date: chrono::NaiveDate::from_ymd_opt(2016, 5, 10).unwrap_or_default(),
            written_then: true,
            source: "",
        };
        let context = DateContext {
            page: Some(page),
            full_dates: &[],
            future: false,
        };
        let (dates, _) = find_dates(clause, &context);
        split_at_dates(clause, &dates)
            .into_iter()
            .map(|(_, p)| p)
            .collect()
    }

    #[test]
    fn each_date_keeps_its_own_words() {
        assert_eq!(
            parts(
                "the MoU signed in Brazil in March 2015 and the Brasilia Declaration, adopted at the XI BRICS Summit, held in Brazil on 14 November 2019, we, the Ministers of Brazil and the Republic of South Africa, met virtually on 13 November 2020"
            ),
            [
                "the MoU signed in Brazil in March 2015",
                "the Brasilia Declaration, adopted at the XI BRICS Summit, held in Brazil on 14 November 2019",
                "we, the Ministers of Brazil and the Republic of South Africa, met virtually on 13 November 2020",
            ]
        );
        assert_eq!(
            parts(
                "bodies have met in May 2011 in Siem Reap, Cambodia and in Ho Chi Minh City, Viet Nam in November 2011 to discuss"
            ),
            [
                "bodies have met in May 2011 in Siem Reap, Cambodia",
                "in Ho Chi Minh City, Viet Nam in November 2011 to discuss",
            ]
        );
        assert_eq!(
            parts("Two deadlines are foreseen for 2016: 31 March and 31 July 2016."),
            [
                "Two deadlines are foreseen for 2016",
                "31 March",
                "31 July 2016."
            ]
        );
        assert_eq!(
            parts("It was held in Seoul on May 6, 2019."),
            ["It was held in Seoul on May 6, 2019."]
        );
    }
}
