//! The core: dates, events, loading, validation, statistics, the view maths and the scene
//! description. No egui in here, so all of it can be tested and benchmarked without a window.

pub mod country;
pub mod date;
pub mod density;
pub mod event;
pub mod filter;
pub mod load;
pub mod problem;
pub mod sample;
pub mod scene;
pub mod stats;
pub mod store;
pub mod ticks;
pub mod view;

pub use country::Country;
pub use date::{DateSpan, PartialDate, Precision};
pub use event::{Category, Event, Participant, Person, SourceRef};
pub use filter::Filters;
pub use load::{Dataset, LoadError, LoadOptions, LoadProgress};
pub use problem::{Problem, Severity};
pub use store::{EventRef, EventStore};
