//! Our services and what depends on what, from Lifeboat's own export (services.csv,
//! dependencies.csv and runs_on.csv, or the workbook's "Services", "Dependencies" and "Runs on"
//! sheets): read, checked as the forms check them, and laid over the register.
//!
//! A service is the same one when its name is (as the register compares service names); a link
//! when both of its ends are. An import adds and updates, and never removes: a service or a link
//! the files do not mention stays as it is.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::cells;
use super::evidence::Headed;
use super::history::key;
use super::table::{Problems, Table};
use crate::domain::ids::{ProviderId, ServiceId};
use crate::domain::provider::Provider;
use crate::domain::services::dependency::{cycle_through, validate_dependency, Dependency, Effect, RunsOn};
use crate::domain::services::service::{validate_service, Service, ServiceDraft};
use crate::domain::text::fold;
use crate::storage::{dependencies as stored_dependencies, runs_on as stored_runs_on, services as stored_services, Register};
use crate::worksheet::csv::loss;
use crate::worksheet::csv::services::{
    dependency, runs_on, service, share_of_percent, DEPENDENCIES_CSV, RUNS_ON_CSV, SERVICE, SERVICES_CSV,
};
use crate::worksheet::{Cell, ImportProblem};

/// A service as the import would leave it.
#[derive(Debug)]
pub struct PlannedService {
    pub existing: Option<ServiceId>,
    pub draft: ServiceDraft,
    pub created_on: NaiveDate,
}

/// One end of a link: a provider by its key, and its id when the register already holds it (a
/// provider the files do not list keeps its links).
#[derive(Debug, Clone)]
pub struct ProviderEnd {
    pub key: String,
    pub stored: Option<ProviderId>,
}

impl ProviderEnd {
    fn id(&self, written: &HashMap<String, ProviderId>) -> Option<ProviderId> {
        written.get(&self.key).copied().or(self.stored)
    }
}

#[derive(Debug)]
pub struct PlannedDependency {
    /// The service's name, folded as service names are compared.
    pub service: String,
    pub provider: ProviderEnd,
    pub when_down: Effect,
    pub when_degraded: Effect,
    pub note: String,
}

#[derive(Debug)]
pub struct PlannedRunsOn {
    pub provider: ProviderEnd,
    pub runs_on: ProviderEnd,
}

/// What an import adds or changes of the services and links; what it leaves alone is not here.
#[derive(Debug, Default)]
pub struct ServicesPlan {
    pub services: Vec<PlannedService>,
    pub dependencies: Vec<PlannedDependency>,
    pub runs_on: Vec<PlannedRunsOn>,
}

/// The providers a link may name: those of the providers table and those the register holds.
pub struct KnownProviders<'a> {
    /// By key, with the row of the providers table they are on.
    pub listed: &'a HashMap<String, u64>,
    /// The register's, by key.
    pub stored: &'a HashMap<String, Provider>,
    pub providers_file: &'a str,
}

impl KnownProviders<'_> {
    /// The provider called `name`, or a message saying there is none.
    fn end(&self, name: &str) -> Result<ProviderEnd, String> {
        let k = key(name);
        let stored = self.stored.get(&k).map(|p| p.id);
        if stored.is_none() && !self.listed.contains_key(&k) {
            return Err(format!("There is no provider \"{}\" in {} or in the register.", name.trim(), self.providers_file));
        }
        Ok(ProviderEnd { key: k, stored })
    }
}

/// The export file a table of one of these kinds (or loss.csv) is, told by its headers: imported alone it
/// would be read as a hand-kept providers sheet ("Service" and "Provider" both name a provider
/// column there), so the import says what it is instead.
pub fn recognise(table: &Table) -> Option<&'static str> {
    let has = |h: &str| table.header.iter().any(|n| fold(n) == fold(h));
    if has(SERVICE) && has(service::DOWNTIME_COST) {
        Some(SERVICES_CSV)
    } else if has(SERVICE) && has(dependency::PROVIDER) && has(dependency::WHEN_DOWN) {
        Some(DEPENDENCIES_CSV)
    } else if has(runs_on::PROVIDER) && has(runs_on::RUNS_ON) && table.header.len() == 2 {
        Some(RUNS_ON_CSV)
    } else if has(loss::PROVIDER) && has(loss::FAILURE_MODE) && has(loss::FREQUENCY.override_low) {
        Some(loss::LOSS_CSV)
    } else {
        None
    }
}

