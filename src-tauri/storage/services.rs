//! Service rows (the services table) and the Register's service API: the register's services by
//! name, and adding, editing (retiring is an edit) and deleting them. Every write validates first,
//! against the other services' names too, so a refused service writes nothing.

use chrono::NaiveDate;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row, ToSql};

use super::{Missing, Register, Result, StoreError};
use crate::domain::ids::ServiceId;
use crate::domain::services::service::{validate_service, Service, ServiceDraft};

const SELECT: &str =
    "SELECT id, name, owner, description, downtime_cost_per_hour, degraded_share, rto_hours, retired, created_on FROM services";

fn from_row(r: &Row) -> rusqlite::Result<Service> {
    Ok(Service {
        id: r.get(0)?,
        draft: ServiceDraft {
            name: r.get(1)?,
            owner: r.get(2)?,
            description: r.get(3)?,
            downtime_cost_per_hour: r.get(4)?,
            degraded_share: r.get(5)?,
            rto_hours: r.get(6)?,
            retired: r.get(7)?,
        },
        created_on: r.get(8)?,
    })
}

/// By name as a person sorts them, whatever their case.
pub fn all(conn: &Connection) -> Result<Vec<Service>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY name COLLATE NOCASE, id"))?;
    let services = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(services)
}

pub fn one(conn: &Connection, id: ServiceId) -> Result<Service> {
    let found = conn.prepare_cached(&format!("{SELECT} WHERE id = ?1"))?.query_row([id], from_row).optional()?;
    found.ok_or(StoreError::NotFound(Missing::Service(id)))
}

/// Refuses an id that names no service, as every service lookup does.
pub(super) fn require(conn: &Connection, id: ServiceId) -> Result<()> {
    let found = conn.prepare_cached("SELECT 1 FROM services WHERE id = ?1")?.query_row([id], |_| Ok(())).optional()?;
    found.ok_or(StoreError::NotFound(Missing::Service(id)))
}

/// The draft's columns in the order `insert` and `update` both name them, after the id; the name
/// is stored trimmed, as validation compared it.
fn columns(d: &ServiceDraft) -> [Box<dyn ToSql + '_>; 7] {
    [
        Box::new(d.name.trim()),
        Box::new(&d.owner),
        Box::new(&d.description),
        Box::new(d.downtime_cost_per_hour),
        Box::new(d.degraded_share),
        Box::new(d.rto_hours),
        Box::new(d.retired),
    ]
}

pub fn insert(conn: &Connection, draft: &ServiceDraft, created_on: NaiveDate) -> Result<ServiceId> {
    conn.prepare_cached(
        "INSERT INTO services (name, owner, description, downtime_cost_per_hour, degraded_share, rto_hours, retired, created_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params_from_iter(columns(draft).into_iter().chain([Box::new(created_on) as Box<dyn ToSql>])))?;
    Ok(ServiceId(conn.last_insert_rowid()))
}

pub fn update(conn: &Connection, id: ServiceId, draft: &ServiceDraft) -> Result<()> {
    let changed = conn
        .prepare_cached(
            "UPDATE services SET name = ?2, owner = ?3, description = ?4, downtime_cost_per_hour = ?5, degraded_share = ?6,
                rto_hours = ?7, retired = ?8
             WHERE id = ?1",
        )?
        .execute(params_from_iter([Box::new(id) as Box<dyn ToSql>].into_iter().chain(columns(draft))))?;
    if changed == 0 {
        Err(StoreError::NotFound(Missing::Service(id)))
    } else {
        Ok(())
    }
}

/// Validates `draft` against the names of every service but `except` (the one being edited).
pub fn check(conn: &Connection, draft: &ServiceDraft, except: Option<ServiceId>) -> Result<()> {
    let others: Vec<String> = all(conn)?.into_iter().filter(|s| Some(s.id) != except).map(|s| s.draft.name).collect();
    Ok(validate_service(draft, &others.iter().map(String::as_str).collect::<Vec<_>>())?)
}

impl Register {
    /// Every service, retired ones too, by name.
    pub fn services(&self) -> Result<Vec<Service>> {
        all(&self.conn)
    }

    pub fn service(&self, id: ServiceId) -> Result<Service> {
        one(&self.conn, id)
    }

    /// Validates and stores a new service, added `today`.
    pub fn add_service(&mut self, draft: &ServiceDraft, today: NaiveDate) -> Result<Service> {
        let id = self.transaction(|tx| {
            check(tx, draft, None)?;
            insert(tx, draft, today)
        })?;
        one(&self.conn, id)
    }

    /// Validates and saves an edit of the service; retiring it is an edit with `retired` set,
    /// which keeps its links for the record.
    pub fn update_service(&mut self, id: ServiceId, draft: &ServiceDraft) -> Result<Service> {
        self.transaction(|tx| {
            require(tx, id)?;
            check(tx, draft, Some(id))?;
            update(tx, id, draft)
        })?;
        one(&self.conn, id)
    }

    /// Deletes the service and, with it, the record of which providers it needs.
    pub fn delete_service(&mut self, id: ServiceId) -> Result<()> {
        self.transaction(|tx| match tx.execute("DELETE FROM services WHERE id = ?1", [id])? {
            0 => Err(StoreError::NotFound(Missing::Service(id))),
            _ => Ok(()),
        })
    }
}
