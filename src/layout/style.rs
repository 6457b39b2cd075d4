//! The resolved look of every primitive: the fills, lines, dashes, radii, fonts and margins
//! that the window and the SVG draw. Both renderers only translate these shapes into their
//! own terms, so an exported figure cannot drift from the screen.

use super::draw::metrics::MARKER_RADIUS_PX;
use super::draw::{Primitive, TextRole};
use super::geom::{Rect, Rgba};
use super::theme::Theme;

/// Dashes of an inferred date's outline, and of a draft's: on and off, in points.
pub const INFERRED_DASH_PX: [f32; 2] = [5.0, 3.0];
pub const DRAFT_DASH_PX: [f32; 2] = [3.0, 2.0];
/// Dots of a planned event's outline.
pub const PLANNED_DASH_PX: [f32; 2] = [1.5, 2.0];
/// The number on a cluster.
pub const CLUSTER_FONT_PX: f32 = 9.5;
/// A cluster is this much larger than a marker.
pub const CLUSTER_GROWTH_PX: f32 = 3.0;
/// Room between a label and the edge of its plate.
pub const PLATE_MARGIN_PX: f32 = 3.0;
pub const LEGEND_DOT_RADIUS_PX: f32 = 5.0;
/// Hollow markers are this much smaller, so that their thicker line ends where a solid one's does.
const HOLLOW_INSET_PX: f32 = 1.0;

/// A line's width, colour and dash pattern (on, off) in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    pub width_px: f32,
    pub color: Rgba,
    pub dash_px: Option<[f32; 2]>,
}

impl Line {
    pub fn solid(width_px: f32, color: Rgba) -> Self {
        Self {
            width_px,
            color,
            dash_px: None,
        }
    }

    fn dashed(width_px: f32, color: Rgba, dash_px: [f32; 2]) -> Self {
        Self {
            width_px,
            color,
            dash_px: Some(dash_px),
        }
    }
}

/// Where a text sits on its point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The point is the middle of the text's left edge.
    LeftCenter,
    /// The point is the text's centre.
    Center,
}

/// One shape, every part of its look decided. Lines are centred on the outline.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    Rect {
        rect: Rect,
        corner_px: f32,
        fill: Option<Rgba>,
        line: Option<Line>,
    },
    Circle {
        center: [f32; 2],
        radius_px: f32,
        fill: Option<Rgba>,
        line: Option<Line>,
    },
    /// A closed outline through `points`.
    Polygon {
        points: Vec<[f32; 2]>,
        fill: Rgba,
        line: Line,
    },
    Segment {
        from: [f32; 2],
        to: [f32; 2],
        line: Line,
    },
    /// Bars of one colour, drawn as one piece however many there are.
    Columns { rects: Vec<Rect>, fill: Rgba },
    Text {
        at: [f32; 2],
        anchor: Anchor,
        text: String,
        font_px: f32,
        color: Rgba,
        /// The width the layout measured and gave it, where it has one.
        width_px: Option<f32>,
        /// What the text is, for the SVG's structure; `None` inside a mark.
        role: Option<TextRole>,
    },
}

/// The number on a cluster: "7", "99+".
pub fn cluster_badge(count: usize) -> String {
    if count > 99 {
        "99+".to_owned()
    } else {
        count.to_string()
    }
}

/// The shapes that draw `primitive`, in order, on `theme`.
pub fn shapes(primitive: &Primitive, theme: &Theme) -> Vec<Shape> {
    let outline = Line::solid(1.0, theme.outline.faded(0.6));
    match primitive {
        Primitive::Fill { rect, color, .. } => vec![Shape::Rect {
            rect: *rect,
            corner_px: 0.0,
            fill: Some(*color),
            line: None,
        }],
        Primitive::GridLine {
            x,
            top,
            bottom,
            color,
        } => vec![Shape::Segment {
            from: [*x, *top],
            to: [*x, *bottom],
            line: Line::solid(1.0, *color),
        }],
        Primitive::Span {
            rect,
            color,
            vague,
            inferred,
            draft,
            planned,
            ..
        } => {
            let look = Certainty::of(*inferred, *draft, *planned);
            vec![span_shape(*rect, *color, *vague, look, theme)]
        }
        Primitive::Marker {
            center,
            color,
            inferred,
            draft,
            planned,
            ..
        } => {
            let look = Certainty::of(*inferred, *draft, *planned);
            vec![marker_shape(*center, *color, look, theme)]
        }
        Primitive::Cluster {
            center,
            color,
            count,
            ..
        } => cluster_shapes(*center, *color, *count, outline),
        Primitive::Density {
            rect,
            column_px,
            heights,
            color,
            ..
        } => vec![Shape::Columns {
            rects: density_columns(rect, *column_px, heights),
            fill: *color,
        }],
        Primitive::Text {
            rect,
            text,
            font_px,
            color,
            plate,
            role,
            ..
        } => text_shapes(rect, text, (*font_px, *color), *plate, *role, theme),
        Primitive::Ring {
            rect,
            round,
            color,
            width_px,
        } => vec![ring_shape(rect, *round, Line::solid(*width_px, *color))],
        Primitive::LegendDot { center, color } => vec![Shape::Circle {
            center: *center,
            radius_px: LEGEND_DOT_RADIUS_PX,
            fill: Some(*color),
            line: None,
        }],
        Primitive::Scrollbar { thumb, color, .. } => vec![Shape::Rect {
            rect: *thumb,
            corner_px: 3.0,
            fill: Some(*color),
            line: None,
        }],
    }
}

