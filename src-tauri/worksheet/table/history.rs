//! History: one row per snapshot × failure mode. A snapshot without failure modes still gets one
//! row (its failure-mode cells empty), so that an import does not lose it.
//!
//! The snapshot's risk profile (lock-in, alternatives, replacement, exit) is written on its first
//! row only; its other rows leave those cells empty. Repeated, it was most of the sheet (the same
//! exit plan and alternatives on every failure-mode row, 11 million cells for 5,000 providers)
//! and made every row as tall as its wrapped text, while a reader sees the profile once per
//! assessment, above that assessment's failure modes. The snapshot's scores (inherent risk,
//! exposure) stay on every row: two numbers, and what one filters and sorts by. The import takes
//! an assessment's profile from the row that carries it, so older exports with the profile on
//! every row read the same.

use std::collections::HashMap;
use std::rc::Rc;

use super::shared::{opt_number, risk_columns, scenario_columns, ShowsRisk, ShowsScenario};
use super::{assemble_read, ColumnOf, Format, Table, TableName};
use crate::domain::history::Snapshot;
use crate::domain::ids::ProviderId;
use crate::domain::provider::{RiskProfile, Scenario};
use crate::domain::scoring::score;
use crate::storage;
use crate::worksheet::csv::headers::Field;
use crate::worksheet::Cell;

struct HistoryLine<'a> {
    name: &'a str,
    /// Shared by the snapshot's rows, and dropped after the last of them.
    snapshot: Rc<Snapshot>,
    /// Which of its scenarios this row shows; `None` for a snapshot without failure modes.
    scenario: Option<usize>,
    /// The snapshot's, shared by its rows.
    inherent: Option<u8>,
    exposure: Option<f64>,
}

impl ShowsRisk for HistoryLine<'_> {
    /// The snapshot's first row shows its risk profile.
    fn risk(&self) -> Option<&RiskProfile> {
        matches!(self.scenario, None | Some(0)).then_some(&self.snapshot.risk)
    }
}

impl ShowsScenario for HistoryLine<'_> {
    fn scenario(&self) -> Option<&Scenario> {
        self.snapshot.risk.scenarios.get(self.scenario?)
    }
}

/// The history from `snapshots`, which come by provider, then date, as the register reads them;
/// `names` are the providers' by id.
pub(super) fn table<'a>(
    names: &'a HashMap<ProviderId, String>,
    snapshots: impl Iterator<Item = storage::Result<Snapshot>> + 'a,
) -> Table<'a> {
    let mut columns = vec![
        ColumnOf::new(Field::Name.header(), Format::Text, |l: &HistoryLine| Cell::text(l.name)),
        ColumnOf::new(Field::AssessedOn.header(), Format::Date, |l: &HistoryLine| Cell::Date(l.snapshot.taken_on)),
    ];
    columns.extend(scenario_columns());
    columns.extend(risk_columns());
    columns.push(ColumnOf::new("Inherent risk", Format::Number, |l: &HistoryLine| opt_number(l.inherent)));
    columns.push(ColumnOf::new("Exposure", Format::OneDecimal, |l: &HistoryLine| opt_number(l.exposure)));

    let lines = snapshots.flat_map(move |read| match read {
        Ok(s) => names.get(&s.provider_id).map_or_else(Vec::new, |name| lines_of(name.as_str(), s).into_iter().map(Ok).collect()),
        Err(e) => vec![Err(e.into())],
    });
    assemble_read(TableName::History, columns, lines)
}

/// A snapshot's rows: one per scenario, or one with none.
fn lines_of(name: &str, snapshot: Snapshot) -> Vec<HistoryLine<'_>> {
    let scores = score(&snapshot.risk);
    let count = snapshot.risk.scenarios.len();
    let snapshot = Rc::new(snapshot);
    let scenarios: Vec<Option<usize>> = if count == 0 { vec![None] } else { (0..count).map(Some).collect() };
    scenarios
        .into_iter()
        .map(|scenario| HistoryLine { name, snapshot: snapshot.clone(), scenario, inherent: scores.inherent, exposure: scores.exposure })
        .collect()
}
