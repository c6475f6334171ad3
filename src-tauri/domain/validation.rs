//! Field-by-field validation of a provider draft. Nothing invalid is ever saved.

use serde::Serialize;
use ts_rs::TS;

use super::provider::{Profile, ProviderDraft, RiskProfile, Scenario};

/// One problem with one field, `field` being a path such as `risk.scenarios.2.likelihood`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, TS)]
#[ts(export)]
pub struct ValidationErrors {
    pub errors: Vec<FieldError>,
}

impl ValidationErrors {
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(FieldError { field: field.into(), message: message.into() });
    }

    pub fn single(field: impl Into<String>, message: impl Into<String>) -> Self {
        let mut e = Self::default();
        e.add(field, message);
        e
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.errors.iter().map(|e| format!("{}: {}", e.field, e.message)).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}

pub const MAX_NAME_LEN: usize = 200;
pub const MAX_TEXT_LEN: usize = 20_000;

/// What the form and the import say of a half-scored failure mode, at the missing half.
pub const IMPACT_NEEDED: &str = "Impact is needed once a likelihood is set (or clear both).";
pub const LIKELIHOOD_NEEDED: &str = "Likelihood is needed once an impact is set (or clear both).";

/// A three-letter currency code such as USD or EUR, in either case.
pub fn is_currency_code(text: &str) -> bool {
    text.len() == 3 && text.chars().all(|c| c.is_ascii_alphabetic())
}

fn check_level(errors: &mut ValidationErrors, field: &str, what: &str, value: u8, max: u8) {
    if !(1..=max).contains(&value) {
        errors.add(field, format!("{what} must be between 1 and {max}, not {value}."));
    }
}

fn check_text(errors: &mut ValidationErrors, field: &str, what: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.add(field, format!("{what} is longer than {max} characters."));
    }
}

/// Checks a draft on its own; name uniqueness is checked by storage, which knows the register.
pub fn validate(draft: &ProviderDraft) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    check_profile(&mut e, &draft.profile);
    check_risk(&mut e, &draft.risk);
    e.into_result()
}

/// Checks an assessment on its own, as a review records it.
pub fn validate_risk(risk: &RiskProfile) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    check_risk(&mut e, risk);
    e.into_result()
}

fn check_profile(e: &mut ValidationErrors, p: &Profile) {
    if p.name.trim().is_empty() {
        e.add("profile.name", "Name is required.");
    }
    check_text(e, "profile.name", "Name", &p.name, MAX_NAME_LEN);
    check_level(e, "profile.tier", "Tier", p.tier, 4);
    if let Some(spend) = p.annual_spend {
        if !spend.is_finite() || spend < 0.0 {
            e.add("profile.annual_spend", "Annual spend cannot be negative.");
        }
    }
    if p.fourth_party {
        check_no_contract(e, p);
    }
    let currency = p.currency.trim();
    if !currency.is_empty() && !is_currency_code(currency) {
        e.add("profile.currency", "Currency must be a three-letter code such as USD or EUR.");
    }
    for (field, what, value) in [
        ("profile.value_provided", "Value provided", &p.value_provided),
        ("profile.owner", "Owner", &p.owner),
        ("profile.website", "Website", &p.website),
        ("profile.status_page", "Status page", &p.status_page),
        ("profile.notes", "Notes", &p.notes),
    ] {
        check_text(e, field, what, value, MAX_TEXT_LEN);
    }
}

/// A fourth party is registered for what runs on it, not for a contract: contract figures on one
/// would be counted in spend and renewals that are not ours.
fn check_no_contract(e: &mut ValidationErrors, p: &Profile) {
    for (field, what, set) in [
        ("profile.annual_spend", "annual spend", p.annual_spend.is_some()),
        ("profile.renewal_date", "renewal date", p.renewal_date.is_some()),
        ("profile.notice_period_days", "notice period", p.notice_period_days.is_some()),
    ] {
        if set {
            e.add(field, format!("A fourth party has no contract with us: leave {what} empty."));
        }
    }
}

/// A failure mode is scored with both a likelihood and an impact, or left unscored with
/// neither; half a score would make a figure nobody chose.
fn check_scenario_score(e: &mut ValidationErrors, at: &str, s: &Scenario) {
    match (s.likelihood, s.impact) {
        (Some(likelihood), Some(impact)) => {
            check_level(e, &format!("{at}.likelihood"), "Likelihood", likelihood, 5);
            check_level(e, &format!("{at}.impact"), "Impact", impact, 5);
        }
        (Some(_), None) => e.add(format!("{at}.impact"), IMPACT_NEEDED),
        (None, Some(_)) => e.add(format!("{at}.likelihood"), LIKELIHOOD_NEEDED),
        (None, None) => {}
    }
}

