//! Opening the window: eframe's options and the app built inside it.

use std::path::PathBuf;

use super::{ScreenshotJob, TimelineApp};

/// How the window is opened from the command line.
#[derive(Default)]
pub struct StartOptions {
    pub folder: Option<PathBuf>,
    /// The window's inner size in points; the remembered size when `None`.
    pub size: Option<[f32; 2]>,
    pub screenshot: Option<ScreenshotJob>,
    /// The size limit and the columns given on the command line.
    pub load: crate::load::LoadOptions,
}

/// Opens the window.
pub fn run(options: StartOptions) -> eframe::Result {
    let StartOptions {
        folder,
        size,
        screenshot,
        load,
    } = options;
    let scripted = screenshot.is_some();
    let native_options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(size.unwrap_or([1400.0, 850.0]))
            .with_min_inner_size(if scripted {
                [100.0, 100.0]
            } else {
                [700.0, 450.0]
            })
            .with_title("Cooperation Timeline Explorer")
            .with_app_id("coop-timeline"),
        // A scripted screenshot uses the size it was given, not the remembered one.
        persist_window: !scripted,
        ..Default::default()
    };
    eframe::run_native(
        "coop-timeline",
        native_options,
        Box::new(move |cc| {
            let mut app = TimelineApp::new(cc, folder, load);
            if let Some(job) = screenshot {
                app.set_screenshot_job(job);
            }
            Ok(Box::new(app))
        }),
    )
}
