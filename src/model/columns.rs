//! Which column of a spreadsheet holds what: the roles a column can take, and a file's
//! mapping of its columns to them, as guessed or as the user chose it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What a column of a spreadsheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SheetRole {
    Start,
    End,
    Year,
    Month,
    Day,
    Title,
    Summary,
    Category,
    Countries,
    Place,
    Series,
    Organizers,
    /// Counts: "CHN 12 universities", "40 scientists", or a bare number counted in the
    /// header's unit.
    Participants,
    People,
    Source,
    Tags,
    Id,
}

impl SheetRole {
    pub const ALL: [Self; 17] = [
        Self::Start,
        Self::End,
        Self::Year,
        Self::Month,
        Self::Day,
        Self::Title,
        Self::Summary,
        Self::Category,
        Self::Countries,
        Self::Place,
        Self::Series,
        Self::Organizers,
        Self::Participants,
        Self::People,
        Self::Source,
        Self::Tags,
        Self::Id,
    ];

    /// The name in the mapping dialog.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Start => "Date (start)",
            Self::End => "End date",
            Self::Year => "Year",
            Self::Month => "Month",
            Self::Day => "Day",
            Self::Title => "Title",
            Self::Summary => "Summary",
            Self::Category => "Category",
            Self::Countries => "Countries",
            Self::Place => "Place",
            Self::Series => "Series",
            Self::Organizers => "Organizers",
            Self::Participants => "Participants (counts)",
            Self::People => "People",
            Self::Source => "Source link",
            Self::Tags => "Tags",
            Self::Id => "Id",
        }
    }

    /// The role a word names on the command line (`--columns "Datum=start"`): its key.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::End => "end",
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
            Self::Title => "title",
            Self::Summary => "summary",
            Self::Category => "category",
            Self::Countries => "countries",
            Self::Place => "place",
            Self::Series => "series",
            Self::Organizers => "organizers",
            Self::Participants => "participants",
            Self::People => "people",
            Self::Source => "source",
            Self::Tags => "tags",
            Self::Id => "id",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        let key = key.trim().to_lowercase();
        let key = match key.as_str() {
            "date" => "start",
            "counts" => "participants",
            "link" | "url" => "source",
            "location" => "place",
            other => other,
        };
        Self::ALL.into_iter().find(|role| role.key() == key)
    }
}

/// Which column (by its header, as the app shows it) holds what; the rest are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SheetMapping {
    pub columns: BTreeMap<SheetRole, String>,
    /// Whether "04/11/2021" is the 4th of November; guessed from the values when `None`.
    pub day_first: Option<bool>,
}

impl SheetMapping {
    /// True when rows can become events: a date (or a year) and a title.
    pub fn is_usable(&self) -> bool {
        self.has_date() && self.columns.contains_key(&SheetRole::Title)
    }

    pub fn has_date(&self) -> bool {
        self.columns.contains_key(&SheetRole::Start) || self.columns.contains_key(&SheetRole::Year)
    }

    /// Reads `--columns "Datum=start,Titel=title"`: header names and roles, the last word
    /// for a header winning.
    pub fn parse_arg(text: &str) -> Result<Self, String> {
        let mut columns = BTreeMap::new();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((header, role)) = pair.rsplit_once('=') else {
                return Err(format!(
                    "'{pair}' should look like HEADER=ROLE, e.g. Datum=start"
                ));
            };
            let Some(role) = SheetRole::from_key(role) else {
                let keys: Vec<&str> = SheetRole::ALL.iter().map(SheetRole::key).collect();
                return Err(format!(
                    "'{role}' is not a role; the roles are {}",
                    keys.join(", ")
                ));
            };
            columns.insert(role, header.trim().to_owned());
        }
        if columns.is_empty() {
            return Err(
                "--columns names no column, e.g. --columns \"Datum=start,Titel=title\"".into(),
            );
        }
        Ok(Self {
            columns,
            day_first: None,
        })
    }
}

/// How a file's columns were read: its header as shown and the mapping used.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetColumns {
    pub header: Vec<String>,
    pub mapping: SheetMapping,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_on_the_command_line_names_headers_and_roles() {
        let mapping = SheetMapping::parse_arg("Datum=start, Titel=title,Ort=place").unwrap();
        assert_eq!(mapping.columns[&SheetRole::Start], "Datum");
        assert_eq!(mapping.columns[&SheetRole::Title], "Titel");
        assert_eq!(mapping.columns[&SheetRole::Place], "Ort");
        assert!(SheetMapping::parse_arg("Datum").is_err());
        assert!(
            SheetMapping::parse_arg("Datum=when")
                .unwrap_err()
                .contains("the roles are start, end")
        );
    }
}
