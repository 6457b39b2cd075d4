//! The chart as an SVG drawing, written from the core's [`Scene`]: lanes, time axis, marks,
//! titles and legend, for print-quality figures.

use std::fmt::Write as _;

use crate::model::EventStore;
use crate::model::scene::{
    MARKER_RADIUS_PX, MarkShape, Scene, label_spot, label_text, mark_rect_px, place_labels,
};
use crate::model::ticks::date_ticks;
use crate::model::view::{ScreenTransform, TimeView};

/// What to draw, and how large.
pub struct SvgChart<'a> {
    pub scene: &'a Scene,
    pub events: &'a EventStore,
    pub view: TimeView,
    pub width_px: f32,
    pub height_px: f32,
    pub selected: Option<usize>,
}

const FONT_PX: f32 = 12.0;
const LEGEND_HEIGHT_PX: f32 = 28.0;
const AXIS_HEIGHT_PX: f32 = 26.0;

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

/// About how wide `text` is at [`FONT_PX`]: East-Asian characters are square, Latin ones
/// about half as wide.
fn text_width_px(text: &str) -> f32 {
    text.chars()
        .map(|c| {
            if (c as u32) >= 0x2E80 {
                FONT_PX
            } else {
                FONT_PX * 0.55
            }
        })
        .sum()
}

/// `text`, cut with an ellipsis to about `max_width_px`.
fn shorten_to(text: &str, max_width_px: f32) -> String {
    if text_width_px(text) <= max_width_px {
        return text.to_owned();
    }
    let mut short = String::new();
    for c in text.chars() {
        if text_width_px(&short) + text_width_px(&c.to_string()) + FONT_PX > max_width_px {
            break;
        }
        short.push(c);
    }
    short.push('…');
    short
}

fn rgb(color: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", color[0], color[1], color[2])
}

