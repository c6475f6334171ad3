//! The third step: the tables read and their columns mapped, laid over the register as it is,
//! into what each provider would become, every change it makes, and every problem that refuses
//! the import. Nothing is written here.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::changes;
use super::columns::{Columns, Mapping, Role, ScorePart};
use super::evidence::{self, Against, EvidencePlan};
use super::history::{self, key, same_mode, Assessment, ListedScenarios, Modes};
use super::loss::{self, KnownProvider, LossPlan};
use super::preview::{ColumnReading, FieldChange, ImportPreview, ProviderUpdate};
use super::reviews::{self, ReviewRow};
use super::rows::RowReader;
use super::services::{self, KnownProviders, ServicesPlan};
use super::source::Source;
use super::table::{Problems, Table};
use crate::domain::history::Snapshot;
use crate::domain::ids::ProviderId;
use crate::domain::provider::{Provider, ProviderDraft, RiskProfile};
use crate::domain::validation::{validate, validate_risk};
use crate::storage::Register;
use crate::worksheet::csv::headers::Field;
use crate::worksheet::error::column_letters;
use crate::worksheet::{ImportProblem, Result};

/// One provider as the import would leave it.
pub struct Planned {
    pub existing: Option<ProviderId>,
    pub draft: ProviderDraft,
    pub created_on: NaiveDate,
    /// Assessments to add, oldest first.
    pub history: Vec<(NaiveDate, RiskProfile)>,
    /// The current values differ from the latest assessment: record them as today's.
    pub record_current: bool,
    /// Anything to write at all (an identical provider is left untouched).
    pub changed: bool,
    /// For an existing provider, every field that changes.
    pub changes: Vec<FieldChange>,
}

/// What applying would write, and the preview that describes it.
pub struct Plan {
    pub preview: ImportPreview,
    pub providers: Vec<Planned>,
    pub reviews: Vec<ReviewRow>,
    pub evidence: EvidencePlan,
    pub services: ServicesPlan,
    pub loss: LossPlan,
}

/// Everything the import needs to know about the register as it is.
struct Existing {
    by_key: HashMap<String, Provider>,
    /// Snapshots per provider, oldest first.
    snapshots: HashMap<ProviderId, Vec<Snapshot>>,
}

impl Existing {
    fn read(register: &Register) -> crate::storage::Result<Existing> {
        let providers = register.providers()?;
        let mut snapshots: HashMap<ProviderId, Vec<Snapshot>> = HashMap::new();
        if !providers.is_empty() {
            for s in register.all_snapshots()? {
                snapshots.entry(s.provider_id).or_default().push(s);
            }
        }
        Ok(Existing { by_key: providers.into_iter().map(|p| (key(&p.profile.name), p)).collect(), snapshots })
    }
}

