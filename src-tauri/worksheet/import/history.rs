//! Part of the third step for Lifeboat's own export: the tables with a row per failure mode
//! (scenarios.csv, or the workbook's "Failure modes" sheet) and per assessment × failure mode
//! (history.csv, "History"), read into scenarios and dated assessments per provider.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cells;
use super::table::{Problems, Table, TableRow};
use crate::domain::ids::{FailureModeId, ProviderId};
use crate::domain::provider::{FailureMode, RiskProfile, Scenario};
use crate::domain::scales::{IMPACT, LIKELIHOOD};
use crate::domain::text::fold;
use crate::domain::validation::{IMPACT_NEEDED, LIKELIHOOD_NEEDED};
use crate::worksheet::csv::headers::Field;
use crate::worksheet::error::column_letters;
use crate::worksheet::{Cell, ImportProblem};

/// The columns of a table read by their headers alone (no remapping: Lifeboat wrote it).
pub struct FieldColumns<'t> {
    table: &'t Table,
    columns: HashMap<Field, usize>,
}

impl<'t> FieldColumns<'t> {
    /// The table's columns, or `None` (with the problems filed) when a required one is missing
    /// or a field is named twice.
    pub fn read(table: &'t Table, required: &[Field], problems: &mut Problems) -> Option<FieldColumns<'t>> {
        let mut columns = HashMap::new();
        let mut ok = true;
        for (i, header) in table.header.iter().enumerate() {
            match Field::recognise(header) {
                None | Some(Field::Computed) => {}
                Some(field) => {
                    if let Some(first) = columns.get(&field) {
                        ok = false;
                        let first = column_letters(*first as u32 + 1);
                        problems.push(table.problem(
                            table.header_row,
                            i,
                            format!("This column means the same as column {first}; keep only one of them."),
                        ));
                    } else {
                        columns.insert(field, i);
                    }
                }
            }
        }
        for field in required.iter().filter(|f| !columns.contains_key(f)) {
            ok = false;
            problems.push(ImportProblem::row(&table.file, table.header_row, format!("The header row has no {} column.", field.header())));
        }
        ok.then_some(FieldColumns { table, columns })
    }

    pub fn cell<'r>(&self, row: &'r TableRow, field: Field) -> &'r Cell<'static> {
        self.columns.get(&field).map(|&c| row.cell(c)).unwrap_or(&Cell::Empty)
    }

    /// The provider a row belongs to, or `None` with a problem when its name is empty.
    fn provider_name(&self, row: &TableRow, problems: &mut Problems) -> Option<String> {
        let name = self.cell(row, Field::Name).to_text().trim().to_string();
        if name.is_empty() {
            problems.push(self.problem(row, Field::Name, "The provider name is empty."));
            return None;
        }
        Some(name)
    }

    pub fn problem(&self, row: &TableRow, field: Field, message: impl Into<String>) -> ImportProblem {
        match self.columns.get(&field) {
            Some(&c) => self.table.problem(row.number, c, message),
            None => ImportProblem::row(&self.table.file, row.number, message),
        }
    }
}

/// The key providers are matched by: their name, trimmed and case-folded.
pub fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Resolves failure-mode names to catalogue entries; files repeat the same few on every row.
pub struct Modes<'c> {
    catalogue: &'c [FailureMode],
    folded: Vec<String>,
}

