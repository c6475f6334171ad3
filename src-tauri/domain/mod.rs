//! The register's domain: provider records, scoring, history, review cadence, and the evidence
//! (incidents, exit drills) the scores answer to. Pure data and rules; no storage, no UI.

pub mod cadence;
pub mod catalogue;
pub mod changes;
pub mod contracts;
pub mod evidence;
pub mod history;
pub mod ids;
pub mod money;
pub mod provider;
pub mod register;
pub mod review;
pub mod scales;
pub mod scoring;
pub mod services;
pub mod settings;
pub mod text;
pub mod validation;
