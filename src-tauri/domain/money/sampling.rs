//! The two draws of the simulation: how many times a failure mode strikes in a simulated year,
//! and what each strike costs.
//!
//! A year's count is Poisson with its rate drawn from the frequency range, the range read as the
//! 90 % interval of a lognormal (like the loss per event, so that both ranges mean the same
//! thing: "nine times in ten between these two"). A uniform rate would put as much weight at
//! the high end as in the middle and none beyond it; the lognormal keeps a tail, which is what
//! a 1-in-100 year is made of.
//!
//! Drawing the rate and then the count every year for every mode was most of the run time, so
//! the count's distribution — that mixture, P(N = k) = E[Poisson(k; Λ)] — is worked out once
//! per mode by numerical integration over the rate, and a year's count is then one uniform draw
//! read off it. It is the same distribution (the tests check its mean and variance against the
//! closed forms), not an approximation of the model. Most modes are quiet most years (a rate of
//! 0.05 leaves 19 years in 20 empty), so for those the sampler does not visit every year: it
//! draws the gap to the next year with an event (geometric, with the table's probability of a
//! quiet year), then that year's count given that it has one. Rates whose tail runs past
//! [`INVERSION_LIMIT`] are drawn year by year, rate then count, as the model reads.

use rand::{Rng, RngExt};
use rand_distr::{Distribution, Poisson, StandardNormal};

use super::exp::{exp, exp_all};
use super::range::{LogNormal90, Range};

/// Above this rate a count is drawn by rand_distr's Poisson (transformed rejection) rather than
/// by walking the distribution from zero.
const INVERSION_LIMIT: f64 = 30.0;

/// 1/k for the counts inversion walks through: a multiplication per step instead of a division
/// (the walk was the slowest part of a busy row's year). Counts past the table divide.
const RECIPROCALS: [f64; 128] = {
    let mut table = [0.0; 128];
    let mut k = 1;
    while k < 128 {
        table[k] = 1.0 / k as f64;
        k += 1;
    }
    table
};

/// A uniform draw in (0, 1]: never 0, so its logarithm is finite.
fn unit(rng: &mut impl Rng) -> f64 {
    1.0 - rng.random::<f64>()
}

fn normal(rng: &mut impl Rng) -> f64 {
    StandardNormal.sample(rng)
}

/// A Poisson count with mean `lambda`, `p0` being e^(−λ).
fn poisson(lambda: f64, p0: f64, rng: &mut impl Rng) -> u32 {
    if lambda >= INVERSION_LIMIT {
        return Poisson::new(lambda).expect("a finite positive rate").sample(rng) as u32;
    }
    // Inversion: the smallest k whose cumulative probability reaches u.
    let (mut k, mut p, target, mut reached) = (0u32, p0, unit(rng), p0);
    while reached < target && p > 0.0 {
        k += 1;
        p *= lambda * RECIPROCALS.get(k as usize).copied().unwrap_or_else(|| 1.0 / f64::from(k));
        reached += p;
    }
    k
}

/// The years of a chunk with at least one event, and how many: what the losses are drawn for.
#[derive(Debug, Default)]
pub struct Strikes {
    pub years: Vec<u32>,
    pub counts: Vec<u32>,
    /// Working memory for the year-by-year rates.
    rates: Vec<f64>,
    quiet: Vec<f64>,
}

impl Strikes {
    fn push(&mut self, year: usize, count: u32) {
        self.years.push(year as u32);
        self.counts.push(count);
    }

    pub fn events(&self) -> usize {
        self.counts.iter().map(|&c| c as usize).sum()
    }
}

/// How the year's event count is drawn for one (provider, failure mode).
#[derive(Debug, Clone, PartialEq)]
pub enum Frequency {
    /// The year's count by inversion of its distribution, worked out once: `beyond_zero[k - 1]`
    /// is P(1 ≤ N ≤ k) for the mixed Poisson (Poisson with a lognormal rate), whose last entry
    /// is the probability of a busy year. `skip` visits only busy years (geometric gaps) where
    /// most years are quiet.
    Table { beyond_zero: Vec<f64>, skip: bool },
    /// Rates that can run past [`INVERSION_LIMIT`]: each year's rate drawn, then its count.
    Direct { rate: LogNormal90 },
}

/// Years are skipped when fewer than this share of them has an event; above it, visiting every
/// year with one draw each is cheaper (measured with benches/money.rs).
const SKIP_BELOW: f64 = 0.25;
/// The table stops here; the probability beyond is below 1e-12 for every rate the table takes.
const TABLE_MAX: usize = 160;
/// The highest rate, at the rate's z = 6, that a table is built for.
const TABLE_RATE_LIMIT: f64 = 80.0;

