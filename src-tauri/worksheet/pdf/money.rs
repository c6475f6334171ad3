//! Money at risk: the page after the summary (totals, the loss exceedance curve, the providers
//! that cost most in a normal year and in a bad one, and a paragraph reading it), and each
//! provider page's own figures with the frequency × loss per event of every failure mode.

use std::collections::BTreeMap;

use super::chart;
use super::fonts::Weight;
use super::layout::{Doc, Orientation, TextStyle};
use super::style;
use super::table::{col, col_right, note, Cell, Column, Table};
use crate::domain::ids::ProviderId;
use crate::domain::money::inputs::Resolution;
use crate::domain::money::results::{MoneyResults, ProviderResult};
use crate::worksheet::input::WorksheetInput;
use crate::worksheet::money::{money, resolution};

/// Providers the page ranks by expected annual loss.
const TOP_PROVIDERS: usize = 10;
/// The mark of an input resting on a default, explained under every table that uses it.
pub const DEFAULT_MARK: &str = "*";
const DEFAULT_NOTE: &str =
    "* rests on a default assumption (a likelihood band's range of events a year, 1–8 hours of downtime, a 20–60 % rise), not on evidence or your own figure: a guess to replace.";

/// Counts of the register's failure modes, for the reading.
struct ModeCounts {
    priced: usize,
    on_defaults: usize,
    /// Not priced, by failure mode name.
    not_priced: BTreeMap<String, usize>,
}

fn counts(results: &MoneyResults) -> ModeCounts {
    let mut c = ModeCounts { priced: 0, on_defaults: 0, not_priced: BTreeMap::new() };
    for m in results.providers.iter().flat_map(|p| &p.modes) {
        if m.priced() {
            c.priced += 1;
            c.on_defaults += usize::from(m.rests_on_defaults());
        } else {
            *c.not_priced.entry(m.mode.clone()).or_default() += 1;
        }
    }
    c
}

/// The page's paragraph: the figures in words.
pub fn reading(results: &MoneyResults) -> String {
    let cur = results.currency.as_str();
    let r = &results.register;
    let mut text = format!(
        "In a normal year the register's failures would cost about {} (the average of {} simulated years); one year in 20 at least {}, and one year in 100 at least {}.",
        money(r.expected, cur),
        crate::worksheet::money::amount(f64::from(results.years)),
        money(r.one_in_20, cur),
        money(r.one_in_100, cur)
    );
    if let Some(top) = ranked(results).first().filter(|p| p.figures.expected > 0.0) {
        let share = if r.expected > 0.0 { top.figures.expected / r.expected } else { 0.0 };
        text.push_str(&format!(
            " {} costs most in a normal year: {} ({} of the total)",
            top.name,
            money(top.figures.expected, cur),
            super::words::percent(share)
        ));
        match &top.top_mode {
            Some(mode) => text.push_str(&format!(", mostly from {}.", mode.to_lowercase())),
            None => text.push('.'),
        }
    }
    if let Some(tail) = results.tail.first() {
        text.push_str(&format!(" In the worst years {} carries {} of the loss.", tail.name, super::words::percent(tail.share)));
    }
    let c = counts(results);
    text.push_str(&format!(
        " {} of the {} priced failure mode{} rest on default assumptions",
        c.on_defaults,
        c.priced,
        if c.priced == 1 { "" } else { "s" }
    ));
    let not_priced: usize = c.not_priced.values().sum();
    if not_priced == 0 {
        text.push_str("; every failure mode is priced.");
    } else {
        let which: Vec<String> = c.not_priced.iter().map(|(mode, n)| format!("{mode} × {n}")).collect();
        text.push_str(&format!(
            "; {not_priced} {} not priced ({}) and so left out of these figures: each provider's page says why.",
            if not_priced == 1 { "is" } else { "are" },
            which.join(", ")
        ));
    }
    text
}

/// Providers by expected annual loss, largest first, then by name.
fn ranked(results: &MoneyResults) -> Vec<&ProviderResult> {
    let mut v: Vec<&ProviderResult> = results.providers.iter().collect();
    v.sort_by(|a, b| b.figures.expected.total_cmp(&a.figures.expected).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));
    v
}

