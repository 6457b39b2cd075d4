//! Cooperation Timeline Explorer: the core (`model`), the window (`app`, `ui`) and the
//! command line's reports (`check`).

pub mod app;
pub mod check;
pub mod export;
pub mod generate;
pub mod model;
pub mod ui;
pub mod watch;
