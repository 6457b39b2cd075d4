//! Checks that a draft states nothing its articles do not: every quote is in its article
//! word for word, and every date, place, country, count and person points at words in a
//! quote that say it.

use super::countries::countries_in;
use super::counts::number_word;
use super::{Draft, Field};

/// A drafted fact with no words to back it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    pub event: String,
    pub claim: String,
}

/// The claims of `draft` that its sources do not back; `article_text` gives each article's
/// text by file name.
pub fn unsupported_claims(
    draft: &Draft,
    article_text: &dyn Fn(&str) -> Option<String>,
) -> Vec<Unsupported> {
    let mut claims = Vec::new();
    let mut claim = |what: String| {
        claims.push(Unsupported {
            event: draft.event.id.clone(),
            claim: what,
        });
    };
    for source in &draft.event.sources {
        let Some(file) = &source.file else {
            claim("a source names no article".to_owned());
            continue;
        };
        let in_article = article_text(file).is_some_and(|text| {
            let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            flat(&text).contains(&flat(&source.quote))
        });
        if !in_article {
            claim(format!("the quote is not in {file}: {}", source.quote));
        }
    }
    let words = |field: Field, item: Option<&str>| -> Vec<&str> {
        draft
            .info
            .evidence
            .iter()
            .filter(|e| e.field == field && item.is_none_or(|i| e.item.as_deref() == Some(i)))
            .filter_map(|e| draft.event.sources.get(e.source)?.quote.get(e.start..e.end))
            .collect()
    };
    // An inferred date says how; a stated one points at its words.
    if draft.event.date_inferred {
        if draft.info.reasoning.is_empty() {
            claim("an inferred date without its reasoning".to_owned());
        }
    } else {
        let year = draft.event.start.year_number().to_string();
        let backed = words(Field::Date, None).iter().any(|w| w.contains(&year))
            || draft.event.sources.iter().any(|s| s.quote.contains(&year))
            || !draft.info.reasoning.is_empty();
        if !backed {
            claim(format!("the date {} is not in the text", draft.event.start));
        }
    }
    if let Some(place) = &draft.event.location {
        let backed = words(Field::Place, None)
            .iter()
            .any(|w| w.contains(place.as_str()) || place.contains(*w));
        if !backed {
            claim(format!("the place '{place}' is not in the text"));
        }
    }
    for country in &draft.event.countries {
        let in_evidence = words(Field::Country, Some(country.code()))
            .iter()
            .any(|w| countries_in(w).contains(country));
        let in_counts = draft
            .event
            .participants
            .iter()
            .any(|p| p.country == Some(*country));
        if !in_evidence && !in_counts {
            claim(format!("the country {country} is not in the text"));
        }
    }
    for (index, participant) in draft.event.participants.iter().enumerate() {
        let item = index.to_string();
        let backed = words(Field::Count, Some(&item)).iter().any(|w| {
            w.split(|c: char| !c.is_alphanumeric() && c != ',' && c != '-')
                .any(|word| number_word(word) == Some(participant.count))
        });
        if !backed {
            claim(format!(
                "the count {} {} is not in the text",
                participant.count, participant.unit
            ));
        }
        if let Some(country) = participant.country {
            let named = words(Field::Count, Some(&item))
                .iter()
                .any(|w| countries_in(w).contains(&country));
            if !named {
                claim(format!(
                    "the count of {} {} is not said to be {country}'s",
                    participant.count, participant.unit
                ));
            }
        }
    }
    for (index, person) in draft.event.people.iter().enumerate() {
        let item = index.to_string();
        if !words(Field::Person, Some(&item))
            .iter()
            .any(|w| w.contains(&person.name))
        {
            claim(format!("{} is not named in the text", person.name));
        }
    }
    claims
}
