//! Dependency benchmark: blast radius and concentration of a synthetic register of 1,000
//! providers (100 of them fourth parties), 200 services and 5,000 service → provider links, as
//! issue 10 sizes it. Pure domain work on data already read: what the register table, the
//! Concentration page and the what-if view compute after reading the register.
//!
//! `cargo bench -p lifeboat-core --bench dependencies` (release build). Prints medians of 11
//! runs; never fails on a slow machine. Written up in docs/PERFORMANCE.md ("Dependencies").

use std::time::Instant;

use chrono::NaiveDate;
use lifeboat::domain::ids::{ProviderId, ServiceId};
use lifeboat::domain::services::concentration::{concentration, reach_of_every_provider};
use lifeboat::domain::services::dependency::{Dependency, Effect, Failure, RunsOn};
use lifeboat::domain::services::graph::{DependencyGraph, Node};
use lifeboat::domain::services::reach::Walker;
use lifeboat::domain::services::service::{Service, ServiceDraft};

const PROVIDERS: i64 = 1_000;
const FOURTH_PARTIES: i64 = 100;
const SERVICES: i64 = 200;
const LINKS: usize = 5_000;
const RUNS: usize = 11;

/// A fixed pseudo-random sequence (xorshift), so every run builds the same register.
struct Sequence(u64);

impl Sequence {
    fn below(&mut self, n: i64) -> i64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as i64
    }
}

fn register() -> (Vec<Node>, Vec<Service>, Vec<Dependency>, Vec<RunsOn>) {
    let mut seq = Sequence(0x5EED);
    let nodes = (1..=PROVIDERS)
        .map(|id| Node {
            id: ProviderId(id),
            name: format!("Provider {id}"),
            fourth_party: id <= FOURTH_PARTIES,
            active: true,
            live_alternative: (id % 7 == 0).then(|| format!("Alternative {id}")),
            switch_hours: Some(4.0),
            annual_spend: Some((id * 1_000) as f64),
            currency: "USD".into(),
        })
        .collect();
    let services = (1..=SERVICES)
        .map(|id| Service {
            id: ServiceId(id),
            draft: ServiceDraft { name: format!("Service {id}"), downtime_cost_per_hour: Some((id * 500) as f64), ..ServiceDraft::blank() },
            created_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        })
        .collect();
    let effects = [Effect::Down, Effect::Degraded, Effect::Unaffected];
    let mut seen = std::collections::HashSet::new();
    let mut dependencies = Vec::with_capacity(LINKS);
    while dependencies.len() < LINKS {
        let (service, provider) = (1 + seq.below(SERVICES), FOURTH_PARTIES + 1 + seq.below(PROVIDERS - FOURTH_PARTIES));
        if seen.insert((service, provider)) {
            dependencies.push(Dependency {
                service_id: ServiceId(service),
                provider_id: ProviderId(provider),
                when_down: effects[seq.below(2) as usize],
                when_degraded: effects[seq.below(3) as usize],
                note: String::new(),
            });
        }
    }
    // Every provider runs on one or two fourth parties; fourth parties run on lower-numbered
    // ones, so there is depth and no loop.
    let mut runs_on = Vec::new();
    for id in FOURTH_PARTIES + 1..=PROVIDERS {
        runs_on.push(RunsOn { provider_id: ProviderId(id), runs_on: ProviderId(1 + seq.below(FOURTH_PARTIES)) });
        if id % 3 == 0 {
            runs_on.push(RunsOn { provider_id: ProviderId(id), runs_on: ProviderId(1 + seq.below(FOURTH_PARTIES)) });
        }
    }
    for id in 2..=FOURTH_PARTIES {
        runs_on.push(RunsOn { provider_id: ProviderId(id), runs_on: ProviderId(1 + seq.below(id - 1)) });
    }
    runs_on.sort_by_key(|l| (l.provider_id, l.runs_on));
    runs_on.dedup();
    (nodes, services, dependencies, runs_on)
}

fn median_ms(mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn main() {
    let (nodes, services, dependencies, runs_on) = register();
    println!(
        "{} providers ({FOURTH_PARTIES} fourth parties), {} services, {} dependency links, {} runs-on links",
        nodes.len(),
        services.len(),
        dependencies.len(),
        runs_on.len()
    );
    let build = || DependencyGraph::new(nodes.clone(), services.clone(), &dependencies, &runs_on);
    let graph = build();
    let index = median_ms(|| drop(build()));
    let every = median_ms(|| drop(reach_of_every_provider(&graph)));
    let page = median_ms(|| drop(concentration(&build(), "USD")));
    let mut walker = Walker::default();
    let radius = median_ms(|| drop(walker.blast_radius(&graph, ProviderId(1), Failure::Outage)));
    let widest = walker.blast_radius(&graph, ProviderId(1), Failure::Outage).unwrap();
    println!("build the graph:                                  {index:>8.2} ms");
    println!("outage + degradation cost per hour, every provider: {every:>6.2} ms  (the register column)");
    println!("graph + concentration page:                       {page:>8.2} ms  (goal 50 ms)");
    println!(
        "what-if of the widest fourth party, with paths:   {radius:>8.2} ms  ({} providers, {} services reached)",
        widest.providers.len(),
        widest.services.len()
    );
}
