//! Import: read a Lifeboat export folder or one spreadsheet CSV, check every cell, show what
//! would happen (dry run), and apply all of it in one transaction or none of it.
//!
//! Files are read in the order history → scenarios → providers so that each provider's current
//! values start from its latest imported assessment and are then overridden by whatever columns
//! providers.csv and scenarios.csv carry.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::headers::{Field, Header};
use super::parse;
use super::read::{each_row, load, Problems, Row, MAX_HISTORY_BYTES, MAX_TABLE_BYTES};
use super::{HISTORY_CSV, PROVIDERS_CSV, SCENARIOS_CSV};
use crate::domain::history::Snapshot;
use crate::domain::ids::{FailureModeId, ProviderId};
use crate::domain::provider::{
    Category, DataHeld, ExitStrategy, FailureMode, Profile, Provider, ProviderDraft, RiskProfile, Scenario, Status,
};
use crate::domain::validation::{validate, validate_risk};
use crate::storage::{providers as stored_providers, snapshots as stored_snapshots, NewProvider, Register};
use crate::worksheet::{ImportProblem, Result, WorksheetError};

/// What an import would do (dry run) or did.
#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    /// The files read, as named in problems.
    pub files: Vec<String>,
    pub created: Vec<String>,
    pub updated: Vec<String>,
    /// Providers the files match exactly: nothing to write.
    pub unchanged: Vec<String>,
    /// Assessments (snapshots) that would be recorded.
    pub snapshots: u32,
    /// Every problem; any one of them refuses the whole import.
    pub rejected: Vec<ImportProblem>,
    /// Things worth knowing that do not stop the import (e.g. ignored columns).
    pub warnings: Vec<ImportProblem>,
}

impl ImportPreview {
    pub fn can_apply(&self) -> bool {
        self.rejected.is_empty()
    }
}

/// Reads and checks `path` against `register` without writing anything.
pub fn preview(register: &Register, path: &Path, today: NaiveDate) -> Result<ImportPreview> {
    Ok(plan(register, path, today)?.0)
}

/// Imports `path` in one transaction. If any problem is found nothing is written and the error
/// lists every problem.
pub fn apply(register: &mut Register, path: &Path, today: NaiveDate) -> Result<ImportPreview> {
    let (preview, planned, reviews) = plan(register, path, today)?;
    if !preview.can_apply() {
        return Err(WorksheetError::Rejected { problems: preview.rejected });
    }
    register.transaction(|tx| {
        for p in planned.iter().filter(|p| p.changed) {
            let id = match p.existing {
                Some(id) => {
                    stored_providers::update(tx, id, &p.draft.profile)?;
                    id
                }
                None => stored_providers::insert(tx, &NewProvider { draft: &p.draft, created_on: p.created_on })?,
            };
            for (date, risk) in &p.history {
                stored_snapshots::record(tx, id, *date, None, risk)?;
            }
            if p.record_current {
                stored_snapshots::record(tx, id, today, None, &p.draft.risk)?;
            }
        }
        super::reviews::restore(tx, &reviews)
    })?;
    Ok(preview)
}

/// One provider as the import would leave it.
struct Planned {
    existing: Option<ProviderId>,
    draft: ProviderDraft,
    created_on: NaiveDate,
    /// Assessments to add, oldest first.
    history: Vec<(NaiveDate, RiskProfile)>,
    /// The current values differ from the latest assessment: record them as today's.
    record_current: bool,
    /// Anything to write at all (an identical provider is left untouched).
    changed: bool,
}

struct Files {
    providers: std::path::PathBuf,
    providers_name: String,
    scenarios: Option<std::path::PathBuf>,
    history: Option<std::path::PathBuf>,
    reviews: Option<std::path::PathBuf>,
}

