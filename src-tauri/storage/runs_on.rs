//! Runs-on rows (the runs_on table) and the Register's API for them: which providers run on
//! which (fourth parties), and adding and removing those links. A link that would close a loop
//! is refused with the loop named, since a failure would otherwise reach itself.

use rusqlite::{params, Connection, Row};

use super::{providers, Missing, Register, Result, StoreError};
use crate::domain::ids::ProviderId;
use crate::domain::services::dependency::{cycle_through, RunsOn};
use crate::domain::validation::ValidationErrors;

fn from_row(r: &Row) -> rusqlite::Result<RunsOn> {
    Ok(RunsOn { provider_id: r.get(0)?, runs_on: r.get(1)? })
}

/// By the names of both ends, as a provider page lists them.
pub fn all(conn: &Connection) -> Result<Vec<RunsOn>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.provider_id, l.runs_on FROM runs_on l
         JOIN providers a ON a.id = l.provider_id
         JOIN providers b ON b.id = l.runs_on
         ORDER BY a.name COLLATE NOCASE, b.name COLLATE NOCASE",
    )?;
    let links = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(links)
}

/// Records the link; recording it twice is the same as once.
pub fn insert(conn: &Connection, link: RunsOn) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO runs_on (provider_id, runs_on) VALUES (?1, ?2)")?
        .execute(params![link.provider_id, link.runs_on])?;
    Ok(())
}

fn name(conn: &Connection, id: ProviderId) -> Result<String> {
    Ok(conn.prepare_cached("SELECT name FROM providers WHERE id = ?1")?.query_row([id], |r| r.get(0))?)
}

/// Checks that both ends are in the register and that the link closes no loop over `existing`.
pub fn check(conn: &Connection, link: RunsOn, existing: &[RunsOn]) -> Result<()> {
    providers::require(conn, link.provider_id)?;
    providers::require(conn, link.runs_on)?;
    let Some(path) = cycle_through(link, existing) else {
        return Ok(());
    };
    let names = path.into_iter().map(|id| name(conn, id)).collect::<Result<Vec<_>>>()?;
    Err(ValidationErrors::single("runs_on", format!("That would make a loop: {}.", names.join(" runs on "))).into())
}

impl Register {
    /// Every runs-on link of the register.
    pub fn runs_on(&self) -> Result<Vec<RunsOn>> {
        all(&self.conn)
    }

    /// Records that `link.provider_id` runs on `link.runs_on`, unless that would make a loop.
    pub fn add_runs_on(&mut self, link: RunsOn) -> Result<RunsOn> {
        self.transaction(|tx| {
            check(tx, link, &all(tx)?)?;
            insert(tx, link)
        })?;
        Ok(link)
    }

    pub fn remove_runs_on(&mut self, link: RunsOn) -> Result<()> {
        self.transaction(|tx| {
            match tx.execute("DELETE FROM runs_on WHERE provider_id = ?1 AND runs_on = ?2", params![link.provider_id, link.runs_on])? {
                0 => Err(StoreError::NotFound(Missing::RunsOn(link))),
                _ => Ok(()),
            }
        })
    }
}
