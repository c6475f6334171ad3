//! Money at risk: the register's simulation (off the main thread, with progress; its figures kept
//! in memory and in the register until an input changes), a provider's money section and its
//! overrides, and the money settings.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::app::error::{CommandError, CommandResult};
use crate::app::ipc::emit;
use crate::app::state::with_register;
use lifeboat::clock;
use lifeboat::domain::ids::ProviderId;
use lifeboat::domain::money::fingerprint::fingerprint;
use lifeboat::domain::money::inputs::{InputField, MoneyAssumptions, MoneyOverride};
use lifeboat::domain::money::results::{run, MoneyResults};
use lifeboat::domain::money::simulate::Control;
use lifeboat::error_kind::ErrorKind;
use lifeboat::storage::{ProviderMoney, Settings, StoreError};

/// How far the register's simulation has got, sent as `money-progress`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MoneyProgress {
    /// 0 … 1.
    pub done: f32,
}

/// The last figures and the inputs they came from, and the run in progress.
#[derive(Default)]
pub struct MoneyCache {
    last: Mutex<Option<(String, Arc<MoneyResults>)>>,
    /// One run at a time: a second request for the same inputs waits and reads the cache.
    running: Mutex<()>,
    /// Set to stop the run in progress, when a request for other inputs arrives.
    cancel: Mutex<Arc<AtomicBool>>,
}

impl MoneyCache {
    fn get(&self, key: &str) -> Option<Arc<MoneyResults>> {
        self.last.lock().ok()?.as_ref().filter(|(k, _)| k == key).map(|(_, r)| r.clone())
    }

    fn put(&self, key: String, results: Arc<MoneyResults>) {
        if let Ok(mut last) = self.last.lock() {
            *last = Some((key, results));
        }
    }
}

/// The register's figures: the ones in memory or kept in the register while no input has
/// changed, else a fresh run off the main thread with `money-progress` as it goes (kept for the
/// next start-up and export). `None` when a request for newer inputs stopped this run.
pub async fn get_money_results(app: AppHandle) -> CommandResult<Option<MoneyResults>> {
    let (inputs, settings) = with_register(&app, |r| Ok(r.money_inputs(clock::today())?))?;
    let key = fingerprint(&inputs, &settings);
    let cache = app.state::<MoneyCache>();
    if let Some(results) = cache.get(&key) {
        return Ok(Some((*results).clone()));
    }
    if let Some(results) = with_register(&app, |r| Ok(r.kept_money_results(&key)))? {
        cache.put(key, Arc::new(results.clone()));
        return Ok(Some(results));
    }
    let cancel = Arc::new(AtomicBool::new(false));
    if let Ok(mut running) = cache.cancel.lock() {
        running.store(true, Ordering::Relaxed);
        *running = cancel.clone();
    }
    let worker = app.clone();
    let results = tauri::async_runtime::spawn_blocking(move || -> CommandResult<Option<Arc<MoneyResults>>> {
        let cache = worker.state::<MoneyCache>();
        let _one_at_a_time = cache.running.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(results) = cache.get(&key) {
            return Ok(Some(results));
        }
        // A few updates a second are enough for a progress bar.
        let last_sent = Mutex::new(Instant::now());
        let progress = |done: f32| {
            if let Ok(mut at) = last_sent.lock() {
                if at.elapsed() >= Duration::from_millis(100) || done >= 1.0 {
                    *at = Instant::now();
                    emit(&worker, MoneyProgress { done });
                }
            }
        };
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let control = Control { progress: &progress, cancel: &cancel, threads };
        let Some(results) = run(&inputs, &settings, control).map_err(StoreError::from)? else { return Ok(None) };
        // The figures are right whether or not the register takes them; if it cannot (read-only,
        // full disk), the next start-up simulates again.
        drop(with_register(&worker, |r| Ok(r.keep_money_results(&key, &results)?)));
        let results = Arc::new(results);
        cache.put(key, results.clone());
        Ok(Some(results))
    })
    .await
    .map_err(|e| CommandError::new(ErrorKind::Unexpected, format!("The money simulation stopped: {e}")))??;
    Ok(results.map(|r| (*r).clone()))
}

pub fn get_provider_money(app: &AppHandle, id: ProviderId) -> CommandResult<ProviderMoney> {
    with_register(app, |r| Ok(r.provider_money(id, clock::today())?))
}

pub fn set_money_override(app: &AppHandle, value: MoneyOverride) -> CommandResult<ProviderMoney> {
    with_register(app, |r| Ok(r.set_money_override(&value, clock::today())?))
}

pub fn delete_money_override(app: &AppHandle, provider: ProviderId, mode: String, field: InputField) -> CommandResult<ProviderMoney> {
    with_register(app, |r| Ok(r.clear_money_override(provider, &mode, field, clock::today())?))
}

pub fn save_money_assumptions(app: &AppHandle, money: MoneyAssumptions) -> CommandResult<Settings> {
    with_register(app, |r| Ok(r.update_money_assumptions(&money)?))
}
