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

/// Writes `bytes` beside `path` first and renames it into place, so readers never see half a file.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    write_all_atomically(&[(path.to_path_buf(), bytes)])
}

/// Where a file is written before it is renamed into place: beside it, hidden.
fn partial(path: &std::path::Path) -> std::path::PathBuf {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    path.with_file_name(format!(".{file_name}.partial"))
}

/// Has `write` produce the file beside `path`, then renames it into place; a failed write leaves
/// neither a partial file nor a changed target. For writers that make the file themselves.
pub(crate) fn produce_atomically(path: &std::path::Path, write: impl FnOnce(&std::path::Path) -> Result<()>) -> Result<()> {
    let tmp = partial(path);
    let outcome = write(&tmp).and_then(|()| std::fs::rename(&tmp, path).map_err(|e| WorksheetError::io(path, e)));
    if outcome.is_err() {
        drop(std::fs::remove_file(&tmp));
    }
    outcome
}

/// Writes every file beside its target first and renames them into place only once all are
/// written, so a full disk or a locked file cannot leave a mix of old and new files.
pub(crate) fn write_all_atomically(files: &[(std::path::PathBuf, &[u8])]) -> Result<()> {
    let clean_up = || files.iter().for_each(|(path, _)| drop(std::fs::remove_file(partial(path))));
    for (path, bytes) in files {
        let tmp = partial(path);
        if let Err(e) = std::fs::write(&tmp, bytes) {
            clean_up();
            return Err(WorksheetError::io(&tmp, e));
        }
    }
    for (path, _) in files {
        std::fs::rename(partial(path), path).map_err(|e| {
            clean_up();
            WorksheetError::io(path, e)
        })?;
    }
    Ok(())
}
