//! The roles of a table's columns, guessed as a person would: a header that names a role
//! takes it when its cells agree ("Tag" over 1–8 is no date, "description" over links is no
//! summary); what the headers leave open is read from the cells (the column of dates is the
//! date, the most varied text is the title, the links are the source).

use std::collections::BTreeMap;

use super::names::{name_score, normalise_header, says_end};
use super::profile::ColumnProfile;
use crate::model::columns::{SheetMapping, SheetRole};

/// Whether a column's cells can hold `role`.
fn cells_fit(role: SheetRole, profile: &ColumnProfile) -> bool {
    use SheetRole::*;
    if profile.filled == 0 {
        return matches!(
            role,
            End | Summary | Place | Organizers | People | Tags | Source
        );
    }
    match role {
        Start => profile.date_strength() >= 0.5,
        End => profile.date_share() >= 0.2 || profile.text_share() >= 0.5,
        Year => profile.year_share() >= 0.6 || profile.number_share() >= 0.9,
        Month => profile.number_share() >= 0.6 || profile.text_share() >= 0.6,
        Day => profile.share_small() >= 0.6,
        Title | Summary | Category | Series | Organizers | People | Place => {
            profile.text_share() >= 0.5 && profile.link_share() < 0.3 && !profile.is_index()
        }
        Countries => profile.country_share() >= 0.2 || profile.text_share() >= 0.5,
        Participants => profile.count_share() >= 0.3 || profile.number_share() >= 0.5,
        Source => profile.link_share() >= 0.3,
        Tags => profile.text_share() >= 0.5,
        Id => !profile.is_index() || profile.filled > 0,
    }
}

/// The order roles are given out in: the date and title first, as they matter most.
const ROLE_ORDER: [SheetRole; 17] = [
    SheetRole::End,
    SheetRole::Start,
    SheetRole::Year,
    SheetRole::Month,
    SheetRole::Day,
    SheetRole::Title,
    SheetRole::Source,
    SheetRole::Summary,
    SheetRole::Countries,
    SheetRole::Place,
    SheetRole::Category,
    SheetRole::Series,
    SheetRole::Organizers,
    SheetRole::Participants,
    SheetRole::People,
    SheetRole::Tags,
    SheetRole::Id,
];

/// The mapping of a table with these column names and cells.
pub fn guess_mapping(names: &[String], profiles: &[ColumnProfile]) -> SheetMapping {
    let normalised: Vec<String> = names.iter().map(|n| normalise_header(n)).collect();
    let mut taken = vec![false; names.len()];
    let mut columns: BTreeMap<SheetRole, usize> = BTreeMap::new();
    let profile = |i: usize| profiles.get(i).cloned().unwrap_or_default();
    for role in ROLE_ORDER {
        let best = (0..names.len())
            .filter(|&i| !taken[i])
            // "end_year" is an end, whatever else it names.
            .filter(|&i| role == SheetRole::End || !says_end(&normalised[i]))
            .map(|i| (i, name_score(&normalised[i], role)))
            .filter(|&(i, score)| score > 0 && cells_fit(role, &profile(i)))
            .max_by_key(|&(i, score)| (score, std::cmp::Reverse(i)));
        if let Some((index, _)) = best {
            taken[index] = true;
            columns.insert(role, index);
        }
    }
    // "start_year" and "end_year": a year and an end, not two years.
    if !columns.contains_key(&SheetRole::Start)
        && let Some(&year) = columns.get(&SheetRole::Year)
        && columns.contains_key(&SheetRole::End)
        && !columns.contains_key(&SheetRole::Month)
    {
        columns.remove(&SheetRole::Year);
        columns.insert(SheetRole::Start, year);
    }
    by_values(&mut columns, &mut taken, profiles);
    SheetMapping {
        columns: columns
            .into_iter()
            .map(|(role, i)| (role, names[i].clone()))
            .collect(),
        day_first: None,
    }
}

/// The roles the headers left open, from the cells alone.
fn by_values(
    columns: &mut BTreeMap<SheetRole, usize>,
    taken: &mut [bool],
    profiles: &[ColumnProfile],
) {
    let mut take = |role: SheetRole,
                    columns: &mut BTreeMap<SheetRole, usize>,
                    score: &dyn Fn(&ColumnProfile) -> f32,
                    at_least: f32| {
        if columns.contains_key(&role) {
            return;
        }
        let best = (0..profiles.len())
            .filter(|&i| !taken[i] && profiles[i].filled > 0)
            .map(|i| (i, score(&profiles[i])))
            .filter(|&(_, s)| s >= at_least)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((index, _)) = best {
            taken[index] = true;
            columns.insert(role, index);
        }
    };
    if !columns.contains_key(&SheetRole::Year) {
        take(SheetRole::Start, columns, &|p| p.date_strength(), 0.6);
    }
    take(SheetRole::Source, columns, &|p| p.link_share(), 0.8);
    // The title: varied text of a title's length; a long text is rather the summary.
    take(SheetRole::Title, columns, &title_score, 0.25);
    take(
        SheetRole::Summary,
        columns,
        &|p| {
            if p.mean_chars() >= 60.0 {
                p.text_share()
            } else {
                0.0
            }
        },
        0.6,
    );
    // "Trieste, Italy" is a place (its countries are read from it); "China; Japan" countries.
    let countries = |p: &ColumnProfile| {
        if p.place_share() < 0.5 {
            p.country_share()
        } else {
            0.0
        }
    };
    take(SheetRole::Countries, columns, &countries, 0.6);
    let places = |p: &ColumnProfile| {
        if p.place_share() >= 0.5 {
            p.country_share()
        } else {
            0.0
        }
    };
    take(SheetRole::Place, columns, &places, 0.6);
    // A summary, but no title: the summary names the events.
    if !columns.contains_key(&SheetRole::Title)
        && let Some(summary) = columns.remove(&SheetRole::Summary)
    {
        columns.insert(SheetRole::Title, summary);
    }
}

