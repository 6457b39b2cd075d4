//! The window and the SVG draw every primitive with the same style: each renderer only
//! translates the resolved shapes, and this test reads both renderings back and compares
//! what each shape looks like (fill, line width and colour, dashes, radius, font size).

use coop_timeline::export::svg::svg_element;
use coop_timeline::layout::draw::{DrawInput, DrawList, Primitive};
use coop_timeline::layout::geom::{Rect, Rgba};
use coop_timeline::layout::scene::{ColorMode, CountryPalette, LaneMode, Scene};
use coop_timeline::layout::style::{Shape, shapes};
use coop_timeline::layout::text::EstimatedMeasure;
use coop_timeline::layout::theme::Theme;
use coop_timeline::layout::view::TimeView;
use coop_timeline::load::load_files;
use coop_timeline::load::sample::SAMPLE_FILES;
use coop_timeline::model::Dataset;
use coop_timeline::model::stats::events_per_country;
use coop_timeline::state::data_limits;
use coop_timeline::ui::paint::{EguiShape, egui_shape};
use egui::epaint;

/// What a shape looks like, as one renderer drew it.
#[derive(Clone, Debug, Default, PartialEq)]
struct Look {
    fill: Option<[u8; 4]>,
    line_width_px: Option<f32>,
    line_color: Option<[u8; 4]>,
    dash_on_px: Option<f32>,
    radius_px: Option<f32>,
    font_px: Option<f32>,
}

/// Colours match to one step of alpha: the screen premultiplies, the SVG rounds opacity.
fn same_color(a: Option<[u8; 4]>, b: Option<[u8; 4]>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) if a[3] == 0 && b[3] == 0 => true,
        (Some(a), Some(b)) => a
            .iter()
            .zip(b)
            .all(|(x, y)| (i32::from(*x) - i32::from(y)).abs() <= 2),
        _ => false,
    }
}

fn same_look(a: &Look, b: &Look) -> bool {
    let near = |x: Option<f32>, y: Option<f32>| match (x, y) {
        (Some(x), Some(y)) => (x - y).abs() < 0.06,
        (x, y) => x == y,
    };
    same_color(a.fill, b.fill)
        && same_color(a.line_color, b.line_color)
        && near(a.line_width_px, b.line_width_px)
        && near(a.dash_on_px, b.dash_on_px)
        && near(a.radius_px, b.radius_px)
        && near(a.font_px, b.font_px)
}

fn rgba(color: egui::Color32) -> Option<[u8; 4]> {
    (color != egui::Color32::TRANSPARENT).then(|| color.to_srgba_unmultiplied())
}

/// The look of a shape as egui would paint it.
fn screen_look(shape: &Shape) -> Look {
    let mut look = Look::default();
    let shapes = match egui_shape(shape, egui::Pos2::ZERO) {
        EguiShape::Text(text) => {
            look.fill = rgba(text.color);
            look.font_px = Some(text.font.size);
            return look;
        }
        EguiShape::Shapes(shapes) => shapes,
    };
    let mut dashes = 0;
    for shape in &shapes {
        match shape {
            epaint::Shape::Rect(rect) => {
                look.fill = look.fill.or(rgba(rect.fill));
                look.radius_px = Some(f32::from(rect.corner_radius.nw));
                if rect.stroke.width > 0.0 {
                    look.line_width_px = Some(rect.stroke.width);
                    look.line_color = rgba(rect.stroke.color);
                }
            }
            epaint::Shape::Circle(circle) => {
                look.fill = look.fill.or(rgba(circle.fill));
                look.radius_px = Some(circle.radius);
                if circle.stroke.width > 0.0 {
                    look.line_width_px = Some(circle.stroke.width);
                    look.line_color = rgba(circle.stroke.color);
                }
            }
            epaint::Shape::Path(path) => {
                look.fill = look.fill.or(rgba(path.fill));
                if path.stroke.width > 0.0 {
                    look.line_width_px = Some(path.stroke.width);
                    look.line_color = match &path.stroke.color {
                        epaint::ColorMode::Solid(color) => rgba(*color),
                        epaint::ColorMode::UV(_) => panic!("a gradient line"),
                    };
                }
            }
            epaint::Shape::LineSegment { points, stroke } => {
                look.line_width_px = Some(stroke.width);
                look.line_color = rgba(stroke.color);
                dashes += 1;
                if dashes == 1 && shapes.len() > 2 {
                    look.dash_on_px = Some(points[0].distance(points[1]));
                }
            }
            epaint::Shape::Mesh(mesh) => {
                look.fill = mesh
                    .vertices
                    .first()
                    .map(|v| v.color.to_srgba_unmultiplied());
            }
            other => panic!("a shape the test does not read: {other:?}"),
        }
    }
    look
}

