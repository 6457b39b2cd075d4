use super::event_ref::contains_ignoring_case;
use super::*;
use crate::model::date::PartialDate;
use crate::model::event::example_events;

/// The store as the load cache writes it and reads it back.
fn cached_copy(store: &EventStore) -> Option<EventStore> {
    let cached = store.to_cached();
    let details = cached.details_in_order().collect::<Vec<_>>().concat();
    assert_eq!(details.len(), cached.details_len);
    EventStore::from_cached(
        &cached.heads,
        cached.text.to_owned(),
        &cached.countries,
        details,
    )
}

#[test]
fn sorting_orders_by_start_then_id_and_keeps_every_event() {
    let sample = example_events();
    // Many events on one start, so that ids decide, in an order far from sorted.
    let mut events: Vec<Event> = (0..300)
        .map(|n| Event {
            id: format!("e{:03}", (n * 7919) % 300),
            start: sample[n % 4].start,
            ..sample[n % sample.len()].clone()
        })
        .collect();
    let mut store = EventStore::from_events(&events).unwrap();
    store.sort_by_start_then_id();
    events.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    assert_eq!(store.to_vec(), events);
}

#[test]
fn the_cache_writes_details_in_the_events_order() {
    let mut store = EventStore::from_events(&example_events()).unwrap();
    // The heads in another order than their details, as in a store too big to lay out.
    store.heads.reverse();
    let is_laid_out = |store: &EventStore| {
        let mut at = 0;
        store.heads.iter().all(|head| {
            let in_place = head.details.start == at;
            at += head.details.len;
            in_place
        })
    };
    assert!(!is_laid_out(&store));
    let copy = cached_copy(&store).expect("a store the cache can read");
    assert!(is_laid_out(&copy));
    assert_eq!(copy.to_vec(), store.to_vec());
    let countries_in_order: Vec<Country> =
        store.iter().flat_map(|e| e.countries().to_vec()).collect();
    assert_eq!(copy.countries, countries_in_order);
}

#[test]
fn a_cached_event_must_end_after_it_starts() {
    let reread = |start: &str, end: &str| {
        let event = Event {
            id: "e".into(),
            title: "E".into(),
            start: PartialDate::parse(start).unwrap(),
            end: Some(PartialDate::parse(end).unwrap()),
            ..example_events()[0].clone()
        };
        cached_copy(&EventStore::from_events([&event]).unwrap())
    };
    assert!(reread("2021-05-31", "2021-05").is_some());
    assert!(reread("2021-05-10", "2021-05-10").is_some());
    assert!(reread("2021", "2021-12-31").is_some());
    assert!(reread("2021-05-10", "2021-05-09").is_none());
    assert!(reread("2021-05", "2021-04-30").is_none());
    assert!(reread("-0500", "-0501").is_none());
}

#[test]
fn events_come_back_whole() {
    let mut events = example_events();
    events.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    assert!(events.iter().any(|e| !e.people.is_empty()));
    assert!(
        events
            .iter()
            .any(|e| e.sources.iter().any(|s| s.publisher.is_some()))
    );
    let store = EventStore::from_events(&events).unwrap();
    assert_eq!(store.to_vec(), events);
    let mut copy = EventStore::default();
    for index in (0..store.len()).rev() {
        copy.push_copy(&store, index).unwrap();
    }
    copy.sort_by_start_then_id();
    assert_eq!(copy.to_vec(), events);
    // Laid out in the new order: each event's details and countries follow the last's.
    let in_order = |range: fn(&Head) -> Range32| {
        copy.heads.windows(2).all(|pair| {
            let (before, after) = (range(&pair[0]), range(&pair[1]));
            before.start + before.len == after.start
        })
    };
    assert!(in_order(|h| h.details) && in_order(|h| h.countries));
}

#[test]
fn search_ignores_case_in_every_field() {
    let store = EventStore::from_events(&example_events()).unwrap();
    let matching = |needle: &str| store.iter().filter(|e| e.matches_text(needle)).count();
    assert_eq!(matching(""), store.len());
    assert!(matching("forum") > 0);
    assert_eq!(matching("forum"), matching(&"FORUM".to_lowercase()));
    // A person's name, an organizer and a place, none of them in a title: the same
    // events as a search of the whole decoded events.
    for needle in ["okimura kazuki", "pangoal", "weihai, shandong"] {
        let decoded = store.to_vec();
        let expected = decoded.iter().filter(|e| {
            let json = serde_json::to_string(e).unwrap().to_lowercase();
            !e.title.to_lowercase().contains(needle) && json.contains(needle)
        });
        assert!(expected.clone().count() > 0, "{needle}");
        assert_eq!(matching(needle), expected.count(), "{needle}");
    }
    assert_eq!(matching("no such words anywhere"), 0);
}

#[test]
fn offsets_past_4_gib_are_refused_not_wrapped() {
    let limit = u32::MAX as usize;
    assert_eq!(
        range_after(limit - 3, 3),
        Ok(Range32 {
            start: u32::MAX - 3,
            len: 3
        })
    );
    assert_eq!(range_after(limit - 3, 4), Err(StoreFull));
    assert_eq!(range_after(limit + 1, 0), Err(StoreFull));
}

#[test]
fn a_head_stays_small() {
    // A million heads are read on every rebuild and held all the time; see the README's
    // memory profile before making this larger.
    assert!(std::mem::size_of::<Head>() <= 64);
}

#[test]
fn search_matching_ignores_case() {
    assert!(contains_ignoring_case(
        "China-Japan University Forum",
        "japan univ"
    ));
    assert!(contains_ignoring_case("科技日报 Science", "科技"));
    assert!(contains_ignoring_case("ÉCOLE polytechnique", "école"));
    assert!(!contains_ignoring_case("Forum", "forums"));
}
