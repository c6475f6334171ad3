//! What the settings screen may save: an organisation name for the PDF, the register's currency,
//! a review cadence and a drill cadence.

use super::cadence::Cadence;
use super::evidence::readiness::DrillCadence;
use super::scoring::Level;
use super::validation::{is_currency_code, ValidationErrors, MAX_NAME_LEN};

/// Ten years: anything longer is a typo, and would never flag a provider as due.
pub const MAX_CADENCE_DAYS: u32 = 3650;

/// Critical first, as the settings screen lists them.
const LEVELS: [Level; 4] = [Level::Critical, Level::High, Level::Medium, Level::Low];

/// The field name of one level's interval, `settings.<setting>.critical` and so on.
fn field(setting: &str, level: Level) -> String {
    format!("settings.{setting}.{}", level.label().to_lowercase())
}

pub fn validate_settings(
    organisation: &str,
    currency: &str,
    cadence: &Cadence,
    drill_cadence: &DrillCadence,
) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    if organisation.chars().count() > MAX_NAME_LEN {
        e.add("settings.organisation", format!("Organisation is longer than {MAX_NAME_LEN} characters."));
    }
    // Unlike a provider's, the register's currency is never empty: services' costs are summed in it.
    if !is_currency_code(currency.trim()) {
        e.add("settings.currency", format!("Currency must be a three-letter code such as USD or EUR, not \"{}\".", currency.trim()));
    }
    let sensible = |days: u32| (1..=MAX_CADENCE_DAYS).contains(&days);
    for level in LEVELS {
        let days = cadence.days(level);
        if !sensible(days) {
            e.add(
                field("cadence", level),
                format!("{} providers need a review interval between 1 and {MAX_CADENCE_DAYS} days, not {days}.", level.label()),
            );
        }
    }
    // A level may expect no drills at all (no interval); one that does needs a sensible one.
    for level in LEVELS {
        if let Some(days) = drill_cadence.days(level).filter(|&days| !sensible(days)) {
            e.add(
                field("drill_cadence", level),
                format!(
                    "{} providers need a drill interval between 1 and {MAX_CADENCE_DAYS} days, not {days} (leave it empty for no drills).",
                    level.label()
                ),
            );
        }
    }
    e.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadence_days_must_be_sensible_and_name_their_level() {
        assert_eq!(validate_settings("Acme", "USD", &Cadence::default(), &DrillCadence::default()), Ok(()));
        let bad = Cadence { critical: 0, high: 180, medium: 365, low: 4000 };
        let err = validate_settings("Acme", "USD", &bad, &DrillCadence::default()).unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["settings.cadence.critical", "settings.cadence.low"]);
        assert_eq!(err.errors[0].message, "Critical providers need a review interval between 1 and 3650 days, not 0.");
    }

    #[test]
    fn the_currency_is_a_three_letter_code() {
        assert_eq!(validate_settings("Acme", "eur", &Cadence::default(), &DrillCadence::default()), Ok(()));
        for bad in ["", "dollars", "U$D"] {
            let err = validate_settings("Acme", bad, &Cadence::default(), &DrillCadence::default()).unwrap_err();
            assert_eq!(err.errors[0].field, "settings.currency");
            assert_eq!(err.errors[0].message, format!("Currency must be a three-letter code such as USD or EUR, not \"{bad}\"."));
        }
    }

    #[test]
    fn drill_intervals_may_be_empty_but_not_zero_or_absurd() {
        let none = DrillCadence { critical: None, high: None, medium: None, low: None };
        assert_eq!(validate_settings("Acme", "USD", &Cadence::default(), &none), Ok(()));
        let bad = DrillCadence { critical: Some(0), high: Some(365), medium: Some(3651), low: None };
        let err = validate_settings("Acme", "USD", &Cadence::default(), &bad).unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["settings.drill_cadence.critical", "settings.drill_cadence.medium"]);
        assert_eq!(
            err.errors[1].message,
            "Medium providers need a drill interval between 1 and 3650 days, not 3651 (leave it empty for no drills)."
        );
    }
}