fn svg_color(node: &roxmltree::Node, attribute: &str) -> Option<[u8; 4]> {
    let value = node.attribute(attribute)?;
    if value == "none" {
        return None;
    }
    let hex = u32::from_str_radix(value.trim_start_matches('#'), 16).ok()?;
    let opacity: f32 = node
        .attribute(format!("{attribute}-opacity").as_str())
        .map_or(1.0, |o| o.parse().unwrap_or(1.0));
    Some([
        (hex >> 16) as u8,
        (hex >> 8) as u8,
        hex as u8,
        (opacity * 255.0).round() as u8,
    ])
}

/// The look of a shape as the SVG draws it.
fn svg_look(shape: &Shape) -> Look {
    let element = svg_element(shape);
    let document = format!(r#"<svg xmlns="http://www.w3.org/2000/svg">{element}</svg>"#);
    let parsed = roxmltree::Document::parse(&document).expect("each element is well-formed XML");
    let node = parsed
        .root_element()
        .first_element_child()
        .expect("one element");
    let number = |name: &str| node.attribute(name).and_then(|v| v.parse::<f32>().ok());
    let line_width_px = node
        .attribute("stroke")
        .filter(|s| *s != "none")
        .and_then(|_| number("stroke-width"));
    Look {
        fill: svg_color(&node, "fill"),
        line_width_px,
        line_color: line_width_px.and_then(|_| svg_color(&node, "stroke")),
        dash_on_px: node
            .attribute("stroke-dasharray")
            .and_then(|d| d.split(' ').next()?.parse().ok()),
        radius_px: number("r").or(number("rx")),
        font_px: number("font-size"),
    }
}

/// The sample data with an article, so that drafts, inferred dates, spans and markers are all
/// drawn, with the first event selected.
fn draw_list() -> DrawList {
    let article = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/drafts/01_week_ago.txt"
    ))
    .expect("the fixture article");
    let files = SAMPLE_FILES
        .iter()
        .map(|&(name, bytes)| (name, bytes))
        .chain([("article.txt", article.as_slice())]);
    let dataset: Dataset = load_files(files);
    let palette = CountryPalette::new(&events_per_country(&dataset.events));
    let scene = Scene::build(
        &dataset.events,
        LaneMode::Category,
        ColorMode::Country,
        &palette,
    );
    let limits = data_limits(&dataset);
    let view = TimeView::fit(
        limits.data_min_days,
        limits.data_max_days,
        1000.0,
        200.0,
        &limits,
    );
    DrawList::build(&DrawInput {
        scene: &scene,
        events: &dataset.events,
        eras: &[],
        view,
        limits: &limits,
        scroll_px: 0.0,
        size_px: [1200.0, 700.0],
        selected: Some(0),
        theme: &Theme::DARK,
        measure: &EstimatedMeasure,
        empty_message: "",
    })
}

#[test]
fn the_screen_and_the_svg_draw_every_shape_alike() {
    let list = draw_list();
    // A density strip, which the sample is too small to need.
    let strip = Primitive::Density {
        rect: Rect::from_x_y(100.0, 140.0, 50.0, 80.0),
        column_px: 2.0,
        heights: vec![0.0, 0.5, 1.0, 0.25],
        counts: vec![0, 2, 4, 1],
        color: Rgba([31, 119, 180, 200]),
        lane: 0,
        from_days: 0.0,
        to_days: 10.0,
    };
    let mut kinds = std::collections::BTreeSet::new();
    for primitive in list.primitives.iter().chain([&strip]) {
        for shape in shapes(primitive, &list.theme) {
            let (screen, svg) = (screen_look(&shape), svg_look(&shape));
            assert!(
                same_look(&screen, &svg),
                "{shape:?}\nscreen: {screen:?}\nSVG:    {svg:?}"
            );
            let kind = format!("{shape:?}");
            let kind = kind.split([' ', '{']).next().unwrap_or_default().to_owned();
            kinds.insert(kind);
            if screen.dash_on_px.is_some() {
                kinds.insert("dashed".to_owned());
            }
        }
    }
    let every_kind = [
        "Circle", "Columns", "Polygon", "Rect", "Segment", "Text", "dashed",
    ];
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), every_kind);
}
