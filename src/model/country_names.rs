//! Country names in the languages of the app's users' files, from the Unicode CLDR (through
//! ICU4X's display names) and a short list of everyday names CLDR does not give ("PRC",
//! "Holland", "England"): one index built once, looked up per cell.

use std::collections::HashMap;
use std::sync::LazyLock;

use icu_experimental::displaynames::{DisplayNamesOptions, Style, multi::RegionDisplayNames};
use icu_locale_core::Locale;
use icu_locale_core::subtags::Region;
use isocountry::CountryCode;

use super::country::{SHORT_NAMES, name_key};

/// The languages whose country names are read: those of the app's users and their partners.
const LOCALES: &[&str] = &[
    "en", "zh", "zh-Hant", "ja", "ko", "de", "fr", "es", "pt", "it", "nl", "ru", "pl", "sv", "da",
    "nb", "fi", "cs", "tr", "vi", "id", "th", "ar", "hi", "uk", "el", "hu", "ro",
];

/// Everyday names that are not the ISO name, as `name_key` writes them.
const NAME_ALIASES: &[(&str, &str)] = &[
    ("prc", "CHN"),
    ("peoples republic of china", "CHN"),
    ("mainland china", "CHN"),
    ("korea", "KOR"),
    ("republic of korea", "KOR"),
    ("rok", "KOR"),
    ("dprk", "PRK"),
    ("democratic peoples republic of korea", "PRK"),
    ("us", "USA"),
    ("usa", "USA"),
    ("america", "USA"),
    ("united states of america", "USA"),
    ("uk", "GBR"),
    ("britain", "GBR"),
    ("great britain", "GBR"),
    ("russia", "RUS"),
    ("viet nam", "VNM"),
    ("vietnam", "VNM"),
    ("taiwan", "TWN"),
    ("hong kong", "HKG"),
    ("macau", "MAC"),
    ("macao", "MAC"),
    ("iran", "IRN"),
    ("syria", "SYR"),
    ("laos", "LAO"),
    ("czech republic", "CZE"),
    ("turkey", "TUR"),
    ("türkiye", "TUR"),
    ("holland", "NLD"),
    ("ivory coast", "CIV"),
    ("dr congo", "COD"),
    ("democratic republic of the congo", "COD"),
    ("congo", "COG"),
    ("uae", "ARE"),
    ("brunei", "BRN"),
    ("cape verde", "CPV"),
    ("swaziland", "SWZ"),
    ("burma", "MMR"),
    ("east timor", "TLS"),
    ("vatican", "VAT"),
    // Names CLDR does not list, for the parts of a country or its older spellings.
    ("england", "GBR"),
    ("scotland", "GBR"),
    ("wales", "GBR"),
    ("northern ireland", "GBR"),
    ("한국", "KOR"),
    ("남한", "KOR"),
    ("臺灣", "TWN"),
    ("中华人民共和国", "CHN"),
    ("中華人民共和國", "CHN"),
    ("中國大陸", "CHN"),
    ("中国大陆", "CHN"),
    ("대한민국", "KOR"),
];

/// The country a name (as [`name_key`] writes it) names, if exactly one does.
pub(super) fn by_name_key(key: &str) -> Option<CountryCode> {
    static INDEX: LazyLock<HashMap<String, CountryCode>> = LazyLock::new(build_index);
    if key.is_empty() {
        return None;
    }
    INDEX.get(key).copied()
}

fn build_index() -> HashMap<String, CountryCode> {
    // A name two countries share ("Korea", "Congo") names neither, unless an alias says.
    let mut names: HashMap<String, Option<CountryCode>> = HashMap::new();
    let mut add = |name: &str, code: CountryCode| {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        names
            .entry(key)
            .and_modify(|known| {
                if *known != Some(code) {
                    *known = None;
                }
            })
            .or_insert(Some(code));
    };
    for locale in LOCALES.iter().filter_map(|tag| tag.parse::<Locale>().ok()) {
        for style in [None, Some(Style::Short)] {
            let mut options = DisplayNamesOptions::default();
            options.style = style;
            let Ok(display) = RegionDisplayNames::try_new((&locale).into(), options) else {
                continue;
            };
            for &code in CountryCode::as_array() {
                let region = Region::try_from_str(code.alpha2()).ok();
                if let Some(name) = region.and_then(|region| display.of(region)) {
                    add(name, code);
                }
            }
        }
    }
    // The ISO name, whole or before its qualifier: "Bolivia (Plurinational State of)".
    for &code in CountryCode::as_array() {
        let full = code.name();
        add(full, code);
        let base = full.split([',', '(']).next().unwrap_or(full);
        if base.len() < full.len() {
            add(base.trim(), code);
        }
    }
    let mut index: HashMap<String, CountryCode> = names
        .into_iter()
        .filter_map(|(name, code)| Some((name, code?)))
        .collect();
    let everyday = SHORT_NAMES.iter().chain(NAME_ALIASES);
    for (name, alpha3) in everyday {
        if let Ok(code) = CountryCode::for_alpha3(alpha3) {
            index.insert(name_key(name), code);
        }
    }
    index
}
