//! A draft built from a clause: its date, kind, title and the fields its words give; and the
//! event a headline names when the text never dates it.

use super::countries::{countries_in, find_countries};
use super::dates::DateMention;
use super::fields::{add_details, evidence, source_of};
use super::kinds::{KindWord, Strength, kind_of};
use super::names::event_name;
use super::page::{Article, Sentence};
use super::page_date::full_dates;
use super::title_words::upper_first;
use super::titles::title_of;
use super::{Confidence, Draft, DraftInfo, Field};
use crate::model::date::PartialDate;
use crate::model::event::{Category, Event};

/// A kind said in another clause of the sentence, for a clause that gives only a date:
/// "… have met in May 2011 in Siem Reap and in Ho Chi Minh City in November 2011".
#[derive(Clone, Debug)]
pub(super) struct InheritedKind {
    pub(super) category: Category,
    /// Where its word is in the sentence.
    pub(super) range: (usize, usize),
    pub(super) title: InheritedTitle,
}

/// What a clause that gives only a date is titled by.
#[derive(Clone, Debug)]
pub(super) enum InheritedTitle {
    /// The title of the clause the kind was said in, where that clause named or described
    /// the event ("Meeting of the ASEAN Committee …"), and where it is in the sentence.
    Whole(String, (usize, usize)),
    /// The kind's word alone, for a list of dates under it: "deadlines".
    Word(String),
}

/// How a candidate is made: the clause, where it is, what it is and when.
pub(super) struct ClauseEvent<'a> {
    pub(super) sentence: &'a Sentence,
    pub(super) offset: usize,
    pub(super) clause: &'a str,
    pub(super) kind: Option<KindWord>,
    pub(super) inherited: Option<InheritedKind>,
    pub(super) date: DateMention,
    pub(super) why: Option<String>,
    /// Announced for later: the clause speaks of the future, or its date is after the page's.
    pub(super) planned: bool,
}

/// A drafted event while the article is read.
pub(super) struct Candidate {
    pub(super) draft: Draft,
    /// Its kind, as first drafted.
    pub(super) category: Category,
    /// The word that said its kind, in lower case: "the cruise" refers back to a cruise.
    pub(super) kind_word: String,
}

/// The date of a drafted event, as a mention to inherit.
pub(super) fn date_of_draft(draft: &Draft) -> Option<DateMention> {
    Some(DateMention {
        start: draft.event.start,
        end: draft.event.end,
        inferred: draft.event.date_inferred,
        reasoning: None,
        range: (0, 0),
        since: false,
        deadline: false,
        year_from: None,
        confidence: draft.info.confidence.date * 0.8,
    })
}

