//! The incidents and exit drills of Lifeboat's own export (incidents.csv and drills.csv, or the
//! workbook's "Incidents" and "Drills" sheets): read into drafts, checked as the forms check
//! them, and laid over the register so that importing the same files twice adds nothing.
//!
//! An incident is the same one when it has the same provider, failure mode and start; a drill
//! when it has the same provider, date and kind. What the register already holds is kept.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::cells;
use super::history::{key, Modes};
use super::table::{Problems, Table, TableRow};
use crate::domain::evidence::drill::{validate_drill, DrillDraft, DrillKind, DrillResult, DrillScenario};
use crate::domain::evidence::incident::{validate_incident, IncidentDraft};
use crate::domain::ids::{FailureModeId, ProviderId};
use crate::domain::provider::FailureMode;
use crate::domain::text::fold;
use crate::domain::validation::ValidationErrors;
use crate::worksheet::csv::evidence::{drill, incident, PROVIDER, SERVICES_SEPARATOR};
use crate::worksheet::{Cell, ImportProblem};

/// One incident or drill as a file lists it. The draft's `provider_id` is not known until the
/// provider is written (it may be new); `provider` names it.
#[derive(Debug, Clone)]
pub struct Listed<D> {
    pub row: u64,
    pub provider: String,
    pub draft: D,
}

/// What an import adds of the evidence, and how much of it the register already held.
#[derive(Debug, Default)]
pub struct EvidencePlan {
    pub incidents: Vec<Listed<IncidentDraft>>,
    pub drills: Vec<Listed<DrillDraft>>,
    /// Listed incidents and drills the register already holds: left as they are.
    pub kept: u32,
}

/// Evidence that is recognised again on a second import.
pub trait Recognised {
    type Key: Eq + Hash;
    fn provider_id(&self) -> ProviderId;
    /// What makes it the same incident or drill, besides its provider.
    fn identity(&self) -> Self::Key;
    fn set_provider(&mut self, id: ProviderId);
}

impl Recognised for IncidentDraft {
    type Key = (FailureModeId, DateTime<Utc>);
    fn provider_id(&self) -> ProviderId {
        self.provider_id
    }
    fn identity(&self) -> Self::Key {
        (self.mode_id, self.started.with_timezone(&Utc))
    }
    fn set_provider(&mut self, id: ProviderId) {
        self.provider_id = id;
    }
}

impl Recognised for DrillDraft {
    type Key = (NaiveDate, DrillKind);
    fn provider_id(&self) -> ProviderId {
        self.provider_id
    }
    fn identity(&self) -> Self::Key {
        (self.date, self.kind)
    }
    fn set_provider(&mut self, id: ProviderId) {
        self.provider_id = id;
    }
}

/// Until a provider is written its id is unknown; drafts read from a file carry this one.
const NOT_YET_WRITTEN: ProviderId = ProviderId(0);

/// A table's columns found by the headers Lifeboat writes (no remapping: Lifeboat wrote it).
pub(super) struct Headed<'t> {
    table: &'t Table,
    positions: HashMap<&'static str, usize>,
}

impl<'t> Headed<'t> {
    /// `None`, with a problem per missing column, when a `required` header is absent.
    pub(super) fn read(
        table: &'t Table,
        headers: &[&'static str],
        required: &[&'static str],
        problems: &mut Problems,
    ) -> Option<Headed<'t>> {
        let positions: HashMap<&'static str, usize> =
            headers.iter().filter_map(|h| table.header.iter().position(|n| fold(n) == fold(h)).map(|i| (*h, i))).collect();
        let missing: Vec<&&str> = required.iter().filter(|h| !positions.contains_key(**h)).collect();
        for h in &missing {
            problems.push(ImportProblem::row(&table.file, table.header_row, format!("The header row has no {h} column.")));
        }
        missing.is_empty().then_some(Headed { table, positions })
    }

    /// Whether the table has the column: a column left out leaves what the register holds.
    pub(super) fn has(&self, header: &str) -> bool {
        self.positions.contains_key(header)
    }

    pub(super) fn cell<'r>(&self, row: &'r TableRow, header: &str) -> &'r Cell<'static> {
        self.positions.get(header).map(|&c| row.cell(c)).unwrap_or(&Cell::Empty)
    }

    pub(super) fn text(&self, row: &TableRow, header: &str) -> String {
        self.cell(row, header).to_text().into_owned()
    }

