//! Colours: the palette of countries, which colour each mark and lane takes, and the
//! legend's entries.

use crate::model::country::Country;
use crate::model::event::Category;
use crate::model::store::EventRef;

use super::lanes::LaneKey;
use super::mark::{ColorMode, LegendEntry};

/// Grey for events with no country, when colouring by country.
pub const NO_COUNTRY_RGB: [u8; 3] = [140, 140, 140];
/// Light grey for countries past the palette.
pub const OTHER_COUNTRIES_RGB: [u8; 3] = [196, 196, 196];
/// Dark slate for an event of several countries outside a country lane: no one country's
/// colour stands for the others (the tooltip and details name them all).
pub const SEVERAL_COUNTRIES_RGB: [u8; 3] = [47, 62, 84];

/// Country colours: the main partners keep theirs; the others get the next free colour in
/// order of how many events they have, so the countries that matter most stay distinct.
const PINNED_COUNTRIES: [(&str, [u8; 3]); 4] = [
    ("CHN", [214, 39, 40]),
    ("JPN", [31, 119, 180]),
    ("KOR", [44, 160, 44]),
    ("USA", [148, 103, 189]),
];
const COUNTRY_PALETTE: [[u8; 3]; 16] = [
    [255, 127, 14],
    [23, 190, 207],
    [140, 86, 75],
    [227, 119, 194],
    [188, 189, 34],
    [31, 45, 120],
    [0, 128, 128],
    [230, 171, 2],
    [128, 0, 0],
    [141, 182, 0],
    [96, 78, 151],
    [249, 147, 121],
    [90, 110, 130],
    [43, 61, 38],
    [190, 0, 130],
    [194, 178, 128],
];

/// A colour per country for one dataset, stable under filtering.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountryPalette {
    /// Sorted by country.
    assigned: Vec<(Country, [u8; 3])>,
}

impl CountryPalette {
    /// Colours for the countries of `events_per_country` (most events first).
    pub fn new(events_per_country: &[(Country, usize)]) -> Self {
        let mut assigned = Vec::new();
        let mut free = COUNTRY_PALETTE.iter();
        for &(country, _) in events_per_country {
            let pinned = PINNED_COUNTRIES
                .iter()
                .find(|(code, _)| *code == country.code())
                .map(|&(_, rgb)| rgb);
            if let Some(rgb) = pinned.or_else(|| free.next().copied()) {
                assigned.push((country, rgb));
            }
        }
        assigned.sort_by_key(|&(country, _)| country);
        Self { assigned }
    }

    /// The country's own colour, or `None` when it is past the palette.
    pub fn own_color(&self, country: Country) -> Option<[u8; 3]> {
        self.assigned
            .binary_search_by_key(&country, |&(c, _)| c)
            .ok()
            .map(|i| self.assigned[i].1)
    }

    /// The colour the chart uses for the country.
    pub fn color_of(&self, country: Country) -> [u8; 3] {
        self.own_color(country).unwrap_or(OTHER_COUNTRIES_RGB)
    }
}

/// The colours of a colour mode, and which one each event and lane gets.
pub(super) struct Colors<'p> {
    mode: ColorMode,
    palette: &'p CountryPalette,
    /// For country colours: the palette's countries, then "other", "no country" and
    /// "several countries".
    countries: Vec<Country>,
}

impl<'p> Colors<'p> {
    pub(super) fn new(mode: ColorMode, palette: &'p CountryPalette) -> Self {
        Self {
            mode,
            palette,
            countries: palette.assigned.iter().map(|&(c, _)| c).collect(),
        }
    }

    pub(super) fn entries(&self) -> Vec<LegendEntry> {
        match self.mode {
            ColorMode::Category => Category::ALL
                .iter()
                .map(|c| LegendEntry {
                    label: c.label().to_owned(),
                    color_rgb: c.color_rgb(),
                })
                .collect(),
            ColorMode::Country => self
                .palette
                .assigned
                .iter()
                .map(|&(country, rgb)| LegendEntry {
                    label: format!("{} {}", country.code(), country.name()),
                    color_rgb: rgb,
                })
                .chain([
                    LegendEntry {
                        label: "Other countries".to_owned(),
                        color_rgb: OTHER_COUNTRIES_RGB,
                    },
                    LegendEntry {
                        label: "(no country)".to_owned(),
                        color_rgb: NO_COUNTRY_RGB,
                    },
                    LegendEntry {
                        label: "Several countries".to_owned(),
                        color_rgb: SEVERAL_COUNTRIES_RGB,
                    },
                ])
                .collect(),
        }
    }

    pub(super) fn of_country(&self, country: Option<Country>) -> u16 {
        let other = self.countries.len();
        let index = match country {
            None => other + 1,
            Some(country) => self.countries.binary_search(&country).unwrap_or(other),
        };
        index as u16
    }

    /// An event's colour in a lane: in a country lane, coloured by country, each copy takes
    /// its lane's country; elsewhere an event of several countries has a colour of its own.
    pub(super) fn of_mark(&self, event: &EventRef, key: LaneKey) -> u16 {
        match (self.mode, key) {
            (ColorMode::Category, _) => event.category() as u16,
            (ColorMode::Country, LaneKey::Country(_, country)) => self.of_country(Some(country)),
            (ColorMode::Country, _) => match event.countries() {
                [] => self.of_country(None),
                [only] => self.of_country(Some(*only)),
                _ => self.countries.len() as u16 + 2,
            },
        }
    }
}
