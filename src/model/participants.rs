//! The list cells of the native CSV: items separated by `;`, and participants written as
//! "CHN 12 universities; total 30 scientists". Reviewers type the same form.

use super::country::Country;
use super::event::Participant;

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

/// One item of a participants cell, as written: the country code (none for "total"), the
/// number and the unit.
#[derive(Clone, Debug, PartialEq)]
pub struct ParticipantItem {
    pub country: Option<String>,
    pub count: f64,
    pub unit: String,
}

/// Reads `CHN 12 universities; JPN 9 universities; total 10700 online attendees` item by
/// item, without checking the codes or the numbers' sense.
pub fn participant_items(text: &str) -> Result<Vec<ParticipantItem>, String> {
    split_list(text)
        .iter()
        .map(|item| {
            let mut words = item.splitn(3, char::is_whitespace);
            let (Some(who), Some(count), Some(unit)) = (words.next(), words.next(), words.next())
            else {
                return Err(format!(
                    "participants '{item}' should look like 'CHN 12 universities' or 'total 30 scientists'"
                ));
            };
            let count: f64 = count
                .replace(',', "")
                .parse()
                .map_err(|_| format!("participants '{item}': '{count}' is not a number"))?;
            Ok(ParticipantItem {
                country: (!who.eq_ignore_ascii_case("total")).then(|| who.to_owned()),
                count,
                unit: unit.trim().to_owned(),
            })
        })
        .collect()
}

/// Participants as a CSV cell: "CHN 12 universities; total 30 scientists".
pub fn participants_cell(participants: &[Participant]) -> String {
    join_list(participants.iter().map(|p| {
        let who = p.country.map_or("total", |c| c.code());
        format!("{who} {} {}", p.count, p.unit)
    }))
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
}
