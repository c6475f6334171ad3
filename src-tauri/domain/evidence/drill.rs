//! An exit drill: a rehearsal of leaving a provider, from a tabletop walk-through to a full switch
//! to the alternative, with the switch time it aimed for and the one it achieved.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::ids::{DrillId, ProviderId};
use crate::domain::provider::choice;
use crate::domain::validation::{ValidationErrors, MAX_NAME_LEN, MAX_TEXT_LEN};

choice!(
    /// How far the drill went. `Recorded` is a "last rehearsed" date typed by hand before drills
    /// were kept: nothing else is known of it.
    DrillKind {
        Tabletop = "tabletop" / "Tabletop walk-through",
        ExportRestore = "export_restore" / "Data export and restore",
        PartialSwitch = "partial_switch" / "Partial switch",
        FullSwitch = "full_switch" / "Full switch to the alternative",
        Recorded = "recorded" / "Recorded before drills were kept",
    }
);

choice!(
    /// What the drill pretended had happened.
    DrillScenario {
        PersistentOutage = "persistent_outage" / "Persistent outage",
        PoorDelivery = "poor_delivery" / "Failed or poor delivery",
        Termination = "termination" / "Unexpected termination",
    }
);

choice!(DrillResult { Met = "met" / "Met", PartlyMet = "partly_met" / "Partly met", Failed = "failed" / "Failed" });

impl DrillKind {
    /// Only a real switch measures how long an emergency switch takes.
    pub fn switches(self) -> bool {
        matches!(self, DrillKind::PartialSwitch | DrillKind::FullSwitch)
    }
}

/// A drill as the form edits it and a save validates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DrillDraft {
    pub provider_id: ProviderId,
    pub date: NaiveDate,
    pub kind: DrillKind,
    /// `None` only for drills recorded before drills were kept.
    pub scenario: Option<DrillScenario>,
    /// The alternative switched to or walked through, by name.
    pub alternative: String,
    pub target_hours: Option<f64>,
    pub achieved_hours: Option<f64>,
    pub result: Option<DrillResult>,
    pub findings: String,
    pub follow_ups: String,
}

/// A stored drill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Drill {
    pub id: DrillId,
    #[serde(flatten)]
    pub draft: DrillDraft,
}

impl DrillDraft {
    /// A "last rehearsed" date that no drill explains (typed by hand, or read from a sheet that
    /// keeps no drill log): all that is known is the day.
    pub fn recorded(provider_id: ProviderId, date: NaiveDate) -> DrillDraft {
        DrillDraft {
            provider_id,
            date,
            kind: DrillKind::Recorded,
            scenario: None,
            alternative: String::new(),
            target_hours: None,
            achieved_hours: None,
            result: None,
            findings: String::new(),
            follow_ups: String::new(),
        }
    }

    /// The switch took longer than it was meant to.
    pub fn missed_target(&self) -> bool {
        matches!((self.target_hours, self.achieved_hours), (Some(target), Some(achieved)) if achieved > target)
    }

    /// A switch that happened (met or partly met its target) and was timed.
    pub fn measured_switch_hours(&self) -> Option<f64> {
        let switched = self.kind.switches() && matches!(self.result, Some(DrillResult::Met | DrillResult::PartlyMet));
        self.achieved_hours.filter(|_| switched)
    }
}

/// Checks a drill on its own; `today` is injected so tests can fix it.
pub fn validate_drill(draft: &DrillDraft, today: NaiveDate) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    if draft.date > today {
        e.add("drill.date", "A drill cannot be dated in the future; plan it in the exit plan instead.");
    }
    if draft.kind != DrillKind::Recorded {
        if draft.scenario.is_none() {
            e.add("drill.scenario", "Choose the scenario the drill rehearsed.");
        }
        if draft.result.is_none() {
            e.add("drill.result", "Choose whether the drill met its target.");
        }
    }
    for (field, what, hours) in [
        ("drill.target_hours", "Target switch time", draft.target_hours),
        ("drill.achieved_hours", "Achieved switch time", draft.achieved_hours),
    ] {
        if let Some(h) = hours {
            if !h.is_finite() || h < 0.0 {
                e.add(field, format!("{what} cannot be negative."));
            }
        }
    }
    if draft.alternative.chars().count() > MAX_NAME_LEN {
        e.add("drill.alternative", format!("Alternative is longer than {MAX_NAME_LEN} characters."));
    }
    for (field, what, value) in [("drill.findings", "Findings", &draft.findings), ("drill.follow_ups", "Follow-ups", &draft.follow_ups)] {
        if value.chars().count() > MAX_TEXT_LEN {
            e.add(field, format!("{what} is longer than {MAX_TEXT_LEN} characters."));
        }
    }
    e.into_result()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::test_support::d;

    pub(crate) fn switch(date: NaiveDate, target: f64, achieved: f64, result: DrillResult) -> DrillDraft {
        DrillDraft {
            provider_id: ProviderId(1),
            date,
            kind: DrillKind::FullSwitch,
            scenario: Some(DrillScenario::PersistentOutage),
            alternative: "Adyen".into(),
            target_hours: Some(target),
            achieved_hours: Some(achieved),
            result: Some(result),
            findings: String::new(),
            follow_ups: String::new(),
        }
    }

    #[test]
    fn a_drill_slower_than_its_target_missed_it() {
        assert!(switch(d(2026, 5, 1), 4.0, 6.5, DrillResult::PartlyMet).missed_target());
        assert!(!switch(d(2026, 5, 1), 4.0, 4.0, DrillResult::Met).missed_target());
    }

    #[test]
    fn only_a_switch_that_happened_measures_the_switch_time() {
        assert_eq!(switch(d(2026, 5, 1), 4.0, 3.0, DrillResult::Met).measured_switch_hours(), Some(3.0));
        assert_eq!(switch(d(2026, 5, 1), 4.0, 9.0, DrillResult::Failed).measured_switch_hours(), None);
        let mut tabletop = switch(d(2026, 5, 1), 4.0, 3.0, DrillResult::Met);
        tabletop.kind = DrillKind::Tabletop;
        assert_eq!(tabletop.measured_switch_hours(), None);
    }

    #[test]
    fn a_drill_needs_a_scenario_and_result_and_no_future_date() {
        let today = d(2026, 12, 1);
        let mut drill = switch(d(2026, 12, 2), 4.0, -1.0, DrillResult::Met);
        drill.scenario = None;
        drill.result = None;
        let fields: Vec<String> = validate_drill(&drill, today).unwrap_err().errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["drill.date", "drill.scenario", "drill.result", "drill.achieved_hours"]);
        // A date recorded before drills were kept carries nothing else.
        drill.kind = DrillKind::Recorded;
        drill.date = today;
        drill.achieved_hours = None;
        assert_eq!(validate_drill(&drill, today), Ok(()));
    }
}
