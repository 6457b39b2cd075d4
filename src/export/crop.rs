//! Which pixels of a window screenshot hold the chart.

/// The pixel rectangle `[x, y, width, height]` of `rect_points` (`[left, top, right, bottom]`
/// in points) in a screenshot of `image_size_px` taken at `pixels_per_point`, clamped to the
/// image. `None` when nothing of it is on the image.
pub fn crop_rect_px(
    rect_points: [f32; 4],
    pixels_per_point: f32,
    image_size_px: [usize; 2],
) -> Option<[usize; 4]> {
    let [left, top, right, bottom] =
        rect_points.map(|v| f64::from(v) * f64::from(pixels_per_point));
    let [width, height] = image_size_px.map(|v| v as f64);
    if !(left.is_finite() && top.is_finite() && right.is_finite() && bottom.is_finite()) {
        return None;
    }
    let x0 = left.round().clamp(0.0, width);
    let y0 = top.round().clamp(0.0, height);
    let x1 = right.round().clamp(0.0, width);
    let y1 = bottom.round().clamp(0.0, height);
    (x1 > x0 && y1 > y0).then_some([
        x0 as usize,
        y0 as usize,
        (x1 - x0) as usize,
        (y1 - y0) as usize,
    ])
}

/// The RGBA bytes of `crop` (`[x, y, width, height]`) out of an RGBA image `image_width_px` wide.
pub fn crop_rgba(rgba: &[u8], image_width_px: usize, crop: [usize; 4]) -> Vec<u8> {
    let [x, y, width, height] = crop;
    let mut out = Vec::with_capacity(width * height * 4);
    for row in y..y + height {
        let start = (row * image_width_px + x) * 4;
        if let Some(pixels) = rgba.get(start..start + width * 4) {
            out.extend_from_slice(pixels);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hi_dpi_screens_give_full_resolution() {
        assert_eq!(
            crop_rect_px([100.0, 50.0, 600.0, 350.0], 2.0, [2800, 1700]),
            Some([200, 100, 1000, 600])
        );
        assert_eq!(
            crop_rect_px([100.0, 50.0, 600.0, 350.0], 1.5, [2100, 1275]),
            Some([150, 75, 750, 450])
        );
    }

    #[test]
    fn crops_are_clamped_to_the_image() {
        assert_eq!(
            crop_rect_px([-10.0, -5.0, 600.0, 900.0], 1.0, [500, 400]),
            Some([0, 0, 500, 400])
        );
        assert_eq!(
            crop_rect_px([600.0, 0.0, 700.0, 10.0], 1.0, [500, 400]),
            None
        );
        assert_eq!(
            crop_rect_px([f32::NAN, 0.0, 1.0, 1.0], 1.0, [500, 400]),
            None
        );
    }

    #[test]
    fn cropping_copies_the_right_rows() {
        // A 3×2 image whose pixels are numbered 0..6.
        let rgba: Vec<u8> = (0..6).flat_map(|i| [i, i, i, 255]).collect();
        assert_eq!(
            crop_rgba(&rgba, 3, [1, 0, 2, 2]),
            [1, 1, 1, 255, 2, 2, 2, 255, 4, 4, 4, 255, 5, 5, 5, 255]
        );
    }
}
