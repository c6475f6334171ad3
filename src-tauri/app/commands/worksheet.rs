//! Export and import of the worksheet through native dialogs.
//!
//! Rust opens the dialogs, reads and writes the files; the UI only chooses options, shows the
//! stage an export is at, the import preview and the outcome. The UI never names a path: an
//! import applies only the file or folder the user last chose in the native dialog.
//!
//! The commands are async so the dialogs and the rendering run off the main thread and the window
//! stays responsive; the register lock is held only while the register is read or written.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use tauri::{AppHandle, Manager, Wry};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath, MessageDialogButtons, MessageDialogKind};
use ts_rs::TS;

use crate::app::error::{CommandError, CommandResult};
use crate::app::events::RegisterChanged;
use crate::app::ipc::emit;
use crate::app::state::{with_register, AppState};
use lifeboat::clock;
use lifeboat::error_kind::ErrorKind;
use lifeboat::worksheet::csv::{self, CsvOptions, HISTORY_CSV, PROVIDERS_CSV, SCENARIOS_CSV};
use lifeboat::worksheet::import::{self, ImportOptions, ImportPreview};
use lifeboat::worksheet::{pdf, xlsx, Paper, WorksheetInput};

/// What the worksheet dialogs remember during a session.
#[derive(Default)]
pub struct WorksheetSession {
    /// The file or folder chosen in the last import dialog; `apply_import` takes nothing else.
    pending_import: Mutex<Option<PathBuf>>,
    /// The tables read by the last preview, so previewing again and applying read the file only
    /// when it changed.
    import_reads: Mutex<import::ReadCache>,
    /// The status-page export chosen in the last dialog; `apply_status_page` takes nothing else.
    pub(crate) pending_status_page: Mutex<Option<PathBuf>>,
    /// Where the last export or import was, so the next dialog starts there.
    last_dir: Mutex<Option<PathBuf>>,
}

impl WorksheetSession {
    /// A preview belongs to the register it was made against; another register forgets it.
    pub fn forget_import(&self) {
        *self.pending_import.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        self.reads().forget();
        *self.pending_status_page.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    }

    fn reads(&self) -> std::sync::MutexGuard<'_, import::ReadCache> {
        self.import_reads.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn remember(&self, path: &Path, is_dir: bool) {
        let dir = if is_dir { Some(path) } else { path.parent() };
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            *self.last_dir.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(dir.to_path_buf());
        }
    }

    /// The last folder used, else Documents, else home: GTK would otherwise open on "Recent".
    fn start_dir(&self, app: &AppHandle) -> Option<PathBuf> {
        let last = self.last_dir.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
        last.or_else(|| app.path().document_dir().ok().filter(|d| d.is_dir())).or_else(|| app.path().home_dir().ok().filter(|d| d.is_dir()))
    }
}

/// What an export is doing now, sent as `export-progress`. The worksheet reports no finer steps,
/// so there are stages, never a percentage.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExportProgress {
    pub stage: String,
}

/// A file or folder chosen for import and what importing it would do. Nothing is written yet.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ImportChoice {
    pub path: String,
    pub preview: ImportPreview,
}

fn progress(app: &AppHandle, stage: &str) {
    emit(app, ExportProgress { stage: stage.into() });
}

/// A file dialog in front of the register window, starting where the last one left off.
pub(crate) fn dialog(app: &AppHandle, session: &WorksheetSession, title: &str) -> FileDialogBuilder<Wry> {
    let mut builder = app.dialog().file().set_title(title);
    if let Some(dir) = session.start_dir(app) {
        builder = builder.set_directory(dir);
    }
    match app.get_webview_window("main") {
        Some(window) => builder.set_parent(&window),
        None => builder,
    }
}

pub(crate) fn picked(choice: Option<FilePath>) -> CommandResult<Option<PathBuf>> {
    choice
        .map(|p| p.into_path().map_err(|e| CommandError::new(ErrorKind::Io, format!("The chosen location cannot be used: {e}"))))
        .transpose()
}

/// Refuses before any dialog opens when no register is open.
pub(crate) fn require_register(app: &AppHandle) -> CommandResult<()> {
    with_register(app, |_| Ok(()))
}

/// The start of suggested file names: the organisation, else the register's file name. Keeps
/// only what every file system accepts.
fn name_stem(app: &AppHandle) -> CommandResult<String> {
    let organisation = with_register(app, |r| Ok(r.settings()?.organisation))?;
    let register_stem = app.state::<AppState>().session().path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(file_stem(&organisation, &register_stem))
}

fn file_stem(organisation: &str, register_stem: &str) -> String {
    let source = if organisation.trim().is_empty() { register_stem } else { organisation };
    let cleaned: String = source
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let cleaned: String = cleaned.chars().take(60).collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        "Lifeboat".into()
    } else {
        cleaned.into()
    }
}

