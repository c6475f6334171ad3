//! Column groups that more than one table carries: the risk profile beside the scenarios
//! (providers and history), and one scored failure mode (failure modes and history).

use super::{ColumnOf, Format};
use crate::domain::provider::{Alternative, RiskProfile, Scenario};
use crate::domain::scoring::Level;
use crate::worksheet::csv::headers::Field;
use crate::worksheet::Cell;

/// A row that shows a risk profile, or leaves it to an earlier row: History writes a snapshot's
/// profile once, on its first row, and leaves those cells empty on the snapshot's other rows.
pub(super) trait ShowsRisk {
    fn risk(&self) -> Option<&RiskProfile>;
}

/// A row that shows one scored failure mode, or none (a snapshot without failure modes).
pub(super) trait ShowsScenario {
    fn scenario(&self) -> Option<&Scenario>;
}

pub(super) fn number(n: impl Into<f64>) -> Cell<'static> {
    Cell::Number(n.into())
}

pub(super) fn opt_number<N: Into<f64>>(n: Option<N>) -> Cell<'static> {
    n.map_or(Cell::Empty, number)
}

pub(super) fn opt_date(d: Option<chrono::NaiveDate>) -> Cell<'static> {
    d.map_or(Cell::Empty, Cell::Date)
}

/// One alternative per line with its readiness in brackets, as the import splits them.
fn alternatives_text(alternatives: &[Alternative]) -> String {
    alternatives.iter().map(|a| format!("{} ({})", a.name, a.readiness.label())).collect::<Vec<_>>().join("\n")
}

fn risk_cell<R: ShowsRisk>(r: &R, value: impl Fn(&RiskProfile) -> Cell<'_>) -> Cell<'_> {
    r.risk().map_or(Cell::Empty, value)
}

pub(super) fn risk_columns<R: ShowsRisk>() -> Vec<ColumnOf<R>> {
    let field = |f: Field, format, value| ColumnOf::new(f.header(), format, value);
    vec![
        field(Field::LockIn, Format::Number, |r: &R| risk_cell(r, |risk| number(risk.lock_in.level))),
        field(Field::LockInReasons, Format::Text, |r: &R| risk_cell(r, |risk| Cell::text(&risk.lock_in.reasons))),
        field(Field::Alternatives, Format::Text, |r: &R| risk_cell(r, |risk| Cell::text(alternatives_text(&risk.alternatives)))),
        field(Field::ReplacementEffort, Format::Number, |r: &R| risk_cell(r, |risk| number(risk.replacement.effort))),
        field(Field::PersonWeeks, Format::Number, |r: &R| risk_cell(r, |risk| opt_number(risk.replacement.person_weeks))),
        field(Field::EmergencySwitchHours, Format::Number, |r: &R| {
            risk_cell(r, |risk| opt_number(risk.replacement.emergency_switch_hours))
        }),
        field(Field::ExitStrategy, Format::Text, |r: &R| risk_cell(r, |risk| Cell::text(risk.exit.strategy.label()))),
        field(Field::ExitPlan, Format::Text, |r: &R| risk_cell(r, |risk| Cell::text(&risk.exit.plan))),
        field(Field::LastRehearsed, Format::Date, |r: &R| risk_cell(r, |risk| opt_date(risk.exit.last_rehearsed))),
    ]
}

fn scenario_cell<R: ShowsScenario>(r: &R, value: impl Fn(&Scenario) -> Cell<'_>) -> Cell<'_> {
    r.scenario().map_or(Cell::Empty, value)
}

pub(super) fn scenario_columns<R: ShowsScenario>() -> Vec<ColumnOf<R>> {
    vec![
        ColumnOf::new(Field::FailureMode.header(), Format::Text, |r: &R| scenario_cell(r, |s| Cell::text(&s.mode))),
        ColumnOf::new(Field::Likelihood.header(), Format::Number, |r: &R| scenario_cell(r, |s| opt_number(s.likelihood))),
        ColumnOf::new(Field::Impact.header(), Format::Number, |r: &R| scenario_cell(r, |s| opt_number(s.impact))),
        ColumnOf::new("Score", Format::Number, |r: &R| scenario_cell(r, |s| opt_number(s.score()))),
        ColumnOf::new("Level", Format::Level, |r: &R| {
            // An unscored failure mode reads "Not assessed", never a level nobody chose.
            scenario_cell(r, |s| Cell::text(Level::label_of(s.score().map(|f| Level::of(f as f64)))))
        }),
        ColumnOf::new(Field::ScenarioNote.header(), Format::Text, |r: &R| scenario_cell(r, |s| Cell::text(&s.note))),
    ]
}
