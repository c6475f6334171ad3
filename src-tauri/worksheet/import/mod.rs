//! Import: a spreadsheet register (CSV, Excel or OpenDocument) or Lifeboat's own export, in one
//! pipeline of four steps, each a module the next one calls:
//!
//! 1. `source` reads the file or folder into tables of cells (`csv_file`, `workbook`);
//! 2. `columns` maps each column of the providers table to a field, or to a part of a failure
//!    mode's score in a wide layout, with the user's own choices on top;
//! 3. `plan` lays the rows over the register as it is (`rows`, `history`, `reviews`, `evidence`,
//!    `services`, `loss`) into what
//!    each provider would become and every field that changes (`changes`), with every problem;
//! 4. `apply` writes the plan in one transaction, or nothing.
//!
//! The dry run is steps 1–3; a problem anywhere refuses the whole import.
//!
//! `status_page` imports one provider's incident history from a status page's JSON export, with
//! its own preview and the same all-or-nothing apply.

mod cells;
mod changes;
mod columns;
mod csv_file;
mod evidence;
mod history;
mod loss;
mod plan;
mod preview;
mod reading;
mod reviews;
mod rows;
mod services;
mod source;
mod status_page;
mod table;
mod workbook;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

pub use columns::{ColumnChoice, ReadingSource};
pub use preview::{ColumnReading, FieldChange, ImportOptions, ImportPreview, ProviderUpdate};
pub use reading::ReadCache;
pub use source::{
    DEPENDENCIES_SHEET, DRILLS_SHEET, HISTORY_SHEET, INCIDENTS_SHEET, MONEY_SHEET, PROVIDERS_SHEET, REVIEWS_SHEET, RUNS_ON_SHEET,
    SCENARIOS_SHEET, SERVICES_SHEET,
};
pub use status_page::{
    apply_status_page, describe as describe_rejected, preview_status_page, RejectedEntry, StatusPageEntry, StatusPagePreview,
};

use crate::storage::{
    drills as stored_drills, incidents as stored_incidents, providers as stored_providers, snapshots as stored_snapshots, NewProvider,
    Register,
};
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
        // Providers first, for the ids of new ones; then the drills, before any assessment is
        // recorded, because an assessment's "last rehearsed" is read from the drill log.
        let mut ids = HashMap::new();
        for p in &plan.providers {
            let id = match p.existing {
                Some(id) if p.changed => {
                    stored_providers::update(tx, id, &p.draft.profile)?;
                    id
                }
                Some(id) => id,
                None => stored_providers::insert(tx, &NewProvider { draft: &p.draft, created_on: p.created_on })?,
            };
            ids.insert(history::key(&p.draft.profile.name), id);
        }
        evidence::restore(tx, &ids, &plan.evidence.drills, stored_drills::insert)?;
        evidence::restore(tx, &ids, &plan.evidence.incidents, stored_incidents::insert)?;
        for p in plan.providers.iter().filter(|p| p.changed) {
            let id = ids[&history::key(&p.draft.profile.name)];
            for (date, risk) in &p.history {
                stored_snapshots::record(tx, id, *date, None, risk)?;
                history::keep_listed_rehearsal(tx, id, *date, risk)?;
            }
            if p.record_current {
                stored_snapshots::record(tx, id, today, None, &p.draft.risk)?;
            }
        }
        reviews::restore(tx, &plan.reviews)?;
        services::restore(tx, &plan.services, &ids)?;
        loss::restore(tx, &plan.loss, &ids)
    })?;
    Ok(())
}
