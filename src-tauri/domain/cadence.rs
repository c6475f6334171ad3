//! When a provider is due for review: its last snapshot plus the cadence of its level.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::scoring::Level;

/// Days between reviews, per inherent level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Cadence {
    pub critical: u32,
    pub high: u32,
    pub medium: u32,
    pub low: u32,
}

impl Default for Cadence {
    fn default() -> Self {
        Cadence { critical: 90, high: 180, medium: 365, low: 365 }
    }
}

/// A provider counts as "due soon" this many days before its review date.
pub const DUE_SOON_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum DueState {
    Overdue,
    Due,
    DueSoon,
    Current,
}

impl Cadence {
    pub fn days(&self, level: Level) -> u32 {
        match level {
            Level::Critical => self.critical,
            Level::High => self.high,
            Level::Medium => self.medium,
            Level::Low => self.low,
        }
    }

    /// A Not assessed provider (`level` None) is due from the day it was recorded: it needs its
    /// first assessment, whatever the cadence.
    pub fn next_review(&self, last_assessed: NaiveDate, level: Option<Level>) -> NaiveDate {
        last_assessed + Duration::days(level.map_or(0, |level| self.days(level)) as i64)
    }
}

/// Due on the review date itself; overdue from the day after; due soon within 30 days of it.
pub fn due_state(next_review: NaiveDate, today: NaiveDate) -> DueState {
    let days_left = (next_review - today).num_days();
    if days_left < 0 {
        DueState::Overdue
    } else if days_left == 0 {
        DueState::Due
    } else if days_left <= DUE_SOON_DAYS {
        DueState::DueSoon
    } else {
        DueState::Current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::d;

    #[test]
    fn next_review_follows_the_level() {
        let c = Cadence::default();
        assert_eq!(c.next_review(d(2026, 1, 1), Some(Level::Critical)), d(2026, 4, 1));
        assert_eq!(c.next_review(d(2026, 1, 1), Some(Level::High)), d(2026, 6, 30));
        assert_eq!(c.next_review(d(2026, 1, 1), Some(Level::Low)), d(2027, 1, 1));
    }

    #[test]
    fn a_not_assessed_provider_is_due_the_day_it_is_recorded() {
        let next = Cadence::default().next_review(d(2026, 1, 1), None);
        assert_eq!(due_state(next, d(2026, 1, 1)), DueState::Due);
        assert_eq!(due_state(next, d(2026, 1, 2)), DueState::Overdue);
    }

    #[test]
    fn leap_day_counts_as_a_day() {
        let c = Cadence::default();
        assert_eq!(c.next_review(d(2028, 2, 1), Some(Level::Medium)), d(2029, 1, 31));
        assert_eq!(c.next_review(d(2028, 2, 29), Some(Level::Critical)), d(2028, 5, 29));
    }

    #[test]
    fn due_states_around_the_review_date() {
        let next = d(2026, 6, 30);
        assert_eq!(due_state(next, d(2026, 7, 1)), DueState::Overdue);
        assert_eq!(due_state(next, d(2026, 6, 30)), DueState::Due);
        assert_eq!(due_state(next, d(2026, 6, 29)), DueState::DueSoon);
        assert_eq!(due_state(next, d(2026, 5, 31)), DueState::DueSoon);
        assert_eq!(due_state(next, d(2026, 5, 30)), DueState::Current);
    }
}
