//! What the app tells the window unasked. Each payload's event name is declared in `ipc`.

use serde::Serialize;
use tauri::AppHandle;
use ts_rs::TS;

use super::ipc::emit;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NoticeKind {
    Success,
    Error,
}

/// What the toast area shows after a menu action.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: String,
}

/// The register on screen is another one now, or was changed behind the UI's back.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[ts(export)]
pub struct RegisterChanged;

/// A File menu item that the UI carries out, because the page on screen may hold unsaved edits
/// to ask about first, and the worksheet items open the same dialogs as its own buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
#[ts(export)]
pub enum MenuAction {
    OpenRegister,
    ExportPdf,
    ExportCsv,
    ExportXlsx,
    Import,
}

impl MenuAction {
    pub const ALL: [MenuAction; 5] =
        [MenuAction::OpenRegister, MenuAction::ExportPdf, MenuAction::ExportCsv, MenuAction::ExportXlsx, MenuAction::Import];

    /// The menu item's id: the same words the UI receives.
    pub fn id(self) -> &'static str {
        match self {
            MenuAction::OpenRegister => "open-register",
            MenuAction::ExportPdf => "export-pdf",
            MenuAction::ExportCsv => "export-csv",
            MenuAction::ExportXlsx => "export-xlsx",
            MenuAction::Import => "import",
        }
    }

    pub fn from_id(id: &str) -> Option<MenuAction> {
        MenuAction::ALL.into_iter().find(|a| a.id() == id)
    }
}

pub fn notify(app: &AppHandle, kind: NoticeKind, message: impl Into<String>) {
    emit(app, Notice { kind, message: message.into() });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_ids_are_what_the_ui_receives() {
        for action in MenuAction::ALL {
            assert_eq!(serde_json::to_value(action).unwrap(), action.id());
            assert_eq!(MenuAction::from_id(action.id()), Some(action));
        }
    }
}
