//! Failure modes: one row per provider × failure mode of its current risk profile.

use super::shared::{scenario_columns, ShowsScenario};
use super::{assemble, ColumnOf, Format, Table, TableName};
use crate::domain::provider::{Provider, Scenario};
use crate::worksheet::csv::headers::Field;
use crate::worksheet::Cell;

struct ScenarioLine<'a> {
    name: &'a str,
    scenario: &'a Scenario,
}

impl ShowsScenario for ScenarioLine<'_> {
    fn scenario(&self) -> Option<&Scenario> {
        Some(self.scenario)
    }
}

pub(super) fn table(providers: &[Provider]) -> Table<'_> {
    let mut columns = vec![ColumnOf::new(Field::Name.header(), Format::Text, |l: &ScenarioLine| Cell::text(l.name))];
    columns.extend(scenario_columns());
    let lines = providers.iter().flat_map(|p| p.risk.scenarios.iter().map(|scenario| ScenarioLine { name: &p.profile.name, scenario }));
    assemble(TableName::FailureModes, columns, lines)
}
