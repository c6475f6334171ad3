//! Page 1: the register at a glance for leadership.

use chrono::Duration;

use super::chart;
use super::fonts::Weight;
use super::layout::{Doc, Orientation, TextStyle};
use super::style;
use super::table::{col, col_right, note, Cell, Table};
use super::words;
use crate::domain::cadence::DueState;
use crate::domain::provider::Status;
use crate::domain::register::riskier_first;
use crate::domain::register::RegisterRow;
use crate::domain::scoring::{Level, NOT_ASSESSED};
use crate::worksheet::input::WorksheetInput;

/// How many rows each summary list shows before pointing to the register table.
/// Five, so that with "Exit readiness" and "Incidents since the previous review" the summary
/// still fits one page.
const LIST_LIMIT: usize = 5;
const TOP_EXPOSURES: usize = 10;
/// The same window as the app's renewal watch list.
const RENEWAL_WINDOW_DAYS: i64 = crate::domain::contracts::RENEWAL_WATCH_DAYS;

pub fn draw(doc: &mut Doc, input: &WorksheetInput, order: &[usize]) {
    doc.new_page(Orientation::Portrait);
    doc.bookmark("Summary");
    let active: Vec<&RegisterRow> = order.iter().map(|&i| &input.rows[i]).filter(|r| r.status != Status::Retired).collect();

    title_block(doc, input, active.len());
    let overdue: Vec<&RegisterRow> = {
        let mut v: Vec<&RegisterRow> = active.iter().copied().filter(|r| matches!(r.due, DueState::Overdue | DueState::Due)).collect();
        v.sort_by_key(|r| (r.next_review, r.name.to_lowercase()));
        v
    };
    let today = input.generated_on;
    let renewals: Vec<&RegisterRow> = {
        let until = today + Duration::days(RENEWAL_WINDOW_DAYS);
        let mut v: Vec<&RegisterRow> =
            active.iter().copied().filter(|r| r.renewal_date.is_some_and(|d| d >= today && d <= until)).collect();
        v.sort_by_key(|r| (r.renewal_date, r.name.to_lowercase()));
        v
    };
    tiles(doc, &active, overdue.len(), renewals.len());
    heat_and_top(doc, &active);
    super::services::concentration(doc, input);
    if let Some(changes) = &input.changes {
        changes_section(doc, changes);
    }
    super::readiness::draw(doc, input);
    overdue_section(doc, &overdue, today);
    renewals_section(doc, input, &renewals, today);
}

fn title_block(doc: &mut Doc, input: &WorksheetInput, active: usize) {
    let (x, w) = (doc.left(), doc.width());
    let kicker = TextStyle::new(style::SMALL, Weight::Bold, style::MUTED);
    let title = TextStyle::new(style::TITLE, Weight::Bold, style::NAVY);
    let org = TextStyle::new(14.0, Weight::Regular, style::INK);
    doc.paragraph("SERVICE-PROVIDER RISK WORKSHEET", &kicker, x, w);
    doc.y += 2.0;
    let heading = input.review_title.clone().unwrap_or_else(|| "Provider risk register".into());
    doc.paragraph(&heading, &title, x, w);
    let organisation = if input.organisation.trim().is_empty() { "Organisation not set" } else { input.organisation.as_str() };
    doc.paragraph(organisation, &org, x, w);
    if let Some(attendees) = &input.review_attendees {
        doc.paragraph(&format!("Attendees: {attendees}"), &TextStyle::new(style::BODY, Weight::Regular, style::INK), x, w);
    }
    doc.y += 2.0;
    let retired = input.rows.len() - active;
    let mut meta = format!("Prepared {} · {} providers in the register", words::date(input.generated_on), input.rows.len());
    if retired > 0 {
        meta.push_str(&format!(" ({active} active, {retired} retired)"));
    }
    doc.paragraph(&meta, &TextStyle::new(style::BODY, Weight::Regular, style::MUTED), x, w);
    doc.y += 12.0;
}

