//! The list cells of the native CSV: items separated by `;`, and participants written as
//! "CHN 12 universities; total 30 scientists". Reviewers type the same form.

use super::country::Country;
use super::event::{CountQualifier, Coverage, Participant};

/// Splits a `;`-separated list, dropping empty items. An item holding `;`, a quote or a new
/// line is written in double quotes, with its own quotes doubled, as [`join_list`] writes it.
pub fn split_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut item = String::new();
        if chars.next_if_eq(&'"').is_some() {
            // A quoted item runs to the quote not followed by another.
            while let Some(c) = chars.next() {
                if c == '"' {
                    if chars.next_if_eq(&'"').is_some() {
                        item.push('"');
                    } else {
                        break;
                    }
                } else {
                    item.push(c);
                }
            }
            // Anything after the closing quote, up to the separator, belongs to it too.
            for c in chars.by_ref() {
                if c == ';' {
                    break;
                }
                item.push(c);
            }
            let item = item.trim().to_owned();
            if !item.is_empty() {
                items.push(item);
            }
            if chars.peek().is_none() {
                break;
            }
            continue;
        }
        let mut ended = true;
        for c in chars.by_ref() {
            if c == ';' {
                ended = false;
                break;
            }
            item.push(c);
        }
        let item = item.trim();
        if !item.is_empty() {
            items.push(item.to_owned());
        }
        if ended {
            break;
        }
    }
    items
}

/// Joins items into a list cell that [`split_list`] reads back the same.
pub fn join_list<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    items
        .into_iter()
        .map(|item| {
            let item = item.as_ref();
            if item.contains([';', '"', '\n', '\r']) || item.trim() != item {
                format!("\"{}\"", item.replace('"', "\"\""))
            } else {
                item.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One item of a participants cell, as written: the country code (none for "total"), how
/// roughly the number is given, the number and the unit.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantItem {
    pub country: Option<String>,
    pub qualifier: Option<CountQualifier>,
    pub count: f64,
    pub unit: String,
}

/// A number, its qualifier words before it, and the unit after it: "more than 300
/// students", "12 universities".
fn qualified_count(text: &str) -> Option<(Option<CountQualifier>, &str, &str)> {
    let text = text.trim_start();
    let (qualifier, rest) = CountQualifier::ALL
        .into_iter()
        .find_map(|q| {
            let rest = text.get(q.words().len()..)?;
            (text[..q.words().len()].eq_ignore_ascii_case(q.words())
                && rest.starts_with(char::is_whitespace))
            .then_some((Some(q), rest.trim_start()))
        })
        .unwrap_or((None, text));
    let (count, unit) = rest.split_once(char::is_whitespace)?;
    let unit = unit.trim();
    (!unit.is_empty()).then_some((qualifier, count, unit))
}

fn number(item: &str, count: &str) -> Result<f64, String> {
    count
        .replace(',', "")
        .parse()
        .map_err(|_| format!("'{item}': '{count}' is not a number"))
}

/// Reads `CHN 12 universities; JPN about 9 universities; total more than 300 students` item
/// by item, without checking the codes or the numbers' sense.
pub fn participant_items(text: &str) -> Result<Vec<ParticipantItem>, String> {
    split_list(text)
        .iter()
        .map(|item| {
            // "more than 300 researchers" without a country is a total.
            let total = qualified_count(item)
                .filter(|(_, count, _)| number(item, count).is_ok())
                .map(|found| ("total", found));
            let parsed = total.or_else(|| {
                item.split_once(char::is_whitespace)
                    .and_then(|(who, rest)| Some((who, qualified_count(rest)?)))
            });
            let Some((who, (qualifier, count, unit))) = parsed else {
                return Err(format!(
                    "participants '{item}' should look like 'CHN 12 universities', 'total 30 scientists' or 'KOR about 40 students'"
                ));
            };
            Ok(ParticipantItem {
                country: (!who.eq_ignore_ascii_case("total")).then(|| who.to_owned()),
                qualifier,
                count: number(item, count).map_err(|e| format!("participants {e}"))?,
                unit: unit.to_owned(),
            })
        })
        .collect()
}

/// Participants as a CSV cell: "CHN 12 universities; total more than 30 scientists".
pub fn participants_cell(participants: &[Participant]) -> String {
    join_list(participants.iter().map(|p| {
        let who = p.country.map_or("total", |c| c.code());
        format!("{who} {}", p.count_phrase())
    }))
}

/// Coverage as a CSV cell: "12 mentions; 3 sources".
pub fn coverage_cell(coverage: &[Coverage]) -> String {
    join_list(coverage.iter().map(|c| format!("{} {}", c.count, c.unit)))
}

/// Reads a coverage cell, "12 mentions; 3 sources", item by item.
pub fn coverage_items(text: &str) -> Result<Vec<(f64, String)>, String> {
    split_list(text)
        .iter()
        .map(|item| {
            let Some((count, unit)) = item.split_once(char::is_whitespace) else {
                return Err(format!("coverage '{item}' should look like '12 mentions'"));
            };
            Ok((
                number(item, count).map_err(|e| format!("coverage {e}"))?,
                unit.trim().to_owned(),
            ))
        })
        .collect()
}

/// Participants written as in a CSV cell ("CHN 12 universities; total 30 scientists"),
/// checked: the counts a reviewer typed.
pub fn parse_participant_list(text: &str) -> Result<Vec<Participant>, String> {
    participant_items(text)?
        .into_iter()
        .map(|item| {
            let country = match item.country {
                Some(code) => Some(Country::parse(&code).map_err(|e| e.to_string())?),
                None => None,
            };
            if item.count < 0.0 || item.count.fract() != 0.0 {
                return Err(format!(
                    "{} is not a whole number of participants",
                    item.count
                ));
            }
            Ok(Participant {
                country,
                count: item.count as u64,
                unit: item.unit,
                qualifier: item.qualifier,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_may_hold_the_separator_and_quotes() {
        let items = ["A; B", "say \"hi\"", "plain", "two\nlines", " spaced "];
        let cell = join_list(items);
        assert_eq!(
            split_list(&cell),
            ["A; B", "say \"hi\"", "plain", "two\nlines", "spaced"]
        );
        assert_eq!(split_list("CHN;JPN; KOR"), ["CHN", "JPN", "KOR"]);
        assert_eq!(split_list(""), Vec::<String>::new());
        assert_eq!(split_list("\"unclosed; quote"), ["unclosed; quote"]);
    }

    #[test]
    fn a_reviewers_counts_are_checked() {
        let list = parse_participant_list("CHN 12 universities; total 30 scientists").unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].country, None);
        assert_eq!(list[1].unit, "scientists");
        assert!(parse_participant_list("CHN 2.5 universities").is_err());
        assert!(parse_participant_list("XXQ 3 universities").is_err());
    }

    #[test]
    fn rough_counts_keep_their_words() {
        let list = parse_participant_list("CHN about 30 scientists; total more than 300 students")
            .unwrap();
        assert_eq!(list[0].qualifier, Some(CountQualifier::About));
        assert_eq!(list[0].count, 30);
        assert_eq!(list[1].qualifier, Some(CountQualifier::MoreThan));
        assert_eq!(list[1].unit, "students");
        let total = parse_participant_list("more than 300 researchers").unwrap();
        assert_eq!(
            (total[0].country, total[0].count, total[0].qualifier),
            (None, 300, Some(CountQualifier::MoreThan))
        );
        assert_eq!(
            participants_cell(&list),
            "CHN about 30 scientists; total more than 300 students"
        );
        assert!(parse_participant_list("KOR about").is_err());
    }
}
