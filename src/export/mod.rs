//! Exports of the chart and of the events: PNG (a cropped screenshot), SVG (drawn from the
//! core's scene) and CSV (the loader's own format). Files are written atomically.

pub mod crop;
pub mod csv;
pub mod svg;

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// What is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Png,
    Svg,
    Csv,
    /// The participant counts the panel shows, as a CSV table.
    CountsCsv,
    /// The events accepted from drafts, as native JSON.
    AcceptedEvents,
}

impl ExportKind {
    pub fn extension(&self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Csv | Self::CountsCsv => "csv",
            Self::AcceptedEvents => "json",
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Self::Png => "PNG image",
            Self::Svg => "SVG drawing",
            Self::Csv | Self::CountsCsv => "CSV table",
            Self::AcceptedEvents => "JSON events",
        }
    }

    /// The proposed file name, e.g. `timeline-20261123-0915.png`.
    pub fn default_file_name(&self, now: chrono::NaiveDateTime) -> String {
        let stem = match self {
            Self::Csv => "events",
            Self::CountsCsv => "participants",
            Self::AcceptedEvents => "accepted-events",
            Self::Png | Self::Svg => "timeline",
        };
        format!("{stem}-{}.{}", now.format("%Y%m%d-%H%M"), self.extension())
    }
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path} already exists and was left as it is", path = .0.display())]
    Exists(PathBuf),
    #[error("no permission to write there: {}", .0.display())]
    PermissionDenied(PathBuf),
    #[error("the disk is full; nothing was written: {}", .0.display())]
    DiskFull(PathBuf),
    #[error("could not write the file ({source}); nothing was changed: {}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("could not encode the image: {0}")]
    Image(#[from] image::ImageError),
    #[error("the image's size, {width}×{height}, does not match its pixels")]
    ImageSize { width: u32, height: u32 },
    #[error("could not write the table: {0}")]
    Csv(#[from] ::csv::Error),
    #[error("could not write the events as JSON: {0}")]
    Json(String),
    #[error("the chart is not on screen, so there is nothing to capture")]
    NoChart,
}

impl WriteError {
    fn from_io(path: &Path, source: std::io::Error) -> Self {
        match source.kind() {
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                Self::PermissionDenied(path.to_owned())
            }
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                Self::DiskFull(path.to_owned())
            }
            std::io::ErrorKind::AlreadyExists => Self::Exists(path.to_owned()),
            _ => Self::Io {
                path: path.to_owned(),
                source,
            },
        }
    }
}

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, then
/// renamed over the target, so a failure never leaves half a file or loses the old one.
///
/// An existing file is replaced only when `overwrite` is true (the user was asked).
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let error = |source| WriteError::from_io(path, source);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".coop-timeline-");
    // A temporary file is private (0600), and the rename would keep that: ask for the mode
    // of a normally created file instead, which the umask then narrows as usual.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder).map_err(error)?;
    temporary.write_all(bytes).map_err(error)?;
    temporary.as_file().sync_all().map_err(error)?;
    if overwrite {
        // A replaced file keeps its own permissions.
        if let Ok(metadata) = std::fs::metadata(path) {
            (temporary.as_file())
                .set_permissions(metadata.permissions())
                .map_err(error)?;
        }
        temporary.persist(path).map_err(|e| error(e.error))?;
    } else {
        temporary
            .persist_noclobber(path)
            .map_err(|e| error(e.error))?;
    }
    Ok(())
}

/// Encodes RGBA pixels as a PNG.
pub fn encode_png(width: u32, height: u32, rgba: Vec<u8>) -> Result<Vec<u8>, WriteError> {
    let image = image::RgbaImage::from_raw(width, height, rgba)
        .ok_or(WriteError::ImageSize { width, height })?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    image.write_to(&mut bytes, image::ImageFormat::Png)?;
    Ok(bytes.into_inner())
}

/// Encodes RGBA pixels as a PNG of exactly `to_width` × `to_height`, resampled.
pub fn encode_png_resized(
    width: u32,
    height: u32,
    rgba: Vec<u8>,
    to_width: u32,
    to_height: u32,
) -> Result<Vec<u8>, WriteError> {
    let image = image::RgbaImage::from_raw(width, height, rgba)
        .ok_or(WriteError::ImageSize { width, height })?;
    let resized = image::imageops::resize(
        &image,
        to_width,
        to_height,
        image::imageops::FilterType::Triangle,
    );
    encode_png(to_width, to_height, resized.into_raw())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_never_clobber_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomically(&path, b"first", false).unwrap();
        assert!(matches!(
            write_atomically(&path, b"second", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_atomically(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn exports_get_the_mode_of_a_normal_file() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg");
        write_atomically(&path, b"<svg/>", false).unwrap();
        let normal = dir.path().join("normal.txt");
        std::fs::write(&normal, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&normal));
        assert_ne!(mode(&path), 0o600, "not private");
        // A replaced file keeps the mode it had.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"<svg></svg>", true).unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[test]
    fn a_failed_write_says_why() {
        let error =
            write_atomically(Path::new("/no/such/folder/out.png"), b"x", false).unwrap_err();
        assert!(
            error.to_string().contains("/no/such/folder/out.png"),
            "{error}"
        );
    }

    #[test]
    fn default_names_carry_the_time() {
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap();
        assert_eq!(
            ExportKind::Png.default_file_name(now),
            "timeline-20261123-0905.png"
        );
    }
}
