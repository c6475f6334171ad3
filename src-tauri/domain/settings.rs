//! What the settings screen may save: an organisation name for the PDF and a review cadence.

use super::cadence::Cadence;
use super::validation::{ValidationErrors, MAX_NAME_LEN};

/// Ten years: anything longer is a typo, and would never flag a provider as due.
pub const MAX_CADENCE_DAYS: u32 = 3650;

pub fn validate_settings(organisation: &str, cadence: &Cadence) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    if organisation.chars().count() > MAX_NAME_LEN {
        e.add("settings.organisation", format!("Organisation is longer than {MAX_NAME_LEN} characters."));
    }
    for (field, level, days) in [
        ("settings.cadence.critical", "Critical", cadence.critical),
        ("settings.cadence.high", "High", cadence.high),
        ("settings.cadence.medium", "Medium", cadence.medium),
        ("settings.cadence.low", "Low", cadence.low),
    ] {
        if !(1..=MAX_CADENCE_DAYS).contains(&days) {
            e.add(field, format!("{level} providers need a review interval between 1 and {MAX_CADENCE_DAYS} days, not {days}."));
        }
    }
    e.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadence_days_must_be_sensible_and_name_their_level() {
        assert_eq!(validate_settings("Acme", &Cadence::default()), Ok(()));
        let bad = Cadence { critical: 0, high: 180, medium: 365, low: 4000 };
        let err = validate_settings("Acme", &bad).unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["settings.cadence.critical", "settings.cadence.low"]);
        assert_eq!(err.errors[0].message, "Critical providers need a review interval between 1 and 3650 days, not 0.");
    }
}
