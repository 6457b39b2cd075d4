//! The drafter's defects a new user found, each on a short article written for the purpose:
//! what it states is what the text says, its titles are names or short phrases, and the
//! review keeps every correction.

use coop_timeline::draft::{Decision, Draft, Review, draft_article};
use coop_timeline::model::event::{Category, CountQualifier};

fn drafts(text: &str) -> Vec<Draft> {
    draft_article("article.txt", text, None).drafts
}

/// The draft of that kind.
fn of_kind(drafts: &[Draft], kind: Category) -> &Draft {
    (drafts.iter())
        .find(|d| d.event.category == kind)
        .unwrap_or_else(|| panic!("no {kind:?} drafted"))
}

const SEMINAR: &str = "Japan and Viet Nam review battery research

Published: 2024-06-12

A joint seminar on batteries was held in Hanoi on June 10, organized by the Japan Agency for Science and Technology Development (JST) and the Vietnam Academy of Science and Technology.

More than 300 researchers from both countries attended the seminar.

Both sides hope to hold a follow-up workshop next year.

On June 11, a round-table on funding was co-hosted by the Ministry of Science and Technology of Viet Nam.
";

#[test]
fn a_hope_is_not_an_event() {
    let drafts = drafts(SEMINAR);
    assert!(
        drafts.iter().all(|d| d.event.start.to_string() != "2025"),
        "{:#?}",
        drafts.iter().map(|d| &d.event.title).collect::<Vec<_>>()
    );
}

#[test]
fn organizers_are_whole_names_and_stay_with_their_event() {
    let drafts = drafts(SEMINAR);
    let seminar = of_kind(&drafts, Category::Seminar);
    assert_eq!(
        seminar.event.organizers,
        [
            "Japan Agency for Science and Technology Development (JST)",
            "Vietnam Academy of Science and Technology"
        ]
    );
    let round_table = drafts
        .iter()
        .find(|d| d.event.start.to_string() == "2024-06-11")
        .expect("the round-table is drafted");
    assert_eq!(
        round_table.event.organizers,
        ["Ministry of Science and Technology of Viet Nam"]
    );
}

#[test]
fn more_than_is_kept_as_a_lower_bound() {
    let drafts = drafts(SEMINAR);
    let seminar = of_kind(&drafts, Category::Seminar);
    let count = &seminar.event.participants[0];
    assert_eq!(
        (count.count, count.qualifier),
        (300, Some(CountQualifier::MoreThan))
    );
    assert_eq!(count.count_phrase(), "more than 300 researchers");
    let saved = serde_json::to_value(&seminar.event).expect("an event serialises");
    assert_eq!(saved["participants"][0]["qualifier"], "more_than");
}

const SUMMIT: &str = "Revived China-Japan-ROK Summit a 'Golden Opportunity'

Date: 2024-06-02

The Ninth Trilateral Summit Meeting among China, Japan and the Republic of Korea was held in Seoul on May 27, 2024.

Leaders attended the summit and adopted a joint declaration.

Speaking at the 2024 International Forum on Regional Cooperation on May 31, Professor Kim Min-jun said the summit was a golden opportunity.
";

#[test]
fn a_headline_that_names_the_body_s_summit_is_no_second_event() {
    let drafts = drafts(SUMMIT);
    let summits: Vec<_> = drafts
        .iter()
        .filter(|d| d.event.category == Category::Summit)
        .collect();
    assert_eq!(summits.len(), 1, "{summits:#?}");
    assert_eq!(summits[0].event.start.to_string(), "2024-05-27");
}

#[test]
fn a_speaker_at_the_forum_is_not_one_of_the_summit_s_people() {
    let drafts = drafts(SUMMIT);
    let summit = of_kind(&drafts, Category::Summit);
    assert!(
        summit.event.people.iter().all(|p| !p.name.contains("Kim")),
        "{:?}",
        summit.event.people
    );
}

const CLAUSES: &str = "EU-China: first co-funding call

Published: 16 December 2015

Further to the political agreement reached at the 2nd EU-China Innovation Cooperation Dialogue and the Summit of 29 June and the conclusions of the EU-China Joint Steering Committee on S&T Cooperation of 30 October, the Chinese Ministry of Science and Technology has published the first call for proposals under the EU-China Co-Funding Mechanisms (CFM) for Research and Innovation.

• Japanese former Prime Minister Mr. Junichiro Koizumi visited India at the invitation of Dr. Manmohan Singh, Prime Minister of India, in April 2005.

A joint seminar on batteries was held in Beijing on 3 November 2015.
";

#[test]
fn titles_are_names_or_short_phrases_never_clauses() {
    let drafts = drafts(CLAUSES);
    let titles: Vec<&str> = drafts.iter().map(|d| d.event.title.as_str()).collect();
    for title in &titles {
        let words = title.split_whitespace().count();
        let last = title.split_whitespace().last().unwrap_or("");
        assert!(words <= 14, "too long: {title}");
        assert!(!title.contains('…') && !title.starts_with('•'), "{title}");
        assert!(
            !["was", "of", "and", "the", "at", "has"].contains(&last),
            "ends in an open word: {title}"
        );
    }
    for name in [
        "First call for proposals under the EU-China Co-Funding Mechanisms (CFM) for Research and Innovation",
        "Joint seminar on batteries",
        "EU-China Joint Steering Committee on S&T Cooperation",
    ] {
        assert!(titles.contains(&name), "{name} not in {titles:#?}");
    }
}

#[test]
fn a_review_corrects_every_field_and_an_accepted_event_is_no_draft() {
    let drafts = drafts(SEMINAR);
    let seminar = of_kind(&drafts, Category::Seminar);
    assert!(seminar.event.tags.contains(&"draft".to_owned()));
    let review = Review {
        decision: Decision::Accepted,
        title: Some("Japan–Viet Nam battery seminar".to_owned()),
        start: Some("2024-06-10".to_owned()),
        category: Some(Category::Conference),
        location: Some("Hanoi, Viet Nam".to_owned()),
        countries: Some(vec!["JPN".to_owned(), "Viet Nam".to_owned()]),
        organizers: Some(vec!["JST".to_owned(), " ".to_owned()]),
        people: Some(vec!["Nguyen Van A".to_owned()]),
        participants: Some("more than 300 researchers".to_owned()),
        planned: Some(true),
        ..Review::default()
    };
    let (event, problems) = review.apply(&seminar.event);
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(event.title, "Japan–Viet Nam battery seminar");
    assert!(!event.date_inferred);
    assert_eq!(event.category, Category::Conference);
    assert_eq!(event.location.as_deref(), Some("Hanoi, Viet Nam"));
    let codes: Vec<&str> = event.countries.iter().map(|c| c.code()).collect();
    assert_eq!(codes, ["JPN", "VNM"]);
    assert_eq!(event.organizers, ["JST"]);
    assert_eq!(event.people[0].name, "Nguyen Van A");
    assert_eq!(
        event.participants[0].qualifier,
        Some(CountQualifier::MoreThan)
    );
    assert!(event.planned);
    assert!(
        !event.tags.contains(&"draft".to_owned()),
        "{:?}",
        event.tags
    );
    let empty = Review {
        title: Some("  ".to_owned()),
        ..Review::default()
    };
    assert_eq!(empty.apply(&seminar.event).1, ["the title cannot be empty"]);
}
