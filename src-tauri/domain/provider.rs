//! The provider record: profile and risk profile, as docs/PRODUCT.md defines them.

use crate::domain::ids::{FailureModeId, ProviderId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Declares a closed set of choices with the stable machine key used in storage, CSV and IPC,
/// and the label a person reads.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal / $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[ts(export)]
        pub enum $name {
            $(#[serde(rename = $key)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Accepts the key or the label, ignoring case, spaces, dashes and underscores.
            pub fn parse(text: &str) -> Option<$name> {
                let wanted = crate::domain::text::fold(text);
                Self::ALL.iter().copied().find(|c| {
                    crate::domain::text::fold(c.key()) == wanted
                        || crate::domain::text::fold(c.label()) == wanted
                })
            }
        }
    };
}
pub(crate) use choice;

choice!(Category {
    Hosting = "hosting" / "Hosting",
    Payments = "payments" / "Payments",
    Email = "email" / "Email",
    Database = "database" / "Database",
    Cdn = "cdn" / "CDN",
    Auth = "auth" / "Auth",
    Monitoring = "monitoring" / "Monitoring",
    Analytics = "analytics" / "Analytics",
    Support = "support" / "Support",
    Storage = "storage" / "Storage",
    Other = "other" / "Other",
});

choice!(Status {
    Active = "active" / "Active",
    BeingReplaced = "being_replaced" / "Being replaced",
    Retired = "retired" / "Retired",
});

choice!(DataHeld {
    None = "none" / "None",
    Internal = "internal" / "Internal",
    Personal = "personal" / "Personal data",
    Payment = "payment" / "Payment data",
});

choice!(
    /// Ordered from least to most ready, so `max` gives the best alternative.
    Readiness {
        NoneIdentified = "none_identified" / "None identified",
        Identified = "identified" / "Identified",
        Evaluated = "evaluated" / "Evaluated",
        Contracted = "contracted" / "Contracted",
        Live = "live" / "Live integration",
    }
);

choice!(ExitStrategy {
    Accept = "accept" / "Accept",
    Mitigate = "mitigate" / "Mitigate",
    PrepareExit = "prepare_exit" / "Prepare exit",
    LiveAlternative = "live_alternative" / "Keep a live alternative",
    ExitNow = "exit_now" / "Exit now",
});

/// Who the provider is to us. Not part of a snapshot: editing it records no assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Profile {
    pub name: String,
    pub category: Category,
    pub value_provided: String,
    pub owner: String,
    /// 1 = business stops … 4 = nice to have.
    pub tier: u8,
    pub status: Status,
    /// A provider we hold no contract with, registered because providers we do rely on run on
    /// it (the cloud region under our email provider). It has a risk profile like any other, but
    /// no spend, renewal or notice period.
    pub fourth_party: bool,
    pub annual_spend: Option<f64>,
    pub currency: String,
    pub renewal_date: Option<NaiveDate>,
    pub notice_period_days: Option<u32>,
    pub data_held: DataHeld,
    pub website: String,
    pub status_page: String,
    pub notes: String,
}

/// One failure mode as scored for one provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Scenario {
    /// The catalogue entry this scores, or `None` for a failure mode added to this provider only.
    pub mode_id: Option<FailureModeId>,
    /// The failure mode's name when scored (kept so history survives a catalogue rename).
    pub mode: String,
    /// 1 = rare … 5 = almost certain; `None` until someone scores it.
    pub likelihood: Option<u8>,
    /// 1 = negligible … 5 = severe; `None` until someone scores it.
    pub impact: Option<u8>,
    pub note: String,
}

impl Scenario {
    /// Likelihood × impact once both are set; a half-scored row is refused by validation and
    /// counts as unscored until then.
    pub fn score(&self) -> Option<u8> {
        Some(crate::domain::scoring::scenario_score(self.likelihood?, self.impact?))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LockIn {
    pub level: u8,
    /// What locks us in: proprietary API, data gravity, contract term, ...
    pub reasons: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Alternative {
    pub name: String,
    pub readiness: Readiness,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Replacement {
    pub effort: u8,
    pub person_weeks: Option<f64>,
    /// How fast we could switch in an emergency.
    pub emergency_switch_hours: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExitPlan {
    pub strategy: ExitStrategy,
    pub plan: String,
    pub last_rehearsed: Option<NaiveDate>,
}

/// Everything that is scored: what a snapshot freezes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RiskProfile {
    pub scenarios: Vec<Scenario>,
    pub lock_in: LockIn,
    pub alternatives: Vec<Alternative>,
    pub replacement: Replacement,
    pub exit: ExitPlan,
}

impl RiskProfile {
    /// The most ready alternative, if any is listed.
    pub fn best_readiness(&self) -> Option<Readiness> {
        self.alternatives.iter().map(|a| a.readiness).max()
    }
}

/// A provider as the user edits it: what the form sends and what a save validates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProviderDraft {
    pub profile: Profile,
    pub risk: RiskProfile,
}

/// A stored provider with its current (latest) risk profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Provider {
    pub id: ProviderId,
    pub profile: Profile,
    pub risk: RiskProfile,
    pub created_on: NaiveDate,
}

impl Provider {
    pub fn draft(&self) -> ProviderDraft {
        ProviderDraft { profile: self.profile.clone(), risk: self.risk.clone() }
    }
}

/// An entry of the register's failure-mode catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailureMode {
    pub id: FailureModeId,
    pub name: String,
    pub description: String,
    /// Retired modes are no longer offered for new assessments; their history stays.
    pub retired: bool,
}

/// The catalogue every new register starts with (docs/PRODUCT.md, "Risk profile").
pub const DEFAULT_FAILURE_MODES: [(&str, &str); 7] = [
    ("Outage", "The provider is down."),
    ("Degradation", "The provider is slow or partly failing."),
    ("Price increase", "A price hike or forced plan change."),
    ("Provider failure", "Goes out of business, is acquired, or sunsets the product."),
    ("Privacy or compliance failure", "Breach at the provider, lost certification, data-law problem."),
    ("Account suspension", "The account is disabled or restricted without notice."),
    ("Unilateral change", "Breaking API change, forced migration, maintenance at bad hours."),
];

impl ProviderDraft {
    /// A blank provider with one unscored row per active catalogue mode: Not assessed until
    /// someone scores it, never a 1 × 1 "Low" nobody chose.
    pub fn blank(catalogue: &[FailureMode]) -> ProviderDraft {
        ProviderDraft {
            profile: Profile {
                name: String::new(),
                category: Category::Other,
                value_provided: String::new(),
                owner: String::new(),
                tier: 3,
                status: Status::Active,
                fourth_party: false,
                annual_spend: None,
                currency: "USD".into(),
                renewal_date: None,
                notice_period_days: None,
                data_held: DataHeld::None,
                website: String::new(),
                status_page: String::new(),
                notes: String::new(),
            },
            risk: RiskProfile {
                scenarios: catalogue
                    .iter()
                    .filter(|m| !m.retired)
                    .map(|m| Scenario { mode_id: Some(m.id), mode: m.name.clone(), likelihood: None, impact: None, note: String::new() })
                    .collect(),
                lock_in: LockIn { level: 1, reasons: String::new() },
                alternatives: Vec::new(),
                replacement: Replacement { effort: 1, person_weeks: None, emergency_switch_hours: None },
                exit: ExitPlan { strategy: ExitStrategy::Accept, plan: String::new(), last_rehearsed: None },
            },
        }
    }
}
