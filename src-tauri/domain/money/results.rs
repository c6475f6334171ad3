//! The figures read off the simulated years: per provider and for the register, the expected
//! annual loss, the 1-in-20 and 1-in-100-year loss, and for the register a loss exceedance curve
//! and the providers that make its bad years. Every figure keeps the inputs it came from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::inputs::{LossKind, MoneySettings, ProviderInputs, Resolution};
use super::simulate::{simulate, Control, Simulation};
use crate::domain::ids::ProviderId;
use crate::domain::validation::ValidationErrors;

/// Points on the exceedance curve.
pub const CURVE_POINTS: usize = 40;
/// The curve's money axis spans at most this many powers of ten below the worst year.
const CURVE_DECADES: f64 = 4.0;
/// How many providers the 1-in-100 breakdown names.
pub const TAIL_TOP: usize = 10;

/// A year's loss as an annual figure: the mean, and the losses exceeded one year in 20 and one
/// year in 100 (the 95th and 99th percentiles of the simulated years, nearest rank).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyFigures")]
pub struct Figures {
    pub expected: f64,
    pub one_in_20: f64,
    pub one_in_100: f64,
}

/// One failure mode of one provider: what it adds to the expected annual loss, and the
/// frequency × loss per event behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyModeResult")]
pub struct ModeResult {
    pub mode: String,
    pub kind: LossKind,
    /// Its share of the provider's expected annual loss; 0 when not priced.
    pub expected: f64,
    pub frequency: Resolution,
    pub loss_per_event: Resolution,
}

impl ModeResult {
    pub fn priced(&self) -> bool {
        matches!((&self.frequency, &self.loss_per_event), (Resolution::Priced(_), Resolution::Priced(_)))
    }

