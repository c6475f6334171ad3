//! The failure-mode catalogue over time: names checked before they are stored, and a provider's
//! current values brought up to date with the catalogue when it is next assessed. Snapshots are
//! never rewritten, so each keeps the mode names it was scored with.

use super::ids::FailureModeId;
use super::provider::{FailureMode, RiskProfile};
use super::text::fold;
use super::validation::{ValidationErrors, MAX_NAME_LEN, MAX_TEXT_LEN};

/// Checks a new or renamed catalogue entry against the others (`except` being the entry renamed).
/// Retired names stay taken: a retired mode's history would otherwise be confused with a new one.
pub fn validate_mode(
    name: &str,
    description: &str,
    catalogue: &[FailureMode],
    except: Option<FailureModeId>,
) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    let trimmed = name.trim();
    if trimmed.is_empty() {
        e.add("failure_mode.name", "A failure mode needs a name.");
    } else if trimmed.chars().count() > MAX_NAME_LEN {
        e.add("failure_mode.name", format!("Name is longer than {MAX_NAME_LEN} characters."));
    } else if let Some(clash) = catalogue.iter().find(|m| Some(m.id) != except && fold(&m.name) == fold(trimmed)) {
        let retired = if clash.retired { " (retired)" } else { "" };
        e.add("failure_mode.name", format!("The catalogue already has \"{}\"{retired}.", clash.name));
    }
    if description.chars().count() > MAX_TEXT_LEN {
        e.add("failure_mode.description", format!("Description is longer than {MAX_TEXT_LEN} characters."));
    }
    e.into_result()
}

/// The values a new assessment starts from: catalogue entries carry their current name, and
/// scenarios of retired entries are left out (their names are returned, so the screen can say
/// so). Custom, provider-only scenarios are kept as they are.
pub fn current_assessment(risk: &RiskProfile, catalogue: &[FailureMode]) -> (RiskProfile, Vec<String>) {
    let mut current = risk.clone();
    let mut dropped = Vec::new();
    current.scenarios.retain_mut(|s| {
        let Some(entry) = s.mode_id.and_then(|id| catalogue.iter().find(|m| m.id == id)) else { return true };
        if entry.retired {
            dropped.push(s.mode.clone());
            return false;
        }
        s.mode = entry.name.clone();
        true
    });
    (current, dropped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider::ProviderDraft;

    fn catalogue() -> Vec<FailureMode> {
        ["Outage", "Degradation", "Account suspension"]
            .iter()
            .enumerate()
            .map(|(i, n)| FailureMode { id: FailureModeId(i as i64 + 1), name: n.to_string(), description: String::new(), retired: false })
            .collect()
    }

    #[test]
    fn names_must_be_present_and_unique_even_against_retired_modes() {
        let mut c = catalogue();
        c[2].retired = true;
        assert_eq!(validate_mode("Vendor lock", "", &c, None), Ok(()));
        let err = validate_mode(" account  SUSPENSION", "", &c, None).unwrap_err();
        assert_eq!(err.errors[0].field, "failure_mode.name");
        assert_eq!(err.errors[0].message, "The catalogue already has \"Account suspension\" (retired).");
        assert!(validate_mode("", "", &c, None).is_err());
        // Renaming an entry to a new spelling of its own name is fine.
        assert_eq!(validate_mode("OUTAGE", "", &c, Some(FailureModeId(1))), Ok(()));
    }

    #[test]
    fn a_new_assessment_takes_renames_and_drops_retired_modes() {
        let mut c = catalogue();
        let mut risk = ProviderDraft::blank(&c).risk;
        risk.scenarios.push(crate::domain::provider::Scenario {
            mode_id: None,
            mode: "Custom".into(),
            likelihood: Some(2),
            impact: Some(2),
            note: String::new(),
        });
        c[0].name = "Full outage".into();
        c[2].retired = true;
        let (current, dropped) = current_assessment(&risk, &c);
        let modes: Vec<&str> = current.scenarios.iter().map(|s| s.mode.as_str()).collect();
        assert_eq!(modes, vec!["Full outage", "Degradation", "Custom"]);
        assert_eq!(dropped, vec!["Account suspension"]);
        // The source is untouched: history keeps the old name.
        assert_eq!(risk.scenarios[0].mode, "Outage");
    }
}
