//! Writes the register's tables as CSV files: providers, their current scenarios, every snapshot,
//! the review meetings, the incidents and the exit drills, our services and what depends on
//! what. The columns and values are `worksheet::table`'s; this file only
//! decides how a cell reads as CSV text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;

use chrono::NaiveDate;

use super::inert::protect;
use crate::storage::Register;
use crate::worksheet::table::{Column, RegisterData, Table, TableName};
use crate::worksheet::{Cell, Result, WorksheetError};

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

/// Rows handed from the thread that reads them to the one that writes them, at a time: enough
/// to make the hand-over cheap, few enough to keep memory flat.
const BATCH: usize = 512;

/// Writes every table of `data` into `dir`, all of them or none: the part of `export` after the
/// register is read (as `xlsx::save` is the workbook's). Each file is written as its rows are
/// made, so no table is ever in memory whole, and on a second thread: reading the rows (SQLite,
/// the stored JSON) and writing them as CSV text take about as long as each other.
pub fn save(data: &RegisterData, dir: &Path, options: CsvOptions) -> Result<Vec<PathBuf>> {
    let paths: Vec<PathBuf> = TableName::ALL.into_iter().map(|name| dir.join(name.csv_file())).collect();
    crate::worksheet::produce_all_atomically(&paths, |i, partial| {
        let table = data.table(TableName::ALL[i]);
        let file = std::fs::File::create(partial).map_err(|e| WorksheetError::io(partial, e))?;
        let out = std::io::BufWriter::with_capacity(1 << 16, file);
        let out = std::thread::scope(|scope| {
            let (send, batches) = std::sync::mpsc::sync_channel::<Vec<Vec<Cell>>>(4);
            let columns = &table.columns;
            let writer = scope.spawn(move || write_rows(columns, batches.into_iter().flatten().map(Ok), options, out));
            let read = hand_over(table.rows, &send);
            drop(send); // The writer finishes what it has and stops.
            let written = writer.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            read.and(written)
        })?;
        out.into_inner().map(drop).map_err(|e| WorksheetError::io(partial, e.into_error()))
    })?;
    Ok(paths)
}

/// Sends `rows` to the writer in batches; stops at the first row that cannot be read, or when
/// the writer has stopped (its own error says why).
fn hand_over(rows: impl Iterator<Item = Result<Vec<Cell>>>, send: &SyncSender<Vec<Vec<Cell>>>) -> Result<()> {
    let mut batch = Vec::with_capacity(BATCH);
    for row in rows {
        batch.push(row?);
        if batch.len() == BATCH && send.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH))).is_err() {
            return Ok(());
        }
    }
    drop(send.send(batch));
    Ok(())
}

/// One table as CSV (RFC 4180, CRLF), in memory: see [`write_rows`].
pub fn write(table: Table, options: CsvOptions) -> Result<Vec<u8>> {
    write_rows(&table.columns, table.rows, options, Vec::with_capacity(64 * 1024))
}

/// Writes a table as CSV (RFC 4180, CRLF) to `out` and gives it back: the header row, then a row
/// per line of the table. Every cell passes through `protect`, so no cell is a live formula.
fn write_rows<W: Write>(columns: &[Column], rows: impl Iterator<Item = Result<Vec<Cell>>>, options: CsvOptions, mut out: W) -> Result<W> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes()).map_err(|e| failed(e.into()))?;
    }
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    for column in columns {
        w.write_field(protect(column.header).as_bytes()).map_err(failed)?;
    }
    w.write_record(None::<&[u8]>).map_err(failed)?;
    // One buffer for every number and date of the table.
    let mut text = String::new();
    for row in rows {
        for (cell, column) in row?.iter().zip(columns) {
            text.clear();
            column.format.write_text(cell, &mut text);
            w.write_field(protect(&text).as_bytes()).map_err(failed)?;
        }
        w.write_record(None::<&[u8]>).map_err(failed)?;
    }
    w.into_inner().map_err(|e| failed(e.into_error().into()))
}

fn failed(e: csv::Error) -> WorksheetError {
    WorksheetError::Target(format!("CSV could not be written: {e}"))
}
