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
        list.grid_and_ticks(input);
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
            list.push(text(
                input.measure,
                input.empty_message,
                FONT_PX + 3.0,
                layout.plot.center(),
                theme.weak_text,
                Layer::Chart,
                TextRole::Message,
                true,
            ));
        }
        list
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