pub fn page(doc: &mut Doc, input: &WorksheetInput) {
    let results = &input.money;
    let cur = results.currency.as_str();
    doc.running_title = None;
    doc.new_page(Orientation::Portrait);
    doc.bookmark("Money at risk");
    doc.running_title = Some("Money at risk (continued)".into());
    let (x, w) = (doc.left(), doc.width());
    doc.paragraph("Money at risk", &TextStyle::new(style::TITLE, Weight::Bold, style::NAVY), x, w);
    doc.paragraph(
        &format!(
            "What the register's failures would cost us in a year, in {cur}: each failure mode's frequency × its loss per event, over {} simulated years.",
            crate::worksheet::money::amount(f64::from(results.years))
        ),
        &TextStyle::new(style::BODY, Weight::Regular, style::MUTED),
        x,
        w,
    );
    doc.y += 8.0;
    totals(doc, results);
    doc.paragraph(&reading(results), &TextStyle::body(), x, w);
    doc.y += 10.0;

    // The curve, with the providers of the worst years beside it.
    doc.heading("Loss exceedance curve and the worst years", 190.0);
    let y = doc.y;
    let chart_w = (w * 0.56).floor();
    let points: Vec<(f64, f64)> = results.curve.iter().map(|p| (p.loss, p.probability)).collect();
    {
        let (ctx, page) = doc.parts();
        chart::exceedance(page, ctx, x, y + 4.0, chart_w, 176.0, &points, cur);
    }
    const TAIL: [Column; 2] = [col("Provider", 2.2), col_right("Share of the 1-in-100 year", 1.3)];
    let tx = x + chart_w + 14.0;
    let table = Table::at(&TAIL, style::SMALL, tx, w - chart_w - 14.0);
    table.header(doc);
    if results.tail.is_empty() {
        let (ctx, page) = doc.parts();
        page.text(ctx, tx + 4.0, y + 30.0, "No simulated year has a loss.", &TextStyle::new(style::SMALL, Weight::Regular, style::MUTED));
    }
    for (i, t) in results.tail.iter().enumerate() {
        table.row(doc, &[Cell::Strong(t.name.clone()), Cell::text(super::words::percent(t.share))], i % 2 == 1);
    }
    doc.y = doc.y.max(y + 184.0);
    note(doc, "The curve: the share of simulated years whose loss is above each amount. Beside it, each provider's average share of the loss in the years at or beyond the 1-in-100-year loss.");
    doc.y += 10.0;

    doc.heading("Providers by expected annual loss", 60.0);
    const TOP: [Column; 6] = [
        col("Provider", 2.0),
        col_right("Expected a year", 1.25),
        col_right("1 in 20 years", 1.25),
        col_right("1 in 100 years", 1.25),
        col("Costs most", 1.7),
        col_right("Inputs on defaults", 0.95),
    ];
    let table = Table::new(doc, &TOP, style::SMALL);
    table.header(doc);
    let ranked = ranked(results);
    for (i, p) in ranked.iter().take(TOP_PROVIDERS).enumerate() {
        let priced = p.modes.iter().filter(|m| m.priced()).count();
        table.row(
            doc,
            &[
                Cell::Strong(p.name.clone()),
                Cell::Strong(money(p.figures.expected, cur)),
                Cell::text(money(p.figures.one_in_20, cur)),
                Cell::text(money(p.figures.one_in_100, cur)),
                Cell::Muted(p.top_mode.clone().unwrap_or_else(|| "—".into())),
                Cell::text(format!("{} of {priced}", p.on_defaults)),
            ],
            i % 2 == 1,
        );
    }
    let mut under = String::from("\"Inputs on defaults\": the priced failure modes with a frequency or loss per event that rests on a default assumption, of those priced.");
    if ranked.len() > TOP_PROVIDERS {
        under.push_str(&format!(
            " …and {} more providers; each provider's page has its figures, and loss.csv every input.",
            ranked.len() - TOP_PROVIDERS
        ));
    }
    note(doc, &under);
    doc.running_title = None;
}

fn totals(doc: &mut Doc, results: &MoneyResults) {
    let cur = results.currency.as_str();
    let items = [
        ("Expected annual loss", "a normal year, on average", results.register.expected),
        ("1-in-20-year loss", "exceeded one year in 20", results.register.one_in_20),
        ("1-in-100-year loss", "exceeded one year in 100", results.register.one_in_100),
    ];
    let gap = 10.0;
    let (x0, w) = (doc.left(), doc.width());
    let tile_w = (w - gap * 2.0) / 3.0;
    let h = 54.0;
    doc.ensure(h + 10.0);
    let y = doc.y;
    let (ctx, page) = doc.parts();
    for (i, (label, sub, value)) in items.iter().enumerate() {
        let x = x0 + i as f32 * (tile_w + gap);
        page.fill_rect(x, y, tile_w, h, style::ZEBRA);
        page.fill_rect(x, y, 3.0, h, if i == 0 { style::NAVY } else { style::level_strong(crate::domain::scoring::Level::High) });
        page.text(ctx, x + 10.0, y + 13.0, label, &TextStyle::new(style::SMALL, Weight::Bold, style::MUTED));
        page.text(ctx, x + 10.0, y + 33.0, &money(*value, cur), &TextStyle::new(16.0, Weight::Bold, style::INK));
        page.text(ctx, x + 10.0, y + 46.0, sub, &TextStyle::new(style::TINY, Weight::Regular, style::MUTED));
    }
    doc.y = y + h + 10.0;
}

