//! The default ranges, worked out from the register as PRODUCT.md ("Money at risk") says: the
//! frequency from the likelihood band or the incident evidence, the loss per event from the
//! blast radius × duration, spend × rise, or replacement cost. Each says where it came from.

use chrono::NaiveDate;

use super::inputs::{Input, LossKind, ModeInputs, MoneySettings, ProviderInputs, Source, Sourced};
use super::range::Range;
use crate::domain::evidence::drill::Drill;
use crate::domain::evidence::frequency::{ObservationWindow, WINDOW_MONTHS};
use crate::domain::evidence::incident::Incident;
use crate::domain::evidence::readiness::switch_time;
use crate::domain::provider::{Provider, Readiness, Scenario, Status};
use crate::domain::services::dependency::Failure;
use crate::domain::services::graph::DependencyGraph;
use crate::domain::services::reach::Walker;

/// Events a year per likelihood band, as a 90 % interval. The ends are the band's edges in
/// PRODUCT.md (1 Rare < 0.1 ≤ 2 Unlikely < 0.3 ≤ 3 Possible < 1 ≤ 4 Likely < 3 ≤ 5 Almost
/// certain); the open ends are closed at a fifth of Rare's top (once in fifty years) and at
/// ten a year (the most a provider's mode of failure plausibly recurs before it is replaced).
pub const LIKELIHOOD_BANDS: [Range; 5] = [
    Range { low: 0.02, high: 0.1 },
    Range { low: 0.1, high: 0.3 },
    Range { low: 0.3, high: 1.0 },
    Range { low: 1.0, high: 3.0 },
    Range { low: 3.0, high: 10.0 },
];

/// From this many incidents in the window the evidence, not the score, gives the frequency:
/// one incident says little about a rate.
pub const MIN_INCIDENTS: u32 = 2;

/// How long an outage or degradation lasts when no incident says otherwise.
pub const DEFAULT_HOURS: Range = Range { low: 1.0, high: 8.0 };

/// The expected price rise.
pub const DEFAULT_RISE: Range = Range { low: 0.2, high: 0.6 };

/// Why the modes priced only by the user are not priced.
pub const USER_PRICED: &str = "Priced only by the user (fines, notification, rework); not priced until then.";

/// What the defaults read of one provider: the provider and its own incidents and drills.
#[derive(Debug, Clone, Copy)]
pub struct ProviderRecord<'a> {
    pub provider: &'a Provider,
    pub incidents: &'a [Incident],
    pub drills: &'a [Drill],
}

/// What an hour of the provider's outage and degradation costs across its blast radius.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Reach {
    pub outage_cost_per_hour: f64,
    pub degradation_cost_per_hour: f64,
}

/// The default inputs of every active provider, reach from `graph`.
pub fn register_inputs(
    records: &[ProviderRecord],
    graph: &DependencyGraph,
    settings: &MoneySettings,
    today: NaiveDate,
) -> Vec<ProviderInputs> {
    let mut walker = Walker::default();
    records
        .iter()
        .filter(|r| r.provider.profile.status != Status::Retired)
        .map(|r| {
            let mut cost = |failure| walker.totals(graph, r.provider.id, failure).unwrap_or_default().cost_per_hour;
            let reach = Reach { outage_cost_per_hour: cost(Failure::Outage), degradation_cost_per_hour: cost(Failure::Degradation) };
            provider_inputs(r, reach, settings, today)
        })
        .collect()
}

pub fn provider_inputs(record: &ProviderRecord, reach: Reach, settings: &MoneySettings, today: NaiveDate) -> ProviderInputs {
    let p = record.provider;
    let window = ObservationWindow::ending(today, WINDOW_MONTHS, p.created_on);
    let facts = Facts::of(record, reach, settings);
    ProviderInputs {
        provider_id: p.id,
        name: p.profile.name.clone(),
        fourth_party: p.profile.fourth_party,
        modes: p
            .risk
            .scenarios
            .iter()
            .map(|s| {
                let kind = LossKind::of(&s.mode);
                ModeInputs {
                    mode: s.mode.clone(),
                    kind,
                    frequency: frequency(s, record.incidents, window),
                    loss_per_event: loss_per_event(kind, s, record.incidents, &facts),
                }
            })
            .collect(),
    }
}

/// What the loss rules need of a provider, read once.
struct Facts<'a> {
    reach: Reach,
    settings: &'a MoneySettings,
    /// Hours of an emergency switch, measured by a drill or estimated.
    switch_hours: Option<f64>,
    /// A contracted or live alternative exists: an outage lasts no longer than the switch.
    can_switch: bool,
    replacement_cost: Option<f64>,
    person_weeks: Option<f64>,
    /// Annual spend in the register's currency, or why there is none.
    spend: Result<f64, String>,
}

