//! Incidents and exit drills: the provider page's evidence, the register-wide Incidents page, and
//! taking the likelihood the evidence suggests.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use super::providers::{detail, ProviderDetail};
use super::worksheet::{dialog, e2e_import_file, picked, require_register, same_choice, WorksheetSession};
use crate::app::error::{CommandError, CommandResult};
use crate::app::state::with_register;
use lifeboat::clock;
use lifeboat::domain::evidence::drill::{Drill, DrillDraft};
use lifeboat::domain::evidence::frequency::take_suggestion;
use lifeboat::domain::evidence::incident::{Incident, IncidentDraft};
use lifeboat::domain::evidence::summary::ProviderEvidence;
use lifeboat::domain::ids::{DrillId, FailureModeId, IncidentId, ProviderId};
use lifeboat::domain::provider::ProviderDraft;
use lifeboat::domain::validation::ValidationErrors;
use lifeboat::error_kind::ErrorKind;
use lifeboat::storage::{Register, StoreError};
use lifeboat::worksheet::import::{self, StatusPagePreview};

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

/// A status-page export chosen for one provider and what importing it would add. Nothing is
/// written yet.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct StatusPageChoice {
    pub path: String,
    pub preview: StatusPagePreview,
}

/// Asks for a status page's incidents.json and previews it as `provider`'s incident history.
/// `None` if the user cancelled.
pub async fn choose_status_page_file(app: AppHandle, provider: ProviderId) -> CommandResult<Option<StatusPageChoice>> {
    let session = app.state::<WorksheetSession>();
    require_register(&app)?;
    let path = match e2e_import_file() {
        Some(path) => path,
        None => {
            let chosen = dialog(&app, &session, "Import a status page's incident history")
                .add_filter("Status page export (JSON)", &["json", "JSON"])
                .blocking_pick_file();
            let Some(path) = picked(chosen)? else { return Ok(None) };
            path
        }
    };
    session.remember(&path, false);
    let preview = with_register(&app, |r| {
        let name = r.provider(provider)?.profile.name;
        Ok(import::preview_status_page(r, &path, &name, clock::now())?)
    })?;
    *session.pending_status_page.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(path.clone());
    Ok(Some(StatusPageChoice { path: path.display().to_string(), preview }))
}

/// Imports the status-page export previewed last into `provider`'s incidents, in one
/// transaction or not at all.
pub async fn apply_status_page(app: AppHandle, path: String, provider: ProviderId) -> CommandResult<StatusPagePreview> {
    let session = app.state::<WorksheetSession>();
    let path = previewed_status_page(&session, &path)?;
    let outcome = with_register(&app, |r| {
        let name = r.provider(provider)?.profile.name;
        Ok(import::apply_status_page(r, &path, &name, clock::now())?)
    })?;
    *session.pending_status_page.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    Ok(outcome)
}

/// The UI may only apply the file the user chose in the dialog, never a path of its own.
fn previewed_status_page(session: &WorksheetSession, named: &str) -> CommandResult<PathBuf> {
    let chosen = session.pending_status_page.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
    match chosen {
        Some(chosen) if same_choice(&chosen, named) => Ok(chosen),
        _ => Err(CommandError::new(ErrorKind::BadTarget, "Choose the status-page file again; only a file previewed here can be imported.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_previewed_status_page_file_can_be_applied() {
        let session = WorksheetSession::default();
        assert_eq!(previewed_status_page(&session, "/tmp/incidents.json").unwrap_err().kind, ErrorKind::BadTarget);
        *session.pending_status_page.lock().unwrap() = Some(PathBuf::from("/tmp/incidents.json"));
        assert_eq!(previewed_status_page(&session, "/tmp/incidents.json").unwrap(), PathBuf::from("/tmp/incidents.json"));
        assert_eq!(previewed_status_page(&session, "/etc/passwd").unwrap_err().kind, ErrorKind::BadTarget);
        session.forget_import();
        assert!(previewed_status_page(&session, "/tmp/incidents.json").is_err());
    }
}
