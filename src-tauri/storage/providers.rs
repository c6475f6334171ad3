//! Provider rows and the failure-mode catalogue. A provider's current risk profile is its latest
//! snapshot, so there is one source of truth for scores.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{Missing, Result, StoreError};
use crate::domain::ids::ProviderId;
use crate::domain::provider::{Category, DataHeld, FailureMode, Profile, Provider, ProviderDraft, Status};
use crate::domain::validation::ValidationErrors;

pub struct NewProvider<'a> {
    pub draft: &'a ProviderDraft,
    pub created_on: NaiveDate,
}

/// The message for a name that is already taken (names are unique, ignoring case).
pub struct NameClash;

impl NameClash {
    pub fn error(name: &str) -> ValidationErrors {
        ValidationErrors::single("profile.name", format!("A provider named \"{}\" already exists.", name.trim()))
    }
}

const SELECT: &str = "SELECT p.id, p.name, p.category, p.value_provided, p.owner, p.tier, p.status, p.annual_spend,
        p.currency, p.renewal_date, p.notice_period_days, p.data_held, p.website, p.status_page, p.notes,
        p.created_on, s.risk
    FROM providers p
    JOIN snapshots s ON s.id = (SELECT id FROM snapshots WHERE provider_id = p.id ORDER BY taken_on DESC LIMIT 1)";

fn choice<T>(r: &Row, index: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(index)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, format!("unknown value {text:?}").into())
    })
}

type StoredRow = (ProviderId, Profile, NaiveDate, String);

fn from_row(r: &Row) -> rusqlite::Result<StoredRow> {
    Ok((
        r.get(0)?,
        Profile {
            name: r.get(1)?,
            category: choice(r, 2, Category::parse)?,
            value_provided: r.get(3)?,
            owner: r.get(4)?,
            tier: r.get(5)?,
            status: choice(r, 6, Status::parse)?,
            annual_spend: r.get(7)?,
            currency: r.get(8)?,
            renewal_date: r.get(9)?,
            notice_period_days: r.get(10)?,
            data_held: choice(r, 11, DataHeld::parse)?,
            website: r.get(12)?,
            status_page: r.get(13)?,
            notes: r.get(14)?,
        },
        r.get(15)?,
        r.get(16)?,
    ))
}

fn with_risk((id, profile, created_on, json): StoredRow) -> Result<Provider> {
    let risk = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(format!("provider {id}: {e}")))?;
    Ok(Provider { id, profile, risk, created_on })
}

pub fn all(conn: &Connection) -> Result<Vec<Provider>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY p.id"))?;
    let raw = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter().map(with_risk).collect()
}

pub fn one(conn: &Connection, id: ProviderId) -> Result<Provider> {
    let raw = conn.prepare_cached(&format!("{SELECT} WHERE p.id = ?1"))?.query_row([id], from_row).optional()?;
    with_risk(raw.ok_or(StoreError::NotFound(Missing::Provider(id)))?)
}

pub fn by_name(conn: &Connection, name: &str) -> Result<Option<Provider>> {
    let raw = conn.prepare_cached(&format!("{SELECT} WHERE p.name = ?1"))?.query_row([name.trim()], from_row).optional()?;
    raw.map(with_risk).transpose()
}

fn name_taken(conn: &Connection, name: &str, except: Option<ProviderId>) -> Result<bool> {
    let found: Option<ProviderId> =
        conn.prepare_cached("SELECT id FROM providers WHERE name = ?1")?.query_row([name.trim()], |r| r.get(0)).optional()?;
    Ok(found.is_some() && found != except)
}

pub fn insert(conn: &Connection, new: &NewProvider) -> Result<ProviderId> {
    let p = &new.draft.profile;
    if name_taken(conn, &p.name, None)? {
        return Err(NameClash::error(&p.name).into());
    }
    conn.prepare_cached(
        "INSERT INTO providers (name, category, value_provided, owner, tier, status, annual_spend, currency,
            renewal_date, notice_period_days, data_held, website, status_page, notes, created_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        p.name.trim(),
        p.category.key(),
        p.value_provided,
        p.owner,
        p.tier,
        p.status.key(),
        p.annual_spend,
        p.currency.trim().to_uppercase(),
        p.renewal_date,
        p.notice_period_days,
        p.data_held.key(),
        p.website,
        p.status_page,
        p.notes,
        new.created_on
    ])?;
    Ok(ProviderId(conn.last_insert_rowid()))
}

pub fn update(conn: &Connection, id: ProviderId, p: &Profile) -> Result<()> {
    if name_taken(conn, &p.name, Some(id))? {
        return Err(NameClash::error(&p.name).into());
    }
    let changed = conn
        .prepare_cached(
            "UPDATE providers SET name = ?2, category = ?3, value_provided = ?4, owner = ?5, tier = ?6, status = ?7,
                annual_spend = ?8, currency = ?9, renewal_date = ?10, notice_period_days = ?11, data_held = ?12,
                website = ?13, status_page = ?14, notes = ?15
             WHERE id = ?1",
        )?
        .execute(params![
            id,
            p.name.trim(),
            p.category.key(),
            p.value_provided,
            p.owner,
            p.tier,
            p.status.key(),
            p.annual_spend,
            p.currency.trim().to_uppercase(),
            p.renewal_date,
            p.notice_period_days,
            p.data_held.key(),
            p.website,
            p.status_page,
            p.notes
        ])?;
    if changed == 0 {
        Err(StoreError::NotFound(Missing::Provider(id)))
    } else {
        Ok(())
    }
}

pub fn set_status(conn: &Connection, id: ProviderId, status: Status) -> Result<()> {
    let changed = conn.execute("UPDATE providers SET status = ?2 WHERE id = ?1", params![id, status.key()])?;
    if changed == 0 {
        Err(StoreError::NotFound(Missing::Provider(id)))
    } else {
        Ok(())
    }
}

pub fn delete(conn: &Connection, id: ProviderId) -> Result<()> {
    let changed = conn.execute("DELETE FROM providers WHERE id = ?1", [id])?;
    if changed == 0 {
        Err(StoreError::NotFound(Missing::Provider(id)))
    } else {
        Ok(())
    }
}

pub fn catalogue(conn: &Connection) -> Result<Vec<FailureMode>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, description, retired FROM failure_modes ORDER BY position, id")?;
    let modes = stmt
        .query_map([], |r| Ok(FailureMode { id: r.get(0)?, name: r.get(1)?, description: r.get(2)?, retired: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(modes)
}
