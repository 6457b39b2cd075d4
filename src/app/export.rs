//! Exports from the window: the save dialog, the PNG capture of the chart, and `--screenshot`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use super::{Command, TimelineApp};
use crate::export::crop::{crop_rect_px, crop_rgba};
use crate::export::csv::{counts_to_csv, events_to_csv};
use crate::export::svg::draw_list_to_svg;
use crate::export::{ExportKind, WriteError, encode_png, encode_png_resized, write_atomically};
use crate::layout::draw::{DrawInput, DrawList};
use crate::layout::theme::Theme;
use crate::layout::view::{TimeView, ViewLimits};
use crate::state::{DataSource, PathPurpose};

/// A PNG export under way.
pub(super) struct Capture {
    path: PathBuf,
    overwrite: bool,
    /// Frames painted since the export was asked for; popups close and hover fades first.
    frames_waited: u32,
    pixels: Option<mpsc::Receiver<Arc<egui::ColorImage>>>,
}

/// Frames to paint after the export is asked for, so menus are closed in the captured one.
const FRAMES_BEFORE_CAPTURE: u32 = 2;

/// What `--screenshot` asks for.
pub struct ScreenshotJob {
    pub path: PathBuf,
    pub overwrite: bool,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
    pub select: Option<String>,
    /// The size of the image to save, in pixels; the window is made this size in points.
    pub size_px: Option<[f32; 2]>,
    /// Filled in when done; `main` reads it after the window closed.
    pub outcome: ScreenshotOutcome,
    /// Called with the outcome as soon as there is one, before the window is closed; it may
    /// end the process, since nothing is left to show.
    pub on_finish: Option<OnScreenshotFinished>,
    /// Whether the view and selection were applied to the loaded data.
    prepared: bool,
}

/// The result of a `--screenshot` run: the saved path, or what went wrong.
pub type ScreenshotResult = Result<PathBuf, String>;

/// What to do with the result the moment there is one.
pub type OnScreenshotFinished = Box<dyn FnOnce(&ScreenshotResult)>;

/// Where the result is left for `main`.
pub type ScreenshotOutcome = Arc<Mutex<Option<ScreenshotResult>>>;

impl ScreenshotJob {
    /// A job to save the chart to `path`, replacing a file there only with `overwrite`.
    pub fn new(path: PathBuf, overwrite: bool) -> Self {
        Self {
            path,
            overwrite,
            from_year: None,
            to_year: None,
            select: None,
            size_px: None,
            outcome: Arc::default(),
            on_finish: None,
            prepared: false,
        }
    }
}

/// The view from the start of `from_year` to the end of `to_year`.
fn years_view(
    from_year: Option<i32>,
    to_year: Option<i32>,
    current: TimeView,
    limits: &ViewLimits,
) -> TimeView {
    let year_start = |year: i32| {
        chrono::NaiveDate::from_ymd_opt(year, 1, 1).map(crate::model::date::days_from_date)
    };
    let min_days = from_year.and_then(year_start).unwrap_or(current.min_days);
    let max_days = to_year
        .and_then(|y| year_start(y + 1))
        .unwrap_or(current.max_days);
    TimeView { min_days, max_days }.clamped(limits)
}

impl TimelineApp {
    /// Sets up a `--screenshot` run.
    pub fn set_screenshot_job(&mut self, job: ScreenshotJob) {
        self.screenshot_job = Some(job);
    }

    /// The folder proposed for exports: the last one used, else Pictures, else home.
    fn export_folder(&self) -> Option<PathBuf> {
        let home = std::env::home_dir();
        self.settings
            .last_export_folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(|| {
                home.as_ref()
                    .map(|h| h.join("Pictures"))
                    .filter(|p| p.is_dir())
            })
            .or(home)
    }

