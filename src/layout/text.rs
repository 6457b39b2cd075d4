//! How wide text is, so that the core can place labels without egui: the window measures
//! with its fonts, the SVG export and the tests with an estimate.

/// Measures a single line of text.
pub trait TextMeasure {
    /// The width of `text` in points, at a font size of `font_px`.
    fn text_width_px(&self, text: &str, font_px: f32) -> f32;
}

/// An estimate from character classes: East-Asian characters are square, Latin ones about
/// half as wide. Close enough for the default proportional font and for SVG viewers.
#[derive(Clone, Copy, Debug, Default)]
pub struct EstimatedMeasure;

/// The width of one character, in ems.
pub fn estimated_char_em(c: char) -> f32 {
    match c {
        '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' => 1.0,
        '\u{FF00}'..='\u{FFEF}' => 1.0,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' => 0.36,
        'm' | 'w' | 'M' | 'W' | '@' | '—' => 0.82,
        'A'..='Z' | '0'..='9' => 0.62,
        _ => 0.52,
    }
}

impl TextMeasure for EstimatedMeasure {
    fn text_width_px(&self, text: &str, font_px: f32) -> f32 {
        text.chars().map(estimated_char_em).sum::<f32>() * font_px
    }
}

/// `text` cut at a character boundary, with an ellipsis, so that it is at most `max_px`
/// wide; the whole text when it fits. Empty when not even the ellipsis fits.
pub fn truncate_to_width(
    measure: &dyn TextMeasure,
    text: &str,
    font_px: f32,
    max_px: f32,
) -> String {
    if measure.text_width_px(text, font_px) <= max_px {
        return text.to_owned();
    }
    let ellipsis_px = measure.text_width_px("…", font_px);
    if ellipsis_px > max_px {
        return String::new();
    }
    // Binary search on the number of characters kept; `ends[n]` is where `n` characters end.
    let ends: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let fits = |kept: usize| {
        let prefix = &text[..ends[kept]];
        measure.text_width_px(prefix.trim_end(), font_px) + ellipsis_px <= max_px
    };
    let (mut low, mut high) = (0, ends.len() - 1);
    while low < high {
        let middle = (low + high).div_ceil(2);
        if fits(middle) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    format!("{}…", text[..ends[low]].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_fits_and_keeps_what_fits() {
        let measure = EstimatedMeasure;
        let text = "China-Japan University Science and Technology Innovation Forum";
        assert_eq!(truncate_to_width(&measure, text, 12.0, 1000.0), text);
        let short = truncate_to_width(&measure, text, 12.0, 100.0);
        assert!(short.ends_with('…') && short.len() < text.len(), "{short}");
        assert!(measure.text_width_px(&short, 12.0) <= 100.0);
        assert_eq!(truncate_to_width(&measure, text, 12.0, 1.0), "");
        let cjk = truncate_to_width(&measure, "科技日报科技日报", 12.0, 40.0);
        assert_eq!(cjk, "科技…");
    }
}