impl<'a> Facts<'a> {
    fn of(record: &ProviderRecord, reach: Reach, settings: &'a MoneySettings) -> Facts<'a> {
        let p = record.provider;
        let person_weeks = p.risk.replacement.person_weeks;
        let spend = match p.profile.annual_spend.filter(|&s| s > 0.0) {
            None => Err("No annual spend recorded.".to_string()),
            Some(_) if !p.profile.currency.trim().eq_ignore_ascii_case(settings.currency.trim()) => Err(format!(
                "Spend is in {}, the register counts in {}; not converted at a rate nobody chose.",
                p.profile.currency, settings.currency
            )),
            Some(spend) => Ok(spend),
        };
        Facts {
            reach,
            settings,
            switch_hours: switch_time(record.drills, p.risk.replacement.emergency_switch_hours.map(f64::from)).hours(),
            can_switch: p.risk.best_readiness().is_some_and(|r| r >= Readiness::Contracted),
            replacement_cost: person_weeks.map(|w| w * settings.weekly_person_cost),
            person_weeks,
            spend,
        }
    }
}

/// A Poisson 90 % interval for `count` events in `years`, by the square-root approximation
/// ((√k − z/2)², (√(k+1) + z/2)²), within a few % of the exact (Garwood) ends from k = 2.
fn poisson_interval(count: u32, years: f64) -> Range {
    let half_z = super::range::Z_95 / 2.0;
    let k = f64::from(count);
    Range { low: (k.sqrt() - half_z).powi(2) / years, high: ((k + 1.0).sqrt() + half_z).powi(2) / years }
}

fn frequency(scenario: &Scenario, incidents: &[Incident], window: ObservationWindow) -> Input {
    let count = scenario
        .mode_id
        .map_or(0, |id| incidents.iter().filter(|i| i.draft.mode_id == id && window.contains(i.draft.started.date_naive())).count() as u32);
    if count >= MIN_INCIDENTS {
        let years = window.years();
        return Input::derived(Sourced {
            range: poisson_interval(count, years),
            source: Source::Evidence { incidents: count, years },
            default: false,
        });
    }
    match scenario.likelihood.filter(|l| (1..=5).contains(l)) {
        Some(likelihood) => Input::derived(Sourced {
            range: LIKELIHOOD_BANDS[usize::from(likelihood) - 1],
            source: Source::LikelihoodBand { likelihood },
            default: true,
        }),
        None => Input::missing("Likelihood not scored yet and too few incidents to go by."),
    }
}

/// Hours from the mode's past incidents' time to recover: the shortest to the longest when there
/// are two or more, half to twice the one there is otherwise; `None` without any.
fn incident_hours(scenario: &Scenario, incidents: &[Incident]) -> Option<Range> {
    let id = scenario.mode_id?;
    // A minute at least: a zero-length outage would make a lognormal without a low end.
    let hours: Vec<f64> = incidents
        .iter()
        .filter(|i| i.draft.mode_id == id)
        .filter_map(|i| i.draft.time_to_recover())
        .map(|minutes| minutes.max(1) as f64 / 60.0)
        .collect();
    let low = hours.iter().copied().reduce(f64::min)?;
    let high = hours.iter().copied().reduce(f64::max)?;
    Some(if hours.len() == 1 { Range { low: low / 2.0, high: high * 2.0 } } else { Range { low, high } })
}

fn loss_per_event(kind: LossKind, scenario: &Scenario, incidents: &[Incident], facts: &Facts) -> Input {
    match kind {
        LossKind::Outage => downtime(facts.reach.outage_cost_per_hour, scenario, incidents, facts),
        LossKind::Degradation => downtime(facts.reach.degradation_cost_per_hour, scenario, incidents, facts),
        LossKind::PriceIncrease => price_increase(facts),
        LossKind::ProviderFailure | LossKind::AccountSuspension => replacement(facts),
        LossKind::PrivacyOrCompliance | LossKind::UnilateralChange | LossKind::Other => Input::missing(USER_PRICED),
    }
}

/// Duration × cost per hour of the blast radius + the fixed response cost, the duration capped
/// by the switch time where we could switch to a contracted or live alternative.
fn downtime(cost_per_hour: f64, scenario: &Scenario, incidents: &[Incident], facts: &Facts) -> Input {
    let fixed = facts.settings.fixed_response_cost;
    if cost_per_hour <= 0.0 && fixed <= 0.0 {
        return Input::missing("No service in its blast radius has a cost of downtime, and there is no fixed response cost.");
    }
    let from_incidents = incident_hours(scenario, incidents);
    let cap = facts.switch_hours.filter(|_| facts.can_switch);
    let hours = from_incidents.unwrap_or(DEFAULT_HOURS);
    let hours = cap.map_or(hours, |cap| hours.capped(cap));
    Input::derived(Sourced {
        range: hours.times(cost_per_hour).plus(fixed),
        source: Source::BlastRadius {
            cost_per_hour,
            hours,
            hours_from_incidents: from_incidents.is_some(),
            capped_by_switch: cap,
            fixed_response_cost: fixed,
        },
        default: from_incidents.is_none(),
    })
}

fn price_increase(facts: &Facts) -> Input {
    let spend = match &facts.spend {
        Ok(spend) => *spend,
        Err(reason) => return Input::missing(reason.clone()),
    };
    let rise = DEFAULT_RISE.times(spend);
    Input::derived(Sourced {
        range: facts.replacement_cost.map_or(rise, |cap| rise.capped(cap)),
        source: Source::SpendRise { spend, rise: DEFAULT_RISE, cap: facts.replacement_cost },
        default: true,
    })
}

/// Rebuilding elsewhere (person-weeks × weekly cost) plus the outage while we switch.
fn replacement(facts: &Facts) -> Input {
    let (Some(person_weeks), Some(rebuild)) = (facts.person_weeks, facts.replacement_cost) else {
        return Input::missing("Replacement effort in person-weeks not set.");
    };
    let switch_hours = facts.switch_hours.map_or(DEFAULT_HOURS, Range::exactly);
    let outage = facts.reach.outage_cost_per_hour;
    Input::derived(Sourced {
        range: switch_hours.times(outage).plus(rebuild),
        source: Source::Replacement {
            person_weeks,
            weekly_cost: facts.settings.weekly_person_cost,
            switch_hours,
            switch_hours_known: facts.switch_hours.is_some(),
            outage_cost_per_hour: outage,
        },
        default: facts.switch_hours.is_none() && outage > 0.0,
    })
}
