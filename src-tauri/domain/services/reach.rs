//! How far a provider's failure spreads (PRODUCT.md, "Blast radius"): to the providers that run
//! on it, the same way, and from each of them to the services that need them, as each link says
//! (down, degraded, or unaffected where a feature can be switched off). A provider or service
//! reached along several paths is counted once, at the worst it suffers.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::ids::{ProviderId, ServiceId};

use super::dependency::{Effect, Failure};
use super::graph::DependencyGraph;

/// One provider on a path, failing provider first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PathStep {
    pub provider_id: ProviderId,
    pub name: String,
}

/// A provider on the path whose live alternative lets us switch away and end the harm sooner.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Shortening {
    pub provider_id: ProviderId,
    pub provider: String,
    pub alternative: String,
    pub switch_hours: Option<f64>,
}

/// One way the failure reaches a service: through `via` (failing provider first, ending at the
/// provider the service needs).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ServicePath {
    pub via: Vec<PathStep>,
    pub effect: Effect,
    pub shortened_by: Option<Shortening>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReachedService {
    pub service_id: ServiceId,
    pub name: String,
    /// The worst of its paths.
    pub effect: Effect,
    /// What an hour of this costs; `None` while the service has no cost of downtime.
    pub cost_per_hour: Option<f64>,
    pub paths: Vec<ServicePath>,
    /// Every path to it passes a provider with a live alternative.
    pub shortened: bool,
}

/// A provider that fails with the one asked about because it runs on it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReachedProvider {
    pub provider_id: ProviderId,
    pub name: String,
    pub fourth_party: bool,
    /// From the failing provider to this one.
    pub via: Vec<PathStep>,
}

/// A path that ends before a service because the link says the service carries on without the
/// provider (an off switch).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CutPath {
    pub service_id: ServiceId,
    pub service: String,
    pub via: Vec<PathStep>,
}

/// Everything one provider's outage or degradation reaches, and what an hour of it costs.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BlastRadius {
    pub provider_id: ProviderId,
    pub name: String,
    pub failure: Failure,
    pub providers: Vec<ReachedProvider>,
    /// Costliest first.
    pub services: Vec<ReachedService>,
    pub cut: Vec<CutPath>,
    pub cost_per_hour: f64,
    /// Reached services whose cost of downtime is not set: reached, but not in the total.
    pub services_without_cost: Vec<String>,
}

/// The figures of a blast radius without its paths: what the register table and the
/// concentration page need for every provider at once.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ReachTotals {
    pub cost_per_hour: f64,
    pub services: usize,
    /// Providers that run on it, directly or further down.
    pub providers: usize,
}

/// Reusable working memory for one walk after another: marks are stamped with the walk's number
/// instead of being cleared, so a walk costs what it reaches, not the size of the register.
#[derive(Debug, Default)]
pub struct Walker {
    walk: u32,
    seen: Vec<u32>,
    parent: Vec<usize>,
    order: Vec<usize>,
    service_walk: Vec<u32>,
    service_effect: Vec<Effect>,
    reached_services: Vec<usize>,
}

impl Walker {
    /// Reaches every provider that runs on `start` and every service they take down or degrade;
    /// `order` then lists the providers (start first) and `reached_services` the services.
    fn walk(&mut self, graph: &DependencyGraph, start: usize, failure: Failure) {
        let (providers, services) = (graph.nodes.len(), graph.services.len());
        if self.seen.len() < providers {
            self.seen.resize(providers, 0);
            self.parent.resize(providers, usize::MAX);
        }
        if self.service_walk.len() < services {
            self.service_walk.resize(services, 0);
            self.service_effect.resize(services, Effect::Unaffected);
        }
        self.walk = self.walk.wrapping_add(1).max(1);
        self.order.clear();
        self.reached_services.clear();
        self.seen[start] = self.walk;
        self.parent[start] = usize::MAX;
        self.order.push(start);
        let mut next = 0;
        while next < self.order.len() {
            let at = self.order[next];
            next += 1;
            for &user in &graph.carried_by[at] {
                if self.seen[user] != self.walk {
                    self.seen[user] = self.walk;
                    self.parent[user] = at;
                    self.order.push(user);
                }
            }
            for link in &graph.needed_by[at] {
                let effect = link.effect(failure);
                if effect == Effect::Unaffected {
                    continue;
                }
                if self.service_walk[link.service] != self.walk {
                    self.service_walk[link.service] = self.walk;
                    self.service_effect[link.service] = effect;
                    self.reached_services.push(link.service);
                } else if effect > self.service_effect[link.service] {
                    self.service_effect[link.service] = effect;
                }
            }
        }
    }

