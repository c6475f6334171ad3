//! The user's money overrides from Lifeboat's own export (loss.csv, or the workbook's "Money"
//! sheet). Only the override columns are inputs; the default ranges, their sources and the
//! figures are computed from the register and ignored here.
//!
//! An override is the same one when it has the same provider, failure mode and input (frequency
//! or loss per event). An import adds and updates, and never removes: a row whose override cells
//! are empty leaves the register's override as it is.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::cells;
use super::evidence::Headed;
use super::history::key;
use super::table::{Problems, Table, TableRow};
use crate::domain::ids::ProviderId;
use crate::domain::money::inputs::{apply_overrides, InputField, MoneyOverride, Override, ProviderInputs};
use crate::domain::money::range::Range;
use crate::domain::text::fold;
use crate::domain::validation::MAX_TEXT_LEN;
use crate::storage::money::put_override;
use crate::worksheet::csv::loss::{InputColumns, FAILURE_MODE, FREQUENCY, LOSS_PER_EVENT, PROVIDER};
use crate::worksheet::{Cell, ImportProblem};

/// One override the import would write. The provider may be new: `provider` is its key, and
/// `stored` its id when the register already holds it.
#[derive(Debug, Clone)]
pub struct PlannedOverride {
    pub provider: String,
    pub stored: Option<ProviderId>,
    /// The failure mode's name as the provider has it.
    pub mode: String,
    pub field: InputField,
    pub values: Override,
}

/// The overrides to write, and how many the files list that the register already holds.
#[derive(Debug, Default)]
pub struct LossPlan {
    /// Added and changed ones, in the file's order.
    pub overrides: Vec<PlannedOverride>,
    pub added: u32,
    pub changed: u32,
    pub unchanged: u32,
}

/// What the plan knows of a provider a row may name.
pub struct KnownProvider {
    pub stored: Option<ProviderId>,
    /// Its failure modes as the import leaves them.
    pub modes: Vec<String>,
}

const FIELDS: [(InputField, &InputColumns); 2] = [(InputField::Frequency, &FREQUENCY), (InputField::LossPerEvent, &LOSS_PER_EVENT)];

fn opt_end(cell: &Cell, what: &str) -> Result<Option<f64>, String> {
    if cell.is_blank() {
        Ok(None)
    } else {
        cells::amount(cell, what).map(Some)
    }
}

/// Plans `table` over the register: `known` gives the providers by key (listed in the files or
/// held), `stored` the register's overrides, and `current` the register's inputs as of today, to
/// check one end against the default's other end.
pub fn plan(
    table: &Table,
    known: &HashMap<String, KnownProvider>,
    stored: &[MoneyOverride],
    current: &[ProviderInputs],
    providers_file: &str,
    problems: &mut Problems,
) -> LossPlan {
    let mut headers = vec![PROVIDER, FAILURE_MODE];
    for (_, c) in FIELDS {
        headers.extend([c.override_low, c.override_high, c.note]);
    }
    let mut plan = LossPlan::default();
    let Some(columns) = Headed::read(table, &headers, &[PROVIDER, FAILURE_MODE], problems) else { return plan };
    let held: HashMap<(ProviderId, String, &str), &Override> =
        stored.iter().map(|o| ((o.provider_id, fold(&o.mode), o.field.key()), &o.values)).collect();
    let mut first_rows: HashMap<(String, String), u64> = HashMap::new();
    for row in &table.rows {
        let (Some(provider_name), Some(mode_name)) =
            (columns.name(row, PROVIDER, "provider", problems), columns.name(row, FAILURE_MODE, "failure mode", problems))
        else {
            continue;
        };
        let k = key(&provider_name);
        let Some(provider) = known.get(&k) else {
            let message = format!("There is no provider \"{provider_name}\" in {providers_file} or in the register.");
            problems.push(columns.problem(row, PROVIDER, message));
            continue;
        };
        let Some(mode) = provider.modes.iter().find(|m| fold(m) == fold(&mode_name)) else {
            let message = format!("{provider_name} has no failure mode \"{mode_name}\".");
            problems.push(columns.problem(row, FAILURE_MODE, message));
            continue;
        };
        if let Some(first) = first_rows.insert((k.clone(), fold(mode)), row.number) {
            first_rows.insert((k, fold(mode)), first);
            problems.push(ImportProblem::row(&table.file, row.number, format!("This row repeats row {first}.")));
            continue;
        }
        for (field, c) in FIELDS {
            let Some(values) = read_override(&columns, row, c, problems) else { continue };
            if let Some(id) = provider.stored {
                check_against_defaults(&columns, row, c, current, id, mode, field, &values, problems);
            }
            let planned = PlannedOverride { provider: k.clone(), stored: provider.stored, mode: mode.clone(), field, values };
            match planned.stored.and_then(|id| held.get(&(id, fold(mode), field.key()))) {
                Some(was) if **was == planned.values => plan.unchanged += 1,
                Some(_) => {
                    plan.changed += 1;
                    plan.overrides.push(planned);
                }
                None => {
                    plan.added += 1;
                    plan.overrides.push(planned);
                }
            }
        }
    }
    plan
}

