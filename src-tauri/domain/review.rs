//! Review meetings: what one records, the order review mode walks the register in, and the
//! summary shown when it closes.

use std::collections::HashMap;

use crate::domain::ids::{ProviderId, ReviewId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cadence::{due_state, Cadence, DueState};
use super::catalogue::current_assessment;
use super::changes::RegisterChanges;
use super::evidence::drill::Drill;
use super::evidence::incident::Incident;
use super::history::{Snapshot, TrendPoint};
use super::provider::{FailureMode, Provider, RiskProfile, Status};
use super::register::RegisterRow;
use super::scoring::{score, Scores};
use super::validation::{ValidationErrors, MAX_NAME_LEN, MAX_TEXT_LEN};

/// A review meeting. Open until `closed_on` is set; only an open review takes assessments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Review {
    pub id: ReviewId,
    pub held_on: NaiveDate,
    pub title: String,
    pub attendees: String,
    pub notes: String,
    pub closed_on: Option<NaiveDate>,
}

impl Review {
    pub fn is_open(&self) -> bool {
        self.closed_on.is_none()
    }
}

/// What the "start a review" form sends, and what editing a review's details sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewDraft {
    pub held_on: NaiveDate,
    pub title: String,
    pub attendees: String,
    pub notes: String,
}

/// "Q1 2027 provider risk review" for a meeting held in 2027's first quarter: the title the start
/// form suggests, and what the demo's reviews can be called whatever day it is loaded.
pub fn suggested_title(held_on: NaiveDate) -> String {
    use chrono::Datelike;
    format!("Q{} {} provider risk review", held_on.month0() / 3 + 1, held_on.year())
}

/// Assessments in a review are dated the day it is held, so a meeting in the future would
/// put snapshots in the future; a meeting recorded after the fact is fine.
pub fn validate_review(draft: &ReviewDraft, today: NaiveDate) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    if draft.title.trim().is_empty() {
        e.add("review.title", "A review needs a title, such as \"Q1 2027 provider risk review\".");
    } else if draft.title.chars().count() > MAX_NAME_LEN {
        e.add("review.title", format!("Title is longer than {MAX_NAME_LEN} characters."));
    }
    if draft.held_on > today {
        e.add("review.held_on", format!("A review cannot be held in the future (today is {today})."));
    }
    for (field, what, value) in [("review.attendees", "Attendees", &draft.attendees), ("review.notes", "Notes", &draft.notes)] {
        if value.chars().count() > MAX_TEXT_LEN {
            e.add(field, format!("{what} is longer than {MAX_TEXT_LEN} characters."));
        }
    }
    e.into_result()
}

/// What decides a provider's place in the walk.
struct WalkKey<'a> {
    due: DueState,
    /// `None` for a Not assessed provider.
    exposure: Option<f64>,
    inherent: Option<u8>,
    name: &'a str,
    id: ProviderId,
}

/// Not assessed providers first (they need a first assessment), then overdue, due and due soon,
/// and within each the highest exposure first.
fn walk_cmp(a: &WalkKey, b: &WalkKey) -> std::cmp::Ordering {
    let assessed = |k: &WalkKey| k.exposure.is_some();
    assessed(a)
        .cmp(&assessed(b))
        .then(a.due.cmp(&b.due))
        .then(b.exposure.unwrap_or_default().total_cmp(&a.exposure.unwrap_or_default()))
        .then(b.inherent.cmp(&a.inherent))
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        .then(a.id.cmp(&b.id))
}

/// The providers review mode walks, in walk order. Retired providers are not reviewed.
pub fn walk_order(rows: &[RegisterRow]) -> Vec<ProviderId> {
    fn key(r: &RegisterRow) -> WalkKey<'_> {
        WalkKey { due: r.due, exposure: r.exposure, inherent: r.inherent, name: &r.name, id: r.id }
    }
    let mut active: Vec<&RegisterRow> = rows.iter().filter(|r| r.status != Status::Retired).collect();
    active.sort_by(|a, b| walk_cmp(&key(a), &key(b)));
    active.into_iter().map(|r| r.id).collect()
}