    /// The path from the walk's start to `provider`, start first.
    fn path(&self, graph: &DependencyGraph, provider: usize) -> Vec<PathStep> {
        let mut steps = Vec::new();
        let mut at = provider;
        loop {
            let node = &graph.nodes[at];
            steps.push(PathStep { provider_id: node.id, name: node.name.clone() });
            at = self.parent[at];
            if at == usize::MAX {
                break;
            }
        }
        steps.reverse();
        steps
    }

    /// The numbers of `provider`'s failure, or `None` for a provider the graph does not hold.
    pub fn totals(&mut self, graph: &DependencyGraph, provider: ProviderId, failure: Failure) -> Option<ReachTotals> {
        let start = graph.index(provider)?;
        if !graph.nodes[start].active {
            return Some(ReachTotals::default());
        }
        self.walk(graph, start, failure);
        let cost_per_hour =
            self.reached_services.iter().filter_map(|&s| graph.services[s].draft.cost_per_hour(self.service_effect[s])).sum();
        Some(ReachTotals { cost_per_hour, services: self.reached_services.len(), providers: self.order.len() - 1 })
    }

    /// Everything `provider`'s failure reaches, with a path for each, or `None` for a provider
    /// the graph does not hold. A retired provider reaches nothing.
    pub fn blast_radius(&mut self, graph: &DependencyGraph, provider: ProviderId, failure: Failure) -> Option<BlastRadius> {
        let start = graph.index(provider)?;
        let node = &graph.nodes[start];
        let mut radius = BlastRadius {
            provider_id: node.id,
            name: node.name.clone(),
            failure,
            providers: Vec::new(),
            services: Vec::new(),
            cut: Vec::new(),
            cost_per_hour: 0.0,
            services_without_cost: Vec::new(),
        };
        if !node.active {
            return Some(radius);
        }
        self.walk(graph, start, failure);
        // Service index → its entry in radius.services.
        let mut entry_of: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        for &at in &self.order {
            let via = self.path(graph, at);
            if at != start {
                let n = &graph.nodes[at];
                radius.providers.push(ReachedProvider {
                    provider_id: n.id,
                    name: n.name.clone(),
                    fourth_party: n.fourth_party,
                    via: via.clone(),
                });
            }
            for link in &graph.needed_by[at] {
                let service = &graph.services[link.service];
                let effect = link.effect(failure);
                if effect == Effect::Unaffected {
                    radius.cut.push(CutPath { service_id: service.id, service: service.draft.name.clone(), via: via.clone() });
                    continue;
                }
                let path = ServicePath { via: via.clone(), effect, shortened_by: shortening(graph, &via) };
                let index = *entry_of.entry(link.service).or_insert_with(|| {
                    radius.services.push(ReachedService {
                        service_id: service.id,
                        name: service.draft.name.clone(),
                        effect: self.service_effect[link.service],
                        cost_per_hour: service.draft.cost_per_hour(self.service_effect[link.service]),
                        paths: Vec::new(),
                        shortened: true,
                    });
                    radius.services.len() - 1
                });
                let reached = &mut radius.services[index];
                reached.shortened &= path.shortened_by.is_some();
                reached.paths.push(path);
            }
        }
        radius.cost_per_hour = radius.services.iter().filter_map(|s| s.cost_per_hour).sum();
        radius.services_without_cost = radius.services.iter().filter(|s| s.cost_per_hour.is_none()).map(|s| s.name.clone()).collect();
        radius
            .services
            .sort_by(|a, b| b.cost_per_hour.unwrap_or(-1.0).total_cmp(&a.cost_per_hour.unwrap_or(-1.0)).then_with(|| a.name.cmp(&b.name)));
        Some(radius)
    }
}

/// The provider nearest the service along `via` that we could switch away from.
fn shortening(graph: &DependencyGraph, via: &[PathStep]) -> Option<Shortening> {
    via.iter().rev().find_map(|step| {
        let node = &graph.nodes[graph.index(step.provider_id)?];
        let alternative = node.live_alternative.clone()?;
        Some(Shortening { provider_id: node.id, provider: node.name.clone(), alternative, switch_hours: node.switch_hours })
    })
}
