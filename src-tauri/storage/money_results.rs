//! The figures of the last money run (the `money_results` table: one row), kept under the
//! fingerprint of the inputs and settings they came from, so that an export or the next start-up
//! reads them instead of simulating again.

use rusqlite::{params, Connection, OptionalExtension};

use super::{Register, Result, StoreError};
use crate::domain::money::fingerprint::fingerprint;
use crate::domain::money::inputs::{MoneySettings, ProviderInputs};
use crate::domain::money::results::{run, MoneyResults};
use crate::domain::money::simulate::Control;

fn kept(conn: &Connection, key: &str) -> Result<Option<MoneyResults>> {
    let mut stmt = conn.prepare_cached("SELECT results FROM money_results WHERE id = 1 AND fingerprint = ?1")?;
    // Parsed where SQLite holds the text: a large register's figures are megabytes of JSON.
    let parsed = stmt.query_row([key], |r| Ok(serde_json::from_slice::<MoneyResults>(r.get_ref(0)?.as_bytes()?))).optional()?;
    parsed.transpose().map_err(|e| StoreError::Corrupt(format!("kept money figures: {e}")))
}

fn keep(conn: &Connection, key: &str, results: &MoneyResults) -> Result<()> {
    let json = serde_json::to_string(results).map_err(|e| StoreError::Corrupt(format!("money figures: {e}")))?;
    conn.prepare_cached(
        "INSERT INTO money_results (id, fingerprint, results) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, results = excluded.results",
    )?
    .execute(params![key, json])?;
    Ok(())
}

impl Register {
    /// The figures last kept for the inputs and settings of fingerprint `key`, if they are still
    /// the last run's. Kept figures that no longer read are a run to do again, not an error.
    pub fn kept_money_results(&self, key: &str) -> Option<MoneyResults> {
        kept(&self.conn, key).ok().flatten()
    }

    /// Keeps `results` as the figures of the inputs and settings of fingerprint `key`, in place
    /// of whatever was kept before.
    pub fn keep_money_results(&self, key: &str, results: &MoneyResults) -> Result<()> {
        keep(&self.conn, key, results)
    }

    /// The figures `inputs` and `settings` give: the kept ones if nothing has changed since,
    /// else a run (`Ok(None)` if cancelled), kept for the next reader. A register that cannot be
    /// written to (read-only, full disk) still gets its figures; the next reader simulates again.
    pub fn money_results_of(&self, inputs: &[ProviderInputs], settings: &MoneySettings, control: Control) -> Result<Option<MoneyResults>> {
        let key = fingerprint(inputs, settings);
        if let Some(results) = self.kept_money_results(&key) {
            return Ok(Some(results));
        }
        let Some(results) = run(inputs, settings, control)? else { return Ok(None) };
        drop(self.keep_money_results(&key, &results));
        Ok(Some(results))
    }
}
