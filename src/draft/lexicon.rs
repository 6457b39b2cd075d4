//! The words the drafter knows: countries by name, demonym and adjective ("Sino-Japanese",
//! "the ROK", "Chinese universities"), kinds of events, numbers in words, and the nouns that
//! are counted.

use std::sync::LazyLock;

use regex::Regex;

use super::pattern;

use crate::model::country::Country;
use crate::model::event::Category;

/// Names, demonyms and adjectives of countries, as they appear in news English. Longer
/// names first, so that "South Korea" is not read as "Korea".
const COUNTRY_WORDS: &[(&str, &str)] = &[
    ("People's Republic of China", "CHN"),
    ("Republic of Korea", "KOR"),
    ("Democratic People's Republic of Korea", "PRK"),
    ("South Korean", "KOR"),
    ("North Korean", "PRK"),
    ("South Korea", "KOR"),
    ("North Korea", "PRK"),
    ("United States", "USA"),
    ("United Kingdom", "GBR"),
    ("New Zealand", "NZL"),
    ("Saudi Arabia", "SAU"),
    ("South Africa", "ZAF"),
    ("South African", "ZAF"),
    ("Sri Lanka", "LKA"),
    ("Czech Republic", "CZE"),
    ("Hong Kong", "HKG"),
    ("China", "CHN"),
    ("Chinese", "CHN"),
    ("PRC", "CHN"),
    ("Japan", "JPN"),
    ("Japanese", "JPN"),
    ("Korea", "KOR"),
    ("Korean", "KOR"),
    ("ROK", "KOR"),
    ("DPRK", "PRK"),
    ("U.S.", "USA"),
    ("US", "USA"),
    ("USA", "USA"),
    ("America", "USA"),
    ("American", "USA"),
    ("UK", "GBR"),
    ("Britain", "GBR"),
    ("British", "GBR"),
    ("France", "FRA"),
    ("French", "FRA"),
    ("Germany", "DEU"),
    ("German", "DEU"),
    ("India", "IND"),
    ("Indian", "IND"),
    ("Russia", "RUS"),
    ("Russian", "RUS"),
    ("Australia", "AUS"),
    ("Australian", "AUS"),
    ("Canada", "CAN"),
    ("Canadian", "CAN"),
    ("Italy", "ITA"),
    ("Italian", "ITA"),
    ("Spain", "ESP"),
    ("Spanish", "ESP"),
    ("Netherlands", "NLD"),
    ("Dutch", "NLD"),
    ("Sweden", "SWE"),
    ("Swedish", "SWE"),
    ("Switzerland", "CHE"),
    ("Swiss", "CHE"),
    ("Singapore", "SGP"),
    ("Singaporean", "SGP"),
    ("Vietnam", "VNM"),
    ("Viet Nam", "VNM"),
    ("Vietnamese", "VNM"),
    ("Thailand", "THA"),
    ("Thai", "THA"),
    ("Indonesia", "IDN"),
    ("Indonesian", "IDN"),
    ("Malaysia", "MYS"),
    ("Malaysian", "MYS"),
    ("Philippines", "PHL"),
    ("Philippine", "PHL"),
    ("Filipino", "PHL"),
    ("Mongolia", "MNG"),
    ("Mongolian", "MNG"),
    ("Kazakhstan", "KAZ"),
    ("Pakistan", "PAK"),
    ("Pakistani", "PAK"),
    ("Bangladesh", "BGD"),
    ("Nepal", "NPL"),
    ("Cambodia", "KHM"),
    ("Laos", "LAO"),
    ("Myanmar", "MMR"),
    ("Brazil", "BRA"),
    ("Brazilian", "BRA"),
    ("Mexico", "MEX"),
    ("Mexican", "MEX"),
    ("Argentina", "ARG"),
    ("Chile", "CHL"),
    ("Egypt", "EGY"),
    ("Egyptian", "EGY"),
    ("Nigeria", "NGA"),
    ("Kenya", "KEN"),
    ("Ethiopia", "ETH"),
    ("Turkey", "TUR"),
    ("Türkiye", "TUR"),
    ("Turkish", "TUR"),
    ("Israel", "ISR"),
    ("Israeli", "ISR"),
    ("Iran", "IRN"),
    ("Iranian", "IRN"),
    ("UAE", "ARE"),
    ("Poland", "POL"),
    ("Polish", "POL"),
    ("Finland", "FIN"),
    ("Finnish", "FIN"),
    ("Norway", "NOR"),
    ("Norwegian", "NOR"),
    ("Denmark", "DNK"),
    ("Danish", "DNK"),
    ("Belgium", "BEL"),
    ("Austria", "AUT"),
    ("Portugal", "PRT"),
    ("Greece", "GRC"),
    ("Ireland", "IRL"),
    ("Ukraine", "UKR"),
    ("Ukrainian", "UKR"),
    ("Hungary", "HUN"),
    ("Serbia", "SRB"),
    ("Taiwan", "TWN"),
];

/// `Sino-` in a compound names China: "Sino-Japanese", "Sino-French", "Sino-US".
static COUNTRY_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = COUNTRY_WORDS.iter().map(|(w, _)| *w).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternatives: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    pattern(&format!(r"\b(?:Sino|{})\b", alternatives.join("|")))
});

