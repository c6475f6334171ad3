//! What the simulation reads, per provider and failure mode: a frequency range and a
//! loss-per-event range, each with where it came from, whether it rests on a default, and the
//! user's override of either end with its note.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::range::Range;
use crate::domain::ids::ProviderId;
use crate::domain::provider::DEFAULT_FAILURE_MODES;
use crate::domain::text::fold;
use crate::domain::validation::{is_currency_code, ValidationErrors, MAX_TEXT_LEN};

/// How a failure mode's loss is priced (PRODUCT.md, "Money at risk"). The seven catalogue modes
/// are recognised by name; a mode added to one provider only is priced by the user or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum LossKind {
    Outage,
    Degradation,
    PriceIncrease,
    ProviderFailure,
    PrivacyOrCompliance,
    AccountSuspension,
    UnilateralChange,
    Other,
}

impl LossKind {
    /// In the order of [`DEFAULT_FAILURE_MODES`].
    const CATALOGUE: [LossKind; 7] = [
        LossKind::Outage,
        LossKind::Degradation,
        LossKind::PriceIncrease,
        LossKind::ProviderFailure,
        LossKind::PrivacyOrCompliance,
        LossKind::AccountSuspension,
        LossKind::UnilateralChange,
    ];

    /// The kind of the catalogue mode called `mode` (ignoring case and spacing), else `Other`.
    pub fn of(mode: &str) -> LossKind {
        let wanted = fold(mode);
        DEFAULT_FAILURE_MODES
            .iter()
            .zip(LossKind::CATALOGUE)
            .find(|((name, _), _)| fold(name) == wanted)
            .map_or(LossKind::Other, |(_, k)| k)
    }
}

/// Where a range came from, with the figures it was worked out from so the breakdown can show
/// the sum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneySource")]
#[serde(tag = "source", rename_all = "snake_case")]
pub enum Source {
    /// The band of the user's likelihood score (1–5), read as the band's range of events a year.
    LikelihoodBand { likelihood: u8 },
    /// Incidents recorded in the observation window.
    Evidence { incidents: u32, years: f64 },
    /// Duration × the cost per hour of the blast radius, plus the fixed response cost.
    BlastRadius {
        cost_per_hour: f64,
        hours: Range,
        /// Hours from past incidents' time to recover (else the default 1–8 h).
        hours_from_incidents: bool,
        /// The emergency switch time that caps the duration, where a contracted or live
        /// alternative exists.
        capped_by_switch: Option<f64>,
        fixed_response_cost: f64,
    },
    /// Annual spend × the expected rise, capped by the replacement cost.
    SpendRise { spend: f64, rise: Range, cap: Option<f64> },
    /// Person-weeks × the weekly cost of a person, plus the outage cost of the emergency switch.
    Replacement {
        person_weeks: f64,
        weekly_cost: f64,
        /// Hours of downtime during the switch: the switch time, else the default outage duration.
        switch_hours: Range,
        switch_hours_known: bool,
        outage_cost_per_hour: f64,
    },
    /// Typed by the user.
    User { note: String },
}

/// A range and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneySourced")]
pub struct Sourced {
    pub range: Range,
    pub source: Source,
    /// The range rests on an assumption of ours (a band's range, 1–8 hours, a 20–60 % rise)
    /// rather than on the register's evidence or the user's own figures: a guess to improve.
    pub default: bool,
}

/// The user's figure for one or both ends of a range, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyInputOverride")]
pub struct Override {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub note: String,
}

/// A default range, or why there is none ("not priced, said so").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyDerived")]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Derived {
    Priced(Sourced),
    NotPriced(NotPriced),
}

/// One of the two ranges of a failure mode: the default worked out from the register (or why
/// there is none), and the user's override on top.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyInput")]
pub struct Input {
    pub derived: Derived,
    pub overridden: Option<Override>,
}

/// What the simulation made of an input, as the breakdown shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyResolution")]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Resolution {
    Priced(Resolved),
    NotPriced(NotPriced),
}

/// The range the simulation uses, as the breakdown shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyResolved")]
pub struct Resolved {
    pub range: Range,
    /// Where the default came from; `User` when the user gave both ends of a mode without one.
    pub source: Source,
    /// Some end still rests on a default.
    pub default: bool,
    pub override_note: Option<String>,
}

/// Why a failure mode is left out of the money figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyNotPriced")]
pub struct NotPriced {
    pub reason: String,
}

