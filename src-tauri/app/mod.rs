//! The desktop shell: window, menu, native dialogs and the commands the UI calls. Everything
//! else lives in modules that know nothing of Tauri.

mod commands;
mod error;
mod menu;
mod review_commands;
mod state;
mod worksheet_commands;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, WebviewUrl, WebviewWindowBuilder};

pub use error::CommandError;
use state::{file_name, AppState};

/// What the toast area shows after a menu action.
#[derive(Clone, Serialize)]
struct Notice {
    kind: &'static str,
    message: String,
}

fn notify(app: &AppHandle, kind: &'static str, message: impl Into<String>) {
    let _ = app.emit("notice", Notice { kind, message: message.into() });
}

fn title(path: &Path) -> String {
    format!("{} — Lifeboat", file_name(path))
}

/// Switches the window to the register at `path`; the current one stays open if that fails.
fn switch_register(app: &AppHandle, path: PathBuf) {
    match crate::storage::Register::open(&path) {
        Ok(register) => {
            {
                let state = app.state::<AppState>();
                let mut session = state.session();
                session.register = Some(register);
                session.path = path.clone();
                session.open_error = None;
            }
            app.state::<worksheet_commands::WorksheetSession>().forget_import();
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_title(&title(&path));
            }
            let _ = app.emit("register-changed", ());
            notify(app, "success", format!("Opened {}", path.display()));
        }
        Err(e) => notify(app, "error", e.to_string()),
    }
}

pub fn run(register_path: PathBuf) {
    let state = AppState::open(&register_path);
    let mut builder = tauri::Builder::default();
    // The single-instance plugin talks over the D-Bus session bus; without one (a bare test
    // machine, a minimal session) the app still runs, just without focusing a running copy.
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
        builder = builder.plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }));
    }
    builder
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(worksheet_commands::WorksheetSession::default())
        .invoke_handler(tauri::generate_handler![
            menu::open_register,
            commands::register_info,
            commands::list_register,
            commands::get_provider,
            commands::new_provider_draft,
            commands::create_provider,
            commands::update_provider,
            commands::score_risk,
            commands::set_provider_status,
            commands::delete_provider,
            commands::confirm_unchanged,
            commands::catalogue,
            commands::load_demo,
            commands::dismiss_demo,
            review_commands::review_overview,
            review_commands::list_reviews,
            review_commands::start_review,
            review_commands::update_review,
            review_commands::review_items,
            review_commands::review_confirm,
            review_commands::review_assess,
            review_commands::review_note,
            review_commands::close_review,
            review_commands::review_summary,
            review_commands::changes_since_previous_review,
            review_commands::compare_reviews,
            review_commands::provider_trend,
            review_commands::renewal_watch,
            review_commands::provider_contract,
            review_commands::get_settings,
            review_commands::save_settings,
            review_commands::add_failure_mode,
            review_commands::rename_failure_mode,
            review_commands::set_failure_mode_retired,
            worksheet_commands::export_pdf,
            worksheet_commands::export_csv,
            worksheet_commands::choose_import,
            worksheet_commands::choose_import_folder,
            worksheet_commands::apply_import,
        ])
        .setup(move |app| {
            let handle = app.handle();
            handle.set_menu(menu::build(handle)?)?;
            handle.on_menu_event(menu::handle);
            WebviewWindowBuilder::new(app, "main", WebviewUrl::App("index.html".into()))
                .title(title(&register_path))
                .inner_size(1320.0, 860.0)
                .min_inner_size(960.0, 600.0)
                .build()?;
            Ok(())
        })
        .run(tauri::generate_context!("tauri.conf.json"))
        .expect("the Lifeboat window could not be started");
}
