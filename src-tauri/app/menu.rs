//! The File menu and what its items do through native dialogs.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Wry};
use tauri_plugin_dialog::DialogExt;

use super::state::AppState;
use super::{notify, switch_register};

const OPEN: &str = "open-register";
const SAVE_COPY: &str = "save-copy";
// The worksheet items go through the UI, which runs the same commands as its own buttons (with
// the options dialog, progress and import preview); the `menu` event carries the id.
const EXPORT_PDF: &str = "export-pdf";
const EXPORT_CSV: &str = "export-csv";
const IMPORT: &str = "import";

const REGISTER_EXTENSIONS: &[&str] = &["lifeboat", "db", "sqlite", "sqlite3"];

pub fn build(app: &AppHandle) -> tauri::Result<Menu<Wry>> {
    let open = MenuItemBuilder::with_id(OPEN, "Open register…").accelerator("CmdOrCtrl+O").build(app)?;
    let save_copy = MenuItemBuilder::with_id(SAVE_COPY, "Save a copy…").accelerator("CmdOrCtrl+Shift+S").build(app)?;
    let export_pdf = MenuItemBuilder::with_id(EXPORT_PDF, "Export worksheet (PDF)…").accelerator("CmdOrCtrl+P").build(app)?;
    let export_csv = MenuItemBuilder::with_id(EXPORT_CSV, "Export CSV…").accelerator("CmdOrCtrl+E").build(app)?;
    let import = MenuItemBuilder::with_id(IMPORT, "Import CSV…").accelerator("CmdOrCtrl+I").build(app)?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&open)
        .item(&save_copy)
        .separator()
        .item(&export_pdf)
        .item(&export_csv)
        .item(&import)
        .separator()
        .quit()
        .build()?;
    MenuBuilder::new(app).item(&file).build()
}

pub fn handle(app: &AppHandle, event: MenuEvent) {
    match event.id().as_ref() {
        SAVE_COPY => save_copy(app),
        // The page on screen may hold unsaved edits: the UI asks first, then calls the command.
        id @ (OPEN | EXPORT_PDF | EXPORT_CSV | IMPORT) => {
            let _ = app.emit("menu", id);
        }
        _ => {}
    }
}

/// File > Open register…, once the UI has agreed to leave the page it shows.
#[tauri::command]
pub async fn open_register(app: AppHandle) {
    let picked = app.dialog().file().set_title("Open register").add_filter("Lifeboat register", REGISTER_EXTENSIONS).blocking_pick_file();
    if let Some(path) = picked.and_then(|p| p.into_path().ok()) {
        switch_register(&app, path);
    }
}

fn save_copy(app: &AppHandle) {
    let handle = app.clone();
    let suggested = {
        let state = app.state::<AppState>();
        let session = state.session();
        let stem = session.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "register".into());
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
                Ok(()) => notify(&handle, "success", format!("Saved a copy to {}", dest.display())),
                Err(message) => notify(&handle, "error", message),
            }
        });
}
