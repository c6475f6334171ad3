//! A provider page's evidence: its incidents of the last 12 months and its drill log, so the
//! reader sees beside the scores how often the provider really failed and how the exit held up
//! when it was rehearsed.

use chrono::{Months, NaiveDate};

use super::layout::Doc;
use super::style;
use super::table::{col, note, Cell, Column, Table};
use super::words;
use crate::domain::evidence::drill::Drill;
use crate::domain::evidence::incident::Incident;
use crate::domain::evidence::readiness::SwitchTime;
use crate::domain::evidence::summary::ProviderEvidence;
use crate::domain::scoring::Level;
use crate::worksheet::input::WorksheetInput;

/// How far back a provider page lists incidents.
pub const INCIDENT_MONTHS: u32 = 12;

const INCIDENT_COLUMNS: [Column; 5] =
    [col("Started", 1.45), col("Failure mode", 1.15), col("Time to recover", 1.0), col("Summary", 3.3), col("Customer-facing / SLA", 1.4)];

const DRILL_COLUMNS: [Column; 5] =
    [col("Date", 1.0), col("Kind", 1.9), col("Result", 0.9), col("Target vs achieved", 1.6), col("Findings", 3.0)];

/// The first day of the last `INCIDENT_MONTHS` months up to `today`.
pub fn incidents_from(today: NaiveDate) -> NaiveDate {
    today.checked_sub_months(Months::new(INCIDENT_MONTHS)).unwrap_or(NaiveDate::MIN)
}

/// No drill ever and no incident in the last 12 months: nothing to list.
pub fn is_quiet(evidence: &ProviderEvidence, today: NaiveDate) -> bool {
    let from = incidents_from(today);
    evidence.drills.is_empty() && !evidence.incidents.iter().any(|i| i.draft.started.date_naive() >= from)
}

pub fn draw(doc: &mut Doc, input: &WorksheetInput, evidence: &ProviderEvidence) {
    incidents(doc, input, evidence);
    drills(doc, evidence);
}

fn incidents(doc: &mut Doc, input: &WorksheetInput, evidence: &ProviderEvidence) {
    doc.heading(&format!("Incidents, last {INCIDENT_MONTHS} months"), 40.0);
    let from = incidents_from(input.generated_on);
    let recent: Vec<&Incident> = evidence.incidents.iter().filter(|i| i.draft.started.date_naive() >= from).collect();
    let r = &evidence.recovery;
    let mut figures = format!("{:.1} incidents a year over the last {} days", r.per_year, r.window.days());
    if let Some(t) = &r.time_to_recover {
        figures.push_str(&format!(
            " · time to recover: mean {}, worst {}",
            words::duration(t.mean_minutes.round() as i64),
            words::duration(t.worst_minutes)
        ));
    }
    note(doc, &figures);
    if recent.is_empty() {
        note(doc, "No incident recorded in the last 12 months.");
        doc.y += 6.0;
        return;
    }
    let table = Table::new(doc, &INCIDENT_COLUMNS, style::SMALL);
    table.header(doc);
    for (n, i) in recent.iter().enumerate() {
        let d = &i.draft;
        let recovered = d.time_to_recover().map_or_else(|| Cell::Tinted("ongoing".into(), Level::High), |m| Cell::text(words::duration(m)));
        let hit = match (d.customer_facing, d.sla_breached) {
            (true, true) => Cell::Tinted("Customer-facing · SLA breached".into(), Level::Critical),
            (false, true) => Cell::Tinted("SLA breached".into(), Level::Critical),
            (true, false) => Cell::text("Customer-facing"),
            (false, false) => Cell::Muted("—".into()),
        };
        table.row(
            doc,
            &[Cell::text(words::moment(d.started)), Cell::text(input.mode_name(d.mode_id)), recovered, Cell::text(d.summary.clone()), hit],
            n % 2 == 1,
        );
    }
    doc.y += 6.0;
}

/// "4 h → 6.5 h", the achieved time flagged when it missed the target.
fn target_vs_achieved(drill: &Drill) -> Cell {
    let d = &drill.draft;
    let shown = |h: Option<f64>| h.map_or_else(|| "—".to_string(), words::hours);
    if d.target_hours.is_none() && d.achieved_hours.is_none() {
        return Cell::Muted("—".into());
    }
    let text = format!("{} → {}", shown(d.target_hours), shown(d.achieved_hours));
    if d.missed_target() {
        Cell::Tinted(format!("{text} · missed target"), Level::Critical)
    } else {
        Cell::text(text)
    }
}

fn drills(doc: &mut Doc, evidence: &ProviderEvidence) {
    doc.heading("Exit drills", 40.0);
    let readiness = &evidence.readiness;
    let switch = match readiness.switch_time {
        SwitchTime::Measured { hours, on } => {
            format!("Emergency switch: {} measured by the drill of {}", words::hours(hours), words::date(on))
        }
        SwitchTime::Estimated { hours } => format!("Emergency switch: {} estimated, not yet measured by a drill", words::hours(hours)),
        SwitchTime::Unknown => "Emergency switch: no estimate and no drill".into(),
    };
    let next = match (readiness.next_drill, readiness.drill_due) {
        (Some(next), Some(due)) if !words::due(due).is_empty() => format!(" · next drill {} ({})", words::date(next), words::due(due)),
        (Some(next), _) => format!(" · next drill {}", words::date(next)),
        (None, _) => " · no drills expected at this level".into(),
    };
    note(doc, &format!("{switch}{next}"));
    if evidence.drills.is_empty() {
        note(doc, "No exit drill recorded.");
        doc.y += 6.0;
        return;
    }
    let table = Table::new(doc, &DRILL_COLUMNS, style::SMALL);
    table.header(doc);
    for (n, drill) in evidence.drills.iter().enumerate() {
        let d = &drill.draft;
        let result = d.result.map_or_else(|| Cell::Muted("—".into()), |r| Cell::text(r.label()));
        let mut findings = d.findings.clone();
        if !d.alternative.trim().is_empty() {
            findings = format!("To {}. {findings}", d.alternative.trim());
        }
        table.row(
            doc,
            &[
                Cell::text(words::date(d.date)),
                Cell::text(d.kind.label()),
                result,
                target_vs_achieved(drill),
                Cell::Muted(findings.trim().to_string()),
            ],
            n % 2 == 1,
        );
    }
    doc.y += 6.0;
}
