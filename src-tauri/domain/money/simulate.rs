//! The simulated years (PRODUCT.md, "Money at risk"): for each year, each priced (provider,
//! failure mode) strikes a Poisson number of times, each strike costing a lognormal loss; the
//! year's loss is the sum.
//!
//! **A shared fourth party's failure is one event, counted once.** Every (provider, mode) row is
//! one source of events, and an event is drawn at its source only: an outage of AWS us-east-1 is
//! drawn on AWS's own outage row, and its loss is AWS's whole blast radius — the services of every
//! provider that runs on it (the blast radius walks those links and counts each service once, at
//! the worst it suffers). The rows of the providers that run on AWS price *their own* failures:
//! their frequency is their own incidents or score, and their loss their own blast radius. So
//! the AWS event is never drawn again at Postmark's row, and it adds to the year's total once.
//! It is also attributed once: a provider's figures are the losses of the events that start at
//! it (a fourth party's figures carry what it brings down), so the providers' figures add up to
//! the register's, year by year. (Incidents must then be logged at the provider that failed; an
//! upstream failure logged at each provider it reached would count in their frequencies too.)
//!
//! **Determinism.** Years are cut into fixed chunks of [`CHUNK_YEARS`]; each row draws each
//! chunk from its own Xoshiro256++ stream (a generator rand promises is portable), seeded by the
//! register's seed, the row's key (provider id and failure mode) and the chunk's number. The
//! exponentials are plain arithmetic ([`super::exp`]), not the C library's, whose last bits vary
//! between platforms. No draw depends on which thread runs a chunk,
//! on how many threads there are, or on the other rows — so changing one provider's inputs
//! leaves every other provider's simulated years as they were, and a change between two reviews
//! shows what changed, not noise.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rand::rngs::Xoshiro256PlusPlus;
use rand::SeedableRng;

use super::inputs::{ModeInputs, MoneySettings, ProviderInputs, Resolved};
use super::range::{LogNormal90, Range};
use super::sampling::{losses, Frequency, Strikes};
use crate::domain::text::fold;
use crate::domain::validation::ValidationErrors;

/// Years per chunk: the unit of parallel work, and of random streams.
pub const CHUNK_YEARS: usize = 500;

/// How the caller follows and stops a run.
#[derive(Clone, Copy)]
pub struct Control<'a> {
    /// Called with the share of years done, 0 … 1, from whichever thread finished a chunk.
    pub progress: &'a (dyn Fn(f32) + Sync),
    /// Set to stop early; the run then returns `None`.
    pub cancel: &'a AtomicBool,
    /// Threads to run on (at least one).
    pub threads: usize,
}

/// A (provider, failure mode) that can strike.
#[derive(Debug, Clone)]
struct Row {
    provider: usize,
    mode: usize,
    /// The provider's column in the per-provider year totals.
    column: usize,
    key: u64,
    /// Index into the run's distinct frequencies.
    frequency: usize,
    loss: LogNormal90,
}

/// The simulated years, kept so that figures can be read off them.
#[derive(Debug, Clone)]
pub struct Simulation {
    pub years: usize,
    /// Per provider (in the inputs' order), its column, or `None` when it has nothing priced.
    pub(super) columns_of: Vec<Option<usize>>,
    columns: usize,
    /// Per-provider year totals, chunk by chunk: chunk c holds `columns` runs of its years.
    by_provider: Vec<f32>,
    /// The register's total per year.
    pub(super) register: Vec<f64>,
    /// Per provider and mode, the sum over all years of its losses (`None`: not simulated).
    pub(super) mode_totals: Vec<Vec<Option<f64>>>,
    /// The threads it ran on: the figures are read off on as many.
    pub(super) threads: usize,
}

impl Simulation {
    /// Provider `provider`'s (index in the inputs) loss in year `year`.
    pub fn provider_year(&self, provider: usize, year: usize) -> f64 {
        let Some(column) = self.columns_of[provider] else { return 0.0 };
        let chunk = year / CHUNK_YEARS;
        let len = CHUNK_YEARS.min(self.years - chunk * CHUNK_YEARS);
        f64::from(self.by_provider[chunk * CHUNK_YEARS * self.columns + column * len + year % CHUNK_YEARS])
    }

    /// Provider `provider`'s losses over all years, in year order.
    pub fn provider_years(&self, provider: usize) -> Vec<f32> {
        let Some(column) = self.columns_of[provider] else { return vec![0.0; self.years] };
        let mut out = Vec::with_capacity(self.years);
        for chunk in self.by_provider.chunks(CHUNK_YEARS * self.columns) {
            let len = chunk.len() / self.columns;
            out.extend_from_slice(&chunk[column * len..(column + 1) * len]);
        }
        out
    }

