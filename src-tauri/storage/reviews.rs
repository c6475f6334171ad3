//! Review meetings.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use super::{Missing, Result, StoreError};
use crate::domain::ids::{ProviderId, ReviewId};
use crate::domain::review::{Review, ReviewDraft};

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

/// The providers assessed in the review, by id.
pub fn assessed(conn: &Connection, review_id: ReviewId) -> Result<Vec<ProviderId>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT provider_id FROM snapshots WHERE review_id = ?1 ORDER BY provider_id")?;
    let ids = stmt.query_map([review_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<ProviderId>>>()?;
    Ok(ids)
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
