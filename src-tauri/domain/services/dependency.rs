//! The links between services and providers: which providers a service needs and what becomes
//! of it when one of them is down or degraded, and which providers run on which (fourth parties).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::ids::{ProviderId, ServiceId};
use crate::domain::provider::choice;
use crate::domain::validation::{ValidationErrors, MAX_TEXT_LEN};

choice!(
    /// What a failure does to what depends on it. Ordered from least to most harm, so `max`
    /// gives the worst of several paths.
    Effect {
        Unaffected = "unaffected" / "Unaffected",
        Degraded = "degraded" / "Degraded",
        Down = "down" / "Down",
    }
);

choice!(
    /// The two failure modes that spread along dependencies.
    Failure {
        Outage = "outage" / "Outage",
        Degradation = "degradation" / "Degradation",
    }
);

impl Failure {
    /// What the failing provider itself is: down in an outage, degraded in a degradation.
    pub fn effect(self) -> Effect {
        match self {
            Failure::Outage => Effect::Down,
            Failure::Degradation => Effect::Degraded,
        }
    }
}

/// A service needs a provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Dependency {
    pub service_id: ServiceId,
    pub provider_id: ProviderId,
    /// What the service is while the provider is down; `Unaffected` where a feature can be
    /// switched off.
    pub when_down: Effect,
    /// What the service is while the provider is slow or partly failing: a slow provider can
    /// take a service down (backlogs cascade).
    pub when_degraded: Effect,
    pub note: String,
}

impl Dependency {
    /// What the service becomes when the provider fails this way.
    pub fn effect(&self, failure: Failure) -> Effect {
        match failure {
            Failure::Outage => self.when_down,
            Failure::Degradation => self.when_degraded,
        }
    }
}

/// A provider runs on another (Postmark runs on AWS us-east-1): the second one's failure is
/// the first one's, the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RunsOn {
    pub provider_id: ProviderId,
    pub runs_on: ProviderId,
}

pub fn validate_dependency(dependency: &Dependency) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    if dependency.note.chars().count() > MAX_TEXT_LEN {
        e.add("dependency.note", format!("Note is longer than {MAX_TEXT_LEN} characters."));
    }
    e.into_result()
}

/// The providers of a loop that `link` would close, from `link.provider_id` round to itself
/// ([A, B, A] for "A runs on B runs on A"), or `None` when it closes none. `existing` are the
/// links already recorded.
pub fn cycle_through(link: RunsOn, existing: &[RunsOn]) -> Option<Vec<ProviderId>> {
    if link.provider_id == link.runs_on {
        return Some(vec![link.provider_id, link.provider_id]);
    }
    // A path from `runs_on` back to `provider_id` over the existing links closes a loop.
    let mut came_from: std::collections::HashMap<ProviderId, ProviderId> = std::collections::HashMap::new();
    let mut queue = std::collections::VecDeque::from([link.runs_on]);
    while let Some(at) = queue.pop_front() {
        for next in existing.iter().filter(|l| l.provider_id == at).map(|l| l.runs_on) {
            if next == link.runs_on || came_from.contains_key(&next) {
                continue;
            }
            came_from.insert(next, at);
            if next == link.provider_id {
                let mut path = vec![link.provider_id];
                let mut back = link.provider_id;
                while back != link.runs_on {
                    back = came_from[&back];
                    path.push(back);
                }
                path.push(link.provider_id);
                // Built backwards from the end: A, …, B, A reads A runs on B runs on … A.
                let inner: Vec<ProviderId> = path[1..path.len() - 1].iter().rev().copied().collect();
                let mut cycle = vec![link.provider_id];
                cycle.extend(inner);
                cycle.push(link.provider_id);
                return Some(cycle);
            }
            queue.push_back(next);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(a: i64, b: i64) -> RunsOn {
        RunsOn { provider_id: ProviderId(a), runs_on: ProviderId(b) }
    }

    fn ids(v: &[i64]) -> Vec<ProviderId> {
        v.iter().map(|&i| ProviderId(i)).collect()
    }

    #[test]
    fn a_loop_is_named_from_the_new_link_round_to_its_start() {
        assert_eq!(cycle_through(on(1, 1), &[]), Some(ids(&[1, 1])));
        assert_eq!(cycle_through(on(1, 2), &[on(2, 1)]), Some(ids(&[1, 2, 1])));
        assert_eq!(cycle_through(on(1, 2), &[on(2, 3), on(3, 4), on(4, 1)]), Some(ids(&[1, 2, 3, 4, 1])));
    }

    #[test]
    fn shared_fourth_parties_are_no_loop() {
        let existing = [on(2, 9), on(3, 9), on(1, 3)];
        assert_eq!(cycle_through(on(1, 2), &existing), None);
        assert_eq!(cycle_through(on(9, 10), &existing), None);
    }
}
