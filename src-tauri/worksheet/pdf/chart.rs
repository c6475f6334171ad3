//! Vector charts: the 5 × 5 likelihood × impact heat map and a provider's score trend.

use super::fonts::Weight;
use super::layout::{Align, Canvas, Ctx, TextStyle};
use super::style::{self};
use crate::domain::history::TrendPoint;
use crate::domain::scoring::{scenario_score, Level};

pub use crate::domain::scales::{IMPACT, LIKELIHOOD};

/// `counts[likelihood - 1][impact - 1]` providers placed by their driving failure mode.
/// Draws in the box `[x, x + size] × [y, y + size]` including axis labels.
pub fn heat_map(page: &mut Canvas, ctx: &Ctx, x: f32, y: f32, size: f32, counts: &[[usize; 5]; 5]) -> f32 {
    let label = TextStyle::new(style::TINY, Weight::Regular, style::MUTED);
    let axis = TextStyle::new(style::SMALL, Weight::Bold, style::MUTED);
    let gutter = 58.0;
    let foot = 28.0;
    let cell = ((size - gutter).min(size - foot) / 5.0).floor();
    let grid_x = x + gutter;
    let grid_y = y;
    for l in 1..=5u8 {
        let row_top = grid_y + (5 - l) as f32 * cell;
        page.text_in(
            ctx,
            x,
            gutter - 6.0,
            row_top + cell / 2.0 + 2.5,
            &format!("{} {}", l, LIKELIHOOD[l as usize - 1]),
            &label,
            Align::Right,
        );
        for i in 1..=5u8 {
            let level = Level::of(scenario_score(l, i) as f64);
            let count = counts[l as usize - 1][i as usize - 1];
            let cx = grid_x + (i - 1) as f32 * cell;
            let fill = if count > 0 { style::level_strong(level) } else { style::level_tint(level) };
            page.fill_rect(cx, row_top, cell, cell, fill);
            page.stroke_rect(cx, row_top, cell, cell, style::WHITE, 1.5);
            if count > 0 {
                let st = TextStyle::new(style::BODY + 1.0, Weight::Bold, style::WHITE);
                page.text_in(ctx, cx, cell, row_top + cell / 2.0 + 3.5, &count.to_string(), &st, Align::Center);
            }
        }
    }
    let bottom = grid_y + 5.0 * cell;
    for i in 1..=5u8 {
        let cx = grid_x + (i - 1) as f32 * cell;
        page.text_in(ctx, cx, cell, bottom + 9.0, &i.to_string(), &label, Align::Center);
        page.text_in(ctx, cx, cell, bottom + 16.5, IMPACT[i as usize - 1], &label.with_size(5.5), Align::Center);
    }
    page.text_in(ctx, grid_x, 5.0 * cell, bottom + 27.0, "Impact →", &axis, Align::Center);
    page.text(ctx, x, y - 5.0, "Likelihood ↑", &axis);
    bottom + 30.0
}

/// Inherent risk and exposure across snapshots, over the level bands, in `[x, x+w] × [y, y+h]`.
pub fn trend(page: &mut Canvas, ctx: &Ctx, x: f32, y: f32, w: f32, h: f32, points: &[TrendPoint]) {
    let label = TextStyle::new(style::TINY, Weight::Regular, style::MUTED);
    let left = x + 22.0;
    let right = x + w - 6.0;
    let top = y + 16.0;
    let bottom = y + h - 16.0;
    let to_y = |v: f64| bottom - (v as f32 / 25.0) * (bottom - top);
    for (level, lo, hi) in [(Level::Low, 0.0, 5.0), (Level::Medium, 5.0, 10.0), (Level::High, 10.0, 20.0), (Level::Critical, 20.0, 25.0)] {
        page.fill_rect(left, to_y(hi), right - left, to_y(lo) - to_y(hi), style::level_band(level));
        page.text_in(ctx, left, right - left - 4.0, to_y(hi) + 7.0, level.label(), &label.colored(style::level_text(level)), Align::Right);
    }
    for v in [0.0, 5.0, 10.0, 20.0, 25.0] {
        page.line(left, to_y(v), right, to_y(v), style::RULE, 0.4);
        page.text_in(ctx, x, 18.0, to_y(v) + 2.3, &format!("{v:.0}"), &label, Align::Right);
    }
    page.line(left, top, left, bottom, style::RULE, 0.6);

    // Legend, above the plot.
    let legend = TextStyle::new(style::SMALL, Weight::Regular, style::INK);
    let mut lx = left;
    for (name, color) in [("Inherent risk", style::INHERENT_LINE), ("Exposure", style::EXPOSURE_LINE)] {
        page.line(lx, y + 6.0, lx + 14.0, y + 6.0, color, 1.6);
        page.text(ctx, lx + 18.0, y + 8.5, name, &legend);
        lx += 18.0 + ctx.width(name, &legend) + 14.0;
    }

    // A Not assessed snapshot has no figure to plot: the line joins the scored ones.
    let points: Vec<(&TrendPoint, f64, f64)> = points.iter().filter_map(|p| Some((p, p.inherent? as f64, p.exposure?))).collect();
    if points.is_empty() {
        page.text_in(ctx, left, right - left, (top + bottom) / 2.0, "No scored assessments yet.", &label, Align::Center);
        return;
    }
    let first = points.first().map(|(p, ..)| p.taken_on).unwrap_or_default();
    let last = points.last().map(|(p, ..)| p.taken_on).unwrap_or_default();
    let span = (last - first).num_days().max(1) as f32;
    let inset = 10.0;
    let to_x = |p: &TrendPoint| {
        if points.len() == 1 {
            (left + right) / 2.0
        } else {
            left + inset + (p.taken_on - first).num_days() as f32 / span * (right - left - 2.0 * inset)
        }
    };
    let inherent: Vec<(f32, f32)> = points.iter().map(|&(p, inherent, _)| (to_x(p), to_y(inherent))).collect();
    let exposure: Vec<(f32, f32)> = points.iter().map(|&(p, _, exposure)| (to_x(p), to_y(exposure))).collect();
    page.polyline(&inherent, style::INHERENT_LINE, 1.6);
    page.polyline(&exposure, style::EXPOSURE_LINE, 1.6);
    for (&(ix, iy), &(ex, ey)) in inherent.iter().zip(&exposure) {
        page.marker(ix, iy, 2.6, style::INHERENT_LINE);
        page.marker(ex, ey, 2.6, style::EXPOSURE_LINE);
    }
    // Date labels: first and last, and the middle snapshot when there are more.
    let mut labelled = vec![0, points.len() - 1];
    if points.len() > 2 {
        labelled.insert(1, points.len() / 2);
    }
    labelled.dedup();
    // Later labels give way to earlier ones (and the last) rather than overlap them.
    let mut placed: Vec<(f32, f32, usize)> = Vec::new();
    for &i in labelled.iter().rev() {
        let text = points[i].0.taken_on.format("%Y-%m-%d").to_string();
        let tw = ctx.width(&text, &label);
        let tx = (to_x(points[i].0) - tw / 2.0).clamp(left, right - tw);
        if placed.iter().all(|&(x0, x1, _)| tx + tw + 6.0 < x0 || tx > x1 + 6.0) {
            placed.push((tx, tx + tw, i));
            page.text(ctx, tx, bottom + 9.0, &text, &label);
        }
    }
}

