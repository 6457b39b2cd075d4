//! A phrase made a title: short, ending where a phrase ends, capitalised, never cut in a word
//! and never with an ellipsis.

use std::sync::LazyLock;

use regex::Regex;

use super::pattern;

/// Words that start a clause without being part of what happened.
pub(super) static CONNECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?i:(?:in addition|additionally|also|earlier|meanwhile|moreover|furthermore|besides|however|then|later|finally|first|second|third),?\s+)",
    )
});

/// Where a clause's title ends: before what explains or follows the event.
pub(super) static TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r",? (?:which|creating|marking|highlighting|making|due to|to invite|to share|as part of|so as to)\b|, a |, an |, the [a-z]|, [a-z]+ing\b",
    )
});

/// A title's length at most, in words.
const MAX_TITLE_WORDS: usize = 14;

/// Words after which a title does not end.
const OPEN_ENDINGS: [&str; 24] = [
    "a", "an", "the", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from",
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "will",
];

/// Words before which a phrase can end.
const PHRASE_BREAKS: [&str; 14] = [
    "in", "on", "at", "for", "with", "by", "to", "under", "during", "after", "before", "and",
    "from", "as",
];

/// Whether a phrase can end before `words[i]`: a preposition, or an "and" that does not join
/// two names ("Kenya and the People's Republic of China" is one phrase).
fn phrase_breaks_at(words: &[&str], i: usize) -> bool {
    let word = words[i].to_lowercase();
    if word == "and" {
        let next = words.get(i + 1).copied().unwrap_or("");
        let next = if next == "the" {
            words.get(i + 2).copied().unwrap_or("")
        } else {
            next
        };
        return !next.chars().next().is_some_and(char::is_uppercase);
    }
    PHRASE_BREAKS.contains(&word.as_str())
}

/// `text` as a short title: without a leading bullet or number, at most
/// [`MAX_TITLE_WORDS`] words ending where a phrase ends, capitalised, never cut in a word and
/// never with an ellipsis.
pub(super) fn first_words(text: &str) -> String {
    let text = text.trim_start_matches(['•', '·', '-', '–', '*', ' ', '\u{a0}']);
    let text = BULLET.replace(text, "");
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > MAX_TITLE_WORDS {
        // The last phrase break before the limit, else the limit.
        let cut = (3..MAX_TITLE_WORDS)
            .rev()
            .find(|&i| phrase_breaks_at(&words, i))
            .unwrap_or(MAX_TITLE_WORDS);
        words.truncate(cut);
    }
    while words.len() > 1
        && words.last().is_some_and(|w| {
            OPEN_ENDINGS.contains(&w.trim_end_matches([',', ';', ':']).to_lowercase().as_str())
        })
    {
        words.pop();
    }
    let title = words.join(" ");
    let title = title.trim_end_matches([',', ';', ':', '(', ' ']);
    upper_first(
        title
            .strip_prefix("A ")
            .or_else(|| title.strip_prefix("An "))
            .unwrap_or(title),
    )
}

/// A list number or letter before a clause: "1. ", "a) ", "(3) ", "According to the above, ".
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"^(?:\(?\d{1,2}[.)]\s+|\(?[a-h][.)]\s+|(?i:according to the above|as mentioned above),?\s+)",
    )
});

pub(super) use crate::text::upper_first;

/// "The Sino-French satellite" as "the Sino-French satellite", for "Launch of …"; names
/// ("China's …") keep their capital.
pub(super) fn lower_first(text: &str) -> String {
    match text.split_once(' ') {
        Some((first, rest)) if matches!(first, "The" | "A" | "An") => {
            format!("{} {rest}", first.to_lowercase())
        }
        _ => text.to_owned(),
    }
}
