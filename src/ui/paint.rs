//! Renders the core's draw list with egui's painter, and measures text with egui's fonts so
//! that the core places labels where they really fit.

use std::cell::RefCell;
use std::collections::HashMap;

use egui::{Align2, Color32, FontId, Pos2, Stroke, StrokeKind};

use crate::layout::draw::{DrawList, Layer, Primitive};
use crate::layout::geom::{Rect, Rgba};
use crate::layout::style::{Anchor, Line, Shape, shapes};
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

fn stroke(line: Option<&Line>) -> Stroke {
    line.map_or(Stroke::NONE, |line| {
        Stroke::new(line.width_px, color(line.color))
    })
}

/// A dashed outline through `points`, as egui draws dashes: one segment per dash.
fn dashed(points: &[Pos2], line: &Line, dash_px: [f32; 2]) -> Vec<egui::Shape> {
    egui::Shape::dashed_line(points, stroke(Some(line)), dash_px[0], dash_px[1])
}

/// A text as egui lays it out: where, anchored how, in which font and colour.
pub struct TextRequest<'a> {
    pub at: Pos2,
    pub align: Align2,
    pub text: &'a str,
    pub font: FontId,
    pub color: Color32,
}

/// A resolved shape in egui's terms: shapes, or a text for the painter to lay out.
pub enum EguiShape<'a> {
    Shapes(Vec<egui::Shape>),
    Text(TextRequest<'a>),
}

/// A rectangle, filled, with its outline solid or dashed.
fn rect_shapes(
    r: egui::Rect,
    corner_px: f32,
    fill: Option<Rgba>,
    line: Option<&Line>,
) -> Vec<egui::Shape> {
    let filled = egui::Shape::rect_filled(r, corner_px, fill.map_or(Color32::TRANSPARENT, color));
    match line.and_then(|l| l.dash_px.map(|dash| (l, dash))) {
        Some((line, dash)) => {
            let corners = [
                r.left_top(),
                r.right_top(),
                r.right_bottom(),
                r.left_bottom(),
                r.left_top(),
            ];
            let mut shapes = vec![filled];
            shapes.extend(dashed(&corners, line, dash));
            shapes
        }
        None => vec![
            filled,
            egui::Shape::rect_stroke(r, corner_px, stroke(line), StrokeKind::Middle),
        ],
    }
}

/// A filled polygon, its outline solid or dashed.
fn polygon_shapes(points: &[[f32; 2]], origin: Pos2, fill: Rgba, line: &Line) -> Vec<egui::Shape> {
    let points: Vec<Pos2> = points.iter().map(|&p| pos(p, origin)).collect();
    let mut shapes = vec![egui::Shape::convex_polygon(
        points.clone(),
        color(fill),
        Stroke::NONE,
    )];
    match line.dash_px {
        Some(dash) => {
            let closed: Vec<Pos2> = points.iter().chain(points.first()).copied().collect();
            shapes.extend(dashed(&closed, line, dash));
        }
        None => shapes.push(egui::Shape::closed_line(points, stroke(Some(line)))),
    }
    shapes
}

/// Translates one resolved shape, with the chart's top-left corner at `origin`: nothing of
/// its look is decided here.
pub fn egui_shape(shape: &Shape, origin: Pos2) -> EguiShape<'_> {
    let shapes = match shape {
        Shape::Rect {
            rect: r,
            corner_px,
            fill,
            line,
        } => rect_shapes(rect(r, origin), *corner_px, *fill, line.as_ref()),
        Shape::Circle {
            center,
            radius_px,
            fill,
            line,
        } => vec![
            egui::Shape::circle_filled(
                pos(*center, origin),
                *radius_px,
                fill.map_or(Color32::TRANSPARENT, color),
            ),
            egui::Shape::circle_stroke(pos(*center, origin), *radius_px, stroke(line.as_ref())),
        ],
        Shape::Polygon { points, fill, line } => polygon_shapes(points, origin, *fill, line),
        Shape::Segment { from, to, line } => {
            let points = [pos(*from, origin), pos(*to, origin)];
            match line.dash_px {
                Some(dash) => dashed(&points, line, dash),
                None => vec![egui::Shape::line_segment(points, stroke(Some(line)))],
            }
        }
        Shape::Columns { rects, fill } => {
            // One mesh per strip: hundreds of separate rectangles would cost more to draw.
            let mut mesh = egui::Mesh::default();
            for r in rects {
                mesh.add_colored_rect(rect(r, origin), color(*fill));
            }
            vec![egui::Shape::mesh(mesh)]
        }
        Shape::Text {
            at,
            anchor,
            text,
            font_px,
            color: c,
            ..
        } => {
            return EguiShape::Text(TextRequest {
                at: pos(*at, origin),
                align: match anchor {
                    Anchor::LeftCenter => Align2::LEFT_CENTER,
                    Anchor::Center => Align2::CENTER_CENTER,
                },
                text,
                font: FontId::proportional(*font_px),
                color: color(*c),
            });
        }
    };
    EguiShape::Shapes(shapes)
}

/// Paints `list` with its top-left corner at `origin`.
pub fn paint_draw_list(painter: &egui::Painter, list: &DrawList, origin: Pos2) {
    let chart = painter.with_clip_rect(painter.clip_rect().intersect(rect(
        &Rect::from_min_max([0.0, 0.0], list.layout.size),
        origin,
    )));
    let plot = chart.with_clip_rect(chart.clip_rect().intersect(rect(&list.layout.plot, origin)));
    for primitive in &list.primitives {
        let painter = match primitive.layer() {
            Layer::Chart => &chart,
            Layer::Plot => &plot,
        };
        paint_primitive(painter, primitive, origin, &list.theme);
    }
}

/// Paints one primitive.
pub fn paint_primitive(
    painter: &egui::Painter,
    primitive: &Primitive,
    origin: Pos2,
    theme: &Theme,
) {
    for shape in shapes(primitive, theme) {
        match egui_shape(&shape, origin) {
            EguiShape::Shapes(shapes) => painter.extend(shapes),
            EguiShape::Text(text) => {
                painter.text(text.at, text.align, text.text, text.font, text.color);
            }
        }
    }
}
