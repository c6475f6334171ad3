//! Incidents and exit drills: the provider page's evidence, the register-wide Incidents page, and
//! taking the likelihood the evidence suggests.

use std::collections::HashMap;

use serde::Serialize;
use tauri::AppHandle;
use ts_rs::TS;

use super::providers::{detail, ProviderDetail};
use crate::app::error::CommandResult;
use crate::app::state::with_register;
use lifeboat::clock;
use lifeboat::domain::evidence::drill::{Drill, DrillDraft};
use lifeboat::domain::evidence::frequency::take_suggestion;
use lifeboat::domain::evidence::incident::{Incident, IncidentDraft};
use lifeboat::domain::evidence::summary::ProviderEvidence;
use lifeboat::domain::ids::{DrillId, FailureModeId, IncidentId, ProviderId};
use lifeboat::domain::provider::ProviderDraft;
use lifeboat::domain::validation::ValidationErrors;
use lifeboat::storage::{Register, StoreError};

/// One line of the register-wide Incidents page.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct IncidentRow {
    pub incident: Incident,
    pub provider_name: String,
    pub mode_name: String,
    /// Detected − started, in minutes, once both are known.
    #[ts(type = "number | null")]
    pub time_to_identify: Option<i64>,
    /// Resolved − started, in minutes, once it is over.
    #[ts(type = "number | null")]
    pub time_to_recover: Option<i64>,
}

pub fn get_provider_evidence(app: &AppHandle, id: ProviderId) -> CommandResult<ProviderEvidence> {
    with_register(app, |r| Ok(r.provider_evidence(id, clock::today())?))
}

/// Every incident of the register, newest first, with the names the table shows.
pub fn list_incidents(app: &AppHandle) -> CommandResult<Vec<IncidentRow>> {
    with_register(app, |r| incident_rows(r))
}

fn incident_rows(r: &Register) -> CommandResult<Vec<IncidentRow>> {
    let providers: HashMap<ProviderId, String> = r.providers()?.into_iter().map(|p| (p.id, p.profile.name)).collect();
    let modes: HashMap<FailureModeId, String> = r.catalogue()?.into_iter().map(|m| (m.id, m.name)).collect();
    Ok(r.all_incidents()?
        .into_iter()
        .map(|incident| IncidentRow {
            provider_name: providers.get(&incident.draft.provider_id).cloned().unwrap_or_default(),
            mode_name: modes.get(&incident.draft.mode_id).cloned().unwrap_or_default(),
            time_to_identify: incident.draft.time_to_identify(),
            time_to_recover: incident.draft.time_to_recover(),
            incident,
        })
        .collect())
}

pub fn add_incident(app: &AppHandle, draft: IncidentDraft) -> CommandResult<Incident> {
    with_register(app, |r| Ok(r.add_incident(&draft, clock::now())?))
}

pub fn update_incident(app: &AppHandle, id: IncidentId, draft: IncidentDraft) -> CommandResult<Incident> {
    with_register(app, |r| Ok(r.update_incident(id, &draft, clock::now())?))
}

pub fn delete_incident(app: &AppHandle, id: IncidentId) -> CommandResult<()> {
    with_register(app, |r| Ok(r.delete_incident(id)?))
}

pub fn add_drill(app: &AppHandle, draft: DrillDraft) -> CommandResult<Drill> {
    with_register(app, |r| Ok(r.add_drill(&draft, clock::today())?))
}

pub fn update_drill(app: &AppHandle, id: DrillId, draft: DrillDraft) -> CommandResult<Drill> {
    with_register(app, |r| Ok(r.update_drill(id, &draft, clock::today())?))
}

pub fn delete_drill(app: &AppHandle, id: DrillId) -> CommandResult<()> {
    with_register(app, |r| Ok(r.delete_drill(id)?))
}

/// Takes the likelihood the evidence suggests for one failure mode and records it as today's
/// assessment, through the same path as saving the provider page, so the history shows it with
/// a note saying it came from evidence.
pub fn take_suggested_likelihood(app: &AppHandle, provider: ProviderId, mode: FailureModeId) -> CommandResult<ProviderDetail> {
    with_register(app, |r| {
        let taken = take(r, provider, mode)?;
        detail(r, taken)
    })
}

fn take(r: &mut Register, provider_id: ProviderId, mode: FailureModeId) -> Result<lifeboat::domain::provider::Provider, StoreError> {
    let today = clock::today();
    let provider = r.provider(provider_id)?;
    let Some(index) = provider.risk.scenarios.iter().position(|s| s.mode_id == Some(mode)) else {
        return Err(ValidationErrors::single("risk.scenarios", "This provider is not scored on that failure mode.").into());
    };
    let scenario = &provider.risk.scenarios[index];
    if scenario.impact.is_none() {
        return Err(ValidationErrors::single(
            format!("risk.scenarios.{index}.impact"),
            format!("Score the impact of {} first: a likelihood alone gives no risk score.", scenario.mode),
        )
        .into());
    }
    let evidence = r.provider_evidence(provider_id, today)?;
    let Some(found) = evidence.modes.iter().find(|m| m.mode_id == mode) else {
        return Err(
            ValidationErrors::single(format!("risk.scenarios.{index}.likelihood"), "There is no evidence for this failure mode.").into()
        );
    };
    let risk = take_suggestion(&provider.risk, found, today).expect("the mode was found above");
    r.update_provider(provider_id, &ProviderDraft { profile: provider.profile, risk }, today)
}
