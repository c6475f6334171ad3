//! Money at risk as the worksheet writes it: figures in the register's currency with thousands
//! separators, frequencies as events a year, and where each range came from in words. The PDF
//! pages and `loss.csv` (and the workbook's Money sheet) say it the same way.

use crate::domain::money::inputs::{Derived, Input, Resolution, Source};
use crate::domain::money::range::Range;
use crate::domain::scales::LIKELIHOOD;

/// A whole amount with thousands separators: 1234567.4 → "1,234,567".
pub fn amount(value: f64) -> String {
    super::pdf::amount(value.round())
}

/// "USD 1,234,567".
pub fn money(value: f64, currency: &str) -> String {
    format!("{currency} {}", amount(value)).trim().to_string()
}

/// A money range: "USD 2,000–48,000", or one figure when both ends are the same.
pub fn money_range(r: Range, currency: &str) -> String {
    if amount(r.low) == amount(r.high) {
        money(r.low, currency)
    } else {
        format!("{currency} {}–{}", amount(r.low), amount(r.high)).trim().to_string()
    }
}

/// Events a year as people read them: 2, 0.5, 0.05, 0.0033 (two significant figures below one).
pub fn rate(value: f64) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let text = if value >= 10.0 {
        format!("{value:.0}")
    } else if value >= 1.0 {
        format!("{value:.1}")
    } else {
        let digits = (1.0 - value.log10().floor()).max(0.0) as usize;
        format!("{value:.digits$}")
    };
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A frequency range: "0.2–1 a year", or "1 a year".
pub fn rate_range(r: Range) -> String {
    if rate(r.low) == rate(r.high) {
        format!("{} a year", rate(r.low))
    } else {
        format!("{}–{} a year", rate(r.low), rate(r.high))
    }
}

fn hours(r: Range) -> String {
    let h = |v: f64| if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{}", (v * 10.0).round() / 10.0) };
    if h(r.low) == h(r.high) {
        format!("{} h", h(r.low))
    } else {
        format!("{}–{} h", h(r.low), h(r.high))
    }
}

fn percent(r: Range) -> String {
    let p = |v: f64| format!("{}", (v * 1000.0).round() / 10.0);
    format!("{}–{} %", p(r.low), p(r.high))
}

/// Where a range came from, in words, with the figures it was worked out from.
pub fn source(source: &Source, currency: &str) -> String {
    match source {
        Source::LikelihoodBand { likelihood } => {
            let name = LIKELIHOOD.get((*likelihood as usize).wrapping_sub(1)).copied().unwrap_or("");
            format!("Likelihood {likelihood} ({name}) read as its band")
        }
        Source::Evidence { incidents, years } => {
            let years = (years * 10.0).round() / 10.0;
            format!("{incidents} incident{} in {years} years", if *incidents == 1 { "" } else { "s" })
        }
        Source::BlastRadius { cost_per_hour, hours: h, hours_from_incidents, capped_by_switch, fixed_response_cost } => {
            let from = if *hours_from_incidents { "past incidents' recovery" } else { "default duration" };
            let mut text = format!("Blast radius {} an hour × {} ({from})", money(*cost_per_hour, currency), hours(*h));
            if let Some(cap) = capped_by_switch {
                text.push_str(&format!(", capped by the {} emergency switch", hours(Range::exactly(*cap))));
            }
            text.push_str(&format!(" + {} fixed response cost", money(*fixed_response_cost, currency)));
            text
        }
        Source::SpendRise { spend, rise, cap } => {
            let mut text = format!("Annual spend {} × a {} rise", money(*spend, currency), percent(*rise));
            if let Some(cap) = cap {
                text.push_str(&format!(", capped by the replacement cost {}", money(*cap, currency)));
            }
            text
        }
        Source::Replacement { person_weeks, weekly_cost, switch_hours, switch_hours_known, outage_cost_per_hour } => {
            let weeks = if person_weeks.fract() == 0.0 { format!("{person_weeks:.0}") } else { format!("{person_weeks}") };
            let switch = if *switch_hours_known { "the emergency switch time" } else { "default duration" };
            format!(
                "Replacement: {weeks} person-weeks × {} a week + {} down during the switch ({switch}) × {} an hour",
                money(*weekly_cost, currency),
                hours(*switch_hours),
                money(*outage_cost_per_hour, currency)
            )
        }
        Source::User { note } if note.trim().is_empty() => "Your figure".into(),
        Source::User { note } => format!("Your figure: {}", note.trim()),
    }
}

/// Where an input's default came from, or why there is none.
pub fn derived_source(input: &Input, currency: &str) -> String {
    match &input.derived {
        Derived::Priced(s) => source(&s.source, currency),
        Derived::NotPriced(n) => format!("Not priced: {}", n.reason.trim()),
    }
}

/// What the simulation used, and where it came from: "0.2–1 a year · Likelihood band 3
/// (Possible) · your figure: …".
pub fn resolution(r: &Resolution, money_range_of: bool, currency: &str) -> (String, String) {
    match r {
        Resolution::Priced(r) => {
            let range = if money_range_of { money_range(r.range, currency) } else { rate_range(r.range) };
            let mut from = source(&r.source, currency);
            if let Some(note) = &r.override_note {
                if !matches!(r.source, Source::User { .. }) {
                    let note = note.trim();
                    if note.is_empty() {
                        from.push_str(", with your figure");
                    } else {
                        from.push_str(&format!(", with your figure: {note}"));
                    }
                }
            }
            (range, from)
        }
        Resolution::NotPriced(n) => ("Not priced".into(), n.reason.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_a_board_reads_them() {
        assert_eq!(money(1_234_567.4, "USD"), "USD 1,234,567");
        assert_eq!(money_range(Range { low: 2_000.0, high: 48_000.0 }, "EUR"), "EUR 2,000–48,000");
        assert_eq!(rate(0.05), "0.05");
        assert_eq!(rate(0.0333), "0.033");
        assert_eq!(rate(2.0), "2");
        assert_eq!(rate(0.5), "0.5");
        assert_eq!(rate_range(Range { low: 0.2, high: 1.0 }), "0.2–1 a year");
    }
}
