//! Snapshot rows, one per provider per day, and the Register's snapshot API: recording
//! assessments, reading a provider's snapshots and its trend.

use std::ops::RangeInclusive;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{drills, money, Register, Result, StoreError};
use crate::domain::history::{trend, Snapshot, TrendPoint};
use crate::domain::ids::{ProviderId, ReviewId, SnapshotId};
use crate::domain::money::results::ProviderResult;
use crate::domain::provider::{Provider, RiskProfile};
use crate::domain::scoring::{score, Level};
use crate::domain::validation::validate_risk;

const COLUMNS: &str = "id, provider_id, taken_on, review_id, risk, money";
/// [`COLUMNS`] without the money of the day, for readers that do not show it.
const PROFILE_COLUMNS: &str = "id, provider_id, taken_on, review_id, risk, NULL";

/// A snapshot row as stored: its risk profile and money still JSON.
struct Stored {
    id: SnapshotId,
    provider_id: ProviderId,
    taken_on: NaiveDate,
    review_id: Option<ReviewId>,
    risk: String,
    money: Option<String>,
}

fn from_row(r: &Row) -> rusqlite::Result<Stored> {
    Ok(Stored { id: r.get(0)?, provider_id: r.get(1)?, taken_on: r.get(2)?, review_id: r.get(3)?, risk: r.get(4)?, money: r.get(5)? })
}

fn parse(s: Stored) -> Result<Snapshot> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("snapshot {}: {e}", s.id));
    let risk = serde_json::from_str(&s.risk).map_err(corrupt)?;
    let money = s.money.as_deref().map(serde_json::from_str).transpose().map_err(corrupt)?;
    Ok(Snapshot { id: s.id, provider_id: s.provider_id, taken_on: s.taken_on, review_id: s.review_id, risk, money })
}

fn query(conn: &Connection, sql: &str, args: impl rusqlite::Params) -> Result<Vec<Snapshot>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let raw = stmt.query_map(args, from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter().map(parse).collect()
}

/// `risk` with its "last rehearsed" as the drill log has it on `on`, whatever the draft said: an
/// assessment can no longer disagree with the drills.
pub fn as_rehearsed(conn: &Connection, provider_id: ProviderId, on: NaiveDate, risk: &RiskProfile) -> Result<RiskProfile> {
    let mut risk = risk.clone();
    risk.exit.last_rehearsed = drills::last_rehearsed(conn, provider_id, on)?;
    Ok(risk)
}

/// Stores `risk` as the provider's assessment on `on`: amends that day's snapshot if there is one
/// (keeping its review unless a new one is given), otherwise adds one. Its "last rehearsed" is the
/// drill log's as of `on`.
pub fn record(conn: &Connection, provider_id: ProviderId, on: NaiveDate, review_id: Option<ReviewId>, risk: &RiskProfile) -> Result<()> {
    let risk = as_rehearsed(conn, provider_id, on, risk)?;
    let scores = score(&risk);
    let json = serde_json::to_string(&risk).expect("risk profile serialises");
    conn.prepare_cached(
        "INSERT INTO snapshots (provider_id, taken_on, review_id, risk, inherent, exposure)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (provider_id, taken_on) DO UPDATE SET
            risk = excluded.risk, inherent = excluded.inherent, exposure = excluded.exposure,
            review_id = coalesce(excluded.review_id, snapshots.review_id)",
    )?
    .execute(params![provider_id, on, review_id, json, scores.inherent, scores.exposure])?;
    Ok(())
}

/// The provider's assessment of `on`, if it has one.
pub fn of_day(conn: &Connection, provider_id: ProviderId, on: NaiveDate) -> Result<Option<Snapshot>> {
    let raw = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM snapshots WHERE provider_id = ?1 AND taken_on = ?2"))?
        .query_row(params![provider_id, on], from_row)
        .optional()?;
    raw.map(parse).transpose()
}

/// Keeps `money` as the assessment's money of its day (`None`: the provider was out of the
/// figures that day).
pub fn set_money(conn: &Connection, id: SnapshotId, money: Option<&ProviderResult>) -> Result<()> {
    let figures = money.map(|m| m.figures);
    let json = money.map(|m| serde_json::to_string(m).expect("money serialises"));
    conn.prepare_cached("UPDATE snapshots SET expected_loss = ?2, one_in_20 = ?3, one_in_100 = ?4, money = ?5 WHERE id = ?1")?
        .execute(params![id, figures.map(|f| f.expected), figures.map(|f| f.one_in_20), figures.map(|f| f.one_in_100), json])?;
    Ok(())
}

/// [`record`], keeping on the assessment the money of its day: the way every assessment the user
/// makes is stored (an import's are not: their day's money is not known here).
pub fn record_assessed(
    conn: &Connection,
    provider_id: ProviderId,
    on: NaiveDate,
    review_id: Option<ReviewId>,
    risk: &RiskProfile,
) -> Result<()> {
    record(conn, provider_id, on, review_id, risk)?;
    money::stamp(conn, provider_id, on)
}

pub fn latest(conn: &Connection, provider_id: ProviderId) -> Result<Option<Snapshot>> {
    let raw = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM snapshots WHERE provider_id = ?1 ORDER BY taken_on DESC LIMIT 1"))?
        .query_row([provider_id], from_row)
        .optional()?;
    raw.map(parse).transpose()
}

