//! Provider rows and the Register's provider API: reading, creating, editing, retiring and
//! deleting providers, the register table's rows, provider timelines and contracts. A provider's
//! current risk profile is its latest snapshot, so there is one source of truth for scores, except
//! its "last rehearsed", which is always the latest drill's date: the drill log is the one source
//! of truth for that.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::ToSql;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};

use super::{drills, money, snapshots, Missing, Register, Result, StoreError};
use crate::domain::cadence::Cadence;
use crate::domain::changes::Timeline;
use crate::domain::contracts::{watch, watch_list, ContractWatch};
use crate::domain::history::TrendPoint;
use crate::domain::ids::ProviderId;
use crate::domain::provider::{Category, DataHeld, Profile, Provider, ProviderDraft, RiskProfile, Status};
use crate::domain::register::{row, RegisterRow};
use crate::domain::services::dependency::Failure;
use crate::domain::services::reach::Walker;
use crate::domain::validation::{validate, ValidationErrors};

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
        p.created_on, s.risk, (SELECT max(date) FROM drills WHERE provider_id = p.id), p.fourth_party
    FROM providers p
    JOIN snapshots s ON s.id = (SELECT id FROM snapshots WHERE provider_id = p.id ORDER BY taken_on DESC LIMIT 1)";

/// A choice column, stored as its key.
pub(super) fn choice<T>(r: &Row, index: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(index)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, format!("unknown value {text:?}").into())
    })
}

/// A choice column that may be NULL.
pub(super) fn optional_choice<T>(r: &Row, index: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<Option<T>> {
    match r.get_ref(index)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        _ => choice(r, index, parse).map(Some),
    }
}

/// The provider's columns, its latest snapshot's risk JSON, and its latest drill's date.
type StoredRow = (ProviderId, Profile, NaiveDate, String, Option<NaiveDate>);

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
            fourth_party: r.get(18)?,
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
        r.get(17)?,
    ))
}

