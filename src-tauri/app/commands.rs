//! The commands the UI invokes. Each one is a thin call into storage and domain.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use super::error::CommandResult;
use super::state::{file_name, AppState};
use crate::clock;
use crate::domain::history::TrendPoint;
use crate::domain::provider::{FailureMode, Provider, ProviderDraft, RiskProfile, Status};
use crate::domain::register::{row, RegisterRow};
use crate::domain::scoring::{score, Scores};
use crate::storage::Register;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct RegisterInfo {
    pub path: String,
    pub file_name: String,
    /// The register is empty and the demo offer was never answered.
    pub first_launch: bool,
    pub provider_count: usize,
    pub today: chrono::NaiveDate,
    pub organisation: String,
    /// Why the register could not be opened, if it could not.
    pub open_error: Option<String>,
}

/// Everything the provider page shows.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ProviderDetail {
    pub provider: Provider,
    pub scores: Scores,
    pub trend: Vec<TrendPoint>,
    pub row: RegisterRow,
}

fn detail(register: &Register, provider: Provider) -> CommandResult<ProviderDetail> {
    let trend = register.trend(provider.id)?;
    let cadence = register.settings()?.cadence;
    let row = row(&provider, &trend, &cadence, clock::today());
    Ok(ProviderDetail { scores: score(&provider.risk), trend, row, provider })
}

#[tauri::command]
pub fn register_info(state: State<AppState>) -> CommandResult<RegisterInfo> {
    let session = state.session();
    let (first_launch, provider_count, organisation) = match &session.register {
        Some(r) => {
            let settings = r.settings()?;
            let count = r.provider_count()?;
            (count == 0 && !settings.demo_offer_answered, count, settings.organisation)
        }
        None => (false, 0, String::new()),
    };
    Ok(RegisterInfo {
        path: session.path.display().to_string(),
        file_name: file_name(&session.path),
        first_launch,
        provider_count,
        today: clock::today(),
        organisation,
        open_error: session.open_error.clone(),
    })
}

#[tauri::command]
pub fn list_register(state: State<AppState>) -> CommandResult<Vec<RegisterRow>> {
    state.with(|r| Ok(r.register_rows(clock::today())?))
}

#[tauri::command]
pub fn get_provider(state: State<AppState>, id: i64) -> CommandResult<ProviderDetail> {
    state.with(|r| detail(r, r.provider(id)?))
}

#[tauri::command]
pub fn new_provider_draft(state: State<AppState>) -> CommandResult<ProviderDraft> {
    state.with(|r| Ok(r.new_draft()?))
}

#[tauri::command]
pub fn create_provider(state: State<AppState>, draft: ProviderDraft) -> CommandResult<ProviderDetail> {
    state.with(|r| {
        let created = r.create_provider(&draft, clock::today())?;
        detail(r, created)
    })
}

#[tauri::command]
pub fn update_provider(state: State<AppState>, id: i64, draft: ProviderDraft) -> CommandResult<ProviderDetail> {
    state.with(|r| {
        let updated = r.update_provider(id, &draft, clock::today())?;
        detail(r, updated)
    })
}

/// Scores an unsaved risk profile, so the form previews exactly what a save would record.
#[tauri::command]
pub fn score_risk(risk: RiskProfile) -> Scores {
    score(&risk)
}

/// Archives (retires) or restores a provider, dating a retirement with the app's own date.
#[tauri::command]
pub fn set_provider_status(state: State<AppState>, id: i64, status: Status) -> CommandResult<()> {
    state.with(|r| Ok(r.set_status_on(id, status, clock::today())?))
}

#[tauri::command]
pub fn delete_provider(state: State<AppState>, id: i64) -> CommandResult<()> {
    state.with(|r| Ok(r.delete_provider(id)?))
}

#[tauri::command]
pub fn confirm_unchanged(state: State<AppState>, id: i64) -> CommandResult<ProviderDetail> {
    state.with(|r| {
        let provider = r.confirm_unchanged(id, clock::today(), None)?;
        detail(r, provider)
    })
}

#[tauri::command]
pub fn catalogue(state: State<AppState>) -> CommandResult<Vec<FailureMode>> {
    state.with(|r| Ok(r.catalogue()?))
}

#[tauri::command]
pub fn load_demo(state: State<AppState>) -> CommandResult<()> {
    state.with(|r| Ok(crate::demo::load(r, clock::today())?))
}

#[tauri::command]
pub fn dismiss_demo(state: State<AppState>) -> CommandResult<()> {
    state.with(|r| {
        let mut settings = r.settings()?;
        settings.demo_offer_answered = true;
        Ok(r.save_settings(&settings)?)
    })
}