/// A new draft from a clause of a sentence.
pub(super) fn new_candidate(article: &Article, made: ClauseEvent) -> Candidate {
    let ClauseEvent {
        sentence,
        offset,
        clause,
        kind,
        inherited,
        date,
        why: inherited_why,
        planned,
    } = made;
    let at = |range: (usize, usize)| (range.0 + offset, range.1 + offset);
    let category = kind
        .map(|k| k.category)
        .or(inherited.as_ref().map(|k| k.category))
        .unwrap_or(Category::Other);
    // A clause that starts with its verb ("…, and was set to be resumed") has the subject of
    // the sentence's first clause.
    let subject = (offset > 0)
        .then(|| {
            sentence
                .text
                .split_once(" was ")
                .or_else(|| sentence.text.split_once(" were "))
        })
        .flatten()
        .map(|(subject, _)| subject.trim())
        .filter(|s| (1..=6).contains(&s.split_whitespace().count()));
    let (title, title_at, title_confidence) = match (&kind, &inherited) {
        (None, Some(inherited)) => inherited_title(&inherited.title, clause, date.range, at),
        _ => {
            let (title, range, confidence) = title_of(clause, kind, date.range, subject);
            (title, at(range), confidence)
        }
    };
    let mut info = DraftInfo {
        articles: vec![article.file.clone()],
        ..DraftInfo::default()
    };
    info.confidence.title = title_confidence;
    info.evidence
        .push(evidence(Field::Title, None, 0, title_at));
    if date.range != (0, 0) {
        info.evidence
            .push(evidence(Field::Date, None, 0, at(date.range)));
    }
    info.reasoning.extend(date.reasoning.clone());
    info.reasoning.extend(inherited_why);
    info.confidence.date = date.confidence;
    if let Some(kind) = kind {
        info.evidence
            .push(evidence(Field::Kind, None, 0, at(kind.range)));
        info.confidence.kind = match kind.strength {
            Strength::Weak => 0.5,
            Strength::Verb => 0.75,
            Strength::Noun => 0.85,
        };
    } else if let Some(inherited) = inherited {
        info.evidence
            .push(evidence(Field::Kind, None, 0, inherited.range));
        info.confidence.kind = 0.6;
    } else {
        info.confidence.kind = 0.3;
    }
    // A "since" date starts something that goes on: kept at its own precision, no end.
    let event = Event {
        id: String::new(),
        title,
        start: date.start,
        end: date.end,
        date_inferred: date.inferred,
        category,
        series: None,
        location: None,
        countries: Vec::new(),
        organizers: Vec::new(),
        participants: Vec::new(),
        people: Vec::new(),
        summary: String::new(),
        sources: vec![source_of(
            &article.file,
            article.dateline.as_ref(),
            &sentence.text,
        )],
        tags: vec!["draft".to_owned()],
        display_date: None,
        planned,
        coverage: Vec::new(),
    };
    let mut draft = Draft { event, info };
    add_details(&mut draft, 0, offset, clause, true);
    if let Some(stated) = date.year_from {
        add_stated_year(&mut draft, article, stated);
    }
    let kind_word = kind.map_or_else(String::new, |k| clause[k.range.0..k.range.1].to_lowercase());
    Candidate {
        draft,
        category,
        kind_word,
    }
}

/// The title of a clause that gives only a date, from the clause its kind was said in:
/// "… have met in May 2011 in Siem Reap and in Ho Chi Minh City in November 2011" is a second
/// meeting of the same; "Two deadlines: 31 March and 31 July" is the "Deadline of 31 March".
fn inherited_title(
    inherited: &InheritedTitle,
    clause: &str,
    date_range: (usize, usize),
    at: impl Fn((usize, usize)) -> (usize, usize),
) -> (String, (usize, usize), f32) {
    match inherited {
        InheritedTitle::Whole(title, range) => (title.clone(), *range, 0.55),
        InheritedTitle::Word(word) => {
            let word = word.strip_suffix('s').unwrap_or(word);
            let date = clause[date_range.0..date_range.1].trim();
            let title = upper_first(&format!("{word} of {date}"));
            (title, at(date_range), 0.5)
        }
    }
}

/// The line that states the full date a month and day took their year from, as a source of
/// the draft with the date marked in it: "February 28, 2014" in a caption.
fn add_stated_year(draft: &mut Draft, article: &Article, stated: chrono::NaiveDate) {
    let Some((_, line)) = article.full_date_lines.iter().find(|(d, _)| *d == stated) else {
        return;
    };
    let Some(found) = full_dates(line).into_iter().find(|f| f.date == stated) else {
        return;
    };
    draft
        .event
        .sources
        .push(source_of(&article.file, article.dateline.as_ref(), line));
    let source = draft.event.sources.len() - 1;
    draft
        .info
        .evidence
        .push(evidence(Field::Date, None, source, found.range));
}

