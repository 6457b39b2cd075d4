//! The data: dates, events, countries, the compact store, loading and validation, filters
//! and statistics. No egui in here, so all of it can be tested and benchmarked without a
//! window; how it is drawn is in [`crate::layout`].

pub mod cache;
pub mod country;
pub mod date;
pub mod event;
pub mod filter;
pub mod load;
pub mod problem;
pub mod sample;
pub mod stats;
pub mod store;

pub use country::Country;
pub use date::{DateSpan, PartialDate, Precision};
pub use event::{Category, Event, Participant, Person, SourceRef};
pub use filter::Filters;
pub use load::{Dataset, LoadError, LoadOptions, LoadProgress};
pub use problem::{Problem, Severity};
pub use store::{EventRef, EventStore};
