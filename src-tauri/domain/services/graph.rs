//! The register's dependencies as an index: who runs on whom, which services need whom, and
//! what the reach rules need to know of each provider. Built once from the register's records,
//! then asked about any provider's failure without touching them again.

use std::collections::HashMap;

use crate::domain::evidence::drill::Drill;
use crate::domain::evidence::readiness::switch_time;
use crate::domain::ids::{ProviderId, ServiceId};
use crate::domain::provider::{Provider, Readiness, Status};

use super::dependency::{Dependency, Effect, RunsOn};
use super::service::Service;

/// What the reach rules need to know of one provider.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: ProviderId,
    pub name: String,
    pub fourth_party: bool,
    /// Retired providers carry nothing: their links are history.
    pub active: bool,
    /// The live alternative we would switch to, by name, when there is one.
    pub live_alternative: Option<String>,
    /// How long that switch takes, in hours (measured by a drill or estimated).
    pub switch_hours: Option<f64>,
    pub annual_spend: Option<f64>,
    pub currency: String,
}

impl Node {
    /// What the reach rules need of `provider`, whose drills measure its switch time.
    pub fn of(provider: &Provider, drills: &[Drill]) -> Node {
        let live = provider.risk.alternatives.iter().find(|a| a.readiness == Readiness::Live);
        Node {
            id: provider.id,
            name: provider.profile.name.clone(),
            fourth_party: provider.profile.fourth_party,
            active: provider.profile.status != Status::Retired,
            live_alternative: live.map(|a| a.name.clone()),
            switch_hours: switch_time(drills, provider.risk.replacement.emergency_switch_hours.map(f64::from)).hours(),
            annual_spend: provider.profile.annual_spend,
            currency: provider.profile.currency.clone(),
        }
    }
}

/// A service's link to a provider, by index into the graph's lists.
#[derive(Debug, Clone, Copy)]
pub(super) struct Link {
    pub service: usize,
    pub when_down: Effect,
    pub when_degraded: Effect,
}

impl Link {
    pub fn effect(&self, failure: super::dependency::Failure) -> Effect {
        match failure {
            super::dependency::Failure::Outage => self.when_down,
            super::dependency::Failure::Degradation => self.when_degraded,
        }
    }
}

/// The index. Providers and services are addressed by their position in `nodes` and
/// `services`; links whose either end is unknown, retired or inactive are left out once, here.
#[derive(Debug, Clone)]
pub struct DependencyGraph {
    pub(super) nodes: Vec<Node>,
    pub(super) services: Vec<Service>,
    /// Per provider, the providers that run on it: where its failure spreads.
    pub(super) carried_by: Vec<Vec<usize>>,
    /// Per provider, the active services that need it.
    pub(super) needed_by: Vec<Vec<Link>>,
    by_id: HashMap<ProviderId, usize>,
}

impl DependencyGraph {
    pub fn new(nodes: Vec<Node>, services: Vec<Service>, dependencies: &[Dependency], runs_on: &[RunsOn]) -> DependencyGraph {
        let by_id: HashMap<ProviderId, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
        let service_at: HashMap<ServiceId, usize> =
            services.iter().enumerate().filter(|(_, s)| !s.draft.retired).map(|(i, s)| (s.id, i)).collect();
        let active = |id: &ProviderId| by_id.get(id).copied().filter(|&i| nodes[i].active);
        let mut carried_by = vec![Vec::new(); nodes.len()];
        for link in runs_on {
            if let (Some(user), Some(host)) = (active(&link.provider_id), active(&link.runs_on)) {
                carried_by[host].push(user);
            }
        }
        let mut needed_by = vec![Vec::new(); nodes.len()];
        for d in dependencies {
            if let (Some(provider), Some(&service)) = (active(&d.provider_id), service_at.get(&d.service_id)) {
                needed_by[provider].push(Link { service, when_down: d.when_down, when_degraded: d.when_degraded });
            }
        }
        DependencyGraph { nodes, services, carried_by, needed_by, by_id }
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    pub(super) fn index(&self, id: ProviderId) -> Option<usize> {
        self.by_id.get(&id).copied()
    }
}
