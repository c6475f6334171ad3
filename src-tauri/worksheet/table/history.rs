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

use super::shared::{opt_number, risk_columns, scenario_columns, ShowsRisk, ShowsScenario};
use super::{assemble, ColumnOf, Format, Table, TableName};
use crate::domain::history::Snapshot;
use crate::domain::ids::ProviderId;
use crate::domain::provider::{Provider, RiskProfile, Scenario};
use crate::domain::scoring::score;
use crate::worksheet::csv::headers::Field;
use crate::worksheet::Cell;

struct HistoryLine<'a> {
    name: &'a str,
    snapshot: &'a Snapshot,
    scenario: Option<&'a Scenario>,
    /// The snapshot's first row, the one that shows its risk profile.
    opens_snapshot: bool,
    /// The snapshot's, shared by its rows.
    inherent: Option<u8>,
    exposure: Option<f64>,
}

impl ShowsRisk for HistoryLine<'_> {
    fn risk(&self) -> Option<&RiskProfile> {
        self.opens_snapshot.then_some(&self.snapshot.risk)
    }
}

impl ShowsScenario for HistoryLine<'_> {
    fn scenario(&self) -> Option<&Scenario> {
        self.scenario
    }
}

pub(super) fn table<'a>(providers: &'a [Provider], snapshots: &'a [Snapshot]) -> Table<'a> {
    let mut columns = vec![
        ColumnOf::new(Field::Name.header(), Format::Text, |l: &HistoryLine| Cell::text(l.name)),
        ColumnOf::new(Field::AssessedOn.header(), Format::Date, |l: &HistoryLine| Cell::Date(l.snapshot.taken_on)),
    ];
    columns.extend(scenario_columns());
    columns.extend(risk_columns());
    columns.push(ColumnOf::new("Inherent risk", Format::Number, |l: &HistoryLine| opt_number(l.inherent)));
    columns.push(ColumnOf::new("Exposure", Format::OneDecimal, |l: &HistoryLine| opt_number(l.exposure)));

    let names: HashMap<ProviderId, &str> = providers.iter().map(|p| (p.id, p.profile.name.as_str())).collect();
    let lines = snapshots.iter().filter_map(move |s| names.get(&s.provider_id).map(|name| (*name, s))).flat_map(|(name, snapshot)| {
        let scores = score(&snapshot.risk);
        let scenarios = &snapshot.risk.scenarios;
        let none = scenarios.is_empty().then_some(None);
        none.into_iter().chain(scenarios.iter().map(Some)).enumerate().map(move |(i, scenario)| HistoryLine {
            name,
            snapshot,
            scenario,
            opens_snapshot: i == 0,
            inherent: scores.inherent,
            exposure: scores.exposure,
        })
    });
    assemble(TableName::History, columns, lines)
}