fn locate(path: &Path) -> Result<std::result::Result<Files, ImportProblem>> {
    if path.is_dir() {
        let providers = path.join(PROVIDERS_CSV);
        if !providers.is_file() {
            return Ok(Err(ImportProblem::file(
                &path.display().to_string(),
                "The folder has no providers.csv; choose a Lifeboat export folder or a CSV file.",
            )));
        }
        let optional = |name: &str| Some(path.join(name)).filter(|p| p.is_file());
        Ok(Ok(Files {
            providers,
            providers_name: PROVIDERS_CSV.into(),
            scenarios: optional(SCENARIOS_CSV),
            history: optional(HISTORY_CSV),
            reviews: optional(super::REVIEWS_CSV),
        }))
    } else if path.is_file() {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
        Ok(Ok(Files { providers: path.to_path_buf(), providers_name: name, scenarios: None, history: None, reviews: None }))
    } else {
        Ok(Err(ImportProblem::file(&path.display().to_string(), "There is no such file or folder.")))
    }
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Scenarios read from scenarios.csv, per provider key: (row, scenario).
type ScenarioRows = HashMap<String, (String, Vec<(u64, Scenario)>)>;

/// One provider's assessments from history.csv: (date, first row, risk) in file order.
type Assessments = Vec<(NaiveDate, u64, RiskProfile)>;

/// Snapshots read from history.csv, per provider key, with the provider's name as written.
/// history.csv has a row per snapshot × failure mode, grouped by provider and date, so the last
/// provider and date seen are remembered rather than looked up again on every row.
#[derive(Default)]
struct HistoryRows {
    index: HashMap<String, usize>,
    providers: Vec<(String, Assessments)>,
    last_provider: Option<(String, usize)>,
    last_date: Option<(String, NaiveDate)>,
}

impl HistoryRows {
    /// Hands over one provider's assessments (each is imported once, so no need to copy them).
    fn take(&mut self, key: &str) -> Assessments {
        self.index.get(key).map(|&i| std::mem::take(&mut self.providers[i].1)).unwrap_or_default()
    }

    fn iter(&self) -> impl Iterator<Item = (&String, &(String, Assessments))> {
        self.index.iter().map(|(k, &i)| (k, &self.providers[i]))
    }

    /// The slot of the provider named `name` (as written in the file).
    fn slot(&mut self, name: &str) -> usize {
        if let Some((last, i)) = &self.last_provider {
            if last == name {
                return *i;
            }
        }
        let next = self.providers.len();
        let i = *self.index.entry(key(name)).or_insert(next);
        if i == next {
            self.providers.push((name.trim().to_string(), Vec::new()));
        }
        self.last_provider = Some((name.to_string(), i));
        i
    }
}

struct Context<'a> {
    catalogue: &'a [FailureMode],
    /// The catalogue's names, folded once: every scenario row looks its mode up.
    folded_catalogue: Vec<String>,
    /// Modes as written in the files, resolved: a file repeats the same few names on every row.
    modes_seen: Vec<(String, Option<FailureModeId>)>,
    problems: Problems,
    warnings: Vec<ImportProblem>,
    /// No assessment may be dated later: the latest snapshot is the current one, so a future
    /// date would hide every edit until then.
    today: NaiveDate,
}

