//! The first step: find what `path` holds (a Lifeboat export folder, one CSV file, or a
//! workbook) and read its tables. Nothing is interpreted here beyond finding the header row.

use std::path::Path;

use super::csv_file::{self, MAX_HISTORY_BYTES, MAX_TABLE_BYTES};
use super::table::{Problems, Table};
use super::workbook::Workbook;
use crate::worksheet::csv::headers::Field;
use crate::worksheet::csv::{
    DEPENDENCIES_CSV, DRILLS_CSV, HISTORY_CSV, INCIDENTS_CSV, LOSS_CSV, PROVIDERS_CSV, REVIEWS_CSV, RUNS_ON_CSV, SCENARIOS_CSV,
    SERVICES_CSV,
};
use crate::worksheet::{ImportProblem, Result, WorksheetError};

/// The sheets of a workbook Lifeboat wrote, named as its export names them.
pub const PROVIDERS_SHEET: &str = "Providers";
pub const SCENARIOS_SHEET: &str = "Failure modes";
pub const HISTORY_SHEET: &str = "History";
pub const REVIEWS_SHEET: &str = "Reviews";
pub const INCIDENTS_SHEET: &str = "Incidents";
pub const DRILLS_SHEET: &str = "Drills";
pub const SERVICES_SHEET: &str = "Services";
pub const DEPENDENCIES_SHEET: &str = "Dependencies";
pub const RUNS_ON_SHEET: &str = "Runs on";
pub const MONEY_SHEET: &str = "Money";

/// A workbook is compressed and may hold the whole history (Lifeboat's own, for 5,000 providers
/// with a year of assessments, is about 42 MB), so it may be larger than one CSV table.
const MAX_WORKBOOK_BYTES: u64 = 128 * 1024 * 1024;

/// Everything read from the chosen file or folder.
#[derive(Debug, Default)]
pub struct Source {
    /// The files (and sheets) read, as problems name them.
    pub files: Vec<String>,
    /// A workbook's sheets, in the file's order; empty for CSV.
    pub sheets: Vec<String>,
    /// The sheet the providers were read from.
    pub sheet: Option<String>,
    /// One provider per row.
    pub providers: Option<Table>,
    /// One row per provider × failure mode, as Lifeboat exports it.
    pub scenarios: Option<Table>,
    /// One row per assessment × failure mode.
    pub history: Option<Table>,
    pub reviews: Option<Table>,
    /// One row per incident and per exit drill.
    pub incidents: Option<Table>,
    pub drills: Option<Table>,
    /// One row per service, per dependency and per runs-on link.
    pub services: Option<Table>,
    pub dependencies: Option<Table>,
    pub runs_on: Option<Table>,
    /// One row per provider × failure mode with its money inputs; only the overrides are read.
    pub loss: Option<Table>,
}

