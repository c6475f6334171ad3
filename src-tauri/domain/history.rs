//! Snapshots: dated, immutable assessments of one provider's risk profile, and the trends
//! derived from them.

use crate::domain::ids::{ProviderId, ReviewId, SnapshotId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::money::results::ProviderResult;
use super::provider::RiskProfile;
use super::scoring::{score, Level};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Snapshot {
    pub id: SnapshotId,
    pub provider_id: ProviderId,
    pub taken_on: NaiveDate,
    /// The review meeting the snapshot was taken in, if any.
    pub review_id: Option<ReviewId>,
    pub risk: RiskProfile,
    /// The money of its day: the inputs and figures of the provider's failures as they were
    /// worked out when it was recorded; `None` for assessments recorded before money was kept
    /// or imported.
    pub money: Option<ProviderResult>,
}

/// One point of a provider's trend chart; the scores are `None` for a snapshot in which no
/// failure mode was scored (Not assessed), which charts leave out.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TrendPoint {
    pub taken_on: NaiveDate,
    pub inherent: Option<u8>,
    pub exposure: Option<f64>,
    pub level: Option<Level>,
    pub review_id: Option<ReviewId>,
    /// The expected annual loss of its day, where the assessment kept its money.
    pub expected_loss: Option<f64>,
}

/// Oldest first.
pub fn trend(snapshots: &[Snapshot]) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = snapshots
        .iter()
        .map(|s| {
            let scores = score(&s.risk);
            TrendPoint {
                taken_on: s.taken_on,
                inherent: scores.inherent,
                exposure: scores.exposure,
                level: scores.inherent_level,
                review_id: s.review_id,
                expected_loss: s.money.as_ref().map(|m| m.figures.expected),
            }
        })
        .collect();
    points.sort_by_key(|p| p.taken_on);
    points
}

/// Direction of exposure since the previous scored snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub enum Direction {
    /// At most one scored snapshot so far.
    New,
    Up,
    Down,
    Flat,
}

/// Snapshots without scores are skipped: "Not assessed" is neither higher nor lower than a level.
pub fn direction(points: &[TrendPoint]) -> Direction {
    let exposures: Vec<f64> = points.iter().filter_map(|p| p.exposure).collect();
    match exposures.as_slice() {
        [.., previous, last] => {
            if last > previous {
                Direction::Up
            } else if last < previous {
                Direction::Down
            } else {
                Direction::Flat
            }
        }
        _ => Direction::New,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::FailureModeId;
    use crate::domain::provider::*;

    fn snap(day: u32, likelihood: Option<u8>) -> Snapshot {
        Snapshot {
            id: SnapshotId(day as i64),
            provider_id: ProviderId(1),
            taken_on: NaiveDate::from_ymd_opt(2026, 1, day).unwrap(),
            review_id: None,
            risk: RiskProfile {
                scenarios: vec![Scenario {
                    mode_id: Some(FailureModeId(1)),
                    mode: "Outage".into(),
                    likelihood,
                    impact: likelihood.map(|_| 5),
                    note: String::new(),
                }],
                lock_in: LockIn { level: 5, reasons: String::new() },
                alternatives: vec![],
                replacement: Replacement { effort: 5, person_weeks: None, emergency_switch_hours: None },
                exit: ExitPlan { strategy: ExitStrategy::Accept, plan: String::new(), last_rehearsed: None },
            },
            money: None,
        }
    }

    #[test]
    fn trend_is_oldest_first_with_scores() {
        let points = trend(&[snap(20, Some(4)), snap(3, Some(2)), snap(10, None)]);
        assert_eq!(points.iter().map(|p| p.inherent).collect::<Vec<_>>(), vec![Some(10), None, Some(20)]);
        assert_eq!(points[2].exposure, Some(20.0));
        assert_eq!(points[2].level, Some(Level::Critical));
        assert_eq!((points[1].exposure, points[1].level), (None, None));
    }

    #[test]
    fn direction_compares_the_last_two_scored_snapshots() {
        assert_eq!(direction(&trend(&[snap(1, Some(2))])), Direction::New);
        assert_eq!(direction(&trend(&[snap(1, Some(2)), snap(2, Some(3))])), Direction::Up);
        assert_eq!(direction(&trend(&[snap(1, Some(4)), snap(2, Some(3))])), Direction::Down);
        assert_eq!(direction(&trend(&[snap(1, Some(5)), snap(2, Some(3)), snap(3, Some(3))])), Direction::Flat);
        assert_eq!(direction(&trend(&[snap(1, None), snap(2, Some(3))])), Direction::New);
        assert_eq!(direction(&trend(&[snap(1, Some(2)), snap(2, None), snap(3, Some(3))])), Direction::Up);
    }
}