/// Plans the import of `source`, read as `columns` say, into `register`. `problems` already
/// holds what the earlier steps found.
pub fn plan(register: &Register, source: &Source, columns: Columns, today: NaiveDate, mut problems: Problems) -> Result<Plan> {
    let catalogue = register.catalogue()?;
    let modes = Modes::new(&catalogue);
    let blank = ProviderDraft::blank(&catalogue);
    let mut preview = ImportPreview {
        files: source.files.clone(),
        sheets: source.sheets.clone(),
        sheet: source.sheet.clone(),
        readings: columns.readings,
        ..ImportPreview::default()
    };
    let (Some(table), Some(mapping)) = (&source.providers, columns.mapping) else {
        preview.rejected = problems.into_list("import");
        return Ok(Plan {
            preview,
            providers: Vec::new(),
            reviews: Vec::new(),
            evidence: EvidencePlan::default(),
            services: ServicesPlan::default(),
            loss: LossPlan::default(),
        });
    };
    let mut warnings = columns.warnings;
    preview.columns = mapping
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| ColumnReading {
            column: i as u32 + 1,
            letter: column_letters(i as u32 + 1),
            header: c.header.clone(),
            reading: c.role.label(),
            source: c.source,
            sample: table
                .rows
                .iter()
                .map(|r| r.cell(i))
                .find(|c| !c.is_blank())
                .map(|c| c.to_text().chars().take(60).collect())
                .unwrap_or_default(),
        })
        .collect();
    if !mapping.has(Field::Name) {
        problems.push(ImportProblem::row(
            &table.file,
            table.header_row,
            "The header row has no Provider column (or Name, Vendor, Service provider): head one so, or choose which column holds the provider's name.",
        ));
    }
    let long_format = table.header.iter().any(|h| Field::recognise(h) == Some(Field::FailureMode))
        && table.header.iter().any(|h| Field::recognise(h) == Some(Field::Likelihood));
    if let Some(file) = services::recognise(table) {
        problems.push(ImportProblem::row(
            &table.file,
            table.header_row,
            format!("This is Lifeboat's {file}, which belongs with the providers it names; import the whole export folder or workbook."),
        ));
    }
    if long_format && !mapping.columns.iter().any(|c| matches!(c.role, Role::Score { .. })) {
        problems.push(ImportProblem::row(
            &table.file,
            table.header_row,
            "This is a scenarios or history file; import the whole export folder, or a file with one row per provider.",
        ));
    }

    let mut history =
        source.history.as_ref().map(|t| history::read_history(t, &modes, &blank.risk, today, &mut problems)).unwrap_or_default();
    let scenarios = source.scenarios.as_ref().map(|t| history::read_scenarios(t, &modes, &mut problems));
    let review_rows = source.reviews.as_ref().map(|t| reviews::read(t, &mut problems)).unwrap_or_default();
    let existing = Existing::read(register)?;

    let history_file = source.history.as_ref().map(|t| t.file.as_str()).unwrap_or("");
    let scenarios_file = source.scenarios.as_ref().map(|t| t.file.as_str()).unwrap_or("");
    let mut planned = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    if mapping.has(Field::Name) {
        let mut reader = RowReader { table, mapping: &mapping, problems: &mut problems, warnings: &mut warnings };
        for row in &table.rows {
            let name = reader.name(row);
            if name.is_empty() {
                let p = reader.problem(row, Field::Name, "The provider name is empty.");
                reader.problems.push(p);
                continue;
            }
            let k = key(&name);
            if let Some(first) = seen.get(&k) {
                let p = reader.problem(row, Field::Name, format!("\"{name}\" is listed twice (first on row {first})."));
                reader.problems.push(p);
                continue;
            }
            seen.insert(k.clone(), row.number);
            let before = reader.problems.count();
            let listed = history.remove(&k).map(|h| h.assessments).unwrap_or_default();
            let mut step = ProviderStep {
                reader: &mut reader,
                existing: &existing,
                blank: &blank,
                today,
                source_table: table,
                history_file,
                scenarios_file,
            };
            let Some(p) = step.plan(row, &name, listed, scenarios.as_ref().and_then(|s| s.get(&k))) else { continue };
            if step.reader.problems.count() == before {
                planned.push(p);
            }
        }
    }
    orphans(
        &mut problems,
        source.scenarios.as_ref(),
        scenarios.iter().flat_map(|m| m.iter().map(|(k, s)| (k, &s.name, s.rows.first().map(|r| r.0)))),
        &seen,
        &table.file,
    );
    orphans(
        &mut problems,
        source.history.as_ref(),
        history.iter().map(|(k, h)| (k, &h.name, h.assessments.first().map(|a| a.first_row))),
        &seen,
        &table.file,
    );

    let evidence = plan_evidence(register, &catalogue, source, &existing, &planned, &seen, &table.file, today, &mut problems)?;
    let known = KnownProviders { listed: &seen, stored: &existing.by_key, providers_file: &table.file };
    let tables = [source.services.as_ref(), source.dependencies.as_ref(), source.runs_on.as_ref()];
    let services = services::plan(register, tables, &known, today, &mut problems)?;
    let loss = match &source.loss {
        Some(loss_table) => plan_loss(register, loss_table, &existing, &planned, &table.file, today, &mut problems)?,
        None => LossPlan::default(),
    };

    let order: Vec<&str> = source.files.iter().map(String::as_str).collect();
    problems.list.sort_by_key(|p| (order.iter().position(|f| p.file == *f).unwrap_or(order.len()), p.row, p.column));
    preview.rejected = problems.into_list(&table.file);
    preview.warnings = warnings;
    for p in &planned {
        let name = p.draft.profile.name.clone();
        match (p.existing, p.changed) {
            (None, _) => preview.created.push(name),
            (Some(_), true) => preview.updated.push(ProviderUpdate { name, changes: p.changes.clone() }),
            (Some(_), false) => preview.unchanged.push(name),
        }
        preview.snapshots += p.history.len() as u32 + u32::from(p.record_current);
    }
    preview.incidents = evidence.incidents.len() as u32;
    preview.drills = evidence.drills.len() as u32;
    preview.evidence_kept = evidence.kept;
    preview.services = services.services.len() as u32;
    preview.links = (services.dependencies.len() + services.runs_on.len()) as u32;
    preview.overrides_added = loss.added;
    preview.overrides_changed = loss.changed;
    preview.overrides_unchanged = loss.unchanged;
    Ok(Plan { preview, providers: planned, reviews: review_rows, evidence, services, loss })
}

