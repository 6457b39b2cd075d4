//! The colours the timeline is drawn with, for a light and a dark background.

use super::geom::Rgba;

/// Every colour of the chart that does not stand for data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub dark: bool,
    pub background: Rgba,
    /// Every other lane is shaded, so that a lane reads as a row.
    pub lane_band: Rgba,
    pub grid_major: Rgba,
    pub grid_minor: Rgba,
    pub text: Rgba,
    pub weak_text: Rgba,
    /// Around markers, and the hover ring.
    pub outline: Rgba,
    /// The selection ring.
    pub selection: Rgba,
    /// Inside hollow (inferred or drafted) markers.
    pub hollow_fill: Rgba,
    pub scrollbar: Rgba,
}

impl Default for Theme {
    fn default() -> Self {
        Self::LIGHT
    }
}

impl Theme {
    pub const LIGHT: Self = Self {
        dark: false,
        background: Rgba([255, 255, 255, 255]),
        lane_band: Rgba([246, 247, 249, 255]),
        grid_major: Rgba([190, 194, 200, 255]),
        grid_minor: Rgba([228, 230, 234, 255]),
        text: Rgba([28, 30, 34, 255]),
        weak_text: Rgba([110, 114, 120, 255]),
        outline: Rgba([40, 40, 40, 255]),
        selection: Rgba([31, 111, 235, 255]),
        hollow_fill: Rgba([255, 255, 255, 255]),
        scrollbar: Rgba([160, 164, 170, 200]),
    };

    pub const DARK: Self = Self {
        dark: true,
        background: Rgba([27, 27, 27, 255]),
        lane_band: Rgba([36, 37, 39, 255]),
        grid_major: Rgba([92, 95, 100, 255]),
        grid_minor: Rgba([52, 54, 57, 255]),
        text: Rgba([235, 236, 238, 255]),
        weak_text: Rgba([150, 154, 160, 255]),
        outline: Rgba([225, 225, 225, 255]),
        selection: Rgba([90, 160, 255, 255]),
        hollow_fill: Rgba([27, 27, 27, 255]),
        scrollbar: Rgba([120, 124, 130, 200]),
    };

    pub fn for_dark_mode(dark: bool) -> Self {
        if dark { Self::DARK } else { Self::LIGHT }
    }
}