/// A cluster: a larger dot with the number of events it stands for.
fn cluster_shapes(center: [f32; 2], color: Rgba, count: usize, outline: Line) -> Vec<Shape> {
    vec![
        Shape::Circle {
            center,
            radius_px: MARKER_RADIUS_PX + CLUSTER_GROWTH_PX,
            fill: Some(color),
            line: Some(outline),
        },
        Shape::Text {
            at: center,
            anchor: Anchor::Center,
            text: cluster_badge(count),
            font_px: CLUSTER_FONT_PX,
            color: Rgba([255, 255, 255, 255]),
            width_px: None,
            role: None,
        },
    ]
}

/// A line of text, on its plate where it has one.
fn text_shapes(
    rect: &Rect,
    text: &str,
    (font_px, color): (f32, Rgba),
    plate: Option<Rgba>,
    role: TextRole,
    theme: &Theme,
) -> Vec<Shape> {
    let plate = plate.map(|fill| Shape::Rect {
        rect: rect.expand(PLATE_MARGIN_PX),
        corner_px: 3.0,
        fill: Some(fill),
        line: Some(Line::solid(1.0, theme.grid_major)),
    });
    let text = Shape::Text {
        at: [rect.left(), rect.center()[1]],
        anchor: Anchor::LeftCenter,
        text: text.to_owned(),
        font_px,
        color,
        width_px: Some(rect.width()),
        role: Some(role),
    };
    plate.into_iter().chain([text]).collect()
}

/// A ring around a mark: round for a day, with rounded corners for a span.
fn ring_shape(rect: &Rect, round: bool, line: Line) -> Shape {
    if round {
        Shape::Circle {
            center: rect.center(),
            radius_px: rect.width() / 2.0,
            fill: None,
            line: Some(line),
        }
    } else {
        Shape::Rect {
            rect: *rect,
            corner_px: 3.0,
            fill: None,
            line: Some(line),
        }
    }
}

/// How much is known of an event, as its outline shows it; a draft's mark wins over a
/// plan's, a plan's over an inferred date's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Certainty {
    Stated,
    Inferred,
    Planned,
    Draft,
}

impl Certainty {
    fn of(inferred: bool, draft: bool, planned: bool) -> Self {
        match (draft, planned, inferred) {
            (true, ..) => Self::Draft,
            (false, true, _) => Self::Planned,
            (false, false, true) => Self::Inferred,
            _ => Self::Stated,
        }
    }
}

/// A bar of several days, or a faint span for a date known to the month or year; dashed
/// where the date was worked out or the event is a draft, dotted where it is planned.
fn span_shape(rect: Rect, color: Rgba, vague: bool, look: Certainty, theme: &Theme) -> Shape {
    let faint = vague || matches!(look, Certainty::Draft | Certainty::Planned);
    let fill = if faint {
        color.faded(if theme.dark { 0.35 } else { 0.22 })
    } else {
        color
    };
    let border = color.faded(0.9);
    let line = match look {
        Certainty::Draft => Line::dashed(1.5, border, DRAFT_DASH_PX),
        Certainty::Planned => Line::dashed(1.5, border, PLANNED_DASH_PX),
        Certainty::Inferred => Line::dashed(1.0, border, INFERRED_DASH_PX),
        Certainty::Stated if vague => Line::solid(1.0, border),
        Certainty::Stated => Line::solid(1.0, theme.outline.faded(0.6)),
    };
    Shape::Rect {
        rect,
        corner_px: if faint { 2.0 } else { 3.0 },
        fill: Some(fill),
        line: Some(line),
    }
}

/// An event of one day: a dot; hollow when its date was worked out; a dotted ring when it is
/// planned; a dashed diamond for a draft.
fn marker_shape(center: [f32; 2], color: Rgba, look: Certainty, theme: &Theme) -> Shape {
    let r = MARKER_RADIUS_PX;
    let hollow = |line: Line| Shape::Circle {
        center,
        radius_px: r - HOLLOW_INSET_PX,
        fill: Some(theme.hollow_fill),
        line: Some(line),
    };
    match look {
        Certainty::Draft => {
            let [x, y] = center;
            Shape::Polygon {
                points: vec![[x, y - r], [x + r, y], [x, y + r], [x - r, y]],
                fill: theme.hollow_fill,
                line: Line::dashed(2.0, color, DRAFT_DASH_PX),
            }
        }
        Certainty::Planned => hollow(Line::dashed(2.0, color, PLANNED_DASH_PX)),
        Certainty::Inferred => hollow(Line::solid(2.5, color)),
        Certainty::Stated => Shape::Circle {
            center,
            radius_px: r,
            fill: Some(color),
            line: Some(Line::solid(1.0, theme.outline.faded(0.6))),
        },
    }
}

/// The columns of a density strip that hold events, each as tall as its share.
fn density_columns(rect: &Rect, column_px: f32, heights: &[f32]) -> Vec<Rect> {
    (heights.iter().enumerate())
        .filter(|&(_, &height)| height > 0.0)
        .map(|(column, &height)| {
            let left = rect.left() + column as f32 * column_px;
            Rect::from_x_y(
                left,
                left + column_px,
                rect.bottom() - height * rect.height(),
                rect.bottom(),
            )
        })
        .collect()
}