    /// Some input of this mode still rests on a default.
    pub fn rests_on_defaults(&self) -> bool {
        [&self.frequency, &self.loss_per_event].iter().any(|r| matches!(r, Resolution::Priced(r) if r.default))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyProviderResult")]
pub struct ProviderResult {
    pub provider_id: ProviderId,
    pub name: String,
    pub fourth_party: bool,
    /// The losses of the events that start at this provider (for a fourth party, everything it
    /// brings down).
    pub figures: Figures,
    /// The mode adding most to the expected annual loss, if any adds anything.
    pub top_mode: Option<String>,
    pub modes: Vec<ModeResult>,
    /// Modes left out of the figures because nothing prices them.
    pub not_priced: u32,
    /// Priced modes with an input that rests on a default.
    pub on_defaults: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExceedancePoint {
    pub loss: f64,
    /// The share of simulated years whose loss is above `loss`.
    pub probability: f64,
}

/// A provider's average share of the register's loss in its 1-in-100 years and worse.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TailShare {
    pub provider_id: ProviderId,
    pub name: String,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MoneyResults {
    pub currency: String,
    pub years: u32,
    #[ts(type = "number")]
    pub seed: u64,
    pub register: Figures,
    /// Log-spaced losses, lowest first.
    pub curve: Vec<ExceedancePoint>,
    /// Largest share first, at most [`TAIL_TOP`].
    pub tail: Vec<TailShare>,
    /// In the inputs' order.
    pub providers: Vec<ProviderResult>,
    pub not_priced: u32,
    pub on_defaults: u32,
}

/// Simulates and reads the figures; `Ok(None)` when cancelled.
pub fn run(inputs: &[ProviderInputs], settings: &MoneySettings, control: Control) -> Result<Option<MoneyResults>, ValidationErrors> {
    Ok(simulate(inputs, settings, control)?.map(|simulation| summarise(inputs, &simulation, settings)))
}

/// The index of the `q` quantile among `n` sorted values, by nearest rank.
fn rank(q: f64, n: usize) -> usize {
    ((q * n as f64).ceil() as usize).clamp(1, n.max(1)) - 1
}

/// The 95th and 99th percentiles of `values`, reordering them.
fn upper_quantiles(values: &mut [f32]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let (i95, i99) = (rank(0.95, values.len()), rank(0.99, values.len()));
    let (_, at95, above) = values.select_nth_unstable_by(i95, f32::total_cmp);
    let p95 = *at95;
    let p99 = if i99 == i95 { p95 } else { *above.select_nth_unstable_by(i99 - i95 - 1, f32::total_cmp).1 };
    (f64::from(p95), f64::from(p99))
}

pub fn summarise(inputs: &[ProviderInputs], simulation: &Simulation, settings: &MoneySettings) -> MoneyResults {
    let years = simulation.years;
    let providers: Vec<ProviderResult> = inputs.iter().enumerate().map(|(at, p)| provider_result(p, at, simulation)).collect();

    let mut sorted = simulation.register.clone();
    sorted.sort_by(f64::total_cmp);
    let quantile = |q| sorted.get(rank(q, years)).copied().unwrap_or(0.0);
    let register =
        Figures { expected: sorted.iter().sum::<f64>() / years.max(1) as f64, one_in_20: quantile(0.95), one_in_100: quantile(0.99) };

    MoneyResults {
        currency: settings.currency.clone(),
        years: years as u32,
        seed: settings.seed,
        curve: curve(&sorted),
        tail: tail(inputs, simulation, register.one_in_100),
        not_priced: providers.iter().map(|p| p.not_priced).sum(),
        on_defaults: providers.iter().map(|p| p.on_defaults).sum(),
        register,
        providers,
    }
}

fn provider_result(p: &ProviderInputs, at: usize, simulation: &Simulation) -> ProviderResult {
    let years = simulation.years.max(1) as f64;
    let modes: Vec<ModeResult> = p
        .modes
        .iter()
        .zip(&simulation.mode_totals[at])
        .map(|(m, total)| ModeResult {
            mode: m.mode.clone(),
            kind: m.kind,
            expected: total.unwrap_or(0.0) / years,
            frequency: m.frequency.resolution(),
            loss_per_event: m.loss_per_event.resolution(),
        })
        .collect();
    let (one_in_20, one_in_100) = match simulation.columns_of[at] {
        Some(_) => upper_quantiles(&mut simulation.provider_years(at)),
        None => (0.0, 0.0),
    };
    let top_mode = modes.iter().filter(|m| m.expected > 0.0).max_by(|a, b| a.expected.total_cmp(&b.expected)).map(|m| m.mode.clone());
    ProviderResult {
        provider_id: p.provider_id,
        name: p.name.clone(),
        fourth_party: p.fourth_party,
        figures: Figures { expected: modes.iter().map(|m| m.expected).sum(), one_in_20, one_in_100 },
        top_mode,
        not_priced: modes.iter().filter(|m| !m.priced()).count() as u32,
        on_defaults: modes.iter().filter(|m| m.priced() && m.rests_on_defaults()).count() as u32,
        modes,
    }
}

/// The share of years above each of [`CURVE_POINTS`] losses, log-spaced from the worst year
/// down to the smallest loss of a year with any (but no more than [`CURVE_DECADES`] below).
/// `sorted` is every year's loss, ascending.
fn curve(sorted: &[f64]) -> Vec<ExceedancePoint> {
    let Some(&worst) = sorted.last().filter(|&&w| w > 0.0) else { return Vec::new() };
    let least = sorted.iter().copied().find(|&l| l > 0.0).unwrap_or(worst).max(worst / 10f64.powf(CURVE_DECADES));
    let step = if worst > least { (worst / least).ln() / (CURVE_POINTS - 1) as f64 } else { 0.0 };
    (0..CURVE_POINTS)
        .map(|i| {
            let loss = if i == CURVE_POINTS - 1 { worst } else { least * (step * i as f64).exp() };
            let above = sorted.len() - sorted.partition_point(|&l| l <= loss);
            ExceedancePoint { loss, probability: above as f64 / sorted.len() as f64 }
        })
        .collect()
}

/// Each provider's average share of the loss in the years at or beyond the register's 1-in-100.
fn tail(inputs: &[ProviderInputs], simulation: &Simulation, one_in_100: f64) -> Vec<TailShare> {
    let bad: Vec<usize> = (0..simulation.years).filter(|&y| simulation.register[y] > 0.0 && simulation.register[y] >= one_in_100).collect();
    if bad.is_empty() {
        return Vec::new();
    }
    let mut shares: Vec<TailShare> = inputs
        .iter()
        .enumerate()
        .filter(|(at, _)| simulation.columns_of[*at].is_some())
        .map(|(at, p)| {
            let share = bad.iter().map(|&y| simulation.provider_year(at, y) / simulation.register[y]).sum::<f64>() / bad.len() as f64;
            TailShare { provider_id: p.provider_id, name: p.name.clone(), share }
        })
        .filter(|s| s.share > 0.0)
        .collect();
    shares.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.name.cmp(&b.name)));
    shares.truncate(TAIL_TOP);
    shares
}
