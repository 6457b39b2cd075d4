//! Names of events: the capitalised words around the word that says an event's kind
//! ("the Ninth Trilateral Summit Meeting"), where a name ends, and events described rather
//! than named.

use std::sync::LazyLock;

use regex::Regex;

use super::countries::countries_in;
use super::fields::place_of;
use super::pattern;

/// Words a name of an event is made of: capitalised words, numbers, and the small words
/// between them.
pub(super) fn is_name_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| {
        c == '(' || c == ')' || c == '"' || c == '\'' || c == '“' || c == '”'
    });
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

pub(super) fn is_joining_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "and" | "on" | "for" | "in" | "the" | "de" | "&"
    )
}

/// The name of the event around the word that says its kind: "2024 International Forum on
/// Regional Cooperation and Development of China", "Ninth Trilateral Summit Meeting", "the 8th
/// Science, Technology and Innovation (STI) Ministerial Meeting".
pub(super) fn event_name(clause: &str, kind_range: (usize, usize)) -> Option<(usize, usize)> {
    let words = NameWords::new(clause);
    let kind_first = words.at(kind_range.0)?;
    let kind_last = words
        .at(kind_range.1.saturating_sub(1))
        .unwrap_or(kind_first);
    let capitalised = is_name_word(words.text(kind_first));
    // A kind in lower case names an event after a name: "the Seoul-Tokyo summit", "a
    // China-Japan university forum".
    if !capitalised && !words.named_before(kind_first) {
        return None;
    }
    let mut first = kind_first;
    while first > 0 && words.joined(first - 1, first) {
        let previous = words.text(first - 1);
        let bridge = !capitalised
            && first == kind_first
            && previous.chars().all(char::is_lowercase)
            && !FUNCTION_WORDS.contains(&previous);
        let joins_names = is_joining_word(previous)
            && first >= 2
            && words.joined(first - 2, first - 1)
            && is_name_word(words.text(first - 2));
        if !(is_name_word(previous) || bridge || joins_names) {
            break;
        }
        first -= 1;
    }
    let mut last = kind_last;
    while capitalised && last + 1 < words.len() && words.joined(last, last + 1) {
        let next = words.text(last + 1);
        let name_after = last + 2 < words.len()
            && words.joined(last + 1, last + 2)
            && is_name_word(words.text(last + 2));
        if !(is_name_word(next) || (is_joining_word(next) && name_after)) {
            break;
        }
        last += 1;
    }
    // Not "the" at the start.
    while first < last && {
        let word = words.text(first);
        is_joining_word(word) || FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
    } {
        first += 1;
    }
    let (start, mut end) = (words.spans[first].0, words.spans[last].1);
    // An acronym in brackets at the end keeps its closing bracket.
    if clause[end..].starts_with(')') && clause[..words.spans[last].0].ends_with('(') {
        end += 1;
    }
    (clause[start..end].split_whitespace().count() >= 2).then_some((start, end))
}

/// A clause's words, and what joins them into one name.
struct NameWords<'a> {
    clause: &'a str,
    spans: Vec<(usize, usize)>,
}

impl<'a> NameWords<'a> {
    fn new(clause: &'a str) -> Self {
        let spans = clause.split_word_bound_indices_ascii().collect();
        Self { clause, spans }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn text(&self, index: usize) -> &'a str {
        let (start, end) = self.spans[index];
        &self.clause[start..end]
    }

    /// The word at byte `at`.
    fn at(&self, at: usize) -> Option<usize> {
        (self.spans.iter()).position(|&(start, end)| start <= at && at < end.max(start + 1))
    }