/// GTK's save dialog does not add the extension of the chosen filter, so a bare name gets
/// `extension`. If that would silently replace a file the dialog never asked about, the export is
/// refused.
fn with_extension(chosen: PathBuf, extension: &str) -> CommandResult<PathBuf> {
    if chosen.extension().is_some() {
        return Ok(chosen);
    }
    let completed = chosen.with_extension(extension);
    if completed.exists() {
        return Err(CommandError::new(
            ErrorKind::BadTarget,
            format!("{} already exists; choose it in the dialog to replace it, or give another name.", completed.display()),
        ));
    }
    Ok(completed)
}

/// Asks where to save one file of `kind` (its name and extension), suggesting `file_name`; the
/// extension is added when the user left it off. `None` if the user cancelled.
fn save_path(
    app: &AppHandle,
    session: &WorksheetSession,
    title: &str,
    kind: (&str, &str),
    file_name: String,
) -> CommandResult<Option<PathBuf>> {
    let (name, extension) = kind;
    let chosen = dialog(app, session, title).add_filter(name, &[extension]).set_file_name(file_name).blocking_save_file();
    let Some(path) = picked(chosen)? else { return Ok(None) };
    let path = with_extension(path, extension)?;
    session.remember(&path, false);
    Ok(Some(path))
}

/// Asks for a file name, then writes the PDF worksheet there. `None` if the user cancelled.
pub async fn export_pdf(app: AppHandle, paper: Paper) -> CommandResult<Option<String>> {
    let session = app.state::<WorksheetSession>();
    let today = clock::today();
    let stem = name_stem(&app)?;
    let file_name = format!("{stem} worksheet {today}.pdf");
    let Some(path) = save_path(&app, &session, "Export the worksheet as PDF", ("PDF document", "pdf"), file_name)? else { return Ok(None) };
    if path.is_dir() {
        return Err(CommandError::new(ErrorKind::BadTarget, format!("{} is a folder; give a file name for the PDF.", path.display())));
    }
    progress(&app, "Reading the register");
    let input = with_register(&app, |r| {
        if r.is_own_file(&path) {
            return Err(CommandError::new(ErrorKind::BadTarget, "The PDF cannot replace the open register; choose another name."));
        }
        Ok(WorksheetInput::from_register(r, today)?)
    })?;
    progress(&app, "Drawing the pages");
    // The rendering takes a while on a long register; other commands go on meanwhile.
    let written = path.clone();
    tauri::async_runtime::spawn_blocking(move || -> CommandResult<()> { Ok(pdf::save(&input, paper, &written)?) })
        .await
        .map_err(|e| CommandError::new(ErrorKind::Pdf, format!("The PDF could not be produced: {e}")))??;
    Ok(Some(path.display().to_string()))
}

/// Asks for a file name, then writes the register there as one Excel workbook. `None` if the user
/// cancelled.
pub async fn export_xlsx(app: AppHandle) -> CommandResult<Option<String>> {
    let session = app.state::<WorksheetSession>();
    let today = clock::today();
    let stem = name_stem(&app)?;
    let file_name = format!("{stem} register {today}.xlsx");
    let Some(path) = save_path(&app, &session, "Export the register as an Excel workbook", ("Excel workbook", "xlsx"), file_name)? else {
        return Ok(None);
    };
    progress(&app, "Writing the workbook");
    // Off the async runtime: a long history takes a while, and the workbook reads it from the
    // register as it writes it (so the register stays locked until the workbook is written).
    let (worker, written) = (app.clone(), path.clone());
    tauri::async_runtime::spawn_blocking(move || with_register(&worker, |r| Ok(xlsx::export(r, &written, today)?)))
        .await
        .map_err(|e| CommandError::new(ErrorKind::Io, format!("The workbook could not be written: {e}")))??;
    Ok(Some(path.display().to_string()))
}

/// Asks for a folder, then writes providers.csv, scenarios.csv and history.csv into it, after
/// asking before replacing any of them. Returns the folder, `None` if the user cancelled.
pub async fn export_csv(app: AppHandle, bom: bool) -> CommandResult<Option<String>> {
    let session = app.state::<WorksheetSession>();
    require_register(&app)?;
    let chosen = dialog(&app, &session, "Choose a folder for the CSV files").blocking_pick_folder();
    let Some(dir) = picked(chosen)? else { return Ok(None) };
    session.remember(&dir, true);
    let existing: Vec<&str> = [PROVIDERS_CSV, SCENARIOS_CSV, HISTORY_CSV].into_iter().filter(|f| dir.join(f).exists()).collect();
    if !existing.is_empty() {
        let replace = app
            .dialog()
            .message(format!(
                "{} already has {}. Replace {} with this export?",
                dir.display(),
                and_list(&existing),
                if existing.len() == 1 { "it" } else { "them" }
            ))
            .title("Replace the existing CSV files?")
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom("Replace".into(), "Cancel".into()))
            .blocking_show();
        if !replace {
            return Ok(None);
        }
    }
    progress(&app, "Writing the CSV files");
    let today = clock::today();
    with_register(&app, |r| Ok(csv::export(r, &dir, CsvOptions { bom }, today)?))?;
    Ok(Some(dir.display().to_string()))
}

/// Set by the end-to-end tests to the file an import dialog would return: the preview and
/// everything after it stay real, only GTK's file chooser (which WebDriver cannot reach) is
/// skipped.
const E2E_IMPORT_FILE: &str = "LIFEBOAT_E2E_IMPORT_FILE";

