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
mod reviews;
mod rows;
mod source;
mod table;
mod workbook;

use std::path::Path;

use chrono::NaiveDate;

pub use columns::{ColumnChoice, ReadingSource};
pub use preview::{ColumnReading, FieldChange, ImportOptions, ImportPreview, ProviderUpdate};
pub use source::{HISTORY_SHEET, PROVIDERS_SHEET, REVIEWS_SHEET, SCENARIOS_SHEET};

use crate::storage::{providers as stored_providers, snapshots as stored_snapshots, NewProvider, Register};
use crate::worksheet::{Result, WorksheetError};

/// Reads and checks `path` against `register` without writing anything.
pub fn preview(register: &Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<ImportPreview> {
    Ok(plan_import(register, path, options, today)?.preview)
}

/// Imports `path` in one transaction. If any problem is found nothing is written and the error
/// lists every problem.
pub fn apply(register: &mut Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<ImportPreview> {
    let plan = plan_import(register, path, options, today)?;
    if !plan.preview.can_apply() {
        return Err(WorksheetError::Rejected { problems: plan.preview.rejected });
    }
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
    Ok(plan.preview)
}

/// Steps 1–3; problems found on the way are carried to the plan, which reports them all.
fn plan_import(register: &Register, path: &Path, options: &ImportOptions, today: NaiveDate) -> Result<plan::Plan> {
    let mut problems = table::Problems::default();
    let source = source::read(path, options.sheet.as_deref(), &mut problems)?;
    let columns = columns::map(&source, &register.catalogue()?, &options.columns, &mut problems);
    plan::plan(register, source, columns, today, problems)
}