/// Plans the three tables `services`, `dependencies` and `runs_on` (any of them may be absent)
/// over `register`.
pub fn plan(
    register: &Register,
    tables: [Option<&Table>; 3],
    providers: &KnownProviders,
    today: NaiveDate,
    problems: &mut Problems,
) -> crate::storage::Result<ServicesPlan> {
    let [services, dependencies, runs_on] = tables;
    let mut plan = ServicesPlan::default();
    if tables.iter().all(Option::is_none) {
        return Ok(plan);
    }
    let stored: HashMap<String, Service> = register.services()?.into_iter().map(|s| (fold(&s.draft.name), s)).collect();
    let mut listed_services: HashSet<String> = HashSet::new();
    if let Some(table) = services {
        plan.services = read_services(table, &stored, today, &mut listed_services, problems);
    }
    if let Some(table) = dependencies {
        let known = |name: &str| {
            let k = fold(name);
            (stored.contains_key(&k) || listed_services.contains(&k)).then_some(k)
        };
        let held: HashMap<(ServiceId, ProviderId), Dependency> =
            register.dependencies()?.into_iter().map(|d| ((d.service_id, d.provider_id), d)).collect();
        let services_file = services.map_or(SERVICES_CSV, |t| t.file.as_str());
        for planned in read_dependencies(table, &known, providers, services_file, problems) {
            let stored_id = stored.get(&planned.service).map(|s| s.id);
            let same = stored_id.zip(planned.provider.stored).and_then(|ids| held.get(&ids)).is_some_and(|d| {
                (d.when_down, d.when_degraded, d.note.as_str()) == (planned.when_down, planned.when_degraded, planned.note.as_str())
            });
            if !same {
                plan.dependencies.push(planned);
            }
        }
    }
    if let Some(table) = runs_on {
        plan.runs_on = read_runs_on(table, &register.runs_on()?, providers, problems);
    }
    Ok(plan)
}

const SERVICE_FIELDS: [(&str, &str); 6] = [
    ("name", SERVICE),
    ("owner", service::OWNER),
    ("description", service::DESCRIPTION),
    ("downtime_cost_per_hour", service::DOWNTIME_COST),
    ("degraded_share", service::DEGRADED_SHARE),
    ("rto_hours", service::RTO_HOURS),
];

/// An amount or an empty cell.
fn opt_amount(cell: &Cell, what: &str) -> Result<Option<f64>, String> {
    if cell.is_blank() {
        Ok(None)
    } else {
        cells::amount(cell, what).map(Some)
    }
}

/// A percent of downtime ("50", "50 %", or the number 50), as a share.
fn share(cell: &Cell) -> Result<f64, String> {
    let text = cell.to_text();
    let percent = text.trim().trim_end_matches('%');
    share_of_percent(percent)
        .ok_or_else(|| format!("{} is a percent of the cost of downtime, 0 to 100, not \"{}\".", service::DEGRADED_SHARE, text.trim()))
}