impl Context<'_> {
    fn mode_id(&mut self, mode: &str) -> Option<FailureModeId> {
        if let Some((_, id)) = self.modes_seen.iter().find(|(m, _)| m == mode) {
            return *id;
        }
        let wanted = crate::domain::text::fold(mode);
        let id = self.folded_catalogue.iter().position(|f| *f == wanted).map(|i| self.catalogue[i].id);
        if self.modes_seen.len() < 64 {
            self.modes_seen.push((mode.to_string(), id));
        }
        id
    }

    /// Warnings for columns the import does not know, and refusals for repeated ones.
    fn check_header(&mut self, file: &str, header: &Header, required: &[Field]) -> bool {
        for &c in &header.unknown {
            self.warnings.push(ImportProblem::cell(file, 1, c as u32 + 1, header.name(c), "Column not recognised; it is ignored."));
        }
        for &(c, field) in &header.duplicates {
            let first = header.column(field).map(|i| super::super::error::column_letters(i as u32 + 1)).unwrap_or_default();
            self.problems.push(ImportProblem::cell(
                file,
                1,
                c as u32 + 1,
                header.name(c),
                format!("This column means the same as column {first}; keep only one of them."),
            ));
        }
        let mut ok = header.duplicates.is_empty();
        for &field in required {
            if !header.has(field) {
                ok = false;
                let expected = match field {
                    Field::Name => "Provider (or Name, Vendor, Service provider)".to_string(),
                    other => other.header().to_string(),
                };
                self.problems.push(ImportProblem::row(file, 1, format!("The header row has no {expected} column.")));
            }
        }
        ok
    }

    /// Reads one file: checks its header (once), hands each row to `each`, and files every
    /// problem. Returns the header, if there was one.
    fn read_file(&mut self, bytes: &[u8], name: &str, required: &[Field], mut each: impl FnMut(&mut Self, &Row)) -> Option<Header> {
        let mut header_ok: Option<bool> = None;
        let outcome = each_row(bytes, name, |row| {
            let ok = *header_ok.get_or_insert_with(|| self.check_header(name, row.header, required));
            if ok {
                each(self, row);
            }
        });
        if let (Some(h), None) = (&outcome.header, header_ok) {
            self.check_header(name, h, required);
        }
        if let Some(from) = outcome.swallowed_from {
            self.problems.list.retain(|p| p.file != name || p.row.is_none_or(|r| r < from));
        }
        for p in outcome.problems {
            self.problems.push(p);
        }
        outcome.header
    }

    fn scenario(&mut self, row: &Row) -> Option<Scenario> {
        let mode = row.get(Field::FailureMode).unwrap_or("");
        if mode.trim().is_empty() {
            self.problems.push(row.problem(Field::FailureMode, "The failure mode is empty."));
            return None;
        }
        let likelihood = self.level(row, Field::Likelihood, "Likelihood", 5);
        let impact = self.level(row, Field::Impact, "Impact", 5);
        Some(Scenario {
            mode_id: self.mode_id(mode),
            mode: mode.to_string(),
            likelihood: likelihood?,
            impact: impact?,
            note: row.get(Field::ScenarioNote).unwrap_or("").to_string(),
        })
    }

    fn level(&mut self, row: &Row, field: Field, what: &str, max: u8) -> Option<u8> {
        let text = row.get(field).unwrap_or("");
        match parse::level(text, what, max) {
            Ok(v) => Some(v),
            Err(m) => {
                self.problems.push(row.problem(field, m));
                None
            }
        }
    }

    fn report<T>(&mut self, row: &Row, field: Field, result: std::result::Result<T, String>) -> Option<T> {
        result.map_err(|m| self.problems.push(row.problem(field, m))).ok()
    }

    /// Overrides `risk`'s non-scenario fields with the columns `row` has.
    fn risk_fields(&mut self, row: &Row, risk: &mut RiskProfile) {
        if let Some(t) = row.get(Field::LockIn).filter(|t| !t.trim().is_empty()) {
            if let Some(v) = self.report(row, Field::LockIn, parse::level(t, "Lock-in", 5)) {
                risk.lock_in.level = v;
            }
        }
        if let Some(t) = row.get(Field::LockInReasons) {
            risk.lock_in.reasons = t.to_string();
        }
        if let Some(t) = row.get(Field::Alternatives) {
            risk.alternatives = parse::alternatives(t);
        }
        if let Some(t) = row.get(Field::ReplacementEffort).filter(|t| !t.trim().is_empty()) {
            if let Some(v) = self.report(row, Field::ReplacementEffort, parse::level(t, "Replacement effort", 5)) {
                risk.replacement.effort = v;
            }
        }
        if let Some(t) = row.get(Field::PersonWeeks) {
            if let Some(v) = self.report(row, Field::PersonWeeks, parse::amount(t, "Person-weeks")) {
                risk.replacement.person_weeks = v;
            }
        }
        if let Some(t) = row.get(Field::EmergencySwitchHours) {
            if let Some(v) = self.report(row, Field::EmergencySwitchHours, parse::count(t, "Emergency switch time")) {
                risk.replacement.emergency_switch_hours = v;
            }
        }
        if let Some(t) = row.get(Field::ExitStrategy).filter(|t| !t.trim().is_empty()) {
            let parsed = parse::choice(t, "exit strategy", ExitStrategy::parse, ExitStrategy::ALL, ExitStrategy::label);
            if let Some(v) = self.report(row, Field::ExitStrategy, parsed) {
                risk.exit.strategy = v;
            }
        }
        if let Some(t) = row.get(Field::ExitPlan) {
            risk.exit.plan = t.to_string();
        }
        if let Some(t) = row.get(Field::LastRehearsed) {
            if let Some(v) = self.report(row, Field::LastRehearsed, parse::opt_date(t)) {
                risk.exit.last_rehearsed = v;
            }
        }
    }

    fn profile_fields(&mut self, row: &Row, p: &mut Profile) {
        if let Some(t) = row.get(Field::Name) {
            p.name = t.trim().to_string();
        }
        if let Some(t) = row.get(Field::Category).filter(|t| !t.trim().is_empty()) {
            let parsed = parse::choice(t, "category", Category::parse, Category::ALL, Category::label);
            if let Some(v) = self.report(row, Field::Category, parsed) {
                p.category = v;
            }
        }
        for (field, target) in [
            (Field::ValueProvided, &mut p.value_provided),
            (Field::Owner, &mut p.owner),
            (Field::Website, &mut p.website),
            (Field::StatusPage, &mut p.status_page),
            (Field::Notes, &mut p.notes),
        ] {
            if let Some(t) = row.get(field) {
                *target = t.to_string();
            }
        }
        if let Some(t) = row.get(Field::Currency) {
            p.currency = t.trim().to_uppercase();
        }
        if let Some(t) = row.get(Field::Tier).filter(|t| !t.trim().is_empty()) {
            if let Some(v) = self.report(row, Field::Tier, parse::tier(t)) {
                p.tier = v;
            }
        }
        if let Some(t) = row.get(Field::Status).filter(|t| !t.trim().is_empty()) {
            let parsed = parse::choice(t, "status", Status::parse, Status::ALL, Status::label);
            if let Some(v) = self.report(row, Field::Status, parsed) {
                p.status = v;
            }
        }
        if let Some(t) = row.get(Field::AnnualSpend) {
            if let Some(v) = self.report(row, Field::AnnualSpend, parse::amount(t, "Annual spend")) {
                p.annual_spend = v;
            }
        }
        if let Some(t) = row.get(Field::RenewalDate) {
            if let Some(v) = self.report(row, Field::RenewalDate, parse::opt_date(t)) {
                p.renewal_date = v;
            }
        }
        if let Some(t) = row.get(Field::NoticePeriodDays) {
            if let Some(v) = self.report(row, Field::NoticePeriodDays, parse::count(t, "Notice period")) {
                p.notice_period_days = v;
            }
        }
        if let Some(t) = row.get(Field::DataHeld).filter(|t| !t.trim().is_empty()) {
            let parsed = parse::choice(t, "kind of data held", DataHeld::parse, DataHeld::ALL, DataHeld::label);
            if let Some(v) = self.report(row, Field::DataHeld, parsed) {
                p.data_held = v;
            }
        }
    }
}

