//! Where the register's risk bunches up (PRODUCT.md, "Concentration"): the providers and fourth
//! parties whose failure reaches the most cost per hour, the fourth parties several providers
//! share, the services that fall with a single provider we cannot switch away from, and how our
//! spend is spread. Each finding is also said in a plain sentence.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::ids::{ProviderId, ServiceId};

use super::dependency::{Effect, Failure};
use super::graph::DependencyGraph;
use super::reach::{PathStep, Walker};

/// How many of the costliest providers the page and the PDF name.
pub const TOP: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProviderReach {
    pub provider_id: ProviderId,
    pub name: String,
    pub fourth_party: bool,
    pub outage_cost_per_hour: f64,
    pub degradation_cost_per_hour: f64,
    /// Services its outage takes down or degrades.
    pub services: usize,
    /// Providers that run on it, directly or further down.
    pub providers: usize,
}

/// A provider that several others run on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SharedProvider {
    pub provider_id: ProviderId,
    pub name: String,
    pub fourth_party: bool,
    pub providers: Vec<PathStep>,
    pub services: usize,
    pub cost_per_hour: f64,
}

/// A service that goes down with one provider that has no live alternative.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SinglePoint {
    pub service_id: ServiceId,
    pub service: String,
    pub provider_id: ProviderId,
    pub provider: String,
    pub cost_per_hour: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SpendShare {
    pub provider_id: ProviderId,
    pub name: String,
    pub spend: f64,
    /// 0 … 1 of the total spend in the register's currency.
    pub share: f64,
}

/// Spend concentration, in the register's currency only: spends in other currencies are named,
/// not converted at a rate nobody chose.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SpendConcentration {
    pub currency: String,
    pub total: f64,
    /// Largest first.
    pub shares: Vec<SpendShare>,
    /// Herfindahl–Hirschman index of the shares in percent: 0 … 10,000; `None` without spend.
    pub hhi: Option<f64>,
    /// Providers left out because their spend is in another currency.
    pub other_currency: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Concentration {
    pub currency: String,
    /// Costliest outage first, at most [`TOP`], only providers that reach something.
    pub top: Vec<ProviderReach>,
    pub shared: Vec<SharedProvider>,
    pub single_points: Vec<SinglePoint>,
    pub spend: SpendConcentration,
    /// One plain sentence per finding, most costly first.
    pub findings: Vec<String>,
}

/// The outage and degradation figures of every active provider, in the graph's order.
pub fn reach_of_every_provider(graph: &DependencyGraph) -> Vec<ProviderReach> {
    let mut walker = Walker::default();
    graph
        .nodes()
        .iter()
        .filter(|n| n.active)
        .map(|n| {
            let outage = walker.totals(graph, n.id, Failure::Outage).unwrap_or_default();
            let degradation = walker.totals(graph, n.id, Failure::Degradation).unwrap_or_default();
            ProviderReach {
                provider_id: n.id,
                name: n.name.clone(),
                fourth_party: n.fourth_party,
                outage_cost_per_hour: outage.cost_per_hour,
                degradation_cost_per_hour: degradation.cost_per_hour,
                services: outage.services,
                providers: outage.providers,
            }
        })
        .collect()
}

pub fn concentration(graph: &DependencyGraph, currency: &str) -> Concentration {
    let every = reach_of_every_provider(graph);
    let mut walker = Walker::default();

    let mut shared: Vec<SharedProvider> = every
        .iter()
        .filter(|r| r.providers >= 2)
        .filter_map(|r| {
            let radius = walker.blast_radius(graph, r.provider_id, Failure::Outage)?;
            Some(SharedProvider {
                provider_id: r.provider_id,
                name: r.name.clone(),
                fourth_party: r.fourth_party,
                providers: radius.providers.iter().map(|p| PathStep { provider_id: p.provider_id, name: p.name.clone() }).collect(),
                services: radius.services.len(),
                cost_per_hour: radius.cost_per_hour,
            })
        })
        .collect();
    shared.sort_by(|a, b| b.cost_per_hour.total_cmp(&a.cost_per_hour).then_with(|| a.name.cmp(&b.name)));

    let mut top: Vec<ProviderReach> = every.into_iter().filter(|r| r.services > 0).collect();
    top.sort_by(|a, b| b.outage_cost_per_hour.total_cmp(&a.outage_cost_per_hour).then_with(|| a.name.cmp(&b.name)));
    top.truncate(TOP);

    let single_points = single_points(graph);
    let spend = spend(graph, currency);
    let findings = findings(&top, &shared, &single_points, &spend);
    Concentration { currency: currency.to_string(), top, shared, single_points, spend, findings }
}

