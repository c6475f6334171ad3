//! The worksheet: the register as a PDF for leadership and as CSV for spreadsheets, and the CSV
//! import that brings a spreadsheet register (or Lifeboat's own export) back in.
//!
//! Reads and writes the register only through `storage`; never touches Tauri.

pub mod csv;
mod error;
pub mod input;
pub mod pdf;

pub use error::{ImportProblem, WorksheetError};
pub use input::{ChangeLine, Changes, WorksheetInput};
pub use pdf::Paper;

pub type Result<T> = std::result::Result<T, WorksheetError>;

/// Writes `bytes` beside `path` first and renames it into place, so readers never see half a file.
pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let tmp = path.with_file_name(format!(".{file_name}.partial"));
    std::fs::write(&tmp, bytes).map_err(|e| WorksheetError::io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        WorksheetError::io(path, e)
    })
}