/// The money overrides listed beside the providers: a row may name a provider of the files or
/// one the register holds, and a failure mode that provider has once imported.
fn plan_loss(
    register: &Register,
    table: &Table,
    existing: &Existing,
    planned: &[Planned],
    providers_file: &str,
    today: NaiveDate,
    problems: &mut Problems,
) -> Result<LossPlan> {
    let modes = |risk: &RiskProfile| risk.scenarios.iter().map(|s| s.mode.clone()).collect::<Vec<_>>();
    let mut known: HashMap<String, KnownProvider> =
        existing.by_key.iter().map(|(k, p)| (k.clone(), KnownProvider { stored: Some(p.id), modes: modes(&p.risk) })).collect();
    for p in planned {
        known.insert(key(&p.draft.profile.name), KnownProvider { stored: p.existing, modes: modes(&p.draft.risk) });
    }
    let (stored, current) = if existing.by_key.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        (register.money_overrides()?, loss::current_inputs(register, today)?)
    };
    Ok(loss::plan(table, &known, &stored, &current, providers_file, problems))
}

/// The incidents and drills listed beside the providers, less those the register holds.
#[allow(clippy::too_many_arguments)]
fn plan_evidence(
    register: &Register,
    catalogue: &[crate::domain::provider::FailureMode],
    source: &Source,
    existing: &Existing,
    planned: &[Planned],
    listed_providers: &HashMap<String, u64>,
    providers_file: &str,
    today: NaiveDate,
    problems: &mut Problems,
) -> Result<EvidencePlan> {
    let mut plan = EvidencePlan::default();
    let stored_names: HashMap<ProviderId, String> = existing.by_key.iter().map(|(k, p)| (p.id, k.clone())).collect();
    let against = Against { listed_providers, stored_names: &stored_names, providers_file };
    // An empty register holds no evidence to compare with: skip reading it.
    let known = !existing.by_key.is_empty();
    let stored_drills: Vec<_> = if known { register.all_drills()?.into_iter().map(|d| d.draft).collect() } else { Vec::new() };
    if let Some(table) = &source.incidents {
        let listed = evidence::read_incidents(table, catalogue, today, problems);
        let stored: Vec<_> = if known { register.all_incidents()?.into_iter().map(|i| i.draft).collect() } else { Vec::new() };
        plan.incidents = evidence::new_only(table, listed, &stored, &against, &mut plan.kept, problems);
    }
    if let Some(table) = &source.drills {
        let listed = evidence::read_drills(table, today, problems);
        plan.drills = evidence::new_only(table, listed, &stored_drills, &against, &mut plan.kept, problems);
    }
    plan.drills.extend(evidence::rehearsals_before_drills(
        planned.iter().map(|p| &p.draft),
        &plan.drills,
        &stored_drills,
        &stored_names,
        today,
    ));
    Ok(plan)
}