impl Frequency {
    /// `None` for a rate of zero: nothing to draw.
    pub fn new(range: Range) -> Option<Frequency> {
        if range.high <= 0.0 {
            return None;
        }
        let rate = LogNormal90::fit(range);
        // Tables for rates that stay well inside the table far into their tail (z = 6, one in a
        // billion): P(N > 160) is then below 1e-12. The others year by year.
        if rate.at(6.0) >= TABLE_RATE_LIMIT {
            return Some(Frequency::Direct { rate });
        }
        let beyond_zero = mixed_poisson_beyond_zero(&rate);
        let busy = *beyond_zero.last().expect("at least one entry");
        Some(Frequency::Table { skip: busy < SKIP_BELOW, beyond_zero })
    }

    /// The years in `0..years` with at least one event, in order, and their counts, into `out`
    /// (cleared first).
    pub fn strikes(&self, rng: &mut impl Rng, years: usize, out: &mut Strikes) {
        out.years.clear();
        out.counts.clear();
        match self {
            Frequency::Direct { rate } => {
                // In batches: every year's rate, then every e^(−rate), then the counts.
                out.rates.clear();
                match rate.exact {
                    Some(lambda) => out.rates.resize(years, lambda),
                    None => {
                        out.rates.extend((0..years).map(|_| rate.mu + rate.sigma * normal(rng)));
                        exp_all(&mut out.rates);
                    }
                }
                out.quiet.clear();
                out.quiet.extend(out.rates.iter().map(|&lambda| -lambda));
                exp_all(&mut out.quiet);
                for year in 0..years {
                    let count = poisson(out.rates[year], out.quiet[year], rng);
                    if count > 0 {
                        out.push(year, count);
                    }
                }
            }
            Frequency::Table { beyond_zero, skip: false } => {
                let busy = beyond_zero[beyond_zero.len() - 1];
                for year in 0..years {
                    let u = rng.random::<f64>();
                    if u < busy {
                        out.push(year, count_for(beyond_zero, u));
                    }
                }
            }
            Frequency::Table { beyond_zero, skip: true } => {
                let busy = beyond_zero[beyond_zero.len() - 1];
                let ln_quiet = (-busy).ln_1p();
                let mut year = 0usize;
                loop {
                    // Quiet years before the next busy one: geometric. The float-to-int cast
                    // saturates, so a very rare mode simply skips past the end.
                    year = year.saturating_add((unit(rng).ln() / ln_quiet) as usize);
                    if year >= years {
                        return;
                    }
                    out.push(year, count_for(beyond_zero, rng.random::<f64>() * busy));
                    year += 1;
                }
            }
        }
    }
}

/// The count k ≥ 1 with P(1 ≤ N < k) ≤ u < P(1 ≤ N ≤ k), for u below the busy probability.
fn count_for(beyond_zero: &[f64], u: f64) -> u32 {
    let at = beyond_zero.iter().position(|&p| u < p).unwrap_or(beyond_zero.len() - 1);
    at as u32 + 1
}

/// P(1 ≤ N ≤ k) for k = 1 … for N Poisson with a lognormal rate: the Poisson probabilities
/// averaged over the rate by Simpson's rule on the standard normal deviate from −8 to 8 (smooth
/// integrands; 128 steps give them to about 1e-9). A single-value rate is plain Poisson. This is
/// the distribution of "draw the year's rate, then its count", computed instead of drawn, so a
/// year costs one uniform draw.
fn mixed_poisson_beyond_zero(rate: &LogNormal90) -> Vec<f64> {
    const STEPS: usize = 128;
    const SPAN: f64 = 8.0;
    let mut pmf = vec![0.0; TABLE_MAX + 1];
    let mut add = |lambda: f64, weight: f64| {
        let mut p = exp(-lambda) * weight;
        for (k, slot) in pmf.iter_mut().enumerate() {
            if k > 0 {
                p *= lambda / k as f64;
            }
            *slot += p;
            if p < 1e-300 && k as f64 > lambda {
                break;
            }
        }
    };
    match rate.exact {
        Some(lambda) => add(lambda, 1.0),
        None => {
            let h = 2.0 * SPAN / STEPS as f64;
            let density = |z: f64| exp(-z * z / 2.0) / (2.0 * std::f64::consts::PI).sqrt();
            for i in 0..=STEPS {
                let z = -SPAN + i as f64 * h;
                let weight = if i == 0 || i == STEPS {
                    1.0
                } else if i % 2 == 1 {
                    4.0
                } else {
                    2.0
                };
                add(rate.at(z), weight * density(z) * h / 3.0);
            }
        }
    }
    let mut beyond_zero: Vec<f64> = pmf[1..]
        .iter()
        .scan(0.0, |sum, p| {
            *sum += p;
            Some(*sum)
        })
        .collect();
    // Trailing entries that add nothing are dropped: the scan stops sooner.
    while beyond_zero.len() > 1 && beyond_zero[beyond_zero.len() - 1] == beyond_zero[beyond_zero.len() - 2] {
        beyond_zero.pop();
    }
    beyond_zero
}

