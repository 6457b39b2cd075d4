//! The chart as an SVG drawing: the draw list, rendered element by element. Its size follows
//! the screen's draw list, not the data: a million events in strips are a few strips here.

use std::fmt::Write as _;

use crate::layout::draw::metrics::MARKER_RADIUS_PX;
use crate::layout::draw::{DrawList, Layer, Primitive, TextRole};
use crate::layout::geom::{Rect, Rgba};

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

/// `fill="#rrggbb"` with its opacity where it is not opaque.
fn paint(attribute: &str, color: Rgba) -> String {
    if color.alpha() == 255 {
        format!(r#"{attribute}="{}""#, color.hex())
    } else {
        format!(
            r#"{attribute}="{}" {attribute}-opacity="{:.3}""#,
            color.hex(),
            color.opacity()
        )
    }
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

/// The SVG document of a draw list.
pub fn draw_list_to_svg(list: &DrawList) -> String {
    let [width, height] = list.layout.size;
    let plot = list.layout.plot;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Ubuntu, 'Noto Sans', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif">"#
    );
    let _ = writeln!(
        svg,
        r#"<clipPath id="plot"><rect {}/></clipPath>"#,
        rect_attributes(&plot)
    );
    let mut in_plot = false;
    for primitive in &list.primitives {
        let layer = layer_of(primitive);
        if (layer == Layer::Plot) != in_plot {
            svg.push_str(if in_plot {
                "</g>\n"
            } else {
                "<g clip-path=\"url(#plot)\">\n"
            });
            in_plot = !in_plot;
        }
        write_primitive(&mut svg, primitive);
    }
    if in_plot {
        svg.push_str("</g>\n");
    }
    svg.push_str("</svg>\n");
    svg
}

/// Where a primitive is clipped: marks stay inside the plot.
fn layer_of(primitive: &Primitive) -> Layer {
    match primitive {
        Primitive::Fill { layer, .. } | Primitive::Text { layer, .. } => *layer,
        Primitive::Span { .. }
        | Primitive::Marker { .. }
        | Primitive::Cluster { .. }
        | Primitive::Density { .. }
        | Primitive::Ring { .. } => Layer::Plot,
        Primitive::GridLine { .. } | Primitive::LegendDot { .. } | Primitive::Scrollbar { .. } => {
            Layer::Chart
        }
    }
}

fn write_primitive(svg: &mut String, primitive: &Primitive) {
    match primitive {
        Primitive::Fill { rect, color, .. } => {
            let _ = writeln!(
                svg,
                r#"<rect {} {}/>"#,
                rect_attributes(rect),
                paint("fill", *color)
            );
        }
        Primitive::GridLine {
            x,
            top,
            bottom,
            color,
        } => {
            let _ = writeln!(
                svg,
                r#"<line x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}" {} stroke-width="1"/>"#,
                paint("stroke", *color)
            );
        }
        Primitive::Span {
            rect,
            color,
            vague,
            inferred,
            draft,
            ..
        } => {
            let fill = if *vague || *draft {
                color.faded(0.22)
            } else {
                *color
            };
            let dash = if *inferred || *draft {
                r#" stroke-dasharray="5 3""#
            } else {
                ""
            };
            let _ = writeln!(
                svg,
                r#"<rect class="mark" {} rx="2" {} {} stroke-width="1"{dash}/>"#,
                rect_attributes(rect),
                paint("fill", fill),
                paint("stroke", *color)
            );
        }
        Primitive::Marker {
            center,
            color,
            inferred,
            draft,
            ..
        } => {
            let [cx, cy] = *center;
            if *draft {
                let r = MARKER_RADIUS_PX;
                let _ = writeln!(
                    svg,
                    r##"<path class="mark" d="M{cx:.1} {:.1} L{:.1} {cy:.1} L{cx:.1} {:.1} L{:.1} {cy:.1} Z" fill="#ffffff" {} stroke-width="2" stroke-dasharray="3 2"/>"##,
                    cy - r,
                    cx + r,
                    cy + r,
                    cx - r,
                    paint("stroke", *color)
                );
            } else {
                let fill = if *inferred {
                    Rgba([255, 255, 255, 255])
                } else {
                    *color
                };
                let _ = writeln!(
                    svg,
                    r#"<circle class="mark" cx="{cx:.1}" cy="{cy:.1}" r="{MARKER_RADIUS_PX}" {} {} stroke-width="2"/>"#,
                    paint("fill", fill),
                    paint("stroke", *color)
                );
            }
        }
        Primitive::Cluster {
            center,
            color,
            count,
            ..
        } => {
            let [cx, cy] = *center;
            let r = MARKER_RADIUS_PX + 3.0;
            let _ = writeln!(
                svg,
                r##"<g class="mark"><circle cx="{cx:.1}" cy="{cy:.1}" r="{r}" {}/><text x="{cx:.1}" y="{:.1}" font-size="9" text-anchor="middle" fill="#ffffff">{}</text></g>"##,
                paint("fill", *color),
                cy + 3.0,
                cluster_badge(*count)
            );
        }
        Primitive::Density {
            rect,
            column_px,
            heights,
            color,
            ..
        } => {
            // One path per strip, however many events it stands for.
            let mut path = String::new();
            for (column, &height) in heights.iter().enumerate() {
                if height <= 0.0 {
                    continue;
                }
                let left = rect.left() + column as f32 * column_px;
                let top = rect.bottom() - height * rect.height();
                let _ = write!(
                    path,
                    "M{left:.1} {:.1}h{column_px}V{top:.1}h-{column_px}Z",
                    rect.bottom()
                );
            }
            let _ = writeln!(
                svg,
                r#"<path class="density" d="{path}" {}/>"#,
                paint("fill", *color)
            );
        }
        Primitive::Text {
            rect,
            text,
            font_px,
            color,
            plate,
            role,
            ..
        } => {
            if let Some(plate) = plate {
                let _ = writeln!(
                    svg,
                    r#"<rect {} rx="2" {}/>"#,
                    rect_attributes(&rect.expand(2.0)),
                    paint("fill", *plate)
                );
            }
            let baseline = rect.center()[1] + font_px * 0.35;
            let _ = writeln!(
                svg,
                r#"<text class="{}" x="{:.1}" y="{baseline:.1}" font-size="{font_px}" {}>{}</text>"#,
                role_class(*role),
                rect.left(),
                paint("fill", *color),
                escape(text)
            );
        }
        Primitive::Ring {
            rect,
            round,
            color,
            width_px,
        } => {
            if *round {
                let [cx, cy] = rect.center();
                let _ = writeln!(
                    svg,
                    r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{:.1}" fill="none" {} stroke-width="{width_px}"/>"#,
                    rect.width() / 2.0,
                    paint("stroke", *color)
                );
            } else {
                let _ = writeln!(
                    svg,
                    r#"<rect {} rx="3" fill="none" {} stroke-width="{width_px}"/>"#,
                    rect_attributes(rect),
                    paint("stroke", *color)
                );
            }
        }
        Primitive::LegendDot { center, color } => {
            let _ = writeln!(
                svg,
                r#"<circle cx="{:.1}" cy="{:.1}" r="5" {}/>"#,
                center[0],
                center[1],
                paint("fill", *color)
            );
        }
        // A scroll bar means nothing on paper.
        Primitive::Scrollbar { .. } => {}
    }
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

/// The number on a cluster: "7", "99+".
pub fn cluster_badge(count: usize) -> String {
    if count > 99 {
        "99+".to_owned()
    } else {
        count.to_string()
    }
}