/// Rows of the scenarios or history table must belong to a provider of the providers table.
fn orphans<'a>(
    problems: &mut Problems,
    table: Option<&Table>,
    listed: impl Iterator<Item = (&'a String, &'a String, Option<u64>)>,
    seen: &HashMap<String, u64>,
    providers_file: &str,
) {
    let Some(table) = table else { return };
    let mut missing: Vec<(&String, Option<u64>)> = listed.filter(|(k, _, _)| !seen.contains_key(*k)).map(|(_, n, r)| (n, r)).collect();
    missing.sort_by_key(|m| m.1);
    for (name, row) in missing {
        problems.push(ImportProblem {
            column: Some(1),
            column_name: Some(table.header_name(0).to_string()),
            ..ImportProblem::row(&table.file, row.unwrap_or(0), format!("\"{name}\" is not in {providers_file}."))
        });
    }
}

/// Planning one provider row.
struct ProviderStep<'s, 'a> {
    reader: &'s mut RowReader<'a>,
    existing: &'s Existing,
    blank: &'s ProviderDraft,
    today: NaiveDate,
    source_table: &'s Table,
    /// How problems name the history and scenarios tables.
    history_file: &'s str,
    scenarios_file: &'s str,
}

impl ProviderStep<'_, '_> {
    fn plan(
        &mut self,
        row: &super::table::TableRow,
        name: &str,
        listed: Vec<Assessment>,
        scenarios: Option<&ListedScenarios>,
    ) -> Option<Planned> {
        let current = self.existing.by_key.get(&key(name));
        let stored: &[Snapshot] = current.and_then(|c| self.existing.snapshots.get(&c.id)).map(Vec::as_slice).unwrap_or(&[]);
        let stored_dates: HashSet<NaiveDate> = stored.iter().map(|s| s.taken_on).collect();

        // Assessments to add: all of them for a new provider; for a known one, only dates it lacks.
        let mut adds: Vec<Assessment> = Vec::new();
        for a in listed {
            if let Err(errors) = validate_risk(&a.risk) {
                for e in errors.errors {
                    self.reader.problems.push(ImportProblem::row(
                        self.history_file,
                        a.first_row,
                        format!("Assessment of {}: {}", a.taken_on, e.message),
                    ));
                }
                continue;
            }
            if stored_dates.contains(&a.taken_on) {
                if stored.iter().any(|s| s.taken_on == a.taken_on && s.risk != a.risk) {
                    self.reader.warnings.push(ImportProblem::row(
                        self.history_file,
                        a.first_row,
                        format!("{name} already has an assessment dated {}; the register's is kept.", a.taken_on),
                    ));
                }
                continue;
            }
            adds.push(a);
        }
        adds.sort_by_key(|a| a.taken_on);

        // Current values start from the latest assessment, then take what the tables say.
        let latest_stored = stored.iter().max_by_key(|s| s.taken_on).map(|s| (s.taken_on, &s.risk));
        let latest_added = adds.last().map(|a| (a.taken_on, &a.risk));
        let latest = match (latest_stored, latest_added) {
            (Some(s), Some(a)) if a.0 > s.0 => Some(a),
            (Some(s), _) => Some(s),
            (None, a) => a,
        };
        let mut draft = current.map(Provider::draft).unwrap_or_else(|| self.blank.clone());
        if let Some((_, risk)) = latest {
            draft.risk = risk.clone();
        }
        self.reader.lay(row, &mut draft);
        draft.profile.name = name.to_string();
        if let Some(listed) = scenarios {
            merge_scenarios(&mut draft.risk, listed);
        }
        let created_on = match self.reader.mapping.column(Field::CreatedOn).map(|c| row.cell(c)).filter(|c| !c.is_blank()) {
            Some(cell) => match super::cells::date(cell) {
                Ok(d) => d,
                Err(m) => {
                    let p = self.reader.problem(row, Field::CreatedOn, m);
                    self.reader.problems.push(p);
                    self.today
                }
            },
            None => adds.first().map(|a| a.taken_on).unwrap_or(self.today),
        };
        if let Err(errors) = validate(&draft) {
            for e in errors.errors {
                let p = match (field_of(&e.field), wide_column_of(&e.field, &draft.risk, self.reader.mapping)) {
                    (Some(field), _) => self.reader.problem(row, field, e.message),
                    (None, Some(column)) => self.source_table.problem(row.number, column, e.message),
                    (None, None) => match scenario_row_of(&e.field, &draft.risk, scenarios) {
                        Some(r) => ImportProblem::row(self.scenarios_file, r, e.message),
                        None => ImportProblem::row(&self.source_table.file, row.number, e.message),
                    },
                };
                self.reader.problems.push(p);
            }
        }
        let record_current = latest.map(|(_, risk)| !same_assessment(risk, &draft.risk)).unwrap_or(true);
        let changed = current.is_none() || record_current || !adds.is_empty() || current.is_some_and(|c| c.profile != draft.profile);
        let mut changes = current.filter(|_| changed).map(|c| changes::between(&c.draft(), &draft)).unwrap_or_default();
        if current.is_some() && !adds.is_empty() {
            let dates: Vec<String> = adds.iter().map(|a| a.taken_on.to_string()).collect();
            changes.push(FieldChange {
                field: "History".into(),
                from: String::new(),
                to: format!("{} earlier assessment(s) added: {}", dates.len(), dates.join(", ")),
            });
        }
        Some(Planned {
            existing: current.map(|c| c.id),
            created_on: current.map(|c| c.created_on).unwrap_or(created_on),
            draft,
            history: adds.into_iter().map(|a| (a.taken_on, a.risk)).collect(),
            record_current,
            changed,
            changes,
        })
    }
}

