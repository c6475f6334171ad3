//! Review meetings, changes over time and contract renewals.

use serde::Serialize;
use tauri::AppHandle;
use ts_rs::TS;

use crate::app::error::CommandResult;
use crate::app::state::with_register;
use lifeboat::clock;
use lifeboat::domain::changes::RegisterChanges;
use lifeboat::domain::contracts::ContractWatch;
use lifeboat::domain::ids::{ProviderId, ReviewId};
use lifeboat::domain::provider::RiskProfile;
use lifeboat::domain::review::{review_counts, Review, ReviewCounts, ReviewDraft, ReviewItem, ReviewSummary, TrendEntry};

/// What the home screen and the register header need about reviews.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct ReviewOverview {
    /// The review in progress, if any.
    pub open: Option<Review>,
    pub latest: Option<Review>,
    pub counts: ReviewCounts,
    /// Overdue plus due today.
    pub need_review: usize,
    pub renewals: Vec<ContractWatch>,
}

/// The register's changes since the latest review closed before today.
#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct SinceReview {
    pub review: Review,
    pub changes: RegisterChanges,
}

pub fn get_review_overview(app: &AppHandle) -> CommandResult<ReviewOverview> {
    with_register(app, |r| {
        let today = clock::today();
        let counts = review_counts(&r.register_rows(today)?);
        Ok(ReviewOverview {
            open: r.open_review()?,
            latest: r.latest_review()?,
            need_review: counts.need_review(),
            counts,
            renewals: r.renewal_watch(today)?,
        })
    })
}

pub fn list_reviews(app: &AppHandle) -> CommandResult<Vec<Review>> {
    with_register(app, |r| Ok(r.reviews()?))
}

pub fn start_review(app: &AppHandle, draft: ReviewDraft) -> CommandResult<Review> {
    with_register(app, |r| Ok(r.start_review(&draft, clock::today())?))
}

pub fn update_review(app: &AppHandle, id: ReviewId, draft: ReviewDraft) -> CommandResult<Review> {
    with_register(app, |r| Ok(r.update_review(id, &draft, clock::today())?))
}

pub fn list_review_items(app: &AppHandle, review_id: ReviewId) -> CommandResult<Vec<ReviewItem>> {
    with_register(app, |r| Ok(r.review_items(review_id, clock::today())?))
}

pub fn confirm_in_review(app: &AppHandle, review_id: ReviewId, provider_id: ProviderId) -> CommandResult<ReviewItem> {
    with_register(app, |r| Ok(r.confirm_in_review(review_id, provider_id, clock::today())?))
}

pub fn assess_in_review(app: &AppHandle, review_id: ReviewId, provider_id: ProviderId, risk: RiskProfile) -> CommandResult<ReviewItem> {
    with_register(app, |r| Ok(r.assess_in_review(review_id, provider_id, &risk, clock::today())?))
}

pub fn note_in_review(app: &AppHandle, review_id: ReviewId, provider_id: ProviderId, note: String) -> CommandResult<ReviewItem> {
    with_register(app, |r| Ok(r.note_in_review(review_id, provider_id, &note, clock::today())?))
}

pub fn close_review(app: &AppHandle, id: ReviewId) -> CommandResult<ReviewSummary> {
    with_register(app, |r| Ok(r.close_review(id, clock::today())?))
}

pub fn get_review_summary(app: &AppHandle, id: ReviewId) -> CommandResult<ReviewSummary> {
    with_register(app, |r| Ok(r.review_summary(id, clock::today())?))
}

pub fn get_changes_since_previous_review(app: &AppHandle) -> CommandResult<Option<SinceReview>> {
    with_register(app, |r| Ok(r.changes_since_previous_review(clock::today())?.map(|(review, changes)| SinceReview { review, changes })))
}

pub fn compare_reviews(app: &AppHandle, from: ReviewId, to: ReviewId) -> CommandResult<RegisterChanges> {
    with_register(app, |r| Ok(r.compare_reviews(from, to, clock::today())?))
}

pub fn get_provider_trend(app: &AppHandle, id: ProviderId) -> CommandResult<Vec<TrendEntry>> {
    with_register(app, |r| Ok(r.titled_trend(id)?))
}

pub fn get_provider_contract(app: &AppHandle, id: ProviderId) -> CommandResult<Option<ContractWatch>> {
    with_register(app, |r| Ok(r.contract(id, clock::today())?))
}

pub fn list_renewals(app: &AppHandle) -> CommandResult<Vec<ContractWatch>> {
    with_register(app, |r| Ok(r.renewal_watch(clock::today())?))
}