/// Services that an outage of one provider takes down directly, where that provider has no live
/// alternative to switch to.
fn single_points(graph: &DependencyGraph) -> Vec<SinglePoint> {
    let mut points = Vec::new();
    for (at, node) in graph.nodes().iter().enumerate() {
        if node.live_alternative.is_some() {
            continue;
        }
        for link in graph.needed_by[at].iter().filter(|l| l.when_down == Effect::Down) {
            let service = &graph.services()[link.service];
            points.push(SinglePoint {
                service_id: service.id,
                service: service.draft.name.clone(),
                provider_id: node.id,
                provider: node.name.clone(),
                cost_per_hour: service.draft.downtime_cost_per_hour,
            });
        }
    }
    points.sort_by(|a, b| {
        b.cost_per_hour.unwrap_or(-1.0).total_cmp(&a.cost_per_hour.unwrap_or(-1.0)).then_with(|| a.service.cmp(&b.service))
    });
    points
}

fn spend(graph: &DependencyGraph, currency: &str) -> SpendConcentration {
    let mut shares = Vec::new();
    let mut other_currency = Vec::new();
    for node in graph.nodes().iter().filter(|n| n.active) {
        let Some(spend) = node.annual_spend.filter(|&s| s > 0.0) else { continue };
        if node.currency.eq_ignore_ascii_case(currency) {
            shares.push(SpendShare { provider_id: node.id, name: node.name.clone(), spend, share: 0.0 });
        } else {
            other_currency.push(node.name.clone());
        }
    }
    let total: f64 = shares.iter().map(|s| s.spend).sum();
    for s in &mut shares {
        s.share = s.spend / total;
    }
    shares.sort_by(|a, b| b.spend.total_cmp(&a.spend).then_with(|| a.name.cmp(&b.name)));
    let hhi = (total > 0.0).then(|| shares.iter().map(|s| (s.share * 100.0).powi(2)).sum());
    SpendConcentration { currency: currency.to_string(), total, shares, hhi, other_currency }
}

/// "12,500" for 12500.4: whole units, grouped, as the sentences say them.
fn whole(amount: f64) -> String {
    // `max` keeps a negative zero (a sum of nothing is -0.0), which would read "-0".
    let digits = format!("{:.0}", if amount > 0.0 { amount } else { 0.0 });
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    grouped
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn findings(top: &[ProviderReach], shared: &[SharedProvider], single: &[SinglePoint], spend: &SpendConcentration) -> Vec<String> {
    let currency = &spend.currency;
    let mut sentences = Vec::new();
    for s in shared {
        let contract = if s.fourth_party { ", a fourth party we hold no contract with" } else { "" };
        if s.services == 0 {
            // Worth knowing still (they fall together), but there is no cost to name.
            sentences.push(format!(
                "{} depend on {}{contract}; no service of ours needs them.",
                plural(s.providers.len(), "provider", "providers"),
                s.name
            ));
            continue;
        }
        sentences.push(format!(
            "{} and {}, {currency} {} an hour, depend on {}{contract}.",
            plural(s.providers.len(), "provider", "providers"),
            plural(s.services, "service", "services"),
            whole(s.cost_per_hour),
            s.name,
        ));
    }
    for r in top.iter().take(3).filter(|r| r.outage_cost_per_hour > 0.0) {
        sentences.push(format!(
            "An outage at {} takes {} down or degraded: {currency} {} an hour.",
            r.name,
            plural(r.services, "service", "services"),
            whole(r.outage_cost_per_hour)
        ));
    }
    for p in single {
        let cost = p.cost_per_hour.map(|c| format!(" ({currency} {} an hour)", whole(c))).unwrap_or_default();
        sentences.push(format!("{} goes down with {} alone{cost}: there is no live alternative.", p.service, p.provider));
    }
    if let Some(hhi) = spend.hhi {
        let reading = match hhi {
            h if h < 1500.0 => "spread out",
            h if h < 2500.0 => "moderately concentrated",
            _ => "highly concentrated",
        };
        let biggest = spend.shares.first().map(|s| format!("; {} takes {:.0} % of it", s.name, s.share * 100.0)).unwrap_or_default();
        sentences.push(format!("Spend is {reading} (HHI {hhi:.0}){biggest}."));
    }
    sentences
}
