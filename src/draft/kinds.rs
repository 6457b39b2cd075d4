//! Kinds of events: the words that say what happened (triggers) and what an event is, in
//! one table, mapped to the native categories; and the words of plans and of the future.

use std::sync::LazyLock;

use regex::Regex;

use super::pattern;
use crate::model::event::Category;

/// How strongly a word says what kind of event it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// A general word ("met", "meeting", "visited"): the kind only when nothing else says it.
    Weak,
    /// What an event is: "a forum", "the memorandum".
    Noun,
    /// What happened: "was launched", "signed", "resumed".
    Verb,
}

/// A word that says what kind of event a clause speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindWord {
    pub category: Category,
    pub range: (usize, usize),
    /// What happened to something ("was launched") rather than what it is ("a forum").
    pub verb: bool,
    pub strength: Strength,
}

use Category::*;
use Strength::{Noun, Verb, Weak};

/// The words of each kind, in one table: what happened (verbs), what an event is (nouns) and
/// general words, each mapped to the native category. Earlier rows win where words overlap
/// ("press conference" is not also a conference).
const KIND_TABLE: &[(&str, Category, Strength)] = &[
    (
        r"\b(?:(?:was|were|been|be|is|are) (?:successfully |officially |temporarily )?)?(?:suspended|halted|postponed)\b|\bsuspension of\b",
        Suspension,
        Verb,
    ),
    (
        r"\b(?:(?:was|were|been|be|is|are) (?:successfully |officially )?)?(?:resumed|revived|restarted|relaunched)\b|\bresumption of\b",
        Resumption,
        Verb,
    ),
    (
        r"\b(?:came|come|comes|entered|enter|enters) into (?:force|effect)\b|\bsigned\b|\bsigning of\b",
        Agreement,
        Verb,
    ),
    (
        r"\b(?:published|issued|launched|opened|announced) (?:a |an |the |its )?(?:first |new |second |third |joint |open )?calls? for (?:proposals|applications)\b",
        Launch,
        Verb,
    ),
    (
        r"\bannounced the (?:creation|launch|establishment|opening) of\b|\b(?:commence|begin|start) (?:support|funding) for\b|\bselected for funding\b",
        Launch,
        Verb,
    ),
    (
        r"\b(?:was|were|been|is|are) (?:successfully |officially |jointly )?(?:launched|established|founded|set up)\b|\blaunched (?:in|on|a|an|the)\b|\blaunch of\b|\b(?:was|were|is) inaugurated\b|\binaugurated the\b",
        Launch,
        Verb,
    ),
    (
        r"\b(?:press|news|media) (?:conference|briefing)s?\b",
        PressConference,
        Noun,
    ),
    (
        r"\bsummit(?: meeting| talks)?s?\b|\bstate visit\b",
        Summit,
        Noun,
    ),
    (r"\bforums?\b", Forum, Noun),
    (
        r"\b(?:conference|congress|convention|dialogue|joint committee meeting|ministerial meeting|round-?table)s?\b|\b(?:joint|steering|standing|coordinating|intergovernmental|mixed) (?:steering )?committee\b",
        Conference,
        Noun,
    ),
    (
        r"\b(?:seminar|symposium|symposia|workshop|webinar|colloquium)s?\b",
        Seminar,
        Noun,
    ),
    (r"\bexchange program(?:me)?s?\b", ExchangeProgram, Noun),
    (
        r"\b(?:agreement|memorandum of understanding|memoranda of understanding|MoU|treaty|accord|protocol|letter of intent)s?\b",
        Agreement,
        Noun,
    ),
    (
        r"\b(?:inaugural|opening|launch|groundbreaking) ceremony\b|\b(?:official )?opening of the\b|\binauguration\b|\bcalls? for proposals\b",
        Launch,
        Noun,
    ),
    (
        r"\banniversary\b|\bdeadlines?\b|\bpresidency\b|\b(?:cruise|expedition|voyage)s?\b|\b[Yy]ears? of (?:[A-Z][\w-]*|scientific|science|cooperation)",
        Other,
        Noun,
    ),
    (
        r"\b(?:have |has )?(?:met|convened)\b|\bmeetings?\b|\btalks\b",
        Conference,
        Weak,
    ),
    (r"\bvisited\b", Other, Weak),
    (r"\bclosed\b", Other, Weak),
];

/// The table's patterns, made once.
static KIND_PATTERNS: LazyLock<Vec<(Regex, Category, Strength)>> = LazyLock::new(|| {
    KIND_TABLE
        .iter()
        .map(|&(text, category, strength)| (pattern(&format!("(?i){text}")), category, strength))
        .collect()
});

/// Heads of state and government: a meeting or a visit of theirs is a summit.
static HEADS: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"\b(?:President|Prime Minister|Premier|Chancellor|King|Queen|Emperor|heads of (?:state|government)|leaders)\b",
    )
});

