//! The register file: one SQLite database, checked before it is touched, migrated in one
//! transaction after a backup, and read and written only through this module.

mod catalogue;
mod error;
mod ids;
mod migrate;
pub(crate) mod providers;
mod review_register;
pub(crate) mod reviews;
pub(crate) mod settings;
pub(crate) mod snapshots;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::Connection;

pub use error::{Missing, StoreError};
pub use migrate::{LATEST_VERSION, MIGRATIONS};
pub use providers::{NameClash, NewProvider};
pub use settings::Settings;

use crate::domain::cadence::Cadence;
use crate::domain::history::{trend, Snapshot, TrendPoint};
use crate::domain::ids::{ProviderId, ReviewId};
use crate::domain::provider::{FailureMode, Provider, ProviderDraft, RiskProfile, Status};
use crate::domain::register::{row, RegisterRow};
use crate::domain::validation::{validate, validate_risk};

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

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.provider_count()? == 0)
    }

    pub fn provider_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM providers", [], |r| r.get::<_, i64>(0))? as usize)
    }

    pub fn settings(&self) -> Result<Settings> {
        settings::load(&self.conn)
    }

    pub fn save_settings(&mut self, s: &Settings) -> Result<()> {
        self.transaction(|tx| settings::save(tx, s))
    }

    pub fn catalogue(&self) -> Result<Vec<FailureMode>> {
        providers::catalogue(&self.conn)
    }

    pub fn new_draft(&self) -> Result<ProviderDraft> {
        Ok(ProviderDraft::blank(&self.catalogue()?))
    }

    pub fn providers(&self) -> Result<Vec<Provider>> {
        providers::all(&self.conn)
    }

    pub fn provider(&self, id: ProviderId) -> Result<Provider> {
        providers::one(&self.conn, id)
    }

    pub fn provider_by_name(&self, name: &str) -> Result<Option<Provider>> {
        providers::by_name(&self.conn, name)
    }

    /// Validates and stores a new provider with its first snapshot, dated `today`.
    pub fn create_provider(&mut self, draft: &ProviderDraft, today: NaiveDate) -> Result<Provider> {
        validate(draft)?;
        let id = self.transaction(|tx| {
            let id = providers::insert(tx, &NewProvider { draft, created_on: today })?;
            snapshots::record(tx, id, today, None, &draft.risk)?;
            Ok(id)
        })?;
        self.provider(id)
    }

    /// Validates and saves an edit. A changed risk profile amends today's snapshot or starts a
    /// new one; an unchanged one records nothing, so editing notes does not count as a review.
    pub fn update_provider(&mut self, id: ProviderId, draft: &ProviderDraft, today: NaiveDate) -> Result<Provider> {
        validate(draft)?;
        self.transaction(|tx| {
            providers::update(tx, id, &draft.profile)?;
            let latest = snapshots::latest(tx, id)?;
            if latest.as_ref().map(|s| &s.risk) != Some(&draft.risk) {
                snapshots::record(tx, id, today, None, &draft.risk)?;
            }
            Ok(())
        })?;
        self.provider(id)
    }

    /// Records that the provider was assessed `on` with its current values ("confirm
    /// unchanged"), brought up to date with the catalogue (renamed modes, retired ones left out).
    pub fn confirm_unchanged(&mut self, id: ProviderId, on: NaiveDate, review_id: Option<ReviewId>) -> Result<Provider> {
        let (current, _) = crate::domain::catalogue::current_assessment(&self.provider(id)?.risk, &self.catalogue()?);
        self.record_assessment(id, on, review_id, &current)?;
        self.provider(id)
    }

    /// Stores `risk` as the provider's snapshot for `on`, amending that day's snapshot if there is one.
    pub fn record_assessment(&mut self, id: ProviderId, on: NaiveDate, review_id: Option<ReviewId>, risk: &RiskProfile) -> Result<()> {
        validate_risk(risk)?;
        self.transaction(|tx| snapshots::record(tx, id, on, review_id, risk))
    }

    pub fn set_status(&mut self, id: ProviderId, status: Status) -> Result<()> {
        self.transaction(|tx| providers::set_status(tx, id, status))
    }

    pub fn delete_provider(&mut self, id: ProviderId) -> Result<()> {
        self.transaction(|tx| providers::delete(tx, id))
    }

    /// Oldest first.
    pub fn snapshots(&self, provider_id: ProviderId) -> Result<Vec<Snapshot>> {
        snapshots::of_provider(&self.conn, provider_id)
    }

    /// Every snapshot of the register, grouped by provider, oldest first within each.
    pub fn all_snapshots(&self) -> Result<Vec<Snapshot>> {
        snapshots::all(&self.conn)
    }

    /// The provider's trend, oldest first.
    pub fn trend(&self, provider_id: ProviderId) -> Result<Vec<TrendPoint>> {
        Ok(trend(&self.snapshots(provider_id)?))
    }

    /// The register table as of `today`.
    pub fn register_rows(&self, today: NaiveDate) -> Result<Vec<RegisterRow>> {
        Ok(self.providers_and_rows(today)?.1)
    }

    /// The providers and their register rows, reading every provider once (exports need both).
    pub fn providers_and_rows(&self, today: NaiveDate) -> Result<(Vec<Provider>, Vec<RegisterRow>)> {
        let cadence: Cadence = self.settings()?.cadence;
        let providers = self.providers()?;
        let mut history = snapshots::all_trends(&self.conn)?.into_iter().peekable();
        let mut rows = Vec::with_capacity(providers.len());
        // Both lists are ordered by provider id, so one pass pairs them.
        for provider in &providers {
            let mut own = Vec::new();
            while let Some((owner, point)) = history.next_if(|(owner, _)| *owner <= provider.id) {
                if owner == provider.id {
                    own.push(point);
                }
            }
            rows.push(row(provider, &own, &cadence, today));
        }
        Ok((providers, rows))
    }
}

#[cfg(test)]
mod tests;
