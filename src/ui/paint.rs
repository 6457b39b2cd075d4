//! Renders the core's draw list with egui's painter, and measures text with egui's fonts so
//! that the core places labels where they really fit.

use std::cell::RefCell;
use std::collections::HashMap;

use egui::{Align2, Color32, FontId, Pos2, Stroke, StrokeKind, Vec2};

use crate::export::svg::cluster_badge;
use crate::layout::draw::metrics::MARKER_RADIUS_PX;
use crate::layout::draw::{DrawList, Layer, Primitive};
use crate::layout::geom::{Rect, Rgba};
use crate::layout::text::TextMeasure;
use crate::layout::theme::Theme;

/// Measures text with the fonts egui draws it with; widths of characters are remembered.
pub struct EguiMeasure {
    ctx: egui::Context,
    widths: RefCell<HashMap<(u32, char), f32>>,
}

impl EguiMeasure {
    pub fn new(ctx: &egui::Context) -> Self {
        Self {
            ctx: ctx.clone(),
            widths: RefCell::default(),
        }
    }
}

impl TextMeasure for EguiMeasure {
    fn text_width_px(&self, text: &str, font_px: f32) -> f32 {
        let mut widths = self.widths.borrow_mut();
        let size_key = font_px.to_bits();
        let missing: Vec<char> = text
            .chars()
            .filter(|c| !widths.contains_key(&(size_key, *c)))
            .collect();
        if !missing.is_empty() {
            let font = FontId::proportional(font_px);
            self.ctx.fonts_mut(|fonts| {
                for c in missing {
                    widths.insert((size_key, c), fonts.glyph_width(&font, c));
                }
            });
        }
        text.chars()
            .map(|c| widths.get(&(size_key, c)).copied().unwrap_or(font_px * 0.5))
            .sum()
    }
}

/// The theme for egui's current visuals.
pub fn theme_for(visuals: &egui::Visuals) -> Theme {
    Theme::for_dark_mode(visuals.dark_mode)
}

