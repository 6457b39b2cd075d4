//! Countries: ISO 3166-1 alpha-3 codes and their English names.

use std::fmt;

use isocountry::CountryCode;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 3166-1 alpha-3 country code that is known to exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Country(CountryCode);

/// A country code that is not in ISO 3166-1.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown country code '{code}'{}", suggestion_text(.suggestion))]
pub struct UnknownCountry {
    pub code: String,
    pub suggestion: Option<Country>,
}

fn suggestion_text(suggestion: &Option<Country>) -> String {
    suggestion
        .map(|c| format!(" (did you mean {}?)", c.code()))
        .unwrap_or_default()
}

/// Shorter everyday names where the ISO name is long or formal.
pub(super) const SHORT_NAMES: &[(&str, &str)] = &[
    ("KOR", "South Korea"),
    ("PRK", "North Korea"),
    ("USA", "United States"),
    ("GBR", "United Kingdom"),
    ("RUS", "Russia"),
    ("TWN", "Taiwan"),
    ("VNM", "Vietnam"),
    ("IRN", "Iran"),
    ("LAO", "Laos"),
    ("SYR", "Syria"),
    ("TZA", "Tanzania"),
    ("VEN", "Venezuela"),
    ("BOL", "Bolivia"),
    ("MDA", "Moldova"),
    ("BRN", "Brunei"),
    ("FSM", "Micronesia"),
    ("COD", "DR Congo"),
];

impl Country {
    /// Reads a code such as `JPN`; lower case is accepted.
    pub fn parse(code: &str) -> Result<Self, UnknownCountry> {
        let code = code.trim();
        <[u8; 3]>::try_from(code.as_bytes())
            .ok()
            .and_then(Self::from_letters)
            .ok_or_else(|| UnknownCountry {
                code: code.to_owned(),
                suggestion: Self::closest_to(code),
            })
    }

    /// The country of a three-letter code in any case, by a table of every such code: a
    /// million events name several million countries.
    fn from_letters(letters: [u8; 3]) -> Option<Self> {
        const LETTERS: usize = 26;
        let slot = |letters: [u8; 3]| -> Option<usize> {
            letters.iter().try_fold(0, |slot, &letter| {
                let letter = letter.to_ascii_uppercase();
                letter
                    .is_ascii_uppercase()
                    .then(|| slot * LETTERS + usize::from(letter - b'A'))
            })
        };
        // Each slot holds the code's place in `as_array_alpha3` plus one; 0 for no country.
        static BY_LETTERS: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
        let table = BY_LETTERS.get_or_init(|| {
            let mut table = vec![0; LETTERS * LETTERS * LETTERS];
            for (at, code) in CountryCode::as_array_alpha3().iter().enumerate() {
                let letters = <[u8; 3]>::try_from(code.alpha3().as_bytes()).ok();
                if let Some(entry) = letters.and_then(slot).and_then(|s| table.get_mut(s)) {
                    *entry = at as u16 + 1;
                }
            }
            table
        });
        let at = usize::from(*table.get(slot(letters)?)?);
        Self::from_index(u16::try_from(at.checked_sub(1)?).ok()?)
    }

    /// How many countries there are: every [`Country::index`] is below this.
    pub(crate) fn count() -> usize {
        CountryCode::as_array_alpha3().len()
    }

    /// The country's place among all codes in alphabetical order: the order of countries, and
    /// a number for the load cache.
    pub(crate) fn index(&self) -> u16 {
        // By the enum's declaration order (by name), to the alphabetical order of the codes:
        // counting and sorting millions of countries compare them this way, without strings.
        static ALPHABETICAL_RANK: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
        let ranks = ALPHABETICAL_RANK.get_or_init(|| {
            let all = CountryCode::as_array_alpha3();
            let mut ranks = vec![0; all.len()];
            for (rank, code) in all.iter().enumerate() {
                if let Some(slot) = ranks.get_mut(*code as usize) {
                    *slot = rank as u16;
                }
            }
            ranks
        });
        ranks.get(self.0 as usize).copied().unwrap_or_default()
    }

    /// The country at `index` in [`Country::index`]'s order.
    pub(crate) fn from_index(index: u16) -> Option<Self> {
        CountryCode::as_array_alpha3()
            .get(usize::from(index))
            .map(|code| Self(*code))
    }

