//! What depends on what: the page of our services and the providers each needs, each provider
//! page's blast radius, and the summary's concentration findings. Everything is read from
//! `WorksheetInput::dependencies`; nothing is computed here beyond the words.

use super::fonts::Weight;
use super::layout::{Doc, Orientation, TextStyle};
use super::style;
use super::table::{col, note, Cell, Column, Table};
use super::words;
use crate::domain::ids::ProviderId;
use crate::domain::scoring::Level;
use crate::domain::services::dependency::Effect;
use crate::domain::services::reach::BlastRadius;
use crate::worksheet::input::{ServiceNeeds, WorksheetInput};

/// Findings the summary names (the costliest); the rest are on the app's Concentration page.
/// Three, so that the summary stays short.
const FINDINGS_NAMED: usize = 3;
/// Services a blast-radius line names before counting the rest: a few lines per provider.
const SERVICES_NAMED: usize = 6;
const LABEL_WIDTH: f32 = 118.0;

const NEED_COLUMNS: [Column; 4] = [col("Provider", 1.8), col("When it is down", 1.7), col("When it is degraded", 1.7), col("Note", 3.6)];

/// The summary's "Concentration" section: the first few findings, one sentence each. Left out
/// for a register that keeps no services, whose only finding would be the spread of spend: its
/// summary keeps to one page as before.
pub fn concentration(doc: &mut Doc, input: &WorksheetInput) {
    let findings = &input.dependencies.findings;
    if findings.is_empty() || input.dependencies.reach.is_empty() {
        return;
    }
    doc.heading("Concentration", 30.0);
    let body = TextStyle::new(style::BODY, Weight::Regular, style::INK);
    let (x, w) = (doc.left(), doc.width());
    for sentence in findings.iter().take(FINDINGS_NAMED) {
        let y = doc.y;
        {
            let (ctx, page) = doc.parts();
            page.text(ctx, x, y + body.ascent(), "•", &body);
        }
        doc.paragraph(sentence, &body, x + 10.0, w - 10.0);
        doc.y += 1.5;
    }
    if findings.len() > FINDINGS_NAMED {
        note(doc, &format!("…and {} more findings on the Concentration page of the app.", findings.len() - FINDINGS_NAMED));
    }
    doc.y += 8.0;
}

/// "Services and what they need": every active service with its costs and the providers it
/// needs. No page for a register that keeps no services.
pub fn services_page(doc: &mut Doc, input: &WorksheetInput) {
    let services = &input.dependencies.services;
    if services.is_empty() {
        return;
    }
    doc.running_title = None;
    doc.new_page(Orientation::Portrait);
    doc.bookmark("Services and what they need");
    doc.running_title = Some("Services and what they need (continued)".into());
    doc.heading("Services and what they need", 40.0);
    note(
        doc,
        "Each of our services with what an hour of it down costs, and what it becomes when a provider it needs is down or degraded. \
         Each provider's page names what its failure reaches, through the providers that run on it.",
    );
    doc.y += 8.0;
    for s in services {
        service(doc, s, &input.dependencies.currency);
    }
    doc.running_title = None;
}

