//! Cooperation Timeline Explorer. The layers, each importing only those below it:
//!
//! - [`text`] and [`model`]: text from bytes and markup; the data (dates, events, the store,
//!   the dataset, drafts, filters, statistics);
//! - [`format`]: words for numbers, counts and days;
//! - [`draft`]: events drafted from news articles;
//! - [`layout`]: how the timeline looks, as a draw list, without egui;
//! - [`load`]: a data folder read into a dataset, and its cache;
//! - [`export`]: the chart and the events written to files;
//! - [`state`] and [`command`]: what the window holds, and what its panels ask for;
//! - [`ui`]: the panels, which read the state and return commands;
//! - [`app`]: the eframe app, which owns the state and applies the commands;
//! - [`cli`]: the subcommands `check`, `draft` and `generate`.

#![forbid(unsafe_code)]

/// Appends a formatted line to a `String`. Formatting into memory cannot fail, so unlike
/// `writeln!` this leaves no result to drop.
macro_rules! push_line {
    ($out:expr) => {
        $out.push('\n')
    };
    ($out:expr, $($arg:tt)*) => {{
        $out.push_str(&format!($($arg)*));
        $out.push('\n');
    }};
}

/// Appends formatted text to a `String`, as [`push_line!`] without the line break.
macro_rules! push_text {
    ($out:expr, $($arg:tt)*) => {
        $out.push_str(&format!($($arg)*))
    };
}

pub mod app;
pub mod cli;
pub mod command;
pub mod draft;
pub mod export;
pub mod format;
pub mod layout;
pub mod load;
pub mod model;
pub mod state;
pub mod text;
pub mod ui;
