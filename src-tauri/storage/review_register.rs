//! The Register's review API: meetings, assessments taken in them, what changed between them,
//! the renewal watch list and the settings screen's save. Every write validates first and runs
//! in one transaction, so refused input changes nothing.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};

use super::{reviews, snapshots, Register, Result, Settings, StoreError};
use crate::domain::cadence::Cadence;
use crate::domain::changes::{since, state_at, RegisterChanges, RegisterState, Timeline};
use crate::domain::contracts::{watch, watch_list, ContractWatch};
use crate::domain::history::TrendPoint;
use crate::domain::ids::{ProviderId, ReviewId};
use crate::domain::provider::{RiskProfile, Status};
use crate::domain::review::{
    item, sort_items, summarise, titled_trend, ItemSource, Review, ReviewDraft, ReviewItem, ReviewSummary, TrendEntry,
};
use crate::domain::settings::validate_settings;
use crate::domain::validation::{validate_risk, ValidationErrors};

/// Every provider's timeline. `retired_on` is stamped by a trigger with the computer's date, so
/// it is capped at `today` to stay consistent with an app whose clock is pinned.
fn timelines(conn: &Connection, today: NaiveDate) -> Result<Vec<Timeline>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, CASE WHEN status = 'retired' THEN retired_on END FROM providers ORDER BY id")?;
    let providers = stmt
        .query_map([], |r| Ok((r.get::<_, ProviderId>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<NaiveDate>>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut points: HashMap<ProviderId, Vec<TrendPoint>> = HashMap::new();
    for (provider_id, point) in snapshots::all_trends(conn)? {
        points.entry(provider_id).or_default().push(point);
    }
    Ok(providers
        .into_iter()
        .map(|(provider_id, name, retired_on)| Timeline {
            trend: points.remove(&provider_id).unwrap_or_default(),
            provider_id,
            name,
            retired_on: retired_on.map(|d| d.min(today)),
        })
        .collect())
}

fn titles(conn: &Connection) -> Result<HashMap<ReviewId, String>> {
    Ok(reviews::all(conn)?.into_iter().map(|r| (r.id, r.title)).collect())
}

fn refuse(field: &str, message: String) -> StoreError {
    StoreError::Invalid(ValidationErrors::single(field, message))
}

impl Register {
    /// Every review, newest first.
    pub fn reviews(&self) -> Result<Vec<Review>> {
        reviews::all(&self.conn)
    }

    pub fn review(&self, id: ReviewId) -> Result<Review> {
        reviews::one(&self.conn, id)
    }

    /// The review in progress, if any.
    pub fn open_review(&self) -> Result<Option<Review>> {
        reviews::open(&self.conn)
    }

    /// The review held last, open or closed: the one the worksheet PDF presents.
    pub fn latest_review(&self) -> Result<Option<Review>> {
        reviews::latest(&self.conn)
    }

    /// Starts a review meeting. Only one review is open at a time, so every assessment belongs
    /// to an unambiguous meeting.
    pub fn start_review(&mut self, draft: &ReviewDraft, today: NaiveDate) -> Result<Review> {
        crate::domain::review::validate_review(draft, today)?;
        if let Some(open) = self.open_review()? {
            return Err(refuse("review", format!("\"{}\" is still open; close it before starting another review.", open.title)));
        }
        let id = self.transaction(|tx| {
            reviews::insert(
                tx,
                &reviews::NewReview {
                    held_on: draft.held_on,
                    title: draft.title.trim(),
                    attendees: &draft.attendees,
                    notes: &draft.notes,
                    closed_on: None,
                },
            )
        })?;
        self.review(id)
    }

    /// Edits a review's date, title, attendees or notes. Once assessments are recorded the date
    /// is fixed, since they carry it.
    pub fn update_review(&mut self, id: ReviewId, draft: &ReviewDraft, today: NaiveDate) -> Result<Review> {
        crate::domain::review::validate_review(draft, today)?;
        let review = self.review(id)?;
        if draft.held_on != review.held_on && !reviews::assessed(&self.conn, id)?.is_empty() {
            return Err(refuse("review.held_on", "The date cannot change once providers were assessed in this review.".into()));
        }
        self.transaction(|tx| reviews::update(tx, id, draft))?;
        self.review(id)
    }

    fn open_for_assessment(&self, review_id: ReviewId, provider_id: ProviderId) -> Result<Review> {
        let review = self.review(review_id)?;
        if !review.is_open() {
            return Err(refuse("review_id", format!("\"{}\" is closed; start a new review to assess providers.", review.title)));
        }
        let provider = self.provider(provider_id)?;
        if provider.profile.status == Status::Retired {
            return Err(refuse("provider_id", format!("{} is retired and is not reviewed.", provider.profile.name)));
        }
        // The latest snapshot is the current one: an assessment dated before a later one would
        // be hidden behind it, and the meeting's decision would never show.
        if let Some(latest) = snapshots::latest(&self.conn, provider_id)?.filter(|s| s.taken_on > review.held_on) {
            return Err(refuse(
                "provider_id",
                format!(
                    "{} was assessed on {}, after this review's date ({}); edit the provider directly or start a new review.",
                    provider.profile.name, latest.taken_on, review.held_on
                ),
            ));
        }
        Ok(review)
    }

    /// "Confirm unchanged": records the provider's current values (brought up to date with the
    /// catalogue) as its assessment in the review, dated the day the review is held.
    pub fn confirm_in_review(&mut self, review_id: ReviewId, provider_id: ProviderId, today: NaiveDate) -> Result<ReviewItem> {
        let review = self.open_for_assessment(review_id, provider_id)?;
        self.confirm_unchanged(provider_id, review.held_on, Some(review_id))?;
        self.review_item(review_id, provider_id, today)
    }

    /// Records edited scores as the provider's assessment in the review.
    pub fn assess_in_review(
        &mut self,
        review_id: ReviewId,
        provider_id: ProviderId,
        risk: &RiskProfile,
        today: NaiveDate,
    ) -> Result<ReviewItem> {
        validate_risk(risk)?;
        let review = self.open_for_assessment(review_id, provider_id)?;
        self.transaction(|tx| snapshots::record(tx, provider_id, review.held_on, Some(review_id), risk))?;
        self.review_item(review_id, provider_id, today)
    }

    /// Sets the review's note on one provider; a blank note removes it.
    pub fn note_in_review(&mut self, review_id: ReviewId, provider_id: ProviderId, note: &str, today: NaiveDate) -> Result<ReviewItem> {
        if note.chars().count() > crate::domain::validation::MAX_TEXT_LEN {
            return Err(refuse("note", format!("Note is longer than {} characters.", crate::domain::validation::MAX_TEXT_LEN)));
        }
        self.open_for_assessment(review_id, provider_id)?;
        self.transaction(|tx| reviews::set_note(tx, review_id, provider_id, note))?;
        self.review_item(review_id, provider_id, today)
    }

    /// One provider as review mode shows it.
    pub fn review_item(&self, review_id: ReviewId, provider_id: ProviderId, today: NaiveDate) -> Result<ReviewItem> {
        let provider = self.provider(provider_id)?;
        Ok(item(ItemSource {
            snapshots: &self.snapshots(provider_id)?,
            review_id,
            catalogue: &self.catalogue()?,
            cadence: &self.settings()?.cadence,
            today,
            titles: &titles(&self.conn)?,
            note: reviews::notes(&self.conn, review_id)?.remove(&provider_id).unwrap_or_default(),
            provider: &provider,
        }))
    }

    /// The providers review mode walks, in walk order (overdue, due, then by exposure), each
    /// with its last assessment beside its current values. Retired providers are left out.
    pub fn review_items(&self, review_id: ReviewId, today: NaiveDate) -> Result<Vec<ReviewItem>> {
        self.review(review_id)?;
        let catalogue = self.catalogue()?;
        let cadence: Cadence = self.settings()?.cadence;
        let titles = titles(&self.conn)?;
        let mut notes = reviews::notes(&self.conn, review_id)?;
        let mut snapshots: HashMap<ProviderId, Vec<_>> = HashMap::new();
        for s in self.all_snapshots()? {
            snapshots.entry(s.provider_id).or_default().push(s);
        }
        let mut items: Vec<ReviewItem> = self
            .providers()?
            .iter()
            .filter(|p| p.profile.status != Status::Retired)
            .map(|provider| {
                item(ItemSource {
                    snapshots: snapshots.get(&provider.id).map(Vec::as_slice).unwrap_or_default(),
                    review_id,
                    catalogue: &catalogue,
                    cadence: &cadence,
                    today,
                    titles: &titles,
                    note: notes.remove(&provider.id).unwrap_or_default(),
                    provider,
                })
            })
            .collect();
        sort_items(&mut items);
        Ok(items)
    }

    /// Closes the review (dated `today`) and returns its summary.
    pub fn close_review(&mut self, id: ReviewId, today: NaiveDate) -> Result<ReviewSummary> {
        let review = self.review(id)?;
        if !review.is_open() {
            return Err(refuse("review_id", format!("\"{}\" is already closed.", review.title)));
        }
        let closed_on = today.max(review.held_on);
        self.transaction(|tx| reviews::close(tx, id, closed_on))?;
        self.review_summary(id, today)
    }

    /// How many providers the review assessed, what changed since the review before it (or, for
    /// the first review, since the day before), and what is still overdue as of `today`.
    pub fn review_summary(&self, id: ReviewId, today: NaiveDate) -> Result<ReviewSummary> {
        let review = self.review(id)?;
        let previous = reviews::previous(&self.conn, &review)?;
        let timelines = timelines(&self.conn, today)?;
        let from = match &previous {
            Some(p) => state_at(p.held_on, &timelines),
            None => review.held_on.checked_sub_days(Days::new(1)).map(|day| state_at(day, &timelines)).unwrap_or_default(),
        };
        let changes = since(&from, &state_at(review.held_on, &timelines));
        let assessed = reviews::assessed(&self.conn, id)?;
        Ok(summarise(review, previous, &assessed, changes, &self.register_rows(today)?))
    }

    /// The summary of the review held last, for the worksheet: its title, date and attendees,
    /// the changes since the review before it and what is overdue as of `today`.
    pub fn latest_review_summary(&self, today: NaiveDate) -> Result<Option<ReviewSummary>> {
        self.latest_review()?.map(|r| self.review_summary(r.id, today)).transpose()
    }

    /// The register now against the register at the latest review closed before today; `None`
    /// when there is no such review yet.
    pub fn changes_since_previous_review(&self, today: NaiveDate) -> Result<Option<(Review, RegisterChanges)>> {
        let Some(previous) = reviews::latest_closed_before(&self.conn, today)? else { return Ok(None) };
        let timelines = timelines(&self.conn, today)?;
        let changes = since(&state_at(previous.held_on, &timelines), &state_at(today, &timelines));
        Ok(Some((previous, changes)))
    }

    /// The register at one review against the register at another, earlier one first whichever
    /// order they are given in.
    pub fn compare_reviews(&self, a: ReviewId, b: ReviewId, today: NaiveDate) -> Result<RegisterChanges> {
        let (mut first, mut second) = (self.review(a)?, self.review(b)?);
        if (second.held_on, second.id) < (first.held_on, first.id) {
            std::mem::swap(&mut first, &mut second);
        }
        let timelines = timelines(&self.conn, today)?;
        Ok(since(&state_at(first.held_on, &timelines), &state_at(second.held_on, &timelines)))
    }

    /// The register as it stood at the end of `on`.
    pub fn register_state(&self, on: NaiveDate, today: NaiveDate) -> Result<RegisterState> {
        Ok(state_at(on, &timelines(&self.conn, today)?))
    }

    /// The provider's trend, oldest first, each point with the title of its review.
    pub fn titled_trend(&self, provider_id: ProviderId) -> Result<Vec<TrendEntry>> {
        Ok(titled_trend(self.trend(provider_id)?, &titles(&self.conn)?))
    }

    /// One provider's contract as of `today`, if it has a renewal date (whether or not it is on
    /// the watch list), for the provider page.
    pub fn contract(&self, provider_id: ProviderId, today: NaiveDate) -> Result<Option<ContractWatch>> {
        Ok(watch(&self.provider(provider_id)?, today))
    }

    /// The renewal watch list as of `today`.
    pub fn renewal_watch(&self, today: NaiveDate) -> Result<Vec<ContractWatch>> {
        Ok(watch_list(&self.providers()?, today))
    }

    /// Retires or reactivates a provider, dating the retirement `on` (the app's own date).
    pub fn set_status_on(&mut self, id: ProviderId, status: Status, on: NaiveDate) -> Result<()> {
        let was = self.provider(id)?.profile.status;
        self.transaction(|tx| {
            super::providers::set_status(tx, id, status)?;
            if status == Status::Retired && was != Status::Retired {
                tx.execute("UPDATE providers SET retired_on = ?2 WHERE id = ?1", params![id, on])?;
            }
            Ok(())
        })
    }

    /// Saves the settings screen: organisation and cadence. Other settings are left as they are.
    pub fn update_settings(&mut self, organisation: &str, cadence: &Cadence) -> Result<Settings> {
        validate_settings(organisation, cadence)?;
        let mut settings = self.settings()?;
        settings.organisation = organisation.trim().to_string();
        settings.cadence = *cadence;
        self.save_settings(&settings)?;
        Ok(settings)
    }
}