fn read_history(ctx: &mut Context, path: &Path, blank: &RiskProfile) -> Result<HistoryRows> {
    let mut out = HistoryRows::default();
    let Some(bytes) = load(path, HISTORY_CSV, MAX_HISTORY_BYTES, &mut ctx.problems).map_err(|e| WorksheetError::io(path, e))? else {
        return Ok(out);
    };
    let required = [Field::Name, Field::AssessedOn, Field::FailureMode, Field::Likelihood, Field::Impact];
    ctx.read_file(&bytes, HISTORY_CSV, &required, |ctx, row| history_row(ctx, row, blank, &mut out));
    Ok(out)
}

fn history_row(ctx: &mut Context, row: &Row, blank: &RiskProfile, out: &mut HistoryRows) {
    let name = row.get(Field::Name).unwrap_or("");
    if name.trim().is_empty() {
        ctx.problems.push(row.problem(Field::Name, "The provider name is empty."));
        return;
    }
    let date_text = row.get(Field::AssessedOn).unwrap_or("");
    let date = match &out.last_date {
        Some((text, date)) if text == date_text => *date,
        _ => {
            let today = ctx.today;
            let Some(date) = ctx.report(row, Field::AssessedOn, parse::date_not_after(date_text, today)) else { return };
            out.last_date = Some((date_text.to_string(), date));
            date
        }
    };
    let slot = out.slot(name);
    let entry = &mut out.providers[slot];
    // Rows of one snapshot are adjacent in Lifeboat's export; tolerate any order.
    let index = match entry.1.iter().rposition(|(d, _, _)| *d == date) {
        Some(i) => i,
        None => {
            let mut risk = blank.clone();
            risk.scenarios.clear();
            ctx.risk_fields(row, &mut risk);
            entry.1.push((date, row.number, risk));
            entry.1.len() - 1
        }
    };
    let mode_empty = row.get(Field::FailureMode).unwrap_or("").trim().is_empty();
    if mode_empty && row.get(Field::Likelihood).unwrap_or("").trim().is_empty() {
        return; // A snapshot with no failure mode scored.
    }
    if let Some(s) = ctx.scenario(row) {
        let scenarios = &mut entry.1[index].2.scenarios;
        if scenarios.iter().any(|x| same_mode(x, &s)) {
            ctx.problems.push(row.problem(Field::FailureMode, format!("\"{}\" is listed twice for this assessment.", s.mode)));
        } else {
            scenarios.push(s);
        }
    }
}

