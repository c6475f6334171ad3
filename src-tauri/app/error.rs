//! The one error type of the desktop shell: what a failed command sends the window.

use serde::Serialize;
use ts_rs::TS;

use lifeboat::domain::validation::FieldError;
use lifeboat::error_kind::ErrorKind;
use lifeboat::storage::StoreError;
use lifeboat::worksheet::WorksheetError;

/// What a failed command sends the UI: `{kind, message}`, plus the offending fields when the
/// input was invalid.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct CommandError {
    pub kind: ErrorKind,
    pub message: String,
    /// Empty unless `kind` is "validation".
    pub fields: Vec<FieldError>,
}

impl CommandError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> CommandError {
        CommandError { kind, message: message.into(), fields: Vec::new() }
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
        CommandError { kind: e.kind(), message, fields }
    }
}

impl From<WorksheetError> for CommandError {
    fn from(e: WorksheetError) -> CommandError {
        match e {
            // Keeps the fields of a refused register write, as a direct storage error would.
            WorksheetError::Store(store) => store.into(),
            other => CommandError::new(other.kind(), other.to_string()),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;
    use lifeboat::domain::ids::ProviderId;
    use lifeboat::storage::Missing;
    use lifeboat::worksheet::ImportProblem;

    #[test]
    fn worksheet_errors_keep_their_kind_and_a_readable_message() {
        let problem = ImportProblem::cell("providers.csv", 3, 5, "Tier", "Tier must be 1, 2 or 3, not 7.");
        let e: CommandError = WorksheetError::Rejected { problems: vec![problem.clone(), problem] }.into();
        assert_eq!(e.kind, ErrorKind::ImportRejected);
        assert_eq!(e.message, "providers.csv, row 3, column E (Tier): Tier must be 1, 2 or 3, not 7. (and 1 more problem)");
        assert!(e.fields.is_empty());

        let e: CommandError = WorksheetError::Target("/tmp/x is a folder; give a file name for the PDF.".into()).into();
        assert_eq!((e.kind, e.message.as_str()), (ErrorKind::BadTarget, "/tmp/x is a folder; give a file name for the PDF."));

        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let e: CommandError = WorksheetError::io(std::path::Path::new("/root/w.pdf"), io).into();
        assert_eq!((e.kind, e.message.as_str()), (ErrorKind::Io, "/root/w.pdf: permission denied"));
    }

    #[test]
    fn a_storage_error_inside_the_worksheet_reads_as_the_storage_error() {
        let missing = StoreError::NotFound(Missing::Provider(ProviderId(7)));
        let message = missing.to_string();
        let e: CommandError = WorksheetError::Store(missing).into();
        assert_eq!(e.kind, ErrorKind::NotFound);
        assert_eq!(e.message, message);
    }
}
