//! Register-wide settings, kept in the register file so they travel with it.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Result;
use crate::domain::cadence::Cadence;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[derive(Default)]
pub struct Settings {
    pub organisation: String,
    pub cadence: Cadence,
    /// Set once the first-launch demo offer was taken or declined.
    pub demo_offer_answered: bool,
}

fn get<T: serde::de::DeserializeOwned>(conn: &Connection, key: &str) -> Result<Option<T>> {
    let raw: Option<String> = conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    // A setting that no longer parses falls back to its default rather than locking the user out.
    Ok(raw.and_then(|s| serde_json::from_str(&s).ok()))
}

fn put<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value).expect("settings serialise");
    conn.execute("INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, &json])?;
    Ok(())
}

pub fn load(conn: &Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        organisation: get(conn, "organisation")?.unwrap_or(d.organisation),
        cadence: get(conn, "cadence")?.unwrap_or(d.cadence),
        demo_offer_answered: get(conn, "demo_offer_answered")?.unwrap_or(d.demo_offer_answered),
    })
}

pub fn save(conn: &Connection, s: &Settings) -> Result<()> {
    put(conn, "organisation", &s.organisation)?;
    put(conn, "cadence", &s.cadence)?;
    put(conn, "demo_offer_answered", &s.demo_offer_answered)
}