/// One input as a provider page's table shows it: the range, marked when it rests on a default.
fn input_cell(r: &Resolution, is_money: bool, currency: &str) -> Cell {
    let (range, _) = resolution(r, is_money, currency);
    match r {
        Resolution::Priced(p) if p.default => Cell::text(format!("{range} {DEFAULT_MARK}")),
        Resolution::Priced(_) => Cell::text(range),
        Resolution::NotPriced(_) => Cell::Muted(range),
    }
}

/// The provider page's money section; nothing for a provider out of the figures (retired). Kept
/// short so that the page still fits: priced failure modes get a row each, the others one line.
pub fn provider_section(doc: &mut Doc, input: &WorksheetInput, id: ProviderId) {
    let results = &input.money;
    let Some(p) = results.providers.iter().find(|p| p.provider_id == id) else { return };
    let cur = results.currency.as_str();
    doc.heading("Money at risk", 40.0);
    let figures = format!(
        "Expected {} a year · 1 in 20 years {} · 1 in 100 years {}",
        money(p.figures.expected, cur),
        money(p.figures.one_in_20, cur),
        money(p.figures.one_in_100, cur)
    );
    doc.field("Annual loss", &figures, 118.0);
    let priced: Vec<_> = p.modes.iter().filter(|m| m.priced()).collect();
    if !priced.is_empty() {
        const MODES: [Column; 5] = [
            col("Failure mode", 1.3),
            col("Frequency", 1.3),
            col("Loss per event", 1.5),
            col_right("Expected a year", 1.75),
            col("Where the figures come from", 3.4),
        ];
        let table = Table::new(doc, &MODES, style::TINY);
        table.header(doc);
        for (i, m) in priced.iter().enumerate() {
            let (_, freq_from) = resolution(&m.frequency, false, cur);
            let (_, loss_from) = resolution(&m.loss_per_event, true, cur);
            let share = if p.figures.expected > 0.0 { m.expected / p.figures.expected } else { 0.0 };
            let name = if p.top_mode.as_deref() == Some(m.mode.as_str()) {
                Cell::Strong(format!("{} ◆", m.mode))
            } else {
                Cell::text(m.mode.clone())
            };
            table.row(
                doc,
                &[
                    name,
                    input_cell(&m.frequency, false, cur),
                    input_cell(&m.loss_per_event, true, cur),
                    Cell::Strong(format!("{} ({})", money(m.expected, cur), super::words::percent(share))),
                    Cell::Muted(format!("Frequency: {freq_from}. Loss: {loss_from}.")),
                ],
                i % 2 == 1,
            );
        }
    }
    // The modes left out, grouped by why.
    let mut why: Vec<(String, Vec<&str>)> = Vec::new();
    for m in p.modes.iter().filter(|m| !m.priced()) {
        let reason = [&m.loss_per_event, &m.frequency]
            .into_iter()
            .find_map(|r| match r {
                Resolution::NotPriced(n) => Some(n.reason.trim().to_string()),
                Resolution::Priced(_) => None,
            })
            .unwrap_or_default();
        match why.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, modes)) => modes.push(&m.mode),
            None => why.push((reason, vec![&m.mode])),
        }
    }
    let mut under = String::new();
    if !priced.is_empty() {
        under.push_str("◆ costs most. ");
    }
    if !why.is_empty() {
        let said: Vec<String> =
            why.iter().map(|(reason, modes)| format!("{}: {}", modes.join(", "), reason.trim_end_matches('.'))).collect();
        under.push_str(&format!("Not priced, so out of the figures — {}. ", said.join("; ")));
    }
    if priced.iter().any(|m| m.rests_on_defaults()) {
        under.push_str(DEFAULT_NOTE);
    }
    if !under.is_empty() {
        note(doc, under.trim());
    }
    doc.y += 3.0;
}
