//! Register-wide settings, kept in the register file so they travel with it, and the
//! Register's settings API: reading them, saving them and the settings screen's save.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Register, Result};
use crate::domain::cadence::Cadence;
use crate::domain::evidence::readiness::DrillCadence;
use crate::domain::money::inputs::{validate_money_settings, MoneyAssumptions, MoneySettings};
use crate::domain::settings::validate_settings;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    pub organisation: String,
    /// The register's currency (a three-letter code): what services' costs of downtime are in.
    pub currency: String,
    pub cadence: Cadence,
    /// Days between exit drills per level.
    pub drill_cadence: DrillCadence,
    /// What money at risk assumes where the register holds no figure of its own.
    pub money: MoneyAssumptions,
    /// Set once the first-launch demo offer was taken or declined.
    pub demo_offer_answered: bool,
}

/// What a register that never chose a currency counts in.
pub const DEFAULT_CURRENCY: &str = "USD";

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            organisation: String::new(),
            currency: DEFAULT_CURRENCY.into(),
            cadence: Cadence::default(),
            drill_cadence: DrillCadence::default(),
            money: MoneyAssumptions::default(),
            demo_offer_answered: false,
        }
    }
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
        currency: get(conn, "currency")?.unwrap_or(d.currency),
        cadence: get(conn, "cadence")?.unwrap_or(d.cadence),
        drill_cadence: get(conn, "drill_cadence")?.unwrap_or(d.drill_cadence),
        money: get(conn, "money")?.unwrap_or(d.money),
        demo_offer_answered: get(conn, "demo_offer_answered")?.unwrap_or(d.demo_offer_answered),
    })
}

pub fn save(conn: &Connection, s: &Settings) -> Result<()> {
    put(conn, "organisation", &s.organisation)?;
    put(conn, "currency", &s.currency)?;
    put(conn, "cadence", &s.cadence)?;
    put(conn, "drill_cadence", &s.drill_cadence)?;
    put(conn, "money", &s.money)?;
    put(conn, "demo_offer_answered", &s.demo_offer_answered)
}

pub fn money_settings(conn: &Connection) -> Result<MoneySettings> {
    let settings = load(conn)?;
    Ok(MoneySettings::of(&settings.currency, &settings.money))
}

impl Register {
    pub fn settings(&self) -> Result<Settings> {
        load(&self.conn)
    }

    pub fn save_settings(&mut self, s: &Settings) -> Result<()> {
        self.transaction(|tx| save(tx, s))
    }

    /// Saves the settings screen: organisation, currency, review cadence and drill cadence. Other
    /// settings are left as they are.
    pub fn update_settings(
        &mut self,
        organisation: &str,
        currency: &str,
        cadence: &Cadence,
        drill_cadence: &DrillCadence,
    ) -> Result<Settings> {
        validate_settings(organisation, currency, cadence, drill_cadence)?;
        let mut settings = self.settings()?;
        settings.organisation = organisation.trim().to_string();
        settings.currency = currency.trim().to_uppercase();
        settings.cadence = *cadence;
        settings.drill_cadence = *drill_cadence;
        self.save_settings(&settings)?;
        Ok(settings)
    }

    /// What a money run reads: the register's currency and its money assumptions.
    pub fn money_settings(&self) -> Result<MoneySettings> {
        money_settings(&self.conn)
    }

    /// Saves the money assumptions of the settings screen.
    pub fn update_money_assumptions(&mut self, money: &MoneyAssumptions) -> Result<Settings> {
        let mut settings = self.settings()?;
        validate_money_settings(&MoneySettings::of(&settings.currency, money))?;
        settings.money = *money;
        self.save_settings(&settings)?;
        Ok(settings)
    }
}