/// Sorts review items in walk order. Items are placed by their standing before the review, so
/// confirming a provider does not move it while the meeting goes on.
pub fn sort_items(items: &mut [ReviewItem]) {
    fn key(i: &ReviewItem) -> WalkKey<'_> {
        let scores = i.last_scores.as_ref().unwrap_or(&i.current_scores);
        WalkKey { due: i.due, exposure: scores.exposure, inherent: scores.inherent, name: &i.name, id: i.provider_id }
    }
    items.sort_by(|a, b| walk_cmp(&key(a), &key(b)));
}

/// What review mode needs to show one provider.
pub struct ItemSource<'a> {
    pub provider: &'a Provider,
    /// The provider's snapshots, in any order.
    pub snapshots: &'a [Snapshot],
    pub review_id: ReviewId,
    pub catalogue: &'a [FailureMode],
    pub cadence: &'a Cadence,
    pub today: NaiveDate,
    /// Review titles by id, to name the review of the last snapshot.
    pub titles: &'a HashMap<ReviewId, String>,
    pub note: String,
}

pub fn item(source: ItemSource) -> ReviewItem {
    let ItemSource { provider, snapshots, review_id, catalogue, cadence, today, titles, note } = source;
    let last = snapshots.iter().filter(|s| s.review_id != Some(review_id)).max_by_key(|s| s.taken_on).cloned();
    let last_scores = ReviewItem::scores_of(&last);
    let (current, dropped_modes) = current_assessment(&provider.risk, catalogue);
    let current_scores = score(&current);
    let (assessed_on, level) = match (&last, &last_scores) {
        (Some(s), Some(scores)) => (s.taken_on, scores.inherent_level),
        _ => (provider.created_on, current_scores.inherent_level),
    };
    let next_review = cadence.next_review(assessed_on, level);
    ReviewItem {
        provider_id: provider.id,
        name: provider.profile.name.clone(),
        due: due_state(next_review, today),
        next_review,
        last_review_title: last.as_ref().and_then(|s| s.review_id).and_then(|id| titles.get(&id).cloned()),
        last,
        last_scores,
        current,
        current_scores,
        dropped_modes,
        reviewed: snapshots.iter().any(|s| s.review_id == Some(review_id)),
        note,
    }
}

/// A point of a provider's trend with the title of the review it was taken in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TrendEntry {
    pub point: TrendPoint,
    pub review_title: Option<String>,
}

pub fn titled_trend(points: Vec<TrendPoint>, titles: &HashMap<ReviewId, String>) -> Vec<TrendEntry> {
    points.into_iter().map(|point| TrendEntry { review_title: point.review_id.and_then(|id| titles.get(&id).cloned()), point }).collect()
}

/// How many active providers need review, for the home screen and the register's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, TS)]
#[ts(export)]
pub struct ReviewCounts {
    pub overdue: usize,
    pub due: usize,
    pub due_soon: usize,
}

impl ReviewCounts {
    /// Overdue and due today: what the next meeting must cover.
    pub fn need_review(&self) -> usize {
        self.overdue + self.due
    }
}

pub fn review_counts(rows: &[RegisterRow]) -> ReviewCounts {
    let mut counts = ReviewCounts::default();
    for row in rows.iter().filter(|r| r.status != Status::Retired) {
        match row.due {
            DueState::Overdue => counts.overdue += 1,
            DueState::Due => counts.due += 1,
            DueState::DueSoon => counts.due_soon += 1,
            DueState::Current => {}
        }
    }
    counts
}

/// One provider as review mode shows it: the last assessment before this review beside the
/// values the review would record.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewItem {
    pub provider_id: ProviderId,
    pub name: String,
    pub due: DueState,
    pub next_review: NaiveDate,
    /// The latest snapshot taken before (outside) this review.
    pub last: Option<Snapshot>,
    pub last_scores: Option<Scores>,
    /// The title of the review the last snapshot was taken in, if any.
    pub last_review_title: Option<String>,
    /// What "confirm unchanged" records: the current values, with catalogue renames applied
    /// and retired failure modes left out.
    pub current: RiskProfile,
    pub current_scores: Scores,
    /// Failure modes of the current values that the catalogue has since retired.
    pub dropped_modes: Vec<String>,
    /// Whether this review already holds an assessment of the provider.
    pub reviewed: bool,
    /// The note recorded for this provider in this review.
    pub note: String,
}