impl<'c> Modes<'c> {
    pub fn new(catalogue: &'c [FailureMode]) -> Modes<'c> {
        Modes { catalogue, folded: catalogue.iter().map(|m| fold(&m.name)).collect() }
    }

    pub fn id(&self, name: &str) -> Option<FailureModeId> {
        let wanted = fold(name);
        self.folded.iter().position(|f| *f == wanted).map(|i| self.catalogue[i].id)
    }
}

/// Two rows name the same failure mode: the same catalogue entry, or the same name folded.
pub fn same_mode(a: &Scenario, b: &Scenario) -> bool {
    match (a.mode_id, b.mode_id) {
        (Some(x), Some(y)) => x == y,
        _ => fold(&a.mode) == fold(&b.mode),
    }
}

/// A scenario row: failure mode, likelihood, impact and note.
fn scenario(columns: &FieldColumns, modes: &Modes, row: &TableRow, problems: &mut Problems) -> Option<Scenario> {
    let mode = columns.cell(row, Field::FailureMode).to_text().into_owned();
    if mode.trim().is_empty() {
        problems.push(columns.problem(row, Field::FailureMode, "The failure mode is empty."));
        return None;
    }
    let mut score = |field: Field, what: &str, words: &[&str]| match cells::scale(columns.cell(row, field), what, 5, words) {
        Ok((v, _)) => Some(v),
        Err(m) => {
            problems.push(columns.problem(row, field, m));
            None
        }
    };
    // Both cells empty is an unscored (Not assessed) failure mode; one without the other is a
    // problem at the empty cell, as the form refuses it.
    let filled = |field: Field| !columns.cell(row, field).is_blank();
    let (likelihood, impact) = match (filled(Field::Likelihood), filled(Field::Impact)) {
        (false, false) => (None, None),
        (true, false) => {
            problems.push(columns.problem(row, Field::Impact, IMPACT_NEEDED));
            return None;
        }
        (false, true) => {
            problems.push(columns.problem(row, Field::Likelihood, LIKELIHOOD_NEEDED));
            return None;
        }
        (true, true) => {
            let likelihood = score(Field::Likelihood, "Likelihood", &LIKELIHOOD);
            let impact = score(Field::Impact, "Impact", &IMPACT);
            (Some(likelihood?), Some(impact?))
        }
    };
    Some(Scenario {
        mode_id: modes.id(&mode),
        mode,
        likelihood,
        impact,
        note: columns.cell(row, Field::ScenarioNote).to_text().into_owned(),
    })
}

/// One provider's scenarios as listed: (row, scenario).
#[derive(Debug, Default)]
pub struct ListedScenarios {
    /// The provider's name as first written.
    pub name: String,
    pub rows: Vec<(u64, Scenario)>,
}

/// Scenarios per provider key.
pub fn read_scenarios(table: &Table, modes: &Modes, problems: &mut Problems) -> HashMap<String, ListedScenarios> {
    let mut out: HashMap<String, ListedScenarios> = HashMap::new();
    let required = [Field::Name, Field::FailureMode, Field::Likelihood, Field::Impact];
    let Some(columns) = FieldColumns::read(table, &required, problems) else { return out };
    for row in &table.rows {
        let Some(name) = columns.provider_name(row, problems) else { continue };
        let Some(s) = scenario(&columns, modes, row, problems) else { continue };
        let entry = out.entry(key(&name)).or_insert_with(|| ListedScenarios { name, rows: Vec::new() });
        if let Some((first, _)) = entry.rows.iter().find(|(_, x)| same_mode(x, &s)) {
            problems.push(columns.problem(
                row,
                Field::FailureMode,
                format!("\"{}\" is already listed for this provider on row {first}.", s.mode),
            ));
            continue;
        }
        entry.rows.push((row.number, s));
    }
    out
}

/// One dated assessment as the history lists it.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub taken_on: NaiveDate,
    /// The row it starts on, to locate problems with the whole assessment.
    pub first_row: u64,
    pub risk: RiskProfile,
    /// Whether `risk` has been read from the row that carries the profile.
    profiled: bool,
}

/// One provider's assessments, in file order.
#[derive(Debug, Default)]
pub struct ListedHistory {
    pub name: String,
    pub assessments: Vec<Assessment>,
}

/// Assessments per provider key. `blank` gives the fields a history row leaves out.
pub fn read_history(
    table: &Table,
    modes: &Modes,
    blank: &RiskProfile,
    today: NaiveDate,
    problems: &mut Problems,
) -> HashMap<String, ListedHistory> {
    let mut out: HashMap<String, ListedHistory> = HashMap::new();
    let required = [Field::Name, Field::AssessedOn, Field::FailureMode, Field::Likelihood, Field::Impact];
    let Some(columns) = FieldColumns::read(table, &required, problems) else { return out };
    for row in &table.rows {
        let Some(name) = columns.provider_name(row, problems) else { continue };
        let taken_on = match cells::date_not_after(columns.cell(row, Field::AssessedOn), today) {
            Ok(d) => d,
            Err(m) => {
                problems.push(columns.problem(row, Field::AssessedOn, m));
                continue;
            }
        };
        let entry = out.entry(key(&name)).or_insert_with(|| ListedHistory { name, assessments: Vec::new() });
        // Rows of one assessment are adjacent in Lifeboat's export; any order is tolerated.
        let index = match entry.assessments.iter().rposition(|a| a.taken_on == taken_on) {
            Some(i) => i,
            None => {
                let mut risk = blank.clone();
                risk.scenarios.clear();
                entry.assessments.push(Assessment { taken_on, first_row: row.number, risk, profiled: false });
                entry.assessments.len() - 1
            }
        };
        let assessment = &mut entry.assessments[index];
        if !assessment.profiled && carries_profile(&columns, row) {
            risk_fields(&columns, row, &mut assessment.risk, problems);
            assessment.profiled = true;
        }
        if columns.cell(row, Field::FailureMode).is_blank() && columns.cell(row, Field::Likelihood).is_blank() {
            continue; // An assessment with no failure mode scored.
        }
        if let Some(s) = scenario(&columns, modes, row, problems) {
            let scenarios = &mut entry.assessments[index].risk.scenarios;
            if scenarios.iter().any(|x| same_mode(x, &s)) {
                problems.push(columns.problem(row, Field::FailureMode, format!("\"{}\" is listed twice for this assessment.", s.mode)));
            } else {
                scenarios.push(s);
            }
        }
    }
    out
}

