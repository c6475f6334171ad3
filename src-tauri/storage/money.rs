//! Money at risk in the register: the user's overrides (the `money_overrides` table), the
//! inputs of a run worked out from the register's records, and the money each assessment keeps
//! of its day (the snapshot's money columns).

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};
use serde::Serialize;
use ts_rs::TS;

use super::{drills, graph, incidents, providers, settings, snapshots, Register, Result, StoreError};
use crate::domain::evidence::drill::Drill;
use crate::domain::evidence::incident::Incident;
use crate::domain::ids::ProviderId;
use crate::domain::money::defaults::{register_inputs, ProviderRecord};
use crate::domain::money::inputs::{
    apply_overrides, apply_stored_overrides, InputField, MoneyOverride, MoneySettings, Override, ProviderInputs,
};
use crate::domain::money::results::{run, MoneyResults, ProviderResult};
use crate::domain::money::simulate::Control;
use crate::domain::provider::{Provider, RiskProfile};
use crate::domain::services::graph::DependencyGraph;
use crate::storage::Missing;

fn field_of(key: &str) -> Option<InputField> {
    [InputField::Frequency, InputField::LossPerEvent].into_iter().find(|f| f.key() == key)
}

fn from_row(r: &Row) -> rusqlite::Result<MoneyOverride> {
    Ok(MoneyOverride {
        provider_id: r.get(0)?,
        mode: r.get(1)?,
        field: providers::choice(r, 2, field_of)?,
        values: Override { low: r.get(3)?, high: r.get(4)?, note: r.get(5)? },
    })
}

pub fn overrides(conn: &Connection) -> Result<Vec<MoneyOverride>> {
    let mut stmt =
        conn.prepare_cached("SELECT provider_id, mode, field, low, high, note FROM money_overrides ORDER BY provider_id, mode, field")?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub fn put_override(conn: &Connection, o: &MoneyOverride) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO money_overrides (provider_id, mode, field, low, high, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (provider_id, mode, field) DO UPDATE SET low = excluded.low, high = excluded.high, note = excluded.note",
    )?
    .execute(params![o.provider_id, o.mode, o.field.key(), o.values.low, o.values.high, o.values.note.trim()])?;
    Ok(())
}

fn delete_override(conn: &Connection, provider_id: ProviderId, mode: &str, field: InputField) -> Result<()> {
    conn.prepare_cached("DELETE FROM money_overrides WHERE provider_id = ?1 AND mode = ?2 AND field = ?3")?.execute(params![
        provider_id,
        mode,
        field.key()
    ])?;
    Ok(())
}

/// Everything the default inputs are worked out from, read once.
pub(crate) struct MoneyRecords {
    providers: Vec<Provider>,
    incidents: HashMap<ProviderId, Vec<Incident>>,
    drills: HashMap<ProviderId, Vec<Drill>>,
    graph: DependencyGraph,
    pub settings: MoneySettings,
    overrides: Vec<MoneyOverride>,
}

impl MoneyRecords {
    pub fn read(conn: &Connection) -> Result<MoneyRecords> {
        let providers = providers::all(conn)?;
        let drills = drills::by_provider(conn)?;
        let graph = graph::graph_of(conn, &providers, &drills)?;
        let mut by_provider: HashMap<ProviderId, Vec<Incident>> = HashMap::new();
        for incident in incidents::all(conn)? {
            by_provider.entry(incident.draft.provider_id).or_default().push(incident);
        }
        Ok(MoneyRecords {
            providers,
            incidents: by_provider,
            drills,
            graph,
            settings: settings::money_settings(conn)?,
            overrides: overrides(conn)?,
        })
    }

    /// The inputs of the active providers `wanted` picks, as of `today`, with the user's
    /// overrides on them. `risk_of` may put another risk profile in a provider's place (an
    /// assessment of another day).
    fn inputs(&self, wanted: impl Fn(&Provider) -> bool, today: NaiveDate) -> Vec<ProviderInputs> {
        let (no_incidents, no_drills) = (Vec::new(), Vec::new());
        let records: Vec<ProviderRecord> = self
            .providers
            .iter()
            .filter(|p| wanted(p))
            .map(|p| ProviderRecord {
                provider: p,
                incidents: self.incidents.get(&p.id).map_or(&no_incidents[..], Vec::as_slice),
                drills: self.drills.get(&p.id).map_or(&no_drills[..], Vec::as_slice),
            })
            .collect();
        let mut inputs = register_inputs(&records, &self.graph, &self.settings, today);
        apply_stored_overrides(&mut inputs, &self.overrides);
        inputs
    }

    pub fn register_inputs(&self, today: NaiveDate) -> Vec<ProviderInputs> {
        self.inputs(|_| true, today)
    }

