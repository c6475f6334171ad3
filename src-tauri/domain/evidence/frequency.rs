//! How often a provider really failed, per failure mode, and the likelihood that suggests.
//!
//! The rate is counted over an observation window: the last 24 months by default, but never from
//! before the provider was added (a provider recorded last month has one month of evidence, not
//! two years of silence). The suggestion is only ever shown beside the user's own score; taking
//! it is the user's choice.

use chrono::{Months, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::incident::Incident;
use crate::domain::ids::FailureModeId;
use crate::domain::provider::{RiskProfile, Scenario};

/// The default look-back for observed frequencies.
pub const WINDOW_MONTHS: u32 = 24;

const DAYS_PER_YEAR: f64 = 365.25;

/// The days whose incidents count, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ObservationWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl ObservationWindow {
    /// The last `months` up to `today`, starting no earlier than the day the provider was added.
    pub fn ending(today: NaiveDate, months: u32, provider_added: NaiveDate) -> ObservationWindow {
        let look_back = today.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN);
        ObservationWindow { from: look_back.max(provider_added).min(today), to: today }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }

    /// The window's length: 24 months are 730 or 731 days, two years. A window that starts today
    /// still counts as a day, so a rate never divides by nothing.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days().max(1)
    }

    pub fn years(&self) -> f64 {
        self.days() as f64 / DAYS_PER_YEAR
    }
}

/// Events per year → likelihood 1–5, by the table in PRODUCT.md: 1 Rare < 0.1 ≤ 2 Unlikely < 0.3
/// ≤ 3 Possible < 1 ≤ 4 Likely < 3 ≤ 5 Almost certain.
pub fn suggested_likelihood(per_year: f64) -> u8 {
    match per_year {
        r if r < 0.1 => 1,
        r if r < 0.3 => 2,
        r if r < 1.0 => 3,
        r if r < 3.0 => 4,
        _ => 5,
    }
}

/// The evidence beside one failure mode's likelihood.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ModeEvidence {
    pub mode_id: FailureModeId,
    pub mode: String,
    pub window: ObservationWindow,
    /// Incidents of this mode that started inside the window.
    pub incidents: u32,
    pub per_year: f64,
    pub suggested_likelihood: u8,
    /// The user's own score, which stands until they take the suggestion.
    pub current_likelihood: Option<u8>,
}

impl ModeEvidence {
    /// The user's score and the evidence disagree (or there is no score yet).
    pub fn differs(&self) -> bool {
        self.current_likelihood != Some(self.suggested_likelihood)
    }
}

/// Evidence for each of the provider's catalogue failure modes (custom, provider-only modes have
/// no incidents to count).
pub fn mode_evidence(scenarios: &[Scenario], incidents: &[Incident], window: ObservationWindow) -> Vec<ModeEvidence> {
    scenarios
        .iter()
        .filter_map(|s| {
            let mode_id = s.mode_id?;
            let count = incidents.iter().filter(|i| i.draft.mode_id == mode_id && window.contains(i.draft.started.date_naive())).count();
            let per_year = count as f64 / window.years();
            Some(ModeEvidence {
                mode_id,
                mode: s.mode.clone(),
                window,
                incidents: count as u32,
                per_year,
                suggested_likelihood: suggested_likelihood(per_year),
                current_likelihood: s.likelihood,
            })
        })
        .collect()
}