fn color(rgba: Rgba) -> Color32 {
    let [r, g, b, a] = rgba.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn pos(point: [f32; 2], origin: Pos2) -> Pos2 {
    Pos2::new(origin.x + point[0], origin.y + point[1])
}

fn rect(r: &Rect, origin: Pos2) -> egui::Rect {
    egui::Rect::from_min_max(pos(r.min, origin), pos(r.max, origin))
}

/// Paints `list` with its top-left corner at `origin`.
pub fn paint_draw_list(painter: &egui::Painter, list: &DrawList, origin: Pos2, theme: &Theme) {
    let chart = painter.with_clip_rect(painter.clip_rect().intersect(rect(
        &Rect::from_min_max([0.0, 0.0], list.layout.size),
        origin,
    )));
    let plot = chart.with_clip_rect(chart.clip_rect().intersect(rect(&list.layout.plot, origin)));
    for primitive in &list.primitives {
        let painter = match layer_of(primitive) {
            Layer::Chart => &chart,
            Layer::Plot => &plot,
        };
        paint_primitive(painter, primitive, origin, theme);
    }
}

fn layer_of(primitive: &Primitive) -> Layer {
    match primitive {
        Primitive::Fill { layer, .. } | Primitive::Text { layer, .. } => *layer,
        Primitive::GridLine { .. } | Primitive::LegendDot { .. } | Primitive::Scrollbar { .. } => {
            Layer::Chart
        }
        _ => Layer::Plot,
    }
}

/// Paints one primitive.
pub fn paint_primitive(
    painter: &egui::Painter,
    primitive: &Primitive,
    origin: Pos2,
    theme: &Theme,
) {
    let outline = color(theme.outline).gamma_multiply(0.6);
    match primitive {
        Primitive::Fill {
            rect: r, color: c, ..
        } => {
            painter.rect_filled(rect(r, origin), 0.0, color(*c));
        }
        Primitive::GridLine {
            x,
            top,
            bottom,
            color: c,
        } => {
            painter.line_segment(
                [pos([*x, *top], origin), pos([*x, *bottom], origin)],
                Stroke::new(1.0, color(*c)),
            );
        }
        Primitive::Span {
            rect: r,
            color: c,
            vague,
            inferred,
            draft,
            ..
        } => {
            let r = rect(r, origin);
            let c = color(*c);
            if *vague || *draft {
                let fill = c.gamma_multiply(if theme.dark { 0.35 } else { 0.22 });
                painter.rect_filled(r, 2.0, fill);
            } else {
                painter.rect(r, 3.0, c, Stroke::new(1.0, outline), StrokeKind::Inside);
            }
            let border = Stroke::new(if *draft { 1.5 } else { 1.0 }, c.gamma_multiply(0.9));
            if *inferred || *draft {
                let corners = [
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                    r.left_top(),
                ];
                painter.extend(egui::Shape::dashed_line(&corners, border, 5.0, 3.0));
            } else if *vague {
                painter.rect_stroke(r, 2.0, border, StrokeKind::Inside);
            }
        }
        Primitive::Marker {
            center,
            color: c,
            inferred,
            draft,
            ..
        } => {
            let center = pos(*center, origin);
            let c = color(*c);
            if *draft {
                let r = MARKER_RADIUS_PX;
                let points = vec![
                    center + Vec2::new(0.0, -r),
                    center + Vec2::new(r, 0.0),
                    center + Vec2::new(0.0, r),
                    center + Vec2::new(-r, 0.0),
                ];
                painter.add(egui::Shape::convex_polygon(
                    points,
                    color(theme.hollow_fill),
                    Stroke::new(2.0, c),
                ));
            } else if *inferred {
                painter.circle(
                    center,
                    MARKER_RADIUS_PX - 1.0,
                    color(theme.hollow_fill),
                    Stroke::new(2.5, c),
                );
            } else {
                painter.circle(center, MARKER_RADIUS_PX, c, Stroke::new(1.0, outline));
            }
        }
        Primitive::Cluster {
            center,
            color: c,
            count,
            ..
        } => {
            let center = pos(*center, origin);
            painter.circle(
                center,
                MARKER_RADIUS_PX + 3.0,
                color(*c),
                Stroke::new(1.0, outline),
            );
            painter.text(
                center,
                Align2::CENTER_CENTER,
                cluster_badge(*count),
                FontId::proportional(9.5),
                Color32::WHITE,
            );
        }
        Primitive::Density {
            rect: r,
            column_px,
            heights,
            color: c,
            ..
        } => {
            // One mesh per strip: hundreds of separate rectangles would cost more to draw.
            let mut mesh = egui::Mesh::default();
            let c = color(*c);
            for (column, &height) in heights.iter().enumerate() {
                if height <= 0.0 {
                    continue;
                }
                let left = r.left() + column as f32 * column_px;
                let column_rect = Rect::from_x_y(
                    left,
                    left + column_px,
                    r.bottom() - height * r.height(),
                    r.bottom(),
                );
                mesh.add_colored_rect(rect(&column_rect, origin), c);
            }
            painter.add(egui::Shape::mesh(mesh));
        }
        Primitive::Text {
            rect: r,
            text,
            font_px,
            color: c,
            plate,
            ..
        } => {
            let r = rect(r, origin);
            if let Some(plate) = plate {
                painter.rect(
                    r.expand(3.0),
                    3.0,
                    color(*plate),
                    Stroke::new(1.0, color(theme.grid_major)),
                    StrokeKind::Outside,
                );
            }
            painter.text(
                Pos2::new(r.left(), r.center().y),
                Align2::LEFT_CENTER,
                text,
                FontId::proportional(*font_px),
                color(*c),
            );
        }
        Primitive::Ring {
            rect: r,
            round,
            color: c,
            width_px,
        } => {
            let r = rect(r, origin);
            let stroke = Stroke::new(*width_px, color(*c));
            if *round {
                painter.circle_stroke(r.center(), r.width() / 2.0, stroke);
            } else {
                painter.rect_stroke(r, 3.0, stroke, StrokeKind::Outside);
            }
        }
        Primitive::LegendDot { center, color: c } => {
            painter.circle_filled(pos(*center, origin), 5.0, color(*c));
        }
        Primitive::Scrollbar {
            thumb, color: c, ..
        } => {
            painter.rect_filled(rect(thumb, origin), 3.0, color(*c));
        }
    }
}
