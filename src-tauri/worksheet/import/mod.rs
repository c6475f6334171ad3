//! Import: a spreadsheet register (CSV, Excel or OpenDocument) or Lifeboat's own export, in one
//! pipeline of four steps, each a module the next one calls:
//!
//! 1. `source` reads the file or folder into tables of cells (`csv_file`, `workbook`);
//! 2. `columns` maps each column of the providers table to a field, or to a part of a failure
//!    mode's score in a wide layout, with the user's own choices on top;
//! 3. `plan` lays the rows over the register as it is (`rows`, `history`, `reviews`) into what
//!    each provider would become and every field that changes (`changes`), with every problem;
//! 4. `apply` writes the plan in one transaction, or nothing.
//!
//! The dry run is steps 1–3; a problem anywhere refuses the whole import.

mod cells;
mod changes;
mod columns;
mod csv_file;
mod history;
mod plan;
mod preview;
mod reading;
mod reviews;
mod rows;
mod source;
mod table;
mod workbook;

use std::path::Path;

use chrono::NaiveDate;

pub use columns::{ColumnChoice, ReadingSource};
pub use preview::{ColumnReading, FieldChange, ImportOptions, ImportPreview, ProviderUpdate};
pub use reading::ReadCache;
pub use source::{HISTORY_SHEET, PROVIDERS_SHEET, REVIEWS_SHEET, SCENARIOS_SHEET};

use crate::storage::{providers as stored_providers, snapshots as stored_snapshots, NewProvider, Register};
use crate::worksheet::{Result, WorksheetError};

/// Reads and checks `path` against `register` without writing anything.
pub fn preview(register: &Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<ImportPreview> {
    ReadCache::default().preview(register, path, options, today)
}

/// Imports `path` in one transaction. If any problem is found nothing is written and the error
/// lists every problem.
pub fn apply(register: &mut Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<ImportPreview> {
    ReadCache::default().apply(register, path, options, today)
}

impl ReadCache {
    /// `preview`, keeping the tables read for the next preview or `apply` of the same file.
    pub fn preview(&mut self, register: &Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<ImportPreview> {
        Ok(self.plan(register, path, options, today)?.preview)
    }

    /// `apply`, from the tables kept by the preview when the file has not changed since.
    pub fn apply(&mut self, register: &mut Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<ImportPreview> {
        let plan = self.plan(register, path, options, today)?;
        if !plan.preview.can_apply() {
            return Err(WorksheetError::Rejected { problems: plan.preview.rejected });
        }
        write(register, &plan, today)?;
        self.forget();
        Ok(plan.preview)
    }

    /// Steps 1–3; problems found on the way are carried to the plan, which reports them all.
    fn plan(&mut self, register: &Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<plan::Plan> {
        let (source, mut problems) = self.read(path, options.sheet.as_deref())?;
        let columns = columns::map(source, &register.catalogue()?, &options.columns, &mut problems);
        plan::plan(register, source, columns, today, problems)
    }
}

/// Step 4: the plan in one transaction.
fn write(register: &mut Register, plan: &plan::Plan, today: NaiveDate) -> Result<()> {
    register.transaction(|tx| {
        for p in plan.providers.iter().filter(|p| p.changed) {
            let id = match p.existing {
                Some(id) => {
                    stored_providers::update(tx, id, &p.draft.profile)?;
                    id
                }
                None => stored_providers::insert(tx, &NewProvider { draft: &p.draft, created_on: p.created_on })?,
            };
            for (date, risk) in &p.history {
                stored_snapshots::record(tx, id, *date, None, risk)?;
            }
            if p.record_current {
                stored_snapshots::record(tx, id, today, None, &p.draft.risk)?;
            }
        }
        reviews::restore(tx, &plan.reviews)
    })?;
    Ok(())
}