    /// One provider's inputs with `risk` as its assessment on `on`; `None` when it is retired.
    fn assessed_inputs(&mut self, id: ProviderId, risk: &RiskProfile, on: NaiveDate) -> Result<Option<ProviderInputs>> {
        let provider = self.providers.iter_mut().find(|p| p.id == id).ok_or(StoreError::NotFound(Missing::Provider(id)))?;
        let current = std::mem::replace(&mut provider.risk, risk.clone());
        let inputs = self.inputs(|p| p.id == id, on).pop();
        if let Some(provider) = self.providers.iter_mut().find(|p| p.id == id) {
            provider.risk = current;
        }
        Ok(inputs)
    }
}

/// One provider's money as its page shows it: the inputs (defaults, their sources and the
/// overrides) and the figures they give.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ProviderMoney {
    pub currency: String,
    pub years: u32,
    /// `None` for a retired provider, which is out of the figures.
    pub inputs: Option<ProviderInputs>,
    pub result: Option<ProviderResult>,
}

/// The provider's figures, simulated alone: each provider draws its own random streams, so they
/// are the figures the register's run gives it.
fn simulate_one(inputs: &ProviderInputs, settings: &MoneySettings) -> Result<ProviderResult> {
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let control = Control { progress: &|_| {}, cancel: &cancel, threads: 1 };
    let results = run(std::slice::from_ref(inputs), settings, control)?.expect("never cancelled");
    Ok(results.providers.into_iter().next().expect("one provider in, one out"))
}

/// Keeps on the provider's assessment of `on` the money of that day: its inputs as they were
/// worked out then, and the figures they gave. Called wherever the user records an assessment;
/// imported assessments keep none (their day's inputs are not known here).
pub(crate) fn stamp(conn: &Connection, id: ProviderId, on: NaiveDate) -> Result<()> {
    stamp_with(conn, &mut MoneyRecords::read(conn)?, id, on)
}

/// [`stamp`] with the records already read, for many assessments at once.
pub(crate) fn stamp_with(conn: &Connection, records: &mut MoneyRecords, id: ProviderId, on: NaiveDate) -> Result<()> {
    let Some(snapshot) = snapshots::of_day(conn, id, on)? else { return Ok(()) };
    let result = match records.assessed_inputs(id, &snapshot.risk, on)? {
        Some(inputs) => Some(simulate_one(&inputs, &records.settings)?),
        None => None,
    };
    snapshots::set_money(conn, snapshot.id, result.as_ref())
}

/// Keeps on every assessment the money of its day, worked out with its own scores and date from
/// the register's services, links and settings as they are now: for a register whose
/// assessments were all written at once (the demo), so its trend has money from the start.
pub(crate) fn stamp_every(conn: &Connection) -> Result<()> {
    let mut records = MoneyRecords::read(conn)?;
    for s in snapshots::all(conn)? {
        stamp_with(conn, &mut records, s.provider_id, s.taken_on)?;
    }
    Ok(())
}

impl Register {
    pub fn money_overrides(&self) -> Result<Vec<MoneyOverride>> {
        overrides(&self.conn)
    }

    /// The inputs of every active provider as of `today`, overrides applied, and the settings a
    /// run reads.
    pub fn money_inputs(&self, today: NaiveDate) -> Result<(Vec<ProviderInputs>, MoneySettings)> {
        let records = MoneyRecords::read(&self.conn)?;
        Ok((records.register_inputs(today), records.settings))
    }

    /// The whole register's figures as of `today` (kept ones while no input has changed);
    /// `Ok(None)` when cancelled.
    pub fn money_results(&self, today: NaiveDate, control: Control) -> Result<Option<MoneyResults>> {
        let (inputs, settings) = self.money_inputs(today)?;
        self.money_results_of(&inputs, &settings, control)
    }

    pub fn provider_money(&self, id: ProviderId, today: NaiveDate) -> Result<ProviderMoney> {
        let records = MoneyRecords::read(&self.conn)?;
        if !records.providers.iter().any(|p| p.id == id) {
            return Err(StoreError::NotFound(Missing::Provider(id)));
        }
        let inputs = records.inputs(|p| p.id == id, today).pop();
        let result = inputs.as_ref().map(|i| simulate_one(i, &records.settings)).transpose()?;
        Ok(ProviderMoney { currency: records.settings.currency.clone(), years: records.settings.simulated_years, inputs, result })
    }

    /// Saves the user's figure for one range of one provider's failure mode, refusing one that
    /// does not make a range with the default's other end, names a mode the provider does not
    /// have, or has no end at all.
    pub fn set_money_override(&mut self, o: &MoneyOverride, today: NaiveDate) -> Result<ProviderMoney> {
        let records = MoneyRecords::read(&self.conn)?;
        let mut inputs = records.inputs(|p| p.id == o.provider_id, today);
        if inputs.is_empty() {
            self.require_provider(o.provider_id)?;
        }
        apply_overrides(&mut inputs, std::slice::from_ref(o))?;
        self.transaction(|tx| put_override(tx, o))?;
        self.provider_money(o.provider_id, today)
    }

    /// Puts the range back on its default.
    pub fn clear_money_override(&mut self, id: ProviderId, mode: &str, field: InputField, today: NaiveDate) -> Result<ProviderMoney> {
        self.transaction(|tx| delete_override(tx, id, mode, field))?;
        self.provider_money(id, today)
    }
}
