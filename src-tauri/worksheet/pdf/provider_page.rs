//! One risk-profile form per provider.

use chrono::Duration;

use super::chart::{self, IMPACT, LIKELIHOOD};
use super::fonts::Weight;
use super::layout::{wrap, Doc, Orientation, TextStyle};
use super::style;
use super::table::{col, Cell, Column, Table};
use super::words;
use crate::domain::history::trend;
use crate::domain::provider::Provider;
use crate::domain::register::RegisterRow;
use crate::domain::scoring::{score, Level};
use crate::worksheet::input::WorksheetInput;

const LABEL_WIDTH: f32 = 118.0;

const SCENARIO_COLUMNS: [Column; 6] = [
    col("Failure mode", 1.85),
    col("Likelihood", 1.4),
    col("Impact", 1.3),
    Column { title: "Score", weight: 0.7, align: super::layout::Align::Center },
    col("Level", 0.9),
    col("Note", 3.5),
];

/// The page of `input.providers[index]`, whose register row is `row`.
pub fn draw(doc: &mut Doc, input: &WorksheetInput, row: &RegisterRow, index: usize) {
    let (provider, evidence) = (&input.providers[index], input.evidence_of(index));
    doc.running_title = None;
    doc.new_page(Orientation::Portrait);
    doc.bookmark(&provider.profile.name);
    doc.running_title = Some(format!("{} (continued)", provider.profile.name));
    let scores = score(&provider.risk);
    let p = &provider.profile;

    header(doc, row, provider);

    doc.field("Value provided", &p.value_provided, LABEL_WIDTH);
    doc.field("Owner", &p.owner, LABEL_WIDTH);
    doc.field("Annual spend", &words::money(p.annual_spend, &p.currency), LABEL_WIDTH);
    let contract = match (p.renewal_date, p.notice_period_days) {
        // Validation keeps contract fields off a fourth party; say why there are none.
        _ if p.fourth_party => "None: a fourth party (providers we rely on run on it)".to_string(),
        (Some(date), Some(days)) => {
            let by = date - Duration::days(days as i64);
            let passed = if by < input.generated_on { " — passed" } else { "" };
            format!("Renews {} · {} days' notice (give notice by {}{passed})", words::date(date), days, words::date(by))
        }
        (Some(date), None) => format!("Renews {}", words::date(date)),
        (None, Some(days)) => format!("No renewal date · {days} days' notice"),
        (None, None) => String::new(),
    };
    doc.field("Contract", &contract, LABEL_WIDTH);
    doc.field("Data it holds", p.data_held.label(), LABEL_WIDTH);
    let links = [p.website.trim(), p.status_page.trim()];
    if links.iter().any(|l| !l.is_empty()) {
        doc.field("Website · status page", &format!("{}  ·  {}", or_dash(links[0]), or_dash(links[1])), LABEL_WIDTH);
    }
    doc.y += 3.0;

    doc.heading("Risk profile", 50.0);
    let table = Table::new(doc, &SCENARIO_COLUMNS, style::SMALL);
    table.header(doc);
    if provider.risk.scenarios.is_empty() {
        super::table::note(doc, "No failure mode is scored yet.");
    }
    for (i, s) in provider.risk.scenarios.iter().enumerate() {
        let figure = s.score();
        let level = figure.map(|f| Level::of(f as f64));
        let driver = figure.is_some() && figure == scores.inherent;
        let name = if driver { Cell::Strong(format!("{} ◆", s.mode)) } else { Cell::Text(s.mode.clone()) };
        table.row(
            doc,
            &[
                name,
                Cell::text(scale(s.likelihood, &LIKELIHOOD)),
                Cell::text(scale(s.impact, &IMPACT)),
                Cell::Strong(figure.map_or_else(|| "—".to_string(), |f| f.to_string())),
                // The provider's pill says Not assessed; an unscored row is a dash, like its scores.
                level.map_or_else(|| Cell::Muted("—".into()), |level| Cell::Level(None, Some(level))),
                Cell::Muted(s.note.clone()),
            ],
            i % 2 == 1,
        );
    }
    super::table::note(doc, "◆ drives the inherent risk. Score = likelihood × impact (1–25).");
    doc.y += 3.0;

    super::money::provider_section(doc, input, provider.id);

    doc.heading("Lock-in, alternatives and exit", 40.0);
    let r = &provider.risk;
    doc.field("Lock-in", &with_detail(&format!("{}/5", r.lock_in.level), &r.lock_in.reasons), LABEL_WIDTH);
    let alternatives = if r.alternatives.is_empty() {
        "None listed".to_string()
    } else {
        r.alternatives.iter().map(|a| format!("{} — {}", a.name, a.readiness.label())).collect::<Vec<_>>().join("\n")
    };
    doc.field("Alternatives", &alternatives, LABEL_WIDTH);
    let mut effort = format!("{}/5", r.replacement.effort);
    if let Some(weeks) = r.replacement.person_weeks {
        effort.push_str(&format!(" · about {} person-weeks", trim_number(weeks)));
    }
    if let Some(hours) = r.replacement.emergency_switch_hours {
        effort.push_str(&format!(" · emergency switch within {hours} hours"));
    }
    doc.field("Replacement effort", &effort, LABEL_WIDTH);
    doc.field("Exit strategy", r.exit.strategy.label(), LABEL_WIDTH);
    doc.field("Exit plan", &r.exit.plan, LABEL_WIDTH);
    // A provider with no evidence says so in one line rather than two empty sections.
    let shown = evidence.filter(|e| !super::evidence::is_quiet(e, input.generated_on));
    let rehearsed = match (r.exit.last_rehearsed, shown) {
        (Some(d), _) => words::date(d),
        (None, Some(_)) => "Never".into(),
        (None, None) => {
            format!("Never: no exit drill logged, and no incident recorded in the last {} months", super::evidence::INCIDENT_MONTHS)
        }
    };
    doc.field("Plan last rehearsed", &rehearsed, LABEL_WIDTH);
    doc.y += 3.0;

    super::services::blast_radius(doc, input, provider.id);

    trend_and_breakdown(doc, input, provider, &scores);
    if let Some(evidence) = shown {
        super::evidence::draw(doc, input, evidence);
    }

    doc.field("Notes", &p.notes, LABEL_WIDTH);
    doc.running_title = None;
}

