//! Everything a worksheet shows, gathered from the register once, so the PDF renderer is a pure
//! function of it (and tests can feed it directly).

use std::collections::HashMap;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::evidence::summary::{provider_evidence, ProviderEvidence};
use crate::domain::history::Snapshot;
use crate::domain::ids::{FailureModeId, ProviderId, ServiceId};
use crate::domain::money::inputs::{MoneySettings, ProviderInputs};
use crate::domain::money::results::MoneyResults;
use crate::domain::money::simulate::Control;
use crate::domain::provider::Provider;
use crate::domain::register::RegisterRow;
use crate::domain::scoring::Level;
use crate::domain::services::concentration::concentration;
use crate::domain::services::dependency::{Effect, Failure};
use crate::domain::services::reach::{BlastRadius, Walker};
use crate::domain::services::service::Service;
use crate::storage::Register;

/// "Changes since the previous review", filled in by the reviews feature. The summary shows the
/// section only when this is present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Changes {
    /// e.g. "Q1 2026 risk review, 2026-03-14".
    pub since: String,
    pub lines: Vec<ChangeLine>,
}

/// One change, such as a riser, a faller, a new or retired provider, or a level change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChangeLine {
    pub provider: String,
    /// What happened, in words: "Exposure 9.6 → 16.0", "New provider", "Retired".
    pub change: String,
    pub from: Option<Level>,
    pub to: Option<Level>,
}

pub struct WorksheetInput {
    pub organisation: String,
    /// The review the worksheet is prepared for, if any.
    pub review_title: Option<String>,
    /// Who attended that review.
    pub review_attendees: Option<String>,
    pub generated_on: NaiveDate,
    /// One per provider, in the register's order.
    pub rows: Vec<RegisterRow>,
    /// Same order as `rows`.
    pub providers: Vec<Provider>,
    /// Every snapshot, grouped by provider id, oldest first within each.
    pub snapshots: Vec<Snapshot>,
    pub changes: Option<Changes>,
    /// Each provider's incidents and drills and what they add up to; same order as `providers`.
    pub evidence: Vec<ProviderEvidence>,
    /// Failure-mode names, retired ones included, for the incidents (which name theirs by id).
    pub mode_names: HashMap<FailureModeId, String>,
    /// The latest review closed before today, which "Incidents since the previous review"
    /// counts from (the same review "Changes since" compares with).
    pub previous_review: Option<PreviousReview>,
    /// Our services, what each needs, and what each provider's failure reaches.
    pub dependencies: DependencyView,
    /// The register's money at risk: the simulation's figures per provider and failure mode,
    /// with the inputs each came from.
    pub money: MoneyResults,
}

/// What depends on what, as the worksheet shows it: computed once from the register's
/// dependency graph, so the renderer only lays it out.
#[derive(Debug, Clone, PartialEq)]
pub struct DependencyView {
    /// The register's currency, which every cost per hour is in.
    pub currency: String,
    /// Active services by name, each with the providers it needs.
    pub services: Vec<ServiceNeeds>,
    /// Each provider's blast radius. Empty when the register has no service: nothing of ours
    /// could be reached, and the pages need not say so for every provider.
    pub reach: HashMap<ProviderId, ProviderReach>,
    /// The concentration findings, most costly first.
    pub findings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServiceNeeds {
    pub service: Service,
    /// By provider name.
    pub needs: Vec<Need>,
}

/// One provider a service needs, and what the service is when it fails.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub provider: String,
    pub when_down: Effect,
    pub when_degraded: Effect,
    pub note: String,
}

/// What one provider's outage and its degradation reach.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderReach {
    pub outage: BlastRadius,
    pub degradation: BlastRadius,
}

