//! The worksheet: the register as a PDF for leadership, and as CSV files or an Excel workbook for
//! spreadsheets, and the import that brings a spreadsheet register (or Lifeboat's own export)
//! back in.
//!
//! Reads and writes the register only through `storage`.

pub mod cell;
pub mod csv;
mod error;
pub mod import;
pub mod input;
pub mod money;
pub mod pdf;
pub mod table;
pub mod xlsx;

pub use cell::Cell;
pub use error::{ImportProblem, WorksheetError};
pub use input::{ChangeLine, Changes, WorksheetInput};
pub use pdf::Paper;

pub type Result<T> = std::result::Result<T, WorksheetError>;

/// Where a file is written before it is renamed into place: beside it, hidden.
fn partial(path: &std::path::Path) -> std::path::PathBuf {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    path.with_file_name(format!(".{file_name}.partial"))
}

/// Has `write` produce the file beside `path`, then renames it into place; a failed write leaves
/// neither a partial file nor a changed target. For writers that make the file themselves.
pub(crate) fn produce_atomically(path: &std::path::Path, write: impl FnOnce(&std::path::Path) -> Result<()>) -> Result<()> {
    produce_all_atomically(std::slice::from_ref(&path.to_path_buf()), |partials| write(&partials[0]))
}

/// Has `write` produce each of `paths` beside it (given where to write each, in the same order),
/// then renames them all into place only once all are written, so a full disk or a locked file
/// cannot leave a mix of old and new files, nor a partial one.
pub(crate) fn produce_all_atomically(paths: &[std::path::PathBuf], write: impl FnOnce(&[std::path::PathBuf]) -> Result<()>) -> Result<()> {
    let partials: Vec<std::path::PathBuf> = paths.iter().map(|path| partial(path)).collect();
    let clean_up = || partials.iter().for_each(|partial| drop(std::fs::remove_file(partial)));
    if let Err(e) = write(&partials) {
        clean_up();
        return Err(e);
    }
    for (partial, path) in partials.iter().zip(paths) {
        std::fs::rename(partial, path).map_err(|e| {
            clean_up();
            WorksheetError::io(path, e)
        })?;
    }
    Ok(())
}
