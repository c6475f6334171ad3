use std::path::{Path, PathBuf};

use crate::domain::ids::{DrillId, FailureModeId, IncidentId, ProviderId, ReviewId, ServiceId};
use crate::domain::services::dependency::RunsOn;
use crate::domain::validation::ValidationErrors;
use crate::error_kind::ErrorKind;

/// A record that was asked for and is not in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Provider(ProviderId),
    Review(ReviewId),
    FailureMode(FailureModeId),
    Incident(IncidentId),
    Drill(DrillId),
    Service(ServiceId),
    /// A link between a service and a provider that was never recorded.
    Dependency(ServiceId, ProviderId),
    RunsOn(RunsOn),
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Provider(id) => write!(f, "No provider with id {id}."),
            Missing::Review(id) => write!(f, "No review with id {id}."),
            Missing::FailureMode(id) => write!(f, "No failure mode with id {id}."),
            Missing::Incident(id) => write!(f, "No incident with id {id}."),
            Missing::Drill(id) => write!(f, "No drill with id {id}."),
            Missing::Service(id) => write!(f, "No service with id {id}."),
            Missing::Dependency(service, provider) => write!(f, "Service {service} is not linked to provider {provider}."),
            Missing::RunsOn(link) => write!(f, "Provider {} is not recorded as running on provider {}.", link.provider_id, link.runs_on),
        }
    }
}

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
    #[error("{0}")]
    NotFound(Missing),
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

    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::Invalid(_) => ErrorKind::Validation,
            StoreError::NotARegister(_) => ErrorKind::NotARegister,
            StoreError::Damaged { .. } => ErrorKind::Damaged,
            StoreError::TooNew { .. } => ErrorKind::TooNew,
            StoreError::NotFound(_) => ErrorKind::NotFound,
            StoreError::Io { .. } => ErrorKind::Io,
            StoreError::Sqlite(_) | StoreError::Corrupt(_) => ErrorKind::Storage,
            StoreError::Refused(_) => ErrorKind::Refused,
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
