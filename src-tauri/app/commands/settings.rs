//! The Settings page: organisation, review cadence and the failure-mode catalogue.

use tauri::AppHandle;

use crate::app::error::CommandResult;
use crate::app::state::with_register;
use lifeboat::domain::cadence::Cadence;
use lifeboat::domain::evidence::readiness::DrillCadence;
use lifeboat::domain::ids::FailureModeId;
use lifeboat::domain::provider::FailureMode;
use lifeboat::storage::Settings;

pub fn get_settings(app: &AppHandle) -> CommandResult<Settings> {
    with_register(app, |r| Ok(r.settings()?))
}

pub fn save_settings(
    app: &AppHandle,
    organisation: String,
    currency: String,
    cadence: Cadence,
    drill_cadence: DrillCadence,
) -> CommandResult<Settings> {
    with_register(app, |r| Ok(r.update_settings(&organisation, &currency, &cadence, &drill_cadence)?))
}

pub fn list_failure_modes(app: &AppHandle) -> CommandResult<Vec<FailureMode>> {
    with_register(app, |r| Ok(r.catalogue()?))
}

pub fn add_failure_mode(app: &AppHandle, name: String, description: String) -> CommandResult<FailureMode> {
    with_register(app, |r| Ok(r.add_failure_mode(&name, &description)?))
}

pub fn rename_failure_mode(app: &AppHandle, id: FailureModeId, name: String, description: String) -> CommandResult<FailureMode> {
    with_register(app, |r| Ok(r.rename_failure_mode(id, &name, &description)?))
}

pub fn set_failure_mode_retired(app: &AppHandle, id: FailureModeId, retired: bool) -> CommandResult<FailureMode> {
    with_register(app, |r| Ok(r.set_failure_mode_retired(id, retired)?))
}
