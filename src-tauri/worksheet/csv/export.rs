//! Writes the register as three CSV files: providers, their current scenarios, and every snapshot.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::headers::Field;
use super::inert::protect;
use super::{HISTORY_CSV, PROVIDERS_CSV, SCENARIOS_CSV};
use crate::domain::cadence::DueState;
use crate::domain::history::{Direction, Snapshot};
use crate::domain::ids::ProviderId;
use crate::domain::provider::{Alternative, Provider, RiskProfile};
use crate::domain::register::RegisterRow;
use crate::domain::scoring::{scenario_score, score, Level};
use crate::storage::Register;
use crate::worksheet::{Result, WorksheetError};

#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start each file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
    pub bom: bool,
}

const PROFILE_FIELDS: [Field; 15] = [
    Field::Name,
    Field::Category,
    Field::ValueProvided,
    Field::Owner,
    Field::Tier,
    Field::Status,
    Field::AnnualSpend,
    Field::Currency,
    Field::RenewalDate,
    Field::NoticePeriodDays,
    Field::DataHeld,
    Field::Website,
    Field::StatusPage,
    Field::Notes,
    Field::CreatedOn,
];

/// The risk-profile fields beside the scenarios, shared by providers.csv and history.csv.
const RISK_FIELDS: [Field; 9] = [
    Field::LockIn,
    Field::LockInReasons,
    Field::Alternatives,
    Field::ReplacementEffort,
    Field::PersonWeeks,
    Field::EmergencySwitchHours,
    Field::ExitStrategy,
    Field::ExitPlan,
    Field::LastRehearsed,
];

const PROVIDER_SCORES: [&str; 10] = [
    "Inherent risk",
    "Inherent level",
    "Driven by",
    "Escape difficulty",
    "Exposure",
    "Exposure level",
    "Trend",
    "Last assessed",
    "Next review",
    "Review status",
];

const SCENARIO_FIELDS: [Field; 3] = [Field::FailureMode, Field::Likelihood, Field::Impact];

/// Writes providers.csv, scenarios.csv and history.csv into `dir` (created if missing), all
/// three or none. Returns the files written.
pub fn export(register: &Register, dir: &Path, options: CsvOptions, today: NaiveDate) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Err(WorksheetError::Target(format!("{} is a file; give a folder for the CSV export.", dir.display())));
    }
    std::fs::create_dir_all(dir).map_err(|e| WorksheetError::io(dir, e))?;
    let (providers, rows) = register.providers_and_rows(today)?;
    let snapshots = register.all_snapshots()?;
    let contents = [
        (PROVIDERS_CSV, providers_csv(&providers, &rows, options)?),
        (SCENARIOS_CSV, scenarios_csv(&providers, options)?),
        (HISTORY_CSV, history_csv(&providers, &snapshots, options)?),
        (super::REVIEWS_CSV, super::reviews::reviews_csv(register, options.bom)?),
    ];
    let files: Vec<(PathBuf, &[u8])> = contents.iter().map(|(name, bytes)| (dir.join(name), bytes.as_slice())).collect();
    crate::worksheet::write_all_atomically(&files)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

fn writer(options: CsvOptions) -> csv::Writer<Vec<u8>> {
    let mut out = Vec::with_capacity(64 * 1024);
    if options.bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out)
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>> {
    w.into_inner().map_err(|e| WorksheetError::Target(format!("CSV could not be written: {}", e.error())))
}

fn csv_err(e: csv::Error) -> WorksheetError {
    WorksheetError::Target(format!("CSV could not be written: {e}"))
}

/// One output row; every cell passes through `protect` so no cell is a live formula.
struct Line(Vec<String>);

impl Line {
    fn new() -> Line {
        Line(Vec::with_capacity(40))
    }

    fn cell(&mut self, s: impl AsRef<str>) -> &mut Line {
        self.0.push(protect(s.as_ref()).into_owned());
        self
    }

    fn write(&self, w: &mut csv::Writer<Vec<u8>>) -> Result<()> {
        w.write_record(&self.0).map_err(csv_err)
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

pub(super) fn alternatives_cell(alternatives: &[Alternative]) -> String {
    alternatives.iter().map(|a| format!("{} ({})", a.name, a.readiness.label())).collect::<Vec<_>>().join("\n")
}

fn risk_cells(line: &mut Line, risk: &RiskProfile) {
    line.cell(risk.lock_in.level.to_string())
        .cell(&risk.lock_in.reasons)
        .cell(alternatives_cell(&risk.alternatives))
        .cell(risk.replacement.effort.to_string())
        .cell(opt(risk.replacement.person_weeks))
        .cell(opt(risk.replacement.emergency_switch_hours))
        .cell(risk.exit.strategy.label())
        .cell(&risk.exit.plan)
        .cell(opt(risk.exit.last_rehearsed));
}

fn header(fields: &[Field], extra: &[&str]) -> Line {
    let mut line = Line::new();
    for f in fields {
        line.cell(f.header());
    }
    for e in extra {
        line.cell(e);
    }
    line
}

fn direction_word(d: Direction) -> &'static str {
    match d {
        Direction::New => "new",
        Direction::Up => "rising",
        Direction::Down => "falling",
        Direction::Flat => "steady",
    }
}

fn due_word(d: DueState) -> &'static str {
    match d {
        DueState::Overdue => "Overdue",
        DueState::Due => "Due",
        DueState::DueSoon => "Due soon",
        DueState::Current => "Current",
    }
}

