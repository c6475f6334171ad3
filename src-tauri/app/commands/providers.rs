//! The register table, the provider page and the first-launch demo offer.

use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::app::error::CommandResult;
use crate::app::state::{file_name, with_register, AppState};
use lifeboat::clock;
use lifeboat::domain::history::TrendPoint;
use lifeboat::domain::ids::ProviderId;
use lifeboat::domain::provider::{Provider, ProviderDraft, RiskProfile, Status};
use lifeboat::domain::register::RegisterRow;
use lifeboat::domain::scoring::{score, Scores};
use lifeboat::storage::Register;

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

pub(crate) fn detail(register: &Register, provider: Provider) -> CommandResult<ProviderDetail> {
    let trend = register.trend(provider.id)?;
    let row = register.register_row(provider.id, clock::today())?;
    Ok(ProviderDetail { scores: score(&provider.risk), trend, row, provider })
}

pub fn get_register_info(app: &AppHandle) -> CommandResult<RegisterInfo> {
    let state = app.state::<AppState>();
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

pub fn list_register_rows(app: &AppHandle) -> CommandResult<Vec<RegisterRow>> {
    with_register(app, |r| Ok(r.register_rows(clock::today())?))
}

pub fn get_provider(app: &AppHandle, id: ProviderId) -> CommandResult<ProviderDetail> {
    with_register(app, |r| detail(r, r.provider(id)?))
}

pub fn get_new_provider_draft(app: &AppHandle) -> CommandResult<ProviderDraft> {
    with_register(app, |r| Ok(r.new_draft()?))
}

pub fn create_provider(app: &AppHandle, draft: ProviderDraft) -> CommandResult<ProviderDetail> {
    with_register(app, |r| {
        let created = r.create_provider(&draft, clock::today())?;
        detail(r, created)
    })
}

pub fn update_provider(app: &AppHandle, id: ProviderId, draft: ProviderDraft) -> CommandResult<ProviderDetail> {
    with_register(app, |r| {
        let updated = r.update_provider(id, &draft, clock::today())?;
        detail(r, updated)
    })
}

/// Scores an unsaved risk profile, so the form previews exactly what a save would record.
pub fn score_risk(_: &AppHandle, risk: RiskProfile) -> CommandResult<Scores> {
    Ok(score(&risk))
}

/// Archives (retires) or restores a provider, dating a retirement with the app's own date.
pub fn set_provider_status(app: &AppHandle, id: ProviderId, status: Status) -> CommandResult<()> {
    with_register(app, |r| Ok(r.set_status_on(id, status, clock::today())?))
}

pub fn delete_provider(app: &AppHandle, id: ProviderId) -> CommandResult<()> {
    with_register(app, |r| Ok(r.delete_provider(id)?))
}

pub fn confirm_provider_unchanged(app: &AppHandle, id: ProviderId) -> CommandResult<ProviderDetail> {
    with_register(app, |r| {
        let provider = r.confirm_unchanged(id, clock::today(), None)?;
        detail(r, provider)
    })
}

pub fn load_demo(app: &AppHandle) -> CommandResult<()> {
    with_register(app, |r| Ok(lifeboat::demo::load(r, clock::today())?))
}

pub fn dismiss_demo(app: &AppHandle) -> CommandResult<()> {
    with_register(app, |r| {
        let mut settings = r.settings()?;
        settings.demo_offer_answered = true;
        Ok(r.save_settings(&settings)?)
    })
}
