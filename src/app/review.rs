//! Reviewing drafted events: decisions and corrections are kept in the settings, by folder,
//! and the dataset on screen is rebuilt from them without reading the files again.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::TimelineApp;
use crate::draft::{Decision, Review};
use crate::export::{WriteError, write_atomically};
use crate::state::DataSource;

impl TimelineApp {
    /// The reviews of the folder on screen, by draft id.
    pub(super) fn folder_reviews(&self) -> BTreeMap<String, Review> {
        match &self.data.source {
            DataSource::Folder(folder) => self
                .settings
                .reviews
                .get(folder)
                .cloned()
                .unwrap_or_default(),
            DataSource::Sample => BTreeMap::new(),
        }
    }

    /// The page dates the user gave for the articles of `folder`, by file name.
    pub(super) fn folder_page_dates(&self, folder: &Path) -> BTreeMap<String, NaiveDate> {
        let given = self.settings.page_dates.get(folder);
        (given.into_iter().flatten())
            .filter_map(|(file, date)| Some((file.clone(), date.parse().ok()?)))
            .collect()
    }

    /// Keeps the page date the user gave for `file` (none: the page's own again) and reads
    /// the folder again, so that every draft of the article follows it.
    pub(super) fn set_page_date(&mut self, file: String, date: Option<NaiveDate>) {
        let DataSource::Folder(folder) = self.data.source.clone() else {
            return;
        };
        let dates = self.settings.page_dates.entry(folder.clone()).or_default();
        match date {
            Some(date) => dates.insert(file.clone(), date.to_string()),
            None => dates.remove(&file),
        };
        if dates.is_empty() {
            self.settings.page_dates.remove(&folder);
        }
        self.status_message = Some(match date {
            Some(date) => format!("{file}: drafted again with the page date {date}"),
            None => format!("{file}: drafted again with the page's own date"),
        });
        self.start_loading(folder);
    }

    /// Keeps `review` of the draft `id` and shows the data with it.
    pub(super) fn review_draft(&mut self, id: String, review: Review) {
        let DataSource::Folder(folder) = self.data.source.clone() else {
            return;
        };
        let reviews = self.settings.reviews.entry(folder.clone()).or_default();
        if review == Review::default() {
            reviews.remove(&id);
        } else {
            reviews.insert(id.clone(), review);
        }
        if reviews.is_empty() {
            self.settings.reviews.remove(&folder);
        }
        if self.draft_editor.as_ref().is_some_and(|e| e.id == id) {
            self.draft_editor = None;
        }
        self.show_reviews();
    }

    /// Rebuilds the data on screen with the folder's reviews; a load under way reads them
    /// itself, so it starts again.
    fn show_reviews(&mut self) {
        if self.loading.is_some()
            && let DataSource::Folder(folder) = self.data.source.clone()
        {
            self.start_loading(folder);
            return;
        }
        let dataset = Arc::clone(&self.data.dataset);
        let reviews = self.folder_reviews();
        self.start_rebuild(move || dataset.with_reviews(&reviews));
    }

    /// Accepts or rejects the selected draft and selects the next one to review; `Pending`
    /// puts an accepted draft back to review.
    pub(super) fn decide_selected_draft(&mut self, decision: Decision) {
        let Some(index) = self.selection.event else {
            self.status_message = Some("Select a draft first: N goes to the next one".to_owned());
            return;
        };
        let Some(id) = self
            .data
            .dataset
            .events
            .get(index as usize)
            .map(|e| e.id().to_owned())
        else {
            return;
        };
        let Some(draft) = self.data.dataset.draft(&id) else {
            self.status_message =
                Some("Only events drafted from articles are accepted or rejected".to_owned());
            return;
        };
        let mut review = self
            .folder_reviews()
            .remove(&id)
            .unwrap_or_else(|| draft.review.clone());
        review.decision = decision;
        let next = (decision != Decision::Pending)
            .then(|| self.next_draft_to_review(Some(index)))
            .flatten()
            .filter(|&next| next != index);
        self.review_draft(id, review);
        match (decision, next) {
            (Decision::Pending, _) => {}
            (_, Some(next)) => self.select(Some(next)),
            // Nothing left to review; a rejected event leaves the timeline.
            (Decision::Rejected, None) => self.select(None),
            (Decision::Accepted, None) => {
                self.status_message = Some("Every draft is reviewed".to_owned());
            }
        }
    }

    /// The next shown draft after `after` (in time) that is still to review, from the start
    /// again after the last.
    pub(super) fn next_draft_to_review(&self, after: Option<u32>) -> Option<u32> {
        let reviews = self.folder_reviews();
        let events = &self.data.dataset.events;
        // The data may not show the latest decisions yet: the settings have them.
        let to_review = |&&i: &&u32| {
            events.get(i as usize).is_some_and(|e| {
                e.is_draft()
                    && reviews
                        .get(e.id())
                        .is_none_or(|r| r.decision == Decision::Pending)
            })
        };
        let shown = self.data.shown();
        let start = after.map_or(0, |a| shown.partition_point(|&i| i <= a));
        shown[start..]
            .iter()
            .chain(&shown[..start])
            .find(to_review)
            .copied()
    }

    /// Puts every rejected draft of the folder back to review.
    pub(super) fn restore_rejected_drafts(&mut self) {
        let DataSource::Folder(folder) = self.data.source.clone() else {
            return;
        };
        let Some(reviews) = self.settings.reviews.get_mut(&folder) else {
            return;
        };
        let mut restored = 0;
        for review in reviews.values_mut() {
            if review.decision == Decision::Rejected {
                review.decision = Decision::Pending;
                restored += 1;
            }
        }
        reviews.retain(|_, r| *r != Review::default());
        self.status_message = Some(format!("{restored} rejected drafts are back to review"));
        self.show_reviews();
    }

    /// How many drafts are accepted: only those are saved.
    pub fn accepted_count(&self) -> usize {
        self.data.dataset.accepted_drafts().count()
    }

    /// Writes the accepted events as native JSON: `{"events": [...]}`.
    pub(super) fn write_accepted(&self, path: &Path, overwrite: bool) -> Result<(), WriteError> {
        let events: Vec<_> = self.data.dataset.accepted_drafts().collect();
        let text = serde_json::to_string_pretty(&serde_json::json!({ "events": events }))
            .map_err(|e| WriteError::Json(e.to_string()))?;
        write_atomically(path, text.as_bytes(), overwrite)
    }
}
