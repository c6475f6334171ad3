//! The register as one Excel workbook: a sheet per table (Providers, Failure modes, History,
//! Reviews, Incidents, Drills, Services, Dependencies, Runs on) with the same columns and values as the CSV files, so the import reads either.
//!
//! Numbers are number cells and dates are date cells. Text is always a string cell, never a
//! formula, so text starting with `=` is shown, not run, and needs none of the CSV's protecting
//! quote: every value reads back exactly as it was.

mod sheet;
mod style;

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{Workbook, XlsxError};

use super::table::each_table;
use super::{Result, WorksheetError};
use crate::storage::Register;

/// Writes the workbook of `register` to `path`, atomically: a failed export leaves no partial file.
pub fn export(register: &Register, path: &Path, today: NaiveDate) -> Result<()> {
    check_target(register, path)?;
    super::produce_atomically(path, |partial| write(register, today, partial))
}

/// The refusals of the app and the command line alike: a folder, or the register itself.
pub fn check_target(register: &Register, path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(WorksheetError::Target(format!("{} is a folder; give a file name for the workbook.", path.display())));
    }
    if register.is_own_file(path) {
        return Err(WorksheetError::Target("The workbook cannot replace the open register; choose another name.".into()));
    }
    Ok(())
}

fn write(register: &Register, today: NaiveDate, path: &Path) -> Result<()> {
    let mut workbook = Workbook::new();
    let styles = style::Styles::new();
    each_table(
        register,
        today,
        |_| true,
        |table| {
            // Each sheet keeps only its current row in memory and streams the rest to a temp file.
            let sheet = workbook.add_worksheet_with_constant_memory().map_err(|e| io_error(path, e))?;
            sheet::write(sheet, table, &styles)
        },
    )?;
    // Compressing the sheets' XML is most of the time of a long history. The fastest level makes
    // the workbook about twice as large (still smaller than the CSV files) in two thirds of the time.
    workbook.set_zip_compression_level(1);
    workbook.save(path).map_err(|e| io_error(path, e))
}

fn io_error(path: &Path, e: XlsxError) -> WorksheetError {
    match e {
        XlsxError::IoError(source) => WorksheetError::io(path, source),
        XlsxError::TempFileError(dir, source) => WorksheetError::io(&dir, source),
        other => WorksheetError::Workbook(other.to_string()),
    }
}
