//! Kinds of events: the words that say what happened (triggers) and what an event is, in
//! one table, mapped to the native categories; and the words of plans and of the future.

use std::sync::LazyLock;

use regex::Regex;

use super::pattern;
use crate::model::event::Category;

/// A word that says what kind of event a clause speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindWord {
    pub category: Category,
    pub range: (usize, usize),
    /// What happened to something ("was launched") rather than what it is ("a forum").
    pub verb: bool,
}

/// Every word of `clause` that says a kind of event, in order.
pub fn kind_words(clause: &str) -> Vec<KindWord> {
    static VERBS: LazyLock<Vec<(Regex, Category)>> = LazyLock::new(|| {
        [
            (r"(?i)\b(?:(?:was|were|been|be|is|are) (?:successfully |officially |temporarily )?)?(?:suspended|halted|postponed)\b|\bsuspension of\b", Category::Suspension),
            (r"(?i)\b(?:(?:was|were|been|be|is|are) (?:successfully |officially )?)?(?:resumed|revived|restarted|relaunched)\b|\bresumption of\b", Category::Resumption),
            (r"(?i)\b(?:came|come|comes|entered|enter|enters) into (?:force|effect)\b|\bsigned\b", Category::Agreement),
            (r"(?i)\b(?:was|were|been|is|are) (?:successfully |officially |jointly )?launched\b|\blaunched (?:in|on|a|an|the)\b|\blaunch of\b|\b(?:was|were|is) inaugurated\b", Category::Launch),
        ]
        .into_iter()
        .map(|(text, category)| {
            (pattern(text), category)
        })
        .collect()
    });
    static NOUNS: LazyLock<Vec<(Regex, Category)>> = LazyLock::new(|| {
        [
            (
                r"(?i)\b(?:press|news) (?:conference|briefing)s?\b",
                Category::PressConference,
            ),
            (r"(?i)\bsummit(?: meeting)?s?\b", Category::Summit),
            (r"(?i)\bforums?\b", Category::Forum),
            (
                r"(?i)\b(?:conference|congress|convention|dialogue|joint committee meeting|ministerial meeting)s?\b",
                Category::Conference,
            ),
            (
                r"(?i)\b(?:seminar|symposium|symposia|workshop|webinar|colloquium)s?\b",
                Category::Seminar,
            ),
            (
                r"(?i)\bexchange program(?:me)?s?\b",
                Category::ExchangeProgram,
            ),
            (
                r"(?i)\b(?:agreement|memorandum of understanding|MoU|treaty|accord)s?\b",
                Category::Agreement,
            ),
            (r"(?i)\banniversary\b", Category::Other),
        ]
        .into_iter()
        .map(|(text, category)| (pattern(text), category))
        .collect()
    });
    let agreement_named = NOUNS[6].0.is_match(clause);
    let mut words: Vec<KindWord> = Vec::new();
    for (list, verb) in [(&*VERBS, true), (&*NOUNS, false)] {
        for (pattern, category) in list.iter() {
            for found in pattern.find_iter(clause) {
                // "signed" makes an agreement only when an agreement is named.
                if verb
                    && *category == Category::Agreement
                    && found.as_str().eq_ignore_ascii_case("signed")
                    && !agreement_named
                {
                    continue;
                }
                // "press conference" is not also a conference.
                let inside = words
                    .iter()
                    .any(|w| w.range.0 <= found.start() && found.end() <= w.range.1);
                if !inside {
                    words.push(KindWord {
                        category: *category,
                        range: (found.start(), found.end()),
                        verb,
                    });
                }
            }
        }
    }
    words.sort_by_key(|w| w.range.0);
    words
}

/// The kind of event a clause speaks of: the verb nearest `date_at` (what happened then),
/// else the noun nearest before the verb that says something happened ("the Forum … was
/// held"), else the first noun.
pub fn kind_near(clause: &str, date_at: Option<usize>) -> Option<KindWord> {
    let words = kind_words(clause);
    let distance = |w: &KindWord, at: usize| w.range.0.abs_diff(at).min(w.range.1.abs_diff(at));
    if let Some(verb) = words
        .iter()
        .filter(|w| w.verb)
        .min_by_key(|w| date_at.map_or(w.range.0, |at| distance(w, at)))
    {
        return Some(*verb);
    }
    // The verb saying something happened that is nearest the date, else the first one.
    let mut cues = EVENT_CUE.find_iter(clause).map(|m| m.start());
    let cue_at = match date_at {
        Some(at) => cues.min_by_key(|c| c.abs_diff(at)),
        None => cues.next(),
    };
    let nouns = words.iter().filter(|w| !w.verb);
    match cue_at {
        Some(cue) => nouns
            .clone()
            .filter(|w| w.range.1 <= cue)
            .max_by_key(|w| w.range.1)
            .or_else(|| nouns.clone().next())
            .copied(),
        None => nouns.clone().next().copied(),
    }
}

/// The kind of event a clause speaks of, and where its word is.
pub fn kind_of(clause: &str) -> Option<(Category, (usize, usize))> {
    kind_near(clause, None).map(|w| (w.category, w.range))
}

/// Words saying that something happened: without one, a date in a sentence is not an event.
pub static EVENT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:held|hold|holds|took place|take place|takes place|opened|convened|hosted|host|organi[sz]ed|co-organi[sz]ed|attended|met|meet|gathered|signed|launched|came into force|entered into force|inaugurated|started|began|begins|established|suspended|resumed|resume|resumption|celebrat\w+|marks?|carried|visited|joined|participated|held|kicked off|unveiled)\b",
    )
});

/// Words that make a sentence about a plan or a forecast, not an event.
pub static NOT_AN_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:is forecast|are forecast|forecasts?|expected to|aims? to|goal of|plans? to|primed for|would like to|(?:it is|is|are) hoped|hopes? that|hoping to)\b",
    )
});

/// Words that put an event in the future ("will be held").
pub static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:will|shall|is to be|are to be|is scheduled|are scheduled|is slated|upcoming)\b",
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_the_words_used() {
        let kind = |text: &str| kind_of(text).map(|(k, _)| k.key());
        assert_eq!(
            kind("The forum was suspended for two years"),
            Some("suspension")
        );
        assert_eq!(
            kind("and was set to be resumed in May 2022"),
            Some("resumption")
        );
        assert_eq!(
            kind("The RCEP agreement came into force on January 1"),
            Some("agreement")
        );
        assert_eq!(
            kind("the exchange program was launched in 2019"),
            Some("launch")
        );
        assert_eq!(kind("In a conference a week ago"), Some("conference"));
        assert_eq!(
            kind("the 2024 International Forum on Regional Cooperation"),
            Some("forum")
        );
        assert_eq!(
            kind("an online seminar on industrial cooperation"),
            Some("seminar")
        );
        assert_eq!(
            kind("the SCIO press conference on innovation"),
            Some("press_conference")
        );
        assert_eq!(
            kind("Leaders attended the Ninth Trilateral Summit Meeting"),
            Some("summit")
        );
        assert_eq!(kind("The weather was fine"), None);
    }
}
