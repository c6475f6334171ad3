//! A service of ours: something customers or staff use ("Checkout", "Messenger"), with what an
//! hour of it being down costs us.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::ids::ServiceId;
use crate::domain::validation::{ValidationErrors, MAX_NAME_LEN, MAX_TEXT_LEN};

/// What PRODUCT.md assumes a degraded service costs, as a share of it being down.
pub const DEFAULT_DEGRADED_SHARE: f64 = 0.5;

/// A service as the form edits it and a save validates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceDraft {
    pub name: String,
    pub owner: String,
    pub description: String,
    /// What an hour of the service being down costs us, in the register's currency; `None`
    /// until someone puts a figure on it (its reach is shown, its cost is not invented).
    pub downtime_cost_per_hour: Option<f64>,
    /// What an hour degraded costs, as a share of an hour down: 0 … 1.
    pub degraded_share: f64,
    /// The longest downtime we can tolerate (recovery time objective), in hours.
    pub rto_hours: Option<f64>,
    /// A retired service is kept for the record and reached by nothing.
    pub retired: bool,
}

/// A stored service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Service {
    pub id: ServiceId,
    #[serde(flatten)]
    pub draft: ServiceDraft,
    pub created_on: NaiveDate,
}

impl ServiceDraft {
    pub fn blank() -> ServiceDraft {
        ServiceDraft {
            name: String::new(),
            owner: String::new(),
            description: String::new(),
            downtime_cost_per_hour: None,
            degraded_share: DEFAULT_DEGRADED_SHARE,
            rto_hours: None,
            retired: false,
        }
    }

    /// What an hour of the service costs in the given state; `None` when its cost is unknown.
    pub fn cost_per_hour(&self, effect: super::dependency::Effect) -> Option<f64> {
        use super::dependency::Effect;
        let down = self.downtime_cost_per_hour?;
        Some(match effect {
            Effect::Down => down,
            Effect::Degraded => down * self.degraded_share,
            Effect::Unaffected => 0.0,
        })
    }
}

/// Checks a service; `others` are the register's other services, whose names it must not repeat.
pub fn validate_service(draft: &ServiceDraft, others: &[&str]) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    let name = draft.name.trim();
    if name.is_empty() {
        e.add("service.name", "A service needs a name.");
    } else if name.chars().count() > MAX_NAME_LEN {
        e.add("service.name", format!("Name is longer than {MAX_NAME_LEN} characters."));
    } else if others.iter().any(|o| crate::domain::text::fold(o) == crate::domain::text::fold(name)) {
        e.add("service.name", format!("There is already a service called {name}."));
    }
    if draft.owner.chars().count() > MAX_NAME_LEN {
        e.add("service.owner", format!("Owner is longer than {MAX_NAME_LEN} characters."));
    }
    if draft.description.chars().count() > MAX_TEXT_LEN {
        e.add("service.description", format!("Description is longer than {MAX_TEXT_LEN} characters."));
    }
    if let Some(cost) = draft.downtime_cost_per_hour {
        if !cost.is_finite() || cost < 0.0 {
            e.add("service.downtime_cost_per_hour", "Cost of downtime cannot be negative.");
        }
    }
    if !draft.degraded_share.is_finite() || !(0.0..=1.0).contains(&draft.degraded_share) {
        e.add("service.degraded_share", "Cost of degradation is a share of downtime between 0 % and 100 %.");
    }
    if let Some(rto) = draft.rto_hours {
        if !rto.is_finite() || rto < 0.0 {
            e.add("service.rto_hours", "RTO cannot be negative.");
        }
    }
    e.into_result()
}
