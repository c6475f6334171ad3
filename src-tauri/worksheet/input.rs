//! Everything a worksheet shows, gathered from the register once, so the PDF renderer is a pure
//! function of it (and tests can feed it directly).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::history::Snapshot;
use crate::domain::ids::ProviderId;
use crate::domain::provider::Provider;
use crate::domain::register::RegisterRow;
use crate::domain::scoring::Level;
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
}

impl WorksheetInput {
    /// Everything the worksheet shows as of `today`: the review title is that of a review still
    /// open or held within the last 30 days; changes are those since the latest review closed
    /// before today, when there is one.
    pub fn from_register(register: &Register, today: NaiveDate) -> crate::storage::Result<WorksheetInput> {
        let review = register.latest_review()?.filter(|r| r.is_open() || (today - r.held_on).num_days() <= 30);
        let review_title = review.as_ref().map(|r| format!("{} · {}", r.title.trim(), r.held_on.format("%Y-%m-%d")));
        let review_attendees = review.map(|r| r.attendees.trim().to_string()).filter(|a| !a.is_empty());
        let changes = register.changes_since_previous_review(today)?.map(|(review, changes)| Changes {
            since: format!("{} ({})", review.title.trim(), review.held_on.format("%Y-%m-%d")),
            lines: changes
                .lines()
                .into_iter()
                .map(|l| ChangeLine { provider: l.provider, change: l.change, from: l.from, to: l.to })
                .collect(),
        });
        let (providers, rows) = register.providers_and_rows(today)?;
        Ok(WorksheetInput {
            organisation: register.settings()?.organisation,
            review_title,
            review_attendees,
            generated_on: today,
            rows,
            providers,
            snapshots: register.all_snapshots()?,
            changes,
        })
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