fn tiles(doc: &mut Doc, active: &[&RegisterRow], overdue: usize, renewals: usize) {
    let count = |level: Option<Level>| active.iter().filter(|r| r.inherent_level == level).count();
    let mut items: Vec<(String, String, style::Rgb8, style::Rgb8)> = [Level::Critical, Level::High, Level::Medium, Level::Low]
        .into_iter()
        .map(|l| (count(Some(l)).to_string(), l.label().to_string(), style::level_strong(l), style::level_tint(l)))
        .collect();
    items.push((count(None).to_string(), NOT_ASSESSED.into(), style::NOT_ASSESSED_STRONG, style::NOT_ASSESSED_TINT));
    items.push((overdue.to_string(), "Reviews overdue".into(), style::NAVY, style::ZEBRA));
    items.push((renewals.to_string(), "Renewing ≤ 90 days".into(), style::NAVY, style::ZEBRA));
    let gap = 8.0;
    let (x0, w) = (doc.left(), doc.width());
    let tile_w = (w - gap * (items.len() as f32 - 1.0)) / items.len() as f32;
    let h = 48.0;
    doc.ensure(h + 20.0);
    let y = doc.y;
    let (ctx, page) = doc.parts();
    // One label size for every tile: the smaller one when any label would run past its tile.
    let label_style = |size| TextStyle::new(size, Weight::Regular, style::MUTED);
    let fits = items.iter().all(|(_, label, ..)| ctx.width(label, &label_style(style::SMALL)) <= tile_w - 14.0);
    let label_style = label_style(if fits { style::SMALL } else { style::TINY });
    for (i, (figure, label, accent, fill)) in items.iter().enumerate() {
        let x = x0 + i as f32 * (tile_w + gap);
        page.fill_rect(x, y, tile_w, h, *fill);
        page.fill_rect(x, y, 3.0, h, *accent);
        page.text(ctx, x + 10.0, y + 24.0, figure, &TextStyle::new(18.0, Weight::Bold, style::INK));
        page.text(ctx, x + 10.0, y + 38.0, label, &label_style);
    }
    doc.y = y + h + 5.0;
    doc.paragraph(
        "Active providers by inherent risk level (highest failure-mode score: Low < 5 ≤ Medium < 10 ≤ High < 20 ≤ Critical). Not assessed providers (no failure mode scored yet) are counted apart, in no level.",
        &TextStyle::new(style::TINY, Weight::Regular, style::FAINT),
        x0,
        w,
    );
    doc.y += 8.0;
}

fn heat_and_top(doc: &mut Doc, active: &[&RegisterRow]) {
    let map_w = 205.0;
    doc.ensure(250.0);
    doc.heading("Heat map and top exposures", 220.0);
    let y = doc.y;
    let unassessed = active.iter().filter(|r| r.inherent_level.is_none()).count();
    let mut counts = [[0usize; 5]; 5];
    for r in active {
        if let Some(h) = r.heat.filter(|h| (1..=5).contains(&h.likelihood) && (1..=5).contains(&h.impact)) {
            counts[h.likelihood as usize - 1][h.impact as usize - 1] += 1;
        }
    }
    let x = doc.left();
    let map_bottom = {
        let (ctx, page) = doc.parts();
        let bottom = chart::heat_map(page, ctx, x, y + 14.0, map_w, &counts);
        let caption = TextStyle::new(style::TINY, Weight::Regular, style::FAINT);
        page.text(ctx, x, bottom + 10.0, "Each active provider sits at its highest-scoring failure mode.", &caption);
        if unassessed > 0 {
            let left_off = format!("{unassessed} Not assessed {} left off.", if unassessed == 1 { "provider is" } else { "providers are" });
            page.text(ctx, x, bottom + 19.0, &left_off, &caption);
        }
        bottom + 23.0
    };

    const COLUMNS: [super::table::Column; 3] = [col("Provider", 2.4), col("Exposure", 1.5), col("Driven by", 2.2)];
    let tx = x + map_w + 18.0;
    let tw = doc.width() - map_w - 18.0;
    let table = Table::at(&COLUMNS, style::SMALL, tx, tw);
    // A Not assessed provider has no exposure to rank.
    let mut ranked: Vec<&&RegisterRow> = active.iter().filter(|r| r.exposure.is_some()).collect();
    ranked.sort_by(|a, b| riskier_first(a, b));
    doc.y = y;
    table.header(doc);
    if ranked.is_empty() {
        let x = tx;
        let (ctx, page) = doc.parts();
        page.text(ctx, x + 4.0, y + 30.0, "No assessed active providers.", &TextStyle::new(style::SMALL, Weight::Regular, style::MUTED));
    }
    for (i, r) in ranked.iter().take(TOP_EXPOSURES).enumerate() {
        let driver = driver_of(r);
        table.row(
            doc,
            &[Cell::Strong(r.name.clone()), Cell::Level(r.exposure.map(words::exposure), r.exposure_level), Cell::Muted(driver)],
            i % 2 == 1,
        );
    }
    doc.y = doc.y.max(map_bottom) + 10.0;
}

/// The failure modes named in the first line of the explanation ("... is driven by X, Y.").
fn driver_of(r: &RegisterRow) -> String {
    r.explanation
        .first()
        .and_then(|l| l.split_once(" is driven by "))
        .map(|(_, d)| d.trim_end_matches('.').to_string())
        .unwrap_or_else(|| "—".into())
}

