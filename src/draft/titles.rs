//! Titles: the event's name as the text gives it, else a short phrase from its clause.

use std::sync::LazyLock;

use regex::Regex;

use super::kinds::{self, KindWord, Strength};
use super::names::{described_name, event_name, extend_name_list, name_before_date_and_place};
use super::pattern;
use super::phrases::{Title, action_noun, kind_noun_title, verb_title};
use super::title_words::{CONNECTIVE, TITLE_END, first_words, upper_first};
use crate::model::event::Category;

/// The title of an event from its clause: the event's name where it has one; else what its
/// verb acted on or what its noun was of; else the clause, without its date, connectives or
/// what follows.
pub(super) fn title_of(
    clause: &str,
    kind: Option<KindWord>,
    date_range: (usize, usize),
    subject: Option<&str>,
) -> Title {
    if let Some(kind) = kind
        && let Some(title) = kind_title(clause, kind, date_range, subject)
    {
        return title;
    }
    clause_title(clause, date_range, subject)
}

/// A title said by the words around the kind's word.
fn kind_title(
    clause: &str,
    kind: KindWord,
    date_range: (usize, usize),
    subject: Option<&str>,
) -> Option<Title> {
    // "the 50th anniversary of the normalization of …": the anniversary names itself.
    static ANNIVERSARY: LazyLock<Regex> = LazyLock::new(|| {
        pattern(
            r"\b(?:\d+(?:st|nd|rd|th)|[a-z]+tieth|first|second|third|fourth|fifth|tenth|twentieth|hundredth) anniversary of [^,.;]+",
        )
    });
    if kind.category == Category::Other
        && let Some(found) = ANNIVERSARY.find(clause)
    {
        let title = upper_first(found.as_str().trim());
        return Some((title, (found.start(), found.end()), 0.75));
    }
    if let Some(title) = named_title(clause, kind, date_range) {
        return Some(title);
    }
    // "an online seminar on China-Japan industrial cooperation and development":
    // described rather than named.
    if !kind.verb
        && let Some(described) = described_name(clause, kind.range)
    {
        let title = upper_first(&clause[described.0..described.1]);
        return Some((title, described, 0.65));
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
        let title = format!("{} {word}", name.as_str().trim_end_matches([' ', ',']));
        return Some((title, (name.start(), name.end()), 0.7));
    }
    if kind.verb {
        verb_title(clause, kind, date_range, subject)
    } else {
        kind_noun_title(clause, kind, date_range)
    }
}

/// The longest name around a word of the kind ("the 2022 … Forum (formerly the … Forum)" is
/// named by the first). A verb's event is named before it ("the Sakura Science Exchange
/// Program, launched in 2014"), not by the occasion it happened at ("During Xi's state visit,
/// agreements were signed"), but for a meeting: "met … at the 8th … Ministerial Meeting".
fn named_title(clause: &str, kind: KindWord, date_range: (usize, usize)) -> Option<Title> {
    let occasion = |start: usize| OCCASION.is_match(&clause[..start]);
    let meeting_at = |w: &KindWord| {
        kind.strength == Strength::Weak
            && w.range.0 > kind.range.1
            && clause[..w.range.0].contains(" at ")
    };
    let mut names: Vec<(usize, usize)> = kinds::kind_words(clause)
        .into_iter()
        .filter(|w| !w.verb && (w.category == kind.category || kind.verb))
        .filter_map(|w| {
            let name = event_name(clause, w.range)?;
            let before_verb = w.range.1 <= kind.range.0 && !occasion(name.0);
            (!kind.verb || before_verb || meeting_at(&w)).then_some(name)
        })
        .collect();
    if !kind.verb {
        names.extend(event_name(clause, kind.range));
    }
    let name = names.into_iter().max_by_key(|&(start, end)| {
        (
            clause[start..end].split_whitespace().count(),
            std::cmp::Reverse(start),
        )
    })?;
    let name = extend_name_list(clause, name);
    let name = name_before_date_and_place(clause, name, date_range);
    let title = clause[name.0..name.1].to_owned();
    // "the Sakura Science Exchange Program, launched in 2014": the launch of it; "the forum
    // was suspended": its suspension.
    let action = (kind.verb && kind.strength == Strength::Verb)
        .then(|| action_noun(&clause[kind.range.0..kind.range.1]))
        .flatten()
        .filter(|noun| {
            matches!(
                *noun,
                "Launch" | "Resumption" | "Suspension" | "Postponement"
            )
        })
        .filter(|noun| !title.to_lowercase().contains(&noun.to_lowercase()));
    Some(match action {
        Some(noun) => {
            let the = if clause[..name.0].ends_with("the ") {
                "the "
            } else {
                ""
            };
            (format!("{noun} of {the}{title}"), name, 0.75)
        }
        None => (title, name, 0.8),
    })
}

/// Words before a name that make it the occasion of what happened, not the event.
static OCCASION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:during|at|after|before|on the (?:sidelines|margins) of|ahead of)\s+(?:the\s+)?(?:\S+\s+){0,3}$",
    )
});

/// The clause itself as a title, without its date phrase, a leading connective or what
/// follows.
fn clause_title(clause: &str, date_range: (usize, usize), subject: Option<&str>) -> Title {
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