fn service(doc: &mut Doc, s: &ServiceNeeds, currency: &str) {
    let name = TextStyle::new(style::BODY + 1.0, Weight::Bold, style::INK);
    let meta = TextStyle::new(style::SMALL, Weight::Regular, style::MUTED);
    // The name, its figures and the table's header and first row stay together.
    // (The header and a row of two lines are about 50 points.)
    let lines = if s.service.draft.description.trim().is_empty() { 1.0 } else { 2.0 };
    doc.ensure(name.leading() + lines * meta.leading() + 3.0 + 56.0);
    let (x, w) = (doc.left(), doc.width());
    let d = &s.service.draft;
    doc.paragraph(&d.name, &name, x, w);
    let mut figures = vec![match d.downtime_cost_per_hour {
        Some(cost) => format!("Down: {}", words::per_hour(cost, currency)),
        None => "Cost of downtime not set".to_string(),
    }];
    figures.push(format!("degraded: {} of that", words::percent(d.degraded_share)));
    figures.push(d.rto_hours.map_or_else(|| "no RTO set".to_string(), |h| format!("RTO {}", words::hours(h))));
    if !d.owner.trim().is_empty() {
        figures.push(format!("owner {}", d.owner.trim()));
    }
    doc.paragraph(&figures.join(" · "), &meta, x, w);
    if !d.description.trim().is_empty() {
        doc.paragraph(d.description.trim(), &meta, x, w);
    }
    doc.y += 3.0;
    if s.needs.is_empty() {
        note(doc, "No provider recorded: nothing we know of takes it down.");
        doc.y += 10.0;
        return;
    }
    let table = Table::new(doc, &NEED_COLUMNS, style::SMALL);
    table.header(doc);
    for (i, need) in s.needs.iter().enumerate() {
        table.row(
            doc,
            &[
                Cell::Strong(need.provider.clone()),
                effect_cell(need.when_down),
                effect_cell(need.when_degraded),
                Cell::Muted(need.note.clone()),
            ],
            i % 2 == 1,
        );
    }
    doc.y += 10.0;
}

/// Down in the critical colour, degraded in the medium one, an off switch muted.
fn effect_cell(e: Effect) -> Cell {
    match e {
        Effect::Down => Cell::Tinted(words::effect(e).into(), Level::Critical),
        Effect::Degraded => Cell::Tinted(words::effect(e).into(), Level::Medium),
        Effect::Unaffected => Cell::Muted(words::effect(e).into()),
    }
}

/// A provider page's "Blast radius": what its outage and its degradation reach, in a few lines.
/// Left out for a register that keeps no services.
pub fn blast_radius(doc: &mut Doc, input: &WorksheetInput, provider: ProviderId) {
    let Some(reach) = input.dependencies.reach.get(&provider) else { return };
    let currency = &input.dependencies.currency;
    doc.heading("Blast radius", 30.0);
    doc.field("Outage reaches", &reach_text(&reach.outage, currency), LABEL_WIDTH);
    doc.field("Degradation reaches", &reach_text(&reach.degradation, currency), LABEL_WIDTH);
    doc.y += 3.0;
}

/// "Checkout (down), Password reset email (down, through Postmark) — USD 27,000 an hour", with
/// the services an off switch keeps running.
pub fn reach_text(radius: &BlastRadius, currency: &str) -> String {
    if radius.services.is_empty() && radius.cut.is_empty() {
        return "Nothing of ours depends on it.".into();
    }
    let mut named: Vec<String> = radius
        .services
        .iter()
        .take(SERVICES_NAMED)
        .map(|s| {
            let effect = words::effect(s.effect).to_lowercase();
            // The shortest path comes first; a direct one needs no "through".
            match s.paths.first().map(|p| &p.via[1..]).filter(|through| !through.is_empty()) {
                Some(through) => {
                    let names: Vec<&str> = through.iter().map(|step| step.name.as_str()).collect();
                    format!("{} ({effect}, through {})", s.name, names.join(" → "))
                }
                None => format!("{} ({effect})", s.name),
            }
        })
        .collect();
    if radius.services.len() > SERVICES_NAMED {
        named.push(format!("…and {} more", radius.services.len() - SERVICES_NAMED));
    }
    let mut text = if named.is_empty() {
        "No service of ours goes down or degrades".to_string()
    } else {
        format!("{} — {}", named.join(", "), words::per_hour(radius.cost_per_hour, currency))
    };
    if !radius.services_without_cost.is_empty() {
        text.push_str(&format!(" ({} without a cost of downtime)", radius.services_without_cost.len()));
    }
    text.push('.');
    // A service cut on one path may still be reached along another: only the rest are kept.
    let mut kept: Vec<&str> =
        radius.cut.iter().filter(|c| !radius.services.iter().any(|s| s.service_id == c.service_id)).map(|c| c.service.as_str()).collect();
    kept.sort_unstable();
    kept.dedup();
    if !kept.is_empty() {
        text.push_str(&format!(" An off switch keeps {} running.", kept.join(", ")));
    }
    text
}
