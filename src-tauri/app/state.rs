//! The open register, shared by every command.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tauri::{AppHandle, Manager};

use super::error::{CommandError, CommandResult};
use lifeboat::error_kind::ErrorKind;
use lifeboat::storage::Register;

/// The open register, or why none is open (the window still shows, with the reason).
pub struct Session {
    pub register: Option<Register>,
    pub path: PathBuf,
    pub open_error: Option<String>,
}

pub struct AppState(pub Mutex<Session>);

impl AppState {
    pub fn open(path: &Path) -> AppState {
        let (register, open_error) = match Register::open(path) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.to_string())),
        };
        AppState(Mutex::new(Session { register, path: path.to_path_buf(), open_error }))
    }

    pub fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while holding the lock cannot leave the register half-written (SQLite
        // transactions roll back), so the session stays usable.
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Runs `work` on the open register.
    pub fn with<T>(&self, work: impl FnOnce(&mut Register) -> CommandResult<T>) -> CommandResult<T> {
        let mut session = self.session();
        match session.register.as_mut() {
            Some(register) => work(register),
            None => {
                Err(CommandError::new(ErrorKind::NoRegister, session.open_error.clone().unwrap_or_else(|| "No register is open.".into())))
            }
        }
    }
}

/// Runs `work` on the app's open register.
pub fn with_register<T>(app: &AppHandle, work: impl FnOnce(&mut Register) -> CommandResult<T>) -> CommandResult<T> {
    app.state::<AppState>().with(work)
}

pub fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}
