//! Reading one sheet of an Excel (.xlsx) or OpenDocument (.ods) workbook into a table, with
//! numbers kept as numbers and dates as dates.

use std::path::Path;

use calamine::{open_workbook_auto, Data, Range, Reader, Sheets};

use super::table::{Problems, Table, TableRow};
use crate::worksheet::csv::unprotect;
use crate::worksheet::{Cell, ImportProblem};

/// Hand-kept sheets often carry a title or a note above the header row; it is looked for this
/// far down.
const HEADER_SEARCH_ROWS: usize = 20;

/// An open workbook and the names of its sheets, in the order the file keeps them.
pub struct Workbook {
    file: String,
    sheets: Sheets<std::io::BufReader<std::fs::File>>,
    pub names: Vec<String>,
}

impl Workbook {
    /// Opens `path`, or files a problem saying why it cannot be read as a workbook.
    pub fn open(path: &Path, file: &str, problems: &mut Problems) -> Option<Workbook> {
        match open_workbook_auto(path) {
            Ok(sheets) => {
                let names = sheets.sheet_names();
                if names.is_empty() {
                    problems.push(ImportProblem::file(file, "The workbook has no sheets."));
                    return None;
                }
                Some(Workbook { file: file.to_string(), sheets, names })
            }
            Err(e) => {
                problems.push(ImportProblem::file(
                    file,
                    format!("The file cannot be read as an Excel or OpenDocument workbook ({e}). Save it as .xlsx, .ods or CSV."),
                ));
                None
            }
        }
    }

    pub fn has_sheet(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// Reads the sheet `name` as a table whose header row is the first that names a provider
    /// column (else the first row with anything in it). `is_header` says which headers do.
    pub fn table(&mut self, name: &str, is_header: impl Fn(&str) -> bool, problems: &mut Problems) -> Option<Table> {
        let file = format!("{}, sheet {name}", self.file);
        let range = match self.sheets.worksheet_range(name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(ImportProblem::file(&file, format!("The sheet cannot be read: {e}")));
                return None;
            }
        };
        let table = to_table(&range, file.clone(), is_header);
        if table.is_none() {
            problems.push(ImportProblem::file(&file, "The sheet is empty; a header row is expected."));
        }
        table
    }
}

fn to_table(range: &Range<Data>, file: String, is_header: impl Fn(&str) -> bool) -> Option<Table> {
    let (first_row, first_column) = range.start()?;
    // Cells keep their real column, so problems name the letter the spreadsheet shows.
    let row_cells =
        |row: &[Data]| -> Vec<Cell> { std::iter::repeat_n(Cell::Empty, first_column as usize).chain(row.iter().map(cell)).collect() };
    let rows: Vec<&[Data]> = range.rows().collect();
    let filled = |row: &&[Data]| row.iter().any(|d| !matches!(d, Data::Empty));
    let header_at = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .position(|row| row.iter().any(|d| matches!(d, Data::String(s) if is_header(s))))
        .or_else(|| rows.iter().position(filled))?;
    let header = row_cells(rows[header_at]).iter().map(|c| unprotect(c.to_text().trim()).to_string()).collect();
    let body = rows
        .iter()
        .enumerate()
        .skip(header_at + 1)
        .filter(|(_, row)| row.iter().any(|d| !cell(d).is_blank()))
        .map(|(i, row)| TableRow { number: u64::from(first_row) + i as u64 + 1, cells: row_cells(row) })
        .collect();
    Some(Table { file, header_row: u64::from(first_row) + header_at as u64 + 1, header, rows: body })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) if !d.is_duration() => Cell::Date(dt.date()),
            _ => Cell::Number(d.as_f64()),
        },
        // OpenDocument keeps dates as ISO text; the date is its first ten characters.
        Data::DateTimeIso(s) => match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
            Ok(d) => Cell::Date(d),
            Err(_) => Cell::text(s.clone()),
        },
        Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}
