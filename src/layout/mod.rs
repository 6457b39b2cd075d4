//! Layout: how the timeline looks, worked out without egui. The visible range and its maths
//! ([`view`]), lanes and marks ([`scene`]), calendar ticks ([`ticks`]), and the draw list
//! ([`draw`]) that the window and the SVG export both render, so they can never disagree.
//!
//! Time is in days since [`crate::model::date::time_origin`] (`*_days`, `*_day` for whole
//! days); positions are in points (`*_px`), with the chart's top-left corner at 0, 0.

pub mod draw;
pub mod fit;
pub mod geom;
pub mod hit;
pub mod scene;
pub mod style;
pub mod text;
pub mod theme;
pub mod ticks;
pub mod view;

pub use draw::{DrawInput, DrawList, Primitive};
pub use geom::{Rect, Rgba};
pub use scene::{ColorMode, LaneMode, Mark, MarkShape, Scene};
pub use text::{EstimatedMeasure, TextMeasure};
pub use theme::Theme;
pub use view::{TimeView, ViewLimits};
