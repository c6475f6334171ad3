//! The default scoring of docs/PRODUCT.md, with the breakdown that explains every figure.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::provider::{Readiness, RiskProfile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Low, Level::Medium, Level::High, Level::Critical];

    /// Low < 5 ≤ Medium < 10 ≤ High < 20 ≤ Critical, for any 1–25 figure.
    pub fn of(figure: f64) -> Level {
        if figure >= 20.0 {
            Level::Critical
        } else if figure >= 10.0 {
            Level::High
        } else if figure >= 5.0 {
            Level::Medium
        } else {
            Level::Low
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Low => "Low",
            Level::Medium => "Medium",
            Level::High => "High",
            Level::Critical => "Critical",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.label().eq_ignore_ascii_case(text.trim()))
    }

    /// The label of a level that may be missing: an unscored figure reads "Not assessed", never
    /// a level nobody chose.
    pub fn label_of(level: Option<Level>) -> &'static str {
        level.map_or(NOT_ASSESSED, Level::label)
    }
}

/// What screens, the PDF and the CSV say where a provider or failure mode has no score yet.
pub const NOT_ASSESSED: &str = "Not assessed";

/// Likelihood × impact, 1–25 for valid input; saturates rather than panics on values that
/// validation has not yet refused (the form previews scores as the user types).
pub fn scenario_score(likelihood: u8, impact: u8) -> u8 {
    likelihood.saturating_mul(impact)
}

/// How a provider's scores come about, in the terms shown on screen and in the PDF. The inherent
/// risk, the exposure and their levels are `None` together: the provider is Not assessed until
/// at least one failure mode has both a likelihood and an impact.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Scores {
    /// Highest score of the scored failure modes.
    pub inherent: Option<u8>,
    pub inherent_level: Option<Level>,
    /// The failure modes that reach the inherent score.
    pub drivers: Vec<String>,
    pub lock_in: u8,
    pub replacement_effort: u8,
    /// round(mean(lock-in, replacement effort)), before any alternative is counted.
    pub escape_before_alternatives: u8,
    /// Steps taken off for the best alternative: 1 if contracted, 2 if live.
    pub alternative_reduction: u8,
    pub best_alternative: Option<String>,
    pub best_readiness: Option<Readiness>,
    pub escape_difficulty: u8,
    /// inherent × escape difficulty / 5, 0.2–25.
    pub exposure: Option<f64>,
    pub exposure_level: Option<Level>,
}

pub fn score(risk: &RiskProfile) -> Scores {
    let inherent = risk.scenarios.iter().filter_map(|s| s.score()).max();
    let drivers = risk.scenarios.iter().filter(|s| inherent.is_some() && s.score() == inherent).map(|s| s.mode.clone()).collect();

    let lock_in = risk.lock_in.level;
    let effort = risk.replacement.effort;
    // Mean of two integers is a whole or a half; halves round up (away from zero).
    let escape_before_alternatives = ((lock_in as f64 + effort as f64) / 2.0).round() as u8;
    let best = risk.alternatives.iter().max_by_key(|a| a.readiness);
    let best_readiness = best.map(|a| a.readiness);
    let alternative_reduction = match best_readiness {
        Some(Readiness::Live) => 2,
        Some(Readiness::Contracted) => 1,
        _ => 0,
    };
    let escape_difficulty = escape_before_alternatives.saturating_sub(alternative_reduction).max(1);
    let exposure = inherent.map(|inherent| round1(inherent as f64 * escape_difficulty as f64 / 5.0));

    Scores {
        inherent,
        inherent_level: inherent.map(|inherent| Level::of(inherent as f64)),
        drivers,
        lock_in,
        replacement_effort: effort,
        escape_before_alternatives,
        alternative_reduction,
        best_alternative: best.map(|a| a.name.clone()),
        best_readiness,
        escape_difficulty,
        exposure,
        exposure_level: exposure.map(Level::of),
    }
}