/// The services the table lists that are new or differ from the register's; `listed` gathers
/// every name listed (folded), so that links may name them.
fn read_services(
    table: &Table,
    stored: &HashMap<String, Service>,
    today: NaiveDate,
    listed: &mut HashSet<String>,
    problems: &mut Problems,
) -> Vec<PlannedService> {
    use service::*;
    let headers = [SERVICE, OWNER, DESCRIPTION, DOWNTIME_COST, DEGRADED_SHARE, RTO_HOURS, RETIRED, CREATED_ON];
    let Some(columns) = Headed::read(table, &headers, &[SERVICE], problems) else { return Vec::new() };
    let mut first_rows: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let Some(name) = columns.name(row, SERVICE, "service", problems) else { continue };
        let k = fold(&name);
        if let Some(first) = first_rows.get(&k) {
            problems.push(columns.problem(row, SERVICE, format!("\"{name}\" is listed twice (first on row {first}).")));
            continue;
        }
        first_rows.insert(k.clone(), row.number);
        listed.insert(k.clone());
        let existing = stored.get(&k);
        let before = problems.count();
        // A column the table does not have leaves what the register holds.
        let mut draft = existing.map_or_else(ServiceDraft::blank, |s| s.draft.clone());
        draft.name = name;
        if columns.has(OWNER) {
            draft.owner = columns.text(row, OWNER);
        }
        if columns.has(DESCRIPTION) {
            draft.description = columns.text(row, DESCRIPTION);
        }
        if let Some(cost) = columns.parse_present(row, DOWNTIME_COST, problems, |c| opt_amount(c, DOWNTIME_COST)) {
            draft.downtime_cost_per_hour = cost;
        }
        // An empty cell keeps the share the service has (the default for a new one).
        if let Some(Some(share)) = columns.parse_present(row, DEGRADED_SHARE, problems, |c| (!c.is_blank()).then(|| share(c)).transpose()) {
            draft.degraded_share = share;
        }
        if let Some(rto) = columns.parse_present(row, RTO_HOURS, problems, |c| opt_amount(c, RTO_HOURS)) {
            draft.rto_hours = rto;
        }
        if let Some(retired) = columns.parse_present(row, RETIRED, problems, |c| cells::flag(c, RETIRED)) {
            draft.retired = retired;
        }
        let created_on = columns.parse(row, CREATED_ON, problems, cells::opt_date).flatten();
        if let Err(errors) = validate_service(&draft, &[]) {
            columns.file_errors(row, errors, &SERVICE_FIELDS, problems);
        }
        if problems.count() > before || existing.is_some_and(|s| s.draft == draft) {
            continue;
        }
        out.push(PlannedService {
            existing: existing.map(|s| s.id),
            draft,
            created_on: existing.map(|s| s.created_on).or(created_on).unwrap_or(today),
        });
    }
    out
}

fn effect(cell: &Cell, header: &str) -> Result<Effect, String> {
    let labels: Vec<&str> = Effect::ALL.iter().map(|e| e.label()).collect();
    cells::opt_choice(cell, header, Effect::parse, &labels)?
        .ok_or_else(|| format!("Say what the service is {}: {}.", header.to_lowercase(), labels.join(", ")))
}

/// Every well-formed dependency row; `known` gives a listed or stored service's key.
fn read_dependencies(
    table: &Table,
    known: &dyn Fn(&str) -> Option<String>,
    providers: &KnownProviders,
    services_file: &str,
    problems: &mut Problems,
) -> Vec<PlannedDependency> {
    use dependency::*;
    let headers = [SERVICE, PROVIDER, WHEN_DOWN, WHEN_DEGRADED, NOTE];
    let Some(columns) = Headed::read(table, &headers, &[SERVICE, PROVIDER, WHEN_DOWN, WHEN_DEGRADED], problems) else {
        return Vec::new();
    };
    let mut first_rows: HashMap<(String, String), u64> = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let (Some(service_name), Some(provider_name)) =
            (columns.name(row, SERVICE, "service", problems), columns.name(row, PROVIDER, "provider", problems))
        else {
            continue;
        };
        let service = columns.parse(row, SERVICE, problems, |_| {
            known(&service_name).ok_or_else(|| format!("There is no service \"{service_name}\" in {services_file} or in the register."))
        });
        let provider = columns.parse(row, PROVIDER, problems, |_| providers.end(&provider_name));
        let when_down = columns.parse(row, WHEN_DOWN, problems, |c| effect(c, WHEN_DOWN));
        let when_degraded = columns.parse(row, WHEN_DEGRADED, problems, |c| effect(c, WHEN_DEGRADED));
        let (Some(service), Some(provider), Some(when_down), Some(when_degraded)) = (service, provider, when_down, when_degraded) else {
            continue;
        };
        if let Some(first) = first_rows.insert((service.clone(), provider.key.clone()), row.number) {
            first_rows.insert((service, provider.key), first);
            problems.push(ImportProblem::row(&table.file, row.number, format!("This row repeats row {first}.")));
            continue;
        }
        let note = columns.text(row, NOTE);
        // Its ends have no ids until written; validation reads the rest.
        let link = Dependency { service_id: ServiceId(0), provider_id: ProviderId(0), when_down, when_degraded, note };
        if let Err(errors) = validate_dependency(&link) {
            columns.file_errors(row, errors, &[("note", NOTE)], problems);
            continue;
        }
        out.push(PlannedDependency { service, provider, when_down, when_degraded, note: link.note });
    }
    out
}

/// The loop check works on ids, and providers not written yet have none: every provider gets a
/// stand-in id by its key, and keeps the name it was first met with to say a loop in.
#[derive(Default)]
struct StandIns {
    ids: HashMap<String, ProviderId>,
    names: Vec<String>,
}

