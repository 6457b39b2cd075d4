//! The visible time range and the maths of zooming and panning it, apart from input handling.
//! Each operation returns a new view inside the limits: no frame can show one outside them.

use crate::model::date::DayWindow;

use serde::{Deserialize, Serialize};

/// The part of the time axis on screen, in days.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    pub min_days: f64,
    pub max_days: f64,
}

/// How far the user may zoom and pan, worked out from the data's first and last day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewLimits {
    /// The first day of the data, and the day after its last.
    pub data_min_days: f64,
    pub data_max_days: f64,
    /// Nothing outside these may be shown: the data's span, with room on the right for the
    /// last event's label.
    pub outer_min_days: f64,
    pub outer_max_days: f64,
    /// The narrowest view: one day across the chart.
    pub min_width_days: f64,
}

/// The outer limits leave this fraction of the data's span free on the left…
const OUTER_LEFT_FRACTION: f64 = 0.10;
/// …and this on the right, where the last events' labels go.
const OUTER_RIGHT_FRACTION: f64 = 0.60;
/// Even a dataset of one day may be viewed across a month.
const MIN_OUTER_WIDTH_DAYS: f64 = 31.0;
/// Fit-all keeps this much room left of the first event, in points.
const FIT_LEFT_PAD_PX: f64 = 16.0;
/// Fit-all keeps at most this fraction of the width for the labels past the last day.
pub(super) const FIT_MAX_LABEL_FRACTION: f64 = 0.3;

impl ViewLimits {
    /// Limits for data from `first_day` to the day before `after_last_day`.
    pub fn for_days(first_day: i32, after_last_day: i32) -> Self {
        let (min_days, max_days) = (f64::from(first_day), f64::from(after_last_day));
        let width = (max_days - min_days).max(1.0);
        let short_by = ((MIN_OUTER_WIDTH_DAYS - width) / 2.0).max(0.0);
        Self {
            data_min_days: min_days,
            data_max_days: max_days,
            outer_min_days: min_days - (width * OUTER_LEFT_FRACTION).max(short_by),
            outer_max_days: max_days + (width * OUTER_RIGHT_FRACTION).max(short_by),
            min_width_days: 1.0,
        }
    }

    fn outer_width_days(&self) -> f64 {
        self.outer_max_days - self.outer_min_days
    }
}

impl TimeView {
    /// The stretch of time on screen.
    pub fn window(&self) -> DayWindow {
        DayWindow {
            from_days: self.min_days,
            to_days: self.max_days,
        }
    }

    pub fn width_days(&self) -> f64 {
        self.max_days - self.min_days
    }

    pub fn center_days(&self) -> f64 {
        (self.min_days + self.max_days) / 2.0
    }

    /// Every event in a chart `width_px` wide, with a small margin on the left and room for
    /// a label `label_px` wide after the last event.
    pub fn fit(
        first_days: f64,
        after_last_days: f64,
        width_px: f32,
        label_px: f32,
        limits: &ViewLimits,
    ) -> Self {
        let width_px = f64::from(width_px).max(100.0);
        let label_px = f64::from(label_px).clamp(0.0, width_px * FIT_MAX_LABEL_FRACTION);
        let span = (after_last_days - first_days).max(limits.min_width_days);
        let data_px = (width_px - FIT_LEFT_PAD_PX - label_px).max(width_px * 0.5);
        let days_per_px = span / data_px;
        Self {
            min_days: first_days - FIT_LEFT_PAD_PX * days_per_px,
            max_days: after_last_days + (width_px - data_px - FIT_LEFT_PAD_PX) * days_per_px,
        }
        .clamped(limits)
    }

    /// This view, made to respect `limits`: not narrower than one day, not wider than the
    /// limits, and shifted back inside them.
    pub fn clamped(self, limits: &ViewLimits) -> Self {
        let width = if self.width_days().is_finite() {
            self.width_days()
        } else {
            f64::MAX
        };
        let width = width.clamp(
            limits.min_width_days,
            limits.outer_width_days().max(limits.min_width_days),
        );
        let center = if self.center_days().is_finite() {
            self.center_days()
        } else {
            (limits.outer_min_days + limits.outer_max_days) / 2.0
        };
        let min_days = (center - width / 2.0)
            .min(limits.outer_max_days - width)
            .max(limits.outer_min_days);
        Self {
            min_days,
            max_days: min_days + width,
        }
    }

    /// Zooms by `factor` (above 1 zooms in) keeping the time under `anchor_days` in place.
    pub fn zoom_at(self, anchor_days: f64, factor: f64, limits: &ViewLimits) -> Self {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor_days = if anchor_days.is_finite() {
            anchor_days
        } else {
            self.center_days()
        };
        let zoomed = Self {
            min_days: anchor_days - (anchor_days - self.min_days) / factor,
            max_days: anchor_days + (self.max_days - anchor_days) / factor,
        };
        // Keep the anchor where it was even when the width is clamped.
        let clamped_width = zoomed.clamped(limits).width_days();
        let anchor_fraction =
            (anchor_days - self.min_days) / self.width_days().max(f64::MIN_POSITIVE);
        let min_days = anchor_days - anchor_fraction * clamped_width;
        Self {
            min_days,
            max_days: min_days + clamped_width,
        }
        .clamped(limits)
    }

