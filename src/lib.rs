//! Cooperation Timeline Explorer: the data (`model`), how it is drawn (`layout`), the window
//! (`app`, `ui`) and the command line's reports (`check`).

pub mod app;
pub mod check;
pub mod command;
pub mod draft;
pub mod export;
pub mod generate;
pub mod layout;
pub mod model;
pub mod state;
pub mod ui;
pub mod watch;