impl SvgChart<'_> {
    /// The SVG document.
    pub fn to_svg(&self) -> String {
        let scene = self.scene;
        let lane_count = scene.lanes.len().max(1);
        let axis_width = scene
            .lanes
            .iter()
            .map(|l| text_width_px(&l.label))
            .fold(60.0_f32, f32::max)
            + 16.0;
        let transform = ScreenTransform {
            view: self.view,
            top_lane: -0.5,
            bottom_lane: lane_count as f64 - 0.5,
            left_px: axis_width,
            right_px: self.width_px - 10.0,
            top_px: LEGEND_HEIGHT_PX,
            bottom_px: self.height_px - AXIS_HEIGHT_PX,
        };
        let (w, h) = (self.width_px, self.height_px);
        let mut svg = String::new();
        let _ = writeln!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Ubuntu, 'Noto Sans', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif" font-size="{FONT_PX}">"#
        );
        let _ = writeln!(svg, r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##);
        let _ = writeln!(
            svg,
            r#"<clipPath id="chart"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            transform.left_px,
            transform.top_px,
            transform.right_px - transform.left_px,
            transform.bottom_px - transform.top_px
        );

        self.legend(&mut svg);
        self.lanes_and_axis(&mut svg, &transform);

        let _ = writeln!(svg, r#"<g clip-path="url(#chart)">"#);
        let mut visible: Vec<_> = scene.visible_marks(self.view).collect();
        visible.sort_by_key(|m| !matches!(m.shape, MarkShape::Vague(_)));
        for mark in &visible {
            let [left, top, right, bottom] = mark_rect_px(mark, &transform);
            let color = rgb(mark.color_rgb);
            let inferred = self
                .events
                .get(mark.event_index)
                .is_some_and(|e| e.span().inferred);
            let dash = if inferred {
                r#" stroke-dasharray="5 3""#
            } else {
                ""
            };
            // The full title and date, shown as a tooltip by browsers and read by screen readers.
            if let Some(event) = self.events.get(mark.event_index) {
                let _ = writeln!(
                    svg,
                    "<g><title>{} ({})</title>",
                    escape(event.title()),
                    escape(&event.span().display_long())
                );
            }
            match mark.shape {
                MarkShape::Day => {
                    let (cx, cy) = ((left + right) / 2.0, (top + bottom) / 2.0);
                    let fill = if inferred { "#ffffff" } else { color.as_str() };
                    let _ = writeln!(
                        svg,
                        r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="{MARKER_RADIUS_PX}" fill="{fill}" stroke="{color}" stroke-width="2"/>"#
                    );
                }
                MarkShape::DayRange => {
                    let _ = writeln!(
                        svg,
                        r#"<rect x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" rx="3" fill="{color}"/>"#,
                        right - left,
                        bottom - top
                    );
                }
                MarkShape::Vague(_) => {
                    let _ = writeln!(
                        svg,
                        r#"<rect x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" rx="2" fill="{color}" fill-opacity="0.22" stroke="{color}"{dash}/>"#,
                        right - left,
                        bottom - top
                    );
                }
            }
            if self.selected == Some(mark.event_index) {
                let _ = writeln!(
                    svg,
                    r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="none" stroke="#1f6feb" stroke-width="2.5"/>"##,
                    left - 3.0,
                    top - 3.0,
                    right - left + 6.0,
                    bottom - top + 6.0
                );
            }
            if self.events.get(mark.event_index).is_some() {
                svg.push_str("</g>\n");
            }
        }
        self.labels(&mut svg, &transform, &visible);
        let _ = writeln!(svg, "</g>\n</svg>");
        svg
    }

    fn legend(&self, svg: &mut String) {
        let mut x = 10.0;
        for entry in &self.scene.legend {
            let _ = writeln!(
                svg,
                r#"<circle cx="{:.1}" cy="14" r="5" fill="{}"/>"#,
                x + 5.0,
                rgb(entry.color_rgb)
            );
            let _ = writeln!(
                svg,
                r##"<text x="{:.1}" y="18" fill="#333333">{}</text>"##,
                x + 14.0,
                escape(&entry.label)
            );
            x += 14.0 + text_width_px(&entry.label) + 14.0;
        }
    }

    fn lanes_and_axis(&self, svg: &mut String, transform: &ScreenTransform) {
        let (left, right) = (transform.left_px, transform.right_px);
        for (lane, info) in self.scene.lanes.iter().enumerate() {
            let top = transform.y_from_lane(lane as f64 - 0.5);
            let bottom = transform.y_from_lane(lane as f64 + 0.5);
            if lane % 2 == 1 {
                let _ = writeln!(
                    svg,
                    r##"<rect x="{left:.1}" y="{top:.1}" width="{:.1}" height="{:.1}" fill="#f3f3f3"/>"##,
                    right - left,
                    bottom - top
                );
            }
            let y = transform.y_from_lane(lane as f64) + FONT_PX * 0.35;
            let _ = writeln!(
                svg,
                r##"<text x="{:.1}" y="{y:.1}" text-anchor="end" fill="#333333">{}</text>"##,
                left - 8.0,
                escape(&info.label)
            );
        }
        let min_step_days = 95.0 * self.view.width_days() / f64::from(right - left);
        for tick in date_ticks(self.view.min_days, self.view.max_days, min_step_days) {
            let x = transform.x_from_days(tick.days);
            let _ = writeln!(
                svg,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#cccccc"/>"##,
                transform.top_px, transform.bottom_px
            );
            let _ = writeln!(
                svg,
                r##"<text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="#333333">{}</text>"##,
                transform.bottom_px + 16.0,
                escape(&tick.label)
            );
        }
        let _ = writeln!(
            svg,
            r##"<rect x="{left:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#999999"/>"##,
            transform.top_px,
            right - left,
            transform.bottom_px - transform.top_px
        );
    }

    fn labels(
        &self,
        svg: &mut String,
        transform: &ScreenTransform,
        visible: &[&crate::model::scene::Mark],
    ) {
        let mut placed = Vec::new();
        for mark in visible {
            let Some(event) = self.events.get(mark.event_index) else {
                continue;
            };
            let spot = label_spot(mark, transform);
            let text = shorten_to(&label_text(mark, &event), spot.max_width_px);
            let width = text_width_px(&text);
            placed.push((spot, width, text));
        }
        let rows: Vec<(usize, f32, f32)> = placed
            .iter()
            .map(|(spot, width, _)| (spot.row, spot.left_px(*width), *width))
            .collect();
        for ((spot, width, text), show) in placed.iter().zip(place_labels(&rows, 8.0)) {
            if show {
                let (x, baseline) = (spot.left_px(*width), spot.top_px + FONT_PX);
                let _ = writeln!(
                    svg,
                    r##"<text x="{x:.1}" y="{baseline:.1}" fill="#111111">{}</text>"##,
                    escape(text)
                );
            }
        }
    }
}
