//! Which lanes an event is in, by the lane mode.

use crate::model::country::Country;
use crate::model::event::Category;
use crate::model::store::EventRef;

use super::mark::LaneMode;

/// What a lane stands for; keys sort into the lane order: drafts first, categories in their
/// own order, countries and series by name, "none" last. They borrow from the events, so a
/// million events cost no allocation here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum LaneKey<'a> {
    Drafts,
    Category(Category),
    Named(&'a str),
    Country(&'static str, Country),
    None,
}

/// Calls `visit` with each lane the event is in; no list is made, since a scene is built
/// from millions of events.
pub(super) fn for_each_lane_key<'a>(
    event: &EventRef<'a>,
    lane_mode: LaneMode,
    mut visit: impl FnMut(LaneKey<'a>),
) {
    if event.is_draft() {
        return visit(LaneKey::Drafts);
    }
    match lane_mode {
        LaneMode::Category => visit(LaneKey::Category(event.category())),
        LaneMode::Series => visit(event.series().map_or(LaneKey::None, LaneKey::Named)),
        LaneMode::Country if event.countries().is_empty() => visit(LaneKey::None),
        LaneMode::Country => event
            .countries()
            .iter()
            .for_each(|&c| visit(LaneKey::Country(c.name(), c))),
    }
}