    /// Moves the view by `delta_days` (positive shows later times).
    pub fn pan(self, delta_days: f64, limits: &ViewLimits) -> Self {
        let delta_days = if delta_days.is_finite() {
            delta_days
        } else {
            0.0
        };
        Self {
            min_days: self.min_days + delta_days,
            max_days: self.max_days + delta_days,
        }
        .clamped(limits)
    }

    /// The smallest move that shows all of `[start_days, end_days]` (or its start, when it is
    /// wider than the view), with a margin.
    pub fn bring_into_view(self, start_days: f64, end_days: f64, limits: &ViewLimits) -> Self {
        let margin = self.width_days() * 0.05;
        let shift = if end_days - start_days > self.width_days() - 2.0 * margin
            || start_days < self.min_days + margin
        {
            (start_days - margin) - self.min_days
        } else if end_days > self.max_days - margin {
            (end_days + margin) - self.max_days
        } else {
            0.0
        };
        self.pan(shift, limits)
    }

    /// True when some of `[start_days, end_days]` is on screen.
    pub fn overlaps(&self, start_days: f64, end_days: f64) -> bool {
        end_days >= self.min_days && start_days <= self.max_days
    }

    /// True at the narrowest view the limits allow.
    pub fn at_zoom_limit(&self, limits: &ViewLimits) -> bool {
        self.width_days() <= limits.min_width_days * 1.0001
    }
}

/// Maps time to x and back, for a plot from `left_px` to `right_px`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    pub view: TimeView,
    pub left_px: f32,
    pub right_px: f32,
}

impl TimeAxis {
    pub fn x_from_days(&self, days: f64) -> f32 {
        let fraction = (days - self.view.min_days) / self.view.width_days();
        self.left_px + (fraction * f64::from(self.right_px - self.left_px)) as f32
    }

    pub fn days_from_x(&self, x_px: f32) -> f64 {
        let fraction =
            f64::from(x_px - self.left_px) / f64::from((self.right_px - self.left_px).max(1.0));
        self.view.min_days + fraction * self.view.width_days()
    }

    /// Points per day.
    pub fn px_per_day(&self) -> f64 {
        f64::from(self.right_px - self.left_px) / self.view.width_days()
    }

    pub fn width_px(&self) -> f32 {
        self.right_px - self.left_px
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> ViewLimits {
        // 2010 to 2024, in days since 2000.
        ViewLimits::for_days(3653, 9132)
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let limits = limits();
        let view = TimeView::fit(3653.0, 9132.0, 1000.0, 100.0, &limits);
        let anchor = view.min_days + view.width_days() * 0.25;
        let zoomed = view.zoom_at(anchor, 4.0, &limits);
        assert!((zoomed.width_days() - view.width_days() / 4.0).abs() < 1e-6);
        let fraction = (anchor - zoomed.min_days) / zoomed.width_days();
        assert!((fraction - 0.25).abs() < 1e-9);
    }

    #[test]
    fn zoom_stops_at_one_day_and_at_the_limits() {
        let limits = limits();
        let view = TimeView::fit(3653.0, 9132.0, 1000.0, 100.0, &limits);
        let deep = view.zoom_at(view.center_days(), 1e9, &limits);
        assert_eq!(deep.width_days(), 1.0);
        assert!(deep.at_zoom_limit(&limits));
        let far = view.zoom_at(view.center_days(), 1e-9, &limits);
        assert!((far.width_days() - (limits.outer_max_days - limits.outer_min_days)).abs() < 1e-6);
        assert!(far.min_days >= limits.outer_min_days);
        let nonsense = view.zoom_at(f64::NAN, f64::INFINITY, &limits);
        assert_eq!(nonsense, view);
    }

    #[test]
    fn pan_stays_inside_the_limits() {
        let limits = limits();
        let view =
            TimeView::fit(3653.0, 9132.0, 1000.0, 100.0, &limits).zoom_at(5000.0, 10.0, &limits);
        let panned = view.pan(-1e6, &limits);
        assert_eq!(panned.min_days, limits.outer_min_days);
        assert!((panned.width_days() - view.width_days()).abs() < 1e-6);
    }

    #[test]
    fn fit_leaves_room_for_the_last_label() {
        let limits = limits();
        let view = TimeView::fit(3653.0, 9132.0, 1000.0, 200.0, &limits);
        let axis = TimeAxis {
            view,
            left_px: 0.0,
            right_px: 1000.0,
        };
        assert!((axis.x_from_days(3653.0) - 16.0).abs() < 0.5);
        assert!((axis.x_from_days(9132.0) - 800.0).abs() < 0.5);
    }

    #[test]
    fn bring_into_view_moves_only_when_needed() {
        let limits = limits();
        let view = TimeView {
            min_days: 5000.0,
            max_days: 5100.0,
        };
        assert_eq!(view.bring_into_view(5050.0, 5051.0, &limits), view);
        let moved = view.bring_into_view(5300.0, 5301.0, &limits);
        assert!(moved.overlaps(5300.0, 5301.0) && moved.max_days > 5301.0);
    }

    #[test]
    fn axis_round_trips() {
        let axis = TimeAxis {
            view: TimeView {
                min_days: 100.0,
                max_days: 200.0,
            },
            left_px: 50.0,
            right_px: 1050.0,
        };
        assert_eq!(axis.x_from_days(150.0), 550.0);
        assert_eq!(axis.days_from_x(550.0), 150.0);
        assert_eq!(axis.px_per_day(), 10.0);
    }
}
