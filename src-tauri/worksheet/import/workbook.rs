//! Reading one sheet of an Excel (.xlsx) or OpenDocument (.ods) workbook into a table, with
//! numbers kept as numbers and dates as dates.

use std::path::Path;

use calamine::{open_workbook_auto, DataType, Reader, Sheets};

use super::table::{Problems, Table, TableRow};
use crate::worksheet::csv::unprotect;
use crate::worksheet::{Cell, ImportProblem};

/// Hand-kept sheets often carry a title or a note above the header row; it is looked for this
/// far down.
const HEADER_SEARCH_ROWS: u32 = 20;

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
        let rows = match sheet_rows(&mut self.sheets, name) {
            Ok(r) => r,
            Err(e) => {
                problems.push(ImportProblem::file(&file, format!("The sheet cannot be read: {e}")));
                return None;
            }
        };
        let table = to_table(rows, file.clone(), is_header);
        if table.is_none() {
            problems.push(ImportProblem::file(&file, "The sheet is empty; a header row is expected."));
        }
        table
    }
}

/// The rows of a sheet that hold anything, in order, as the spreadsheet numbers them.
struct SheetRows {
    rows: Vec<SheetRow>,
    /// Cells per row: up to the last column anything is in.
    width: usize,
}

struct SheetRow {
    /// The row's index in the sheet, from 0.
    index: u32,
    /// Its cells, each at its real column (from A), so problems name the letter the spreadsheet shows.
    cells: Vec<Cell<'static>>,
}

impl SheetRows {
    fn new() -> SheetRows {
        SheetRows { rows: Vec::new(), width: 0 }
    }

    /// Adds a cell, in the order the sheet lists them; empty cells are left out.
    fn push(&mut self, (row, column): (u32, u32), data: &impl DataType) {
        if data.is_empty() {
            return;
        }
        if self.rows.last().is_none_or(|r| r.index != row) {
            self.rows.push(SheetRow { index: row, cells: Vec::new() });
        }
        let Some(last) = self.rows.last_mut() else { return };
        let column = column as usize;
        if last.cells.len() <= column {
            last.cells.resize(column + 1, Cell::Empty);
        }
        last.cells[column] = cell(data);
        self.width = self.width.max(column + 1);
    }

    fn in_order(&self) -> bool {
        self.rows.windows(2).all(|pair| pair[0].index < pair[1].index)
    }
}

/// Reads a sheet's cells. An xlsx sheet is read cell by cell straight into rows: the History
/// sheet of a large register has millions of cells, and building calamine's whole grid first
/// (`worksheet_range`) took more time and memory than the rows themselves. Other formats, and a
/// sheet whose rows are stored out of order, go through the grid.
fn sheet_rows(sheets: &mut Sheets<std::io::BufReader<std::fs::File>>, name: &str) -> Result<SheetRows, calamine::Error> {
    if let Sheets::Xlsx(xlsx) = sheets {
        let mut reader = xlsx.worksheet_cells_reader(name)?;
        let mut rows = SheetRows::new();
        while let Some(c) = reader.next_cell()? {
            rows.push(c.get_position(), c.get_value());
        }
        if rows.in_order() {
            return Ok(rows);
        }
    }
    let range = sheets.worksheet_range(name)?;
    let mut rows = SheetRows::new();
    // The grid's positions count from its first cell.
    let (top, left) = range.start().unwrap_or_default();
    for (row, column, data) in range.used_cells() {
        rows.push((top + row as u32, left + column as u32), data);
    }
    Ok(rows)
}

fn to_table(sheet: SheetRows, file: String, is_header: impl Fn(&str) -> bool) -> Option<Table> {
    let SheetRows { rows, width } = sheet;
    let first_row = rows.first()?.index;
    let header_at = rows
        .iter()
        .take_while(|row| row.index < first_row + HEADER_SEARCH_ROWS)
        .position(|row| row.cells.iter().any(|c| matches!(c, Cell::Text(s) if is_header(s.as_ref()))))
        .unwrap_or(0);
    let padded = |mut cells: Vec<Cell<'static>>| {
        cells.resize(width, Cell::Empty);
        cells
    };
    let mut rows = rows.into_iter().skip(header_at);
    let header_row = rows.next()?;
    let header = padded(header_row.cells).iter().map(|c| unprotect(c.to_text().trim()).to_string()).collect();
    let body = rows
        .filter(|row| row.cells.iter().any(|c| !c.is_blank()))
        .map(|row| TableRow { number: u64::from(row.index) + 1, cells: padded(row.cells) })
        .collect();
    Some(Table { file, header_row: u64::from(header_row.index) + 1, header, rows: body })
}

fn cell(data: &impl DataType) -> Cell<'static> {
    if let Some(s) = data.get_string() {
        return Cell::text(s.to_owned());
    }
    if let Some(f) = data.get_float() {
        return Cell::Number(f);
    }
    if let Some(i) = data.get_int() {
        return Cell::Number(i as f64);
    }
    if let Some(b) = data.get_bool() {
        return Cell::Bool(b);
    }
    if let Some(d) = data.get_datetime() {
        return match d.as_datetime() {
            Some(dt) if !d.is_duration() => Cell::Date(dt.date()),
            _ => Cell::Number(d.as_f64()),
        };
    }
    // OpenDocument keeps dates as ISO text; the date is its first ten characters.
    if let Some(s) = data.get_datetime_iso() {
        return match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
            Ok(d) => Cell::Date(d),
            Err(_) => Cell::text(s.to_owned()),
        };
    }
    if let Some(s) = data.get_duration_iso() {
        return Cell::text(s.to_owned());
    }
    match data.get_error() {
        Some(e) => Cell::Text(e.to_string().into()),
        None => Cell::Empty,
    }
}
