//! The commands of review meetings, changes over time, contract renewals and settings. Each is a
//! thin call into storage and domain.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use super::error::CommandResult;
use super::state::AppState;
use crate::clock;
use crate::domain::cadence::Cadence;
use crate::domain::changes::RegisterChanges;
use crate::domain::contracts::ContractWatch;
use crate::domain::provider::{FailureMode, RiskProfile};
use crate::domain::review::{review_counts, Review, ReviewCounts, ReviewDraft, ReviewItem, ReviewSummary, TrendEntry};
use crate::storage::Settings;

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

#[tauri::command]
pub fn review_overview(state: State<AppState>) -> CommandResult<ReviewOverview> {
    state.with(|r| {
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

#[tauri::command]
pub fn list_reviews(state: State<AppState>) -> CommandResult<Vec<Review>> {
    state.with(|r| Ok(r.reviews()?))
}

#[tauri::command]
pub fn start_review(state: State<AppState>, draft: ReviewDraft) -> CommandResult<Review> {
    state.with(|r| Ok(r.start_review(&draft, clock::today())?))
}

#[tauri::command]
pub fn update_review(state: State<AppState>, id: i64, draft: ReviewDraft) -> CommandResult<Review> {
    state.with(|r| Ok(r.update_review(id, &draft, clock::today())?))
}

#[tauri::command]
pub fn review_items(state: State<AppState>, review_id: i64) -> CommandResult<Vec<ReviewItem>> {
    state.with(|r| Ok(r.review_items(review_id, clock::today())?))
}

#[tauri::command]
pub fn review_confirm(state: State<AppState>, review_id: i64, provider_id: i64) -> CommandResult<ReviewItem> {
    state.with(|r| Ok(r.confirm_in_review(review_id, provider_id, clock::today())?))
}

#[tauri::command]
pub fn review_assess(state: State<AppState>, review_id: i64, provider_id: i64, risk: RiskProfile) -> CommandResult<ReviewItem> {
    state.with(|r| Ok(r.assess_in_review(review_id, provider_id, &risk, clock::today())?))
}

#[tauri::command]
pub fn review_note(state: State<AppState>, review_id: i64, provider_id: i64, note: String) -> CommandResult<ReviewItem> {
    state.with(|r| Ok(r.note_in_review(review_id, provider_id, &note, clock::today())?))
}

#[tauri::command]
pub fn close_review(state: State<AppState>, id: i64) -> CommandResult<ReviewSummary> {
    state.with(|r| Ok(r.close_review(id, clock::today())?))
}

#[tauri::command]
pub fn review_summary(state: State<AppState>, id: i64) -> CommandResult<ReviewSummary> {
    state.with(|r| Ok(r.review_summary(id, clock::today())?))
}

#[tauri::command]
pub fn changes_since_previous_review(state: State<AppState>) -> CommandResult<Option<SinceReview>> {
    state.with(|r| Ok(r.changes_since_previous_review(clock::today())?.map(|(review, changes)| SinceReview { review, changes })))
}

#[tauri::command]
pub fn compare_reviews(state: State<AppState>, from: i64, to: i64) -> CommandResult<RegisterChanges> {
    state.with(|r| Ok(r.compare_reviews(from, to, clock::today())?))
}

#[tauri::command]
pub fn provider_trend(state: State<AppState>, id: i64) -> CommandResult<Vec<TrendEntry>> {
    state.with(|r| Ok(r.titled_trend(id)?))
}

#[tauri::command]
pub fn provider_contract(state: State<AppState>, id: i64) -> CommandResult<Option<ContractWatch>> {
    state.with(|r| Ok(r.contract(id, clock::today())?))
}

#[tauri::command]
pub fn renewal_watch(state: State<AppState>) -> CommandResult<Vec<ContractWatch>> {
    state.with(|r| Ok(r.renewal_watch(clock::today())?))
}

#[tauri::command]
pub fn get_settings(state: State<AppState>) -> CommandResult<Settings> {
    state.with(|r| Ok(r.settings()?))
}

#[tauri::command]
pub fn save_settings(state: State<AppState>, organisation: String, cadence: Cadence) -> CommandResult<Settings> {
    state.with(|r| Ok(r.update_settings(&organisation, &cadence)?))
}

#[tauri::command]
pub fn add_failure_mode(state: State<AppState>, name: String, description: String) -> CommandResult<FailureMode> {
    state.with(|r| Ok(r.add_failure_mode(&name, &description)?))
}

#[tauri::command]
pub fn rename_failure_mode(state: State<AppState>, id: i64, name: String, description: String) -> CommandResult<FailureMode> {
    state.with(|r| Ok(r.rename_failure_mode(id, &name, &description)?))
}

#[tauri::command]
pub fn set_failure_mode_retired(state: State<AppState>, id: i64, retired: bool) -> CommandResult<FailureMode> {
    state.with(|r| Ok(r.set_failure_mode_retired(id, retired)?))
}
