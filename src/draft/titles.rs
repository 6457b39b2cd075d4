//! Titles: the event's name as the text gives it, else a short phrase from its clause.

use std::sync::LazyLock;

use regex::Regex;

use super::countries::countries_in;
use super::fields::place_of;
use super::kinds::{self, KindWord};
use super::pattern;
use crate::model::event::Category;

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
/// Regional Cooperation and Development of China", "Ninth Trilateral Summit Meeting".
pub(super) fn event_name(clause: &str, kind_range: (usize, usize)) -> Option<(usize, usize)> {
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

/// The title of an event from its clause: the event's name where it has one; for a launch,
/// what was launched; else the clause, without its date, connectives or what follows.
pub(super) fn title_of(
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
        let mut names: Vec<(usize, usize)> = kinds::kind_words(clause)
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
pub(super) fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut title = upper_first(&words[..words.len().min(18)].join(" "));
    if words.len() > 18 {
        title.push('…');
    }
    title
}

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

pub(super) fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::kinds::kind_near;

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
}