    pub(super) fn problem(&self, row: &TableRow, header: &str, message: impl Into<String>) -> ImportProblem {
        match self.positions.get(header) {
            Some(&c) => self.table.problem(row.number, c, message),
            None => ImportProblem::row(&self.table.file, row.number, message),
        }
    }

    /// Reads one cell with `parse`; a failure is filed at the cell.
    pub(super) fn parse<T>(
        &self,
        row: &TableRow,
        header: &str,
        problems: &mut Problems,
        parse: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Option<T> {
        parse(self.cell(row, header)).map_err(|m| problems.push(self.problem(row, header, m))).ok()
    }

    /// `parse` of the cell when the table has the column, else `None`: a column left out leaves
    /// what the register holds.
    pub(super) fn parse_present<T>(
        &self,
        row: &TableRow,
        header: &str,
        problems: &mut Problems,
        parse: impl FnOnce(&Cell) -> Result<T, String>,
    ) -> Option<T> {
        if self.has(header) {
            self.parse(row, header, problems, parse)
        } else {
            None
        }
    }

    /// Files each validation error at the column its field is read from (`columns` maps a
    /// field's name, such as "started" of "incident.started", to its header).
    pub(super) fn file_errors(&self, row: &TableRow, errors: ValidationErrors, columns: &[(&str, &str)], problems: &mut Problems) {
        for e in errors.errors {
            let field = e.field.split('.').nth(1).unwrap_or("");
            match columns.iter().find(|(f, _)| *f == field) {
                Some((_, header)) => problems.push(self.problem(row, header, e.message)),
                None => problems.push(ImportProblem::row(&self.table.file, row.number, e.message)),
            }
        }
    }

    /// The row's provider, or `None` with a problem when the cell is empty.
    pub(super) fn provider(&self, row: &TableRow, problems: &mut Problems) -> Option<String> {
        self.name(row, PROVIDER, "provider", problems)
    }

    /// The name in the row's `header` cell (a `what`: provider, service), or `None` with a
    /// problem when the cell is empty.
    pub(super) fn name(&self, row: &TableRow, header: &str, what: &str, problems: &mut Problems) -> Option<String> {
        let name = self.text(row, header).trim().to_string();
        if name.is_empty() {
            problems.push(self.problem(row, header, format!("The {what} name is empty.")));
            return None;
        }
        Some(name)
    }
}

/// The latest moment of `today`: what an incident is checked against ("not in the future"), as
/// `clock::now` has it when the day is pinned.
pub fn end_of(today: NaiveDate) -> DateTime<Utc> {
    today.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("a valid time")).and_utc()
}

const INCIDENT_FIELDS: [(&str, &str); 8] = [
    ("mode_id", incident::FAILURE_MODE),
    ("started", incident::STARTED),
    ("detected", incident::DETECTED),
    ("resolved", incident::RESOLVED),
    ("services", incident::SERVICES),
    ("cost", incident::COST),
    ("summary", incident::SUMMARY),
    ("postmortem_url", incident::POSTMORTEM),
];

