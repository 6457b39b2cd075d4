//! Numbers of things: "12 Chinese universities", "nearly 30 scientists", "more than 10,700
//! people attended online".

use std::sync::LazyLock;

use regex::Regex;

use super::countries::countries_in;
use super::pattern;
use crate::model::country::Country;
use crate::model::event::CountQualifier;

/// What a word before a number says of it: "over 300" is more than 300, "nearly 30" about
/// 30.
fn qualifier_of(word: &str) -> CountQualifier {
    match word.to_lowercase().as_str() {
        "over" | "more than" => CountQualifier::MoreThan,
        "at least" => CountQualifier::AtLeast,
        "up to" => CountQualifier::UpTo,
        _ => CountQualifier::About,
    }
}

/// The number a word or digits stand for: "nine", "twenty-one", "10,700", "3".
pub fn number_word(text: &str) -> Option<u64> {
    let lower = text.trim().to_ascii_lowercase();
    let digits: String = lower.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    if lower == "a dozen" || lower == "dozen" {
        return Some(12);
    }
    if let Some(i) = ONES.iter().position(|w| *w == lower) {
        return Some(i as u64);
    }
    let mut parts = lower.splitn(2, ['-', ' ']);
    let tens = TENS
        .iter()
        .position(|w| !w.is_empty() && Some(*w) == parts.next())?;
    let ones = match parts.next() {
        None => 0,
        Some(one) => ONES
            .iter()
            .position(|w| *w == one)
            .filter(|&i| (1..10).contains(&i))?,
    };
    Some((tens * 10 + ones) as u64)
}

/// Nouns that are counted as participants or outcomes of an event.
pub(super) const COUNTED: &[&str] = &[
    "universities",
    "university",
    "scientists",
    "scientist",
    "experts",
    "expert",
    "leaders",
    "presidents",
    "representatives",
    "delegates",
    "delegations",
    "participants",
    "people",
    "researchers",
    "scholars",
    "students",
    "companies",
    "enterprises",
    "firms",
    "institutions",
    "institutes",
    "officials",
    "ministers",
    "guests",
    "speakers",
    "attendees",
    "members",
    "teams",
    "schools",
    "colleges",
    "organizations",
    "organisations",
    "projects",
    "agreements",
    "conferences",
    "memorandums",
    "contracts",
    "exhibitors",
    "visitors",
    "young people",
    "academicians",
    "professors",
    "engineers",
    "entrepreneurs",
    "journalists",
    "workshops",
    "seminars",
    "forums",
    "meetings",
    "events",
    "sessions",
    "doctors",
    "technicians",
    "volunteers",
];

/// A number of things, with the country it is of, if the text says.
#[derive(Clone, Debug, PartialEq)]
pub struct CountMention {
    pub country: Option<Country>,
    pub count: u64,
    pub unit: String,
    /// "nearly 30" is about 30, "more than 10,700" a lower bound.
    pub qualifier: Option<CountQualifier>,
    pub range: (usize, usize),
}

pub(super) static NUMBER_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-[a-z]+)?|thirty(?:-[a-z]+)?|forty(?:-[a-z]+)?|fifty(?:-[a-z]+)?|sixty|seventy|eighty|ninety|a dozen)";
    let approximate = r"(?:(?P<approx>nearly|about|around|over|more than|some|almost|roughly|approximately|at least|up to|close to) )?";
    pattern(&format!(r"(?i)\b{approximate}{number}\b(?:\s|$)"))
});

/// Words that end the phrase after a number: what follows is not the counted noun.
pub(super) const PHRASE_END: [&str; 20] = [
    "and",
    "or",
    "of",
    "from",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "who",
    "that",
    "which",
    "attended",
    "participated",
    "joined",
    "took",
    "were",
    "was",
    "have",
];

