//! History: one row per snapshot × failure mode, with the snapshot's risk profile and scores. A
//! snapshot without failure modes still gets one row (its failure-mode cells empty), so that an
//! import does not lose it.

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
    /// The snapshot's, shared by its rows.
    inherent: Option<u8>,
    exposure: Option<f64>,
}

impl ShowsRisk for HistoryLine<'_> {
    fn risk(&self) -> &RiskProfile {
        &self.snapshot.risk
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
        none.into_iter().chain(scenarios.iter().map(Some)).map(move |scenario| HistoryLine {
            name,
            snapshot,
            scenario,
            inherent: scores.inherent,
            exposure: scores.exposure,
        })
    });
    assemble(TableName::History, columns, lines)
}
