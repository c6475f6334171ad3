//! Exit-drill rows (the drills table) and the Register's drill API: a provider's drills and the
//! register's, newest first, and adding, editing and deleting them. The drill log is also where a
//! provider's "last rehearsed" comes from: the latest drill's date.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row, ToSql};

use super::providers::{choice, optional_choice};
use super::{Missing, Register, Result, StoreError};
use crate::domain::evidence::drill::{validate_drill, Drill, DrillDraft, DrillKind, DrillResult, DrillScenario};
use crate::domain::ids::{DrillId, ProviderId};

const SELECT: &str = "SELECT id, provider_id, date, kind, scenario, alternative, target_hours, achieved_hours, result, findings, follow_ups
    FROM drills";

/// Newest first; same-day drills by the one recorded last.
const NEWEST_FIRST: &str = "ORDER BY date DESC, id DESC";

fn from_row(r: &Row) -> rusqlite::Result<Drill> {
    Ok(Drill {
        id: r.get(0)?,
        draft: DrillDraft {
            provider_id: r.get(1)?,
            date: r.get(2)?,
            kind: choice(r, 3, DrillKind::parse)?,
            scenario: optional_choice(r, 4, DrillScenario::parse)?,
            alternative: r.get(5)?,
            target_hours: r.get(6)?,
            achieved_hours: r.get(7)?,
            result: optional_choice(r, 8, DrillResult::parse)?,
            findings: r.get(9)?,
            follow_ups: r.get(10)?,
        },
    })
}

fn query(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Drill>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let drills = stmt.query_map(args, from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(drills)
}

pub fn of_provider(conn: &Connection, provider_id: ProviderId) -> Result<Vec<Drill>> {
    query(conn, &format!("{SELECT} WHERE provider_id = ?1 {NEWEST_FIRST}"), [provider_id])
}

pub fn all(conn: &Connection) -> Result<Vec<Drill>> {
    query(conn, &format!("{SELECT} {NEWEST_FIRST}"), [])
}

/// Every provider's drills, newest first within each, read in one query.
pub fn by_provider(conn: &Connection) -> Result<HashMap<ProviderId, Vec<Drill>>> {
    let mut grouped: HashMap<ProviderId, Vec<Drill>> = HashMap::new();
    for drill in all(conn)? {
        grouped.entry(drill.draft.provider_id).or_default().push(drill);
    }
    Ok(grouped)
}

fn one(conn: &Connection, id: DrillId) -> Result<Drill> {
    let found = conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], from_row).optional()?;
    found.ok_or(StoreError::NotFound(Missing::Drill(id)))
}

/// The provider's "last rehearsed" as of `on`: its latest drill dated that day or before. For an
/// assessment recorded today that is simply its latest drill (drills are never in the future);
/// an assessment dated in the past (an imported history) keeps what was true then.
pub fn last_rehearsed(conn: &Connection, provider_id: ProviderId, on: NaiveDate) -> Result<Option<NaiveDate>> {
    let latest = conn
        .prepare_cached("SELECT max(date) FROM drills WHERE provider_id = ?1 AND date <= ?2")?
        .query_row(rusqlite::params![provider_id, on], |r| r.get(0))?;
    Ok(latest)
}

/// The draft's columns in the order `insert` and `update` both name them, after the id.
fn columns(d: &DrillDraft) -> [Box<dyn ToSql + '_>; 10] {
    [
        Box::new(d.provider_id),
        Box::new(d.date),
        Box::new(d.kind.key()),
        Box::new(d.scenario.map(DrillScenario::key)),
        Box::new(&d.alternative),
        Box::new(d.target_hours),
        Box::new(d.achieved_hours),
        Box::new(d.result.map(DrillResult::key)),
        Box::new(&d.findings),
        Box::new(&d.follow_ups),
    ]
}

pub fn insert(conn: &Connection, draft: &DrillDraft) -> Result<DrillId> {
    conn.prepare_cached(
        "INSERT INTO drills (provider_id, date, kind, scenario, alternative, target_hours, achieved_hours, result, findings, follow_ups)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params_from_iter(columns(draft)))?;
    Ok(DrillId(conn.last_insert_rowid()))
}

fn update(conn: &Connection, id: DrillId, draft: &DrillDraft) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE drills SET provider_id = ?2, date = ?3, kind = ?4, scenario = ?5, alternative = ?6, target_hours = ?7,
                achieved_hours = ?8, result = ?9, findings = ?10, follow_ups = ?11
             WHERE id = ?1",
        )?
        .execute(params_from_iter([Box::new(id) as Box<dyn ToSql>].into_iter().chain(columns(draft))))?;
    if changed == 0 {
        Err(StoreError::NotFound(Missing::Drill(id)))
    } else {
        Ok(())
    }
}

impl Register {
    /// The provider's drills, newest first.
    pub fn drills(&self, provider: ProviderId) -> Result<Vec<Drill>> {
        self.require_provider(provider)?;
        of_provider(&self.conn, provider)
    }

    /// Every drill of the register, newest first.
    pub fn all_drills(&self) -> Result<Vec<Drill>> {
        all(&self.conn)
    }

    /// Validates and stores a new drill; `today` decides what is in the future.
    pub fn add_drill(&mut self, draft: &DrillDraft, today: NaiveDate) -> Result<Drill> {
        self.check_drill(draft, today)?;
        let id = self.transaction(|tx| insert(tx, draft))?;
        one(&self.conn, id)
    }

    /// Validates and saves an edit of the drill, which may move it to another provider.
    pub fn update_drill(&mut self, id: DrillId, draft: &DrillDraft, today: NaiveDate) -> Result<Drill> {
        one(&self.conn, id)?;
        self.check_drill(draft, today)?;
        self.transaction(|tx| update(tx, id, draft))?;
        one(&self.conn, id)
    }

    pub fn delete_drill(&mut self, id: DrillId) -> Result<()> {
        self.transaction(|tx| match tx.execute("DELETE FROM drills WHERE id = ?1", [id])? {
            0 => Err(StoreError::NotFound(Missing::Drill(id))),
            _ => Ok(()),
        })
    }

    fn check_drill(&self, draft: &DrillDraft, today: NaiveDate) -> Result<()> {
        self.require_provider(draft.provider_id)?;
        Ok(validate_drill(draft, today)?)
    }
}
