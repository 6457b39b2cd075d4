//! The countries an article is about, from its headline ("UK and South Korea underline
//! commitment …"), lent to its drafts that name none of their own or only some of them: the
//! deadlines of a call, or an agreement "first signed in 2004", are the headline's partners'.

use super::Field;
use super::build::Candidate;
use super::countries::find_countries;
use super::fields::{evidence, source_of};
use super::page::Article;
use crate::model::country::Country;

/// Gives each draft whose countries are all in the headline the headline's other countries,
/// with the headline as their source.
pub(super) fn lend_headline_countries(article: &Article, candidates: &mut [Candidate]) {
    let Some(headline) = &article.title else {
        return;
    };
    let mut named: Vec<(Country, (usize, usize))> = Vec::new();
    for (country, range) in find_countries(headline) {
        if !named.iter().any(|(c, _)| *c == country) {
            named.push((country, range));
        }
    }
    if named.is_empty() {
        return;
    }
    for candidate in candidates {
        let draft = &mut candidate.draft;
        let countries = &draft.event.countries;
        let within = countries.iter().all(|c| named.iter().any(|(n, _)| n == c));
        let missing: Vec<_> = (named.iter())
            .filter(|(n, _)| !countries.contains(n))
            .cloned()
            .collect();
        if !within || missing.is_empty() {
            continue;
        }
        let sources = &mut draft.event.sources;
        let source = match sources.iter().position(|s| s.quote == *headline) {
            Some(index) => index,
            None => {
                sources.push(source_of(
                    &article.file,
                    article.dateline.as_ref(),
                    headline,
                ));
                sources.len() - 1
            }
        };
        let codes: Vec<&str> = missing.iter().map(|(c, _)| c.code()).collect();
        draft
            .info
            .reasoning
            .push(format!("countries from the headline: {}", codes.join(", ")));
        for (country, range) in missing {
            let code = country.code().to_owned();
            (draft.info.evidence).push(evidence(Field::Country, Some(code), source, range));
            draft.event.countries.push(country);
        }
        draft.info.confidence.countries = draft.info.confidence.countries.clamp(0.4, 0.5);
    }
}
