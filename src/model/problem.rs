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
}

impl Problem {
    pub fn error(file: &str, line: u64, column: Option<u64>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, line: u64, column: Option<u64>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            line,
            column,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `events.json:12:5`, the form editors and terminals understand.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.file.clone(),
            (line, None) => format!("{}:{line}", self.file),
            (line, Some(column)) => format!("{}:{line}:{column}", self.file),
        }
    }
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