/// An article whose headline names an event ("SCIO press conference on …") that no sentence
/// dates is about that event: it is dated to the article's year, as inferred.
pub(super) fn headline_event(article: &Article, candidates: &mut Vec<Candidate>) {
    let (Some(title), Some(dateline)) = (&article.title, &article.dateline) else {
        return;
    };
    let Some(date) = dateline.date else { return };
    let Some((category, range)) = kind_of(title) else {
        return;
    };
    // Only a headline that is the event's name ("SCIO press conference on …"), not one that
    // says something of an event ("Revived … Summit a 'Golden Opportunity'").
    // The longer of the name and the description: "SCIO press conference on implementing
    // …" is described by all its words.
    let words = |text: &str| text.split_whitespace().count();
    let named = [event_name(title, range), described(title, range)]
        .into_iter()
        .flatten()
        .max_by_key(|&(start, end)| words(&title[start..end]));
    let is_the_name =
        named.is_some_and(|(start, end)| 5 * words(&title[start..end]) >= 3 * words(title));
    let already = candidates.iter().any(|c| {
        c.category == category
            && named.is_some_and(|(start, end)| same_name(&c.draft.event.title, &title[start..end]))
    });
    if !is_the_name || already {
        return;
    }
    // A date line that gives the date alone, right under the name, is the event's day; one
    // that stamps the page among other things gives only the year.
    let bare = dateline.printed.len() + 6 >= dateline.whole_line.trim().len();
    let (start, why) = if bare {
        (PartialDate::of_day(date), String::new())
    } else {
        (
            PartialDate::year(chrono::Datelike::year(&date)),
            format!(
                "article of {date}: its headline names the event but the text does not say when it was held, so only the year is given"
            ),
        )
    };
    let Some(start) = start else {
        return;
    };
    let mut info = DraftInfo {
        articles: vec![article.file.clone()],
        reasoning: (!why.is_empty()).then_some(why).into_iter().collect(),
        ..DraftInfo::default()
    };
    info.confidence = Confidence {
        title: 0.7,
        date: if bare { 0.6 } else { 0.4 },
        kind: 0.8,
        ..Confidence::default()
    };
    info.evidence
        .push(evidence(Field::Title, None, 0, (0, title.len())));
    info.evidence.push(evidence(Field::Kind, None, 0, range));
    let countries = countries_in(title);
    for (country, range) in find_countries(title) {
        info.evidence.push(evidence(
            Field::Country,
            Some(country.code().to_owned()),
            0,
            range,
        ));
    }
    let event = Event {
        id: String::new(),
        title: title.clone(),
        start,
        end: None,
        date_inferred: true,
        category,
        series: None,
        location: None,
        countries,
        organizers: Vec::new(),
        participants: Vec::new(),
        people: Vec::new(),
        summary: String::new(),
        sources: vec![source_of(&article.file, Some(dateline), title)],
        tags: vec!["draft".to_owned()],
        display_date: None,
        planned: false,
        coverage: Vec::new(),
    };
    let mut draft = Draft { event, info };
    // The date line states the day: it is a source, with the date marked in it.
    if bare {
        let line = dateline.whole_line.trim();
        if let Some(at) = line.find(&dateline.printed) {
            draft
                .event
                .sources
                .push(source_of(&article.file, Some(dateline), line));
            draft.event.date_inferred = false;
            let range = (at, at + dateline.printed.len());
            draft
                .info
                .evidence
                .push(evidence(Field::Date, None, 1, range));
        }
    }
    candidates.push(Candidate {
        draft,
        category,
        kind_word: title[range.0..range.1].to_lowercase(),
    });
}

/// The headline's words from the kind on, when it is described rather than named: "SCIO
/// press conference on implementing …".
fn described(title: &str, range: (usize, usize)) -> Option<(usize, usize)> {
    let start = title[..range.0]
        .rfind(|c: char| !c.is_alphanumeric() && c != ' ' && c != '-')
        .map_or(0, |i| i + 1);
    Some((start, title.len())).filter(|_| title[range.1..].trim_start().starts_with("on "))
}

/// Two titles that name the same event, whatever their case and articles.
fn same_name(a: &str, b: &str) -> bool {
    let key = |t: &str| {
        t.trim_start_matches("The ")
            .trim_start_matches("the ")
            .to_lowercase()
    };
    let (a, b) = (key(a), key(b));
    a.contains(&b) || b.contains(&a)
}
