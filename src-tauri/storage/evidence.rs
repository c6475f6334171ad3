//! A provider's evidence as its page shows it: its incidents and drills read from their tables
//! and summed up by the domain's rules, with the register's drill cadence.

use chrono::NaiveDate;

use super::{drills, incidents, Register, Result};
use crate::domain::evidence::summary::{provider_evidence, ProviderEvidence};
use crate::domain::ids::ProviderId;

impl Register {
    /// The provider's incidents, observed rates and suggestions, recovery times, drills and exit
    /// readiness as of `today`.
    pub fn provider_evidence(&self, id: ProviderId, today: NaiveDate) -> Result<ProviderEvidence> {
        let provider = self.provider(id)?;
        let cadence = self.settings()?.drill_cadence;
        Ok(provider_evidence(&provider, incidents::of_provider(&self.conn, id)?, drills::of_provider(&self.conn, id)?, &cadence, today))
    }
}