/// Reads `path`. `sheet` picks a workbook's sheet; without one, a workbook Lifeboat wrote is read
/// whole, and any other workbook from its first sheet.
pub fn read(path: &Path, sheet: Option<&str>, problems: &mut Problems) -> Result<Source> {
    let io = |e| WorksheetError::io(path, e);
    let display = path.display().to_string();
    if path.is_dir() {
        let file = |name: &str| Some(path.join(name)).filter(|p| p.is_file());
        let Some(providers) = file(PROVIDERS_CSV) else {
            problems
                .push(ImportProblem::file(&display, "The folder has no providers.csv; choose a Lifeboat export folder or a spreadsheet."));
            return Ok(Source::default());
        };
        let mut source = Source {
            providers: csv_file::read(&providers, PROVIDERS_CSV, MAX_TABLE_BYTES, problems).map_err(io)?,
            files: vec![PROVIDERS_CSV.into()],
            ..Source::default()
        };
        for (name, max, slot) in [
            (SCENARIOS_CSV, MAX_TABLE_BYTES, &mut source.scenarios),
            (HISTORY_CSV, MAX_HISTORY_BYTES, &mut source.history),
            (REVIEWS_CSV, MAX_TABLE_BYTES, &mut source.reviews),
            (INCIDENTS_CSV, MAX_TABLE_BYTES, &mut source.incidents),
            (DRILLS_CSV, MAX_TABLE_BYTES, &mut source.drills),
            (SERVICES_CSV, MAX_TABLE_BYTES, &mut source.services),
            (DEPENDENCIES_CSV, MAX_TABLE_BYTES, &mut source.dependencies),
            (RUNS_ON_CSV, MAX_TABLE_BYTES, &mut source.runs_on),
            (LOSS_CSV, MAX_TABLE_BYTES, &mut source.loss),
        ] {
            if let Some(p) = file(name) {
                *slot = csv_file::read(&p, name, max, problems).map_err(io)?;
                source.files.push(name.into());
            }
        }
        return Ok(source);
    }
    if !path.is_file() {
        problems.push(ImportProblem::file(&display, "There is no such file or folder."));
        return Ok(Source::default());
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(display);
    let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if !matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        let providers = csv_file::read(path, &name, MAX_TABLE_BYTES, problems).map_err(io)?;
        return Ok(Source { files: vec![name], providers, ..Source::default() });
    }
    if too_large(path, &name, MAX_WORKBOOK_BYTES, problems).map_err(io)? {
        return Ok(Source::default());
    }
    let Some(mut book) = Workbook::open(path, &name, problems) else { return Ok(Source::default()) };
    let is_header = |h: &str| Field::recognise(h) == Some(Field::Name);
    let mut source = Source { sheets: book.names.clone(), ..Source::default() };
    let written_by_lifeboat = book.has_sheet(PROVIDERS_SHEET) && book.has_sheet(SCENARIOS_SHEET);
    let chosen = match sheet {
        Some(s) if book.has_sheet(s) => s.to_string(),
        Some(s) => {
            problems
                .push(ImportProblem::file(&name, format!("The workbook has no sheet \"{s}\"; its sheets are {}.", book.names.join(", "))));
            return Ok(source);
        }
        None if written_by_lifeboat => PROVIDERS_SHEET.to_string(),
        None => book.names[0].clone(),
    };
    source.providers = book.table(&chosen, is_header, problems);
    source.files.push(format!("{name}, sheet {chosen}"));
    if written_by_lifeboat && chosen == PROVIDERS_SHEET {
        for (sheet_name, slot) in [
            (SCENARIOS_SHEET, &mut source.scenarios),
            (HISTORY_SHEET, &mut source.history),
            (REVIEWS_SHEET, &mut source.reviews),
            (INCIDENTS_SHEET, &mut source.incidents),
            (DRILLS_SHEET, &mut source.drills),
            (SERVICES_SHEET, &mut source.services),
            (DEPENDENCIES_SHEET, &mut source.dependencies),
            (RUNS_ON_SHEET, &mut source.runs_on),
            (MONEY_SHEET, &mut source.loss),
        ] {
            if book.has_sheet(sheet_name) {
                *slot = book.table(sheet_name, |_| true, problems);
                source.files.push(format!("{name}, sheet {sheet_name}"));
            }
        }
    }
    source.sheet = Some(chosen);
    Ok(source)
}

/// The files `read` reads for `path`: every table of an export folder (present or not), or the file.
pub fn files_read(path: &Path) -> Vec<std::path::PathBuf> {
    if path.is_dir() {
        crate::worksheet::table::TableName::ALL.iter().map(|name| path.join(name.csv_file())).collect()
    } else {
        vec![path.to_path_buf()]
    }
}

/// Whether the file is over `max` bytes, with a problem saying so: such files are refused unread.
fn too_large(path: &Path, name: &str, max: u64, problems: &mut Problems) -> std::io::Result<bool> {
    let size = std::fs::metadata(path)?.len();
    if size > max {
        problems.push(ImportProblem::file(
            name,
            format!(
                "The file is {:.1} MB; files over {} MB are refused. Split it, or import Lifeboat's own export folder.",
                size as f64 / 1_048_576.0,
                max / 1_048_576
            ),
        ));
    }
    Ok(size > max)
}

/// The bytes of a file, or `None` with a problem saying why they cannot be used.
pub fn load(path: &Path, name: &str, max: u64, problems: &mut Problems) -> std::io::Result<Option<Vec<u8>>> {
    if too_large(path, name, max, problems)? {
        return Ok(None);
    }
    let bytes = std::fs::read(path)?;
    let content = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    if content.iter().all(u8::is_ascii_whitespace) {
        problems.push(ImportProblem::file(name, "The file is empty; a header row is expected on row 1."));
        return Ok(None);
    }
    Ok(Some(bytes))
}
