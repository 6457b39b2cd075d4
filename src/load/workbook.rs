//! Excel and LibreOffice workbooks (`.xlsx`, `.xlsm`, `.xls`, `.ods`), read with calamine:
//! each sheet is a table of its own, named `book.xlsx:Sheet`, whose date cells come as dates
//! (never as serial numbers) and whose problems name their cells (`book.xlsx:Events!C14`).

use std::io::Cursor;

use calamine::{Data, DataRef, Ods, Reader, Sheets, Xls, Xlsx, open_workbook_from_rs};
use thiserror::Error;

use super::LoadOptions;
use super::output::{FileOutput, ParsedFile};
use super::sheet::{self, Table, TableRow};
use crate::model::dataset::Format;

/// The start of an .xls file (and of any OLE compound file).
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// A workbook holds at most this many filled cells: a bound on memory for a hostile file.
const MAX_CELLS: usize = 20_000_000;
/// Columns past this are not read: no table of events is wider.
const MAX_COLUMNS: u32 = 1024;

/// Why a workbook cannot be read.
#[derive(Debug, Error)]
pub enum WorkbookError {
    #[error(
        "the workbook cannot be read; is it cut off, damaged or protected with a password? ({0})"
    )]
    Unreadable(#[from] calamine::Error),
    #[error("the sheet '{sheet}' cannot be read ({reason})")]
    Sheet { sheet: String, reason: String },
    #[error("the workbook holds more than {MAX_CELLS} filled cells; split it into smaller files")]
    TooLarge,
    #[error("the workbook is damaged in a way the reader cannot handle")]
    ReaderFailed,
}

/// Whether `bytes` are a workbook: an .xls compound file, or a zip holding an .xlsx's or an
/// .ods's parts.
pub(super) fn is_workbook(name: &str, bytes: &[u8]) -> bool {
    let extension = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let known = matches!(extension.as_str(), "xlsx" | "xlsm" | "xls" | "ods");
    bytes.starts_with(CFB_MAGIC) && known
        || bytes.starts_with(super::parse::ZIP_MAGIC) && (known || has_workbook_parts(bytes))
}

fn has_workbook_parts(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(256)];
    if head
        .windows(46)
        .any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet")
    {
        return true;
    }
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|mut archive| archive.by_name("xl/workbook.xml").is_ok())
}

/// Each sheet of the workbook, parsed as a table; a workbook that cannot be read is one
/// problem on it.
pub(super) fn parse_workbook(name: String, bytes: &[u8], options: &LoadOptions) -> Vec<ParsedFile> {
    // calamine panics on some damaged files; a damaged file is a problem, not a crash.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read_sheets(bytes)));
    let sheets = match read {
        Ok(Ok(sheets)) => sheets,
        Ok(Err(error)) => return vec![ParsedFile::refused(name, Some(error.to_string()))],
        Err(_) => {
            let error = WorkbookError::ReaderFailed;
            return vec![ParsedFile::refused(name, Some(error.to_string()))];
        }
    };
    let mut files = Vec::new();
    for (sheet_name, table) in &sheets {
        if table.rows.iter().all(TableRow::is_blank) {
            continue;
        }
        let file = format!("{name}:{sheet_name}");
        let mut out = FileOutput::new(file);
        out.format = Some(Format::Workbook);
        let mapping = options.sheet_mappings.get(out.name()).cloned();
        sheet::parse_table(table, mapping, options.forced_columns.as_ref(), &mut out);
        files.push(out.finish());
    }
    if files.is_empty() {
        let mut out = FileOutput::new(name);
        out.format = Some(Format::Workbook);
        out.warning(0, None, "every sheet of the workbook is empty");
        files.push(out.finish());
    }
    files
}

/// Every sheet's cells as a table of text, in the workbook's order.
fn read_sheets(bytes: &[u8]) -> Result<Vec<(String, Table)>, WorkbookError> {
    let mut workbook = open(bytes)?;
    let mut sheets = Vec::new();
    let mut cells_read = 0;
    for sheet_name in workbook.sheet_names() {
        let cells = sheet_cells(&mut workbook, &sheet_name, &mut cells_read)?;
        sheets.push((sheet_name, table_of(cells)));
    }
    Ok(sheets)
}

fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, WorkbookError> {
    let cursor = Cursor::new(bytes);
    let head = &bytes[..bytes.len().min(256)];
    Ok(if bytes.starts_with(CFB_MAGIC) {
        Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(cursor).map_err(calamine::Error::from)?)
    } else if head
        .windows(46)
        .any(|w| w == b"application/vnd.oasis.opendocument.spreadsheet")
    {
        Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(cursor).map_err(calamine::Error::from)?)
    } else {
        Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(cursor).map_err(calamine::Error::from)?)
    })
}

/// A sheet's filled cells, (row, column, text), 0-based. An .xlsx sheet is read cell by cell,
/// so that a cell far out (XFD1048576) costs nothing.
fn sheet_cells(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    sheet_name: &str,
    cells_read: &mut usize,
) -> Result<Vec<(u32, u32, String)>, WorkbookError> {
    let failed = |reason: String| WorkbookError::Sheet {
        sheet: sheet_name.to_owned(),
        reason,
    };
    let mut cells = Vec::new();
    let mut keep = |row: u32, column: u32, text: String| -> Result<(), WorkbookError> {
        if text.is_empty() || column >= MAX_COLUMNS {
            return Ok(());
        }
        *cells_read += 1;
        if *cells_read > MAX_CELLS {
            return Err(WorkbookError::TooLarge);
        }
        cells.push((row, column, text));
        Ok(())
    };
    match workbook {
        Sheets::Xlsx(xlsx) => {
            let mut reader = xlsx
                .worksheet_cells_reader(sheet_name)
                .map_err(|e| failed(e.to_string()))?;
            while let Some(cell) = reader.next_cell().map_err(|e| failed(e.to_string()))? {
                let (row, column) = cell.get_position();
                keep(row, column, text_of_ref(cell.get_value()))?;
            }
        }
        other => {
            let range = other
                .worksheet_range(sheet_name)
                .map_err(|e| failed(e.to_string()))?;
            let (first_row, first_column) = range.start().unwrap_or((0, 0));
            for (row, column, value) in range.used_cells() {
                keep(
                    first_row + row as u32,
                    first_column + column as u32,
                    text_of(value),
                )?;
            }
        }
    }
    Ok(cells)
}

/// A cell as text: a date as YYYY-MM-DD (with its time where it has one), a whole number
/// without ".0".
fn text_of(value: &Data) -> String {
    match value {
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => number_text(*number),
        Data::Bool(flag) => if *flag { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(date) if date.is_datetime() => {
            let (year, month, day, hour, minute, second, _) = date.to_ymd_hms_milli();
            if (hour, minute, second) == (0, 0, 0) {
                format!("{year:04}-{month:02}-{day:02}")
            } else {
                format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
            }
        }
        Data::DateTime(duration) => number_text(duration.as_f64()),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

fn text_of_ref(value: &DataRef<'_>) -> String {
    match value {
        DataRef::SharedString(text) => (*text).to_owned(),
        other => text_of(&Data::from(other.clone())),
    }
}

fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        number.to_string()
    }
}

/// Cells as rows, each row as wide as its last filled cell; rows keep their sheet numbers.
fn table_of(mut cells: Vec<(u32, u32, String)>) -> Table {
    cells.sort_by_key(|&(row, column, _)| (row, column));
    let mut rows: Vec<TableRow> = Vec::new();
    for (row, column, text) in cells {
        let line = u64::from(row) + 1;
        if rows.last().is_none_or(|r| r.line != line) {
            rows.push(TableRow {
                line,
                cells: Vec::new(),
            });
        }
        if let Some(current) = rows.last_mut() {
            let column = column as usize;
            if current.cells.len() <= column {
                current.cells.resize(column + 1, String::new());
            }
            current.cells[column] = text;
        }
    }
    Table {
        rows,
        in_workbook: true,
    }
}