fn read_scenarios(ctx: &mut Context, path: &Path) -> Result<ScenarioRows> {
    let mut out: ScenarioRows = HashMap::new();
    let Some(bytes) = load(path, SCENARIOS_CSV, MAX_TABLE_BYTES, &mut ctx.problems).map_err(|e| WorksheetError::io(path, e))? else {
        return Ok(out);
    };
    let required = [Field::Name, Field::FailureMode, Field::Likelihood, Field::Impact];
    ctx.read_file(&bytes, SCENARIOS_CSV, &required, |ctx, row| scenario_row(ctx, row, &mut out));
    Ok(out)
}

fn scenario_row(ctx: &mut Context, row: &Row, out: &mut ScenarioRows) {
    let name = row.get(Field::Name).unwrap_or("");
    if name.trim().is_empty() {
        ctx.problems.push(row.problem(Field::Name, "The provider name is empty."));
        return;
    }
    let Some(s) = ctx.scenario(row) else { return };
    let entry = out.entry(key(name)).or_insert_with(|| (name.trim().to_string(), Vec::new()));
    if let Some((first, _)) = entry.1.iter().find(|(_, x)| same_mode(x, &s)) {
        ctx.problems.push(row.problem(Field::FailureMode, format!("\"{}\" is already listed for this provider on row {first}.", s.mode)));
        return;
    }
    entry.1.push((row.number, s));
}

/// Two rows name the same failure mode: the same catalogue entry, or the same name folded.
fn same_mode(a: &Scenario, b: &Scenario) -> bool {
    match (a.mode_id, b.mode_id) {
        (Some(x), Some(y)) => x == y,
        _ => crate::domain::text::fold(&a.mode) == crate::domain::text::fold(&b.mode),
    }
}

/// Everything the import needs to know about the register as it is.
struct Existing {
    by_key: HashMap<String, Provider>,
    /// Snapshots per provider id, oldest first.
    snapshots: HashMap<ProviderId, Vec<Snapshot>>,
}