/// How much a column reads like titles: varied text, neither too short nor an essay.
fn title_score(profile: &ColumnProfile) -> f32 {
    if profile.is_index() || profile.link_share() >= 0.3 || profile.country_share() >= 0.6 {
        return 0.0;
    }
    let length = profile.mean_chars();
    let fits = if length < 3.0 {
        0.0
    } else if length <= 120.0 {
        1.0
    } else {
        0.5
    };
    profile.variety() * profile.text_share() * fits
}

impl ColumnProfile {
    /// The share of whole numbers of 1–31.
    pub fn share_small(&self) -> f32 {
        if self.filled == 0 {
            0.0
        } else {
            self.small_numbers as f32 / self.filled as f32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sheet::profile::profile_columns;
    use crate::load::sheet::table::TableRow;

    fn guess(names: &[&str], rows: &[&[&str]]) -> BTreeMap<SheetRole, String> {
        let rows: Vec<TableRow> = rows
            .iter()
            .enumerate()
            .map(|(i, cells)| TableRow {
                line: i as u64 + 2,
                cells: cells.iter().map(|c| (*c).to_owned()).collect(),
            })
            .collect();
        let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        let profiles = profile_columns(&rows, names.len(), false);
        guess_mapping(&names, &profiles).columns
    }

    #[test]
    fn headers_in_other_languages_name_their_roles() {
        let columns = guess(
            &["Orchester", "Veranstaltung", "Datum", "Ort", "Titel"],
            &[
                &[
                    "Berliner Phil",
                    "Konzert",
                    "12.03.2021",
                    "Berlin",
                    "Brahms 4",
                ],
                &["Gewandhaus", "Konzert", "13.03.2021", "Leipzig", "Mahler 2"],
            ],
        );
        assert_eq!(columns[&SheetRole::Start], "Datum");
        assert_eq!(columns[&SheetRole::Title], "Titel");
        assert_eq!(columns[&SheetRole::Place], "Ort");
        let spanish = guess(
            &["id", "fecha", "titulo", "descripcion"],
            &[&[
                "N-1",
                "2021-03-01",
                "Acuerdo",
                "Un acuerdo de paz firmado en la capital del país tras años de negociación",
            ]],
        );
        assert_eq!(spanish[&SheetRole::Start], "fecha");
        assert_eq!(spanish[&SheetRole::Title], "titulo");
    }

    #[test]
    fn cells_settle_what_the_headers_leave_open() {
        let columns = guess(
            &[
                "president",
                "position",
                "appointee",
                "start_date",
                "end_date",
                "length",
            ],
            &[
                &[
                    "Carter",
                    "Secretary of State",
                    "Cyrus Vance",
                    "1/21/77",
                    "4/28/80",
                    "1193",
                ],
                &[
                    "Carter",
                    "Secretary of Defense",
                    "Harold Brown",
                    "1/21/77",
                    "1/20/81",
                    "1460",
                ],
                &[
                    "Reagan",
                    "Secretary of State",
                    "Alexander Haig",
                    "1/22/81",
                    "7/5/82",
                    "529",
                ],
            ],
        );
        assert_eq!(columns[&SheetRole::Start], "start_date");
        assert_eq!(columns[&SheetRole::End], "end_date");
        assert_eq!(columns[&SheetRole::Title], "appointee");
        let years = guess(
            &["grant_type", "url", "start_year", "end_year", "project"],
            &[
                &["grant", "https://kaw.se/1", "2015", "2019", "Quantum"],
                &["grant", "https://kaw.se/2", "2016", "2020", "Wood"],
            ],
        );
        assert_eq!(years[&SheetRole::Start], "start_year");
        assert_eq!(years[&SheetRole::End], "end_year");
        assert_eq!(years[&SheetRole::Source], "url");
        // No names at all: the date, the title and the link from the cells.
        let unnamed = guess(
            &["Column 1", "Column 2", "Column 3"],
            &[
                &[
                    "2025-01-07 to 10",
                    "Innovations in Theoretical Computer Science",
                    "https://itcs.org",
                ],
                &[
                    "2025-01-12",
                    "Symposium on Discrete Algorithms",
                    "https://soda.org",
                ],
            ],
        );
        assert_eq!(unnamed[&SheetRole::Start], "Column 1");
        assert_eq!(unnamed[&SheetRole::Title], "Column 2");
        assert_eq!(unnamed[&SheetRole::Source], "Column 3");
    }

    #[test]
    fn a_header_is_vetoed_when_its_cells_disagree() {
        let columns = guess(
            &["date", "name", "description"],
            &[
                &[
                    "2013-08-27",
                    "中巴经济走廊秘书处设立",
                    "https://archive.li/D1ScT",
                ],
                &["2017-05-08", "发布指导意见", "https://archive.li/x"],
            ],
        );
        assert_eq!(columns[&SheetRole::Source], "description");
        assert!(!columns.contains_key(&SheetRole::Summary));
        let index = guess(
            &["Column 1", "Date", "Event"],
            &[
                &["0", "1961-04-12", "Vostok 1"],
                &["1", "1969-07-20", "Apollo 11"],
                &["2", "1971-04-19", "Salyut 1"],
            ],
        );
        assert_eq!(index[&SheetRole::Start], "Date");
        assert!(!index.values().any(|v| v == "Column 1"));
    }
}