impl StandIns {
    fn id(&mut self, name: &str) -> ProviderId {
        let next = ProviderId(self.names.len() as i64);
        let id = *self.ids.entry(key(name)).or_insert(next);
        if id == next {
            self.names.push(name.trim().to_string());
        }
        id
    }

    fn name(&self, id: ProviderId) -> &str {
        self.names.get(id.0 as usize).map_or("", String::as_str)
    }
}

/// The runs-on links the table adds. One that would close a loop, with the register's links and
/// the table's earlier rows, is refused with the loop named, as the provider page refuses it.
fn read_runs_on(table: &Table, held: &[RunsOn], providers: &KnownProviders, problems: &mut Problems) -> Vec<PlannedRunsOn> {
    use runs_on::*;
    let Some(columns) = Headed::read(table, &[PROVIDER, RUNS_ON], &[PROVIDER, RUNS_ON], problems) else { return Vec::new() };
    let mut stand_ins = StandIns::default();
    let stored_names: HashMap<ProviderId, &str> = providers.stored.values().map(|p| (p.id, p.profile.name.as_str())).collect();
    let mut links: Vec<RunsOn> = held
        .iter()
        .filter_map(|l| {
            let (a, b) = (stored_names.get(&l.provider_id)?, stored_names.get(&l.runs_on)?);
            Some(RunsOn { provider_id: stand_ins.id(a), runs_on: stand_ins.id(b) })
        })
        .collect();
    let mut first_rows: HashMap<RunsOn, u64> = HashMap::new();
    let mut out = Vec::new();
    for row in &table.rows {
        let (Some(provider_name), Some(runs_on_name)) =
            (columns.name(row, PROVIDER, "provider", problems), columns.name(row, RUNS_ON, "provider", problems))
        else {
            continue;
        };
        let provider = columns.parse(row, PROVIDER, problems, |_| providers.end(&provider_name));
        let runs_on = columns.parse(row, RUNS_ON, problems, |_| providers.end(&runs_on_name));
        let (Some(provider), Some(runs_on)) = (provider, runs_on) else { continue };
        let link = RunsOn { provider_id: stand_ins.id(&provider_name), runs_on: stand_ins.id(&runs_on_name) };
        if let Some(first) = first_rows.get(&link) {
            problems.push(ImportProblem::row(&table.file, row.number, format!("This row repeats row {first}.")));
            continue;
        }
        first_rows.insert(link, row.number);
        if links.contains(&link) {
            continue;
        }
        if let Some(cycle) = cycle_through(link, &links) {
            let said: Vec<&str> = cycle.iter().map(|&id| stand_ins.name(id)).collect();
            problems.push(columns.problem(row, RUNS_ON, format!("That would make a loop: {}.", said.join(" runs on "))));
            continue;
        }
        links.push(link);
        out.push(PlannedRunsOn { provider, runs_on });
    }
    out
}

/// Writes the plan, after the providers: `providers` holds the ids of those the import listed,
/// by key.
pub fn restore(conn: &Connection, plan: &ServicesPlan, providers: &HashMap<String, ProviderId>) -> crate::storage::Result<()> {
    for s in &plan.services {
        match s.existing {
            Some(id) => stored_services::update(conn, id, &s.draft)?,
            None => {
                stored_services::insert(conn, &s.draft, s.created_on)?;
            }
        }
    }
    if !plan.dependencies.is_empty() {
        let services: HashMap<String, ServiceId> = stored_services::all(conn)?.into_iter().map(|s| (fold(&s.draft.name), s.id)).collect();
        for d in &plan.dependencies {
            // Every end was found at planning, in the files or the register.
            let (Some(&service_id), Some(provider_id)) = (services.get(&d.service), d.provider.id(providers)) else { continue };
            let link = Dependency { service_id, provider_id, when_down: d.when_down, when_degraded: d.when_degraded, note: d.note.clone() };
            stored_dependencies::upsert(conn, &link)?;
        }
    }
    for l in &plan.runs_on {
        let (Some(provider_id), Some(runs_on)) = (l.provider.id(providers), l.runs_on.id(providers)) else { continue };
        stored_runs_on::insert(conn, RunsOn { provider_id, runs_on })?;
    }
    Ok(())
}
