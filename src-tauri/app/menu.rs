//! The File menu.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Wry};

use super::commands::files::save_copy;
use super::events::MenuAction;
use super::ipc::emit;

const SAVE_COPY: &str = "save-copy";

pub fn build(app: &AppHandle) -> tauri::Result<Menu<Wry>> {
    let item = |action: MenuAction, label: &str, accelerator: &str| {
        MenuItemBuilder::with_id(action.id(), label).accelerator(accelerator).build(app)
    };
    let open = item(MenuAction::OpenRegister, "Open register…", "CmdOrCtrl+O")?;
    let save_copy = MenuItemBuilder::with_id(SAVE_COPY, "Save a copy…").accelerator("CmdOrCtrl+Shift+S").build(app)?;
    let export_pdf = item(MenuAction::ExportPdf, "Export worksheet (PDF)…", "CmdOrCtrl+P")?;
    let export_csv = item(MenuAction::ExportCsv, "Export CSV…", "CmdOrCtrl+E")?;
    let export_xlsx = item(MenuAction::ExportXlsx, "Export Excel workbook…", "CmdOrCtrl+Shift+E")?;
    let import = item(MenuAction::Import, "Import CSV…", "CmdOrCtrl+I")?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&open)
        .item(&save_copy)
        .separator()
        .item(&export_pdf)
        .item(&export_csv)
        .item(&export_xlsx)
        .item(&import)
        .separator()
        .quit()
        .build()?;
    MenuBuilder::new(app).item(&file).build()
}

pub fn handle(app: &AppHandle, event: MenuEvent) {
    let id = event.id().as_ref();
    if id == SAVE_COPY {
        save_copy(app);
    } else if let Some(action) = MenuAction::from_id(id) {
        // The page on screen may hold unsaved edits: the UI asks first, then calls the command.
        emit(app, action);
    }
}