fn plan(register: &Register, path: &Path, today: NaiveDate) -> Result<(ImportPreview, Vec<Planned>, Vec<super::reviews::ReviewRow>)> {
    let catalogue = register.catalogue()?;
    let folded_catalogue = catalogue.iter().map(|m| crate::domain::text::fold(&m.name)).collect();
    let mut ctx = Context {
        catalogue: &catalogue,
        folded_catalogue,
        modes_seen: Vec::new(),
        problems: Problems::default(),
        warnings: Vec::new(),
        today,
    };
    let mut preview = ImportPreview::default();
    let files = match locate(path)? {
        Ok(f) => f,
        Err(problem) => {
            preview.rejected.push(problem);
            return Ok((preview, Vec::new(), Vec::new()));
        }
    };
    let blank = ProviderDraft::blank(&catalogue);

    let mut history = match &files.history {
        Some(p) => {
            preview.files.push(HISTORY_CSV.into());
            read_history(&mut ctx, p, &blank.risk)?
        }
        None => HistoryRows::default(),
    };
    let scenarios = match &files.scenarios {
        Some(p) => {
            preview.files.push(SCENARIOS_CSV.into());
            Some(read_scenarios(&mut ctx, p)?)
        }
        None => None,
    };
    let reviews = match &files.reviews {
        Some(p) => {
            preview.files.push(super::REVIEWS_CSV.into());
            match load(p, super::REVIEWS_CSV, MAX_TABLE_BYTES, &mut ctx.problems).map_err(|e| WorksheetError::io(p, e))? {
                Some(bytes) => super::reviews::read(&bytes, &mut ctx.problems),
                None => Vec::new(),
            }
        }
        None => Vec::new(),
    };
    preview.files.insert(0, files.providers_name.clone());

    let existing_providers = register.providers()?;
    let existing = Existing {
        snapshots: if existing_providers.is_empty() {
            HashMap::new()
        } else {
            let mut map: HashMap<ProviderId, Vec<Snapshot>> = HashMap::new();
            for s in register.all_snapshots()? {
                map.entry(s.provider_id).or_default().push(s);
            }
            map
        },
        by_key: existing_providers.into_iter().map(|p| (key(&p.profile.name), p)).collect(),
    };

    let name = files.providers_name.clone();
    let mut planned: Vec<Planned> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    if let Some(bytes) =
        load(&files.providers, &name, MAX_TABLE_BYTES, &mut ctx.problems).map_err(|e| WorksheetError::io(&files.providers, e))?
    {
        let header = ctx.read_file(&bytes, &name, &[Field::Name], |ctx, row| {
            if let Some(p) = provider_row(ctx, row, &existing, &mut history, scenarios.as_ref(), &blank, &mut seen, today) {
                planned.push(p);
            }
        });
        if header.is_some_and(|h| h.has(Field::FailureMode) && h.has(Field::Likelihood)) {
            ctx.problems.push(ImportProblem::row(
                &name,
                1,
                "This is a scenarios or history file; import the whole export folder, or a file with one row per provider.",
            ));
        }
    }

    // Scenario and history rows must belong to a provider of providers.csv.
    for (file, names) in [
        (
            SCENARIOS_CSV,
            scenarios
                .iter()
                .flat_map(|m| m.iter().map(|(k, (n, rows))| (k.clone(), n.clone(), rows.first().map(|r| r.0))))
                .collect::<Vec<_>>(),
        ),
        (HISTORY_CSV, history.iter().map(|(k, (n, rows))| (k.clone(), n.clone(), rows.first().map(|r| r.1))).collect::<Vec<_>>()),
    ] {
        let mut orphans: Vec<_> = names.into_iter().filter(|(k, _, _)| !seen.contains_key(k)).collect();
        orphans.sort_by_key(|o| o.2);
        for (_, n, row) in orphans {
            ctx.problems.push(ImportProblem {
                column: Some(1),
                column_name: Some("Provider".into()),
                ..ImportProblem::row(file, row.unwrap_or(0), format!("\"{n}\" is not in providers.csv."))
            });
        }
    }

    let order = |f: &str| {
        if f == name {
            0
        } else if f == SCENARIOS_CSV {
            1
        } else {
            2
        }
    };
    ctx.problems.list.sort_by_key(|p| (order(&p.file), p.row, p.column));
    if ctx.problems.dropped > 0 {
        let n = ctx.problems.dropped;
        ctx.problems.list.push(ImportProblem::file(&name, format!("…and {n} more problems not listed.")));
    }
    preview.rejected = ctx.problems.list;
    preview.warnings = ctx.warnings;
    for p in &mut planned {
        let name = p.draft.profile.name.clone();
        p.changed = p.existing.is_none() || p.record_current || !p.history.is_empty() || {
            let current = existing.by_key.get(&key(&name));
            current.map(|c| c.profile != p.draft.profile).unwrap_or(true)
        };
        match (p.existing, p.changed) {
            (None, _) => preview.created.push(name),
            (Some(_), true) => preview.updated.push(name),
            (Some(_), false) => preview.unchanged.push(name),
        }
        preview.snapshots += p.history.len() as u32 + p.record_current as u32;
    }
    Ok((preview, planned, reviews))
}

