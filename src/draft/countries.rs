//! Countries as news English names them: names, demonyms and compounds ("Sino-Japanese",
//! "the ROK", "Chinese universities").

use std::sync::LazyLock;

use regex::Regex;

use super::pattern;
use crate::model::country::Country;

/// Names, demonyms and adjectives of countries, as they appear in news English. Longer
/// names first, so that "South Korea" is not read as "Korea".
pub(super) const COUNTRY_WORDS: &[(&str, &str)] = &[
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
pub(super) static COUNTRY_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
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
}
