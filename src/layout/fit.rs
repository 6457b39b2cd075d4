//! Fitting the view to the data: every shown event, and eras, with room for the label of
//! the event that ends last.

use super::draw::metrics::{FONT_PX, GAP_PX, MARKER_RADIUS_PX};
use super::draw::{Era, label_text, names_width_px};
use super::scene::Mark;
use super::scene::Scene;
use super::text::TextMeasure;
use super::view::{FIT_MAX_LABEL_FRACTION, TimeView, ViewLimits};
use crate::model::store::EventStore;

/// What a fit is worked out from.
pub struct FitInput<'a> {
    pub scene: &'a Scene,
    pub events: &'a EventStore,
    pub eras: &'a [Era],
    pub limits: &'a ViewLimits,
    /// The whole chart's width, lane names included.
    pub chart_width_px: f32,
    pub measure: &'a dyn TextMeasure,
}

/// The view that shows every mark and era of `input`, with room for the last label.
pub fn fit_all(input: &FitInput) -> TimeView {
    // Eras are part of what there is to see.
    let eras = (input.eras.iter())
        .map(|e| (e.start_days as i32, e.end_days as i32))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let extent = match (scene_extent(input.scene), eras) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
        (a, b) => a.or(b),
    };
    let Some((first_day, after_last_day)) = extent else {
        let limits = input.limits;
        return TimeView::fit(
            limits.data_min_days,
            limits.data_max_days,
            input.chart_width_px,
            0.0,
            limits,
        );
    };
    // The lane names take part of the chart's width; the rest is the plot.
    let plot_px = input.chart_width_px - names_width_px(input.scene, input.measure);
    let label_px = label_room_px(input, first_day, after_last_day, plot_px);
    TimeView::fit(
        f64::from(first_day),
        f64::from(after_last_day),
        plot_px,
        label_px,
        input.limits,
    )
}

/// The first day of the scene's marks and the day after the last, if it has any.
fn scene_extent(scene: &Scene) -> Option<(i32, i32)> {
    (0..scene.lanes.len())
        .filter_map(|lane| {
            let marks = scene.lane_marks(lane);
            let first = marks.first()?.start_day;
            let after_last = marks.iter().map(|m| m.end_day).max()?;
            Some((first, after_last))
        })
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)))
}

/// The room right of the last day that every label near the end needs to be read whole: a
/// label starts at its marker, so the room is what the widest reaches past the last day.
/// Worked out at the scale the room itself leaves, a few times over, as each room changes it.
fn label_room_px(input: &FitInput, first_day: i32, after_last_day: i32, plot_px: f32) -> f32 {
    let span_days = f64::from((after_last_day - first_day).max(1));
    let width_of = |mark: &Mark| {
        label_text(input.events, mark).map_or(0.0, |label| {
            input.measure.text_width_px(&label, FONT_PX) + MARKER_RADIUS_PX + 3.0 * GAP_PX
        })
    };
    let max_room = plot_px * FIT_MAX_LABEL_FRACTION as f32;
    let mut room = 0.0_f32;
    for _ in 0..3 {
        let px_per_day = f64::from((plot_px - room).max(1.0)) / span_days;
        // Only marks within the widest room of the end can reach past it.
        let near_days = f64::from(max_room) / px_per_day;
        let needed = (input.scene.marks().iter())
            .filter(|mark| f64::from(after_last_day - mark.start_day) <= near_days)
            .map(|mark| {
                width_of(mark) - (f64::from(after_last_day - mark.start_day) * px_per_day) as f32
            })
            .fold(0.0_f32, f32::max);
        room = needed.min(max_room);
    }
    room
}