pub fn of_provider(conn: &Connection, provider_id: ProviderId) -> Result<Vec<Snapshot>> {
    query(conn, &format!("SELECT {COLUMNS} FROM snapshots WHERE provider_id = ?1 ORDER BY taken_on"), [provider_id])
}

pub fn all(conn: &Connection) -> Result<Vec<Snapshot>> {
    query(conn, &format!("SELECT {COLUMNS} FROM snapshots ORDER BY provider_id, taken_on"), [])
}

/// Snapshots read per page of [`Pages`]: enough to keep SQLite's work per query small, few enough
/// that a page is a small part of any export's memory.
const PAGE: usize = 1_000;

/// Every snapshot of a range of providers, by provider then date, read a page at a time (keyset
/// pagination on the `(provider_id, taken_on)` key), so that a long history is never in memory
/// whole. Without the money of their day (`money` is `None`): the history tables show the
/// scores, and parsing every assessment's money would take as long as the rest of the page.
pub struct Pages<'r> {
    conn: &'r Connection,
    providers: RangeInclusive<ProviderId>,
    /// The key of the last snapshot read; `None` before the first page.
    after: Option<(ProviderId, NaiveDate)>,
    page: std::vec::IntoIter<Snapshot>,
    /// The last page was short, or a read failed.
    done: bool,
}

impl Pages<'_> {
    fn read_page(&mut self) -> Result<Vec<Snapshot>> {
        let (first, last) = (*self.providers.start(), *self.providers.end());
        let order = "ORDER BY provider_id, taken_on LIMIT ?";
        match self.after {
            None => query(
                self.conn,
                &format!("SELECT {PROFILE_COLUMNS} FROM snapshots WHERE provider_id BETWEEN ? AND ? {order}"),
                params![first, last, PAGE as i64],
            ),
            Some((provider, day)) => query(
                self.conn,
                &format!("SELECT {PROFILE_COLUMNS} FROM snapshots WHERE (provider_id, taken_on) > (?, ?) AND provider_id <= ? {order}"),
                params![provider, day, last, PAGE as i64],
            ),
        }
    }
}

impl Iterator for Pages<'_> {
    type Item = Result<Snapshot>;

    fn next(&mut self) -> Option<Result<Snapshot>> {
        if let Some(snapshot) = self.page.next() {
            return Some(Ok(snapshot));
        }
        if self.done {
            return None;
        }
        match self.read_page() {
            Ok(page) => {
                self.done = page.len() < PAGE;
                self.after = page.last().map(|s| (s.provider_id, s.taken_on));
                self.page = page.into_iter();
                self.page.next().map(Ok)
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Every provider's trend from the stored scores, without reading the profiles: (provider id,
/// point), ordered by provider id, then date.
pub fn all_trends(conn: &Connection) -> Result<Vec<(ProviderId, TrendPoint)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT provider_id, taken_on, inherent, exposure, review_id, expected_loss FROM snapshots ORDER BY provider_id, taken_on",
    )?;
    let rows = stmt.query_map([], |r| {
        // Both are NULL for a Not assessed snapshot.
        let inherent: Option<u8> = r.get(2)?;
        Ok((
            r.get(0)?,
            TrendPoint {
                taken_on: r.get(1)?,
                inherent,
                exposure: r.get(3)?,
                level: inherent.map(|inherent| Level::of(inherent as f64)),
                review_id: r.get(4)?,
                expected_loss: r.get(5)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The providers assessed in the review, by id.
pub fn assessed(conn: &Connection, review_id: ReviewId) -> Result<Vec<ProviderId>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT provider_id FROM snapshots WHERE review_id = ?1 ORDER BY provider_id")?;
    let ids = stmt.query_map([review_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<ProviderId>>>()?;
    Ok(ids)
}

impl Register {
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
        self.transaction(|tx| record_assessed(tx, id, on, review_id, risk))
    }

    /// Oldest first.
    pub fn snapshots(&self, provider_id: ProviderId) -> Result<Vec<Snapshot>> {
        of_provider(&self.conn, provider_id)
    }

    /// Every snapshot of the register, grouped by provider, oldest first within each.
    pub fn all_snapshots(&self) -> Result<Vec<Snapshot>> {
        all(&self.conn)
    }

    /// [`Register::all_snapshots`] in the same order, without their money, read a page at a time
    /// as it is iterated.
    pub fn snapshot_profiles(&self) -> Pages<'_> {
        self.snapshot_profiles_of(ProviderId(i64::MIN)..=ProviderId(i64::MAX))
    }

    /// [`Register::snapshot_profiles`] of the providers whose ids are in `providers` only.
    pub fn snapshot_profiles_of(&self, providers: RangeInclusive<ProviderId>) -> Pages<'_> {
        Pages { conn: &self.conn, providers, after: None, page: Vec::new().into_iter(), done: false }
    }

    /// The provider's trend, oldest first.
    pub fn trend(&self, provider_id: ProviderId) -> Result<Vec<TrendPoint>> {
        Ok(trend(&self.snapshots(provider_id)?))
    }
}