impl DependencyView {
    pub fn read(register: &Register, providers: &[Provider]) -> crate::storage::Result<DependencyView> {
        let graph = register.dependency_graph()?;
        let currency = register.settings()?.currency;
        let names: HashMap<ProviderId, &str> = providers.iter().map(|p| (p.id, p.profile.name.as_str())).collect();
        let mut needs: HashMap<ServiceId, Vec<Need>> = HashMap::new();
        for d in register.dependencies()? {
            let provider = names.get(&d.provider_id).copied().unwrap_or_default().to_string();
            needs.entry(d.service_id).or_default().push(Need {
                provider,
                when_down: d.when_down,
                when_degraded: d.when_degraded,
                note: d.note,
            });
        }
        let services: Vec<ServiceNeeds> = graph
            .services()
            .iter()
            .filter(|s| !s.draft.retired)
            .map(|s| ServiceNeeds { service: s.clone(), needs: needs.remove(&s.id).unwrap_or_default() })
            .collect();
        let mut walker = Walker::default();
        let mut radius = |id, failure| walker.blast_radius(&graph, id, failure);
        let reach = if graph.services().is_empty() {
            HashMap::new()
        } else {
            providers
                .iter()
                .filter_map(|p| {
                    Some((p.id, ProviderReach { outage: radius(p.id, Failure::Outage)?, degradation: radius(p.id, Failure::Degradation)? }))
                })
                .collect()
        };
        let findings = concentration(&graph, &currency).findings;
        Ok(DependencyView { currency, services, reach, findings })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviousReview {
    /// e.g. "Q1 2026 risk review (2026-03-14)".
    pub label: String,
    pub held_on: NaiveDate,
}

impl WorksheetInput {
    /// Everything the worksheet shows as of `today`: the review title is that of a review still
    /// open or held within the last 30 days; changes are those since the latest review closed
    /// before today, when there is one.
    pub fn from_register(register: &Register, today: NaiveDate) -> crate::storage::Result<WorksheetInput> {
        let review = register.latest_review()?.filter(|r| r.is_open() || (today - r.held_on).num_days() <= 30);
        let review_title = review.as_ref().map(|r| format!("{} · {}", r.title.trim(), r.held_on.format("%Y-%m-%d")));
        let review_attendees = review.map(|r| r.attendees.trim().to_string()).filter(|a| !a.is_empty());
        let previous = register.changes_since_previous_review(today)?;
        let previous_review = previous.as_ref().map(|(review, _)| PreviousReview {
            label: format!("{} ({})", review.title.trim(), review.held_on.format("%Y-%m-%d")),
            held_on: review.held_on,
        });
        let changes = previous.map(|(review, changes)| Changes {
            since: format!("{} ({})", review.title.trim(), review.held_on.format("%Y-%m-%d")),
            lines: changes
                .lines()
                .into_iter()
                .map(|l| ChangeLine { provider: l.provider, change: l.change, from: l.from, to: l.to })
                .collect(),
        });
        let (providers, rows) = register.providers_and_rows(today)?;
        let evidence = read_evidence(register, &providers, today)?;
        let dependencies = DependencyView::read(register, &providers)?;
        let money = money_results(register, today)?;
        Ok(WorksheetInput {
            organisation: register.settings()?.organisation,
            review_title,
            review_attendees,
            generated_on: today,
            rows,
            providers,
            snapshots: register.all_snapshots()?,
            changes,
            evidence,
            mode_names: register.catalogue()?.into_iter().map(|m| (m.id, m.name)).collect(),
            previous_review,
            dependencies,
            money,
        })
    }

    /// One provider's evidence, by its place in `providers`.
    pub fn evidence_of(&self, index: usize) -> Option<&ProviderEvidence> {
        self.evidence.get(index)
    }

    pub fn mode_name(&self, id: FailureModeId) -> &str {
        self.mode_names.get(&id).map(String::as_str).unwrap_or("—")
    }

    /// The snapshots of one provider, oldest first (relies on `snapshots` being grouped).
    pub fn snapshots_of(&self, provider_id: ProviderId) -> &[Snapshot] {
        let start = self.snapshots.partition_point(|s| s.provider_id < provider_id);
        let end = self.snapshots.partition_point(|s| s.provider_id <= provider_id);
        if start <= end && self.snapshots[start..end].iter().all(|s| s.provider_id == provider_id) {
            &self.snapshots[start..end]
        } else {
            &[]
        }
    }
}

/// The register's money figures: the kept ones while no input has changed, else simulated on
/// every core (the figures do not depend on how many) and kept.
pub fn money_results(register: &Register, today: NaiveDate) -> crate::storage::Result<MoneyResults> {
    let (inputs, settings) = register.money_inputs(today)?;
    money_results_of(register, &inputs, &settings)
}

/// The figures of `inputs`, kept or simulated on every core, never cancelled.
pub(crate) fn money_results_of(
    register: &Register,
    inputs: &[ProviderInputs],
    settings: &MoneySettings,
) -> crate::storage::Result<MoneyResults> {
    let cancel = AtomicBool::new(false);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let control = Control { progress: &|_| {}, cancel: &cancel, threads };
    Ok(register.money_results_of(inputs, settings, control)?.expect("never cancelled"))
}

/// Every provider's evidence from two queries (all incidents, all drills), not two per provider:
/// a worksheet of thousands of providers stays quick.
fn read_evidence(register: &Register, providers: &[Provider], today: NaiveDate) -> crate::storage::Result<Vec<ProviderEvidence>> {
    let cadence = register.settings()?.drill_cadence;
    let mut incidents: HashMap<ProviderId, Vec<_>> = HashMap::new();
    for i in register.all_incidents()? {
        incidents.entry(i.draft.provider_id).or_default().push(i);
    }
    let mut drills: HashMap<ProviderId, Vec<_>> = HashMap::new();
    for d in register.all_drills()? {
        drills.entry(d.draft.provider_id).or_default().push(d);
    }
    // Both lists come newest first, and grouping keeps that order within each provider.
    Ok(providers
        .iter()
        .map(|p| {
            provider_evidence(p, incidents.remove(&p.id).unwrap_or_default(), drills.remove(&p.id).unwrap_or_default(), &cadence, today)
        })
        .collect())
}