fn check_risk(e: &mut ValidationErrors, r: &RiskProfile) {
    let mut seen = std::collections::HashSet::new();
    for (i, s) in r.scenarios.iter().enumerate() {
        let at = format!("risk.scenarios.{i}");
        if s.mode.trim().is_empty() {
            e.add(format!("{at}.mode"), "Failure mode needs a name.");
        } else if !seen.insert(super::text::fold(&s.mode)) {
            e.add(format!("{at}.mode"), format!("Failure mode \"{}\" is listed twice.", s.mode.trim()));
        }
        check_scenario_score(e, &at, s);
        check_text(e, &format!("{at}.note"), "Note", &s.note, MAX_TEXT_LEN);
    }
    check_level(e, "risk.lock_in.level", "Lock-in", r.lock_in.level, 5);
    check_level(e, "risk.replacement.effort", "Replacement effort", r.replacement.effort, 5);
    if let Some(weeks) = r.replacement.person_weeks {
        if !weeks.is_finite() || weeks < 0.0 {
            e.add("risk.replacement.person_weeks", "Person-weeks cannot be negative.");
        }
    }
    for (i, a) in r.alternatives.iter().enumerate() {
        if a.name.trim().is_empty() {
            e.add(format!("risk.alternatives.{i}.name"), "Alternative needs a name.");
        }
    }
    check_text(e, "risk.exit.plan", "Exit plan", &r.exit.plan, MAX_TEXT_LEN);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider::*;

    fn valid() -> ProviderDraft {
        let catalogue: Vec<FailureMode> = DEFAULT_FAILURE_MODES
            .iter()
            .enumerate()
            .map(|(i, (n, d))| FailureMode {
                id: crate::domain::ids::FailureModeId(i as i64 + 1),
                name: n.to_string(),
                description: d.to_string(),
                retired: false,
            })
            .collect();
        let mut d = ProviderDraft::blank(&catalogue);
        d.profile.name = "Stripe".into();
        d
    }

    fn fields(d: &ProviderDraft) -> Vec<String> {
        validate(d).unwrap_err().errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_blank_provider_with_a_name_is_valid() {
        assert_eq!(validate(&valid()), Ok(()));
    }

    #[test]
    fn empty_name_is_refused() {
        let mut d = valid();
        d.profile.name = "   ".into();
        assert_eq!(fields(&d), vec!["profile.name"]);
    }

    #[test]
    fn a_blank_provider_starts_unscored() {
        assert!(valid().risk.scenarios.iter().all(|s| s.likelihood.is_none() && s.impact.is_none()));
    }

    #[test]
    fn half_a_score_names_the_missing_half() {
        let mut d = valid();
        d.risk.scenarios[2].impact = Some(4);
        d.risk.scenarios[4].likelihood = Some(2);
        assert_eq!(fields(&d), vec!["risk.scenarios.2.likelihood", "risk.scenarios.4.impact"]);
        let errors = validate(&d).unwrap_err().errors;
        assert_eq!(errors[0].message, "Likelihood is needed once an impact is set (or clear both).");
        assert_eq!(errors[1].message, "Impact is needed once a likelihood is set (or clear both).");
    }

    #[test]
    fn scores_outside_one_to_five_name_their_row() {
        let mut d = valid();
        for s in &mut d.risk.scenarios {
            (s.likelihood, s.impact) = (Some(3), Some(3));
        }
        d.risk.scenarios[2].likelihood = Some(6);
        d.risk.scenarios[3].impact = Some(0);
        d.risk.lock_in.level = 9;
        assert_eq!(fields(&d), vec!["risk.scenarios.2.likelihood", "risk.scenarios.3.impact", "risk.lock_in.level"]);
        let msg = &validate(&d).unwrap_err().errors[0].message;
        assert_eq!(msg, "Likelihood must be between 1 and 5, not 6.");
    }

    #[test]
    fn negative_spend_and_weeks_are_refused() {
        let mut d = valid();
        d.profile.annual_spend = Some(-1.0);
        d.risk.replacement.person_weeks = Some(f64::NAN);
        assert_eq!(fields(&d), vec!["profile.annual_spend", "risk.replacement.person_weeks"]);
    }

    #[test]
    fn a_fourth_party_has_no_contract_fields() {
        let mut d = valid();
        d.profile.fourth_party = true;
        assert_eq!(validate(&d), Ok(()));
        d.profile.annual_spend = Some(0.0);
        d.profile.renewal_date = chrono::NaiveDate::from_ymd_opt(2027, 1, 1);
        d.profile.notice_period_days = Some(30);
        assert_eq!(fields(&d), vec!["profile.annual_spend", "profile.renewal_date", "profile.notice_period_days"]);
        assert_eq!(validate(&d).unwrap_err().errors[1].message, "A fourth party has no contract with us: leave renewal date empty.");
        d.profile.fourth_party = false;
        assert_eq!(validate(&d), Ok(()));
    }

    #[test]
    fn duplicate_failure_modes_and_bad_currency_are_refused() {
        let mut d = valid();
        d.risk.scenarios[1].mode = "outage".into();
        d.profile.currency = "dollars".into();
        d.profile.tier = 5;
        assert_eq!(fields(&d), vec!["profile.tier", "profile.currency", "risk.scenarios.1.mode"]);
    }
}
