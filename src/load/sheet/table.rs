//! A table of text cells, from a CSV file, a workbook's sheet or a JSON list of objects:
//! every reader of rows gives one, and one importer makes events of them.

/// The rows of a table, each with where it is in its file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<TableRow>,
    /// The rows are a workbook's: problems name cells as spreadsheets do (`Events!C14`).
    pub in_workbook: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The line of a text file, or the row of a sheet, 1-based.
    pub line: u64,
    pub cells: Vec<String>,
}

impl TableRow {
    pub fn cell(&self, column: usize) -> Option<&str> {
        self.cells
            .get(column)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// A field delimiter a text table may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
    Semicolon,
    Pipe,
}

impl Delimiter {
    pub const ALL: [Self; 4] = [Self::Comma, Self::Tab, Self::Semicolon, Self::Pipe];

    pub fn byte(self) -> u8 {
        match self {
            Self::Comma => b',',
            Self::Tab => b'\t',
            Self::Semicolon => b';',
            Self::Pipe => b'|',
        }
    }
}

fn reader(text: &str, delimiter: Delimiter) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes())
}

/// The first `count` records that are not blank, read with `delimiter`, honouring quotes (a
/// quoted field may span lines).
pub fn first_records(text: &str, delimiter: Delimiter, count: usize) -> Vec<Vec<String>> {
    reader(text, delimiter)
        .records()
        .take(count)
        .map_while(Result::ok)
        .filter(|r| !r.iter().all(|f| f.trim().is_empty()))
        .map(|r| r.iter().map(|f| f.trim().to_owned()).collect())
        .collect()
}

/// The delimiter of a text table: the one that splits the first records into the same number
/// of fields, two or more, most often; a header as wide or a little wider or narrower than the
/// rows is no reason to refuse it.
pub fn sniff_delimiter(text: &str) -> Option<Delimiter> {
    Delimiter::ALL
        .iter()
        .filter_map(|&delimiter| {
            let records = first_records(text, delimiter, 30);
            // Rows agree on their width as written, or on the width of their filled cells
            // (Excel pads some rows with empty cells, a TSV ends rows at their last value).
            let filled: Vec<usize> = records
                .iter()
                .map(|r| r.iter().rposition(|f| !f.is_empty()).map_or(0, |i| i + 1))
                .collect();
            let written: Vec<usize> = records.iter().map(Vec::len).collect();
            let (width, agreeing) = [most_common(&filled)?, most_common(&written)?]
                .into_iter()
                .max_by_key(|&(width, agreeing)| (agreeing, width))?;
            let widths = filled;
            // One line alone is a table only if it has several fields.
            let enough = agreeing >= widths.len().min(2) && agreeing * 2 >= widths.len();
            (width >= 2 && enough).then_some((delimiter, width, agreeing))
        })
        .max_by_key(|&(_, width, agreeing)| (agreeing, width))
        .map(|(delimiter, ..)| delimiter)
}

/// The most common value and how often it comes.
fn most_common(values: &[usize]) -> Option<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for &value in values {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some((_, n)) => *n += 1,
            None => counts.push((value, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(value, n)| (n, value))
}

/// The header row of a text table read with each delimiter, normalised: for telling a format
/// by the names of its columns, whatever its rows hold.
pub fn header_names(text: &str) -> Vec<Vec<String>> {
    Delimiter::ALL
        .iter()
        .filter_map(|&delimiter| first_records(text, delimiter, 1).into_iter().next())
        .filter(|header| header.len() >= 2)
        .map(|header| {
            header
                .iter()
                .map(|h| super::names::normalise_header(h))
                .collect()
        })
        .collect()
}

/// A text table's rows; a row that cannot be read ends it, with the line and why. Lines are
/// counted from the bytes, so that blank lines and line breaks inside quotes count.
pub fn read_text_table(text: &str, delimiter: Delimiter) -> (Table, Option<(u64, String)>) {
    let line_starts: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .collect();
    // A record's position is where the reader was, before the blank lines it skipped.
    let line_of = |byte: u64| {
        let skipped = text.as_bytes().get(byte as usize..).map_or(0, |rest| {
            rest.iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count()
        });
        let byte = byte as usize + skipped;
        line_starts.partition_point(|&start| start <= byte) as u64 + 1
    };
    let mut reader = reader(text, delimiter);
    let mut rows = Vec::new();
    let mut record = ::csv::StringRecord::new();
    let broken = loop {
        let byte = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break None,
            Ok(true) => {
                let line = line_of(record.position().map_or(byte, |p| p.byte()));
                let cells: Vec<String> = record.iter().map(str::to_owned).collect();
                rows.push(TableRow { line, cells });
            }
            Err(error) => {
                let line = line_of(error.position().map_or(byte, |p| p.byte()));
                break Some((line, error.to_string()));
            }
        }
    };
    let table = Table {
        rows,
        in_workbook: false,
    };
    (table, broken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed_from_the_rows() {
        assert_eq!(
            sniff_delimiter("a;b;c\n1;2;3\n4;5;6\n"),
            Some(Delimiter::Semicolon)
        );
        assert_eq!(
            sniff_delimiter("Date\tTitle\n2021\tX\n"),
            Some(Delimiter::Tab)
        );
        assert_eq!(
            sniff_delimiter("a,b\n\"two\nlines\",x\n"),
            Some(Delimiter::Comma)
        );
        // A header one wider than its rows.
        assert_eq!(
            sniff_delimiter("id,a,b,c,d,e\n1,x,y,19.04.2018,2\n2,x,y,26.04.2018,3\n"),
            Some(Delimiter::Comma)
        );
        assert_eq!(
            sniff_delimiter("just words, and a comma\nmore words\n"),
            None
        );
    }

    #[test]
    fn rows_keep_their_lines() {
        let (table, error) = read_text_table("a,b\n\"x\ny\",1\n\n2,3\n", Delimiter::Comma);
        assert!(error.is_none());
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 5]);
    }
}