    /// A capitalised word, or one and a lowercase word, before the kind's word.
    fn named_before(&self, kind: usize) -> bool {
        let part =
            |w: &str| is_name_word(w) && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str());
        (1..=2).any(|back| {
            kind >= back
                && part(self.text(kind - back))
                && (back == 1 || {
                    let bridge = self.text(kind - 1);
                    bridge.chars().all(char::is_lowercase) && !FUNCTION_WORDS.contains(&bridge)
                })
        })
    }

    /// Whether words `a` and `a + 1` belong to one name: nothing but spaces between them, an
    /// acronym in brackets ("Innovation (STI) Ministerial"), or the comma of a list of names
    /// that ends in "and" ("Science, Technology and Innovation").
    fn joined(&self, a: usize, b: usize) -> bool {
        let between = &self.clause[self.spans[a].1..self.spans[b].0];
        if !between.contains([',', ';', '(', ')', '“', '”', '"', ':']) {
            return true;
        }
        let acronym = |w: &str| {
            (2..=10).contains(&w.len())
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        };
        match between.trim() {
            "(" => acronym(self.text(b)) && self.clause[self.spans[b].1..].starts_with(')'),
            ")" => acronym(self.text(a)) && self.clause[..self.spans[a].0].ends_with('('),
            "," => {
                is_name_word(self.text(a)) && SERIAL_LIST.is_match(&self.clause[self.spans[b].0..])
            }
            _ => false,
        }
    }
}

/// The rest of a list of capitalised names after a comma: "Technology and Innovation".
static SERIAL_LIST: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^[A-Z][\w-]*(?:, [A-Z][\w-]*)*,? and [A-Z]"));

/// Word spans split on spaces, keeping hyphens and apostrophes inside words.
pub(super) trait WordBounds {
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

/// Small words that are no part of a name, even with a capital at the start of a sentence.
pub(super) const FUNCTION_WORDS: [&str; 26] = [
    "a", "an", "the", "this", "that", "these", "its", "their", "our", "his", "her", "in", "at",
    "on", "for", "with", "by", "from", "during", "after", "before", "since", "under", "and", "of",
    "to",
];

/// A name ends where the date or the place begins: "Space Dialogue in New Delhi on
/// November 8" is the "Space Dialogue".
pub(super) fn name_before_date_and_place(
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
pub(super) fn extend_name_list(clause: &str, name: (usize, usize)) -> (usize, usize) {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"^(?:, (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*)+,? and (?:the )?[A-Z][\w'-]*(?: (?:of )?[A-Z][\w'-]*)*",
        )
    });
    match LIST.find(&clause[name.1..]) {
        Some(found) if !countries_in(found.as_str()).is_empty() => (name.0, name.1 + found.end()),
        _ => name,
    }
}

/// "an online seminar on China-Japan industrial cooperation and development": the kind word,
/// a word or two before it, and what it was on.
pub(super) fn described_name(clause: &str, kind_range: (usize, usize)) -> Option<(usize, usize)> {
    static ON_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"^ (?:on|about|for) [^,.;()]+?(?:[,.;(]| (?:co-organi|organi|held|hosted|attended|jointly|was|were|is|are|will|has|have)|$)",
        )
    });
    static TOPIC_END: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"(?:[,.;(]| (?:co-organi|organi|held|hosted|attended|jointly|was|were|is|are|will|has|have))$",
        )
    });
    let topic = ON_TOPIC.find(&clause[kind_range.1..])?;
    let topic_text = TOPIC_END.replace(topic.as_str(), "");
    let topic_text = topic_text.as_ref();
    let end = kind_range.1 + topic_text.len();
    // One or two describing words before the kind ("online", "high-level").
    let before = &clause[..kind_range.0];
    let mut start = kind_range.0;
    for word in before.split_whitespace().rev().take(2) {
        let lower = word.to_lowercase();
        if matches!(lower.as_str(), "a" | "an" | "the" | "at" | "in" | "of") || word.ends_with(',')
        {
            break;
        }
        start = before[..start.min(before.len())]
            .rfind(word)
            .unwrap_or(start);
    }
    (clause[start..end].split_whitespace().count() >= 3).then_some((start, end))
}
