//! Review meetings and their notes on providers (the reviews and review_notes tables), and the
//! Register's review API: meetings, assessments taken in them and what changed between them.
//! Every write validates first and runs in one transaction, so refused input changes nothing.

use std::collections::{HashMap, HashSet};

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};

use super::{drills, incidents, providers, snapshots, Missing, Register, Result, StoreError};
use crate::domain::cadence::Cadence;
use crate::domain::changes::{since, state_at, RegisterChanges, RegisterState};
use crate::domain::ids::{ProviderId, ReviewId};
use crate::domain::provider::{RiskProfile, Status};
use crate::domain::review::{
    item, sort_items, summarise, titled_trend, EvidenceCounts, ItemSource, Review, ReviewDraft, ReviewItem, ReviewSummary, TrendEntry,
};
use crate::domain::validation::{validate_risk, ValidationErrors};

pub struct NewReview<'a> {
    pub held_on: NaiveDate,
    pub title: &'a str,
    pub attendees: &'a str,
    pub notes: &'a str,
    pub closed_on: Option<NaiveDate>,
}

pub fn insert(conn: &Connection, r: &NewReview) -> Result<ReviewId> {
    conn.execute(
        "INSERT INTO reviews (held_on, title, attendees, notes, closed_on) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![r.held_on, r.title, r.attendees, r.notes, r.closed_on],
    )?;
    Ok(ReviewId(conn.last_insert_rowid()))
}

const COLUMNS: &str = "id, held_on, title, attendees, notes, closed_on";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<Review> {
    Ok(Review { id: r.get(0)?, held_on: r.get(1)?, title: r.get(2)?, attendees: r.get(3)?, notes: r.get(4)?, closed_on: r.get(5)? })
}

fn query(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Review>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(args, from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A review id that does not exist (the UI may hold a stale one).
fn missing(id: ReviewId) -> StoreError {
    StoreError::NotFound(Missing::Review(id))
}

/// Newest first.
pub fn all(conn: &Connection) -> Result<Vec<Review>> {
    query(conn, &format!("SELECT {COLUMNS} FROM reviews ORDER BY held_on DESC, id DESC"), [])
}

pub fn one(conn: &Connection, id: ReviewId) -> Result<Review> {
    let found = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM reviews WHERE id = ?1"))?.query_row([id], from_row).optional()?;
    found.ok_or_else(|| missing(id))
}

/// The review in progress, if any (there is at most one).
pub fn open(conn: &Connection) -> Result<Option<Review>> {
    Ok(query(conn, &format!("SELECT {COLUMNS} FROM reviews WHERE closed_on IS NULL ORDER BY held_on DESC, id DESC LIMIT 1"), [])?.pop())
}

/// The latest closed review held before `review` (by date, then by id for same-day reviews).
pub fn previous(conn: &Connection, review: &Review) -> Result<Option<Review>> {
    Ok(query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM reviews WHERE closed_on IS NOT NULL AND id <> ?1 AND (held_on < ?2 OR (held_on = ?2 AND id < ?1))
             ORDER BY held_on DESC, id DESC LIMIT 1"
        ),
        params![review.id, review.held_on],
    )?
    .pop())
}

/// The latest closed review held before `day`.
pub fn latest_closed_before(conn: &Connection, day: NaiveDate) -> Result<Option<Review>> {
    Ok(query(
        conn,
        &format!("SELECT {COLUMNS} FROM reviews WHERE closed_on IS NOT NULL AND held_on < ?1 ORDER BY held_on DESC, id DESC LIMIT 1"),
        [day],
    )?
    .pop())
}

/// The review held last, open or closed.
pub fn latest(conn: &Connection) -> Result<Option<Review>> {
    Ok(query(conn, &format!("SELECT {COLUMNS} FROM reviews ORDER BY held_on DESC, id DESC LIMIT 1"), [])?.pop())
}

pub fn update(conn: &Connection, id: ReviewId, draft: &ReviewDraft) -> Result<()> {
    let changed = conn.execute(
        "UPDATE reviews SET held_on = ?2, title = ?3, attendees = ?4, notes = ?5 WHERE id = ?1",
        params![id, draft.held_on, draft.title.trim(), draft.attendees, draft.notes],
    )?;
    if changed == 0 {
        Err(missing(id))
    } else {
        Ok(())
    }
}