/// The counts of `text`: "12 Chinese universities" is CHN 12 universities, "nearly 30
/// scientists" a total of 30 scientists, "more than 10,700 people attended online" 10,700
/// online attendees. Years, ordinals and the like are not counts.
pub fn find_counts(text: &str) -> Vec<CountMention> {
    let mut counts = Vec::new();
    // Counts whose noun comes with the next count, by where that count starts.
    let mut waiting: Vec<(usize, CountMention)> = Vec::new();
    for caps in NUMBER_PATTERN.captures_iter(text) {
        let (Some(whole), Some(n)) = (caps.get(0), caps.name("n")) else {
            continue;
        };
        let Some(count) = number_word(n.as_str()) else {
            continue;
        };
        // A year is not a count.
        if (1000..=2100).contains(&count) && n.as_str().len() == 4 {
            continue;
        }
        // The words after the number: country adjectives ("Chinese and Japanese"), then the
        // counted noun phrase, up to a word that ends it.
        let after = &text[n.end()..];
        let rest = after.trim_start();
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut at = n.end() + (after.len() - rest.len());
        for word in rest.split_inclusive(' ') {
            let bare = word.trim_end().trim_end_matches([',', '.', ';', ':', ')']);
            words.push((at, bare));
            at += word.len();
            if bare.len() != word.trim_end().len() || words.len() > 8 {
                break;
            }
        }
        let mut index = 0;
        let mut adjectives: Vec<&str> = Vec::new();
        while let Some(&(_, word)) = words.get(index) {
            let is_country = !countries_in(word).is_empty()
                && word.chars().next().is_some_and(char::is_uppercase);
            if is_country
                || ((word == "and" || word == "or")
                    && !adjectives.is_empty()
                    && words
                        .get(index + 1)
                        .is_some_and(|(_, w)| !countries_in(w).is_empty()))
            {
                adjectives.push(word);
                index += 1;
            } else {
                break;
            }
        }
        let mut noun: Vec<(usize, &str)> = Vec::new();
        while let Some(&(start, word)) = words.get(index) {
            // "research and cooperation projects": an "and" inside the phrase, when a counted
            // noun follows it closely.
            let inner_and = word == "and"
                && !noun.is_empty()
                && words[index + 1..]
                    .iter()
                    .take(3)
                    .any(|(_, w)| COUNTED.contains(w));
            let lower = word.chars().all(|c| c.is_lowercase() || c == '-');
            if word.is_empty()
                || (PHRASE_END.contains(&word) && !inner_and)
                || !lower
                || noun.len() >= 5
            {
                break;
            }
            noun.push((start, word));
            index += 1;
        }
        let country = match countries_in(&adjectives.join(" ")).as_slice() {
            [one] => Some(*one),
            // "12 Chinese and Japanese universities": a total the text does not split.
            _ => None,
        };
        let qualifier = caps.name("approx").map(|q| qualifier_of(q.as_str()));
        // "18 Korean and 22 Japanese representatives": the first count takes the next's noun.
        if noun.is_empty()
            && country.is_some()
            && matches!(words.get(index), Some((_, "and" | "or")))
            && let Some(&(next, _)) = words.get(index + 1)
        {
            let mention = CountMention {
                country,
                count,
                unit: String::new(),
                qualifier,
                range: (whole.start(), whole.end()),
            };
            waiting.push((next, mention));
            continue;
        }
        let Some(head) = noun.iter().rposition(|(_, w)| COUNTED.contains(w)) else {
            continue;
        };
        let unit_words: Vec<&str> = noun[..=head].iter().map(|(_, w)| *w).collect();
        let end = noun[head].0 + noun[head].1.len();
        let mut unit = unit_words.join(" ");
        // "10,700 people attended online": online attendees.
        if matches!(unit.as_str(), "people" | "participants" | "viewers")
            && ATTENDED_ONLINE.is_match(&text[end..])
        {
            unit = "online attendees".to_owned();
        }
        if let Some(at) = waiting.iter().position(|(next, _)| *next == whole.start()) {
            let (_, mut first) = waiting.swap_remove(at);
            first.unit.clone_from(&unit);
            counts.push(first);
        }
        counts.push(CountMention {
            country,
            count,
            unit,
            qualifier,
            range: (whole.start(), end),
        });
    }
    counts
}

/// What follows a count of people who were there online.
pub(super) static ATTENDED_ONLINE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^\s+(?:attended|joined|watched|participated)\s+(?:\w+\s+)?online"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words_and_digits() {
        assert_eq!(number_word("nine"), Some(9));
        assert_eq!(number_word("twenty-one"), Some(21));
        assert_eq!(number_word("10,700"), Some(10_700));
        assert_eq!(number_word("many"), None);
    }

    fn counts(text: &str) -> Vec<(Option<&'static str>, u64, String, bool)> {
        find_counts(text)
            .into_iter()
            .map(|c| {
                (
                    c.country.map(|c| c.code()),
                    c.count,
                    c.unit,
                    c.qualifier.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn counts_with_their_units_and_countries() {
        assert_eq!(
            counts("leaders of 12 Chinese universities and nine Japanese universities"),
            [
                (Some("CHN"), 12, "universities".to_owned(), false),
                (Some("JPN"), 9, "universities".to_owned(), false)
            ]
        );
        assert_eq!(
            counts("Nearly 30 scientists from countries took part"),
            [(None, 30, "scientists".to_owned(), true)]
        );
        assert_eq!(
            counts("more than 10,700 people attended online"),
            [(None, 10_700, "online attendees".to_owned(), true)]
        );
        assert_eq!(
            counts("researchers from 12 Chinese and Japanese universities"),
            [(None, 12, "universities".to_owned(), false)]
        );
        assert_eq!(
            counts("appointment letters to 10 strategic experts in cooperation"),
            [(None, 10, "strategic experts".to_owned(), false)]
        );
        assert_eq!(
            counts("attended by 18 Korean and 22 Japanese representatives"),
            [
                (Some("KOR"), 18, "representatives".to_owned(), false),
                (Some("JPN"), 22, "representatives".to_owned(), false)
            ]
        );
        assert!(counts("between 10 and 20 people").len() == 1);
        assert!(counts("for two years in 2020 and 2021").is_empty());
        assert!(counts("the 50th anniversary").is_empty());
    }
}