/// Every word of `clause` that says a kind of event, in order.
pub fn kind_words(clause: &str) -> Vec<KindWord> {
    let agreement_named = KIND_PATTERNS.iter().any(|(re, category, strength)| {
        *category == Agreement && *strength == Noun && re.is_match(clause)
    });
    let heads = HEADS.is_match(clause);
    let mut words: Vec<KindWord> = Vec::new();
    for (pattern, category, strength) in KIND_PATTERNS.iter() {
        for found in pattern.find_iter(clause) {
            let word = found.as_str().to_lowercase();
            // "signed" makes an agreement only when an agreement is named.
            if *category == Agreement && *strength == Verb && !agreement_named {
                continue;
            }
            // A meeting, talks or a visit of heads of state is a summit.
            let category = match (*strength, *category) {
                (Weak, Conference | Other) if heads && !word.ends_with("closed") => Summit,
                (Weak, Other) if word == "visited" => continue,
                _ => *category,
            };
            let inside =
                (words.iter()).any(|w| w.range.0 < found.end() && found.start() < w.range.1);
            if !inside {
                // General words that say what happened ("met", "visited") are verbs too.
                let verb = *strength == Verb
                    || (*strength == Weak
                        && !word.ends_with("ing")
                        && !word.ends_with("ings")
                        && word != "talks");
                words.push(KindWord {
                    category,
                    range: (found.start(), found.end()),
                    verb,
                    strength: *strength,
                });
            }
        }
    }
    words.sort_by_key(|w| w.range.0);
    words
}

/// The kind of event a clause speaks of: the verb nearest `date_at` (what happened then),
/// else the noun nearest before the verb that says something happened ("the Forum … was
/// held"), else the noun nearest the date, else a general word.
pub fn kind_near(clause: &str, date_at: Option<usize>) -> Option<KindWord> {
    let words = kind_words(clause);
    let distance = |w: &KindWord, at: usize| w.range.0.abs_diff(at).min(w.range.1.abs_diff(at));
    let nearest = |strength: Strength| {
        (words.iter())
            .filter(move |w| w.strength == strength)
            .min_by_key(|w| date_at.map_or(w.range.0, |at| distance(w, at)))
            .copied()
    };
    if let Some(verb) = nearest(Verb) {
        return Some(verb);
    }
    // A general verb right before the date says what happened then: "which closed in
    // January 2016", "visited India in April 2005".
    if let Some(at) = date_at
        && let Some(weak) = words
            .iter()
            .filter(|w| w.strength == Weak && w.verb)
            .find(|w| w.range.1 <= at && clause[w.range.1..at].split_whitespace().count() <= 3)
    {
        return Some(*weak);
    }
    // The verb saying something happened that is nearest the date, else the first one.
    let mut cues = EVENT_CUE.find_iter(clause).map(|m| (m.start(), m.end()));
    let cue = match date_at {
        Some(at) => cues.min_by_key(|c| c.0.abs_diff(at)),
        None => cues.next(),
    };
    let nouns = || words.iter().filter(|w| w.strength == Noun);
    let noun = match cue {
        // "to hold a joint workshop": what the verb holds, right after it (not "held
        // during the forum", which says when).
        Some((_, cue_end))
            if let Some(object) = nouns().find(|w| held_object(clause, cue_end, w)) =>
        {
            Some(*object)
        }
        // "the Forum … was held": what was held, before the verb.
        Some((cue_start, _)) => nouns()
            .filter(|w| w.range.1 <= cue_start)
            .max_by_key(|w| w.range.1)
            .or_else(|| nouns().next())
            .copied(),
        None => nearest(Noun),
    };
    noun.or_else(|| nearest(Weak))
}

/// Whether `noun` is what the verb ending at `cue_end` acts on: a few words after it, with
/// no preposition between.
fn held_object(clause: &str, cue_end: usize, noun: &KindWord) -> bool {
    const PREPOSITIONS: [&str; 10] = [
        "during", "at", "in", "on", "by", "of", "for", "with", "after", "before",
    ];
    noun.range.0 >= cue_end && {
        let between: Vec<&str> = clause[cue_end..noun.range.0].split_whitespace().collect();
        between.len() <= 3
            && !between
                .iter()
                .any(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()))
    }
}

/// The kind of event a clause speaks of, and where its word is.
pub fn kind_of(clause: &str) -> Option<(Category, (usize, usize))> {
    kind_near(clause, None).map(|w| (w.category, w.range))
}

/// Words saying that something happened: without one, a date in a sentence is not an event.
pub static EVENT_CUE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:held|hold|holds|took place|take place|takes place|opened|convened|hosted|host|organi[sz]ed|co-organi[sz]ed|attended|met|meet|gathered|signed|launched|came into force|entered into force|inaugurated|started|began|begins|established|suspended|resumed|resume|resumption|celebrat\w+|mark(?:s|ed|ing)?|carried|visited|joined|participated|kicked off|unveiled|published|issued|announced|adopted|closed|leaves?|depart(?:s|ed)?|sail(?:s|ed)?|foreseen|scheduled)\b",
    )
});

/// Words that make a sentence about a plan or a forecast, not an event.
pub static NOT_AN_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:is forecast|are forecast|forecasts?|expected to|aims? to|goal of|plans? to|primed for|would like to|(?:it is|is|are) hoped|hopes? (?:that|to)|hoping to|wish(?:es)? to|intends? to|looks? forward to|looking forward to|seeks? to)\b",
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