pub fn close(conn: &Connection, id: ReviewId, on: NaiveDate) -> Result<()> {
    let changed = conn.execute("UPDATE reviews SET closed_on = ?2 WHERE id = ?1", params![id, on])?;
    if changed == 0 {
        Err(missing(id))
    } else {
        Ok(())
    }
}

/// Sets (or, when blank, removes) the review's note on one provider.
pub fn set_note(conn: &Connection, review_id: ReviewId, provider_id: ProviderId, note: &str) -> Result<()> {
    if note.trim().is_empty() {
        conn.execute("DELETE FROM review_notes WHERE review_id = ?1 AND provider_id = ?2", params![review_id, provider_id])?;
    } else {
        conn.execute(
            "INSERT INTO review_notes (review_id, provider_id, note) VALUES (?1, ?2, ?3)
             ON CONFLICT (review_id, provider_id) DO UPDATE SET note = excluded.note",
            params![review_id, provider_id, note],
        )?;
    }
    Ok(())
}

/// The review's notes, by provider id.
pub fn notes(conn: &Connection, review_id: ReviewId) -> Result<HashMap<ProviderId, String>> {
    let mut stmt = conn.prepare_cached("SELECT provider_id, note FROM review_notes WHERE review_id = ?1")?;
    let notes = stmt.query_map([review_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<HashMap<ProviderId, String>>>()?;
    Ok(notes)
}

/// The review held on `held_on` with this title (ignoring case and spacing), created if missing
/// and otherwise given these details: how an import restores reviews.csv without duplicating a
/// review it already holds. Returns its id.
pub fn find_or_insert(conn: &Connection, r: &NewReview) -> Result<ReviewId> {
    let wanted = crate::domain::text::fold(r.title);
    let same_day = query(conn, &format!("SELECT {COLUMNS} FROM reviews WHERE held_on = ?1 ORDER BY id"), [r.held_on])?;
    match same_day.into_iter().find(|existing| crate::domain::text::fold(&existing.title) == wanted) {
        Some(existing) => {
            conn.execute(
                "UPDATE reviews SET attendees = ?2, notes = ?3, closed_on = ?4 WHERE id = ?1",
                params![existing.id, r.attendees, r.notes, r.closed_on],
            )?;
            Ok(existing.id)
        }
        None => insert(conn, r),
    }
}

/// The names of the providers assessed in the review, in name order (as a reader scans them).
pub fn assessed_names(conn: &Connection, review_id: ReviewId) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT p.name FROM snapshots s JOIN providers p ON p.id = s.provider_id
         WHERE s.review_id = ?1 ORDER BY p.name COLLATE NOCASE",
    )?;
    let names = stmt.query_map([review_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

fn titles(conn: &Connection) -> Result<HashMap<ReviewId, String>> {
    Ok(all(conn)?.into_iter().map(|r| (r.id, r.title)).collect())
}

fn refuse(field: &str, message: String) -> StoreError {
    StoreError::Invalid(ValidationErrors::single(field, message))
}

impl Register {
    /// Every review, newest first.
    pub fn reviews(&self) -> Result<Vec<Review>> {
        all(&self.conn)
    }

    pub fn review(&self, id: ReviewId) -> Result<Review> {
        one(&self.conn, id)
    }

    /// The names of the providers assessed in the review, in name order.
    pub fn assessed_names(&self, review_id: ReviewId) -> Result<Vec<String>> {
        assessed_names(&self.conn, review_id)
    }

    /// The review in progress, if any.
    pub fn open_review(&self) -> Result<Option<Review>> {
        open(&self.conn)
    }

    /// The review held last, open or closed: the one the worksheet PDF presents.
    pub fn latest_review(&self) -> Result<Option<Review>> {
        latest(&self.conn)
    }

    /// Starts a review meeting. Only one review is open at a time, so every assessment belongs
    /// to an unambiguous meeting.
    pub fn start_review(&mut self, draft: &ReviewDraft, today: NaiveDate) -> Result<Review> {
        crate::domain::review::validate_review(draft, today)?;
        if let Some(open) = self.open_review()? {
            return Err(refuse("review", format!("\"{}\" is still open; close it before starting another review.", open.title)));
        }
        let id = self.transaction(|tx| {
            insert(
                tx,
                &NewReview {
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
        if draft.held_on != review.held_on && !snapshots::assessed(&self.conn, id)?.is_empty() {
            return Err(refuse("review.held_on", "The date cannot change once providers were assessed in this review.".into()));
        }
        self.transaction(|tx| update(tx, id, draft))?;
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
        self.transaction(|tx| snapshots::record_assessed(tx, provider_id, review.held_on, Some(review_id), risk))?;
        self.review_item(review_id, provider_id, today)
    }

    /// Sets the review's note on one provider; a blank note removes it.
    pub fn note_in_review(&mut self, review_id: ReviewId, provider_id: ProviderId, note: &str, today: NaiveDate) -> Result<ReviewItem> {
        if note.chars().count() > crate::domain::validation::MAX_TEXT_LEN {
            return Err(refuse("note", format!("Note is longer than {} characters.", crate::domain::validation::MAX_TEXT_LEN)));
        }
        self.open_for_assessment(review_id, provider_id)?;
        self.transaction(|tx| set_note(tx, review_id, provider_id, note))?;
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
            note: notes(&self.conn, review_id)?.remove(&provider_id).unwrap_or_default(),
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
        let mut notes = notes(&self.conn, review_id)?;
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
        self.transaction(|tx| close(tx, id, closed_on))?;
        self.review_summary(id, today)
    }

    /// How many providers the review assessed, what changed since the review before it (or, for
    /// the first review, since the day before), and what is still overdue as of `today`.
    pub fn review_summary(&self, id: ReviewId, today: NaiveDate) -> Result<ReviewSummary> {
        let review = self.review(id)?;
        let previous = previous(&self.conn, &review)?;
        let timelines = providers::timelines(&self.conn, today)?;
        let from = match &previous {
            Some(p) => state_at(p.held_on, &timelines),
            None => review.held_on.checked_sub_days(Days::new(1)).map(|day| state_at(day, &timelines)).unwrap_or_default(),
        };
        let changes = since(&from, &state_at(review.held_on, &timelines));
        let assessed = snapshots::assessed(&self.conn, id)?;
        let rows = self.register_rows(today)?;
        let active: HashSet<ProviderId> = rows.iter().map(|r| r.id).collect();
        let mut incidents = incidents::all(&self.conn)?;
        incidents.retain(|i| active.contains(&i.draft.provider_id));
        let mut drills = drills::all(&self.conn)?;
        drills.retain(|d| active.contains(&d.draft.provider_id));
        let evidence = EvidenceCounts::between(&incidents, &drills, previous.as_ref().map(|p| p.held_on), review.held_on);
        Ok(summarise(review, previous, &assessed, changes, evidence, &rows))
    }

    /// The summary of the review held last, for the worksheet: its title, date and attendees,
    /// the changes since the review before it and what is overdue as of `today`.
    pub fn latest_review_summary(&self, today: NaiveDate) -> Result<Option<ReviewSummary>> {
        self.latest_review()?.map(|r| self.review_summary(r.id, today)).transpose()
    }

    /// The register now against the register at the latest review closed before today; `None`
    /// when there is no such review yet.
    pub fn changes_since_previous_review(&self, today: NaiveDate) -> Result<Option<(Review, RegisterChanges)>> {
        let Some(previous) = latest_closed_before(&self.conn, today)? else { return Ok(None) };
        let timelines = providers::timelines(&self.conn, today)?;
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
        let timelines = providers::timelines(&self.conn, today)?;
        Ok(since(&state_at(first.held_on, &timelines), &state_at(second.held_on, &timelines)))
    }

    /// The register as it stood at the end of `on`.
    pub fn register_state(&self, on: NaiveDate, today: NaiveDate) -> Result<RegisterState> {
        Ok(state_at(on, &providers::timelines(&self.conn, today)?))
    }

    /// The provider's trend, oldest first, each point with the title of its review.
    pub fn titled_trend(&self, provider_id: ProviderId) -> Result<Vec<TrendEntry>> {
        Ok(titled_trend(self.trend(provider_id)?, &titles(&self.conn)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Register;

    #[test]
    fn restoring_a_review_twice_keeps_one() {
        let register = Register::open_in_memory().unwrap();
        let conn = register.connection();
        let day = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        let review = |title, notes| NewReview { held_on: day, title, attendees: "CTO", notes, closed_on: Some(day) };
        let first = find_or_insert(conn, &review("Q1 2028 review", "")).unwrap();
        let again = find_or_insert(conn, &review(" q1 2028  REVIEW", "Updated")).unwrap();
        assert_eq!(first, again);
        assert_eq!(one(conn, first).unwrap().notes, "Updated");
        let other = find_or_insert(conn, &review("Extra review", "")).unwrap();
        assert_ne!(first, other);
        assert_eq!(all(conn).unwrap().len(), 2);
    }
}
