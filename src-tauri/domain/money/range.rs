//! A range as the money figures use it: a 90 % interval, the low end being the 5th percentile
//! and the high end the 95th, as PRODUCT.md reads every frequency and loss-per-event range.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::exp::{exp, ln};
use crate::domain::validation::ValidationErrors;

/// The standard normal's 95th percentile: a 90 % interval spans ±1.6449 standard deviations.
pub const Z_95: f64 = 1.644_853_626_951_472_2;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyRange")]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

impl Range {
    /// The same value at both ends: a figure known exactly (or a constant in a test).
    pub fn exactly(value: f64) -> Range {
        Range { low: value, high: value }
    }

    /// Checks the ends, naming `field`.low / `field`.high. Ends are finite and not negative, low
    /// ≤ high, and a range that is not a single value starts above zero: a lognormal cannot have
    /// 0 as its 5th percentile ("0 to 0.1 a year" is written "0.01 to 0.1").
    pub fn checked(field: &str, low: f64, high: f64) -> Result<Range, ValidationErrors> {
        let mut e = ValidationErrors::default();
        for (end, value) in [("low", low), ("high", high)] {
            if !value.is_finite() || value < 0.0 {
                e.add(format!("{field}.{end}"), "A range's ends are numbers of zero or more.");
            }
        }
        if e.is_empty() {
            if low > high {
                e.add(format!("{field}.low"), "The low end is above the high end.");
            } else if low == 0.0 && high > 0.0 {
                e.add(format!("{field}.low"), "A range that is not a single value starts above zero.");
            }
        }
        e.into_result().map(|()| Range { low, high })
    }

    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }

    /// Both ends multiplied by `factor` (hours × cost per hour, spend × rise).
    pub fn times(self, factor: f64) -> Range {
        Range { low: self.low * factor, high: self.high * factor }
    }

    /// Both ends shifted by `amount` (a fixed cost on top).
    pub fn plus(self, amount: f64) -> Range {
        Range { low: self.low + amount, high: self.high + amount }
    }

    /// Both ends no higher than `cap`.
    pub fn capped(self, cap: f64) -> Range {
        Range { low: self.low.min(cap), high: self.high.min(cap) }
    }
}

/// The lognormal whose 5th and 95th percentiles are a range's ends: μ = (ln lo + ln hi)/2,
/// σ = (ln hi − ln lo)/(2 · 1.6449). A single-value range is that value, exactly (σ = 0 and
/// no rounding through ln and exp). Its ln and e^x are the plain-Rust ones ([`super::exp`]):
/// μ and σ, and so every draw, are the same bits on every machine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogNormal90 {
    pub mu: f64,
    pub sigma: f64,
    /// The range's value when it is a single one.
    pub exact: Option<f64>,
}

impl LogNormal90 {
    pub fn fit(range: Range) -> LogNormal90 {
        if range.is_exact() {
            return LogNormal90 { mu: ln(range.low), sigma: 0.0, exact: Some(range.low) };
        }
        let (ln_low, ln_high) = (ln(range.low), ln(range.high));
        LogNormal90 { mu: (ln_low + ln_high) / 2.0, sigma: (ln_high - ln_low) / (2.0 * Z_95), exact: None }
    }

    /// The value at standard normal deviate `z`.
    pub fn at(&self, z: f64) -> f64 {
        match self.exact {
            Some(value) => value,
            None => exp(self.mu + self.sigma * z),
        }
    }

    /// The mean, e^(μ + σ²/2).
    pub fn mean(&self) -> f64 {
        self.exact.unwrap_or_else(|| exp(self.mu + self.sigma * self.sigma / 2.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_checked_end_by_end() {
        assert_eq!(Range::checked("f", 0.1, 0.3), Ok(Range { low: 0.1, high: 0.3 }));
        assert_eq!(Range::checked("f", 0.0, 0.0), Ok(Range::exactly(0.0)));
        let fields = |low, high| -> Vec<String> {
            Range::checked("money.frequency", low, high).unwrap_err().errors.into_iter().map(|e| e.field).collect()
        };
        assert_eq!(fields(-1.0, f64::NAN), vec!["money.frequency.low", "money.frequency.high"]);
        assert_eq!(fields(3.0, 1.0), vec!["money.frequency.low"]);
        assert_eq!(fields(0.0, 1.0), vec!["money.frequency.low"]);
    }

    #[test]
    fn the_fit_puts_the_ends_at_the_5th_and_95th_percentiles() {
        let fit = LogNormal90::fit(Range { low: 1_000.0, high: 50_000.0 });
        assert!((fit.at(-Z_95) - 1_000.0).abs() < 1e-6);
        assert!((fit.at(Z_95) - 50_000.0).abs() < 1e-6);
        assert_eq!(LogNormal90::fit(Range::exactly(0.3)).at(2.0), 0.3);
    }
}
