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
const SHORT_NAMES: &[(&str, &str)] = &[
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
        CountryCode::for_alpha3_caseless(code)
            .map(Self)
            .map_err(|_| UnknownCountry {
                code: code.to_owned(),
                suggestion: Self::closest_to(code),
            })
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

impl Ord for Country {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
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