impl Input {
    pub fn derived(sourced: Sourced) -> Input {
        Input { derived: Derived::Priced(sourced), overridden: None }
    }

    pub fn missing(reason: impl Into<String>) -> Input {
        Input { derived: Derived::NotPriced(NotPriced { reason: reason.into() }), overridden: None }
    }

    /// [`Input::resolve`] as the breakdown carries it.
    pub fn resolution(&self) -> Resolution {
        match self.resolve() {
            Ok(resolved) => Resolution::Priced(resolved),
            Err(not_priced) => Resolution::NotPriced(not_priced),
        }
    }

    /// The default with the override's ends on top. A mode without a default is priced once the
    /// user gives both ends; given one end only, it stays not priced and says which end is missing.
    pub fn resolve(&self) -> Result<Resolved, NotPriced> {
        let user = self.overridden.as_ref();
        let note = user.map(|o| o.note.clone());
        match (&self.derived, user) {
            (Derived::Priced(d), user) => {
                let low = user.and_then(|o| o.low);
                let high = user.and_then(|o| o.high);
                let range = Range { low: low.unwrap_or(d.range.low), high: high.unwrap_or(d.range.high) };
                let default = d.default && (low.is_none() || high.is_none());
                Ok(Resolved { range, source: d.source.clone(), default, override_note: note })
            }
            (Derived::NotPriced(_), Some(Override { low: Some(low), high: Some(high), note })) => Ok(Resolved {
                range: Range { low: *low, high: *high },
                source: Source::User { note: note.clone() },
                default: false,
                override_note: Some(note.clone()),
            }),
            (Derived::NotPriced(n), Some(_)) => Err(NotPriced { reason: format!("{} Give both ends of the range to price it.", n.reason) }),
            (Derived::NotPriced(n), None) => Err(n.clone()),
        }
    }
}

/// What the user may override: the field path's last part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyInputField")]
#[serde(rename_all = "snake_case")]
pub enum InputField {
    Frequency,
    LossPerEvent,
}

impl InputField {
    pub fn key(self) -> &'static str {
        match self {
            InputField::Frequency => "frequency",
            InputField::LossPerEvent => "loss_per_event",
        }
    }
}

/// One failure mode of one provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyModeInputs")]
pub struct ModeInputs {
    pub mode: String,
    pub kind: LossKind,
    /// Events a year.
    pub frequency: Input,
    /// In the register's currency.
    pub loss_per_event: Input,
}

impl ModeInputs {
    pub fn input(&self, field: InputField) -> &Input {
        match field {
            InputField::Frequency => &self.frequency,
            InputField::LossPerEvent => &self.loss_per_event,
        }
    }

    fn input_mut(&mut self, field: InputField) -> &mut Input {
        match field {
            InputField::Frequency => &mut self.frequency,
            InputField::LossPerEvent => &mut self.loss_per_event,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export, rename = "MoneyProviderInputs")]
pub struct ProviderInputs {
    pub provider_id: ProviderId,
    pub name: String,
    pub fourth_party: bool,
    pub modes: Vec<ModeInputs>,
}

/// A user's override as storage will keep it: which provider, mode and range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoneyOverride {
    pub provider_id: ProviderId,
    pub mode: String,
    pub field: InputField,
    #[serde(flatten)]
    pub values: Override,
}

/// The register's money settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoneySettings {
    pub currency: String,
    /// What a week of one person's replacement work costs.
    pub weekly_person_cost: f64,
    /// What responding to one outage or degradation costs on top of its downtime.
    pub fixed_response_cost: f64,
    pub simulated_years: u32,
    #[ts(type = "number")]
    pub seed: u64,
}

/// The register's own money assumptions, as Settings keeps and shows them; with the register's
/// currency they make the [`MoneySettings`] a run reads. The seed is not among them: it is the
/// same for every register, so that the same register gives the same figures anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MoneyAssumptions {
    pub weekly_person_cost: f64,
    pub fixed_response_cost: f64,
    pub simulated_years: u32,
}

impl Default for MoneyAssumptions {
    fn default() -> Self {
        let d = MoneySettings::default();
        MoneyAssumptions {
            weekly_person_cost: d.weekly_person_cost,
            fixed_response_cost: d.fixed_response_cost,
            simulated_years: d.simulated_years,
        }
    }
}

