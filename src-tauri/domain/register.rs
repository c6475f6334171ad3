//! The register as one table: a row per provider with its current scores, trend and review date.

use crate::domain::ids::ProviderId;
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::cadence::{due_state, Cadence, DueState};
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
    pub inherent: u8,
    pub inherent_level: Level,
    pub exposure: f64,
    pub exposure_level: Level,
    pub lock_in: u8,
    pub best_readiness: Option<Readiness>,
    pub replacement_effort: u8,
    pub exit_strategy: ExitStrategy,
    pub direction: Direction,
    /// The likelihood and impact of the driving failure mode: where the provider sits on the heat map.
    pub heat: Option<HeatCell>,
    pub explanation: Vec<String>,
    pub last_assessed: NaiveDate,
    pub next_review: NaiveDate,
    pub due: DueState,
    pub renewal_date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HeatCell {
    pub likelihood: u8,
    pub impact: u8,
}

/// Builds one register row. `trend` is the provider's snapshots, oldest first, never empty for a
/// stored provider; `today` decides the due state.
pub fn row(provider: &Provider, trend: &[TrendPoint], cadence: &Cadence, today: NaiveDate) -> RegisterRow {
    let scores: Scores = score(&provider.risk);
    let last_assessed = trend.last().map(|p| p.taken_on).unwrap_or(provider.created_on);
    let next_review = cadence.next_review(last_assessed, scores.inherent_level);
    let heat = provider
        .risk
        .scenarios
        .iter()
        .max_by_key(|s| (s.likelihood * s.impact, s.impact))
        .map(|s| HeatCell { likelihood: s.likelihood, impact: s.impact });
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
    }
}
