//! The data, and nothing above it: dates, events, countries, participants, drafts, the
//! compact store, the dataset a folder gives, problems, filters and statistics. No egui and
//! no file reading in here, so all of it can be tested and benchmarked on its own. It imports
//! nothing of the crate above it: the loader and the layout build on it, never the reverse.

pub mod columns;
pub mod country;
mod country_names;
pub mod dataset;
pub mod date;
pub mod drafts;
pub mod event;
pub mod filter;
pub mod participants;
pub mod problem;
pub mod stats;
pub mod store;

pub use country::Country;
pub use dataset::{Dataset, Format};
pub use date::{DateSpan, PartialDate, Precision};
pub use event::{Category, CountQualifier, Coverage, Event, Participant, Person, SourceRef};
pub use filter::Filters;
pub use problem::{Problem, Severity};
pub use store::{EventRef, EventStore};
