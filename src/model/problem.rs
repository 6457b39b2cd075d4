//! Problems found while loading: what is wrong, and exactly where.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was left out: an event, or a whole file.
    Error,
    /// Everything loaded, but something looks wrong or was ignored.
    Warning,
}

/// One thing wrong in one file, at a line (and a column where the parser knows it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file's name as the user knows it, relative to the data folder.
    pub file: String,
    /// 1-based; 0 when the problem is about the whole file.
    pub line: u64,
    /// 1-based, where known.
    pub column: Option<u64>,
    pub severity: Severity,
    /// A sentence a non-programmer understands.
    pub message: String,
    /// The line and column are a workbook sheet's row and column: shown as `Events!C14`.
    #[serde(default)]
    pub in_workbook: bool,
}

impl Problem {
    pub fn error(file: &str, line: u64, column: Option<u64>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
            in_workbook: false,
        }
    }

    pub fn warning(file: &str, line: u64, column: Option<u64>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            column,
            severity: Severity::Warning,
            message: message.into(),
            in_workbook: false,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `events.json:12:5`, the form editors and terminals understand; a workbook's cell as
    /// spreadsheets name it, `list.xlsx:Events!C14`.
    pub fn location(&self) -> String {
        if self.in_workbook && self.line > 0 {
            return match self.column {
                Some(column) => format!("{}!{}{}", self.file, column_letters(column), self.line),
                None => format!("{} row {}", self.file, self.line),
            };
        }
        match (self.line, self.column) {
            (0, _) => self.file.clone(),
            (line, None) => format!("{}:{line}", self.file),
            (line, Some(column)) => format!("{}:{line}:{column}", self.file),
        }
    }
}

/// A spreadsheet's name of a 1-based column: 1 is A, 27 is AA.
pub fn column_letters(column: u64) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let digit = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + digit));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}: {severity}: {}", self.location(), self.message)
    }
}