/// Whether two risk profiles are the same assessment. "Last rehearsed" is left out: storage
/// takes it from the drill log whatever an assessment says, so it never calls for a new one.
fn same_assessment(a: &RiskProfile, b: &RiskProfile) -> bool {
    let rehearsed_aside = |r: &RiskProfile| {
        let mut r = r.clone();
        r.exit.last_rehearsed = None;
        r
    };
    rehearsed_aside(a) == rehearsed_aside(b)
}

/// The listed scenarios replace the scores of their failure modes; a mode not listed keeps its
/// scenario, and a listed empty note keeps the note the register has.
fn merge_scenarios(risk: &mut RiskProfile, listed: &ListedScenarios) {
    for (_, s) in &listed.rows {
        match risk.scenarios.iter_mut().find(|x| same_mode(x, s)) {
            Some(known) => {
                known.likelihood = s.likelihood;
                known.impact = s.impact;
                if !s.note.trim().is_empty() {
                    known.note = s.note.clone();
                }
            }
            None => risk.scenarios.push(s.clone()),
        }
    }
}

/// The column a validation error's field path comes from.
fn field_of(path: &str) -> Option<Field> {
    Some(match path {
        "profile.name" => Field::Name,
        "profile.tier" => Field::Tier,
        "profile.annual_spend" => Field::AnnualSpend,
        "profile.currency" => Field::Currency,
        "profile.renewal_date" => Field::RenewalDate,
        "profile.notice_period_days" => Field::NoticePeriodDays,
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

/// The wide column a `risk.scenarios.N.likelihood` (or `.impact`, `.note`) path points at: that
/// part's column for the scenario's failure mode, else any column scoring that mode.
fn wide_column_of(path: &str, risk: &RiskProfile, mapping: &Mapping) -> Option<usize> {
    let mut parts = path.strip_prefix("risk.scenarios.")?.split('.');
    let scenario = risk.scenarios.get(parts.next()?.parse::<usize>().ok()?)?;
    let part = match parts.next()? {
        "likelihood" => ScorePart::Likelihood,
        "impact" => ScorePart::Impact,
        "note" => ScorePart::Note,
        _ => ScorePart::Rating,
    };
    let of_mode: Vec<(usize, ScorePart)> =
        mapping.scores().filter(|(_, mode, _)| scenario.mode_id == Some(mode.id)).map(|(c, _, p)| (c, p)).collect();
    of_mode.iter().find(|(_, p)| *p == part).or(of_mode.first()).map(|(c, _)| *c)
}

/// The scenarios-table row a `risk.scenarios.N…` path points at, when that table listed it.
fn scenario_row_of(path: &str, risk: &RiskProfile, scenarios: Option<&ListedScenarios>) -> Option<u64> {
    let index: usize = path.strip_prefix("risk.scenarios.")?.split('.').next()?.parse().ok()?;
    let scenario = risk.scenarios.get(index)?;
    scenarios?.rows.iter().find(|(_, s)| same_mode(s, scenario)).map(|(row, _)| *row)
}
