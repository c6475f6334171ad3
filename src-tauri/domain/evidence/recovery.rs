//! A provider's incident record in a few figures: how often, how fast we noticed, how fast it was
//! over, and whether recoveries are getting faster ("if it took four hours last time, it should
//! take one hour next time").

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use ts_rs::TS;

use super::frequency::ObservationWindow;
use super::incident::{Incident, Minutes};
use crate::domain::ids::IncidentId;

/// Mean and worst of a set of durations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DurationStats {
    /// How many incidents had this duration recorded.
    pub count: u32,
    pub mean_minutes: f64,
    #[ts(type = "number")]
    pub worst_minutes: Minutes,
}

impl DurationStats {
    fn of(durations: impl Iterator<Item = Minutes>) -> Option<DurationStats> {
        let durations: Vec<Minutes> = durations.collect();
        let worst = *durations.iter().max()?;
        let mean = durations.iter().sum::<Minutes>() as f64 / durations.len() as f64;
        Some(DurationStats { count: durations.len() as u32, mean_minutes: mean, worst_minutes: worst })
    }
}

/// One point of the time-to-recover trend.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecoveryPoint {
    pub incident_id: IncidentId,
    #[ts(type = "string")]
    pub started: DateTime<FixedOffset>,
    #[ts(type = "number")]
    pub minutes: Minutes,
}

/// Whether the latest recovery was faster than the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub enum RecoveryTrend {
    /// Fewer than two resolved incidents: nothing to compare.
    TooFew,
    Faster,
    Slower,
    Steady,
}

/// The provider's incidents inside the observation window, summed up.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RecoverySummary {
    pub window: ObservationWindow,
    pub incidents: u32,
    pub per_year: f64,
    pub time_to_identify: Option<DurationStats>,
    pub time_to_recover: Option<DurationStats>,
    /// Resolved incidents, oldest first: the trend chart.
    pub recoveries: Vec<RecoveryPoint>,
    pub trend: RecoveryTrend,
}

/// A latest recovery within a tenth of the earlier mean counts as steady.
const STEADY_SHARE: f64 = 0.1;

pub fn summarise(incidents: &[Incident], window: ObservationWindow) -> RecoverySummary {
    let inside: Vec<&Incident> = incidents.iter().filter(|i| window.contains(i.draft.started.date_naive())).collect();
    let mut recoveries: Vec<RecoveryPoint> = inside
        .iter()
        .filter_map(|i| i.draft.time_to_recover().map(|minutes| RecoveryPoint { incident_id: i.id, started: i.draft.started, minutes }))
        .collect();
    recoveries.sort_by_key(|p| p.started);
    RecoverySummary {
        window,
        incidents: inside.len() as u32,
        per_year: inside.len() as f64 / window.years(),
        time_to_identify: DurationStats::of(inside.iter().filter_map(|i| i.draft.time_to_identify())),
        time_to_recover: DurationStats::of(recoveries.iter().map(|p| p.minutes)),
        trend: trend(&recoveries),
        recoveries,
    }
}

/// The latest recovery against the mean of those before it.
fn trend(recoveries: &[RecoveryPoint]) -> RecoveryTrend {
    let Some((latest, earlier)) = recoveries.split_last() else { return RecoveryTrend::TooFew };
    if earlier.is_empty() {
        return RecoveryTrend::TooFew;
    }
    let mean = earlier.iter().map(|p| p.minutes).sum::<Minutes>() as f64 / earlier.len() as f64;
    let change = latest.minutes as f64 - mean;
    if change.abs() <= mean * STEADY_SHARE {
        RecoveryTrend::Steady
    } else if change < 0.0 {
        RecoveryTrend::Faster
    } else {
        RecoveryTrend::Slower
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evidence::frequency::WINDOW_MONTHS;
    use crate::domain::evidence::incident::tests::{at, outage};
    use crate::test_support::d;

    fn incident(id: i64, started: &str, resolved: &str) -> Incident {
        Incident { id: IncidentId(id), draft: outage(started, resolved) }
    }

    fn window() -> ObservationWindow {
        ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2020, 1, 1))
    }

    #[test]
    fn mean_and_worst_times_and_a_faster_latest_recovery() {
        let mut slow = incident(1, "2025-03-01T10:00:00Z", "2025-03-01T14:00:00Z");
        slow.draft.detected = Some(at("2025-03-01T10:30:00Z"));
        let mut quick = incident(2, "2026-06-01T10:00:00Z", "2026-06-01T11:00:00Z");
        quick.draft.detected = Some(at("2026-06-01T10:10:00Z"));
        let old = incident(3, "2023-01-01T10:00:00Z", "2023-01-03T10:00:00Z");
        // Listed newest first, as storage returns them: the trend still reads oldest first.
        let summary = summarise(&[quick, slow, old], window());
        assert_eq!(summary.incidents, 2);
        assert_eq!(summary.time_to_recover, Some(DurationStats { count: 2, mean_minutes: 150.0, worst_minutes: 240 }));
        assert_eq!(summary.time_to_identify, Some(DurationStats { count: 2, mean_minutes: 20.0, worst_minutes: 30 }));
        assert_eq!(summary.recoveries.iter().map(|p| p.minutes).collect::<Vec<_>>(), vec![240, 60]);
        assert_eq!(summary.trend, RecoveryTrend::Faster);
    }

    #[test]
    fn ongoing_incidents_count_but_have_no_recovery_time() {
        let mut ongoing = incident(1, "2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        ongoing.draft.resolved = None;
        let summary = summarise(&[ongoing], window());
        assert_eq!((summary.incidents, summary.time_to_recover, summary.trend), (1, None, RecoveryTrend::TooFew));
    }

    #[test]
    fn a_latest_recovery_close_to_the_mean_is_steady() {
        let a = incident(1, "2026-01-01T10:00:00Z", "2026-01-01T12:00:00Z");
        let b = incident(2, "2026-02-01T10:00:00Z", "2026-02-01T12:10:00Z");
        assert_eq!(summarise(&[a.clone(), b], window()).trend, RecoveryTrend::Steady);
        let c = incident(3, "2026-03-01T10:00:00Z", "2026-03-01T15:00:00Z");
        assert_eq!(summarise(&[a, c], window()).trend, RecoveryTrend::Slower);
    }
}