/// A loss exceedance curve in `[x, x+w] × [y, y+h]`: the share of years whose loss is above each
/// amount, both on log scales (powers of ten labelled), so that the bad years — the 1-in-20 and
/// 1-in-100 lines, marked — are as readable as the normal ones. `points` are `(loss, share of
/// years)`, lowest loss first.
#[allow(clippy::too_many_arguments)]
pub fn exceedance(page: &mut Canvas, ctx: &Ctx, x: f32, y: f32, w: f32, h: f32, points: &[(f64, f64)], currency: &str) {
    let label = TextStyle::new(style::TINY, Weight::Regular, style::MUTED);
    let axis = TextStyle::new(style::TINY, Weight::Bold, style::MUTED);
    let left = x + 34.0;
    let right = x + w - 16.0;
    let top = y + 14.0;
    let bottom = y + h - 26.0;
    page.text(ctx, x, y + 6.0, "Share of years with a loss above (log scale) ↑", &axis);
    let shown: Vec<(f64, f64)> = points.iter().copied().filter(|&(loss, share)| loss > 0.0 && share > 0.0).collect();
    page.line(left, top, left, bottom, style::RULE, 0.6);
    page.line(left, bottom, right, bottom, style::RULE, 0.6);
    if shown.is_empty() {
        page.text_in(ctx, left, right - left, (top + bottom) / 2.0, "No simulated year has a loss.", &label, Align::Center);
        return;
    }
    // Whole powers of ten around the curve, so the ticks read 1,000 · 10,000 · 100,000.
    let lo = shown.first().map_or(1.0, |p| p.0).log10().floor();
    let hi = shown.last().map_or(10.0, |p| p.0).log10().ceil().max(lo + 1.0);
    let to_x = |loss: f64| left + ((loss.log10() - lo) / (hi - lo)) as f32 * (right - left);
    // Shares from 100 % down to the rarest year shown (at least down to 1 in 1,000).
    let rarest = shown.iter().map(|p| p.1).fold(1.0, f64::min).log10().floor().min(-3.0);
    let to_y = |share: f64| bottom - ((share.log10() - rarest) / -rarest) as f32 * (bottom - top);
    for power in (rarest as i32)..=0 {
        let share = 10f64.powi(power);
        page.line(left, to_y(share), right, to_y(share), style::RULE, 0.3);
        let text = if power >= -2 { format!("{:.0} %", share * 100.0) } else { format!("{} %", share * 100.0) };
        page.text_in(ctx, x, 30.0, to_y(share) + 2.3, &text, &label, Align::Right);
    }
    for power in (lo as i32)..=(hi as i32) {
        let loss = 10f64.powi(power);
        let tx = to_x(loss);
        page.line(tx, top, tx, bottom, style::RULE, 0.3);
        // The first label starts at the axis, clear of the share labels beside it.
        let (from, align) = if power == lo as i32 { (tx, Align::Left) } else { (tx - 30.0, Align::Center) };
        page.text_in(ctx, from, 60.0, bottom + 9.0, &super::words::amount(loss), &label, align);
    }
    page.text_in(ctx, left, right - left, bottom + 20.0, &format!("Loss in a year ({currency}, log scale) →"), &axis, Align::Center);
    // The 1-in-20 and 1-in-100 shares.
    let marked = TextStyle::new(style::TINY, Weight::Bold, style::level_text(Level::High));
    for (share, name) in [(0.05, "1 year in 20"), (0.01, "1 year in 100")] {
        page.line(left, to_y(share), right, to_y(share), style::level_strong(Level::High), 0.6);
        page.text_in(ctx, left, right - left - 2.0, to_y(share) - 2.0, name, &marked, Align::Right);
    }
    let line: Vec<(f32, f32)> = shown.iter().map(|&(loss, share)| (to_x(loss), to_y(share))).collect();
    page.polyline(&line, style::EXPOSURE_LINE, 1.8);
}
