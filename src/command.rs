//! What the panels ask the app to do. A panel returns commands; the app applies them after
//! the frame's UI code, in one place, so that nothing deep in a panel changes the state.

use std::path::PathBuf;

use crate::export::ExportKind;
use crate::layout::scene::{ColorMode, LaneMode};
use crate::layout::view::TimeView;
use crate::model::Filters;
use crate::state::CountsScope;

/// One change the user asked for.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// Select an event by its index in the dataset, or clear the selection.
    Select(Option<u32>),
    SelectNext,
    SelectPrevious,
    /// Give the keyboard to the search box.
    FocusSearch,
    /// List the events of a lane between two times in the details panel.
    ShowGroup {
        lane: u32,
        from_days: f64,
        to_days: f64,
    },
    /// Move the view by this many days (positive shows later times).
    Pan {
        delta_days: f64,
    },
    /// Zoom around a time, in days; a factor above 1 zooms in.
    ZoomAround {
        days: f64,
        factor: f64,
    },
    /// Zoom around the centre of the view.
    Zoom(f64),
    SetView(TimeView),
    /// Show every event that passes the filters.
    FitAll,
    /// Scroll the lanes by this many points (positive shows lower lanes).
    ScrollLanes {
        delta_px: f32,
    },
    /// The chart is now drawn here: left, top, right, bottom, in points.
    ChartPlaced([f32; 4]),
    ShowOpenDialog,
    OpenFolder(PathBuf),
    /// Ask where to save, then export.
    Export(ExportKind),
    /// Export to `path`; `overwrite` once the user agreed to replace an existing file.
    ExportTo {
        kind: ExportKind,
        path: PathBuf,
        overwrite: bool,
    },
    CancelOverwrite,
    OpenSample,
    Reload,
    CancelLoad,
    SetLaneMode(LaneMode),
    SetColorMode(ColorMode),
    SetFilters(Filters),
    SetCountsScope(CountsScope),
    SetDarkMode(bool),
    ToggleProblems,
    /// Show or fold away the filters and counts on the left.
    ToggleFilters,
    /// Show or fold away the event's details on the right.
    ToggleDetails,
    SetPathEntry(String),
    ClosePathEntry,
    CopyText(String),
    /// Open the column mapping of a spreadsheet of the folder, by its file name.
    EditSheetMapping(String),
    /// The mapping dialog changed.
    SetMappingEditor(crate::state::MappingEditor),
    /// Keep the dialog's mapping for its file, and reload.
    ApplySheetMapping,
    /// Forget the chosen mapping of the dialog's file (the app guesses again), and reload.
    ResetSheetMapping,
    CloseMappingEditor,
    /// Keep the user's review of a draft, by its event id: the decision and corrections.
    ReviewDraft {
        id: String,
        review: crate::draft::Review,
    },
    /// Accept or reject the selected draft (then go on to the next), or put it back to review.
    DecideSelectedDraft(crate::draft::Decision),
    /// Select the next draft still to review.
    NextDraft,
    /// Open, change or close the corrections of a draft.
    EditDraft(Option<crate::state::DraftEditor>),
    /// Open, change or close the page date being typed for an article.
    EditPageDate(Option<crate::state::PageDateEditor>),
    /// Draft an article again with this page date (none: the page's own).
    SetPageDate {
        file: String,
        date: Option<chrono::NaiveDate>,
    },
    /// Put every rejected draft of the folder back to review.
    RestoreRejectedDrafts,
    OpenUrl(String),
    Quit,
}