    /// The three-letter code.
    pub fn code(&self) -> &'static str {
        self.0.alpha3()
    }

    /// The English name, in its everyday short form.
    pub fn name(&self) -> &'static str {
        let code = self.code();
        SHORT_NAMES
            .iter()
            .find(|(short_code, _)| *short_code == code)
            .map_or_else(|| self.0.name(), |(_, name)| name)
    }

    /// The country a spreadsheet cell names: an alpha-3 or alpha-2 code, the ISO name, an
    /// everyday name ("South Korea", "UK", "the PRC"), or its name in a major language
    /// ("日本", "Brasil", "Deutschland", "한국"), ignoring case and "the".
    pub fn from_name(text: &str) -> Option<Self> {
        let text = text.trim().trim_end_matches('.');
        if text.len() == 3
            && text.bytes().all(|b| b.is_ascii_alphabetic())
            && let Ok(code) = CountryCode::for_alpha3_caseless(text)
        {
            return Some(Self(code));
        }
        if text.len() == 2
            && text.bytes().all(|b| b.is_ascii_uppercase())
            && let Ok(code) = CountryCode::for_alpha2(text)
        {
            return Some(Self(code));
        }
        let key = name_key(text);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        super::country_names::by_name_key(key).map(Self)
    }

    /// The known code nearest to a mistyped one, if one is a single edit away.
    fn closest_to(code: &str) -> Option<Self> {
        let code = code.to_ascii_uppercase();
        if code.len() != 3 {
            return None;
        }
        CountryCode::as_array()
            .iter()
            .map(|&c| {
                (
                    Self(c),
                    c.alpha3()
                        .bytes()
                        .zip(code.bytes())
                        .filter(|(a, b)| a != b)
                        .count(),
                )
            })
            .filter(|&(_, differences)| differences == 1)
            .min_by_key(|&(country, _)| {
                // Prefer a slip to a neighbouring key, then the partners this app is about.
                let favoured = ["CHN", "JPN", "KOR", "USA"].contains(&country.code());
                (!favoured, country.code())
            })
            .map(|(country, _)| country)
    }
}

/// Lower case, single spaces, no dots or apostrophes: how names are compared.
pub(super) fn name_key(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl PartialOrd for Country {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Alphabetical by code.
impl Ord for Country {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.index().cmp(&other.index())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&code).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_have_names() {
        assert_eq!(Country::parse("JPN").unwrap().name(), "Japan");
        assert_eq!(Country::parse("kor").unwrap().name(), "South Korea");
        assert_eq!(Country::parse("CHN").unwrap().code(), "CHN");
    }

    #[test]
    fn countries_sort_by_code_and_their_numbers_give_them_back() {
        let all: Vec<Country> = CountryCode::as_array()
            .iter()
            .map(|code| Country(*code))
            .collect();
        let mut sorted = all.clone();
        sorted.sort();
        let codes: Vec<&str> = sorted.iter().map(Country::code).collect();
        let mut expected = codes.clone();
        expected.sort_unstable();
        assert_eq!(codes, expected);
        for country in all {
            assert_eq!(Country::from_index(country.index()), Some(country));
        }
    }

    #[test]
    fn everyday_names_are_understood() {
        let code = |name: &str| Country::from_name(name).map(|c| c.code());
        assert_eq!(code("China"), Some("CHN"));
        assert_eq!(code("south korea"), Some("KOR"));
        assert_eq!(code("the ROK"), Some("KOR"));
        assert_eq!(code("Japan"), Some("JPN"));
        assert_eq!(code("JP"), Some("JPN"));
        assert_eq!(code("fra"), Some("FRA"));
        assert_eq!(code("United States of America"), Some("USA"));
        assert_eq!(code("U.K."), Some("GBR"));
        assert_eq!(code("Bolivia"), Some("BOL"));
        assert_eq!(code("Viet Nam"), Some("VNM"));
        assert_eq!(code("日本"), Some("JPN"));
        assert_eq!(code("中国"), Some("CHN"));
        assert_eq!(code("한국"), Some("KOR"));
        assert_eq!(code("Brasil"), Some("BRA"));
        assert_eq!(code("Deutschland"), Some("DEU"));
        assert_eq!(code("Allemagne"), Some("DEU"));
        assert_eq!(code("Россия"), Some("RUS"));
        assert_eq!(code("England"), Some("GBR"));
        assert_eq!(code("USSR"), None);
        assert_eq!(code("Atlantis"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn a_typo_gets_a_suggestion() {
        let error = Country::parse("JPA").unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown country code 'JPA' (did you mean JPN?)"
        );
        let error = Country::parse("XXXX").unwrap_err();
        assert_eq!(error.to_string(), "unknown country code 'XXXX'");
    }
}
