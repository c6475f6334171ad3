//! Writes the register's tables as CSV files: providers, their current scenarios, every snapshot,
//! the review meetings, the incidents and the exit drills, our services and what depends on
//! what. The columns and values are `worksheet::table`'s; this file only
//! decides how a cell reads as CSV text.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::history_pieces::Pieces;
use super::inert::protect;
use crate::storage::Register;
use crate::worksheet::table::{each_table, Column, Table, TableName};
use crate::worksheet::{Result, WorksheetError};

#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start each file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub bom: bool,
}

/// Writes every table of `TableName::ALL` (providers.csv … runs_on.csv) into `dir` (created if
/// missing), all of them or none. Returns the files written.
///
/// Each file is written as its rows are made, so no table is ever in memory whole. The history,
/// most of the export, is read and written on a second connection and thread while this one
/// reads and writes every other table, then helps with the history (see `history_pieces`).
pub fn export(register: &Register, dir: &Path, options: CsvOptions, today: NaiveDate) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Err(WorksheetError::Target(format!("{} is a file; give a folder for the CSV export.", dir.display())));
    }
    std::fs::create_dir_all(dir).map_err(|e| WorksheetError::io(dir, e))?;
    let paths: Vec<PathBuf> = TableName::ALL.into_iter().map(|name| dir.join(name.csv_file())).collect();
    crate::worksheet::produce_all_atomically(&paths, |partials| {
        let file = |name: TableName| &partials[TableName::ALL.iter().position(|n| *n == name).expect("every table has a file")];
        let tables =
            |wanted: fn(TableName) -> bool| each_table(register, today, wanted, |table| write_file(file(table.name), table, options));
        match register.reader() {
            Ok(Some(reader)) => {
                let path = file(TableName::History);
                let names = register.provider_names()?;
                let pieces = &Pieces::new(&names);
                std::thread::scope(|scope| {
                    // Whichever side fails first stops the other taking pieces.
                    let front = scope.spawn(move || {
                        create(path).and_then(|out| pieces.write_front(&reader, out, options)).inspect_err(|_| pieces.stop())
                    });
                    let rest = tables(|name| name != TableName::History);
                    let back = rest.and_then(|()| pieces.write_back(register)).inspect_err(|_| pieces.stop());
                    let front = front.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    let (mut out, back) = (front?, back?);
                    back.iter().try_for_each(|rows| out.write_all(rows)).map_err(|e| WorksheetError::io(path, e))?;
                    close(out, path)
                })
            }
            // In memory, or a second connection refused: one thread writes it all, only slower.
            Ok(None) | Err(_) => tables(|_| true),
        }
    })?;
    Ok(paths)
}

fn write_file(path: &Path, table: Table, options: CsvOptions) -> Result<()> {
    close(write_to(table, options, create(path)?)?, path)
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    Ok(BufWriter::with_capacity(1 << 16, File::create(path).map_err(|e| WorksheetError::io(path, e))?))
}

fn close(out: BufWriter<File>, path: &Path) -> Result<()> {
    out.into_inner().map(drop).map_err(|e| WorksheetError::io(path, e.into_error()))
}

/// One table as CSV (RFC 4180, CRLF), in memory: see [`write_to`].
pub fn write(table: Table, options: CsvOptions) -> Result<Vec<u8>> {
    write_to(table, options, Vec::with_capacity(64 * 1024))
}

/// Writes a table as CSV (RFC 4180, CRLF) to `out` and gives it back: the header row, then a row
/// per line of the table. Every cell passes through `protect`, so no cell is a live formula.
fn write_to<W: Write>(table: Table, options: CsvOptions, out: W) -> Result<W> {
    let mut w = start(out, &table.columns, options)?;
    write_rows(&mut w, table)?;
    finish(w)
}

/// A CSV writer (RFC 4180, CRLF) over `out`, without a header: for rows that follow others.
pub(super) fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out)
}

/// A CSV writer over `out` that has written the byte-order mark (if asked for) and the header.
pub(super) fn start<W: Write>(mut out: W, columns: &[Column], options: CsvOptions) -> Result<csv::Writer<W>> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes()).map_err(|e| failed(e.into()))?;
    }
    let mut w = writer(out);
    for column in columns {
        w.write_field(protect(column.header).as_bytes()).map_err(failed)?;
    }
    w.write_record(None::<&[u8]>).map_err(failed)?;
    Ok(w)
}

/// A row per line of `table`.
pub(super) fn write_rows<W: Write>(w: &mut csv::Writer<W>, table: Table) -> Result<()> {
    let columns = table.columns.clone();
    // One buffer for every number and date of the table.
    let mut text = String::new();
    table.each_row(|cells| {
        for (cell, column) in cells.iter().zip(&columns) {
            text.clear();
            column.format.write_text(cell, &mut text);
            w.write_field(protect(&text).as_bytes()).map_err(failed)?;
        }
        w.write_record(None::<&[u8]>).map_err(failed)
    })
}

/// What `w` wrote to, with everything it held written.
pub(super) fn finish<W: Write>(w: csv::Writer<W>) -> Result<W> {
    w.into_inner().map_err(|e| failed(e.into_error().into()))
}

fn failed(e: csv::Error) -> WorksheetError {
    WorksheetError::Target(format!("CSV could not be written: {e}"))
}
