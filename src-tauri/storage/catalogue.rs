//! The failure-mode catalogue (the failure_modes table): reading it, and catalogue edits: add,
//! rename, retire and restore failure modes. Snapshots are never touched, so history keeps the
//! names modes were scored with.

use rusqlite::{params, Connection};

use super::{Missing, Register, Result, StoreError};
use crate::domain::catalogue::validate_mode;
use crate::domain::ids::FailureModeId;
use crate::domain::provider::FailureMode;
use crate::domain::validation::ValidationErrors;

pub fn all(conn: &Connection) -> Result<Vec<FailureMode>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, description, retired FROM failure_modes ORDER BY position, id")?;
    let modes = stmt
        .query_map([], |r| Ok(FailureMode { id: r.get(0)?, name: r.get(1)?, description: r.get(2)?, retired: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(modes)
}

fn find(conn: &Connection, id: FailureModeId) -> Result<FailureMode> {
    all(conn)?.into_iter().find(|m| m.id == id).ok_or(StoreError::NotFound(Missing::FailureMode(id)))
}

impl Register {
    pub fn catalogue(&self) -> Result<Vec<FailureMode>> {
        all(&self.conn)
    }

    pub fn add_failure_mode(&mut self, name: &str, description: &str) -> Result<FailureMode> {
        validate_mode(name, description, &self.catalogue()?, None)?;
        let id = self.transaction(|tx| {
            tx.execute(
                "INSERT INTO failure_modes (name, description, position) VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM failure_modes))",
                params![name.trim(), description.trim()],
            )?;
            Ok(FailureModeId(tx.last_insert_rowid()))
        })?;
        find(&self.conn, id)
    }

    /// Renames a mode (and updates its description). Providers take the new name at their next
    /// assessment; earlier snapshots keep the old one.
    pub fn rename_failure_mode(&mut self, id: FailureModeId, name: &str, description: &str) -> Result<FailureMode> {
        find(&self.conn, id)?;
        validate_mode(name, description, &self.catalogue()?, Some(id))?;
        self.transaction(|tx| {
            tx.execute("UPDATE failure_modes SET name = ?2, description = ?3 WHERE id = ?1", params![id, name.trim(), description.trim()])?;
            Ok(())
        })?;
        find(&self.conn, id)
    }

    /// Retires a mode (or restores it): a retired mode is not offered for new providers or
    /// assessments, and its history stays.
    pub fn set_failure_mode_retired(&mut self, id: FailureModeId, retired: bool) -> Result<FailureMode> {
        find(&self.conn, id)?;
        if retired && self.catalogue()?.iter().filter(|m| !m.retired && m.id != id).count() == 0 {
            return Err(StoreError::Invalid(ValidationErrors::single("failure_mode.id", "At least one failure mode must stay in use.")));
        }
        self.transaction(|tx| {
            tx.execute("UPDATE failure_modes SET retired = ?2 WHERE id = ?1", params![id, retired])?;
            Ok(())
        })?;
        find(&self.conn, id)
    }
}