#[allow(clippy::too_many_arguments)]
fn provider_row(
    ctx: &mut Context,
    row: &Row,
    existing: &Existing,
    history: &mut HistoryRows,
    scenarios: Option<&ScenarioRows>,
    blank: &ProviderDraft,
    seen: &mut HashMap<String, u64>,
    today: NaiveDate,
) -> Option<Planned> {
    let name = row.get(Field::Name).unwrap_or("").trim().to_string();
    if name.is_empty() {
        ctx.problems.push(row.problem(Field::Name, "The provider name is empty."));
        return None;
    }
    let k = key(&name);
    if let Some(first) = seen.get(&k) {
        ctx.problems.push(row.problem(Field::Name, format!("\"{name}\" is listed twice (first on row {first}).")));
        return None;
    }
    seen.insert(k.clone(), row.number);
    let before = ctx.problems.list.len() + ctx.problems.dropped;

    let current = existing.by_key.get(&k);
    let stored: &[Snapshot] = current.and_then(|c| existing.snapshots.get(&c.id)).map(Vec::as_slice).unwrap_or(&[]);
    let stored_dates: HashSet<NaiveDate> = stored.iter().map(|s| s.taken_on).collect();

    // Assessments to add: all of them for a new provider; for a known one, only dates it lacks.
    let mut adds: Vec<(NaiveDate, u64, RiskProfile)> = Vec::new();
    for (date, first_row, risk) in history.take(&k) {
        if let Err(errors) = validate_risk(&risk) {
            for e in errors.errors {
                ctx.problems.push(ImportProblem::row(HISTORY_CSV, first_row, format!("Assessment of {date}: {}", e.message)));
            }
            continue;
        }
        if stored_dates.contains(&date) {
            if stored.iter().any(|s| s.taken_on == date && s.risk != risk) {
                ctx.warnings.push(ImportProblem::row(
                    HISTORY_CSV,
                    first_row,
                    format!("{name} already has an assessment dated {date}; the register's is kept."),
                ));
            }
            continue;
        }
        adds.push((date, first_row, risk));
    }
    adds.sort_by_key(|a| a.0);

    // Current values start from the latest assessment, then take what the files say.
    let latest_stored = stored.iter().max_by_key(|s| s.taken_on);
    let latest_added = adds.last();
    let latest: Option<(NaiveDate, &RiskProfile)> = match (latest_stored, latest_added) {
        (Some(s), Some(a)) if a.0 > s.taken_on => Some((a.0, &a.2)),
        (Some(s), _) => Some((s.taken_on, &s.risk)),
        (None, Some(a)) => Some((a.0, &a.2)),
        (None, None) => None,
    };
    let mut draft = match current {
        Some(c) => c.draft(),
        None => blank.clone(),
    };
    if let Some((_, risk)) = latest {
        draft.risk = risk.clone();
    }
    ctx.profile_fields(row, &mut draft.profile);
    draft.profile.name = name.clone();
    ctx.risk_fields(row, &mut draft.risk);
    if let Some(map) = scenarios {
        draft.risk.scenarios = map.get(&k).map(|(_, rows)| rows.iter().map(|(_, s)| s.clone()).collect()).unwrap_or_default();
    }
    let created_on = match row.get(Field::CreatedOn).filter(|t| !t.trim().is_empty()) {
        Some(t) => ctx.report(row, Field::CreatedOn, parse::date(t)).unwrap_or(today),
        None => adds.first().map(|a| a.0).unwrap_or(today),
    };

    if let Err(errors) = validate(&draft) {
        for e in errors.errors {
            let problem = match field_of(&e.field) {
                Some(field) => row.problem(field, e.message),
                None => match scenario_row_of(&e.field, scenarios, &k) {
                    Some(r) => ImportProblem::row(SCENARIOS_CSV, r, e.message),
                    None => ImportProblem::row(row.file, row.number, e.message),
                },
            };
            ctx.problems.push(problem);
        }
    }
    if ctx.problems.list.len() + ctx.problems.dropped > before {
        return None;
    }
    let record_current = latest.map(|(_, risk)| *risk != draft.risk).unwrap_or(true);
    Some(Planned {
        existing: current.map(|c| c.id),
        draft,
        created_on: current.map(|c| c.created_on).unwrap_or(created_on),
        history: adds.into_iter().map(|(d, _, r)| (d, r)).collect(),
        record_current,
        changed: true,
    })
}

/// The column a validation error's field path comes from.
fn field_of(path: &str) -> Option<Field> {
    Some(match path {
        "profile.name" => Field::Name,
        "profile.tier" => Field::Tier,
        "profile.annual_spend" => Field::AnnualSpend,
        "profile.currency" => Field::Currency,
        "profile.value_provided" => Field::ValueProvided,
        "profile.owner" => Field::Owner,
        "profile.website" => Field::Website,
        "profile.status_page" => Field::StatusPage,
        "profile.notes" => Field::Notes,
        "risk.lock_in.level" => Field::LockIn,
        "risk.replacement.effort" => Field::ReplacementEffort,
        "risk.replacement.person_weeks" => Field::PersonWeeks,
        "risk.exit.plan" => Field::ExitPlan,
        p if p.starts_with("risk.alternatives.") => Field::Alternatives,
        _ => return None,
    })
}

fn scenario_row_of(path: &str, scenarios: Option<&ScenarioRows>, k: &str) -> Option<u64> {
    let index: usize = path.strip_prefix("risk.scenarios.")?.split('.').next()?.parse().ok()?;
    scenarios?.get(k)?.1.get(index).map(|(row, _)| *row)
}