    pub(super) fn show_save_dialog(&mut self, kind: ExportKind) {
        let mut file_name = kind.default_file_name(chrono::Local::now().naive_local());
        let mut folder = self.export_folder();
        let mut title = format!("Export the chart as a {}", kind.label());
        if kind == ExportKind::AcceptedEvents {
            if self.accepted_count() == 0 {
                self.status_message =
                    Some("No accepted events to save yet: select a draft and press A".to_owned());
                return;
            }
            // Beside the data folder, not in it.
            if let DataSource::Folder(data) = &self.data.source
                && let (Some(parent), Some(name)) = (data.parent(), data.file_name())
            {
                folder = Some(parent.to_owned());
                file_name = format!("{}-reviewed.json", name.to_string_lossy());
            }
            title = "Save the accepted events as JSON".to_owned();
        }
        self.start_dialog(PathPurpose::Save(kind), move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title(title)
                .add_filter(kind.label(), &[kind.extension()]);
            dialog = match folder {
                // rfd's zenity backend ignores the directory, so the name carries it too.
                Some(folder) => dialog
                    .set_file_name(folder.join(&file_name).to_string_lossy())
                    .set_directory(folder),
                None => dialog.set_file_name(file_name),
            };
            pollster::block_on(dialog.save_file()).map(|handle| handle.path().to_owned())
        });
    }

    /// Writes an export to `path`; asks first when it would replace a file.
    pub(super) fn export_to(&mut self, kind: ExportKind, path: PathBuf, overwrite: bool) {
        if !overwrite && path.exists() {
            self.confirm_overwrite = Some((kind, path));
            return;
        }
        let written = match kind {
            ExportKind::Png => {
                // From the command line no menu is open, so the next frame can be the one.
                let frames_waited = match self.screenshot_job {
                    Some(_) => FRAMES_BEFORE_CAPTURE,
                    None => 0,
                };
                self.capture = Some(Capture {
                    path,
                    overwrite,
                    frames_waited,
                    pixels: None,
                });
                return;
            }
            ExportKind::Svg => self.write_svg(&path, overwrite),
            ExportKind::Csv => self.write_csv(&path, overwrite),
            ExportKind::CountsCsv => self.write_counts_csv(&path, overwrite),
            ExportKind::AcceptedEvents => self.write_accepted(&path, overwrite),
        };
        self.report_export(&path, written);
    }

    fn report_export(&mut self, path: &Path, written: Result<(), WriteError>) {
        self.status_message = Some(match written {
            Ok(()) => {
                self.settings.last_export_folder = path.parent().map(Path::to_owned);
                format!("Saved {}", path.display())
            }
            Err(error) => format!("Export failed: {error}"),
        });
    }

    /// The chart as the screen shows it, drawn for print: the same layout, light colours.
    fn write_svg(&self, path: &Path, overwrite: bool) -> Result<(), WriteError> {
        let size = self
            .chart_rect_px
            .map_or([1200.0, 700.0], |r| [r[2] - r[0], r[3] - r[1]]);
        let measure = crate::ui::paint::EguiMeasure::new(&self.egui_ctx);
        let list = DrawList::build(&DrawInput {
            scene: self.data.scene(),
            events: &self.data.dataset.events,
            eras: &self.data.eras,
            view: self.view,
            limits: &self.data.limits,
            scroll_px: self.lanes_scroll_px,
            size_px: [size[0].max(400.0), size[1].max(250.0)],
            selected: self.selection.event,
            theme: &Theme::LIGHT,
            measure: &measure,
            empty_message: "",
        });
        let title = format!(
            "{} — {}",
            self.data
                .dataset
                .titles
                .first()
                .cloned()
                .unwrap_or_else(|| self.data.source.display_name()),
            crate::format::days_label(self.view.min_days, self.view.max_days)
        );
        write_atomically(path, draw_list_to_svg(&list, &title).as_bytes(), overwrite)
    }

    fn write_csv(&self, path: &Path, overwrite: bool) -> Result<(), WriteError> {
        let events = self
            .data
            .shown()
            .iter()
            .filter_map(|&i| self.data.dataset.events.event(i as usize));
        let text = events_to_csv(events).map_err(WriteError::Csv)?;
        write_atomically(path, text.as_bytes(), overwrite)
    }

    fn write_counts_csv(&self, path: &Path, overwrite: bool) -> Result<(), WriteError> {
        let scope = self.settings.counts_scope;
        let counts = (self
            .data
            .counts_in_scope(scope, &self.view.window(), self.selection.event))
        .unwrap_or_default();
        let text = counts_to_csv(&counts).map_err(WriteError::Csv)?;
        write_atomically(path, text.as_bytes(), overwrite)
    }

    /// Asks for a screenshot once the export's frames were painted.
    pub(super) fn request_capture(&mut self, ctx: &egui::Context) {
        let Some(capture) = &mut self.capture else {
            return;
        };
        if capture.pixels.is_some() {
            // The image is taken in the next frame and read back from the GPU at the start of
            // the one after: both painted at once, not at the waiting rate of 100 ms.
            ctx.request_repaint();
            return;
        }
        capture.frames_waited += 1;
        if capture.frames_waited <= FRAMES_BEFORE_CAPTURE {
            ctx.request_repaint();
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(
            egui::ScreenshotCallback::new(move |image| {
                // A closed channel means the capture was given up (the app closed); the
                // image has nowhere to go then.
                if sender.send(image).is_ok() {
                    // The callback does not repaint by itself.
                    repaint.request_repaint();
                }
            }),
        ));
        capture.pixels = Some(receiver);
    }

    /// True once a screenshot was asked for and its pixels have not arrived.
    pub(super) fn waits_for_screenshot_pixels(&self) -> bool {
        self.capture.as_ref().is_some_and(|c| c.pixels.is_some())
    }

    /// Crops and saves a screenshot that arrived.
    pub(super) fn poll_capture(&mut self, ctx: &egui::Context) {
        let Some(Capture {
            pixels: Some(receiver),
            ..
        }) = &self.capture
        else {
            return;
        };
        let image = match receiver.try_recv() {
            Ok(image) => image,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.capture = None;
                self.finish_screenshot_job(ctx, Err("the window gave no screenshot".to_owned()));
                return;
            }
        };
        let Some(Capture {
            path, overwrite, ..
        }) = self.capture.take()
        else {
            return;
        };
        let written = self.save_chart_png(ctx, &image, &path, overwrite);
        let outcome = written
            .as_ref()
            .map(|()| path.clone())
            .map_err(ToString::to_string);
        self.report_export(&path, written);
        self.finish_screenshot_job(ctx, outcome);
    }

    fn save_chart_png(
        &self,
        ctx: &egui::Context,
        image: &egui::ColorImage,
        path: &Path,
        overwrite: bool,
    ) -> Result<(), WriteError> {
        let rect = self.chart_rect_px.ok_or(WriteError::NoChart)?;
        let crop =
            crop_rect_px(rect, ctx.pixels_per_point(), image.size).ok_or(WriteError::NoChart)?;
        let rgba: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
        let cropped = crop_rgba(&rgba, image.size[0], crop);
        let (width, height) = (crop[2] as u32, crop[3] as u32);
        // `--screenshot --size` promises an image of exactly that size, whatever the
        // screen's pixel density.
        let exact = self
            .screenshot_job
            .as_ref()
            .and_then(|job| job.size_px)
            .map(|[w, h]| [w.round() as u32, h.round() as u32]);
        let png = match exact {
            Some([w, h]) if [w, h] != [width, height] => {
                encode_png_resized(width, height, cropped, w, h)?
            }
            _ => encode_png(width, height, cropped)?,
        };
        write_atomically(path, &png, overwrite)
    }

    /// Drives `--screenshot`: waits for the data, applies the view and selection, exports,
    /// then closes the window.
    pub(super) fn advance_screenshot_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.screenshot_job else {
            return;
        };
        if job.prepared || self.loading.is_some() || self.chart_rect_px.is_none() {
            return;
        }
        if let Some(message) = self
            .status_message
            .clone()
            .filter(|_| self.data.dataset.events.is_empty())
        {
            self.finish_screenshot_job(ctx, Err(message));
            return;
        }
        let (from_year, to_year, select) = (job.from_year, job.to_year, job.select.clone());
        let (path, overwrite) = (job.path.clone(), job.overwrite);
        self.wait_for_filters();
        if let Some(id) = select {
            let Some(index) = self.data.dataset.events.position_of_id(&id) else {
                self.finish_screenshot_job(ctx, Err(format!("no event has the id '{id}'")));
                return;
            };
            self.apply(ctx, Command::Select(Some(index as u32)));
        }
        if from_year.is_some() || to_year.is_some() {
            let view = years_view(from_year, to_year, self.view, &self.data.limits);
            self.set_view(view);
        }
        if let Some(job) = &mut self.screenshot_job {
            job.prepared = true;
        }
        self.export_to(ExportKind::Png, path, overwrite);
        if self.confirm_overwrite.take().is_some() {
            let message = format!(
                "{} exists; pass --overwrite to replace it",
                self.screenshot_path_display()
            );
            self.finish_screenshot_job(ctx, Err(message));
        }
    }

    fn screenshot_path_display(&self) -> String {
        self.screenshot_job
            .as_ref()
            .map_or_else(String::new, |j| j.path.display().to_string())
    }

    pub(super) fn finish_screenshot_job(
        &mut self,
        ctx: &egui::Context,
        outcome: Result<PathBuf, String>,
    ) {
        let Some(job) = &mut self.screenshot_job else {
            return;
        };
        if let Some(on_finish) = job.on_finish.take() {
            on_finish(&outcome);
        }
        if let Ok(mut slot) = job.outcome.lock() {
            *slot = Some(outcome);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_become_a_view() {
        let day = |y, m, d| {
            crate::model::date::day_number(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
        };
        let limits = ViewLimits::for_days(day(2010, 1, 1), day(2025, 1, 1));
        let all = TimeView {
            min_days: limits.outer_min_days,
            max_days: limits.outer_max_days,
        };
        let view = years_view(Some(2019), Some(2024), all, &limits);
        let from = crate::model::date::days_from_date(
            chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
        );
        let to = crate::model::date::days_from_date(
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        );
        assert_eq!(
            view,
            TimeView {
                min_days: from,
                max_days: to
            }
        );
    }
}
