//! The same event reported twice, in one article or several, merged into one draft.

use super::{Draft, Evidence, Field};
use crate::model::date::Precision;
use crate::model::event::Category;

/// True when two drafts report the same event: the same kind on the same dates, or two
/// meetings on the same day, with no country in one that the other lacks entirely.
pub(super) fn same_event(a: &Draft, b: &Draft) -> bool {
    // The same name, at dates that agree (a year and a day in it): one event.
    let name = |d: &Draft| {
        d.event
            .title
            .trim_start_matches("The ")
            .trim_start_matches("the ")
            .to_lowercase()
    };
    let (a_days, b_days) = (a.event.span().day_range(), b.event.span().day_range());
    let overlapping = a_days.0 < b_days.1 && b_days.0 < a_days.1;
    if a.event.category == b.event.category && overlapping && name(a) == name(b) {
        return true;
    }
    let meeting = |c: Category| {
        matches!(
            c,
            Category::Forum | Category::Conference | Category::Seminar | Category::Summit
        )
    };
    let same_days = a.event.span().day_range() == b.event.span().day_range();
    let countries_agree = a.event.countries.is_empty()
        || b.event.countries.is_empty()
        || a.event
            .countries
            .iter()
            .any(|c| b.event.countries.contains(c));
    let same_kind = a.event.category == b.event.category;
    let precise =
        a.event.start.precision() == Precision::Day && b.event.start.precision() == Precision::Day;
    // Two meetings of other kinds on the same day are one when one of them is not named
    // ("a symposium held at … on May 31" and "the 2024 … Forum … on May 31").
    let one_unnamed = a.info.confidence.title.min(b.info.confidence.title) < NAMED;
    // Two differently named events of a kind in the same year are two, unless they share
    // a country or one of them is not named (a quote that repeats the lead).
    let both_named = a.info.confidence.title.min(b.info.confidence.title) >= NAMED;
    let namesakes_apart = same_kind
        && a.event.title != b.event.title
        && !precise
        && both_named
        && !countries_overlap_strictly(a, b);
    same_days
        && countries_agree
        && (same_kind
            || (precise && one_unnamed && meeting(a.event.category) && meeting(b.event.category)))
        && !namesakes_apart
}

/// A title's confidence from a name the text gives (described or themed, at least); below
/// it, titles are what the clause says of an event.
pub(super) const NAMED: f32 = 0.65;

/// Both name countries, and share one.
pub(super) fn countries_overlap_strictly(a: &Draft, b: &Draft) -> bool {
    !a.event.countries.is_empty()
        && a.event
            .countries
            .iter()
            .any(|c| b.event.countries.contains(c))
}

/// One draft from two of the same event: the better-named title, a stated date over an
/// inferred one, every source, count, person and country of both.
pub(super) fn merge(mut kept: Draft, other: Draft) -> Draft {
    // The draft with the finer date, then a stated one, then the better title is kept.
    let rank = |d: &Draft| {
        let span = d.event.span();
        (
            span.coarsest_precision(),
            !span.inferred,
            (d.info.confidence.title * 10.0) as u32,
        )
    };
    if rank(&other) > rank(&kept) {
        return merge(other, kept);
    }
    // The kind a word of the event's own says, over a general one ("a meeting").
    let take_kind = kept.info.confidence.kind <= 0.5 && other.info.confidence.kind > 0.5;
    let mut source_map = Vec::new();
    for source in other.event.sources {
        match kept
            .event
            .sources
            .iter()
            .position(|s| s.quote == source.quote && s.file == source.file)
        {
            Some(i) => source_map.push(i),
            None => {
                kept.event.sources.push(source);
                source_map.push(kept.event.sources.len() - 1);
            }
        }
    }
    if take_kind {
        kept.event.category = other.event.category;
        kept.info.confidence.kind = other.info.confidence.kind;
        kept.info.evidence.retain(|e| e.field != Field::Kind);
        let kinds = other
            .info
            .evidence
            .iter()
            .filter(|e| e.field == Field::Kind);
        for kind in kinds {
            let source = source_map.get(kind.source).copied().unwrap_or(kind.source);
            kept.info.evidence.push(Evidence {
                source,
                ..kind.clone()
            });
        }
    }
    for country in other.event.countries {
        if !kept.event.countries.contains(&country) {
            kept.event.countries.push(country);
        }
    }
    let mut count_map = Vec::new();
    for participant in other.event.participants {
        match kept
            .event
            .participants
            .iter()
            .position(|p| *p == participant)
        {
            Some(existing) => count_map.push(existing),
            None => {
                kept.event.participants.push(participant);
                count_map.push(kept.event.participants.len() - 1);
            }
        }
    }
    let mut people_map = Vec::new();
    for person in other.event.people {
        match kept.event.people.iter().position(|p| p.name == person.name) {
            Some(existing) => people_map.push(existing),
            None => {
                kept.event.people.push(person);
                people_map.push(kept.event.people.len() - 1);
            }
        }
    }
    if kept.event.location.is_none() {
        kept.event.location = other.event.location;
    }
    for mut item in other.info.evidence {
        // Title, date and kind stay the kept draft's; the rest move with their items.
        if matches!(item.field, Field::Title | Field::Date | Field::Kind) {
            continue;
        }
        item.source = source_map.get(item.source).copied().unwrap_or(item.source);
        let remap = |index: &str, map: &[usize]| {
            index
                .parse::<usize>()
                .ok()
                .and_then(|i| map.get(i))
                .map(ToString::to_string)
        };
        item.item = match item.field {
            Field::Count => item.item.as_deref().and_then(|i| remap(i, &count_map)),
            Field::Person => item.item.as_deref().and_then(|i| remap(i, &people_map)),
            Field::Organizer => {
                let name = item
                    .item
                    .as_deref()
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| other.event.organizers.get(i));
                match name {
                    Some(name) => {
                        if !kept.event.organizers.contains(name) {
                            kept.event.organizers.push(name.clone());
                        }
                        kept.event
                            .organizers
                            .iter()
                            .position(|o| o == name)
                            .map(|i| i.to_string())
                    }
                    None => item.item,
                }
            }
            _ => item.item,
        };
        if !kept.info.evidence.contains(&item) {
            kept.info.evidence.push(item);
        }
    }
    for article in other.info.articles {
        if !kept.info.articles.contains(&article) {
            kept.info.articles.push(article);
        }
    }
    let confidence = &mut kept.info.confidence;
    confidence.countries = confidence.countries.max(other.info.confidence.countries);
    confidence.counts = confidence.counts.max(other.info.confidence.counts);
    confidence.people = confidence.people.max(other.info.confidence.people);
    confidence.place = confidence.place.max(other.info.confidence.place);
    kept
}

/// Merges the drafts that report the same event, keeping the first one's place in order.
pub fn merge_same_events(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut merged: Vec<Draft> = Vec::new();
    for draft in drafts {
        match merged.iter().position(|m| same_event(m, &draft)) {
            Some(index) => {
                let kept = merged.remove(index);
                merged.insert(index, merge(kept, draft));
            }
            None => merged.push(draft),
        }
    }
    merged
}
