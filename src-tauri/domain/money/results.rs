//! The figures read off the simulated years: per provider and for the register, the expected
//! annual loss, the 1-in-20 and 1-in-100-year loss, and for the register a loss exceedance curve
//! and the providers that make its bad years. Every figure keeps the inputs it came from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::exp::{exp, ln};
use super::inputs::{LossKind, MoneySettings, ProviderInputs, Resolution};
use super::simulate::{simulate, Control, Simulation};
use crate::domain::ids::ProviderId;
use crate::domain::validation::ValidationErrors;

/// Points on the exceedance curve.
pub const CURVE_POINTS: usize = 40;
/// The curve's money axis spans at most this many powers of ten below the worst year.
const CURVE_DECADES: i32 = 4;
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

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExceedancePoint {
    pub loss: f64,
    /// The share of simulated years whose loss is above `loss`.
    pub probability: f64,
}

/// A provider's average share of the register's loss in its 1-in-100 years and worse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TailShare {
    pub provider_id: ProviderId,
    pub name: String,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
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

/// A key whose unsigned order is `f32::total_cmp`'s.
fn order_key(value: f32) -> u32 {
    let bits = value.to_bits();
    bits ^ ((((bits as i32) >> 31) as u32) >> 1) ^ 0x8000_0000
}

/// Buckets of the first pass of [`upper_quantiles`]: a key's top 12 bits (sign, exponent and
/// three bits of mantissa, an eighth of an octave each).
const BUCKET_SHIFT: u32 = 20;

/// The 95th and 99th percentiles (nearest rank) of `n` values stored as `runs`, without copying
/// or sorting them: a histogram of their keys' top bits finds the bucket each rank falls in,
/// then only that bucket's values (a few percent) are gathered and the rank selected among
/// them. The same values as selecting among all of them.
fn upper_quantiles<'a>(runs: impl Iterator<Item = &'a [f32]> + Clone, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let mut counts = vec![0u32; 1 << (32 - BUCKET_SHIFT)];
    for run in runs.clone() {
        for &value in run {
            counts[(order_key(value) >> BUCKET_SHIFT) as usize] += 1;
        }
    }
    // Per rank, its bucket and its rank among the bucket's values.
    let ranks = [rank(0.95, n), rank(0.99, n)];
    let mut found = [(0u32, 0usize); 2];
    let (mut below, mut next) = (0usize, 0);
    for (bucket, &count) in counts.iter().enumerate() {
        while next < 2 && ranks[next] < below + count as usize {
            found[next] = (bucket as u32, ranks[next] - below);
            next += 1;
        }
        if next == 2 {
            break;
        }
        below += count as usize;
    }
    let mut gathered = [Vec::new(), Vec::new()];
    let same = found[0].0 == found[1].0;
    for run in runs {
        for &value in run {
            let bucket = order_key(value) >> BUCKET_SHIFT;
            if bucket == found[0].0 {
                gathered[0].push(value);
            } else if bucket == found[1].0 {
                gathered[1].push(value);
            }
        }
    }
    let mut at =
        |which: usize, values: usize| -> f64 { f64::from(*gathered[values].select_nth_unstable_by(found[which].1, f32::total_cmp).1) };
    let p95 = at(0, 0);
    let p99 = at(1, if same { 0 } else { 1 });
    (p95, p99)
}

pub fn summarise(inputs: &[ProviderInputs], simulation: &Simulation, settings: &MoneySettings) -> MoneyResults {
    let years = simulation.years;
    // Providers in contiguous blocks, one a thread; each provider's figures are its own, so
    // the blocks change nothing in them.
    let block = inputs.len().div_ceil(simulation.threads.max(1)).max(1);
    let providers: Vec<ProviderResult> = std::thread::scope(|scope| {
        let blocks: Vec<_> = inputs
            .chunks(block)
            .enumerate()
            .map(|(b, part)| {
                scope.spawn(move || part.iter().enumerate().map(|(i, p)| provider_result(p, b * block + i, simulation)).collect::<Vec<_>>())
            })
            .collect();
        blocks.into_iter().flat_map(|b| b.join().expect("a provider's figures")).collect()
    });

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
        Some(_) => upper_quantiles(simulation.provider_runs(at), simulation.years),
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
    let least = sorted.iter().copied().find(|&l| l > 0.0).unwrap_or(worst).max(worst / 10f64.powi(CURVE_DECADES));
    let step = if worst > least { ln(worst / least) / (CURVE_POINTS - 1) as f64 } else { 0.0 };
    (0..CURVE_POINTS)
        .map(|i| {
            let loss = if i == CURVE_POINTS - 1 { worst } else { least * exp(step * i as f64) };
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

#[cfg(test)]
mod tests {
    use super::{rank, upper_quantiles};

    /// The nearest-rank 95th and 99th percentiles by sorting everything.
    fn sorted_quantiles(values: &[f32]) -> (f64, f64) {
        let mut sorted = values.to_vec();
        sorted.sort_by(f32::total_cmp);
        (f64::from(sorted[rank(0.95, sorted.len())]), f64::from(sorted[rank(0.99, sorted.len())]))
    }

    #[test]
    fn the_bucketed_quantiles_are_the_sorted_ones() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for n in [1, 2, 19, 100, 101, 499, 500, 501, 20_000] {
            for zeros in [0, 50, 97, 100] {
                let values: Vec<f32> = (0..n)
                    .map(|_| {
                        let r = next();
                        // Losses over many decades, some repeated, a share of quiet years.
                        if r % 100 < zeros {
                            0.0
                        } else {
                            ((r >> 40) % 1_000) as f32 * 10f32.powi(((r >> 20) % 7) as i32)
                        }
                    })
                    .collect();
                // Stored in runs as the simulation stores a provider's years.
                let runs: Vec<&[f32]> = values.chunks(500).collect();
                assert_eq!(upper_quantiles(runs.iter().copied(), n), sorted_quantiles(&values), "{n} values, {zeros} % zero");
            }
        }
        assert_eq!(upper_quantiles(std::iter::empty(), 0), (0.0, 0.0));
        let mixed = [3.0, -1.0, f32::MAX, -0.0, 0.0, 7.5, -f32::MAX];
        assert_eq!(upper_quantiles([&mixed[..]].into_iter(), mixed.len()), sorted_quantiles(&mixed));
    }
}
