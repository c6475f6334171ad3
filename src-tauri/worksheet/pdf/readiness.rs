//! The summary's evidence sections: "Exit readiness" (drills overdue, drills that missed their
//! target, live alternatives never drilled) and "Incidents since the previous review", each
//! naming the providers. One line per finding, so the summary stays one page for leadership;
//! each provider's page has the detail.

use std::collections::BTreeMap;

use super::evidence::{incidents_from, INCIDENT_MONTHS};
use super::layout::Doc;
use super::table::note;
use super::words;
use crate::domain::cadence::DueState;
use crate::domain::evidence::summary::ProviderEvidence;
use crate::domain::provider::{Provider, Readiness, Status};
use crate::worksheet::input::{PreviousReview, WorksheetInput};

const LABEL_WIDTH: f32 = 150.0;
/// Names listed per line before the rest are counted: the summary stays one page.
const NAMED: usize = 4;

/// The active providers with their evidence.
fn active(input: &WorksheetInput) -> impl Iterator<Item = (&Provider, &ProviderEvidence)> {
    input.providers.iter().zip(&input.evidence).filter(|(p, _)| p.profile.status != Status::Retired)
}

/// "None" rather than an empty line, so the reader knows it was checked; a long list names the
/// first few and counts the rest.
fn listed(items: Vec<String>, none: &str) -> String {
    match items.len() {
        0 => none.to_string(),
        n if n > NAMED => format!("{} · …and {} more (see the provider pages)", items[..NAMED].join(" · "), n - NAMED),
        _ => items.join(" · "),
    }
}

pub fn draw(doc: &mut Doc, input: &WorksheetInput) {
    exit_readiness(doc, input);
    incidents_since(doc, input);
}

fn exit_readiness(doc: &mut Doc, input: &WorksheetInput) {
    doc.heading("Exit readiness", 40.0);
    let since = incidents_from(input.generated_on);
    let (mut overdue, mut missed, mut untested) = (Vec::new(), Vec::new(), Vec::new());
    for (p, e) in active(input) {
        let name = p.profile.name.trim();
        let r = &e.readiness;
        if r.drill_due == Some(DueState::Overdue) {
            overdue.push(match r.last_rehearsed {
                Some(last) => format!("{name} (last drilled {})", words::date(last)),
                None => format!("{name} (never drilled)"),
            });
        }
        for d in e.drills.iter().map(|d| &d.draft).filter(|d| d.missed_target() && d.date >= since) {
            let hours = |h: Option<f64>| h.map(words::hours).unwrap_or_default();
            missed.push(format!(
                "{name}: {} {}, {} → {}",
                d.kind.label().to_lowercase(),
                words::date(d.date),
                hours(d.target_hours),
                hours(d.achieved_hours)
            ));
        }
        let live: Vec<&str> = p.risk.alternatives.iter().filter(|a| a.readiness == Readiness::Live).map(|a| a.name.as_str()).collect();
        if !live.is_empty() && e.drills.is_empty() {
            untested.push(format!("{name} ({})", live.join(", ")));
        }
    }
    doc.field("Drills overdue", &listed(overdue, "None: every exit is drilled within its cadence."), LABEL_WIDTH);
    doc.field(
        &format!("Missed their target ({INCIDENT_MONTHS} months)"),
        &listed(missed, "None: every timed drill met its target switch time."),
        LABEL_WIDTH,
    );
    doc.field("Live alternatives never drilled", &listed(untested, "None."), LABEL_WIDTH);
    doc.y += 8.0;
}

/// Shown, like "Changes since", only when a review was closed before today to count from.
fn incidents_since(doc: &mut Doc, input: &WorksheetInput) {
    let Some(PreviousReview { label, held_on }) = &input.previous_review else { return };
    doc.heading("Incidents since the previous review", 30.0);
    // Each provider hit, by its name folded (for the order): (name, incidents, customer-facing).
    let mut hits: BTreeMap<String, (&str, usize, usize)> = BTreeMap::new();
    for (p, e) in active(input) {
        for i in e.incidents.iter().filter(|i| i.draft.started.date_naive() >= *held_on) {
            let hit = hits.entry(p.profile.name.to_lowercase()).or_insert((p.profile.name.trim(), 0, 0));
            hit.1 += 1;
            hit.2 += usize::from(i.draft.customer_facing);
        }
    }
    let total: usize = hits.values().map(|h| h.1).sum();
    if total == 0 {
        note(doc, &format!("No incident recorded since {label}."));
        doc.y += 8.0;
        return;
    }
    let providers: Vec<String> = hits
        .values()
        .map(|(name, count, customer)| match customer {
            0 => format!("{name} ({count})"),
            c => format!("{name} ({count}, {c} customer-facing)"),
        })
        .collect();
    let summary = format!(
        "{total} incident{} at {} provider{}",
        if total == 1 { "" } else { "s" },
        hits.len(),
        if hits.len() == 1 { "" } else { "s" }
    );
    doc.field(&format!("Since {label}"), &format!("{summary}: {}", listed(providers, "")), LABEL_WIDTH);
    doc.y += 8.0;
}