/// `count` events' losses into `out` (cleared first): lognormal with the loss range as its 90 %
/// interval, drawn in a batch so that the exponentials vectorise.
pub fn losses(fit: &LogNormal90, rng: &mut impl Rng, count: usize, out: &mut Vec<f64>) {
    out.clear();
    match fit.exact {
        Some(value) => out.resize(count, value),
        None => {
            out.extend((0..count).map(|_| fit.mu + fit.sigma * normal(rng)));
            exp_all(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::Xoshiro256PlusPlus;
    use rand::SeedableRng;

    /// Every year's count, zeros included.
    fn counts(range: Range, years: usize, seed: u64) -> Vec<u32> {
        let mut out = vec![0; years];
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut strikes = Strikes::default();
        Frequency::new(range).unwrap().strikes(&mut rng, years, &mut strikes);
        for (&year, &count) in strikes.years.iter().zip(&strikes.counts) {
            out[year as usize] = count;
        }
        out
    }

    fn mean_and_variance(values: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
        let n = values.clone().count() as f64;
        let mean = values.clone().sum::<f64>() / n;
        (mean, values.map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0))
    }

    fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= tolerance * expected
    }

    #[test]
    fn counts_at_a_constant_rate_have_poisson_mean_and_variance() {
        // 0.2 a year skips quiet years, 4 and 40 a year visit each, 100 a year draws each year's count.
        for rate in [0.2, 4.0, 40.0, 100.0] {
            let c = counts(Range::exactly(rate), 200_000, 7);
            let (mean, variance) = mean_and_variance(c.iter().map(|&n| f64::from(n)));
            assert!(close(mean, rate, 0.01), "rate {rate}: mean {mean}");
            assert!(close(variance, rate, 0.02), "rate {rate}: variance {variance}");
        }
    }

    #[test]
    fn counts_with_an_uncertain_rate_have_the_mixed_poisson_moments() {
        // Mean E[Λ], variance E[Λ] + Var[Λ], Λ lognormal on the range.
        for range in [Range { low: 0.02, high: 0.1 }, Range { low: 0.3, high: 1.0 }, Range { low: 3.0, high: 10.0 }] {
            let fit = LogNormal90::fit(range);
            let mean_rate = fit.mean();
            let var_rate = mean_rate * mean_rate * ((fit.sigma * fit.sigma).exp() - 1.0);
            let c = counts(range, 400_000, 11);
            let (mean, variance) = mean_and_variance(c.iter().map(|&n| f64::from(n)));
            assert!(close(mean, mean_rate, 0.02), "{range:?}: mean {mean} vs {mean_rate}");
            assert!(close(variance, mean_rate + var_rate, 0.03), "{range:?}: variance {variance} vs {}", mean_rate + var_rate);
        }
    }

    #[test]
    fn losses_hit_both_ends_of_their_90_percent_interval() {
        let fit = LogNormal90::fit(Range { low: 2_000.0, high: 80_000.0 });
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let mut draws = Vec::new();
        losses(&fit, &mut rng, 100_000, &mut draws);
        draws.sort_by(f64::total_cmp);
        let (p5, p95) = (draws[5_000], draws[95_000]);
        assert!(close(p5, 2_000.0, 0.03), "5th percentile {p5}");
        assert!(close(p95, 80_000.0, 0.03), "95th percentile {p95}");
    }

    #[test]
    fn the_tables_probability_of_a_busy_year_matches_a_brute_force_mean() {
        let fit = LogNormal90::fit(Range { low: 0.05, high: 2.0 });
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
        let n = 400_000;
        let brute = (0..n).map(|_| -(-fit.at(normal(&mut rng))).exp_m1()).sum::<f64>() / f64::from(n);
        let table = mixed_poisson_beyond_zero(&fit);
        assert!(close(table[table.len() - 1], brute, 0.005));
    }
}
