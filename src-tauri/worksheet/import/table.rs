//! What every source becomes before anything is interpreted: a header and numbered rows of
//! cells, with the problems found while reading them.

use crate::worksheet::{Cell, ImportProblem};

/// One table read from a file: a CSV file or one sheet of a workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// How problems name it: "providers.csv", or "register.xlsx, sheet Vendors".
    pub file: String,
    /// The spreadsheet row number of the header row (1 unless a title sits above it).
    pub header_row: u64,
    /// The header text of every column, as written.
    pub header: Vec<String>,
    /// Every non-blank row below the header.
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The row number a spreadsheet shows.
    pub number: u64,
    pub cells: Vec<Cell<'static>>,
}

impl TableRow {
    pub fn cell(&self, column: usize) -> &Cell<'static> {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

impl Table {
    pub fn header_name(&self, column: usize) -> &str {
        self.header.get(column).map(String::as_str).unwrap_or("")
    }

    /// A problem with one cell of this table (`column` counts from 0).
    pub fn problem(&self, row: u64, column: usize, message: impl Into<String>) -> ImportProblem {
        ImportProblem::cell(&self.file, row, column as u32 + 1, self.header_name(column), message)
    }
}

/// Collects problems, up to a limit so a hopeless file cannot exhaust memory.
#[derive(Debug, Default, Clone)]
pub struct Problems {
    pub list: Vec<ImportProblem>,
    pub dropped: usize,
}

const MAX_PROBLEMS: usize = 500;

impl Problems {
    pub fn push(&mut self, p: ImportProblem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        } else {
            self.dropped += 1;
        }
    }

    pub fn count(&self) -> usize {
        self.list.len() + self.dropped
    }

    /// The list, with a last line saying how many were left out.
    pub fn into_list(mut self, file: &str) -> Vec<ImportProblem> {
        if self.dropped > 0 {
            self.list.push(ImportProblem::file(file, format!("…and {} more problems not listed.", self.dropped)));
        }
        self.list
    }
}
