//! What an import would do (the dry run) or did, as the preview dialog and the command line
//! show it, and the choices the user can make before applying it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::columns::{ColumnChoice, ReadingSource};
use crate::worksheet::ImportProblem;

#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    /// The files (and sheets) read, as problems name them.
    pub files: Vec<String>,
    /// A workbook's sheets, to choose from; empty for CSV.
    pub sheets: Vec<String>,
    /// The sheet the providers were read from.
    pub sheet: Option<String>,
    /// How every column of the providers table was read, in the file's order.
    pub columns: Vec<ColumnReading>,
    /// Every reading a column can be given (for remapping), fields first, then per failure mode.
    pub readings: Vec<String>,
    pub created: Vec<String>,
    /// Existing providers the import changes, each with every field that changes.
    pub updated: Vec<ProviderUpdate>,
    /// Providers the files match exactly: nothing to write.
    pub unchanged: Vec<String>,
    /// Assessments (snapshots) that would be recorded.
    pub snapshots: u32,
    /// Incidents and exit drills that would be added.
    pub incidents: u32,
    pub drills: u32,
    /// Incidents and drills listed that the register already holds: left as they are.
    pub evidence_kept: u32,
    /// Services that would be added or changed (those the files list as the register holds them
    /// are left alone).
    pub services: u32,
    /// Links, service → provider and provider → fourth party, that would be added or changed.
    pub links: u32,
    /// The user's money overrides (loss.csv, the Money sheet) that would be added or changed,
    /// and those listed as the register already holds them.
    pub overrides_added: u32,
    pub overrides_changed: u32,
    pub overrides_unchanged: u32,
    /// Every problem; any one of them refuses the whole import.
    pub rejected: Vec<ImportProblem>,
    /// Things worth knowing that do not stop the import (how a column was read, text kept).
    pub warnings: Vec<ImportProblem>,
}

impl ImportPreview {
    pub fn can_apply(&self) -> bool {
        self.rejected.is_empty()
    }
}

/// One column of the providers table and what it is read as.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ColumnReading {
    /// Counting from 1 (A).
    pub column: u32,
    /// Its letter, as the spreadsheet shows it.
    pub letter: String,
    pub header: String,
    /// The reading (one of `ImportPreview::readings`), or `None` when the column is not read.
    pub reading: Option<String>,
    pub source: ReadingSource,
    /// The first value in the column, to tell columns apart.
    pub sample: String,
}

/// An existing provider and what the import changes in it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProviderUpdate {
    pub name: String,
    pub changes: Vec<FieldChange>,
}

/// One field that changes, as the register shows it before and after.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub field: String,
    pub from: String,
    pub to: String,
}

/// What the user chose in the preview: the sheet to read and columns read otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportOptions {
    pub sheet: Option<String>,
    pub columns: Vec<ColumnChoice>,
}