pub fn providers_csv(providers: &[Provider], rows: &[RegisterRow], options: CsvOptions) -> Result<Vec<u8>> {
    let mut w = writer(options);
    let mut head = header(&PROFILE_FIELDS, &[]);
    for f in RISK_FIELDS {
        head.cell(f.header());
    }
    for s in PROVIDER_SCORES {
        head.cell(s);
    }
    head.write(&mut w)?;
    for (p, row) in providers.iter().zip(rows) {
        let profile = &p.profile;
        let scores = score(&p.risk);
        let mut line = Line::new();
        line.cell(&profile.name)
            .cell(profile.category.label())
            .cell(&profile.value_provided)
            .cell(&profile.owner)
            .cell(profile.tier.to_string())
            .cell(profile.status.label())
            .cell(opt(profile.annual_spend))
            .cell(&profile.currency)
            .cell(opt(profile.renewal_date))
            .cell(opt(profile.notice_period_days))
            .cell(profile.data_held.label())
            .cell(&profile.website)
            .cell(&profile.status_page)
            .cell(&profile.notes)
            .cell(p.created_on.to_string());
        risk_cells(&mut line, &p.risk);
        line.cell(opt(scores.inherent))
            .cell(Level::label_of(scores.inherent_level))
            .cell(scores.drivers.join("\n"))
            .cell(scores.escape_difficulty.to_string())
            .cell(exposure_cell(scores.exposure))
            .cell(Level::label_of(scores.exposure_level))
            .cell(direction_word(row.direction))
            .cell(row.last_assessed.to_string())
            .cell(row.next_review.to_string())
            .cell(due_word(row.due));
        line.write(&mut w)?;
    }
    finish(w)
}

/// One decimal, or an empty cell while Not assessed.
fn exposure_cell(exposure: Option<f64>) -> String {
    exposure.map_or_else(String::new, |e| format!("{e:.1}"))
}

/// An unscored failure mode leaves its likelihood, impact and score empty and reads "Not assessed".
fn scenario_cells(line: &mut Line, mode: &str, likelihood: Option<u8>, impact: Option<u8>, note: &str) {
    let figure = likelihood.zip(impact).map(|(l, i)| scenario_score(l, i));
    line.cell(mode)
        .cell(opt(likelihood))
        .cell(opt(impact))
        .cell(opt(figure))
        .cell(Level::label_of(figure.map(|f| Level::of(f as f64))))
        .cell(note);
}

pub fn scenarios_csv(providers: &[Provider], options: CsvOptions) -> Result<Vec<u8>> {
    let mut w = writer(options);
    let mut head = header(&[Field::Name], &[]);
    for f in SCENARIO_FIELDS {
        head.cell(f.header());
    }
    head.cell("Score").cell("Level").cell(Field::ScenarioNote.header());
    head.write(&mut w)?;
    for p in providers {
        for s in &p.risk.scenarios {
            let mut line = Line::new();
            line.cell(&p.profile.name);
            scenario_cells(&mut line, &s.mode, s.likelihood, s.impact, &s.note);
            line.write(&mut w)?;
        }
    }
    finish(w)
}

/// One row per snapshot × failure mode; a snapshot with no failure mode still gets one row (with
/// the failure-mode cells empty) so that it is not lost.
pub fn history_csv(providers: &[Provider], snapshots: &[Snapshot], options: CsvOptions) -> Result<Vec<u8>> {
    let mut w = writer(options);
    let mut head = header(&[Field::Name, Field::AssessedOn], &[]);
    for f in SCENARIO_FIELDS {
        head.cell(f.header());
    }
    head.cell("Score").cell("Level").cell(Field::ScenarioNote.header());
    for f in RISK_FIELDS {
        head.cell(f.header());
    }
    head.cell("Inherent risk").cell("Exposure");
    head.write(&mut w)?;
    let names: std::collections::HashMap<ProviderId, &str> = providers.iter().map(|p| (p.id, p.profile.name.as_str())).collect();
    for snap in snapshots {
        let Some(name) = names.get(&snap.provider_id) else { continue };
        let scores = score(&snap.risk);
        let write_row = |w: &mut csv::Writer<Vec<u8>>, scenario: Option<&crate::domain::provider::Scenario>| -> Result<()> {
            let mut line = Line::new();
            line.cell(name).cell(snap.taken_on.to_string());
            match scenario {
                Some(s) => scenario_cells(&mut line, &s.mode, s.likelihood, s.impact, &s.note),
                None => {
                    for _ in 0..6 {
                        line.cell("");
                    }
                }
            }
            risk_cells(&mut line, &snap.risk);
            line.cell(opt(scores.inherent)).cell(exposure_cell(scores.exposure));
            line.write(w)
        };
        if snap.risk.scenarios.is_empty() {
            write_row(&mut w, None)?;
        }
        for s in &snap.risk.scenarios {
            write_row(&mut w, Some(s))?;
        }
    }
    finish(w)
}