pub fn read_incidents(table: &Table, catalogue: &[FailureMode], today: NaiveDate, problems: &mut Problems) -> Vec<Listed<IncidentDraft>> {
    use incident::*;
    let headers = [
        PROVIDER,
        FAILURE_MODE,
        STARTED,
        DETECTED,
        RESOLVED,
        SERVICES,
        CUSTOMER_FACING,
        SLA_BREACHED,
        COST,
        SUMMARY,
        POSTMORTEM,
        FOLLOW_UPS,
    ];
    let Some(columns) = Headed::read(table, &headers, &[PROVIDER, FAILURE_MODE, STARTED, SUMMARY], problems) else { return Vec::new() };
    let modes = Modes::new(catalogue);
    let mut out = Vec::new();
    for row in &table.rows {
        let Some(provider) = columns.provider(row, problems) else { continue };
        let mode = columns.text(row, FAILURE_MODE);
        let mode_id = columns.parse(row, FAILURE_MODE, problems, |_| {
            modes.id(&mode).ok_or_else(|| format!("\"{}\" is not a failure mode of the catalogue (Settings).", mode.trim()))
        });
        let started = columns.parse(row, STARTED, problems, cells::time);
        let detected = columns.parse(row, DETECTED, problems, cells::opt_time);
        let resolved = columns.parse(row, RESOLVED, problems, cells::opt_time);
        let customer_facing = columns.parse(row, CUSTOMER_FACING, problems, |c| cells::flag(c, CUSTOMER_FACING));
        let sla_breached = columns.parse(row, SLA_BREACHED, problems, |c| cells::flag(c, SLA_BREACHED));
        let cost = columns.parse(row, COST, problems, |c| if c.is_blank() { Ok(None) } else { cells::amount(c, COST).map(Some) });
        let (Some(mode_id), Some(started), Some(detected), Some(resolved), Some(customer_facing), Some(sla_breached), Some(cost)) =
            (mode_id, started, detected, resolved, customer_facing, sla_breached, cost)
        else {
            continue;
        };
        let draft = IncidentDraft {
            provider_id: NOT_YET_WRITTEN,
            mode_id,
            started,
            detected,
            resolved,
            services: columns
                .text(row, SERVICES)
                .split(SERVICES_SEPARATOR.trim())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect(),
            customer_facing,
            sla_breached,
            cost,
            summary: columns.text(row, SUMMARY),
            postmortem_url: columns.text(row, POSTMORTEM),
            follow_ups: columns.text(row, FOLLOW_UPS),
        };
        if let Err(errors) = validate_incident(&draft, catalogue, end_of(today)) {
            columns.file_errors(row, errors, &INCIDENT_FIELDS, problems);
            continue;
        }
        out.push(Listed { row: row.number, provider, draft });
    }
    out
}

const DRILL_FIELDS: [(&str, &str); 8] = [
    ("date", drill::DATE),
    ("scenario", drill::SCENARIO),
    ("result", drill::RESULT),
    ("target_hours", drill::TARGET_HOURS),
    ("achieved_hours", drill::ACHIEVED_HOURS),
    ("alternative", drill::ALTERNATIVE),
    ("findings", drill::FINDINGS),
    ("follow_ups", drill::FOLLOW_UPS),
];

fn labels<T: Copy>(all: &[T], label: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|c| label(*c)).collect()
}

fn hours(cell: &Cell, what: &str) -> Result<Option<f64>, String> {
    if cell.is_blank() {
        Ok(None)
    } else {
        cells::amount(cell, what).map(Some)
    }
}

pub fn read_drills(table: &Table, today: NaiveDate, problems: &mut Problems) -> Vec<Listed<DrillDraft>> {
    use drill::*;
    let headers = [PROVIDER, DATE, KIND, SCENARIO, ALTERNATIVE, TARGET_HOURS, ACHIEVED_HOURS, RESULT, FINDINGS, FOLLOW_UPS];
    let Some(columns) = Headed::read(table, &headers, &[PROVIDER, DATE, KIND], problems) else { return Vec::new() };
    let (kinds, scenarios, results) = (
        labels(DrillKind::ALL, DrillKind::label),
        labels(DrillScenario::ALL, DrillScenario::label),
        labels(DrillResult::ALL, DrillResult::label),
    );
    let mut out = Vec::new();
    for row in &table.rows {
        let Some(provider) = columns.provider(row, problems) else { continue };
        let date = columns.parse(row, DATE, problems, cells::date);
        let kind = columns.parse(row, KIND, problems, |c| {
            cells::opt_choice(c, KIND, DrillKind::parse, &kinds)?
                .ok_or_else(|| format!("Say which kind of drill it was: {}.", kinds.join(", ")))
        });
        let scenario = columns.parse(row, SCENARIO, problems, |c| cells::opt_choice(c, SCENARIO, DrillScenario::parse, &scenarios));
        let result = columns.parse(row, RESULT, problems, |c| cells::opt_choice(c, RESULT, DrillResult::parse, &results));
        let target_hours = columns.parse(row, TARGET_HOURS, problems, |c| hours(c, TARGET_HOURS));
        let achieved_hours = columns.parse(row, ACHIEVED_HOURS, problems, |c| hours(c, ACHIEVED_HOURS));
        let (Some(date), Some(kind), Some(scenario), Some(result), Some(target_hours), Some(achieved_hours)) =
            (date, kind, scenario, result, target_hours, achieved_hours)
        else {
            continue;
        };
        let draft = DrillDraft {
            provider_id: NOT_YET_WRITTEN,
            date,
            kind,
            scenario,
            alternative: columns.text(row, ALTERNATIVE),
            target_hours,
            achieved_hours,
            result,
            findings: columns.text(row, FINDINGS),
            follow_ups: columns.text(row, FOLLOW_UPS),
        };
        if let Err(errors) = validate_drill(&draft, today) {
            columns.file_errors(row, errors, &DRILL_FIELDS, problems);
            continue;
        }
        out.push(Listed { row: row.number, provider, draft });
    }
    out
}

