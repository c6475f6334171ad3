//! loss.csv's columns: one row per provider and failure mode with the money inputs (the
//! frequency and the loss per event: the default range, where it came from, whether it rests on
//! an assumption, and the user's override of either end with its note) and the figures they
//! give. Its rows are described in `worksheet::table::loss` and read back by
//! `worksheet::import::loss`, which restores the overrides only: every other column is computed
//! from the register and ignored on import.

pub const LOSS_CSV: &str = "loss.csv";

pub const PROVIDER: &str = "Provider";
pub const FAILURE_MODE: &str = "Failure mode";

/// The columns of one of the two inputs, frequency or loss per event.
pub struct InputColumns {
    /// Computed: the default range.
    pub low: &'static str,
    pub high: &'static str,
    /// Computed: where the default came from, in words.
    pub source: &'static str,
    /// Computed: whether the default rests on an assumption of ours.
    pub default: &'static str,
    /// Read back: the user's figures and why.
    pub override_low: &'static str,
    pub override_high: &'static str,
    pub note: &'static str,
}

pub const FREQUENCY: InputColumns = InputColumns {
    low: "Frequency low (a year)",
    high: "Frequency high (a year)",
    source: "Frequency from",
    default: "Frequency on defaults",
    override_low: "Your frequency low",
    override_high: "Your frequency high",
    note: "Your frequency note",
};

pub const LOSS_PER_EVENT: InputColumns = InputColumns {
    low: "Loss per event low",
    high: "Loss per event high",
    source: "Loss per event from",
    default: "Loss per event on defaults",
    override_low: "Your loss per event low",
    override_high: "Your loss per event high",
    note: "Your loss per event note",
};

/// Computed figures, in the register's currency.
pub const MODE_EXPECTED: &str = "Mode expected annual loss";
pub const PROVIDER_EXPECTED: &str = "Provider expected annual loss";
pub const PROVIDER_ONE_IN_20: &str = "Provider 1-in-20-year loss";
pub const PROVIDER_ONE_IN_100: &str = "Provider 1-in-100-year loss";
pub const CURRENCY: &str = "Currency";
