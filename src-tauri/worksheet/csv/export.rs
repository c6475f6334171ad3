//! Writes the register's tables as CSV files: providers, their current scenarios, every snapshot,
//! the review meetings, the incidents and the exit drills, our services and what depends on
//! what. The columns and values are `worksheet::table`'s; this file only
//! decides how a cell reads as CSV text.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::inert::protect;
use crate::storage::Register;
use crate::worksheet::table::{RegisterData, Table, TableName};
use crate::worksheet::{Result, WorksheetError};

#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start each file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub bom: bool,
}

/// Writes every table of `TableName::ALL` (providers.csv … runs_on.csv) into `dir` (created if
/// missing), all of them or none. Returns the files written.
pub fn export(register: &Register, dir: &Path, options: CsvOptions, today: NaiveDate) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Err(WorksheetError::Target(format!("{} is a file; give a folder for the CSV export.", dir.display())));
    }
    std::fs::create_dir_all(dir).map_err(|e| WorksheetError::io(dir, e))?;
    let data = RegisterData::read(register, today)?;
    save(&data, dir, options)
}

/// Writes every table of `data` into `dir`, all of them or none: the part of `export` after the
/// register is read (as `xlsx::save` is the workbook's).
pub fn save(data: &RegisterData, dir: &Path, options: CsvOptions) -> Result<Vec<PathBuf>> {
    let contents = TableName::ALL
        .into_iter()
        .map(|name| Ok((dir.join(name.csv_file()), write(data.table(name), options)?)))
        .collect::<Result<Vec<(PathBuf, Vec<u8>)>>>()?;
    let files: Vec<(PathBuf, &[u8])> = contents.iter().map(|(path, bytes)| (path.clone(), bytes.as_slice())).collect();
    crate::worksheet::write_all_atomically(&files)?;
    Ok(contents.into_iter().map(|(path, _)| path).collect())
}

/// One table as CSV (RFC 4180, CRLF): the header row, then a row per line of the table. Every
/// cell passes through `protect`, so no cell is a live formula.
pub fn write(table: Table, options: CsvOptions) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(64 * 1024);
    if options.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    for column in &table.columns {
        w.write_field(protect(column.header).as_bytes()).map_err(failed)?;
    }
    w.write_record(None::<&[u8]>).map_err(failed)?;
    for row in table.rows {
        for (cell, column) in row.iter().zip(&table.columns) {
            w.write_field(protect(&column.format.text(cell)).as_bytes()).map_err(failed)?;
        }
        w.write_record(None::<&[u8]>).map_err(failed)?;
    }
    w.into_inner().map_err(|e| failed(e.into_error().into()))
}

fn failed(e: csv::Error) -> WorksheetError {
    WorksheetError::Target(format!("CSV could not be written: {e}"))
}