impl ReviewItem {
    pub fn scores_of(snapshot: &Option<Snapshot>) -> Option<Scores> {
        snapshot.as_ref().map(|s| score(&s.risk))
    }
}

/// A provider named in a summary.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProviderRef {
    pub provider_id: ProviderId,
    pub name: String,
    pub next_review: NaiveDate,
}

/// What closing a review shows (and what its page shows afterwards).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReviewSummary {
    pub review: Review,
    /// The review the changes are counted from; `None` when this is the first review, in which
    /// case they are counted from the day before it.
    pub previous: Option<Review>,
    pub reviewed: usize,
    /// Active providers the review did not assess.
    pub not_reviewed: Vec<ProviderRef>,
    pub changes: RegisterChanges,
    /// Active providers overdue as of the day the summary was made.
    pub still_overdue: Vec<ProviderRef>,
    /// The evidence recorded over the same span as `changes`, all providers together.
    pub evidence: EvidenceCounts,
}

/// The incidents and drills a meeting had to answer to: review mode shows them provider by
/// provider, the summary counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct EvidenceCounts {
    pub incidents: usize,
    pub customer_facing: usize,
    pub drills: usize,
    pub drills_missed_target: usize,
}

impl EvidenceCounts {
    /// Incidents started and drills held from `from` (from the first record when `None`, as for
    /// a first review) up to and including `to`. `from` is inclusive, as in the worksheet's
    /// "Incidents since the previous review": an incident on the day of the last meeting was
    /// not yet known to it in full.
    pub fn between(incidents: &[Incident], drills: &[Drill], from: Option<NaiveDate>, to: NaiveDate) -> Self {
        let within = |day: NaiveDate| from.is_none_or(|from| day >= from) && day <= to;
        let incidents: Vec<&Incident> = incidents.iter().filter(|i| within(i.draft.started.date_naive())).collect();
        let drills: Vec<&Drill> = drills.iter().filter(|d| within(d.draft.date)).collect();
        EvidenceCounts {
            incidents: incidents.len(),
            customer_facing: incidents.iter().filter(|i| i.draft.customer_facing).count(),
            drills: drills.len(),
            drills_missed_target: drills.iter().filter(|d| d.draft.missed_target()).count(),
        }
    }
}