/// Every country `text` names, with where; "Sino-" counts as China.
pub fn find_countries(text: &str) -> Vec<(Country, (usize, usize))> {
    COUNTRY_PATTERN
        .find_iter(text)
        .filter_map(|m| {
            let word = m.as_str();
            // "US" and "UK" only in capitals, never "us".
            let code = if word == "Sino" {
                "CHN"
            } else {
                COUNTRY_WORDS.iter().find(|(w, _)| *w == word)?.1
            };
            Some((Country::parse(code).ok()?, (m.start(), m.end())))
        })
        .collect()
}

/// The countries of `text`, each once, in order of first mention.
pub fn countries_in(text: &str) -> Vec<Country> {
    let mut countries = Vec::new();
    for (country, _) in find_countries(text) {
        if !countries.contains(&country) {
            countries.push(country);
        }
    }
    countries
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

/// Nouns that are counted as participants or outcomes of an event.
const COUNTED: &[&str] = &[
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
    /// "nearly 30", "more than 10,700".
    pub approximate: bool,
    pub range: (usize, usize),
}

static NUMBER_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    let number = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-[a-z]+)?|thirty(?:-[a-z]+)?|forty(?:-[a-z]+)?|fifty(?:-[a-z]+)?|sixty|seventy|eighty|ninety|a dozen)";
    let approximate = r"(?:(?P<approx>nearly|about|around|over|more than|some|almost|roughly|approximately|at least|up to|close to) )?";
    pattern(&format!(r"(?i)\b{approximate}{number}\b(?:\s|$)"))
});

/// Words that end the phrase after a number: what follows is not the counted noun.
const PHRASE_END: [&str; 20] = [
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
        let approximate = caps.name("approx").is_some();
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
                approximate,
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
            approximate,
            range: (whole.start(), end),
        });
    }
    counts
}

/// What follows a count of people who were there online.
static ATTENDED_ONLINE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"^\s+(?:attended|joined|watched|participated)\s+(?:\w+\s+)?online"));

/// A person named with a role: "Dai Gang, director general of department of international
/// cooperation of the Ministry of Science and Technology".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    pub name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub range: (usize, usize),
}

static PERSON_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    // A name of two or three capitalised words (hyphens allowed), then a role in lower case
    // or title case, then "of" or "at" an organisation.
    pattern(
        r"(?:^|[.;,] |\band |\bby |\bsaid |\bProfessor |\bDr\. )(?P<name>[A-Z][a-z]+(?:-[A-Za-z]+)? [A-Z][a-zA-Z]+(?:-[a-z]+)?(?: [A-Z][a-z]+)?), (?:the )?(?P<role>(?:[a-zA-Z-]+ ){0,5}?(?:director|director-general|director general|president|vice president|chairman|chairwoman|chair|minister|secretary-general|secretary general|representative|researcher|professor|head|dean|ambassador|governor|mayor|chief|member|fellow|spokesperson|spokesman|spokeswoman|commissioner|officer|executive|editor|scholar|founder|ceo|CEO|president))(?:,? (?:of|at|from) (?:the )?(?P<org>[^,;.]*?))?(?:,|;|\.|$| said| made| noted| awarded)",
    )
});

/// The people `text` names with their role.
pub fn find_people(text: &str) -> Vec<PersonMention> {
    PERSON_PATTERN
        .captures_iter(text)
        .filter_map(|caps| {
            let name = caps.name("name")?;
            // Organisations look like names too: "Science Daily, the president of…" is rare,
            // but "The forum, …" is not a person.
            if matches!(
                name.as_str().split(' ').next(),
                Some("The" | "In" | "At" | "On" | "A")
            ) {
                return None;
            }
            let end = caps.get(0).map_or(name.end(), |m| m.end());
            Some(PersonMention {
                name: name.as_str().to_owned(),
                role: caps.name("role").map(|r| r.as_str().trim().to_owned()),
                organization: caps
                    .name("org")
                    .map(|o| o.as_str().trim().to_owned())
                    .filter(|o| !o.is_empty()),
                range: (name.start(), end),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        countries_in(text).iter().map(|c| c.code()).collect()
    }

    #[test]
    fn countries_by_name_demonym_and_compound() {
        assert_eq!(codes("Sino-Japanese cooperation"), ["CHN", "JPN"]);
        assert_eq!(
            codes("China, Japan and the Republic of Korea (ROK)"),
            ["CHN", "JPN", "KOR"]
        );
        assert_eq!(codes("12 Chinese universities"), ["CHN"]);
        assert_eq!(codes("the Sino-French satellite"), ["CHN", "FRA"]);
        assert_eq!(codes("between South Korea and the US"), ["KOR", "USA"]);
        assert_eq!(codes("let us go"), Vec::<&str>::new());
    }

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
            .map(|c| (c.country.map(|c| c.code()), c.count, c.unit, c.approximate))
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

    #[test]
    fn people_with_role_and_organisation() {
        let people = find_people(
            "said Dai Gang, director general of department of international cooperation of the Ministry of Science and Technology.",
        );
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Dai Gang");
        assert_eq!(people[0].role.as_deref(), Some("director general"));
        assert!(
            people[0]
                .organization
                .as_deref()
                .is_some_and(|o| o.ends_with("Ministry of Science and Technology")),
            "{people:?}"
        );
        let cheng = find_people(
            "Cheng Yonghua, executive vice president of China-Japan Friendship Association, said at the conference",
        );
        assert_eq!(cheng[0].name, "Cheng Yonghua");
        assert_eq!(
            cheng[0].organization.as_deref(),
            Some("China-Japan Friendship Association")
        );
    }
}
