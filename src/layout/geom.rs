//! Rectangles and colours in the core's own terms, so the draw list needs no egui.

use serde::Serialize;

/// An axis-aligned rectangle in points: `min` is the top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Rect {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl Rect {
    pub fn from_min_max(min: [f32; 2], max: [f32; 2]) -> Self {
        Self { min, max }
    }

    /// The rectangle `left..right`, `top..bottom`.
    pub fn from_x_y(left: f32, right: f32, top: f32, bottom: f32) -> Self {
        Self {
            min: [left, top],
            max: [right, bottom],
        }
    }

    pub fn left(&self) -> f32 {
        self.min[0]
    }

    pub fn right(&self) -> f32 {
        self.max[0]
    }

    pub fn top(&self) -> f32 {
        self.min[1]
    }

    pub fn bottom(&self) -> f32 {
        self.max[1]
    }

    pub fn width(&self) -> f32 {
        self.max[0] - self.min[0]
    }

    pub fn height(&self) -> f32 {
        self.max[1] - self.min[1]
    }

    pub fn center(&self) -> [f32; 2] {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }

    /// Grown by `margin` on every side.
    pub fn expand(&self, margin: f32) -> Self {
        Self {
            min: [self.min[0] - margin, self.min[1] - margin],
            max: [self.max[0] + margin, self.max[1] + margin],
        }
    }

    pub fn contains(&self, point: [f32; 2]) -> bool {
        (self.min[0]..=self.max[0]).contains(&point[0])
            && (self.min[1]..=self.max[1]).contains(&point[1])
    }

    /// The distance from `point` to the rectangle; 0 inside.
    pub fn distance_to(&self, point: [f32; 2]) -> f32 {
        let dx = (self.min[0] - point[0])
            .max(point[0] - self.max[0])
            .max(0.0);
        let dy = (self.min[1] - point[1])
            .max(point[1] - self.max[1])
            .max(0.0);
        dx.hypot(dy)
    }

    /// The part of this rectangle inside `other` (possibly empty: then its width or height is
    /// not positive).
    pub fn intersect(&self, other: &Self) -> Self {
        Self {
            min: [self.min[0].max(other.min[0]), self.min[1].max(other.min[1])],
            max: [self.max[0].min(other.max[0]), self.max[1].min(other.max[1])],
        }
    }
}

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub const fn rgb(rgb: [u8; 3]) -> Self {
        Self([rgb[0], rgb[1], rgb[2], 255])
    }

    pub fn alpha(&self) -> u8 {
        self.0[3]
    }

    /// The same colour with its opacity multiplied by `factor` (0–1).
    pub fn faded(&self, factor: f32) -> Self {
        let alpha = (f32::from(self.0[3]) * factor.clamp(0.0, 1.0)).round() as u8;
        Self([self.0[0], self.0[1], self.0[2], alpha])
    }

    /// `#rrggbb`, as SVG and CSS write it.
    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }

    /// The opacity, 0–1.
    pub fn opacity(&self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }
}
