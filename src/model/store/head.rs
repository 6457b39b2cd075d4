//! The fixed-size part of every event, and the numbers it holds.

use super::super::date::PartialDate;
use super::super::event::Category;

/// `start..start + len` of one of the store's buffers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Range32 {
    pub(super) start: u32,
    pub(super) len: u32,
}

impl Range32 {
    pub(super) fn get(self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }
}

/// The fixed-size part of one event.
#[derive(Clone, Copy, Debug)]
pub(super) struct Head {
    pub(super) start: PartialDate,
    pub(super) end: Option<PartialDate>,
    pub(super) date_inferred: bool,
    /// Drafted from an article and not yet reviewed.
    pub(super) draft: bool,
    /// Announced, not known to have happened.
    pub(super) planned: bool,
    pub(super) category: Category,
    pub(super) id: Range32,
    pub(super) title: Range32,
    pub(super) series: Option<Range32>,
    /// Into [`EventStore::countries`].
    pub(super) countries: Range32,
    /// Into [`EventStore::details`].
    pub(super) details: Range32,
    /// The data file it was read from, by its place in the folder; [`NO_FILE`] for none.
    pub(super) file: u16,
}

/// The file of an event not read from a data file (a draft), or of one whose file is past
/// the first 65,535 of its folder.
pub const NO_FILE: u16 = u16::MAX;

/// The fields of a [`Head`] that are not ranges.
pub(super) struct HeadValues {
    pub(super) start: PartialDate,
    pub(super) end: Option<PartialDate>,
    pub(super) date_inferred: bool,
    pub(super) draft: bool,
    pub(super) planned: bool,
    pub(super) category: Category,
    pub(super) file: u16,
}