fn with_risk((id, profile, created_on, json, last_rehearsed): StoredRow) -> Result<Provider> {
    let mut risk: RiskProfile = serde_json::from_str(&json).map_err(|e| StoreError::Corrupt(format!("provider {id}: {e}")))?;
    risk.exit.last_rehearsed = last_rehearsed;
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

/// Refuses an id that names no provider, as every provider lookup does.
pub(super) fn require(conn: &Connection, id: ProviderId) -> Result<()> {
    let found = conn.prepare_cached("SELECT 1 FROM providers WHERE id = ?1")?.query_row([id], |_| Ok(())).optional()?;
    found.ok_or(StoreError::NotFound(Missing::Provider(id)))
}

fn name_taken(conn: &Connection, name: &str, except: Option<ProviderId>) -> Result<bool> {
    let found: Option<ProviderId> =
        conn.prepare_cached("SELECT id FROM providers WHERE name = ?1")?.query_row([name.trim()], |r| r.get(0)).optional()?;
    Ok(found.is_some() && found != except)
}

/// The profile's columns in the order both `insert` and `update` name them, stored as the
/// register keeps them (trimmed name, upper-case currency, choice keys).
fn profile_columns(p: &Profile) -> [Box<dyn ToSql + '_>; 15] {
    [
        Box::new(p.name.trim()),
        Box::new(p.category.key()),
        Box::new(&p.value_provided),
        Box::new(&p.owner),
        Box::new(p.tier),
        Box::new(p.status.key()),
        Box::new(p.annual_spend),
        Box::new(p.currency.trim().to_uppercase()),
        Box::new(p.renewal_date),
        Box::new(p.notice_period_days),
        Box::new(p.data_held.key()),
        Box::new(&p.website),
        Box::new(&p.status_page),
        Box::new(&p.notes),
        Box::new(p.fourth_party),
    ]
}

pub fn insert(conn: &Connection, new: &NewProvider) -> Result<ProviderId> {
    let p = &new.draft.profile;
    if name_taken(conn, &p.name, None)? {
        return Err(NameClash::error(&p.name).into());
    }
    conn.prepare_cached(
        "INSERT INTO providers (name, category, value_provided, owner, tier, status, annual_spend, currency,
            renewal_date, notice_period_days, data_held, website, status_page, notes, fourth_party, created_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params_from_iter(profile_columns(p).into_iter().chain([Box::new(new.created_on) as Box<dyn ToSql>])))?;
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
                website = ?13, status_page = ?14, notes = ?15, fourth_party = ?16
             WHERE id = ?1",
        )?
        .execute(params_from_iter([Box::new(id) as Box<dyn ToSql>].into_iter().chain(profile_columns(p))))?;
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

/// Every provider's timeline. `retired_on` is stamped by a trigger with the computer's date, so
/// it is capped at `today` to stay consistent with an app whose clock is pinned.
pub(super) fn timelines(conn: &Connection, today: NaiveDate) -> Result<Vec<Timeline>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, CASE WHEN status = 'retired' THEN retired_on END FROM providers ORDER BY id")?;
    let providers = stmt
        .query_map([], |r| Ok((r.get::<_, ProviderId>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<NaiveDate>>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut points: HashMap<ProviderId, Vec<TrendPoint>> = HashMap::new();
    for (provider_id, point) in snapshots::all_trends(conn)? {
        points.entry(provider_id).or_default().push(point);
    }
    Ok(providers
        .into_iter()
        .map(|(provider_id, name, retired_on)| Timeline {
            trend: points.remove(&provider_id).unwrap_or_default(),
            provider_id,
            name,
            retired_on: retired_on.map(|d| d.min(today)),
        })
        .collect())
}

impl Register {
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.provider_count()? == 0)
    }

    pub fn provider_count(&self) -> Result<usize> {
        Ok(self.conn.query_row("SELECT count(*) FROM providers", [], |r| r.get::<_, i64>(0))? as usize)
    }

    pub fn new_draft(&self) -> Result<ProviderDraft> {
        Ok(ProviderDraft::blank(&self.catalogue()?))
    }

    pub fn providers(&self) -> Result<Vec<Provider>> {
        all(&self.conn)
    }

    /// Every provider's name by id, retired ones included, without reading the rest of them.
    pub fn provider_names(&self) -> Result<HashMap<ProviderId, String>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, name FROM providers")?;
        let names = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    pub fn provider(&self, id: ProviderId) -> Result<Provider> {
        one(&self.conn, id)
    }

    pub fn provider_by_name(&self, name: &str) -> Result<Option<Provider>> {
        by_name(&self.conn, name)
    }

    pub(super) fn require_provider(&self, id: ProviderId) -> Result<()> {
        require(&self.conn, id)
    }

    /// Validates and stores a new provider with its first snapshot, dated `today`.
    pub fn create_provider(&mut self, draft: &ProviderDraft, today: NaiveDate) -> Result<Provider> {
        validate(draft)?;
        let id = self.transaction(|tx| {
            let id = insert(tx, &NewProvider { draft, created_on: today })?;
            snapshots::record_assessed(tx, id, today, None, &draft.risk)?;
            Ok(id)
        })?;
        self.provider(id)
    }

    /// Validates and saves an edit. A changed risk profile amends today's snapshot or starts a
    /// new one; an unchanged one records nothing, so editing notes does not count as a review.
    /// "Last rehearsed" is the drill log's, on both sides of the comparison: a drill logged since
    /// the latest assessment is not a change of the assessment.
    pub fn update_provider(&mut self, id: ProviderId, draft: &ProviderDraft, today: NaiveDate) -> Result<Provider> {
        validate(draft)?;
        self.transaction(|tx| {
            update(tx, id, &draft.profile)?;
            let proposed = snapshots::as_rehearsed(tx, id, today, &draft.risk)?;
            let latest = snapshots::latest(tx, id)?.map(|s| snapshots::as_rehearsed(tx, id, today, &s.risk)).transpose()?;
            if latest.as_ref() != Some(&proposed) {
                snapshots::record(tx, id, today, None, &proposed)?;
            }
            // Today's assessment keeps today's money, which the profile (spend, currency) is part of.
            money::stamp(tx, id, today)
        })?;
        self.provider(id)
    }

    pub fn set_status(&mut self, id: ProviderId, status: Status) -> Result<()> {
        self.transaction(|tx| set_status(tx, id, status))
    }

    /// Retires or reactivates a provider, dating the retirement `on` (the app's own date).
    pub fn set_status_on(&mut self, id: ProviderId, status: Status, on: NaiveDate) -> Result<()> {
        let was = self.provider(id)?.profile.status;
        self.transaction(|tx| {
            set_status(tx, id, status)?;
            if status == Status::Retired && was != Status::Retired {
                tx.execute("UPDATE providers SET retired_on = ?2 WHERE id = ?1", params![id, on])?;
            }
            Ok(())
        })
    }

    pub fn delete_provider(&mut self, id: ProviderId) -> Result<()> {
        self.transaction(|tx| delete(tx, id))
    }

    /// The register table as of `today`.
    pub fn register_rows(&self, today: NaiveDate) -> Result<Vec<RegisterRow>> {
        Ok(self.providers_and_rows(today)?.1)
    }

    /// One provider's register row as of `today`, for its page.
    pub fn register_row(&self, id: ProviderId, today: NaiveDate) -> Result<RegisterRow> {
        let provider = self.provider(id)?;
        let settings = self.settings()?;
        // Its cost per hour depends on every provider that runs on it.
        let graph = self.dependency_graph()?;
        let outage = Walker::default().totals(&graph, id, Failure::Outage).unwrap_or_default();
        let drills = drills::of_provider(&self.conn, id)?;
        Ok(row(&provider, &self.trend(id)?, &drills, outage.cost_per_hour, &settings.cadence, &settings.drill_cadence, today))
    }

    /// The providers and their register rows, reading every provider once (exports need both),
    /// and every drill in one query.
    pub fn providers_and_rows(&self, today: NaiveDate) -> Result<(Vec<Provider>, Vec<RegisterRow>)> {
        let settings = self.settings()?;
        let cadence: Cadence = settings.cadence;
        let providers = self.providers()?;
        let drills = drills::by_provider(&self.conn)?;
        let graph = self.graph_of(&providers, &drills)?;
        let mut walker = Walker::default();
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
            let own_drills = drills.get(&provider.id).map(Vec::as_slice).unwrap_or_default();
            let outage = walker.totals(&graph, provider.id, Failure::Outage).unwrap_or_default();
            rows.push(row(provider, &own, own_drills, outage.cost_per_hour, &cadence, &settings.drill_cadence, today));
        }
        Ok((providers, rows))
    }

    /// One provider's contract as of `today`, if it has a renewal date (whether or not it is on
    /// the watch list), for the provider page.
    pub fn contract(&self, provider_id: ProviderId, today: NaiveDate) -> Result<Option<ContractWatch>> {
        Ok(watch(&self.provider(provider_id)?, today))
    }

    /// The renewal watch list as of `today`.
    pub fn renewal_watch(&self, today: NaiveDate) -> Result<Vec<ContractWatch>> {
        Ok(watch_list(&self.providers()?, today))
    }
}
