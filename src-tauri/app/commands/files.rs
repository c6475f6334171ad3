//! File > Open register… and Save a copy…: which register file the window shows.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::app::commands::worksheet::WorksheetSession;
use crate::app::error::CommandResult;
use crate::app::events::{notify, NoticeKind, RegisterChanged};
use crate::app::ipc::emit;
use crate::app::state::{file_name, AppState};
use lifeboat::storage::Register;

const REGISTER_EXTENSIONS: &[&str] = &["lifeboat", "db", "sqlite", "sqlite3"];

pub fn title(path: &Path) -> String {
    format!("{} — Lifeboat", file_name(path))
}

/// File > Open register…, once the UI has agreed to leave the page it shows.
pub async fn open_register(app: AppHandle) -> CommandResult<()> {
    let picked = app.dialog().file().set_title("Open register").add_filter("Lifeboat register", REGISTER_EXTENSIONS).blocking_pick_file();
    if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
        switch_register(&app, path);
    }
    Ok(())
}

/// Switches the window to the register at `path`; the current one stays open if that fails.
fn switch_register(app: &AppHandle, path: PathBuf) {
    match Register::open(&path) {
        Ok(register) => {
            {
                let state = app.state::<AppState>();
                let mut session = state.session();
                session.register = Some(register);
                session.path.clone_from(&path);
                session.open_error = None;
            }
            app.state::<WorksheetSession>().forget_import();
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_title(&title(&path));
            }
            emit(app, RegisterChanged);
            notify(app, NoticeKind::Success, format!("Opened {}", path.display()));
        }
        Err(e) => notify(app, NoticeKind::Error, e.to_string()),
    }
}

/// File > Save a copy…: straight from the menu, as it leaves the page on screen as it is.
pub fn save_copy(app: &AppHandle) {
    let handle = app.clone();
    let suggested = {
        let state = app.state::<AppState>();
        let session = state.session();
        let stem = session.path.file_stem().map_or_else(|| "register".into(), |s| s.to_string_lossy().into_owned());
        format!("{stem} copy.lifeboat")
    };
    app.dialog()
        .file()
        .set_title("Save a copy of the register")
        .set_file_name(suggested)
        .add_filter("Lifeboat register", REGISTER_EXTENSIONS)
        .save_file(move |picked| {
            let Some(dest) = picked.and_then(|p| p.into_path().ok()) else { return };
            let state = handle.state::<AppState>();
            let session = state.session();
            let outcome = match &session.register {
                Some(register) => register.save_copy(&dest).map_err(|e| e.to_string()),
                None => Err("No register is open.".to_string()),
            };
            drop(session);
            match outcome {
                Ok(()) => notify(&handle, NoticeKind::Success, format!("Saved a copy to {}", dest.display())),
                Err(message) => notify(&handle, NoticeKind::Error, message),
            }
        });
}