/// The trend chart with the score breakdown beside it: what moved, and why the figures are what
/// they are.
fn trend_and_breakdown(doc: &mut Doc, input: &WorksheetInput, provider: &Provider, scores: &crate::domain::scoring::Scores) {
    let points = trend(input.snapshots_of(provider.id));
    let body = TextStyle::new(style::SMALL + 0.5, Weight::Regular, style::INK);
    let (x, w) = (doc.left(), doc.width());
    let chart_w = (w * 0.52).floor();
    let text_x = x + chart_w + 16.0;
    let text_w = w - chart_w - 16.0;
    let lines: Vec<Vec<String>> = scores.explanation().iter().map(|l| wrap(&doc.ctx, l, &body, text_w - 10.0)).collect();
    let text_h = 14.0 + lines.iter().map(|l| l.len() as f32 * body.leading() + 3.0).sum::<f32>();
    // A shorter chart rather than a page of its own when the page is nearly full (US Letter).
    const HEADING: f32 = 32.0;
    let room = doc.room() - HEADING - 14.0;
    let chart_h: f32 = if room >= text_h.max(64.0) { room.min(98.0) } else { 98.0 };
    doc.heading("Trend and how the scores come about", chart_h.max(text_h) + 14.0);
    let y = doc.y;
    let (ctx, page) = doc.parts();
    chart::trend(page, ctx, x, y, chart_w, chart_h, &points);
    let n = points.len();
    let caption = TextStyle::new(style::TINY, Weight::Regular, style::MUTED);
    page.text(ctx, x + 22.0, y + chart_h + 6.0, &format!("{n} assessment{} on record.", if n == 1 { "" } else { "s" }), &caption);
    let label = TextStyle::new(style::SMALL, Weight::Bold, style::MUTED);
    page.text(ctx, text_x, y + label.ascent(), "Score breakdown", &label);
    let mut ty = y + 14.0;
    for wrapped in &lines {
        page.text(ctx, text_x, ty + body.ascent(), "•", &body);
        for line in wrapped {
            page.text(ctx, text_x + 10.0, ty + body.ascent(), line, &body);
            ty += body.leading();
        }
        ty += 3.0;
    }
    doc.y = (y + chart_h + 12.0).max(ty) + 6.0;
}

