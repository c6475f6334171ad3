//! The register as one table: a row per provider with its current scores, trend and review date.

use crate::domain::ids::ProviderId;
use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::cadence::{due_state, Cadence, DueState};
use super::evidence::drill::Drill;
use super::evidence::readiness::{exit_readiness, DrillCadence};
use super::history::{direction, Direction, TrendPoint};
use super::provider::{Category, ExitStrategy, Provider, Readiness, Status};
use super::scoring::{score, Level, Scores};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RegisterRow {
    pub id: ProviderId,
    pub name: String,
    pub category: Category,
    pub owner: String,
    /// Carried so the register's text search covers what the provider does for us.
    pub value_provided: String,
    pub tier: u8,
    pub status: Status,
    /// `None` (with the exposure and both levels) while the provider is Not assessed.
    pub inherent: Option<u8>,
    pub inherent_level: Option<Level>,
    pub exposure: Option<f64>,
    pub exposure_level: Option<Level>,
    pub lock_in: u8,
    pub best_readiness: Option<Readiness>,
    pub replacement_effort: u8,
    pub exit_strategy: ExitStrategy,
    pub direction: Direction,
    /// The likelihood and impact of the driving failure mode: where the provider sits on the heat
    /// map, which leaves a Not assessed provider off.
    pub heat: Option<HeatCell>,
    pub explanation: Vec<String>,
    pub last_assessed: NaiveDate,
    pub next_review: NaiveDate,
    pub due: DueState,
    pub renewal_date: Option<NaiveDate>,
    /// The latest drill's date.
    pub last_rehearsed: Option<NaiveDate>,
    /// `None` when the provider's level expects no drills (or it is Not assessed).
    pub drill_due: Option<DueState>,
    /// What an hour of its outage costs the services it reaches, directly and through the
    /// providers that run on it; 0 when it reaches none (or none has a cost yet).
    pub outage_cost_per_hour: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HeatCell {
    pub likelihood: u8,
    pub impact: u8,
}

/// Highest exposure first, then inherent risk; Not assessed rows after every scored one.
pub fn riskier_first(a: &RegisterRow, b: &RegisterRow) -> Ordering {
    let exposure = |r: &RegisterRow| r.exposure.unwrap_or(f64::NEG_INFINITY);
    // `None < Some`, so comparing b with a puts an unscored inherent risk last too.
    exposure(b).total_cmp(&exposure(a)).then(b.inherent.cmp(&a.inherent))
}

/// Builds one register row. `trend` is the provider's snapshots, oldest first, never empty for a
/// stored provider; `drills` are its drills in any order; `outage_cost_per_hour` is what its
/// blast radius costs; `today` decides the due states.
pub fn row(
    provider: &Provider,
    trend: &[TrendPoint],
    drills: &[Drill],
    outage_cost_per_hour: f64,
    cadence: &Cadence,
    drill_cadence: &DrillCadence,
    today: NaiveDate,
) -> RegisterRow {
    let scores: Scores = score(&provider.risk);
    let estimate = provider.risk.replacement.emergency_switch_hours.map(f64::from);
    let readiness = exit_readiness(drills, estimate, scores.inherent_level, drill_cadence, provider.created_on, today);
    let last_assessed = trend.last().map(|p| p.taken_on).unwrap_or(provider.created_on);
    let next_review = cadence.next_review(last_assessed, scores.inherent_level);
    let heat = provider
        .risk
        .scenarios
        .iter()
        .filter_map(|s| Some(HeatCell { likelihood: s.likelihood?, impact: s.impact? }))
        .max_by_key(|cell| (cell.likelihood * cell.impact, cell.impact));
    RegisterRow {
        id: provider.id,
        name: provider.profile.name.clone(),
        category: provider.profile.category,
        owner: provider.profile.owner.clone(),
        value_provided: provider.profile.value_provided.clone(),
        tier: provider.profile.tier,
        status: provider.profile.status,
        inherent: scores.inherent,
        inherent_level: scores.inherent_level,
        exposure: scores.exposure,
        exposure_level: scores.exposure_level,
        lock_in: scores.lock_in,
        best_readiness: scores.best_readiness,
        replacement_effort: scores.replacement_effort,
        exit_strategy: provider.risk.exit.strategy,
        direction: direction(trend),
        heat,
        explanation: scores.explanation(),
        last_assessed,
        next_review,
        due: due_state(next_review, today),
        renewal_date: provider.profile.renewal_date,
        last_rehearsed: readiness.last_rehearsed,
        drill_due: readiness.drill_due,
        outage_cost_per_hour,
    }
}
