//! What changed in the register between two days: risers, fallers, level changes, new and
//! retired providers. "Since the previous review", the comparison of two reviews and a review's
//! closing summary are all this one comparison.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::domain::ids::{ProviderId, ReviewId};
use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::history::TrendPoint;
use super::scoring::{Level, NOT_ASSESSED};

/// A provider's scores as they stood on some day: its latest snapshot up to then. The scores
/// are `None` while it was Not assessed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Standing {
    pub taken_on: NaiveDate,
    pub inherent: Option<u8>,
    pub inherent_level: Option<Level>,
    pub exposure: Option<f64>,
    pub exposure_level: Option<Level>,
    pub review_id: Option<ReviewId>,
    /// The expected annual loss the assessment kept of its day, if it kept its money.
    pub expected_loss: Option<f64>,
}

impl Standing {
    fn of(point: &TrendPoint) -> Standing {
        Standing {
            taken_on: point.taken_on,
            inherent: point.inherent,
            inherent_level: point.level,
            exposure: point.exposure,
            exposure_level: point.exposure.map(Level::of),
            review_id: point.review_id,
            expected_loss: point.expected_loss,
        }
    }
}

/// Everything the comparison needs to know about one provider over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub provider_id: ProviderId,
    pub name: String,
    /// The day the provider was retired (status "retired"), if it is.
    pub retired_on: Option<NaiveDate>,
    /// Its snapshots' scores, in any order.
    pub trend: Vec<TrendPoint>,
}

/// One provider in a register state.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChangeEntry {
    pub provider_id: ProviderId,
    pub name: String,
    pub standing: Standing,
}

/// The register as it stood at the end of one day.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RegisterState {
    pub on: Option<NaiveDate>,
    pub providers: Vec<ChangeEntry>,
}

/// A provider is in the register on `on` once it has a snapshot up to that day, and until the
/// day it is retired (a provider retired on `on` is already out).
pub fn state_at(on: NaiveDate, timelines: &[Timeline]) -> RegisterState {
    let providers = timelines
        .iter()
        .filter(|t| t.retired_on.is_none_or(|retired| retired > on))
        .filter_map(|t| {
            let latest = t.trend.iter().filter(|p| p.taken_on <= on).max_by_key(|p| p.taken_on)?;
            Some(ChangeEntry { provider_id: t.provider_id, name: t.name.clone(), standing: Standing::of(latest) })
        })
        .collect();
    RegisterState { on: Some(on), providers }
}

/// One provider's move between the two states.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Movement {
    pub provider_id: ProviderId,
    pub name: String,
    pub before: Standing,
    pub after: Standing,
    /// after − before, one decimal; `None` when either side is Not assessed.
    pub exposure_change: Option<f64>,
    pub inherent_change: Option<i32>,
    /// after − before of the expected annual loss; `None` unless both assessments kept their money.
    pub loss_change: Option<f64>,
}

impl Movement {
    fn between(entry: &ChangeEntry, before: &Standing) -> Movement {
        let (after, before) = (&entry.standing, before);
        Movement {
            provider_id: entry.provider_id,
            name: entry.name.clone(),
            exposure_change: after.exposure.zip(before.exposure).map(|(a, b)| ((a - b) * 10.0).round() / 10.0),
            inherent_change: after.inherent.zip(before.inherent).map(|(a, b)| a as i32 - b as i32),
            loss_change: after.expected_loss.zip(before.expected_loss).map(|(a, b)| a - b),
            before: before.clone(),
            after: after.clone(),
        }
    }

    /// Includes a provider's first assessment (Not assessed → a level) and the reverse.
    pub fn level_changed(&self) -> bool {
        self.before.inherent_level != self.after.inherent_level
    }

