//! How ready the exit is, from the drill log: when it was last rehearsed, whether the next drill
//! is due, and how long an emergency switch takes — measured by a drill, or only estimated.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::drill::Drill;
use crate::domain::cadence::{due_state, DueState};
use crate::domain::scoring::Level;

/// Days between exit drills per inherent level; `None` means no drills are expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DrillCadence {
    pub critical: Option<u32>,
    pub high: Option<u32>,
    pub medium: Option<u32>,
    pub low: Option<u32>,
}

impl Default for DrillCadence {
    fn default() -> Self {
        DrillCadence { critical: Some(180), high: Some(365), medium: None, low: None }
    }
}

impl DrillCadence {
    pub fn days(&self, level: Level) -> Option<u32> {
        match level {
            Level::Critical => self.critical,
            Level::High => self.high,
            Level::Medium => self.medium,
            Level::Low => self.low,
        }
    }
}

/// Where the emergency switch time shown comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum SwitchTime {
    /// The achieved time of the latest switch drill that switched.
    Measured {
        hours: f64,
        on: NaiveDate,
    },
    /// The estimate typed in the risk profile.
    Estimated {
        hours: f64,
    },
    Unknown,
}

/// The exit's readiness as the register and the provider page show it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExitReadiness {
    pub last_rehearsed: Option<NaiveDate>,
    /// `None` when the level expects no drills (or the provider is Not assessed).
    pub next_drill: Option<NaiveDate>,
    pub drill_due: Option<DueState>,
    pub switch_time: SwitchTime,
    /// Drills whose achieved switch time exceeded their target.
    pub missed_targets: u32,
}

/// The achieved time of the latest drill that switched, else the estimate; `drills` in any order.
pub fn switch_time(drills: &[Drill], estimate_hours: Option<f64>) -> SwitchTime {
    let latest_switch =
        drills.iter().filter_map(|d| d.draft.measured_switch_hours().map(|hours| (d.draft.date, hours))).max_by_key(|(on, _)| *on);
    match (latest_switch, estimate_hours) {
        (Some((on, hours)), _) => SwitchTime::Measured { hours, on },
        (None, Some(hours)) => SwitchTime::Estimated { hours },
        (None, None) => SwitchTime::Unknown,
    }
}

impl SwitchTime {
    pub fn hours(self) -> Option<f64> {
        match self {
            SwitchTime::Measured { hours, .. } | SwitchTime::Estimated { hours } => Some(hours),
            SwitchTime::Unknown => None,
        }
    }
}

/// `drills` in any order; `since` is when the provider was added, from which a provider that
/// needs drills and has never had one counts as due.
pub fn exit_readiness(
    drills: &[Drill],
    estimate_hours: Option<f64>,
    level: Option<Level>,
    cadence: &DrillCadence,
    since: NaiveDate,
    today: NaiveDate,
) -> ExitReadiness {
    let last_rehearsed = drills.iter().map(|d| d.draft.date).max();
    let next_drill = level.and_then(|level| cadence.days(level)).map(|days| match last_rehearsed {
        Some(last) => last + Duration::days(days.into()),
        None => since,
    });
    ExitReadiness {
        last_rehearsed,
        next_drill,
        drill_due: next_drill.map(|next| due_state(next, today)),
        switch_time: switch_time(drills, estimate_hours),
        missed_targets: drills.iter().filter(|d| d.draft.missed_target()).count() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evidence::drill::tests::switch;
    use crate::domain::evidence::drill::{DrillDraft, DrillKind, DrillResult};
    use crate::domain::ids::DrillId;
    use crate::test_support::d;

    fn drill(id: i64, draft: DrillDraft) -> Drill {
        Drill { id: DrillId(id), draft }
    }

    #[test]
    fn the_latest_successful_switch_is_the_measured_switch_time() {
        let drills = vec![
            drill(1, switch(d(2026, 3, 1), 4.0, 6.0, DrillResult::PartlyMet)),
            drill(2, switch(d(2026, 9, 1), 4.0, 12.0, DrillResult::Failed)),
            drill(3, switch(d(2025, 9, 1), 4.0, 3.0, DrillResult::Met)),
        ];
        let r = exit_readiness(&drills, Some(2.0), Some(Level::Critical), &DrillCadence::default(), d(2024, 1, 1), d(2026, 12, 1));
        assert_eq!(r.switch_time, SwitchTime::Measured { hours: 6.0, on: d(2026, 3, 1) });
        assert_eq!(r.last_rehearsed, Some(d(2026, 9, 1)));
        assert_eq!(r.missed_targets, 2);
        // Critical: 180 days after the latest drill of any kind.
        assert_eq!((r.next_drill, r.drill_due), (Some(d(2027, 2, 28)), Some(DueState::Current)));
    }

    #[test]
    fn without_a_switch_the_estimate_shows_and_says_so() {
        let mut tabletop = switch(d(2025, 12, 20), 4.0, 1.0, DrillResult::Met);
        tabletop.kind = DrillKind::Tabletop;
        let r =
            exit_readiness(&[drill(1, tabletop)], Some(8.0), Some(Level::High), &DrillCadence::default(), d(2024, 1, 1), d(2026, 12, 1));
        assert_eq!(r.switch_time, SwitchTime::Estimated { hours: 8.0 });
        assert_eq!(r.drill_due, Some(DueState::DueSoon));
        let r = exit_readiness(&[], None, Some(Level::High), &DrillCadence::default(), d(2024, 1, 1), d(2026, 12, 1));
        assert_eq!(r.switch_time, SwitchTime::Unknown);
    }

    #[test]
    fn a_provider_never_drilled_is_overdue_only_where_its_level_expects_drills() {
        let cadence = DrillCadence::default();
        let never = exit_readiness(&[], None, Some(Level::Critical), &cadence, d(2026, 6, 1), d(2026, 12, 1));
        assert_eq!(never.drill_due, Some(DueState::Overdue));
        for level in [Some(Level::Medium), Some(Level::Low), None] {
            assert_eq!(exit_readiness(&[], None, level, &cadence, d(2026, 6, 1), d(2026, 12, 1)).drill_due, None);
        }
    }
}