fn header(doc: &mut Doc, row: &RegisterRow, provider: &Provider) {
    let p = &provider.profile;
    let (x, w) = (doc.left(), doc.width());
    let name_style = TextStyle::new(17.0, Weight::Bold, style::WHITE);
    let sub_style = TextStyle::new(style::BODY, Weight::Regular, style::Rgb8(0xd6, 0xdc, 0xe8));
    let names = wrap(&doc.ctx, &p.name, &name_style, w - 24.0);
    let subtitle = format!("{} · {} · {}", p.category.label(), words::tier(p.tier), p.status.label());
    let band_h = 12.0 + names.len() as f32 * name_style.leading() + sub_style.leading() + 6.0;
    let y = doc.y;
    {
        let (ctx, page) = doc.parts();
        page.fill_rect(x, y, w, band_h, style::NAVY);
        let mut baseline = y + 9.0 + name_style.ascent();
        for line in &names {
            page.text(ctx, x + 12.0, baseline, line, &name_style);
            baseline += name_style.leading();
        }
        page.text(ctx, x + 12.0, baseline + 1.0, &subtitle, &sub_style);
    }
    doc.y = y + band_h + 6.0;

    // Score strip: the figures a reader looks for first.
    let label = TextStyle::new(style::SMALL, Weight::Bold, style::MUTED);
    let pill = TextStyle::new(style::BODY, Weight::Bold, style::INK);
    let y = doc.y;
    let mut cx = x;
    let next = {
        let state = words::due(row.due);
        if state.is_empty() {
            words::date(row.next_review)
        } else {
            format!("{} ({state})", words::date(row.next_review))
        }
    };
    {
        let (ctx, page) = doc.parts();
        for (caption, text, level) in [
            // `Some(level)` is a pill, grey when the level itself is None (Not assessed).
            ("Inherent risk", words::figure_and_level(row.inherent.map(|i| i.to_string()), row.inherent_level), Some(row.inherent_level)),
            ("Exposure", words::figure_and_level(row.exposure.map(words::exposure), row.exposure_level), Some(row.exposure_level)),
            ("Trend", words::direction(row.direction).to_string(), None),
            ("Last assessed", words::date(row.last_assessed), None),
            ("Next review", next.clone(), None),
        ] {
            page.text(ctx, cx, y + label.ascent(), caption, &label);
            let top = y + label.leading() + 1.0;
            let width = match level {
                Some(level) => {
                    page.pill(ctx, cx - 1.0, top, &text, &pill.colored(style::level_text_or_grey(level)), style::level_tint_or_grey(level))
                }
                None => {
                    let color = if matches!(row.due, crate::domain::cadence::DueState::Overdue) && caption == "Next review" {
                        style::level_text(Level::Critical)
                    } else {
                        style::INK
                    };
                    page.text(ctx, cx, top + pill.size * 1.0, &text, &pill.colored(color));
                    ctx.width(&text, &pill)
                }
            };
            cx += width.max(ctx.width(caption, &label)) + 18.0;
        }
    }
    doc.y = y + label.leading() + pill.size * 1.35 + 10.0;
    let rule = doc.y - 6.0;
    let (ctx, page) = doc.parts();
    let _ = ctx;
    page.line(x, rule, x + w, rule, style::RULE, 0.6);
}

/// "3 · Possible", or "—" for a failure mode not scored yet.
fn scale(value: Option<u8>, names: &[&str; 5]) -> String {
    let Some(value) = value else { return "—".to_string() };
    match names.get((value as usize).wrapping_sub(1)) {
        Some(name) => format!("{value} · {name}"),
        None => value.to_string(),
    }
}

fn with_detail(figure: &str, detail: &str) -> String {
    if detail.trim().is_empty() {
        figure.to_string()
    } else {
        format!("{figure} — {}", detail.trim())
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() {
        "—"
    } else {
        s
    }
}

fn trim_number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}