    /// Up or down, by exposure and then inherent risk; `None` when the provider was assessed
    /// on one side only, which is a level change but neither a rise nor a fall.
    fn direction(&self) -> Option<Ordering> {
        match (&self.before.exposure, &self.after.exposure) {
            (None, None) => Some(Ordering::Equal),
            (Some(_), Some(_)) => Some(self.exposure_change?.total_cmp(&0.0).then(self.inherent_change?.cmp(&0))),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RegisterChanges {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Exposure went up (or stayed and inherent risk went up); largest rise first.
    pub risers: Vec<Movement>,
    /// Exposure went down (or stayed and inherent risk went down); largest fall first.
    pub fallers: Vec<Movement>,
    /// Expected annual loss went up; largest rise first. Only providers whose assessments on both
    /// sides kept their money, so a rise is a change of inputs, not of what was recorded.
    pub money_risers: Vec<Movement>,
    /// Expected annual loss went down; largest fall first.
    pub money_fallers: Vec<Movement>,
    /// Providers whose inherent level changed, in either direction, including from or to Not
    /// assessed; highest level now first.
    pub level_changes: Vec<Movement>,
    /// In the register now but not then.
    pub new: Vec<ChangeEntry>,
    /// In the register then but retired (or deleted) since.
    pub retired: Vec<ChangeEntry>,
    /// In both, with the same scores.
    pub unchanged: usize,
    /// Those unchanged providers, by name: with the lists above, the whole register.
    pub steady: Vec<Movement>,
}

/// Compares the register `previous` with `current`.
pub fn since(previous: &RegisterState, current: &RegisterState) -> RegisterChanges {
    let before: HashMap<ProviderId, &ChangeEntry> = previous.providers.iter().map(|e| (e.provider_id, e)).collect();
    let now: HashMap<ProviderId, &ChangeEntry> = current.providers.iter().map(|e| (e.provider_id, e)).collect();
    let mut changes = RegisterChanges {
        from: previous.on,
        to: current.on,
        risers: Vec::new(),
        fallers: Vec::new(),
        money_risers: Vec::new(),
        money_fallers: Vec::new(),
        level_changes: Vec::new(),
        new: Vec::new(),
        retired: Vec::new(),
        unchanged: 0,
        steady: Vec::new(),
    };
    for entry in &current.providers {
        let Some(old) = before.get(&entry.provider_id) else {
            changes.new.push(entry.clone());
            continue;
        };
        let movement = Movement::between(entry, &old.standing);
        if movement.level_changed() {
            changes.level_changes.push(movement.clone());
        }
        match movement.loss_change.map(|c| c.total_cmp(&0.0)) {
            Some(Ordering::Greater) => changes.money_risers.push(movement.clone()),
            Some(Ordering::Less) => changes.money_fallers.push(movement.clone()),
            _ => {}
        }
        match movement.direction() {
            Some(Ordering::Greater) => changes.risers.push(movement),
            Some(Ordering::Less) => changes.fallers.push(movement),
            Some(Ordering::Equal) => {
                changes.unchanged += 1;
                changes.steady.push(movement);
            }
            // Assessed for the first time, or no longer: told among the level changes.
            None => {}
        }
    }
    changes.retired = previous.providers.iter().filter(|e| !now.contains_key(&e.provider_id)).cloned().collect();

    let by_name = |a: &str, b: &str| a.to_lowercase().cmp(&b.to_lowercase());
    // Risers and fallers are scored on both sides, so their changes are all `Some`.
    let change = |m: &Movement| (m.exposure_change.unwrap_or_default(), m.inherent_change.unwrap_or_default());
    changes.risers.sort_by(|a, b| {
        let ((a_exposure, a_inherent), (b_exposure, b_inherent)) = (change(a), change(b));
        b_exposure.total_cmp(&a_exposure).then(b_inherent.cmp(&a_inherent)).then_with(|| by_name(&a.name, &b.name))
    });
    changes.fallers.sort_by(|a, b| {
        let ((a_exposure, a_inherent), (b_exposure, b_inherent)) = (change(a), change(b));
        a_exposure.total_cmp(&b_exposure).then(a_inherent.cmp(&b_inherent)).then_with(|| by_name(&a.name, &b.name))
    });
    let loss = |m: &Movement| m.loss_change.unwrap_or_default();
    changes.money_risers.sort_by(|a, b| loss(b).total_cmp(&loss(a)).then_with(|| by_name(&a.name, &b.name)));
    changes.money_fallers.sort_by(|a, b| loss(a).total_cmp(&loss(b)).then_with(|| by_name(&a.name, &b.name)));
    changes.level_changes.sort_by(|a, b| b.after.inherent_level.cmp(&a.after.inherent_level).then_with(|| by_name(&a.name, &b.name)));
    // Highest exposure first, Not assessed providers after the scored ones.
    let exposure = |e: &ChangeEntry| e.standing.exposure.unwrap_or(f64::NEG_INFINITY);
    changes.new.sort_by(|a, b| exposure(b).total_cmp(&exposure(a)).then_with(|| by_name(&a.name, &b.name)));
    changes.retired.sort_by(|a, b| by_name(&a.name, &b.name));
    changes.steady.sort_by(|a, b| by_name(&a.name, &b.name));
    changes
}

impl RegisterChanges {
    /// Whether anything at all changed. A first assessment is only a level change.
    pub fn is_empty(&self) -> bool {
        self.risers.is_empty() && self.fallers.is_empty() && self.level_changes.is_empty() && self.new.is_empty() && self.retired.is_empty()
    }

    /// The changes in words, one line per provider, for the PDF summary and other plain lists:
    /// risers, fallers, first assessments (and assessments cleared), new, then retired
    /// providers. Any other level change is told on its riser or faller line.
    pub fn lines(&self) -> Vec<ChangeSentence> {
        let sentence = |m: &Movement, kind: &str, change: String| ChangeSentence {
            provider: m.name.clone(),
            kind: kind.to_string(),
            change,
            from: m.before.inherent_level,
            to: m.after.inherent_level,
        };
        let moved = |m: &Movement, verb: &str| {
            let levels = if m.level_changed() { format!(", {} → {}", level(&m.before), level(&m.after)) } else { String::new() };
            sentence(m, verb, format!("{verb}: exposure {} → {}{levels}", exposure(&m.before), exposure(&m.after)))
        };
        let mut lines: Vec<ChangeSentence> = self.risers.iter().map(|m| moved(m, "Riser")).collect();
        lines.extend(self.fallers.iter().map(|m| moved(m, "Faller")));
        lines.extend(self.level_changes.iter().filter_map(|m| match (m.before.inherent_level, m.after.inherent_level) {
            (None, Some(now)) => Some(sentence(m, "Assessed", format!("Assessed: {}, exposure {}", now.label(), exposure(&m.after)))),
            (Some(was), None) => Some(sentence(m, NOT_ASSESSED, format!("{NOT_ASSESSED} any more: was {}", was.label()))),
            _ => None,
        }));
        lines.extend(self.new.iter().map(|e| ChangeSentence {
            provider: e.name.clone(),
            kind: "New".into(),
            change: match e.standing.exposure {
                Some(exposure) => format!("New provider: exposure {exposure:.1}"),
                None => format!("New provider: {NOT_ASSESSED}"),
            },
            from: None,
            to: e.standing.inherent_level,
        }));
        lines.extend(self.retired.iter().map(|e| ChangeSentence {
            provider: e.name.clone(),
            kind: "Retired".into(),
            change: "Retired".into(),
            from: e.standing.inherent_level,
            to: None,
        }));
        lines
    }
}

fn level(standing: &Standing) -> &'static str {
    Level::label_of(standing.inherent_level)
}

fn exposure(standing: &Standing) -> String {
    standing.exposure.map_or_else(|| NOT_ASSESSED.to_string(), |e| format!("{e:.1}"))
}

/// One change in words.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChangeSentence {
    pub provider: String,
    /// Riser, Faller, Assessed, Not assessed, New or Retired.
    pub kind: String,
    /// e.g. "Riser: exposure 9.6 → 16.0, Medium → High".
    pub change: String,
    pub from: Option<Level>,
    pub to: Option<Level>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::trend;
    use crate::domain::history::Snapshot;
    use crate::domain::ids::SnapshotId;
    use crate::domain::provider::*;
    use crate::test_support::d;

    /// A snapshot scoring `scenarios` (mode, likelihood, impact) with lock-in and effort 5.
    fn snap(on: NaiveDate, scenarios: &[(&str, u8, u8)]) -> Snapshot {
        Snapshot {
            id: SnapshotId(0),
            provider_id: ProviderId(0),
            taken_on: on,
            review_id: None,
            risk: RiskProfile {
                scenarios: scenarios
                    .iter()
                    .map(|&(mode, likelihood, impact)| Scenario {
                        mode_id: None,
                        mode: mode.into(),
                        likelihood: Some(likelihood),
                        impact: Some(impact),
                        note: String::new(),
                    })
                    .collect(),
                lock_in: LockIn { level: 5, reasons: String::new() },
                alternatives: vec![],
                replacement: Replacement { effort: 5, person_weeks: None, emergency_switch_hours: None },
                exit: ExitPlan { strategy: ExitStrategy::Accept, plan: String::new(), last_rehearsed: None },
            },
            money: None,
        }
    }

    fn timeline(id: ProviderId, name: &str, retired_on: Option<NaiveDate>, snaps: &[Snapshot]) -> Timeline {
        Timeline { provider_id: id, name: name.into(), retired_on, trend: trend(snaps) }
    }

    fn names(entries: &[Movement]) -> Vec<&str> {
        entries.iter().map(|m| m.name.as_str()).collect()
    }

    #[test]
    fn the_state_on_a_day_is_each_providers_latest_snapshot_up_to_it() {
        let t = [timeline(
            ProviderId(1),
            "Stripe",
            None,
            &[snap(d(2026, 1, 1), &[("Outage", 2, 5)]), snap(d(2026, 6, 1), &[("Outage", 4, 5)])],
        )];
        assert_eq!(state_at(d(2025, 12, 31), &t).providers.len(), 0);
        assert_eq!(state_at(d(2026, 1, 1), &t).providers[0].standing.inherent, Some(10));
        assert_eq!(state_at(d(2026, 5, 31), &t).providers[0].standing.inherent, Some(10));
        assert_eq!(state_at(d(2026, 6, 1), &t).providers[0].standing.inherent, Some(20));
    }

    #[test]
    fn risers_fallers_and_level_changes_between_two_days() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let timelines = [
            timeline(ProviderId(1), "Riser", None, &[snap(q1, &[("Outage", 2, 5)]), snap(q2, &[("Outage", 4, 5)])]),
            timeline(ProviderId(2), "Faller", None, &[snap(q1, &[("Outage", 3, 3)]), snap(q2, &[("Outage", 2, 3)])]),
            timeline(ProviderId(3), "Steady", None, &[snap(q1, &[("Outage", 3, 3)]), snap(q2, &[("Outage", 3, 3)])]),
            timeline(ProviderId(4), "Small riser", None, &[snap(q1, &[("Outage", 1, 1)]), snap(q2, &[("Outage", 1, 2)])]),
        ];
        let c = since(&state_at(q1, &timelines), &state_at(q2, &timelines));
        assert_eq!(names(&c.risers), vec!["Riser", "Small riser"]);
        assert_eq!(c.risers[0].exposure_change, Some(10.0));
        assert_eq!(c.risers[0].inherent_change, Some(10));
        assert_eq!(names(&c.fallers), vec!["Faller"]);
        assert_eq!(c.fallers[0].exposure_change, Some(-3.0));
        // 10 (High) → 20 (Critical) and 9 (Medium) → 6 (Medium): only the first changes level.
        assert_eq!(names(&c.level_changes), vec!["Riser"]);
        assert_eq!(c.level_changes[0].before.inherent_level, Some(Level::High));
        assert_eq!(c.level_changes[0].after.inherent_level, Some(Level::Critical));
        assert_eq!(c.unchanged, 1);
        assert_eq!(names(&c.steady), vec!["Steady"]);
        assert_eq!((c.from, c.to), (Some(q1), Some(q2)));
    }

