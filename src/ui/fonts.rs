//! Fonts: egui's own, then a bundled CJK font so Chinese, Japanese and Korean names render
//! on every machine, in tests too.

use std::sync::Arc;

/// A subset of WenQuanYi Micro Hei (Apache-2.0): GB2312, kana and Hangul. See
/// `assets/fonts/README.md`.
const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/wqy-microhei-subset.ttf");
const CJK_FONT_NAME: &str = "wqy-microhei-subset";

/// Adds the CJK font behind egui's default fonts in every family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in fonts.families.values_mut() {
        family.push(CJK_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}
