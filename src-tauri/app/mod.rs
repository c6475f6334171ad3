//! The desktop shell: window, menu, native dialogs and the commands the UI calls. This is the
//! only code that uses Tauri; everything it does is a call into lifeboat-core.

mod commands;
mod error;
mod events;
mod ipc;
mod menu;
mod painting;
mod state;

use std::path::PathBuf;

use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

use commands::files::title;
use commands::worksheet::WorksheetSession;
use state::AppState;

pub fn run(register_path: PathBuf) {
    painting::choose();
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
        .manage(WorksheetSession::default())
        .manage(commands::money::MoneyCache::default())
        .invoke_handler(ipc::handler())
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