/// The risk profile with `evidence`'s suggestion taken as the mode's likelihood, and a line in the
/// mode's note saying so, so that the assessment it is recorded in shows where the score came
/// from. `None` when the provider has no such mode.
pub fn take_suggestion(risk: &RiskProfile, evidence: &ModeEvidence, today: NaiveDate) -> Option<RiskProfile> {
    let mut taken = risk.clone();
    let scenario = taken.scenarios.iter_mut().find(|s| s.mode_id == Some(evidence.mode_id))?;
    scenario.likelihood = Some(evidence.suggested_likelihood);
    let line = format!(
        "Likelihood {} from evidence on {today}: {} incident{} from {} to {} ({:.2} a year).",
        evidence.suggested_likelihood,
        evidence.incidents,
        if evidence.incidents == 1 { "" } else { "s" },
        evidence.window.from,
        evidence.window.to,
        evidence.per_year,
    );
    scenario.note = if scenario.note.trim().is_empty() { line } else { format!("{}\n{line}", scenario.note.trim_end()) };
    Some(taken)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::evidence::incident::tests::outage;
    use crate::domain::ids::IncidentId;
    use crate::test_support::d;

    #[test]
    fn suggestions_change_exactly_at_each_band_boundary() {
        let cases = [(0.0, 1), (0.099, 1), (0.1, 2), (0.299, 2), (0.3, 3), (0.999, 3), (1.0, 4), (2.999, 4), (3.0, 5), (40.0, 5)];
        for (rate, likelihood) in cases {
            assert_eq!(suggested_likelihood(rate), likelihood, "{rate} per year");
        }
    }

    #[test]
    fn the_window_is_the_last_two_years() {
        let w = ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2020, 1, 1));
        assert_eq!(w.from, d(2024, 12, 1));
        assert!((w.years() - 2.0).abs() < 0.01);
    }

    #[test]
    fn the_window_never_starts_before_the_provider_was_added() {
        let w = ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2026, 6, 1));
        assert_eq!((w.from, w.days()), (d(2026, 6, 1), 183));
        // Added today: a window of one day, not an empty one.
        assert_eq!(ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2026, 12, 1)).days(), 1);
    }

    fn incident(id: i64, day: &str) -> Incident {
        Incident { id: IncidentId(id), draft: outage(&format!("{day}T10:00:00Z"), &format!("{day}T11:00:00Z")) }
    }

    fn outage_scenario(likelihood: Option<u8>) -> Vec<Scenario> {
        vec![Scenario { mode_id: Some(FailureModeId(1)), mode: "Outage".into(), likelihood, impact: likelihood, note: String::new() }]
    }

    #[test]
    fn incidents_outside_the_window_do_not_count() {
        let window = ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2020, 1, 1));
        let incidents = vec![incident(1, "2024-11-30"), incident(2, "2024-12-01"), incident(3, "2026-11-30"), incident(4, "2026-02-10")];
        let evidence = mode_evidence(&outage_scenario(Some(2)), &incidents, window);
        assert_eq!(evidence[0].incidents, 3);
        assert!((evidence[0].per_year - 1.5).abs() < 0.01);
        assert_eq!(evidence[0].suggested_likelihood, 4);
        assert!(evidence[0].differs());
    }

    #[test]
    fn no_incidents_suggest_rare_and_a_matching_score_does_not_differ() {
        let window = ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2020, 1, 1));
        let evidence = mode_evidence(&outage_scenario(Some(1)), &[], window);
        assert_eq!((evidence[0].incidents, evidence[0].suggested_likelihood), (0, 1));
        assert!(!evidence[0].differs());
        // An unscored mode always differs from its evidence: there is a suggestion to take.
        assert!(mode_evidence(&outage_scenario(None), &[], window)[0].differs());
    }

    #[test]
    fn a_recent_provider_is_judged_on_its_own_short_window() {
        // Two outages in the six months since it was added: four a year, not one.
        let window = ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2026, 6, 1));
        let evidence = mode_evidence(&outage_scenario(None), &[incident(1, "2026-07-01"), incident(2, "2026-10-01")], window);
        assert!((evidence[0].per_year - 3.99).abs() < 0.01);
        assert_eq!(evidence[0].suggested_likelihood, 5);
    }

    #[test]
    fn taking_a_suggestion_sets_the_likelihood_and_says_why_in_the_note() {
        let window = ObservationWindow::ending(d(2026, 12, 1), WINDOW_MONTHS, d(2020, 1, 1));
        let mut risk = crate::domain::provider::ProviderDraft::blank(&[]).risk;
        risk.scenarios = outage_scenario(Some(2));
        risk.scenarios[0].note = "Single region.".into();
        let evidence = &mode_evidence(&risk.scenarios, &[incident(1, "2026-02-10"), incident(2, "2026-08-10")], window)[0];
        let taken = take_suggestion(&risk, evidence, d(2026, 12, 1)).unwrap();
        assert_eq!(taken.scenarios[0].likelihood, Some(4));
        assert_eq!(taken.scenarios[0].impact, Some(2));
        assert_eq!(
            taken.scenarios[0].note,
            "Single region.\nLikelihood 4 from evidence on 2026-12-01: 2 incidents from 2024-12-01 to 2026-12-01 (1.00 a year)."
        );
    }
}
