//! The draw list: everything the timeline shows, as a list of primitives in points, made by
//! one pure function from the scene, the view, the selection, the size and the theme.
//!
//! Every level-of-detail decision is made here: which lanes are density strips, which spans
//! get a row, which markers merge into a cluster, which labels fit, and the order things are
//! drawn in. The window and the SVG export only render the list, and the hit-test reads it,
//! so the screen, an image and a click always agree.

mod chrome;
mod frame;
mod labels;
mod lanes;
pub mod metrics;
mod primitive;

pub use self::frame::{ChartLayout, DrawInput, LaneBox, names_width_px};
pub use self::labels::label_text;
use self::labels::text;
use self::metrics::FONT_PX;
pub use self::metrics::{DENSITY_ONLY_PER_PX, MARKS_ONLY_PER_PX, density_weight};
pub use self::primitive::{Era, Layer, MarkId, Primitive, TextRole};
use super::geom::Rect;
use super::scene::Mark;
use super::theme::Theme;
use super::view::TimeView;

/// Everything the chart shows, in drawing order, and where its parts are.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DrawList {
    pub primitives: Vec<Primitive>,
    pub layout: ChartLayout,
    pub lanes: Vec<LaneBox>,
    pub view: Option<TimeView>,
    /// The colours it is drawn with.
    pub theme: Theme,
    /// The selected event's label waits here until everything else is drawn.
    pending_selected: Option<(f32, f32, Mark)>,
}

impl DrawList {
    /// Lays out and draws the whole chart.
    pub fn build(input: &DrawInput) -> Self {
        let mut list = Self {
            view: Some(input.view),
            theme: *input.theme,
            ..Self::default()
        };
        let layout = list.layout(input);
        list.layout = layout;
        let theme = input.theme;
        let [width, height] = input.size_px;
        list.push(Primitive::Fill {
            rect: Rect::from_x_y(0.0, width, 0.0, height),
            color: theme.background,
            layer: Layer::Chart,
        });
        list.lane_bands(input);
        list.eras(input);
        // With no events at all there is no time to show: an axis would only be noise.
        if !input.events.is_empty() {
            list.grid_and_ticks(input);
        }
        let hidden_per_lane: Vec<usize> = (0..list.lanes.len())
            .map(|lane| {
                if list.lane_visible(lane) {
                    list.lane_marks(input, lane)
                } else {
                    0
                }
            })
            .collect();
        list.selected_label(input);
        list.lane_names(input, &hidden_per_lane);
        list.legend(input);
        list.scrollbar(input);
        if input.scene.marks().is_empty() {
            list.empty_message(input, layout.plot.center());
        }
        list
    }

    /// The message of an empty chart, a line of text for each of its lines, around `center`.
    fn empty_message(&mut self, input: &DrawInput, [center_x, center_y]: [f32; 2]) {
        let line_px = (FONT_PX + 3.0) * 1.6;
        let lines: Vec<&str> = input.empty_message.lines().collect();
        let first_y = center_y - line_px * (lines.len() as f32 - 1.0) / 2.0;
        for (index, line) in lines.iter().enumerate() {
            let (size, color) = if index == 0 {
                (FONT_PX + 3.0, self.theme.text)
            } else {
                (FONT_PX + 1.0, self.theme.weak_text)
            };
            let at = [center_x, first_y + line_px * index as f32];
            self.push(text(
                input.measure,
                line,
                size,
                at,
                color,
                Layer::Chart,
                TextRole::Message,
                true,
            ));
        }
    }

    pub(super) fn push(&mut self, primitive: Primitive) {
        self.primitives.push(primitive);
    }

    pub(super) fn lane_visible(&self, lane: usize) -> bool {
        self.lanes.get(lane).is_some_and(|b| {
            b.bottom_px() > self.layout.plot.top() && b.top_px < self.layout.plot.bottom()
        })
    }

    /// The chart's parts and the lanes' heights.
    /// Every text of a role, in drawing order: for tests and the SVG check.
    pub fn texts(&self, role: TextRole) -> impl Iterator<Item = &str> {
        self.primitives.iter().filter_map(move |p| match p {
            Primitive::Text { text, role: r, .. } if *r == role => Some(text.as_str()),
            _ => None,
        })
    }

    /// How many markers, clusters and spans are drawn.
    pub fn mark_count(&self) -> usize {
        self.primitives
            .iter()
            .filter(|p| {
                matches!(
                    p,
                    Primitive::Marker { .. } | Primitive::Span { .. } | Primitive::Cluster { .. }
                )
            })
            .count()
    }
}
