//! Cell values: what a spreadsheet may hold for each kind of field, with messages that say what
//! was expected.

use chrono::NaiveDate;

use crate::domain::provider::{Alternative, Readiness};
use crate::domain::text::fold;

pub fn level(text: &str, what: &str, max: u8) -> Result<u8, String> {
    let t = text.trim();
    let value: i64 = t
        .parse()
        .or_else(|_| t.parse::<f64>().ok().filter(|f| f.fract() == 0.0).map(|f| f as i64).ok_or(()))
        .map_err(|_| format!("{what} must be a whole number from 1 to {max}, not \"{t}\"."))?;
    if (1..=max as i64).contains(&value) {
        Ok(value as u8)
    } else {
        Err(format!("{what} must be between 1 and {max}, not {value}."))
    }
}

/// Tier 1–4; also "Tier 2", "T2", and criticality words (critical = 1 … low = 4).
pub fn tier(text: &str) -> Result<u8, String> {
    let f = fold(text);
    let word = match f.as_str() {
        "critical" | "businessstops" => Some(1),
        "high" => Some(2),
        "medium" => Some(3),
        "low" | "nicetohave" => Some(4),
        _ => None,
    };
    if let Some(t) = word {
        return Ok(t);
    }
    let digits = f.trim_start_matches("tier").trim_start_matches('t');
    level(if digits.is_empty() { text } else { digits }, "Tier", 4)
}

pub fn date(text: &str) -> Result<NaiveDate, String> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| format!("\"{t}\" is not a date; write dates as YYYY-MM-DD."))
}

pub fn date_not_after(text: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let d = date(text)?;
    if d > today {
        return Err(format!("{d} is in the future; an assessment can be dated {today} at the latest."));
    }
    Ok(d)
}

pub fn opt_date(text: &str) -> Result<Option<NaiveDate>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        date(text).map(Some)
    }
}

/// An amount: spaces, thousands commas and currency symbols are ignored.
pub fn amount(text: &str, what: &str) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let cleaned: String = t.chars().filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '€' | '£' | '$' | '¥')).collect();
    let cleaned = cleaned.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        Ok(_) => Err(format!("{what} cannot be negative.")),
        Err(_) => Err(format!("{what} must be a number, not \"{t}\".")),
    }
}

pub fn count(text: &str, what: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits = t.trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace());
    digits.parse::<u32>().map(Some).map_err(|_| format!("{what} must be a whole number of days or hours, not \"{t}\"."))
}

pub fn choice<T: Copy>(text: &str, what: &str, parse: fn(&str) -> Option<T>, all: &[T], label: fn(T) -> &'static str) -> Result<T, String> {
    parse(text.trim()).ok_or_else(|| {
        let options: Vec<&str> = all.iter().map(|c| label(*c)).collect();
        format!("\"{}\" is not a {what}; expected one of: {}.", text.trim(), options.join(", "))
    })
}

/// One alternative per line, each "Name (Readiness)"; a line without a readiness counts as
/// identified.
pub fn alternatives(text: &str) -> Vec<Alternative> {
    text.split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            if let Some((name, rest)) = line.rsplit_once(" (") {
                if let Some(readiness) = rest.strip_suffix(')').and_then(Readiness::parse) {
                    return Alternative { name: name.to_string(), readiness };
                }
            }
            Alternative { name: line.to_string(), readiness: Readiness::Identified }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_tiers() {
        assert_eq!(level(" 3 ", "Lock-in", 5), Ok(3));
        assert_eq!(level("7", "Lock-in", 5), Err("Lock-in must be between 1 and 5, not 7.".into()));
        assert!(level("high", "Lock-in", 5).unwrap_err().contains("whole number"));
        assert_eq!(tier("Tier 2"), Ok(2));
        assert_eq!(tier("critical"), Ok(1));
        assert!(tier("5").is_err());
    }

    #[test]
    fn amounts_and_alternatives() {
        assert_eq!(amount("€12,000", "Spend"), Ok(Some(12000.0)));
        assert_eq!(amount("1200.5 EUR", "Spend"), Ok(Some(1200.5)));
        assert!(amount("lots", "Spend").is_err());
        let alts = alternatives("Adyen (Contracted)\nBraintree (Identified)\nMollie (beta) (Evaluated)\nPaddle");
        assert_eq!(alts.len(), 4);
        assert_eq!(alts[2].name, "Mollie (beta)");
        assert_eq!(alts[3].readiness, Readiness::Identified);
    }
}
