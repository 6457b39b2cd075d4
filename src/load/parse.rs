//! One file's bytes parsed in the format its content shows; a zip archive gives each file in
//! it.

use crate::model::dataset::ArticleDate;
use std::path::Path;

use super::detect::{self, Format};
use super::output::{FileOutput, ParsedFile};
use super::{LoadOptions, MIB, csv, gdelt, json, sheet, timelinejs, workbook};

/// The start of every zip archive.
pub(super) const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Parses one file's bytes in the format its content shows; a zip archive gives each file in
/// it, named `archive.zip/file`, and a workbook each sheet, named `book.xlsx:Sheet`.
pub(super) fn parse_bytes(name: String, bytes: &[u8], options: &LoadOptions) -> Vec<ParsedFile> {
    if workbook::is_workbook(&name, bytes) {
        return workbook::parse_workbook(name, bytes, options);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return parse_zip(name, bytes, options);
    }
    let mut out = FileOutput::new(name);
    match crate::text::decode::decode_text(bytes) {
        Err(message) => out.error(0, None, message),
        Ok(decoded) => {
            out.encoding = decoded.encoding.map(str::to_owned);
            if decoded.text.trim().is_empty() {
                out.warning(0, None, "the file is empty");
            } else {
                parse_text(&decoded.text, options, &mut out);
            }
        }
    }
    vec![out.finish()]
}

/// Parses a file's text in the format its content shows.
fn parse_text(text: &str, options: &LoadOptions, out: &mut FileOutput) {
    let format = detect::detect_format(&out.name, text);
    out.format = Some(format);
    match format {
        Format::NativeJson => json::parse_native(text, out),
        Format::TimelineJsJson => timelinejs::parse_json(text, out),
        Format::TimelineJs2Json => timelinejs::parse_v2(text, out),
        Format::JsonList => json::list::parse_list(text, options, out),
        Format::NativeCsv => csv::parse_csv(text, out),
        Format::TimelineJsSheet => timelinejs::parse_sheet(text, out),
        Format::Gdelt => gdelt::parse_gdelt(text, out),
        Format::Spreadsheet | Format::Workbook => {
            let mapping = options.sheet_mappings.get(&out.name).cloned();
            sheet::parse_sheet(text, mapping, options.forced_columns.as_ref(), out);
        }
        Format::Article => {
            let published = options.page_dates.get(&out.name).copied();
            let drafted = crate::draft::draft_article(&out.name, text, published);
            out.page_date = drafted.page_date.as_ref().map(|page| ArticleDate {
                date: page.date.to_string(),
                from: page.signal.describe().to_owned(),
            });
            if !drafted.unresolved.is_empty() {
                let message = format!(
                    "the article has no date line with a year, so these relative dates were left unresolved: {}",
                    drafted.unresolved.join(", ")
                );
                out.warning(1, None, message);
            }
            out.drafts = drafted.drafts;
        }
        Format::Unknown => out.error(
            1,
            None,
            "this is not a format the app reads: not JSON, not a table with a column of dates, not an article",
        ),
    }
}

/// Every file of a zip archive, parsed; the archive's own problems (cut off, damaged, too
/// large once unpacked) are reported on it.
pub(super) fn parse_zip(name: String, bytes: &[u8], options: &LoadOptions) -> Vec<ParsedFile> {
    use std::io::Read as _;
    let refuse = |message: String| vec![ParsedFile::refused(name.clone(), Some(message))];
    let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(error) => {
            return refuse(format!(
                "the zip archive cannot be read; is it cut off or damaged? ({error})"
            ));
        }
    };
    let mut files = Vec::new();
    let mut unpacked_total: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = match archive.by_index(index) {
            Ok(entry) => entry,
            Err(error) => {
                files.extend(refuse(format!(
                    "file {} of the zip archive cannot be read ({error}); the rest was read",
                    index + 1
                )));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let inner_name = entry
            .name()
            .map_or_else(|_| format!("file {}", index + 1), |n| n.into_owned());
        let entry_name = format!("{name}/{inner_name}");
        // Hidden files and the resource forks macOS adds are not data.
        let hidden = Path::new(&inner_name)
            .file_name()
            .and_then(|n| n.to_str())
            .is_none_or(|n| n.starts_with('.'));
        if hidden || inner_name.starts_with("__MACOSX") {
            continue;
        }
        // An archive that unpacks to more than the size limit is refused, however small it is.
        let room = options.max_file_bytes.saturating_sub(unpacked_total);
        let mut content = Vec::new();
        let read = (&mut entry)
            .take(room.saturating_add(1))
            .read_to_end(&mut content);
        unpacked_total = unpacked_total.saturating_add(content.len() as u64);
        match read {
            Err(error) => files.push(ParsedFile::refused(
                entry_name,
                Some(format!(
                    "this file of the zip archive is cut off or damaged ({error})"
                )),
            )),
            Ok(_) if unpacked_total > options.max_file_bytes => {
                files.push(ParsedFile::refused(
                    entry_name,
                    Some(format!(
                        "the zip archive unpacks to more than the limit of {:.1} MiB, so the rest of it was not read",
                        options.max_file_bytes as f64 / MIB
                    )),
                ));
                break;
            }
            Ok(_) => files.extend(parse_bytes(entry_name, &content, options)),
        }
    }
    files
}