impl MoneySettings {
    pub fn of(currency: &str, a: &MoneyAssumptions) -> MoneySettings {
        MoneySettings {
            currency: currency.to_string(),
            weekly_person_cost: a.weekly_person_cost,
            fixed_response_cost: a.fixed_response_cost,
            simulated_years: a.simulated_years,
            ..MoneySettings::default()
        }
    }
}

/// Enough years for a stable 1-in-100 (200 years beyond it), few enough to take well under a
/// second for a large register.
pub const DEFAULT_SIMULATED_YEARS: u32 = 20_000;
/// More than this is a typo, and a long wait.
pub const MAX_SIMULATED_YEARS: u32 = 1_000_000;

impl Default for MoneySettings {
    fn default() -> Self {
        MoneySettings {
            currency: "USD".into(),
            weekly_person_cost: 4_000.0,
            fixed_response_cost: 2_000.0,
            simulated_years: DEFAULT_SIMULATED_YEARS,
            seed: 0x11FE_B0A7,
        }
    }
}

pub fn validate_money_settings(s: &MoneySettings) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    if !is_currency_code(s.currency.trim()) {
        e.add("settings.money.currency", "Currency must be a three-letter code such as USD or EUR.");
    }
    for (field, what, value) in [
        ("settings.money.weekly_person_cost", "The weekly cost of a person", s.weekly_person_cost),
        ("settings.money.fixed_response_cost", "The fixed response cost", s.fixed_response_cost),
    ] {
        if !value.is_finite() || value < 0.0 {
            e.add(field, format!("{what} cannot be negative."));
        }
    }
    if !(100..=MAX_SIMULATED_YEARS).contains(&s.simulated_years) {
        e.add("settings.money.simulated_years", format!("Simulate between 100 and {MAX_SIMULATED_YEARS} years."));
    }
    e.into_result()
}

/// The field path of one input: `money.<provider id>.<mode>.<frequency|loss_per_event>`.
pub fn field_path(provider_id: ProviderId, mode: &str, field: InputField) -> String {
    format!("money.{provider_id}.{mode}.{}", field.key())
}

/// Puts each override on its input; refuses an override of nothing, of a mode or provider the
/// inputs do not hold, a note longer than the limit, or ends that do not make a range.
pub fn apply_overrides(inputs: &mut [ProviderInputs], overrides: &[MoneyOverride]) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    for o in overrides {
        let path = field_path(o.provider_id, &o.mode, o.field);
        let Some(mode) = inputs
            .iter_mut()
            .filter(|p| p.provider_id == o.provider_id)
            .flat_map(|p| p.modes.iter_mut())
            .find(|m| fold(&m.mode) == fold(&o.mode))
        else {
            e.add(path, "No such provider and failure mode in the register.");
            continue;
        };
        if o.values.low.is_none() && o.values.high.is_none() {
            e.add(path, "An override gives the low end, the high end or both.");
            continue;
        }
        if o.values.note.chars().count() > MAX_TEXT_LEN {
            e.add(format!("{path}.note"), format!("Note is longer than {MAX_TEXT_LEN} characters."));
            continue;
        }
        let input = mode.input_mut(o.field);
        input.overridden = Some(o.values.clone());
        if let Ok(resolved) = input.resolve() {
            if let Err(bad) = Range::checked(&path, resolved.range.low, resolved.range.high) {
                e.errors.extend(bad.errors);
            }
        }
    }
    e.into_result()
}

/// Puts the register's stored overrides on its inputs as a run reads them. An override of a
/// mode the provider no longer has (renamed or retired since) or of a provider not in the run is
/// left out; one whose end no longer makes a range with the default's other end (the default
/// moved since it was typed) leaves its mode not priced, saying which ends to give, rather than
/// stopping every figure of the register.
pub fn apply_stored_overrides(inputs: &mut [ProviderInputs], overrides: &[MoneyOverride]) {
    for o in overrides {
        let Some(mode) = inputs
            .iter_mut()
            .filter(|p| p.provider_id == o.provider_id)
            .flat_map(|p| p.modes.iter_mut())
            .find(|m| fold(&m.mode) == fold(&o.mode))
        else {
            continue;
        };
        let input = mode.input_mut(o.field);
        input.overridden = Some(o.values.clone());
        if let Ok(resolved) = input.resolve() {
            if Range::checked("", resolved.range.low, resolved.range.high).is_err() {
                input.derived = Derived::NotPriced(NotPriced {
                    reason: format!(
                        "Your figure and the default's other end ({}–{}) do not make a range any more.",
                        resolved.range.low, resolved.range.high
                    ),
                });
            }
        }
    }
}
