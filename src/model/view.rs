//! The visible time range and the maths of zooming and panning it, apart from input handling.
//!
//! Time is measured in days since [`crate::model::date::time_origin`] (`*_days`), screen
//! positions in points (`*_px`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::date::days_from_date;

/// The part of the time axis on screen, in days.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    pub min_days: f64,
    pub max_days: f64,
}

/// How far the user may zoom and pan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewLimits {
    /// Nothing before this may be shown: the data's span, plus margin.
    pub outer_min_days: f64,
    pub outer_max_days: f64,
    /// The narrowest view: one day across the screen.
    pub min_width_days: f64,
}

/// Zooming out stops at the data's span plus this fraction of it (half on each side).
const OUTER_MARGIN_FRACTION: f64 = 0.10;
/// "Fit all" leaves this fraction of the span free (half on each side).
const FIT_MARGIN_FRACTION: f64 = 0.04;
/// Even a dataset of one day may be viewed across a month.
const MIN_OUTER_WIDTH_DAYS: f64 = 31.0;

impl ViewLimits {
    /// Limits for data from the first day `first` to the last day `last` (both included).
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Self {
        let (min_days, max_days) = (days_from_date(first), days_from_date(last) + 1.0);
        let width = (max_days - min_days).max(1.0);
        let margin =
            (width * OUTER_MARGIN_FRACTION / 2.0).max((MIN_OUTER_WIDTH_DAYS - width) / 2.0);
        Self {
            outer_min_days: min_days - margin,
            outer_max_days: max_days + margin,
            min_width_days: 1.0,
        }
    }

    fn outer_width_days(&self) -> f64 {
        self.outer_max_days - self.outer_min_days
    }
}

impl TimeView {
    pub fn width_days(&self) -> f64 {
        self.max_days - self.min_days
    }

    pub fn center_days(&self) -> f64 {
        (self.min_days + self.max_days) / 2.0
    }

    /// All of the data between the limits, with a small margin.
    pub fn fit_all(limits: &ViewLimits) -> Self {
        let outer = limits.outer_width_days();
        let data_width = outer / (1.0 + OUTER_MARGIN_FRACTION);
        let margin = (outer - data_width * (1.0 + FIT_MARGIN_FRACTION)) / 2.0;
        Self {
            min_days: limits.outer_min_days + margin,
            max_days: limits.outer_max_days - margin,
        }
    }

    /// This view, made to respect `limits`: not narrower than one day, not wider than the
    /// data, and shifted back inside it.
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
            0.0
        };
        let min_days = (center - width / 2.0)
            .max(limits.outer_min_days)
            .min(limits.outer_max_days - width);
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
}

/// Maps between time and lanes, and screen points, for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenTransform {
    pub view: TimeView,
    /// The lane coordinate at the top and bottom edges (lane `i` is centred on `i`).
    pub top_lane: f64,
    pub bottom_lane: f64,
    pub left_px: f32,
    pub right_px: f32,
    pub top_px: f32,
    pub bottom_px: f32,
}

impl ScreenTransform {
    pub fn x_from_days(&self, days: f64) -> f32 {
        let fraction = (days - self.view.min_days) / self.view.width_days();
        self.left_px + (fraction * f64::from(self.right_px - self.left_px)) as f32
    }

    pub fn days_from_x(&self, x_px: f32) -> f64 {
        let fraction = f64::from(x_px - self.left_px) / f64::from(self.right_px - self.left_px);
        self.view.min_days + fraction * self.view.width_days()
    }

    pub fn y_from_lane(&self, lane: f64) -> f32 {
        let fraction = (lane - self.top_lane) / (self.bottom_lane - self.top_lane);
        self.top_px + (fraction * f64::from(self.bottom_px - self.top_px)) as f32
    }

    /// The lane coordinate at screen height `y_px` (lane `i` spans `i - 0.5` to `i + 0.5`).
    pub fn lane_from_y(&self, y_px: f32) -> f64 {
        let fraction = f64::from(y_px - self.top_px) / f64::from(self.bottom_px - self.top_px);
        self.top_lane + fraction * (self.bottom_lane - self.top_lane)
    }

    /// Screen points per lane.
    pub fn lane_height_px(&self) -> f32 {
        (self.y_from_lane(1.0) - self.y_from_lane(0.0)).abs()
    }

    /// Screen points per day.
    pub fn px_per_day(&self) -> f64 {
        f64::from(self.right_px - self.left_px) / self.view.width_days()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> ViewLimits {
        let first = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        ViewLimits::for_span(first, last)
    }

    #[test]
    fn zoom_keeps_the_anchor_in_place() {
        let limits = limits();
        let view = TimeView::fit_all(&limits);
        let anchor = view.min_days + view.width_days() * 0.25;
        let zoomed = view.zoom_at(anchor, 4.0, &limits);
        assert!((zoomed.width_days() - view.width_days() / 4.0).abs() < 1e-6);
        let fraction = (anchor - zoomed.min_days) / zoomed.width_days();
        assert!((fraction - 0.25).abs() < 1e-9);
    }

    #[test]
    fn zoom_stops_at_one_day_and_at_the_data_span() {
        let limits = limits();
        let view = TimeView::fit_all(&limits);
        let deep = view.zoom_at(view.center_days(), 1e9, &limits);
        assert_eq!(deep.width_days(), 1.0);
        let far = view.zoom_at(view.center_days(), 1e-9, &limits);
        assert!((far.width_days() - (limits.outer_max_days - limits.outer_min_days)).abs() < 1e-6);
        assert!(far.min_days >= limits.outer_min_days);
    }

    #[test]
    fn pan_stays_inside_the_limits() {
        let limits = limits();
        let view = TimeView::fit_all(&limits).zoom_at(0.0, 10.0, &limits);
        let panned = view.pan(-1e6, &limits);
        assert_eq!(panned.min_days, limits.outer_min_days);
        assert!((panned.width_days() - view.width_days()).abs() < 1e-6);
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
    fn transform_round_trips() {
        let transform = ScreenTransform {
            view: TimeView {
                min_days: 100.0,
                max_days: 200.0,
            },
            top_lane: -0.5,
            bottom_lane: 4.5,
            left_px: 50.0,
            right_px: 1050.0,
            top_px: 0.0,
            bottom_px: 500.0,
        };
        assert_eq!(transform.x_from_days(150.0), 550.0);
        assert_eq!(transform.days_from_x(550.0), 150.0);
        assert_eq!(transform.y_from_lane(0.0), 50.0);
        assert_eq!(transform.lane_height_px(), 100.0);
        assert_eq!(transform.lane_from_y(50.0), 0.0);
    }
}