/// `rows` is the register as of the summary's day; `reviewed` the providers the review assessed.
pub fn summarise(
    review: Review,
    previous: Option<Review>,
    reviewed: &[ProviderId],
    changes: RegisterChanges,
    evidence: EvidenceCounts,
    rows: &[RegisterRow],
) -> ReviewSummary {
    let pick = |keep: &dyn Fn(&RegisterRow) -> bool| -> Vec<ProviderRef> {
        let order = walk_order(rows);
        order
            .iter()
            .filter_map(|id| rows.iter().find(|r| r.id == *id))
            .filter(|r| keep(r))
            .map(|r| ProviderRef { provider_id: r.id, name: r.name.clone(), next_review: r.next_review })
            .collect()
    };
    ReviewSummary {
        not_reviewed: pick(&|r| !reviewed.contains(&r.id)),
        still_overdue: pick(&|r| r.due == DueState::Overdue),
        reviewed: reviewed.len(),
        review,
        previous,
        changes,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::Cadence;
    use crate::domain::evidence::readiness::DrillCadence;
    use crate::domain::history::TrendPoint;
    use crate::domain::ids::FailureModeId;
    use crate::domain::provider::*;
    use crate::domain::register::row;
    use crate::test_support::d;

    #[test]
    fn the_summary_counts_the_evidence_since_the_previous_review_from_its_day_on() {
        use crate::domain::evidence::drill::{tests::switch, DrillResult};
        use crate::domain::evidence::incident::tests::outage;
        use crate::domain::ids::{DrillId, IncidentId};
        let incident = |n, started: &str, customer_facing| {
            let mut draft = outage(started, "2027-01-01T00:00:00Z");
            draft.customer_facing = customer_facing;
            Incident { id: IncidentId(n), draft }
        };
        let incidents = [
            incident(1, "2026-09-30T23:00:00Z", true),
            incident(2, "2026-10-01T09:00:00Z", true),
            incident(3, "2026-11-20T09:00:00Z", false),
            incident(4, "2027-01-20T09:00:00Z", true),
        ];
        let drills = [
            Drill { id: DrillId(1), draft: switch(d(2026, 10, 5), 4.0, 6.0, DrillResult::PartlyMet) },
            Drill { id: DrillId(2), draft: switch(d(2026, 12, 1), 4.0, 3.0, DrillResult::Met) },
            Drill { id: DrillId(3), draft: switch(d(2026, 9, 1), 4.0, 9.0, DrillResult::Failed) },
        ];
        let since_october = EvidenceCounts::between(&incidents, &drills, Some(d(2026, 10, 1)), d(2027, 1, 15));
        assert_eq!(since_october, EvidenceCounts { incidents: 2, customer_facing: 1, drills: 2, drills_missed_target: 1 });
        let first_review = EvidenceCounts::between(&incidents, &drills, None, d(2027, 1, 15));
        assert_eq!(first_review, EvidenceCounts { incidents: 3, customer_facing: 2, drills: 3, drills_missed_target: 2 });
    }

    fn draft() -> ReviewDraft {
        ReviewDraft {
            held_on: d(2027, 1, 15),
            title: "Q1 2027 provider risk review".into(),
            attendees: "CTO, CFO".into(),
            notes: String::new(),
        }
    }

    fn fields(r: Result<(), ValidationErrors>) -> Vec<String> {
        r.unwrap_err().errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_review_needs_a_title_and_a_date_not_in_the_future() {
        assert_eq!(validate_review(&draft(), d(2027, 1, 15)), Ok(()));
        let mut blank = draft();
        blank.title = "  ".into();
        assert_eq!(fields(validate_review(&blank, d(2027, 1, 15))), vec!["review.title"]);
        assert_eq!(fields(validate_review(&draft(), d(2027, 1, 14))), vec!["review.held_on"]);
        let mut long = draft();
        long.notes = "x".repeat(MAX_TEXT_LEN + 1);
        assert_eq!(fields(validate_review(&long, d(2027, 2, 1))), vec!["review.notes"]);
    }

    #[test]
    fn the_suggested_title_names_the_quarter() {
        assert_eq!(suggested_title(d(2027, 1, 15)), "Q1 2027 provider risk review");
        assert_eq!(suggested_title(d(2027, 3, 31)), "Q1 2027 provider risk review");
        assert_eq!(suggested_title(d(2028, 2, 29)), "Q1 2028 provider risk review");
        assert_eq!(suggested_title(d(2026, 12, 1)), "Q4 2026 provider risk review");
    }

    #[test]
    fn a_leap_day_review_is_valid_on_the_day() {
        let mut leap = draft();
        leap.held_on = d(2028, 2, 29);
        assert_eq!(validate_review(&leap, d(2028, 2, 29)), Ok(()));
    }

    /// A provider scoring `likelihood` × 5 on its one failure mode, or Not assessed for `None`.
    fn provider(id: i64, name: &str, likelihood: Option<u8>, status: Status) -> Provider {
        let mut risk = ProviderDraft::blank(&[FailureMode {
            id: FailureModeId(1),
            name: "Outage".into(),
            description: String::new(),
            retired: false,
        }])
        .risk;
        risk.scenarios[0].likelihood = likelihood;
        risk.scenarios[0].impact = likelihood.map(|_| 5);
        risk.lock_in.level = 5;
        risk.replacement.effort = 5;
        let mut profile = ProviderDraft::blank(&[]).profile;
        profile.name = name.into();
        profile.status = status;
        Provider { id: ProviderId(id), profile, risk, created_on: d(2026, 1, 1) }
    }

    fn rows(today: NaiveDate, specs: &[(i64, &str, u8, NaiveDate, Status)]) -> Vec<RegisterRow> {
        specs.iter().map(|&(id, name, likelihood, assessed, status)| row_of(today, id, name, Some(likelihood), assessed, status)).collect()
    }

    fn row_of(today: NaiveDate, id: i64, name: &str, likelihood: Option<u8>, assessed: NaiveDate, status: Status) -> RegisterRow {
        let p = provider(id, name, likelihood, status);
        let point = TrendPoint { taken_on: assessed, inherent: None, exposure: None, level: None, review_id: None, expected_loss: None };
        row(&p, &[point], &[], 0.0, &Cadence::default(), &DrillCadence::default(), today)
    }

    #[test]
    fn a_not_assessed_provider_has_no_level_is_off_the_heat_map_and_due_now() {
        let today = d(2027, 1, 15);
        let r = row_of(today, 1, "New", None, today, Status::Active);
        assert_eq!((r.inherent, r.inherent_level, r.exposure, r.exposure_level), (None, None, None, None));
        assert_eq!(r.heat, None);
        assert_eq!(r.due, DueState::Due);
        assert_eq!(r.explanation[0], "Not assessed: no failure mode has been scored.");
        // Lock-in and replacement effort still say how hard leaving would be.
        assert_eq!(r.lock_in, 5);
    }

    #[test]
    fn the_walk_starts_with_not_assessed_providers() {
        let today = d(2027, 1, 15);
        let mut all = rows(today, &[(1, "Overdue critical", 5, d(2025, 1, 1), Status::Active)]);
        all.push(row_of(today, 2, "Unscored", None, d(2027, 1, 10), Status::Active));
        all.push(row_of(today, 3, "Also unscored", None, today, Status::Active));
        assert_eq!(walk_order(&all), [2, 3, 1].map(ProviderId));
    }

    #[test]
    fn walk_puts_overdue_first_then_due_then_exposure_and_skips_retired() {
        let today = d(2027, 1, 15);
        let rows = rows(
            today,
            &[
                (1, "Current low", 1, d(2027, 1, 1), Status::Active),
                (2, "Overdue", 1, d(2025, 1, 1), Status::Active),
                (3, "Current high", 4, d(2027, 1, 1), Status::Active),
                (4, "Due today", 1, d(2026, 1, 15), Status::Active),
                (5, "Retired overdue", 5, d(2020, 1, 1), Status::Retired),
                (6, "Overdue critical", 5, d(2026, 1, 1), Status::BeingReplaced),
            ],
        );
        assert_eq!(walk_order(&rows), [6, 2, 4, 3, 1].map(ProviderId));
    }

    #[test]
    fn counts_leave_out_retired_providers() {
        let today = d(2027, 1, 15);
        let rows = rows(
            today,
            &[
                (1, "Overdue", 1, d(2025, 1, 1), Status::Active),
                (2, "Due", 1, d(2026, 1, 15), Status::Active),
                (3, "Soon", 1, d(2026, 2, 1), Status::Active),
                (4, "Retired", 1, d(2020, 1, 1), Status::Retired),
                (5, "Current", 1, d(2027, 1, 1), Status::Active),
            ],
        );
        let counts = review_counts(&rows);
        assert_eq!(counts, ReviewCounts { overdue: 1, due: 1, due_soon: 1 });
        assert_eq!(counts.need_review(), 2);
    }

    #[test]
    fn summary_lists_unreviewed_and_still_overdue_providers() {
        let today = d(2027, 1, 15);
        let rows = rows(
            today,
            &[
                (1, "A", 1, d(2027, 1, 15), Status::Active),
                (2, "B", 1, d(2025, 1, 1), Status::Active),
                (3, "C", 1, d(2020, 1, 1), Status::Retired),
            ],
        );
        let review = Review {
            id: ReviewId(9),
            held_on: today,
            title: "Q1".into(),
            attendees: String::new(),
            notes: String::new(),
            closed_on: Some(today),
        };
        let changes = crate::domain::changes::since(&Default::default(), &Default::default());
        let s = summarise(review, None, &[ProviderId(1)], changes, EvidenceCounts::default(), &rows);
        assert_eq!(s.reviewed, 1);
        assert_eq!(s.not_reviewed.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["B"]);
        assert_eq!(s.still_overdue.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["B"]);
    }
}