    /// Provider `provider`'s losses, chunk by chunk in year order, where they are stored (no
    /// copy); nothing when it has nothing priced.
    pub(super) fn provider_runs(&self, provider: usize) -> impl Iterator<Item = &[f32]> + Clone {
        let column = self.columns_of[provider];
        let columns = self.columns.max(1);
        self.by_provider.chunks(CHUNK_YEARS * columns).filter_map(move |chunk| {
            let len = chunk.len() / columns;
            column.map(|column| &chunk[column * len..(column + 1) * len])
        })
    }

    pub fn register_year(&self, year: usize) -> f64 {
        self.register[year]
    }
}

/// A stable key per row (FNV-1a over the provider id and the folded mode name), so that a
/// row's random streams do not move when rows are added or reordered.
fn row_key(provider: &ProviderInputs, mode: &ModeInputs) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in provider.provider_id.0.to_le_bytes().into_iter().chain(fold(&mode.mode).into_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The seed of one row's stream for one chunk: the register's seed, the row's key and the
/// chunk's number mixed by SplitMix64's finaliser, so that neighbouring chunks and rows start
/// far apart (Xoshiro's `seed_from_u64` then spreads it over the generator's 256 bits).
fn stream_seed(seed: u64, key: u64, chunk: usize) -> u64 {
    let mix = |mut z: u64| {
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    mix(mix(seed ^ key).wrapping_add(chunk as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// A mode's two ranges, once both are priced.
struct Priced {
    frequency: Resolved,
    loss: Resolved,
}

/// The resolved ranges of every priced row, checked; not-priced modes are left out (the
/// results say so). Errors name `money.<provider id>.<mode>.<range>`.
fn priced(inputs: &[ProviderInputs]) -> Result<Vec<Vec<Option<Priced>>>, ValidationErrors> {
    let mut e = ValidationErrors::default();
    let out = inputs
        .iter()
        .map(|p| {
            p.modes
                .iter()
                .map(|m| {
                    let (Ok(f), Ok(l)) = (m.frequency.resolve(), m.loss_per_event.resolve()) else { return None };
                    for (field, r) in [(super::inputs::InputField::Frequency, &f), (super::inputs::InputField::LossPerEvent, &l)] {
                        if let Err(bad) =
                            Range::checked(&super::inputs::field_path(p.provider_id, &m.mode, field), r.range.low, r.range.high)
                        {
                            e.errors.extend(bad.errors);
                        }
                    }
                    Some(Priced { frequency: f, loss: l })
                })
                .collect()
        })
        .collect();
    e.into_result().map(|()| out)
}

/// Runs the simulation; `Ok(None)` when cancelled, `Err` when an input is not a range.
pub fn simulate(inputs: &[ProviderInputs], settings: &MoneySettings, control: Control) -> Result<Option<Simulation>, ValidationErrors> {
    let priced = priced(inputs)?;
    let years = settings.simulated_years as usize;
    let mut rows = Vec::new();
    let mut columns_of = vec![None; inputs.len()];
    let mut mode_totals: Vec<Vec<Option<f64>>> = inputs.iter().map(|p| vec![None; p.modes.len()]).collect();
    let mut columns = 0;
    let mut frequencies: Vec<Option<Frequency>> = Vec::new();
    let mut seen: std::collections::HashMap<(u64, u64), usize> = std::collections::HashMap::new();
    for (provider, (p, modes)) in inputs.iter().zip(&priced).enumerate() {
        for (mode, ranges) in modes.iter().enumerate() {
            let Some(Priced { frequency: f, loss: l }) = ranges else { continue };
            mode_totals[provider][mode] = Some(0.0);
            // A rate or a loss of zero strikes for nothing: no row.
            // Most frequencies are a likelihood band's: each distinct range's table is worked
            // out once.
            let frequency = *seen.entry((f.range.low.to_bits(), f.range.high.to_bits())).or_insert_with(|| {
                frequencies.push(Frequency::new(f.range));
                frequencies.len() - 1
            });
            if frequencies[frequency].is_none() || l.range.high <= 0.0 {
                continue;
            }
            let column = *columns_of[provider].get_or_insert_with(|| {
                columns += 1;
                columns - 1
            });
            rows.push(Row { provider, mode, column, key: row_key(p, &p.modes[mode]), frequency, loss: LogNormal90::fit(l.range) });
        }
    }

    let mut by_provider = vec![0f32; columns * years];
    let mut register = vec![0f64; years];
    let chunks = years.div_ceil(CHUNK_YEARS);
    let mut row_sums = vec![0f64; rows.len() * chunks];
    let done = AtomicUsize::new(0);
    {
        // With nothing priced the per-provider and per-row outputs are empty: each chunk gets an
        // empty part of them.
        let parts = by_provider.chunks_mut(CHUNK_YEARS * columns.max(1)).chain(std::iter::repeat_with(|| &mut [][..]));
        let sums = row_sums.chunks_mut(rows.len().max(1)).chain(std::iter::repeat_with(|| &mut [][..]));
        let pieces = register.chunks_mut(CHUNK_YEARS).zip(parts).zip(sums);
        // Threads take the next chunk when they finish one: a core slowed by other work takes
        // fewer. Which thread runs a chunk changes nothing in it.
        let queue = std::sync::Mutex::new(pieces.enumerate().map(|(index, ((register, by_provider), sums))| Chunk {
            index,
            register,
            by_provider,
            sums,
        }));
        std::thread::scope(|scope| {
            for _ in 0..control.threads.max(1).min(chunks.max(1)) {
                let (rows, done, frequencies, queue) = (&rows, &done, &frequencies, &queue);
                scope.spawn(move || loop {
                    if control.cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    let Some(chunk) = queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).next() else { return };
                    chunk.run(rows, frequencies, columns, settings.seed);
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    (control.progress)(finished as f32 / chunks as f32);
                });
            }
        });
    }
    if control.cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    // Summed in chunk order: the same figures whatever the threads.
    for chunk in row_sums.chunks(rows.len().max(1)) {
        for (row, sum) in rows.iter().zip(chunk) {
            *mode_totals[row.provider][row.mode].get_or_insert(0.0) += sum;
        }
    }
    Ok(Some(Simulation { years, columns_of, columns, by_provider, register, mode_totals, threads: control.threads.max(1) }))
}

/// Per count of a year's events (up to four), which of its first four draws count: multiplied
/// by one or zero, a table look-up instead of branches on the count.
const FIRST_FOUR: [[f64; 4]; 5] =
    [[1.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0], [1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]];

/// One chunk of years and the parts of the outputs it writes.
struct Chunk<'a> {
    index: usize,
    register: &'a mut [f64],
    /// `columns` runs of this chunk's years.
    by_provider: &'a mut [f32],
    /// Per row, its losses over the chunk.
    sums: &'a mut [f64],
}

impl Chunk<'_> {
    fn run(self, rows: &[Row], frequencies: &[Option<Frequency>], columns: usize, seed: u64) {
        let len = self.register.len();
        // The buffer is fresh from the allocator, its pages not yet mapped. Written first, each
        // page is mapped once; added to first, it would be mapped to the shared zero page on the
        // read and then copied on the write, a second fault that also stops the other thread to
        // flush its TLB. That had been a fifth of the run's CPU time, in the kernel, and the
        // reason two threads barely beat one (docs/PERFORMANCE.md).
        self.by_provider.fill(0.0);
        self.register.fill(0.0);
        let mut strikes = Strikes::default();
        let mut draws = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(stream_seed(seed, row.key, self.index));
            if let Some(frequency) = &frequencies[row.frequency] {
                frequency.strikes(&mut rng, len, &mut strikes);
            }
            losses(&row.loss, &mut rng, strikes.events(), &mut draws);
            // Room for a year's first four draws to be read at once (see below).
            draws.resize(draws.len() + 3, 0.0);
            let column = &mut self.by_provider[row.column * len..(row.column + 1) * len];
            let mut sum = 0.0;
            let mut next = 0;
            for (&year, &count) in strikes.years.iter().zip(&strikes.counts) {
                // The year's draws in order; its first four without a branch (a draw past the
                // count adds nothing), so that a year of one to four events costs no misses.
                let count = count as usize;
                let first = &draws[next..next + 4];
                let keep = &FIRST_FOUR[count.min(4)];
                let mut year_loss = first[0];
                for (draw, keep) in first[1..].iter().zip(&keep[1..]) {
                    year_loss += draw * keep;
                }
                if count > 4 {
                    for &draw in &draws[next + 4..next + count] {
                        year_loss += draw;
                    }
                }
                next += count;
                column[year as usize] += year_loss as f32;
                self.register[year as usize] += year_loss;
                sum += year_loss;
            }
            self.sums[r] = sum;
        }
        debug_assert!(columns == 0 || self.by_provider.len() == columns * len);
    }
}
