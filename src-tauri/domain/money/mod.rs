//! Money at risk (PRODUCT.md, "Money at risk (annual loss)"): what each provider's failures
//! would cost in a year, in the register's currency. Per provider and failure mode a frequency
//! range and a loss-per-event range, each from a default worked out from the register (or the
//! user's figures), feed a seeded Monte Carlo simulation of many years; its figures keep the
//! inputs they came from. Pure domain: no storage, no UI.
//!
//! - [`range`]: a 90 % interval and the lognormal fitted to it;
//! - [`inputs`]: the inputs, their sources, overrides and settings;
//! - [`defaults`]: the default ranges from the register's records;
//! - [`sampling`]: the draws of one year's count and one event's loss;
//! - [`simulate`]: the simulated years, in parallel and deterministic;
//! - [`results`]: the figures and the exceedance curve;
//! - [`fingerprint`]: the inputs and settings as one key, under which figures are kept.

pub mod defaults;
pub mod exp;
pub mod fingerprint;
pub mod inputs;
pub mod range;
pub mod results;
pub mod sampling;
pub mod simulate;

#[cfg(test)]
mod tests;
