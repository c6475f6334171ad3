use serde::Serialize;
use ts_rs::TS;

use crate::domain::validation::FieldError;
use crate::storage::StoreError;

/// What a failed command sends the UI: `{kind, message}`, plus the offending fields when the
/// input was invalid.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct CommandError {
    pub kind: String,
    pub message: String,
    /// Empty unless `kind` is "validation".
    pub fields: Vec<FieldError>,
}

impl CommandError {
    pub fn new(kind: &str, message: impl Into<String>) -> CommandError {
        CommandError { kind: kind.into(), message: message.into(), fields: Vec::new() }
    }
}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> CommandError {
        let fields = match &e {
            StoreError::Invalid(v) => v.errors.clone(),
            _ => Vec::new(),
        };
        let message = match &e {
            StoreError::Invalid(v) if v.errors.len() == 1 => v.errors[0].message.clone(),
            StoreError::Invalid(v) => format!("{} fields need attention.", v.errors.len()),
            other => other.to_string(),
        };
        CommandError { kind: e.kind().into(), message, fields }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
