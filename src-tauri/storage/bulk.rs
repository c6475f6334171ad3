//! Whole-register reads for the worksheet's exports: every table read once.

use chrono::NaiveDate;

use super::{snapshots, Register, Result};
use crate::domain::provider::Provider;
use crate::domain::register::{row, RegisterRow};

impl Register {
    /// The providers and their register rows, reading the providers once (`register_rows` reads
    /// them itself, so asking for both separately parses every risk profile twice).
    pub fn providers_and_rows(&self, today: NaiveDate) -> Result<(Vec<Provider>, Vec<RegisterRow>)> {
        let cadence = self.settings()?.cadence;
        let providers = self.providers()?;
        let mut history = snapshots::all_trends(&self.conn)?.into_iter().peekable();
        let mut rows = Vec::with_capacity(providers.len());
        // Both lists are ordered by provider id, so one pass pairs them.
        for provider in &providers {
            let mut own = Vec::new();
            while let Some((owner, point)) = history.next_if(|(owner, _)| *owner <= provider.id) {
                if owner == provider.id {
                    own.push(point);
                }
            }
            rows.push(row(provider, &own, &cadence, today));
        }
        Ok((providers, rows))
    }
}