    #[test]
    fn money_risers_and_fallers_compare_the_expected_loss_each_assessment_kept() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let with_loss = |t: Timeline, losses: [Option<f64>; 2]| Timeline {
            trend: t.trend.into_iter().zip(losses).map(|(p, expected_loss)| TrendPoint { expected_loss, ..p }).collect(),
            ..t
        };
        let same = [snap(q1, &[("Outage", 3, 3)]), snap(q2, &[("Outage", 3, 3)])];
        let timelines = [
            // The scores stayed, the money rose (a service's cost of downtime went up).
            with_loss(timeline(ProviderId(1), "Costlier", None, &same), [Some(10_000.0), Some(45_000.0)]),
            with_loss(timeline(ProviderId(2), "Cheaper", None, &same), [Some(30_000.0), Some(12_000.0)]),
            with_loss(timeline(ProviderId(3), "Bit costlier", None, &same), [Some(1_000.0), Some(2_000.0)]),
            // Assessed before money was kept: no money movement to tell.
            with_loss(timeline(ProviderId(4), "Unpriced before", None, &same), [None, Some(50_000.0)]),
        ];
        let c = since(&state_at(q1, &timelines), &state_at(q2, &timelines));
        assert_eq!(names(&c.money_risers), vec!["Costlier", "Bit costlier"]);
        assert_eq!(c.money_risers[0].loss_change, Some(35_000.0));
        assert_eq!(names(&c.money_fallers), vec!["Cheaper"]);
        assert_eq!(c.money_fallers[0].loss_change, Some(-18_000.0));
        // By exposure all four stood still.
        assert!(c.risers.is_empty() && c.fallers.is_empty());
        assert_eq!(c.unchanged, 4);
    }

    #[test]
    fn a_provider_added_between_reviews_is_new_not_a_riser() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let timelines = [
            timeline(ProviderId(1), "Old", None, &[snap(q1, &[("Outage", 2, 2)])]),
            timeline(ProviderId(2), "Added", None, &[snap(d(2026, 2, 1), &[("Outage", 5, 5)])]),
        ];
        let c = since(&state_at(q1, &timelines), &state_at(q2, &timelines));
        assert_eq!(c.new.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), vec!["Added"]);
        assert_eq!(c.new[0].standing.inherent, Some(25));
        assert!(c.risers.is_empty());
        assert_eq!(c.unchanged, 1);
    }

    #[test]
    fn a_provider_retired_between_reviews_is_retired_and_one_retired_before_is_not() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let timelines = [
            timeline(ProviderId(1), "Retired between", Some(d(2026, 3, 1)), &[snap(d(2025, 6, 1), &[("Outage", 2, 2)])]),
            timeline(ProviderId(2), "Retired long ago", Some(d(2025, 12, 1)), &[snap(d(2025, 6, 1), &[("Outage", 2, 2)])]),
            timeline(ProviderId(3), "Retired on review day", Some(q2), &[snap(d(2025, 6, 1), &[("Outage", 2, 2)])]),
        ];
        let c = since(&state_at(q1, &timelines), &state_at(q2, &timelines));
        let retired: Vec<&str> = c.retired.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(retired, vec!["Retired between", "Retired on review day"]);
        assert!(c.new.is_empty() && c.risers.is_empty() && c.fallers.is_empty());
    }

    #[test]
    fn a_retired_failure_mode_that_drove_the_score_makes_a_faller() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let before = snap(q1, &[("Outage", 2, 2), ("Account suspension", 4, 5)]);
        // The catalogue retired "Account suspension"; the next assessment no longer scores it.
        let after = snap(q2, &[("Outage", 2, 2)]);
        let timelines = [timeline(ProviderId(1), "Host", None, &[before.clone(), after])];
        let c = since(&state_at(q1, &timelines), &state_at(q2, &timelines));
        assert_eq!(names(&c.fallers), vec!["Host"]);
        assert_eq!((c.fallers[0].before.inherent, c.fallers[0].after.inherent), (Some(20), Some(4)));
        assert_eq!(names(&c.level_changes), vec!["Host"]);
        // The older snapshot still names the mode it was scored with.
        assert_eq!(before.risk.scenarios[1].mode, "Account suspension");
    }

    #[test]
    fn leap_day_snapshots_belong_to_the_leap_day() {
        let leap = d(2028, 2, 29);
        let timelines =
            [timeline(ProviderId(1), "Leap", None, &[snap(d(2028, 2, 28), &[("Outage", 1, 1)]), snap(leap, &[("Outage", 5, 5)])])];
        assert_eq!(state_at(d(2028, 2, 28), &timelines).providers[0].standing.inherent, Some(1));
        assert_eq!(state_at(leap, &timelines).providers[0].standing.inherent, Some(25));
        let c = since(&state_at(d(2028, 2, 28), &timelines), &state_at(d(2028, 3, 1), &timelines));
        assert_eq!(names(&c.risers), vec!["Leap"]);
    }

    #[test]
    fn same_exposure_with_a_higher_inherent_risk_still_rises() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let mut low = snap(q1, &[("Outage", 2, 5)]); // 10 × escape 4 / 5 = 8
        low.risk.lock_in.level = 4;
        low.risk.replacement.effort = 4;
        let mut high = snap(q2, &[("Outage", 4, 5)]); // 20 × escape 2 / 5 = 8
        high.risk.lock_in.level = 2;
        high.risk.replacement.effort = 2;
        let timelines = [timeline(ProviderId(1), "Same", None, &[low, high])];
        let c = since(&state_at(q1, &timelines), &state_at(q2, &timelines));
        assert_eq!(names(&c.risers), vec!["Same"]);
        assert_eq!(c.risers[0].exposure_change, Some(0.0));
    }

    #[test]
    fn changes_read_as_sentences() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let timelines = [
            timeline(ProviderId(1), "Riser", None, &[snap(q1, &[("Outage", 2, 5)]), snap(q2, &[("Outage", 4, 5)])]),
            timeline(ProviderId(2), "Added", None, &[snap(q2, &[("Outage", 1, 1)])]),
            timeline(ProviderId(3), "Gone", Some(q2), &[snap(q1, &[("Outage", 1, 1)])]),
        ];
        let lines = since(&state_at(q1, &timelines), &state_at(q2, &timelines)).lines();
        let text: Vec<&str> = lines.iter().map(|l| l.change.as_str()).collect();
        assert_eq!(text, vec!["Riser: exposure 10.0 → 20.0, High → Critical", "New provider: exposure 1.0", "Retired"]);
        assert_eq!((lines[0].from, lines[0].to), (Some(Level::High), Some(Level::Critical)));
        assert_eq!(lines[2].provider, "Gone");
    }

    #[test]
    fn a_first_assessment_is_a_level_change_not_a_riser() {
        let (q1, q2) = (d(2026, 1, 10), d(2026, 4, 10));
        let timelines = [
            timeline(ProviderId(1), "Assessed", None, &[snap(q1, &[]), snap(q2, &[("Outage", 4, 5)])]),
            timeline(ProviderId(2), "Cleared", None, &[snap(q1, &[("Outage", 2, 3)]), snap(q2, &[])]),
            timeline(ProviderId(3), "Still unscored", None, &[snap(q1, &[]), snap(q2, &[])]),
            timeline(ProviderId(4), "Added unscored", None, &[snap(q2, &[])]),
        ];
        let c = since(&state_at(q1, &timelines), &state_at(q2, &timelines));
        assert!(c.risers.is_empty() && c.fallers.is_empty());
        assert_eq!(names(&c.level_changes), vec!["Assessed", "Cleared"]);
        assert_eq!(c.level_changes[0].exposure_change, None);
        assert_eq!(names(&c.steady), vec!["Still unscored"]);
        let text: Vec<String> = c.lines().into_iter().map(|l| l.change).collect();
        assert_eq!(text, vec!["Assessed: Critical, exposure 20.0", "Not assessed any more: was Medium", "New provider: Not assessed",]);
    }

    #[test]
    fn nothing_to_compare_is_empty() {
        let c = since(&RegisterState::default(), &RegisterState::default());
        assert!(c.is_empty());
        assert_eq!(c.unchanged, 0);
    }
}