/// What `new_only` checks listed evidence against.
pub struct Against<'a> {
    /// The providers of the providers table, by key, with the row they are on.
    pub listed_providers: &'a HashMap<String, u64>,
    /// The register's providers' keys, by id.
    pub stored_names: &'a HashMap<ProviderId, String>,
    pub providers_file: &'a str,
}

/// The listed rows the register does not hold yet. A row whose provider is not in the providers
/// table, or that repeats an earlier row, is a problem; one the register holds is counted in `kept`.
pub fn new_only<D: Recognised + Clone>(
    table: &Table,
    listed: Vec<Listed<D>>,
    stored: &[D],
    against: &Against,
    kept: &mut u32,
    problems: &mut Problems,
) -> Vec<Listed<D>> {
    let held: HashSet<(&str, D::Key)> =
        stored.iter().filter_map(|d| against.stored_names.get(&d.provider_id()).map(|name| (name.as_str(), d.identity()))).collect();
    let mut first_rows: HashMap<(String, D::Key), u64> = HashMap::new();
    let mut out = Vec::new();
    for item in listed {
        let provider = key(&item.provider);
        let problem = |message: String| ImportProblem {
            column: Some(1),
            column_name: Some(PROVIDER.into()),
            ..ImportProblem::row(&table.file, item.row, message)
        };
        if !against.listed_providers.contains_key(&provider) {
            problems.push(problem(format!("\"{}\" is not in {}.", item.provider.trim(), against.providers_file)));
            continue;
        }
        if held.contains(&(provider.as_str(), item.draft.identity())) {
            *kept += 1;
            continue;
        }
        match first_rows.entry((provider, item.draft.identity())) {
            std::collections::hash_map::Entry::Occupied(first) => {
                problems.push(ImportProblem {
                    column: None,
                    column_name: None,
                    ..problem(format!("This row repeats row {}.", first.get()))
                });
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(item.row);
                out.push(item);
            }
        }
    }
    out
}

/// Writes the listed rows for their providers, whose ids `ids` holds by key (every listed row's
/// provider was planned, or the import was refused).
pub fn restore<D: Recognised + Clone, Id>(
    conn: &rusqlite::Connection,
    ids: &HashMap<String, ProviderId>,
    listed: &[Listed<D>],
    insert: fn(&rusqlite::Connection, &D) -> crate::storage::Result<Id>,
) -> crate::storage::Result<()> {
    for item in listed {
        let mut draft = item.draft.clone();
        draft.set_provider(ids[&key(&item.provider)]);
        insert(conn, &draft)?;
    }
    Ok(())
}

/// A "last rehearsed" date a spreadsheet gives that no drill accounts for (a hand-kept register
/// has no drill log) becomes a drill of kind "recorded before drills were kept", as the schema
/// migration made of dates typed by hand. In Lifeboat's own export the date is the latest
/// drill's, so nothing is added. A date after today is left to the provider's own checks.
pub fn rehearsals_before_drills<'a>(
    providers: impl Iterator<Item = &'a crate::domain::provider::ProviderDraft>,
    listed: &[Listed<DrillDraft>],
    stored: &[DrillDraft],
    stored_names: &HashMap<ProviderId, String>,
    today: NaiveDate,
) -> Vec<Listed<DrillDraft>> {
    let mut latest: HashMap<String, NaiveDate> = HashMap::new();
    let known = stored.iter().filter_map(|d| stored_names.get(&d.provider_id).map(|k| (k.clone(), d.date)));
    for (provider, date) in known.chain(listed.iter().map(|l| (key(&l.provider), l.draft.date))) {
        let slot = latest.entry(provider).or_insert(date);
        *slot = (*slot).max(date);
    }
    providers
        .filter_map(|p| {
            let date = p.risk.exit.last_rehearsed.filter(|d| *d <= today)?;
            let accounted = latest.get(&key(&p.profile.name)).is_some_and(|latest| *latest >= date);
            (!accounted).then(|| Listed { row: 0, provider: p.profile.name.clone(), draft: DrillDraft::recorded(NOT_YET_WRITTEN, date) })
        })
        .collect()
}
