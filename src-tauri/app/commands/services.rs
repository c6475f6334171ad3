//! The Services page, the provider page's dependencies and blast radius, the Concentration page
//! and the what-if view.

use std::collections::HashMap;

use serde::Serialize;
use tauri::AppHandle;
use ts_rs::TS;

use crate::app::error::CommandResult;
use crate::app::state::with_register;
use lifeboat::clock;
use lifeboat::domain::ids::{ProviderId, ServiceId};
use lifeboat::domain::services::concentration::Concentration;
use lifeboat::domain::services::dependency::{Dependency, Failure, RunsOn};
use lifeboat::domain::services::reach::{BlastRadius, Walker};
use lifeboat::domain::services::service::{Service, ServiceDraft};
use lifeboat::storage::{Missing, Register, StoreError};

/// A provider named beside a link.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct NamedProvider {
    pub id: ProviderId,
    pub name: String,
    pub fourth_party: bool,
}

/// A service and the providers it needs, as the Services page lists it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ServiceDetail {
    pub service: Service,
    pub needs: Vec<ServiceNeed>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ServiceNeed {
    pub dependency: Dependency,
    pub provider: NamedProvider,
}

/// A provider's links seen from its side, and how far its failures reach.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ProviderLinks {
    /// The services that need it, with what becomes of them.
    pub needed_by: Vec<NeededBy>,
    /// The providers it runs on (its fourth parties).
    pub runs_on: Vec<NamedProvider>,
    /// The providers that run on it.
    pub carries: Vec<NamedProvider>,
    pub outage: BlastRadius,
    pub degradation: BlastRadius,
    /// The register's currency, in which every cost per hour is.
    pub currency: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct NeededBy {
    pub dependency: Dependency,
    pub service_name: String,
    pub retired: bool,
}

fn named_providers(r: &Register) -> CommandResult<HashMap<ProviderId, NamedProvider>> {
    Ok(r.providers()?
        .into_iter()
        .map(|p| (p.id, NamedProvider { id: p.id, name: p.profile.name, fourth_party: p.profile.fourth_party }))
        .collect())
}

/// Every service with the providers it needs, by name.
pub fn list_services(app: &AppHandle) -> CommandResult<Vec<ServiceDetail>> {
    with_register(app, |r| {
        let providers = named_providers(r)?;
        let mut needs: HashMap<ServiceId, Vec<ServiceNeed>> = HashMap::new();
        for dependency in r.dependencies()? {
            if let Some(provider) = providers.get(&dependency.provider_id) {
                needs.entry(dependency.service_id).or_default().push(ServiceNeed { provider: provider.clone(), dependency });
            }
        }
        Ok(r.services()?
            .into_iter()
            .map(|service| {
                let mut needs = needs.remove(&service.id).unwrap_or_default();
                needs.sort_by(|a, b| a.provider.name.cmp(&b.provider.name));
                ServiceDetail { service, needs }
            })
            .collect())
    })
}

pub fn get_new_service_draft(_app: &AppHandle) -> CommandResult<ServiceDraft> {
    Ok(ServiceDraft::blank())
}

pub fn create_service(app: &AppHandle, draft: ServiceDraft) -> CommandResult<Service> {
    with_register(app, |r| Ok(r.add_service(&draft, clock::today())?))
}

pub fn update_service(app: &AppHandle, id: ServiceId, draft: ServiceDraft) -> CommandResult<Service> {
    with_register(app, |r| Ok(r.update_service(id, &draft)?))
}

pub fn delete_service(app: &AppHandle, id: ServiceId) -> CommandResult<()> {
    with_register(app, |r| Ok(r.delete_service(id)?))
}

pub fn set_dependency(app: &AppHandle, dependency: Dependency) -> CommandResult<Dependency> {
    with_register(app, |r| Ok(r.set_dependency(&dependency)?))
}

pub fn delete_dependency(app: &AppHandle, service: ServiceId, provider: ProviderId) -> CommandResult<()> {
    with_register(app, |r| Ok(r.remove_dependency(service, provider)?))
}

pub fn add_runs_on(app: &AppHandle, provider: ProviderId, runs_on: ProviderId) -> CommandResult<RunsOn> {
    with_register(app, |r| Ok(r.add_runs_on(RunsOn { provider_id: provider, runs_on })?))
}

pub fn delete_runs_on(app: &AppHandle, provider: ProviderId, runs_on: ProviderId) -> CommandResult<()> {
    with_register(app, |r| Ok(r.remove_runs_on(RunsOn { provider_id: provider, runs_on })?))
}

pub fn get_provider_links(app: &AppHandle, id: ProviderId) -> CommandResult<ProviderLinks> {
    with_register(app, |r| {
        // The graph holds every provider and service already: read the register once.
        let graph = r.dependency_graph()?;
        let providers: HashMap<ProviderId, NamedProvider> =
            graph.nodes().iter().map(|n| (n.id, NamedProvider { id: n.id, name: n.name.clone(), fourth_party: n.fourth_party })).collect();
        let services: HashMap<ServiceId, &Service> = graph.services().iter().map(|s| (s.id, s)).collect();
        let mut needed_by: Vec<NeededBy> = r
            .dependencies_of_provider(id)?
            .into_iter()
            .filter_map(|dependency| {
                let service = services.get(&dependency.service_id)?;
                Some(NeededBy { service_name: service.draft.name.clone(), retired: service.draft.retired, dependency })
            })
            .collect();
        needed_by.sort_by(|a, b| a.service_name.cmp(&b.service_name));
        let links = r.runs_on()?;
        let mut walker = Walker::default();
        let mut radius = |failure| walker.blast_radius(&graph, id, failure).ok_or(StoreError::NotFound(Missing::Provider(id)));
        let named = |ids: Vec<ProviderId>| -> Vec<NamedProvider> {
            let mut list: Vec<NamedProvider> = ids.iter().filter_map(|id| providers.get(id).cloned()).collect();
            list.sort_by(|a, b| a.name.cmp(&b.name));
            list
        };
        Ok(ProviderLinks {
            needed_by,
            runs_on: named(links.iter().filter(|l| l.provider_id == id).map(|l| l.runs_on).collect()),
            carries: named(links.iter().filter(|l| l.runs_on == id).map(|l| l.provider_id).collect()),
            outage: radius(Failure::Outage)?,
            degradation: radius(Failure::Degradation)?,
            currency: r.settings()?.currency,
        })
    })
}

/// What-if: everything `provider`'s failure reaches.
pub fn get_blast_radius(app: &AppHandle, provider: ProviderId, failure: Failure) -> CommandResult<BlastRadius> {
    with_register(app, |r| Ok(r.blast_radius(provider, failure)?))
}

pub fn get_concentration(app: &AppHandle) -> CommandResult<Concentration> {
    with_register(app, |r| Ok(r.concentration()?))
}