/// Exposure is a multiple of 0.2, so one decimal holds it exactly; rounding removes float noise.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl Scores {
    /// One sentence per step, for tooltips, the breakdown panel and the PDF.
    pub fn explanation(&self) -> Vec<String> {
        let mut lines = vec![match (self.inherent, self.inherent_level) {
            (Some(inherent), Some(level)) => {
                format!("Inherent risk {} ({}) is driven by {}.", inherent, level.label(), self.drivers.join(", "))
            }
            _ => format!("{NOT_ASSESSED}: no failure mode has been scored."),
        }];
        lines.push(format!(
            "Escape difficulty starts at {} = round(mean(lock-in {}, replacement effort {})).",
            self.escape_before_alternatives, self.lock_in, self.replacement_effort
        ));
        match (self.alternative_reduction, &self.best_alternative, self.best_readiness) {
            (0, _, _) => lines.push("No contracted or live alternative lowers it.".to_string()),
            (steps, Some(name), Some(readiness)) => lines.push(format!(
                "{} ({}) lowers it by {} step{} to {}.",
                name,
                readiness.label().to_lowercase(),
                steps,
                if steps == 1 { "" } else { "s" },
                self.escape_difficulty
            )),
            _ => {}
        }
        // Escape difficulty stands on its own; only the exposure needs an inherent risk.
        if let (Some(exposure), Some(level), Some(inherent)) = (self.exposure, self.exposure_level, self.inherent) {
            lines.push(format!("Exposure {:.1} ({}) = {} × {} / 5.", exposure, level.label(), inherent, self.escape_difficulty));
        } else {
            lines.push("No exposure until a failure mode is scored.".to_string());
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider::*;

    fn risk(scores: &[(u8, u8)], lock_in: u8, effort: u8, alts: &[Readiness]) -> RiskProfile {
        RiskProfile {
            scenarios: scores
                .iter()
                .enumerate()
                .map(|(i, &(l, im))| Scenario {
                    mode_id: None,
                    mode: format!("mode {i}"),
                    likelihood: Some(l),
                    impact: Some(im),
                    note: String::new(),
                })
                .collect(),
            lock_in: LockIn { level: lock_in, reasons: String::new() },
            alternatives: alts.iter().enumerate().map(|(i, &r)| Alternative { name: format!("alt {i}"), readiness: r }).collect(),
            replacement: Replacement { effort, person_weeks: None, emergency_switch_hours: None },
            exit: ExitPlan { strategy: ExitStrategy::Accept, plan: String::new(), last_rehearsed: None },
        }
    }

    #[test]
    fn scenario_score_is_likelihood_times_impact() {
        assert_eq!(scenario_score(1, 1), 1);
        assert_eq!(scenario_score(3, 4), 12);
        assert_eq!(scenario_score(5, 5), 25);
        // Out-of-range input from an unsaved form is refused by validation, never a crash.
        assert_eq!(scenario_score(16, 16), u8::MAX);
    }

    #[test]
    fn inherent_is_the_highest_scenario_and_names_its_drivers() {
        let s = score(&risk(&[(2, 3), (4, 4), (2, 5), (4, 4)], 3, 3, &[]));
        assert_eq!(s.inherent, Some(16));
        assert_eq!(s.drivers, vec!["mode 1", "mode 3"]);
        assert_eq!(s.inherent_level, Some(Level::High));
    }

    #[test]
    fn no_scenarios_is_not_assessed_and_says_so() {
        let s = score(&risk(&[], 1, 1, &[]));
        assert_eq!((s.inherent, s.inherent_level, s.exposure, s.exposure_level), (None, None, None, None));
        assert!(s.drivers.is_empty());
        assert_eq!(s.explanation()[0], "Not assessed: no failure mode has been scored.");
    }

    #[test]
    fn unscored_failure_modes_are_not_assessed_yet_escape_difficulty_still_shows() {
        let mut r = risk(&[(1, 1), (1, 1)], 4, 3, &[Readiness::Contracted]);
        for s in &mut r.scenarios {
            (s.likelihood, s.impact) = (None, None);
        }
        let s = score(&r);
        assert_eq!((s.inherent, s.exposure, s.exposure_level), (None, None, None));
        assert!(s.drivers.is_empty());
        assert_eq!(s.escape_difficulty, 3);
        let lines = s.explanation();
        assert_eq!(lines.first().map(String::as_str), Some("Not assessed: no failure mode has been scored."));
        assert_eq!(lines.last().map(String::as_str), Some("No exposure until a failure mode is scored."));
    }

    #[test]
    fn the_scored_failure_modes_drive_the_scores_when_others_are_unscored() {
        let mut r = risk(&[(5, 5), (2, 3)], 5, 5, &[]);
        (r.scenarios[0].likelihood, r.scenarios[0].impact) = (None, None);
        let s = score(&r);
        assert_eq!(s.inherent, Some(6));
        assert_eq!(s.drivers, vec!["mode 1"]);
        assert_eq!((s.exposure, s.exposure_level), (Some(6.0), Some(Level::Medium)));
    }

    #[test]
    fn escape_difficulty_rounds_the_mean_half_up() {
        assert_eq!(score(&risk(&[(1, 1)], 3, 4, &[])).escape_difficulty, 4);
        assert_eq!(score(&risk(&[(1, 1)], 1, 2, &[])).escape_difficulty, 2);
        assert_eq!(score(&risk(&[(1, 1)], 2, 2, &[])).escape_difficulty, 2);
        assert_eq!(score(&risk(&[(1, 1)], 5, 5, &[])).escape_difficulty, 5);
    }

    #[test]
    fn only_contracted_and_live_alternatives_lower_escape() {
        let base = |alts: &[Readiness]| score(&risk(&[(5, 5)], 4, 4, alts));
        assert_eq!(base(&[]).escape_difficulty, 4);
        assert_eq!(base(&[Readiness::NoneIdentified]).escape_difficulty, 4);
        assert_eq!(base(&[Readiness::Identified]).escape_difficulty, 4);
        assert_eq!(base(&[Readiness::Evaluated]).escape_difficulty, 4);
        assert_eq!(base(&[Readiness::Contracted]).escape_difficulty, 3);
        assert_eq!(base(&[Readiness::Live]).escape_difficulty, 2);
        // The best alternative counts, once.
        let both = base(&[Readiness::Contracted, Readiness::Live, Readiness::Identified]);
        assert_eq!(both.escape_difficulty, 2);
        assert_eq!(both.alternative_reduction, 2);
        assert_eq!(both.best_alternative.as_deref(), Some("alt 1"));
    }

    #[test]
    fn escape_difficulty_never_drops_below_one() {
        assert_eq!(score(&risk(&[(1, 1)], 1, 1, &[Readiness::Live])).escape_difficulty, 1);
        assert_eq!(score(&risk(&[(1, 1)], 2, 1, &[Readiness::Live])).escape_difficulty, 1);
        assert_eq!(score(&risk(&[(1, 1)], 1, 2, &[Readiness::Contracted])).escape_difficulty, 1);
    }

    #[test]
    fn exposure_spans_point_two_to_twenty_five() {
        assert_eq!(score(&risk(&[(1, 1)], 1, 1, &[])).exposure, Some(0.2));
        assert_eq!(score(&risk(&[(5, 5)], 5, 5, &[])).exposure, Some(25.0));
        assert_eq!(score(&risk(&[(4, 4)], 3, 4, &[])).exposure, Some(12.8));
        assert_eq!(score(&risk(&[(3, 3)], 3, 3, &[])).exposure, Some(5.4));
    }

    #[test]
    fn level_boundaries() {
        assert_eq!(Level::of(0.2), Level::Low);
        assert_eq!(Level::of(4.0), Level::Low);
        assert_eq!(Level::of(4.8), Level::Low);
        assert_eq!(Level::of(5.0), Level::Medium);
        assert_eq!(Level::of(9.6), Level::Medium);
        assert_eq!(Level::of(10.0), Level::High);
        assert_eq!(Level::of(19.2), Level::High);
        assert_eq!(Level::of(20.0), Level::Critical);
        assert_eq!(Level::of(25.0), Level::Critical);
    }

    #[test]
    fn exposure_level_uses_the_same_boundaries() {
        // 25 × 2 / 5 = 10: exactly the High boundary.
        let s = score(&risk(&[(5, 5)], 2, 2, &[]));
        assert_eq!(s.exposure, Some(10.0));
        assert_eq!(s.exposure_level, Some(Level::High));
        assert_eq!(s.inherent_level, Some(Level::Critical));
    }

    #[test]
    fn explanation_names_driver_and_what_lowered_escape() {
        let mut r = risk(&[(5, 4), (2, 2)], 4, 3, &[Readiness::Contracted]);
        r.scenarios[0].mode = "Outage".into();
        r.alternatives[0].name = "Adyen".into();
        let lines = score(&r).explanation();
        assert_eq!(lines[0], "Inherent risk 20 (Critical) is driven by Outage.");
        assert_eq!(lines[1], "Escape difficulty starts at 4 = round(mean(lock-in 4, replacement effort 3)).");
        assert_eq!(lines[2], "Adyen (contracted) lowers it by 1 step to 3.");
        assert_eq!(lines[3], "Exposure 12.0 (High) = 20 × 3 / 5.");
    }
}
