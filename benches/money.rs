//! Money-at-risk benchmark: 20,000 simulated years of a register of 1,000 providers × 7 failure
//! modes, every mode priced, as issue 11 sizes it. Pure domain work on inputs already worked out:
//! what the app runs off the UI thread when an input changes.
//!
//! `cargo bench -p lifeboat-core --bench money` (release build). Prints the median of 5 runs of
//! the simulation alone and of the simulation with its figures; never fails on a slow machine.

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use lifeboat::domain::ids::ProviderId;
use lifeboat::domain::money::defaults::LIKELIHOOD_BANDS;
use lifeboat::domain::money::inputs::{Input, LossKind, ModeInputs, MoneySettings, ProviderInputs, Source, Sourced};
use lifeboat::domain::money::range::Range;
use lifeboat::domain::money::results::run;
use lifeboat::domain::money::simulate::{simulate, Control};
use lifeboat::domain::provider::DEFAULT_FAILURE_MODES;

const PROVIDERS: i64 = 1_000;
const YEARS: u32 = 20_000;
const RUNS: usize = 5;

/// A fixed pseudo-random sequence (xorshift), so every run builds the same register.
struct Sequence(u64);

impl Sequence {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Likelihoods as a register spreads them: mostly rare to possible, a few likely or worse.
fn likelihood(seq: &mut Sequence) -> usize {
    match seq.below(100) {
        0..=29 => 1,
        30..=59 => 2,
        60..=79 => 3,
        80..=94 => 4,
        _ => 5,
    }
}

fn register() -> Vec<ProviderInputs> {
    let mut seq = Sequence(0x5EED);
    let sourced = |range, source| Input::derived(Sourced { range, source, default: true });
    (1..=PROVIDERS)
        .map(|id| ProviderInputs {
            provider_id: ProviderId(id),
            name: format!("Provider {id}"),
            fourth_party: id <= 100,
            modes: DEFAULT_FAILURE_MODES
                .iter()
                .map(|(mode, _)| {
                    let likelihood = likelihood(&mut seq);
                    let low = 1_000.0 * (1 + seq.below(100)) as f64;
                    let high = low * (3 + seq.below(28)) as f64;
                    ModeInputs {
                        mode: mode.to_string(),
                        kind: LossKind::of(mode),
                        frequency: sourced(LIKELIHOOD_BANDS[likelihood - 1], Source::LikelihoodBand { likelihood: likelihood as u8 }),
                        loss_per_event: sourced(Range { low, high }, Source::User { note: "bench".into() }),
                    }
                })
                .collect(),
        })
        .collect()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let inputs = register();
    let settings = MoneySettings { simulated_years: YEARS, ..MoneySettings::default() };
    let cancel = AtomicBool::new(false);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let control = Control { progress: &|_| {}, cancel: &cancel, threads };

    let mut simulation = Vec::new();
    let mut whole = Vec::new();
    let mut expected = 0.0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let sim = simulate(&inputs, &settings, control).expect("valid inputs").expect("not cancelled");
        simulation.push(start.elapsed());
        drop(sim);
        let start = Instant::now();
        let results = run(&inputs, &settings, control).expect("valid inputs").expect("not cancelled");
        whole.push(start.elapsed());
        expected = results.register.expected;
    }
    println!("money: {PROVIDERS} providers × 7 failure modes × {YEARS} years on {threads} threads (median of {RUNS})");
    println!("  simulation              {:>8.1} ms", median(simulation).as_secs_f64() * 1e3);
    println!("  simulation and figures  {:>8.1} ms", median(whole).as_secs_f64() * 1e3);
    println!("  (expected annual loss of the register: {expected:.0})");
}