fn changes_section(doc: &mut Doc, changes: &crate::worksheet::input::Changes) {
    doc.heading(&format!("Changes since {}", changes.since), 40.0);
    const COLUMNS: [super::table::Column; 3] = [col("Provider", 2.0), col("Change", 3.5), col("Level", 1.6)];
    if changes.lines.is_empty() {
        note(doc, "No provider's scores have changed since that review.");
        doc.y += 10.0;
        return;
    }
    let table = Table::new(doc, &COLUMNS, style::SMALL);
    table.header(doc);
    for (i, c) in changes.lines.iter().enumerate() {
        let level = match (c.from, c.to) {
            (Some(a), Some(b)) if a != b => Cell::Text(format!("{} → {}", a.label(), b.label())),
            (_, Some(b)) => Cell::Level(None, Some(b)),
            (Some(a), None) => Cell::Muted(format!("was {}", a.label())),
            (None, None) => Cell::Muted("—".into()),
        };
        table.row(doc, &[Cell::Strong(c.provider.clone()), Cell::text(c.change.clone()), level], i % 2 == 1);
    }
    doc.y += 10.0;
}

fn overdue_section(doc: &mut Doc, overdue: &[&RegisterRow], today: chrono::NaiveDate) {
    doc.heading("Reviews overdue", 40.0);
    if overdue.is_empty() {
        note(doc, "Every active provider has been reviewed within its cadence.");
        doc.y += 10.0;
        return;
    }
    const COLUMNS: [super::table::Column; 5] = [
        col("Provider", 2.4),
        col("Inherent risk", 1.4),
        col("Last assessed", 1.3),
        col("Review was due", 1.3),
        col_right("Overdue by", 1.1),
    ];
    let table = Table::new(doc, &COLUMNS, style::SMALL);
    table.header(doc);
    for (i, r) in overdue.iter().take(LIST_LIMIT).enumerate() {
        let days = (today - r.next_review).num_days();
        let late =
            if days == 0 { Cell::Tinted("due today".into(), Level::Medium) } else { Cell::Tinted(format!("{days} days"), Level::Critical) };
        table.row(
            doc,
            &[
                Cell::Strong(r.name.clone()),
                Cell::Level(r.inherent.map(|i| i.to_string()), r.inherent_level),
                Cell::text(words::date(r.last_assessed)),
                Cell::text(words::date(r.next_review)),
                late,
            ],
            i % 2 == 1,
        );
    }
    if overdue.len() > LIST_LIMIT {
        note(doc, &format!("…and {} more overdue; every provider's next review is in the register table.", overdue.len() - LIST_LIMIT));
    }
    doc.y += 10.0;
}

fn renewals_section(doc: &mut Doc, input: &WorksheetInput, renewals: &[&RegisterRow], today: chrono::NaiveDate) {
    doc.heading("Contracts renewing within 90 days", 40.0);
    if renewals.is_empty() {
        note(doc, "No active contract renews in the next 90 days.");
        return;
    }
    const COLUMNS: [super::table::Column; 5] = [
        col("Provider", 2.4),
        col("Renews on", 1.2),
        col("Notice period", 1.1),
        col("Give notice by", 1.5),
        col_right("Annual spend", 1.4),
    ];
    let table = Table::new(doc, &COLUMNS, style::SMALL);
    table.header(doc);
    for (i, r) in renewals.iter().take(LIST_LIMIT).enumerate() {
        let profile = input.providers.iter().find(|p| p.id == r.id).map(|p| &p.profile);
        let notice = profile.and_then(|p| p.notice_period_days);
        let renewal = r.renewal_date.unwrap_or(today);
        let notice_by = match notice {
            Some(days) => {
                let by = crate::domain::contracts::notice_deadline(renewal, days);
                if by < today {
                    Cell::Tinted(format!("{} (passed)", words::date(by)), Level::Critical)
                } else {
                    Cell::text(words::date(by))
                }
            }
            None => Cell::Muted("—".into()),
        };
        table.row(
            doc,
            &[
                Cell::Strong(r.name.clone()),
                Cell::text(words::date(renewal)),
                Cell::text(notice.map(|d| format!("{d} days")).unwrap_or_else(|| "—".into())),
                notice_by,
                Cell::text(profile.map(|p| words::money(p.annual_spend, &p.currency)).unwrap_or_default()),
            ],
            i % 2 == 1,
        );
    }
    if renewals.len() > LIST_LIMIT {
        note(doc, &format!("…and {} more renewing; renewal dates are on each provider's page.", renewals.len() - LIST_LIMIT));
    }
}
