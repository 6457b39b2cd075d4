//! Level of detail: how many events fall in any stretch of a lane, in constant time, so that a
//! lane with more events than pixels is drawn as a density strip instead of single markers.
//!
//! Each event adds a mass of 1 spread evenly over the days it covers (a year-only event over
//! its whole year, never on 1 January). Per lane we keep the running total of that mass, one
//! entry per day, so the mass between two times is two lookups.

use super::scene::Scene;

/// Cumulative event mass per lane and day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Density {
    /// The day (on the time axis) that index 0 stands for.
    first_day: i64,
    /// `cumulative[lane][i]`: the mass of the lane's events before day `first_day + i`.
    cumulative: Vec<Vec<f32>>,
}

/// A lane with more visible events than this per point of width is drawn as density only.
pub const DENSITY_ONLY_PER_PX: f64 = 0.5;
/// A lane with fewer visible events than this per point is drawn as markers only; in between,
/// both, blended, so that zooming in moves smoothly from one to the other.
pub const MARKERS_ONLY_PER_PX: f64 = 0.2;

impl Density {
    /// Builds the table for every lane of `scene`.
    pub fn build(scene: &Scene) -> Self {
        let (Some(first), Some(last)) = (
            scene.marks.iter().map(|m| m.start_days).reduce(f64::min),
            scene.marks.iter().map(|m| m.end_days).reduce(f64::max),
        ) else {
            return Self::default();
        };
        let first_day = first.floor() as i64;
        let day_count = (last.ceil() as i64 - first_day).max(1) as usize;
        let mut cumulative = Vec::with_capacity(scene.lanes.len());
        for lane in 0..scene.lanes.len() {
            // Differences of the per-day density: +1/len where a span starts, -1/len after it.
            let mut slope = vec![0.0_f64; day_count + 1];
            for mark in scene.lane_marks(lane) {
                let start = (mark.start_days.floor() as i64 - first_day) as usize;
                let end = ((mark.end_days.ceil() as i64 - first_day) as usize)
                    .clamp(start + 1, day_count);
                let share = 1.0 / (end - start) as f64;
                slope[start] += share;
                slope[end] -= share;
            }
            let mut per_day = 0.0;
            let mut total = 0.0;
            let mut lane_cumulative = Vec::with_capacity(day_count + 1);
            lane_cumulative.push(0.0);
            for change in &slope[..day_count] {
                per_day += change;
                total += per_day;
                lane_cumulative.push(total as f32);
            }
            cumulative.push(lane_cumulative);
        }
        Self {
            first_day,
            cumulative,
        }
    }

    /// The mass before `days` (fractional days are interpolated).
    fn mass_before(&self, lane: usize, days: f64) -> f64 {
        let Some(lane_cumulative) = self.cumulative.get(lane) else {
            return 0.0;
        };
        let position =
            (days - self.first_day as f64).clamp(0.0, (lane_cumulative.len() - 1) as f64);
        let index = position.floor() as usize;
        let below = f64::from(lane_cumulative[index]);
        let above = lane_cumulative
            .get(index + 1)
            .map_or(below, |&v| f64::from(v));
        below + (above - below) * position.fract()
    }

    /// About how many of the lane's events fall between `from_days` and `to_days`.
    pub fn events_between(&self, lane: usize, from_days: f64, to_days: f64) -> f64 {
        (self.mass_before(lane, to_days) - self.mass_before(lane, from_days)).max(0.0)
    }

    /// Counts for `bin_count` equal bins across `[from_days, to_days]`.
    pub fn bins(&self, lane: usize, from_days: f64, to_days: f64, bin_count: usize) -> Vec<f64> {
        let width = (to_days - from_days) / bin_count.max(1) as f64;
        let mut previous = self.mass_before(lane, from_days);
        (1..=bin_count)
            .map(|i| {
                let next = self.mass_before(lane, from_days + width * i as f64);
                let count = (next - previous).max(0.0);
                previous = next;
                count
            })
            .collect()
    }
}

/// How a lane is drawn at the current zoom: 0 is markers only, 1 is density only.
pub fn density_weight(events_in_view: f64, width_px: f32) -> f32 {
    let per_px = events_in_view / f64::from(width_px.max(1.0));
    ((per_px - MARKERS_ONLY_PER_PX) / (DENSITY_ONLY_PER_PX - MARKERS_ONLY_PER_PX)).clamp(0.0, 1.0)
        as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::load_files;
    use crate::model::scene::{ColorMode, LaneMode};

    fn scene(json: &str) -> Scene {
        let dataset = load_files([("t.json", json.as_bytes())]);
        assert!(
            dataset.problems.iter().all(|p| !p.is_error()),
            "{:?}",
            dataset.problems
        );
        let shown: Vec<usize> = (0..dataset.events.len()).collect();
        Scene::build(
            &dataset.events,
            &shown,
            LaneMode::Category,
            ColorMode::Category,
        )
    }

    fn days(date: &str) -> f64 {
        crate::model::date::days_from_date(
            chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        )
    }

    #[test]
    fn a_year_spreads_over_its_year_and_a_day_sits_on_its_day() {
        let scene = scene(
            r#"[{"id": "y", "title": "Y", "start": "2010", "category": "forum"},
                {"id": "d", "title": "D", "start": "2010-10-01", "category": "forum"}]"#,
        );
        let density = Density::build(&scene);
        let january = density.events_between(0, days("2010-01-01"), days("2010-02-01"));
        assert!((january - 31.0 / 365.0).abs() < 1e-4, "{january}");
        let october_first = density.events_between(0, days("2010-10-01"), days("2010-10-02"));
        assert!(
            (october_first - (1.0 + 1.0 / 365.0)).abs() < 1e-4,
            "{october_first}"
        );
        let all = density.events_between(0, days("2000-01-01"), days("2030-01-01"));
        assert!((all - 2.0).abs() < 1e-4);
        let bins = density.bins(0, days("2010-01-01"), days("2011-01-01"), 2);
        assert!((bins.iter().sum::<f64>() - 2.0).abs() < 1e-4);
        assert!(bins[1] > bins[0], "the October day is in the second half");
    }

    #[test]
    fn the_weight_moves_smoothly_from_markers_to_density() {
        assert_eq!(density_weight(100.0, 1000.0), 0.0);
        assert_eq!(density_weight(10_000.0, 1000.0), 1.0);
        let middle = density_weight(350.0, 1000.0);
        assert!(middle > 0.0 && middle < 1.0);
    }
}
