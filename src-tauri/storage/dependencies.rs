//! Dependency rows (the dependencies table) and the Register's dependency API: which providers
//! each service needs and what becomes of it when one is down or degraded, read from either side,
//! and setting and removing those links.

use rusqlite::{params, Connection, Row};

use super::providers::choice;
use super::{providers, services, Missing, Register, Result, StoreError};
use crate::domain::ids::{ProviderId, ServiceId};
use crate::domain::services::dependency::{validate_dependency, Dependency, Effect};

/// Joined with both sides so that lists read in name order, as the pages show them.
const SELECT: &str = "SELECT d.service_id, d.provider_id, d.when_down, d.when_degraded, d.note
    FROM dependencies d
    JOIN services s ON s.id = d.service_id
    JOIN providers p ON p.id = d.provider_id";

const BY_SERVICE: &str = "ORDER BY s.name COLLATE NOCASE, p.name COLLATE NOCASE";
const BY_PROVIDER: &str = "ORDER BY p.name COLLATE NOCASE, s.name COLLATE NOCASE";

fn from_row(r: &Row) -> rusqlite::Result<Dependency> {
    Ok(Dependency {
        service_id: r.get(0)?,
        provider_id: r.get(1)?,
        when_down: choice(r, 2, Effect::parse)?,
        when_degraded: choice(r, 3, Effect::parse)?,
        note: r.get(4)?,
    })
}

fn query(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Dependency>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let dependencies = stmt.query_map(args, from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(dependencies)
}

pub fn all(conn: &Connection) -> Result<Vec<Dependency>> {
    query(conn, &format!("{SELECT} {BY_SERVICE}"), [])
}

pub fn of_service(conn: &Connection, id: ServiceId) -> Result<Vec<Dependency>> {
    query(conn, &format!("{SELECT} WHERE d.service_id = ?1 {BY_SERVICE}"), [id])
}

pub fn of_provider(conn: &Connection, id: ProviderId) -> Result<Vec<Dependency>> {
    query(conn, &format!("{SELECT} WHERE d.provider_id = ?1 {BY_PROVIDER}"), [id])
}

/// Records the link, or replaces what an existing one says.
pub fn upsert(conn: &Connection, d: &Dependency) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO dependencies (service_id, provider_id, when_down, when_degraded, note) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (service_id, provider_id) DO UPDATE SET
             when_down = excluded.when_down, when_degraded = excluded.when_degraded, note = excluded.note",
    )?
    .execute(params![d.service_id, d.provider_id, d.when_down.key(), d.when_degraded.key(), d.note])?;
    Ok(())
}

/// Checks the link and that both of its ends are in the register.
pub fn check(conn: &Connection, d: &Dependency) -> Result<()> {
    services::require(conn, d.service_id)?;
    providers::require(conn, d.provider_id)?;
    Ok(validate_dependency(d)?)
}

impl Register {
    /// Every link of the register, by service then provider.
    pub fn dependencies(&self) -> Result<Vec<Dependency>> {
        all(&self.conn)
    }

    /// The providers the service needs, by provider name.
    pub fn dependencies_of_service(&self, id: ServiceId) -> Result<Vec<Dependency>> {
        services::require(&self.conn, id)?;
        of_service(&self.conn, id)
    }

    /// The services that need the provider, by service name.
    pub fn dependencies_of_provider(&self, id: ProviderId) -> Result<Vec<Dependency>> {
        self.require_provider(id)?;
        of_provider(&self.conn, id)
    }

    /// Validates and records that the service needs the provider, replacing what an earlier link
    /// between the two said.
    pub fn set_dependency(&mut self, dependency: &Dependency) -> Result<Dependency> {
        self.transaction(|tx| {
            check(tx, dependency)?;
            upsert(tx, dependency)
        })?;
        Ok(dependency.clone())
    }

    pub fn remove_dependency(&mut self, service: ServiceId, provider: ProviderId) -> Result<()> {
        self.transaction(|tx| {
            match tx.execute("DELETE FROM dependencies WHERE service_id = ?1 AND provider_id = ?2", params![service, provider])? {
                0 => Err(StoreError::NotFound(Missing::Dependency(service, provider))),
                _ => Ok(()),
            }
        })
    }
}