/// Gives a restored assessment the "last rehearsed" its row lists. Storage dates every new
/// assessment's from the drill log, but a history row says what the assessment said when it was
/// made (often before the drills behind today's date were logged), and an export imported again
/// must read the same. It is no score, so the assessment's scores stand.
pub fn keep_listed_rehearsal(
    conn: &rusqlite::Connection,
    provider_id: ProviderId,
    on: NaiveDate,
    risk: &RiskProfile,
) -> crate::storage::Result<()> {
    conn.prepare_cached(
        "UPDATE snapshots SET risk = json_set(risk, '$.exit.last_rehearsed', ?3) WHERE provider_id = ?1 AND taken_on = ?2",
    )?
    .execute(rusqlite::params![provider_id, on, risk.exit.last_rehearsed])?;
    Ok(())
}

/// The risk-profile columns of History, which Lifeboat writes on an assessment's first row only
/// (older exports repeated them on every row).
const PROFILE_FIELDS: [Field; 9] = [
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

/// Whether the row carries its assessment's risk profile: any profile cell filled (a profile
/// always has a lock-in and a replacement effort). The profile is read from the first such row,
/// so a sheet sorted by another column still finds it.
fn carries_profile(columns: &FieldColumns, row: &TableRow) -> bool {
    PROFILE_FIELDS.iter().any(|&field| !columns.cell(row, field).is_blank())
}

/// The risk fields on the row that carries an assessment's profile. That row holds every field
/// of the profile, so an empty cell there is an empty value, not a field left out.
fn risk_fields(columns: &FieldColumns, row: &TableRow, risk: &mut RiskProfile, problems: &mut Problems) {
    let mut report = |field: Field, result: Result<(), String>| {
        if let Err(m) = result {
            problems.push(columns.problem(row, field, m));
        }
    };
    let cell = |field: Field| columns.cell(row, field);
    if !cell(Field::LockIn).is_blank() {
        report(Field::LockIn, cells::scale(cell(Field::LockIn), "Lock-in", 5, &[]).map(|(v, _)| risk.lock_in.level = v));
    }
    risk.lock_in.reasons = cell(Field::LockInReasons).to_text().into_owned();
    risk.alternatives = cells::alternatives(&cell(Field::Alternatives).to_text())
        .into_iter()
        .map(|a| crate::domain::provider::Alternative {
            name: a.name,
            readiness: a.readiness.unwrap_or(crate::domain::provider::Readiness::Identified),
        })
        .collect();
    if !cell(Field::ReplacementEffort).is_blank() {
        report(
            Field::ReplacementEffort,
            cells::scale(cell(Field::ReplacementEffort), "Replacement effort", 5, &[]).map(|(v, _)| risk.replacement.effort = v),
        );
    }
    if !cell(Field::PersonWeeks).is_blank() {
        report(
            Field::PersonWeeks,
            cells::amount(cell(Field::PersonWeeks), "Person-weeks").map(|v| risk.replacement.person_weeks = Some(v)),
        );
    }
    if !cell(Field::EmergencySwitchHours).is_blank() {
        report(
            Field::EmergencySwitchHours,
            cells::count(cell(Field::EmergencySwitchHours), "Emergency switch time")
                .map(|v| risk.replacement.emergency_switch_hours = Some(v)),
        );
    }
    if !cell(Field::ExitStrategy).is_blank() {
        let text = cell(Field::ExitStrategy).to_text();
        match crate::domain::provider::ExitStrategy::parse(text.trim()) {
            Some(s) => risk.exit.strategy = s,
            None => report(Field::ExitStrategy, Err(format!("\"{}\" is not an exit strategy.", text.trim()))),
        }
    }
    risk.exit.plan = cell(Field::ExitPlan).to_text().into_owned();
    report(Field::LastRehearsed, cells::opt_date(cell(Field::LastRehearsed)).map(|d| risk.exit.last_rehearsed = d));
}
