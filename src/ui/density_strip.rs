//! Density strips: how the timeline draws a lane holding more events than pixels.

use egui::{Color32, Pos2, Rect};

use super::color32;
use crate::app::TimelineApp;
use crate::model::date::date_from_days;
use crate::model::view::ScreenTransform;

/// Points per bin of a strip.
const BIN_PX: f32 = 2.0;

/// One bin of a strip, under the pointer.
pub struct DensityBin {
    pub from_days: f64,
    pub to_days: f64,
    pub events: f64,
}

impl DensityBin {
    pub fn center_days(&self) -> f64 {
        (self.from_days + self.to_days) / 2.0
    }
}

/// Paints each lane's strip, as strong as the lane's `weights` (0: none, 1: only the strip).
pub fn paint_density(
    painter: &egui::Painter,
    app: &TimelineApp,
    transform: &ScreenTransform,
    weights: &[f32],
) {
    let scene = &app.data.scene;
    let bin_count = ((transform.right_px - transform.left_px) / BIN_PX)
        .ceil()
        .max(1.0) as usize;
    let half_height = transform.lane_height_px() * 0.38;
    for (lane, &weight) in weights.iter().enumerate() {
        if weight <= 0.0 {
            continue;
        }
        let bins = app.data.density.bins(
            lane,
            transform.view.min_days,
            transform.view.max_days,
            bin_count,
        );
        let busiest = bins.iter().copied().fold(0.0_f64, f64::max);
        if busiest <= 0.0 {
            continue;
        }
        let color = scene
            .lane_marks(lane)
            .first()
            .map_or(Color32::GRAY, |m| color32(m.color_rgb));
        let baseline = transform.y_from_lane(lane as f64) + half_height;
        // One mesh per strip: hundreds of separate rectangles would cost more to tessellate.
        let fill = color.gamma_multiply(weight * 0.85);
        let mut mesh = egui::Mesh::default();
        for (i, &count) in bins.iter().enumerate() {
            if count <= 0.0 {
                continue;
            }
            // A square root keeps quiet stretches visible next to busy ones.
            let height = (count / busiest).sqrt() as f32 * 2.0 * half_height;
            let left = transform.left_px + i as f32 * BIN_PX;
            let rect = Rect::from_min_max(
                Pos2::new(left, baseline - height.max(1.0)),
                Pos2::new(left + BIN_PX, baseline),
            );
            mesh.add_colored_rect(rect, fill);
        }
        painter.add(egui::Shape::mesh(mesh));
    }
}

/// The strip bin under `pointer`, if the pointer is on a lane drawn mostly as a strip.
pub fn bin_at(
    app: &TimelineApp,
    transform: &ScreenTransform,
    weights: &[f32],
    pointer: Pos2,
) -> Option<DensityBin> {
    let lane = transform.lane_from_y(pointer.y).round();
    if lane < 0.0 || weights.get(lane as usize).is_none_or(|&w| w < 0.5) {
        return None;
    }
    let bin = ((pointer.x - transform.left_px) / BIN_PX).floor();
    let from_days = transform.days_from_x(transform.left_px + bin * BIN_PX);
    let to_days = transform.days_from_x(transform.left_px + (bin + 1.0) * BIN_PX);
    let events = app
        .data
        .density
        .events_between(lane as usize, from_days, to_days);
    Some(DensityBin {
        from_days,
        to_days,
        events,
    })
}

pub fn tooltip_ui(ui: &mut egui::Ui, bin: &DensityBin) {
    let date = |days: f64| {
        date_from_days(days).map_or_else(String::new, |d| d.format("%-d %b %Y").to_string())
    };
    ui.strong(format!("About {:.0} events", bin.events.max(0.0)));
    ui.label(format!("{} – {}", date(bin.from_days), date(bin.to_days)));
    ui.weak("Too many to draw one by one here. Click or scroll to zoom in.");
}
