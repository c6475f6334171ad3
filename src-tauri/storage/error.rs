use std::path::{Path, PathBuf};

use crate::domain::validation::ValidationErrors;

/// Everything that can go wrong between the app and its register file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Invalid(#[from] ValidationErrors),
    #[error("{} is not a Lifeboat register.", .0.display())]
    NotARegister(PathBuf),
    #[error("{} is damaged and cannot be opened: {reason}", .path.display())]
    Damaged { path: PathBuf, reason: String },
    #[error("{} was written by a newer version of Lifeboat (schema {found}; this version reads up to {supported}). Update Lifeboat to open it.", .path.display())]
    TooNew { path: PathBuf, found: i64, supported: i64 },
    #[error("No provider with id {0}.")]
    NotFound(i64),
    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("Database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("Stored data is unreadable: {0}")]
    Corrupt(String),
    /// An action the register cannot take as asked; the message says why.
    #[error("{0}")]
    Refused(String),
}

impl StoreError {
    pub fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io { path: path.to_path_buf(), source }
    }

    /// Classifies a failure to open or read a file that should be a register.
    pub fn open(path: &Path, e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotARegister(path.to_path_buf()),
            Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Damaged { path: path.to_path_buf(), reason: e.to_string() },
            Some(rusqlite::ErrorCode::CannotOpen) | Some(rusqlite::ErrorCode::PermissionDenied) => {
                StoreError::Io { path: path.to_path_buf(), source: std::io::Error::other(e.to_string()) }
            }
            _ => StoreError::Sqlite(e),
        }
    }

    /// A short machine-readable name for the UI and the CLI's exit code.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::Invalid(_) => "validation",
            StoreError::NotARegister(_) => "not_a_register",
            StoreError::Damaged { .. } => "damaged",
            StoreError::TooNew { .. } => "too_new",
            StoreError::NotFound(_) => "not_found",
            StoreError::Io { .. } => "io",
            StoreError::Sqlite(_) | StoreError::Corrupt(_) => "storage",
            StoreError::Refused(_) => "refused",
        }
    }

    /// Whether the user's input (or file) was refused, as opposed to something breaking.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            StoreError::Invalid(_)
                | StoreError::NotARegister(_)
                | StoreError::Damaged { .. }
                | StoreError::TooNew { .. }
                | StoreError::NotFound(_)
                | StoreError::Refused(_)
        )
    }
}
