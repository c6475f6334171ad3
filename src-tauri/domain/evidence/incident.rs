//! An incident at one provider: when it started, was noticed and was over, and what it cost us.
//! Times keep the offset they were recorded with, so "09:00 in Dublin" stays 09:00 +01:00; the
//! durations are worked out from them, never typed.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::ids::{FailureModeId, IncidentId, ProviderId};
use crate::domain::provider::FailureMode;
use crate::domain::validation::{ValidationErrors, MAX_NAME_LEN, MAX_TEXT_LEN};

/// An incident as the form edits it and a save validates it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IncidentDraft {
    pub provider_id: ProviderId,
    /// From the catalogue: evidence is counted per failure mode.
    pub mode_id: FailureModeId,
    #[ts(type = "string")]
    pub started: DateTime<FixedOffset>,
    /// When we noticed; `None` when nobody wrote it down.
    #[ts(type = "string | null")]
    pub detected: Option<DateTime<FixedOffset>>,
    /// `None` while the incident is still going on.
    #[ts(type = "string | null")]
    pub resolved: Option<DateTime<FixedOffset>>,
    /// Which of our services it hit, by name.
    pub services: Vec<String>,
    pub customer_facing: bool,
    pub sla_breached: bool,
    /// What it cost us, in the provider's currency, when known.
    pub cost: Option<f64>,
    pub summary: String,
    pub postmortem_url: String,
    pub follow_ups: String,
}

/// A stored incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Incident {
    pub id: IncidentId,
    #[serde(flatten)]
    pub draft: IncidentDraft,
}

/// A length of time, in whole minutes, as the screens and the worksheet show it.
pub type Minutes = i64;

impl IncidentDraft {
    /// Detected − started, once both are known.
    pub fn time_to_identify(&self) -> Option<Minutes> {
        self.detected.map(|detected| (detected - self.started).num_minutes())
    }

    /// Resolved − started, once it is over.
    pub fn time_to_recover(&self) -> Option<Minutes> {
        self.resolved.map(|resolved| (resolved - self.started).num_minutes())
    }
}

