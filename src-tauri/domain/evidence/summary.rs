//! Everything the provider page shows of one provider's evidence, worked out in one place so the
//! screen, the review walk and the worksheet cannot disagree.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::drill::Drill;
use super::frequency::{mode_evidence, ModeEvidence, ObservationWindow, WINDOW_MONTHS};
use super::incident::Incident;
use super::readiness::{exit_readiness, DrillCadence, ExitReadiness};
use super::recovery::{summarise, RecoverySummary};
use crate::domain::provider::Provider;
use crate::domain::scoring::score;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProviderEvidence {
    /// Newest first.
    pub incidents: Vec<Incident>,
    /// One per catalogue failure mode the provider is scored on, in the risk profile's order.
    pub modes: Vec<ModeEvidence>,
    pub recovery: RecoverySummary,
    /// Newest first.
    pub drills: Vec<Drill>,
    pub readiness: ExitReadiness,
}

/// `incidents` and `drills` are the provider's own, newest first as storage lists them.
pub fn provider_evidence(
    provider: &Provider,
    incidents: Vec<Incident>,
    drills: Vec<Drill>,
    cadence: &DrillCadence,
    today: NaiveDate,
) -> ProviderEvidence {
    let window = ObservationWindow::ending(today, WINDOW_MONTHS, provider.created_on);
    let level = score(&provider.risk).inherent_level;
    ProviderEvidence {
        modes: mode_evidence(&provider.risk.scenarios, &incidents, window),
        recovery: summarise(&incidents, window),
        readiness: exit_readiness(
            &drills,
            provider.risk.replacement.emergency_switch_hours.map(f64::from),
            level,
            cadence,
            provider.created_on,
            today,
        ),
        incidents,
        drills,
    }
}
