//! The register file: one SQLite database, checked before it is touched, migrated in one
//! transaction after a backup, and read and written only through this module.
//!
//! This file holds the `Register` type: opening, the migration hook, transactions and copies.
//! Each table's file holds its SQL and its `impl Register` methods: `providers` (with the
//! register rows and contracts), `snapshots`, `reviews` (with review notes), `settings`,
//! `catalogue` (failure modes), `incidents`, `drills`, `services`, `dependencies` (which providers a
//! service needs) and `runs_on` (which providers run on which), `money` (overrides and each assessment's money) and
//! `money_results` (the last run's figures, kept); `evidence` puts a provider's incidents
//! and drills together as its provider page shows them.

mod catalogue;
pub(crate) mod dependencies;
pub(crate) mod drills;
mod error;
mod evidence;
mod graph;
mod ids;
pub(crate) mod incidents;
mod migrate;
pub(crate) mod money;
mod money_results;
pub(crate) mod providers;
pub(crate) mod reviews;
pub(crate) mod runs_on;
pub(crate) mod services;
pub(crate) mod settings;
pub(crate) mod snapshots;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use error::{Missing, StoreError};
pub use migrate::{LATEST_VERSION, MIGRATIONS};
pub use money::ProviderMoney;
pub use providers::{NameClash, NewProvider};
pub use settings::Settings;

/// `PRAGMA application_id` of every Lifeboat register ("LFBT"): how we know a file is ours.
pub const APPLICATION_ID: i32 = 0x4C46_4254;

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Register {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Register {
    /// Opens the register at `path`, creating it if the file is missing or empty. A file that is
    /// not a register, is damaged or is newer than this app is refused before anything is written.
    pub fn open(path: &Path) -> Result<Register> {
        let fresh = !path.exists() || std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(false);
        if !fresh {
            let version = migrate::inspect(path)?;
            if version > 0 && version < LATEST_VERSION {
                migrate::backup(path, version)?;
            }
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        }
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        let mut register = Register { conn, path: Some(path.to_path_buf()) };
        register.prepare()?;
        Ok(register)
    }

    pub fn open_in_memory() -> Result<Register> {
        let conn = Connection::open_in_memory()?;
        let mut register = Register { conn, path: None };
        register.prepare()?;
        Ok(register)
    }

    fn prepare(&mut self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        if self.path.is_some() {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        self.conn.pragma_update(None, "foreign_keys", true)?;
        migrate::migrate(&mut self.conn)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A second, read-only connection to the same file, so that another thread can read while
    /// this one goes on; `None` for a register in memory, which no other connection can see.
    /// Nothing the app does can write between the two reads: it holds the register for as long
    /// as it reads from both.
    pub fn reader(&self) -> Result<Option<Register>> {
        let Some(path) = &self.path else { return Ok(None) };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| StoreError::open(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Some(Register { conn, path: Some(path.clone()) }))
    }

    /// Runs `work` in one transaction: all of it is written, or none of it.
    pub fn transaction<T>(&mut self, work: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction()?;
        let out = work(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether `other` names this register's own file, however it is spelled (relative,
    /// through links, not yet existing in the same folder).
    pub fn is_own_file(&self, other: &Path) -> bool {
        fn real(p: &Path) -> Option<PathBuf> {
            p.canonicalize().ok().or_else(|| Some(p.parent()?.canonicalize().ok()?.join(p.file_name()?)))
        }
        match (self.path.as_deref().and_then(real), real(other)) {
            (Some(mine), Some(theirs)) => mine == theirs,
            _ => false,
        }
    }

    /// Writes a consistent copy of the register to `dest`, replacing it only once the copy is
    /// complete. Never over the open register itself: its connection would go on writing to
    /// the replaced file and every later edit would be lost.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        if self.is_own_file(dest) {
            return Err(StoreError::Refused("A copy cannot replace the open register itself; choose another name.".into()));
        }
        let partial = dest.with_extension("lifeboat-partial");
        let _ = std::fs::remove_file(&partial);
        self.conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()])?;
        // A -wal or -shm left by an earlier register of that name would be replayed into the copy.
        for suffix in ["-wal", "-shm"] {
            let mut sidecar = dest.as_os_str().to_owned();
            sidecar.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(sidecar));
        }
        std::fs::rename(&partial, dest).map_err(|e| StoreError::io(dest, e))
    }
}

#[cfg(test)]
mod tests;