/// The file the end-to-end tests chose in place of an import dialog, if they did.
pub(super) fn e2e_import_file() -> Option<PathBuf> {
    std::env::var_os(E2E_IMPORT_FILE).map(PathBuf::from)
}

/// Asks for a spreadsheet (CSV, Excel or OpenDocument; a Lifeboat export or a hand-kept sheet)
/// and previews its import.
pub async fn choose_import_file(app: AppHandle) -> CommandResult<Option<ImportChoice>> {
    let session = app.state::<WorksheetSession>();
    require_register(&app)?;
    if let Some(path) = e2e_import_file() {
        return preview_choice(&app, &session, Some(path), &ImportOptions::default());
    }
    let chosen = dialog(&app, &session, "Import a spreadsheet")
        .add_filter("Spreadsheet (CSV, Excel, OpenDocument)", &["csv", "CSV", "xlsx", "XLSX", "xlsm", "ods", "ODS"])
        .blocking_pick_file();
    preview_choice(&app, &session, picked(chosen)?, &ImportOptions::default())
}

/// Asks for a folder exported by Lifeboat (providers.csv, scenarios.csv, history.csv) and
/// previews its import.
pub async fn choose_import_folder(app: AppHandle) -> CommandResult<Option<ImportChoice>> {
    let session = app.state::<WorksheetSession>();
    require_register(&app)?;
    let chosen = dialog(&app, &session, "Import a Lifeboat export folder").blocking_pick_folder();
    preview_choice(&app, &session, picked(chosen)?, &ImportOptions::default())
}

/// Previews the chosen file again with another sheet or other column readings.
pub async fn preview_import(app: AppHandle, path: String, options: ImportOptions) -> CommandResult<ImportChoice> {
    let session = app.state::<WorksheetSession>();
    let path = previewed(&session, &path)?;
    preview_choice(&app, &session, Some(path), &options)?
        .ok_or_else(|| CommandError::new(ErrorKind::BadTarget, "Choose the file to import again."))
}

/// The dry run: reads and checks the files against the register, writes nothing.
fn preview_choice(
    app: &AppHandle,
    session: &WorksheetSession,
    path: Option<PathBuf>,
    options: &ImportOptions,
) -> CommandResult<Option<ImportChoice>> {
    let Some(path) = path else { return Ok(None) };
    session.remember(&path, path.is_dir());
    let today = clock::today();
    let preview = with_register(app, |r| Ok(session.reads().preview(r, &path, options, today)?))?;
    *session.pending_import.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(path.clone());
    Ok(Some(ImportChoice { path: path.display().to_string(), preview }))
}

/// The file or folder previewed in this session, if `named` is it; the UI never names another.
fn previewed(session: &WorksheetSession, named: &str) -> CommandResult<PathBuf> {
    let chosen = session.pending_import.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
    match chosen {
        Some(chosen) if same_choice(&chosen, named) => Ok(chosen),
        _ => Err(CommandError::new(ErrorKind::BadTarget, "Choose the file to import again; only a file previewed here can be imported.")),
    }
}

/// Imports the file or folder previewed last, read as `options` say, all of it in one
/// transaction or nothing.
pub async fn apply_import(app: AppHandle, path: String, options: ImportOptions) -> CommandResult<ImportPreview> {
    let session = app.state::<WorksheetSession>();
    let path = previewed(&session, &path)?;
    let today = clock::today();
    let outcome = with_register(&app, |r| Ok(session.reads().apply(r, &path, &options, today)?))?;
    *session.pending_import.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
    emit(&app, RegisterChanged);
    Ok(outcome)
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

pub(crate) fn same_choice(chosen: &Path, named: &str) -> bool {
    chosen.display().to_string() == named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggested_names_use_the_organisation_and_survive_any_file_system() {
        assert_eq!(file_stem("Acme Software Ltd", "register"), "Acme Software Ltd");
        assert_eq!(file_stem("  ", "register"), "register");
        assert_eq!(file_stem("A/B: \"C\"\n", "x"), "A B C");
        assert_eq!(file_stem("..", ""), "Lifeboat");
        assert_eq!(file_stem("Zürich Société 株式会社", "x"), "Zürich Société 株式会社");
        assert_eq!(file_stem(&"x".repeat(200), "r").chars().count(), 60);
    }

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(and_list(&["providers.csv"]), "providers.csv");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn a_bare_name_gets_the_extension_but_never_replaces_a_file_unasked() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(with_extension(dir.path().join("w.PDF"), "pdf").unwrap(), dir.path().join("w.PDF"));
        assert_eq!(with_extension(dir.path().join("worksheet"), "pdf").unwrap(), dir.path().join("worksheet.pdf"));
        assert_eq!(with_extension(dir.path().join("register"), "xlsx").unwrap(), dir.path().join("register.xlsx"));
        std::fs::write(dir.path().join("worksheet.pdf"), b"old").unwrap();
        assert_eq!(with_extension(dir.path().join("worksheet"), "pdf").unwrap_err().kind, ErrorKind::BadTarget);
    }
}
