//! The chart as an SVG drawing: the draw list's resolved shapes, element by element. Its size
//! follows the screen's draw list, not the data: a million events in strips are a few strips
//! here.

use crate::layout::draw::{DrawList, Layer, Primitive, TextRole};
use crate::layout::geom::{Rect, Rgba};
use crate::layout::style::{Anchor, Line, Shape, shapes};

/// Fonts the figure asks for, widest coverage last: Latin, then CJK, then whatever the
/// viewer has. Each text is also given its measured width, so that another font on another
/// machine is stretched or squeezed to the room the layout gave it, never past it.
const FONT_FAMILY: &str = "Ubuntu, 'Noto Sans', 'DejaVu Sans', 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'Hiragino Sans', Arial, Helvetica, sans-serif";

/// Text made safe for XML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// `fill="#rrggbb"` with its opacity where it is not opaque; `fill="none"` for nothing.
fn paint(attribute: &str, color: Option<Rgba>) -> String {
    match color {
        None => format!(r#"{attribute}="none""#),
        Some(color) if color.alpha() == 255 => format!(r#"{attribute}="{}""#, color.hex()),
        Some(color) => format!(
            r#"{attribute}="{}" {attribute}-opacity="{:.3}""#,
            color.hex(),
            color.opacity()
        ),
    }
}

/// A line's stroke attributes, its width and dashes as resolved.
fn stroke(line: Option<&Line>) -> String {
    let Some(line) = line else {
        return String::new();
    };
    let dash = line.dash_px.map_or_else(String::new, |[on, off]| {
        format!(r#" stroke-dasharray="{on} {off}""#)
    });
    format!(
        r#" {} stroke-width="{}"{dash}"#,
        paint("stroke", Some(line.color)),
        line.width_px
    )
}

fn rect_attributes(rect: &Rect) -> String {
    format!(
        r#"x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}""#,
        rect.left(),
        rect.top(),
        rect.width().max(0.0),
        rect.height().max(0.0)
    )
}

/// The SVG document of a draw list, titled `title`.
pub fn draw_list_to_svg(list: &DrawList, title: &str) -> String {
    let [width, height] = list.layout.size;
    let plot = list.layout.plot;
    let mut svg = String::new();
    push_line!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT_FAMILY}">"#
    );
    push_line!(svg, "<title>{}</title>", escape(title));
    push_line!(
        svg,
        r#"<clipPath id="plot"><rect {}/></clipPath>"#,
        rect_attributes(&plot)
    );
    let mut in_plot = false;
    // A scroll bar means nothing on paper.
    for primitive in (list.primitives.iter()).filter(|p| !matches!(p, Primitive::Scrollbar { .. }))
    {
        if (primitive.layer() == Layer::Plot) != in_plot {
            svg.push_str(if in_plot {
                "</g>\n"
            } else {
                "<g clip-path=\"url(#plot)\">\n"
            });
            in_plot = !in_plot;
        }
        write_primitive(&mut svg, primitive, list);
    }
    if in_plot {
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    svg
}

/// A primitive's shapes; an event's mark is one group, so that it reads as one element.
fn write_primitive(svg: &mut String, primitive: &Primitive, list: &DrawList) {
    let mark = matches!(
        primitive,
        Primitive::Span { .. } | Primitive::Marker { .. } | Primitive::Cluster { .. }
    );
    if mark {
        svg.push_str(r#"<g class="mark">"#);
    }
    for shape in shapes(primitive, &list.theme) {
        svg.push_str(&svg_element(&shape));
        if !mark {
            svg.push('\n');
        }
    }
    if mark {
        svg.push_str("</g>\n");
    }
}

/// One resolved shape as an SVG element: nothing of its look is decided here.
pub fn svg_element(shape: &Shape) -> String {
    match shape {
        Shape::Rect {
            rect,
            corner_px,
            fill,
            line,
        } => format!(
            r#"<rect {} rx="{corner_px}" {}{}/>"#,
            rect_attributes(rect),
            paint("fill", *fill),
            stroke(line.as_ref())
        ),
        Shape::Circle {
            center: [cx, cy],
            radius_px,
            fill,
            line,
        } => format!(
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{radius_px}" {}{}/>"#,
            paint("fill", *fill),
            stroke(line.as_ref())
        ),
        Shape::Polygon { points, fill, line } => {
            let points: Vec<String> = points
                .iter()
                .map(|[x, y]| format!("{x:.1},{y:.1}"))
                .collect();
            format!(
                r#"<polygon points="{}" {}{}/>"#,
                points.join(" "),
                paint("fill", Some(*fill)),
                stroke(Some(line))
            )
        }
        Shape::Segment {
            from: [x1, y1],
            to: [x2, y2],
            line,
        } => format!(
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"{}/>"#,
            stroke(Some(line))
        ),
        Shape::Columns { rects, fill } => {
            // One path per strip, however many events it stands for.
            let mut path = String::new();
            for rect in rects {
                push_text!(
                    path,
                    "M{:.1} {:.1}h{:.1}V{:.1}h-{:.1}Z",
                    rect.left(),
                    rect.bottom(),
                    rect.width(),
                    rect.top(),
                    rect.width()
                );
            }
            format!(
                r#"<path class="density" d="{path}" {}/>"#,
                paint("fill", Some(*fill))
            )
        }
        Shape::Text {
            at: [x, y],
            anchor,
            text,
            font_px,
            color,
            width_px,
            role,
        } => text_element(
            [*x, *y],
            *anchor,
            text,
            (*font_px, *width_px),
            *color,
            *role,
        ),
    }
}

/// A text centred on `y` as the screen centres it: the baseline a little below the middle.
/// A measured text keeps its measured width whatever font the viewer has.
fn text_element(
    [x, y]: [f32; 2],
    anchor: Anchor,
    text: &str,
    (font_px, width_px): (f32, Option<f32>),
    color: Rgba,
    role: Option<TextRole>,
) -> String {
    let baseline = y + font_px * 0.35;
    let class = role.map_or_else(String::new, |r| format!(r#" class="{}""#, role_class(r)));
    let anchor = match anchor {
        Anchor::LeftCenter => "",
        Anchor::Center => r#" text-anchor="middle""#,
    };
    let length = width_px.filter(|w| *w > 0.0).map_or_else(String::new, |w| {
        format!(r#" textLength="{w:.1}" lengthAdjust="spacingAndGlyphs""#)
    });
    format!(
        r#"<text{class} x="{x:.1}" y="{baseline:.1}" font-size="{font_px}"{anchor}{length} {}>{}</text>"#,
        paint("fill", Some(color)),
        escape(text)
    )
}

fn role_class(role: TextRole) -> &'static str {
    match role {
        TextRole::Label => "label",
        TextRole::LaneName => "lane",
        TextRole::Tick => "tick",
        TextRole::Legend => "legend",
        TextRole::Note => "note",
        TextRole::Era => "era",
        TextRole::Message => "message",
    }
}