/// One input's override cells: `None` when they are all empty (or wrong, with a problem filed at
/// the cell).
fn read_override(columns: &Headed, row: &TableRow, c: &InputColumns, problems: &mut Problems) -> Option<Override> {
    let before = problems.count();
    let low = columns.parse(row, c.override_low, problems, |cell| opt_end(cell, c.override_low)).flatten();
    let high = columns.parse(row, c.override_high, problems, |cell| opt_end(cell, c.override_high)).flatten();
    let note = columns.text(row, c.note).trim().to_string();
    if problems.count() > before {
        return None;
    }
    if low.is_none() && high.is_none() {
        if !note.is_empty() {
            let message =
                format!("A note goes with your figure: give {} or {} (or both), or leave the note empty.", c.override_low, c.override_high);
            problems.push(columns.problem(row, c.note, message));
        }
        return None;
    }
    if note.chars().count() > MAX_TEXT_LEN {
        problems.push(columns.problem(row, c.note, format!("The note is longer than {MAX_TEXT_LEN} characters.")));
        return None;
    }
    if let (Some(l), Some(h)) = (low, high) {
        if let Err(errors) = Range::checked("", l, h) {
            for e in errors.errors {
                let header = if e.field.ends_with("high") { c.override_high } else { c.override_low };
                problems.push(columns.problem(row, header, e.message));
            }
            return None;
        }
    }
    Some(Override { low, high, note })
}

/// An override of one end must make a range with the default's other end, as the provider page
/// checks it; for a provider the register holds, against its default as of today.
#[allow(clippy::too_many_arguments)]
fn check_against_defaults(
    columns: &Headed,
    row: &TableRow,
    c: &InputColumns,
    current: &[ProviderInputs],
    id: ProviderId,
    mode: &str,
    field: InputField,
    values: &Override,
    problems: &mut Problems,
) {
    let Some(inputs) = current.iter().find(|p| p.provider_id == id) else { return };
    if values.low.is_some() && values.high.is_some() {
        return;
    }
    let mut one = vec![inputs.clone()];
    let o = MoneyOverride { provider_id: id, mode: mode.to_string(), field, values: values.clone() };
    if let Err(errors) = apply_overrides(&mut one, &[o]) {
        for e in errors.errors {
            let header = if e.field.ends_with("high") { c.override_high } else { c.override_low };
            problems.push(columns.problem(row, header, format!("{} (with the default's other end)", e.message.trim_end_matches('.'))));
        }
    }
}

/// Writes the plan, after the providers: `ids` holds the ids of those the import listed, by key.
pub fn restore(conn: &Connection, plan: &LossPlan, ids: &HashMap<String, ProviderId>) -> crate::storage::Result<()> {
    for o in &plan.overrides {
        let Some(provider_id) = ids.get(&o.provider).copied().or(o.stored) else { continue };
        put_override(conn, &MoneyOverride { provider_id, mode: o.mode.clone(), field: o.field, values: o.values.clone() })?;
    }
    Ok(())
}

/// The date the figures are checked as of is the import's day; kept here so that a caller reads
/// the register's inputs once.
pub fn current_inputs(register: &crate::storage::Register, today: NaiveDate) -> crate::storage::Result<Vec<ProviderInputs>> {
    Ok(register.money_inputs(today)?.0)
}
