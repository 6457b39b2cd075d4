//! What is under the pointer, read from the draw list: a click can only find what is drawn.

use super::draw::metrics::{HIT_RADIUS_PX as HIT_RADIUS, MARKER_RADIUS_PX};
use super::draw::{DrawList, MarkId, Primitive};
use super::geom::Rect;

/// What the pointer is on.
#[derive(Clone, Debug, PartialEq)]
pub enum Hit {
    Mark {
        mark: MarkId,
        rect: Rect,
        round: bool,
    },
    /// Several one-day events drawn as one.
    Cluster {
        lane: u32,
        count: usize,
        from_days: f64,
        to_days: f64,
        rect: Rect,
    },
    /// A column of a density strip, with its events.
    Density {
        lane: u32,
        count: u32,
        from_days: f64,
        to_days: f64,
        rect: Rect,
    },
}

impl Hit {
    /// Where the hit item is drawn.
    pub fn rect(&self) -> Rect {
        match self {
            Self::Mark { rect, .. } | Self::Cluster { rect, .. } | Self::Density { rect, .. } => {
                *rect
            }
        }
    }
}

impl DrawList {
    /// The mark nearest `point` within the hit radius, preferring what is drawn on top and,
    /// among equals, the narrowest; else the density column under it.
    pub fn hit(&self, point: [f32; 2]) -> Option<Hit> {
        if !self.layout.plot.contains(point) {
            return None;
        }
        let mut best: Option<(f32, f32, Hit)> = None;
        let mut consider = |distance: f32, width: f32, hit: Hit| {
            let better = best
                .as_ref()
                .is_none_or(|(d, w, _)| (distance, width) < (*d, *w));
            if distance <= HIT_RADIUS && better {
                best = Some((distance, width, hit));
            }
        };
        for primitive in self.primitives.iter().rev() {
            match primitive {
                Primitive::Marker { center, mark, .. } => {
                    let rect = Rect::from_min_max(*center, *center).expand(MARKER_RADIUS_PX);
                    let distance = (rect.center()[0] - point[0]).hypot(rect.center()[1] - point[1])
                        - MARKER_RADIUS_PX;
                    consider(
                        distance.max(0.0),
                        rect.width(),
                        Hit::Mark {
                            mark: *mark,
                            rect,
                            round: true,
                        },
                    );
                }
                Primitive::Span { rect, mark, .. } => {
                    consider(
                        rect.distance_to(point),
                        rect.width(),
                        Hit::Mark {
                            mark: *mark,
                            rect: *rect,
                            round: false,
                        },
                    );
                }
                Primitive::Cluster {
                    center,
                    count,
                    lane,
                    from_days,
                    to_days,
                    ..
                } => {
                    let rect = Rect::from_min_max(*center, *center).expand(MARKER_RADIUS_PX + 2.0);
                    consider(
                        rect.distance_to(point),
                        rect.width(),
                        Hit::Cluster {
                            lane: *lane,
                            count: *count,
                            from_days: *from_days,
                            to_days: *to_days,
                            rect,
                        },
                    );
                }
                _ => {}
            }
        }
        if let Some((_, _, hit)) = best {
            return Some(hit);
        }
        self.density_hit(point)
    }

    fn density_hit(&self, point: [f32; 2]) -> Option<Hit> {
        self.primitives.iter().find_map(|primitive| {
            let Primitive::Density {
                rect,
                column_px,
                counts,
                lane,
                from_days,
                to_days,
                color,
                ..
            } = primitive
            else {
                return None;
            };
            // A strip fading in under markers is not yet what the pointer is on.
            if !rect.contains(point) || color.opacity() < 0.4 {
                return None;
            }
            let column = ((point[0] - rect.left()) / column_px).floor().max(0.0) as usize;
            let count = *counts.get(column)?;
            let days_per_column = (to_days - from_days) / counts.len().max(1) as f64;
            let from = from_days + days_per_column * column as f64;
            let left = rect.left() + column as f32 * column_px;
            (count > 0).then(|| Hit::Density {
                lane: *lane,
                count,
                from_days: from,
                to_days: from + days_per_column,
                rect: Rect::from_x_y(left, left + column_px, rect.top(), rect.bottom()),
            })
        })
    }
}