/// Checks an incident against the catalogue and the clock (`now`, injected so tests can fix it).
pub fn validate_incident(draft: &IncidentDraft, catalogue: &[FailureMode], now: DateTime<Utc>) -> Result<(), ValidationErrors> {
    let mut e = ValidationErrors::default();
    if !catalogue.iter().any(|m| m.id == draft.mode_id) {
        e.add("incident.mode_id", "Choose a failure mode from the catalogue.");
    }
    let future = |at: DateTime<FixedOffset>| at.with_timezone(&Utc) > now;
    if future(draft.started) {
        e.add("incident.started", "An incident cannot start in the future.");
    }
    if let Some(detected) = draft.detected {
        if detected < draft.started {
            e.add("incident.detected", "Detected is before the incident started.");
        } else if future(detected) {
            e.add("incident.detected", "Detected is in the future.");
        }
    }
    if let Some(resolved) = draft.resolved {
        if resolved < draft.started {
            e.add("incident.resolved", "Resolved is before the incident started.");
        } else if future(resolved) {
            e.add("incident.resolved", "Resolved is in the future; leave it empty while the incident is ongoing.");
        }
    }
    if draft.summary.trim().is_empty() {
        e.add("incident.summary", "Say in a few words what happened.");
    }
    for (field, what, value) in [
        ("incident.summary", "Summary", &draft.summary),
        ("incident.postmortem_url", "Post-mortem link", &draft.postmortem_url),
        ("incident.follow_ups", "Follow-up actions", &draft.follow_ups),
    ] {
        if value.chars().count() > MAX_TEXT_LEN {
            e.add(field, format!("{what} is longer than {MAX_TEXT_LEN} characters."));
        }
    }
    for (i, service) in draft.services.iter().enumerate() {
        if service.trim().is_empty() || service.chars().count() > MAX_NAME_LEN {
            e.add(format!("incident.services.{i}"), format!("A service needs a name of 1 to {MAX_NAME_LEN} characters."));
        }
    }
    if let Some(cost) = draft.cost {
        if !cost.is_finite() || cost < 0.0 {
            e.add("incident.cost", "Cost cannot be negative.");
        }
    }
    e.into_result()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn at(rfc3339: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).expect("a valid time")
    }

    pub(crate) fn catalogue() -> Vec<FailureMode> {
        ["Outage", "Degradation"]
            .iter()
            .enumerate()
            .map(|(i, n)| FailureMode { id: FailureModeId(i as i64 + 1), name: n.to_string(), description: String::new(), retired: false })
            .collect()
    }

    pub(crate) fn outage(started: &str, resolved: &str) -> IncidentDraft {
        IncidentDraft {
            provider_id: ProviderId(1),
            mode_id: FailureModeId(1),
            started: at(started),
            detected: None,
            resolved: Some(at(resolved)),
            services: vec!["Checkout".into()],
            customer_facing: true,
            sla_breached: false,
            cost: None,
            summary: "API returned 500s".into(),
            postmortem_url: String::new(),
            follow_ups: String::new(),
        }
    }

    fn now() -> DateTime<Utc> {
        at("2026-12-01T12:00:00Z").with_timezone(&Utc)
    }

    fn fields(draft: &IncidentDraft) -> Vec<String> {
        validate_incident(draft, &catalogue(), now()).unwrap_err().errors.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn durations_count_real_time_across_a_dst_change() {
        // London moved from GMT to BST at 01:00 on 29 March 2026: 00:30 GMT to 03:30 BST is two hours.
        let draft = outage("2026-03-29T00:30:00+00:00", "2026-03-29T03:30:00+01:00");
        assert_eq!(draft.time_to_recover(), Some(120));
    }

    #[test]
    fn durations_count_real_time_across_time_zones() {
        let mut draft = outage("2026-05-04T09:00:00-04:00", "2026-05-04T16:45:00+02:00");
        draft.detected = Some(at("2026-05-04T13:20:00Z"));
        assert_eq!(draft.time_to_identify(), Some(20));
        assert_eq!(draft.time_to_recover(), Some(105));
    }

    #[test]
    fn an_ongoing_incident_has_no_time_to_recover() {
        let mut draft = outage("2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        draft.resolved = None;
        assert_eq!(draft.time_to_recover(), None);
        assert_eq!(validate_incident(&draft, &catalogue(), now()), Ok(()));
    }

    #[test]
    fn resolved_or_detected_before_started_name_their_field() {
        let mut draft = outage("2026-11-30T10:00:00+01:00", "2026-11-30T09:30:00+01:00");
        draft.detected = Some(at("2026-11-30T08:59:00Z"));
        assert_eq!(fields(&draft), vec!["incident.detected", "incident.resolved"]);
        assert_eq!(
            validate_incident(&draft, &catalogue(), now()).unwrap_err().errors[1].message,
            "Resolved is before the incident started."
        );
    }

    #[test]
    fn a_failure_mode_outside_the_catalogue_is_refused() {
        let mut draft = outage("2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        draft.mode_id = FailureModeId(99);
        assert_eq!(fields(&draft), vec!["incident.mode_id"]);
    }

    #[test]
    fn times_in_the_future_are_refused() {
        // 12:30 in Paris is 11:30 UTC: not in the future at 12:00 UTC; 13:30 +00:00 is.
        let draft = outage("2026-12-01T12:30:00+01:00", "2026-12-01T13:30:00+00:00");
        assert_eq!(fields(&draft), vec!["incident.resolved"]);
        let draft = outage("2026-12-02T08:00:00Z", "2026-12-02T09:00:00Z");
        assert_eq!(fields(&draft), vec!["incident.started", "incident.resolved"]);
    }

    #[test]
    fn summary_cost_and_services_are_checked() {
        let mut draft = outage("2026-11-30T10:00:00Z", "2026-11-30T11:00:00Z");
        draft.summary = "  ".into();
        draft.cost = Some(-5.0);
        draft.services = vec!["Checkout".into(), " ".into()];
        assert_eq!(fields(&draft), vec!["incident.summary", "incident.services.1", "incident.cost"]);
    }
}
