//! Incident rows (the incidents table) and the Register's incident API: a provider's incidents
//! and the register's, newest first, and adding, editing and deleting them. Every write validates
//! against the register's catalogue first, so a refused incident writes nothing.

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use rusqlite::types::Type;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row, ToSql};

use super::{Missing, Register, Result, StoreError};
use crate::domain::evidence::incident::{validate_incident, Incident, IncidentDraft};
use crate::domain::ids::{IncidentId, ProviderId};

const SELECT: &str = "SELECT id, provider_id, mode_id, started, detected, resolved, services, customer_facing, sla_breached,
        cost, summary, postmortem_url, follow_ups
    FROM incidents";

/// Newest first by real time, whatever offset each was recorded in; same-instant incidents by
/// the one recorded last.
const NEWEST_FIRST: &str = "ORDER BY started_utc DESC, id DESC";

/// A time as stored: RFC 3339 with the offset it was recorded in.
fn stored_time(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// The same instant in UTC with nanoseconds always written, so every value has the same width
/// and text order is time order.
fn sortable_utc(at: DateTime<FixedOffset>) -> String {
    at.with_timezone(&Utc).to_rfc3339_opts(SecondsFormat::Nanos, true)
}

fn unreadable(index: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e))
}

fn time(r: &Row, index: usize) -> rusqlite::Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(&r.get::<_, String>(index)?).map_err(|e| unreadable(index, e))
}

fn optional_time(r: &Row, index: usize) -> rusqlite::Result<Option<DateTime<FixedOffset>>> {
    r.get::<_, Option<String>>(index)?.map(|text| DateTime::parse_from_rfc3339(&text).map_err(|e| unreadable(index, e))).transpose()
}

fn from_row(r: &Row) -> rusqlite::Result<Incident> {
    let services: String = r.get(6)?;
    Ok(Incident {
        id: r.get(0)?,
        draft: IncidentDraft {
            provider_id: r.get(1)?,
            mode_id: r.get(2)?,
            started: time(r, 3)?,
            detected: optional_time(r, 4)?,
            resolved: optional_time(r, 5)?,
            services: serde_json::from_str(&services).map_err(|e| unreadable(6, e))?,
            customer_facing: r.get(7)?,
            sla_breached: r.get(8)?,
            cost: r.get(9)?,
            summary: r.get(10)?,
            postmortem_url: r.get(11)?,
            follow_ups: r.get(12)?,
        },
    })
}

fn query(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Incident>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let incidents = stmt.query_map(args, from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(incidents)
}

pub fn of_provider(conn: &Connection, provider_id: ProviderId) -> Result<Vec<Incident>> {
    query(conn, &format!("{SELECT} WHERE provider_id = ?1 {NEWEST_FIRST}"), [provider_id])
}

pub fn all(conn: &Connection) -> Result<Vec<Incident>> {
    query(conn, &format!("{SELECT} {NEWEST_FIRST}"), [])
}

pub fn one(conn: &Connection, id: IncidentId) -> Result<Incident> {
    let found = conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], from_row).optional()?;
    found.ok_or(StoreError::NotFound(Missing::Incident(id)))
}

/// The draft's columns in the order `insert` and `update` both name them, after the id.
fn columns(d: &IncidentDraft) -> [Box<dyn ToSql + '_>; 13] {
    [
        Box::new(d.provider_id),
        Box::new(d.mode_id),
        Box::new(stored_time(d.started)),
        Box::new(sortable_utc(d.started)),
        Box::new(d.detected.map(stored_time)),
        Box::new(d.resolved.map(stored_time)),
        Box::new(serde_json::to_string(&d.services).expect("service names serialise")),
        Box::new(d.customer_facing),
        Box::new(d.sla_breached),
        Box::new(d.cost),
        Box::new(&d.summary),
        Box::new(&d.postmortem_url),
        Box::new(&d.follow_ups),
    ]
}

pub fn insert(conn: &Connection, draft: &IncidentDraft) -> Result<IncidentId> {
    conn.prepare_cached(
        "INSERT INTO incidents (provider_id, mode_id, started, started_utc, detected, resolved, services, customer_facing,
            sla_breached, cost, summary, postmortem_url, follow_ups)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params_from_iter(columns(draft)))?;
    Ok(IncidentId(conn.last_insert_rowid()))
}

fn update(conn: &Connection, id: IncidentId, draft: &IncidentDraft) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE incidents SET provider_id = ?2, mode_id = ?3, started = ?4, started_utc = ?5, detected = ?6, resolved = ?7,
                services = ?8, customer_facing = ?9, sla_breached = ?10, cost = ?11, summary = ?12, postmortem_url = ?13,
                follow_ups = ?14
             WHERE id = ?1",
        )?
        .execute(params_from_iter([Box::new(id) as Box<dyn ToSql>].into_iter().chain(columns(draft))))?;
    if changed == 0 {
        Err(StoreError::NotFound(Missing::Incident(id)))
    } else {
        Ok(())
    }
}

impl Register {
    /// The provider's incidents, newest first.
    pub fn incidents(&self, provider: ProviderId) -> Result<Vec<Incident>> {
        self.require_provider(provider)?;
        of_provider(&self.conn, provider)
    }

    /// Every incident of the register, newest first.
    pub fn all_incidents(&self) -> Result<Vec<Incident>> {
        all(&self.conn)
    }

    /// Validates and stores a new incident; `now` decides what is in the future.
    pub fn add_incident(&mut self, draft: &IncidentDraft, now: DateTime<Utc>) -> Result<Incident> {
        self.check_incident(draft, now)?;
        let id = self.transaction(|tx| insert(tx, draft))?;
        one(&self.conn, id)
    }

    /// Validates and saves an edit of the incident, which may move it to another provider.
    pub fn update_incident(&mut self, id: IncidentId, draft: &IncidentDraft, now: DateTime<Utc>) -> Result<Incident> {
        one(&self.conn, id)?;
        self.check_incident(draft, now)?;
        self.transaction(|tx| update(tx, id, draft))?;
        one(&self.conn, id)
    }

    pub fn delete_incident(&mut self, id: IncidentId) -> Result<()> {
        self.transaction(|tx| match tx.execute("DELETE FROM incidents WHERE id = ?1", [id])? {
            0 => Err(StoreError::NotFound(Missing::Incident(id))),
            _ => Ok(()),
        })
    }

    fn check_incident(&self, draft: &IncidentDraft, now: DateTime<Utc>) -> Result<()> {
        self.require_provider(draft.provider_id)?;
        Ok(validate_incident(draft, &self.catalogue()?, now)?)
    }
}
