//! Sizes of the chart, in points, shared by the screen and the exports, and the densities at
//! which a lane turns from marks into a strip.

pub const FONT_PX: f32 = 12.0;
pub const LANE_NAME_FONT_PX: f32 = 13.0;
pub const LEGEND_ROW_PX: f32 = 20.0;
pub const ERA_ROW_PX: f32 = 20.0;
pub const AXIS_HEIGHT_PX: f32 = 24.0;
pub const NAMES_MIN_WIDTH_PX: f32 = 80.0;
pub const NAMES_MAX_WIDTH_PX: f32 = 200.0;
pub const SPAN_ROW_PX: f32 = 20.0;
pub const SPAN_BAR_PX: f32 = 16.0;
pub const MARKER_ROW_PX: f32 = 28.0;
/// Between the rows of one-day markers a tall lane spreads its markers over.
pub const MARKER_ROW_STEP_PX: f32 = 20.0;
/// A lane spreads its markers over at most this many rows before it clusters them.
pub const MAX_MARKER_ROWS: u8 = 16;
/// A tall lane spreads its spans and their labels over at most this many rows.
pub const MAX_SPREAD_SPAN_ROWS: u8 = 24;
/// Markers are spread over rows only while a lane shows at most this many in view.
pub const MAX_SPREAD_MARKERS: usize = 400;
pub const LANE_PAD_PX: f32 = 4.0;
pub const MARKER_RADIUS_PX: f32 = 6.0;
/// A span is drawn at least this wide, so it stays visible and clickable.
pub const MIN_SPAN_PX: f32 = 6.0;
pub const GAP_PX: f32 = 4.0;
/// A label needs at least this much room, or it is left out.
pub const MIN_LABEL_PX: f32 = 36.0;
/// The selected event's label may be this wide.
pub const SELECTED_LABEL_PX: f32 = 340.0;
/// Date labels on the axis are at least this far apart.
pub const TICK_SPACING_PX: f64 = 100.0;
/// Density strips are drawn in columns this wide.
pub const DENSITY_COLUMN_PX: f32 = 2.0;
pub const SCROLLBAR_PX: f32 = 8.0;
/// How far from a mark a click or the pointer still hits it.
pub const HIT_RADIUS_PX: f32 = 5.0;

/// A lane with more marks in view than this per point is drawn as density only…
pub const DENSITY_ONLY_PER_PX: f64 = 0.5;
/// …and with fewer than this as marks only; in between, both, blended, so that zooming in
/// moves smoothly from one to the other.
pub const MARKS_ONLY_PER_PX: f64 = 0.2;

/// A lane whose marks in view fall in at most this many density columns…
pub(super) const MAX_CLUSTER_COLUMNS: usize = 200;
/// …and are at most this many is drawn as markers and clusters, not as density.
pub(super) const MAX_CLUSTERED_MARKS: usize = 20_000;

/// How a lane is drawn at the current zoom: 0 is marks only, 1 is density only.
pub fn density_weight(marks_in_view: usize, width_px: f32) -> f32 {
    let per_px = marks_in_view as f64 / f64::from(width_px.max(1.0));
    ((per_px - MARKS_ONLY_PER_PX) / (DENSITY_ONLY_PER_PX - MARKS_ONLY_PER_PX)).clamp(0.0, 1.0)
        as f32
}
