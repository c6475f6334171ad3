//! The one error type of the worksheet layer, and the located problem an import reports.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error_kind::ErrorKind;
use crate::storage::StoreError;

/// One problem with an imported file, located as a spreadsheet shows it: row 1 is the header
/// row, columns count from 1 (A). `row` and `column` are absent for problems with the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportProblem {
    pub file: String,
    #[ts(type = "number | null")]
    pub row: Option<u64>,
    pub column: Option<u32>,
    /// The header of `column`, as written in the file.
    pub column_name: Option<String>,
    pub message: String,
}

impl ImportProblem {
    pub fn file(file: &str, message: impl Into<String>) -> ImportProblem {
        ImportProblem { file: file.into(), row: None, column: None, column_name: None, message: message.into() }
    }

    pub fn row(file: &str, row: u64, message: impl Into<String>) -> ImportProblem {
        ImportProblem { row: Some(row), ..ImportProblem::file(file, message) }
    }

    pub fn cell(file: &str, row: u64, column: u32, column_name: &str, message: impl Into<String>) -> ImportProblem {
        ImportProblem {
            row: Some(row),
            column: Some(column),
            column_name: Some(column_name.to_string()),
            ..ImportProblem::file(file, message)
        }
    }
}

/// Spreadsheet column letters: 1 → A, 27 → AA.
pub fn column_letters(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = self.column {
            write!(f, ", column {}", column_letters(column))?;
            if let Some(name) = self.column_name.as_deref().filter(|n| !n.trim().is_empty()) {
                write!(f, " ({})", name.trim())?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WorksheetError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
    /// The import was refused; nothing was written. Holds every problem found.
    #[error("{}{}", .problems.first().map(std::string::ToString::to_string).unwrap_or_else(|| "The import was refused.".into()), more(.problems.len()))]
    Rejected { problems: Vec<ImportProblem> },
    /// The export target cannot be used (a folder where a file is expected, or the reverse).
    #[error("{0}")]
    Target(String),
    #[error("The PDF could not be produced: {0}")]
    Pdf(String),
    #[error("The workbook could not be written: {0}")]
    Workbook(String),
}

fn more(count: usize) -> String {
    match count {
        0 | 1 => String::new(),
        2 => " (and 1 more problem)".into(),
        n => format!(" (and {} more problems)", n - 1),
    }
}

impl WorksheetError {
    pub fn io(path: &Path, source: std::io::Error) -> WorksheetError {
        WorksheetError::Io { path: path.to_path_buf(), source }
    }

    pub fn kind(&self) -> ErrorKind {
        match self {
            WorksheetError::Store(e) => e.kind(),
            WorksheetError::Io { .. } => ErrorKind::Io,
            WorksheetError::Rejected { .. } => ErrorKind::ImportRejected,
            WorksheetError::Target(_) => ErrorKind::BadTarget,
            WorksheetError::Pdf(_) => ErrorKind::Pdf,
            // Writing the file failed, as a full disk would; the message says what.
            WorksheetError::Workbook(_) => ErrorKind::Io,
        }
    }

    /// Whether the user's input was refused (exit status 2), as opposed to something breaking.
    pub fn is_refusal(&self) -> bool {
        match self {
            WorksheetError::Store(e) => e.is_refusal(),
            WorksheetError::Rejected { .. } | WorksheetError::Target(_) => true,
            WorksheetError::Io { .. } | WorksheetError::Pdf(_) | WorksheetError::Workbook(_) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_like_a_spreadsheet_location() {
        let p = ImportProblem::cell("providers.csv", 4, 6, "Lock-in", "Lock-in must be between 1 and 5, not 7.");
        assert_eq!(p.to_string(), "providers.csv, row 4, column F (Lock-in): Lock-in must be between 1 and 5, not 7.");
        assert_eq!(column_letters(27), "AA");
        let e = WorksheetError::Rejected { problems: vec![p.clone(), p] };
        assert!(e.to_string().ends_with("(and 1 more problem)"));
        assert_eq!(e.kind(), ErrorKind::ImportRejected);
    }
}
