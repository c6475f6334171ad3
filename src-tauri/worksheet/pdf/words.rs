//! How figures and choices read on the page.

use chrono::NaiveDate;

use crate::domain::cadence::DueState;
use crate::domain::history::Direction;
use crate::domain::scoring::Level;
use crate::domain::services::dependency::Effect;

pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// 1234567.5 → "1,234,567.50"; whole amounts drop the decimals.
pub fn amount(value: f64) -> String {
    let whole = value.trunc() as i64;
    let cents = ((value - value.trunc()) * 100.0).round() as i64;
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if cents == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{cents:02}")
    }
}

pub fn money(value: Option<f64>, currency: &str) -> String {
    match value {
        Some(v) => format!("{} {}", amount(v), currency).trim().to_string(),
        None => "—".into(),
    }
}

/// A length of time as people say it: "45 min", "2 h 15 min", "3 d 4 h".
pub fn duration(minutes: i64) -> String {
    let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    match (days, hours, mins) {
        (0, 0, m) => format!("{m} min"),
        (0, h, 0) => format!("{h} h"),
        (0, h, m) => format!("{h} h {m} min"),
        (d, 0, _) => format!("{d} d"),
        (d, h, _) => format!("{d} d {h} h"),
    }
}

/// Hours as a drill records them: "4 h", "6.5 h".
pub fn hours(h: f64) -> String {
    if h.fract() == 0.0 {
        format!("{h:.0} h")
    } else {
        format!("{} h", (h * 10.0).round() / 10.0)
    }
}

/// An incident's time as recorded, in its own offset: "2026-03-29 09:00 +01:00".
pub fn moment(at: chrono::DateTime<chrono::FixedOffset>) -> String {
    at.format("%Y-%m-%d %H:%M %:z").to_string()
}

pub fn tier(tier: u8) -> String {
    match tier {
        1 => "Tier 1 (business stops)".into(),
        4 => "Tier 4 (nice to have)".into(),
        n => format!("Tier {n}"),
    }
}

pub fn direction(d: Direction) -> &'static str {
    match d {
        Direction::New => "• new",
        Direction::Up => "↑ rising",
        Direction::Down => "↓ falling",
        Direction::Flat => "→ steady",
    }
}

pub fn due(state: DueState) -> &'static str {
    match state {
        DueState::Overdue => "overdue",
        DueState::Due => "due today",
        DueState::DueSoon => "due soon",
        DueState::Current => "",
    }
}

pub fn exposure(e: f64) -> String {
    format!("{e:.1}")
}

/// "12 High", or "Not assessed" when there is no figure to show.
pub fn figure_and_level(figure: Option<String>, level: Option<Level>) -> String {
    match figure {
        Some(figure) => format!("{figure} {}", Level::label_of(level)),
        None => Level::label_of(level).to_string(),
    }
}

/// "USD 27,000 an hour", in whole units as the concentration sentences say it.
pub fn per_hour(cost: f64, currency: &str) -> String {
    format!("{currency} {} an hour", amount(cost.round())).trim().to_string()
}

/// What a service is while a provider fails: an off switch is named as such.
pub fn effect(e: Effect) -> &'static str {
    match e {
        Effect::Down => "Down",
        Effect::Degraded => "Degraded",
        Effect::Unaffected => "Unaffected (off switch)",
    }
}

/// A share of 0 … 1 as a whole percent, with a decimal only when it has one: "50 %", "7.5 %".
pub fn percent(share: f64) -> String {
    let p = (share * 1000.0).round() / 10.0;
    if p.fract() == 0.0 {
        format!("{p:.0} %")
    } else {
        format!("{p} %")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn amounts_group_thousands() {
        assert_eq!(super::amount(1234567.5), "1,234,567.50");
        assert_eq!(super::amount(950.0), "950");
        assert_eq!(super::money(Some(12000.0), "EUR"), "12,000 EUR");
    }
}
