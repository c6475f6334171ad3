//! Cell values: what a spreadsheet may hold for each kind of field, read from text, numbers or
//! dates alike, with messages that say what was expected.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::provider::Readiness;
use crate::domain::text::fold;
use crate::worksheet::Cell;

/// The longest run of leading words a choice is looked for in ("Keep a live alternative").
const MAX_CHOICE_WORDS: usize = 5;

/// A whole number from 1 to `max`, or one of `words` (point 1 first). A word may be followed by
/// an explanation, which is returned as the rest.
pub fn scale(cell: &Cell, what: &str, max: u8, words: &[&str]) -> Result<(u8, String), String> {
    if let Cell::Number(n) = cell {
        return in_range(*n, what, max).map(|v| (v, String::new()));
    }
    let text = cell.to_text();
    let t = text.trim();
    if let Ok(n) = t.parse::<f64>() {
        return in_range(n, what, max).map(|v| (v, String::new()));
    }
    let word = |w: &str| words.iter().position(|x| fold(x) == fold(w)).map(|i| i as u8 + 1);
    if let Some((v, rest)) = leading(t, |w| word(w).or_else(|| w.parse::<u8>().ok().filter(|n| (1..=max).contains(n)))) {
        return Ok((v, rest));
    }
    let named = if words.is_empty() { String::new() } else { format!(" or one of: {}", words.join(", ")) };
    Err(format!("{what} must be a whole number from 1 to {max}{named}; \"{t}\" is neither."))
}

fn in_range(n: f64, what: &str, max: u8) -> Result<u8, String> {
    if n.fract() != 0.0 {
        return Err(format!("{what} must be a whole number from 1 to {max}, not {n}."));
    }
    if (1.0..=f64::from(max)).contains(&n) {
        Ok(n as u8)
    } else {
        Err(format!("{what} must be between 1 and {max}, not {n}."))
    }
}

/// Tier 1–4; also "Tier 2", "T2", and criticality words (critical = 1 … low = 4).
pub fn tier(cell: &Cell) -> Result<(u8, String), String> {
    let word = |w: &str| -> Option<u8> {
        let f = fold(w);
        match f.as_str() {
            "critical" | "businessstops" | "missioncritical" => Some(1),
            "high" | "majordisruption" => Some(2),
            "medium" | "minordisruption" => Some(3),
            "low" | "nicetohave" => Some(4),
            _ => f.trim_start_matches("tier").trim_start_matches('t').parse().ok().filter(|n| (1..=4).contains(n)),
        }
    };
    if let Cell::Number(n) = cell {
        return in_range(*n, "Tier", 4).map(|v| (v, String::new()));
    }
    let text = cell.to_text();
    leading(text.trim(), word).ok_or_else(|| {
        format!(
            "Tier must be 1 to 4 (1 = business stops … 4 = nice to have) or critical, high, medium or low; \"{}\" is neither.",
            text.trim()
        )
    })
}

/// A date: a date cell, an Excel date serial, or text as YYYY-MM-DD.
pub fn date(cell: &Cell) -> Result<NaiveDate, String> {
    match cell {
        Cell::Date(d) => Ok(*d),
        // Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
        Cell::Number(n) if n.fract() == 0.0 && (1.0..=2_958_465.0).contains(n) => NaiveDate::from_ymd_opt(1899, 12, 30)
            .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(*n as u64)))
            .ok_or_else(|| format!("{n} is not a date.")),
        other => {
            let text = other.to_text();
            let t = text.trim();
            NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| format!("\"{t}\" is not a date; write dates as YYYY-MM-DD."))
        }
    }
}

pub fn date_not_after(cell: &Cell, today: NaiveDate) -> Result<NaiveDate, String> {
    let d = date(cell)?;
    if d > today {
        return Err(format!("{d} is in the future; an assessment can be dated {today} at the latest."));
    }
    Ok(d)
}

pub fn opt_date(cell: &Cell) -> Result<Option<NaiveDate>, String> {
    if cell.is_blank() {
        Ok(None)
    } else {
        date(cell).map(Some)
    }
}

/// A moment with its offset, as RFC 3339 ("2026-03-29T09:00:00+01:00"); the offset is kept.
pub fn time(cell: &Cell) -> Result<DateTime<FixedOffset>, String> {
    let text = cell.to_text();
    let t = text.trim();
    DateTime::parse_from_rfc3339(t)
        .map_err(|_| format!("\"{t}\" is not a time; write it as RFC 3339 with its offset, such as 2026-03-29T09:00:00+01:00."))
}

pub fn opt_time(cell: &Cell) -> Result<Option<DateTime<FixedOffset>>, String> {
    if cell.is_blank() {
        Ok(None)
    } else {
        time(cell).map(Some)
    }
}

/// Yes or no: a boolean cell, or TRUE/FALSE, yes/no, y/n, 1/0 in words. Empty is no.
pub fn flag(cell: &Cell, what: &str) -> Result<bool, String> {
    if let Cell::Bool(b) = cell {
        return Ok(*b);
    }
    let text = cell.to_text();
    match fold(&text).as_str() {
        "" | "false" | "no" | "n" | "0" => Ok(false),
        "true" | "yes" | "y" | "1" => Ok(true),
        _ => Err(format!("{what} must be yes or no, not \"{}\".", text.trim())),
    }
}

/// One of a closed set of choices by its label or key, or `None` for an empty cell.
pub fn opt_choice<T>(cell: &Cell, what: &str, parse: impl Fn(&str) -> Option<T>, labels: &[&str]) -> Result<Option<T>, String> {
    if cell.is_blank() {
        return Ok(None);
    }
    let text = cell.to_text();
    parse(text.trim())
        .map(Some)
        .ok_or_else(|| format!("{what} must be one of: {}; \"{}\" is none of them.", labels.join(", "), text.trim()))
}

/// An amount: a number cell, or text where spaces, thousands commas and currency signs are
/// ignored.
pub fn amount(cell: &Cell, what: &str) -> Result<f64, String> {
    let value = match cell {
        Cell::Number(n) => *n,
        other => {
            let text = other.to_text();
            let t = text.trim();
            let cleaned: String = t.chars().filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '€' | '£' | '$' | '¥')).collect();
            let cleaned = cleaned.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            cleaned.parse::<f64>().map_err(|_| format!("{what} must be a number, not \"{t}\"."))?
        }
    };
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(format!("{what} cannot be negative."))
    }
}

/// A whole number of days or hours; a unit after it ("30 days") is allowed.
pub fn count(cell: &Cell, what: &str) -> Result<u32, String> {
    if let Cell::Number(n) = cell {
        if n.fract() == 0.0 && *n >= 0.0 && *n <= f64::from(u32::MAX) {
            return Ok(*n as u32);
        }
    }
    let text = cell.to_text();
    let t = text.trim();
    let digits = t.trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace());
    digits.parse::<u32>().map_err(|_| format!("{what} must be a whole number of days or hours, not \"{t}\"."))
}

/// The choice named by `text`'s leading words, and what follows them ("Prepare exit: keep the
/// card vault export tested" → Prepare exit, "keep the card vault export tested"). The longest
/// run of words that names a choice wins.
pub fn leading<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Option<(T, String)> {
    let t = text.trim();
    if let Some(v) = parse(t) {
        return Some((v, String::new()));
    }
    let words: Vec<(usize, &str)> = t.split_whitespace().map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w)).collect();
    for n in (1..=words.len().min(MAX_CHOICE_WORDS)).rev() {
        let (start, last) = words[n - 1];
        // Punctuation that ends the choice belongs to neither part ("Mitigate:", "High -").
        let head_end = start + last.len();
        let head = t[..head_end].trim_end_matches(|c: char| !c.is_alphanumeric());
        if let Some(v) = parse(head) {
            let rest = t[head_end..].trim_start_matches(|c: char| c.is_whitespace() || ":;,.-–—(".contains(c));
            let rest = if t[head_end..].trim_start().starts_with('(') { rest.strip_suffix(')').unwrap_or(rest) } else { rest };
            return Some((v, rest.trim().to_string()));
        }
    }
    None
}

/// One item of a list cell: a name and the readiness in brackets after it, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct ListedAlternative {
    pub name: String,
    pub readiness: Option<Readiness>,
}

/// A list split on new lines and semicolons; each item "Name (readiness)". Brackets that name no
/// readiness stay part of the name ("Mollie (beta)").
pub fn alternatives(text: &str) -> Vec<ListedAlternative> {
    text.split(['\n', ';'])
        .map(|l| l.trim().trim_end_matches('\r').trim())
        .filter(|l| !l.is_empty())
        .map(|item| {
            if let Some((name, rest)) = item.rsplit_once('(') {
                let inside = rest.trim_end().strip_suffix(')').unwrap_or(rest);
                if let Some((readiness, _)) = leading(inside, readiness) {
                    return ListedAlternative { name: name.trim().to_string(), readiness: Some(readiness) };
                }
            }
            ListedAlternative { name: item.to_string(), readiness: None }
        })
        .collect()
}

/// A readiness by its label, key or the words sheets use for it.
fn readiness(text: &str) -> Option<Readiness> {
    Readiness::parse(text).or_else(|| match fold(text).as_str() {
        "live" | "integrated" | "canswitchnow" => Some(Readiness::Live),
        "signed" | "undercontract" => Some(Readiness::Contracted),
        "tested" | "trialled" | "trialed" | "poc" => Some(Readiness::Evaluated),
        "none" => Some(Readiness::NoneIdentified),
        _ => None,
    })
}

/// A rating in words, as likelihood × impact: Low 2 × 2, Medium 3 × 3, High 4 × 4, Critical
/// 5 × 5. `None` for a cell that says it was not rated ("n/a", "-", "TBD").
pub fn rating(cell: &Cell) -> Result<Option<(u8, u8)>, String> {
    let text = cell.to_text();
    let t = text.trim();
    let word = |w: &str| match fold(w).as_str() {
        "low" => Some(2),
        "medium" | "med" | "moderate" => Some(3),
        "high" => Some(4),
        "critical" | "veryhigh" => Some(5),
        _ => None,
    };
    if matches!(fold(t).as_str(), "na" | "tbd" | "unknown" | "notassessed" | "notrated") || t.chars().all(|c| "-–—?".contains(c)) {
        return Ok(None);
    }
    leading(t, word)
        .map(|(n, _)| Some((n, n)))
        .ok_or_else(|| format!("\"{t}\" is not a rating; expected Low, Medium, High or Critical (or n/a when not rated)."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider::ExitStrategy;

    fn text(t: &str) -> Cell<'_> {
        Cell::text(t)
    }

    #[test]
    fn numbers_words_and_explanations_on_a_scale() {
        let words = ["Minimal", "Low", "Moderate", "High", "Total"];
        assert_eq!(scale(&Cell::Number(3.0), "Lock-in", 5, &words), Ok((3, String::new())));
        assert_eq!(scale(&text(" 4 "), "Lock-in", 5, &words), Ok((4, String::new())));
        assert_eq!(scale(&text("High - proprietary API"), "Lock-in", 5, &words), Ok((4, "proprietary API".into())));
        assert!(scale(&text("7"), "Lock-in", 5, &words).unwrap_err().contains("between 1 and 5"));
        assert!(scale(&text("sticky"), "Lock-in", 5, &words).unwrap_err().contains("Minimal, Low"));
        assert_eq!(tier(&text("Tier 2")).unwrap().0, 2);
        assert_eq!(tier(&text("Critical (payments stop)")).unwrap(), (1, "payments stop".into()));
    }

    #[test]
    fn a_choice_comes_from_its_leading_words_and_the_rest_is_kept() {
        let strategy = |t: &str| leading(t, ExitStrategy::parse);
        assert_eq!(
            strategy("Prepare exit: keep card vault export tested"),
            Some((ExitStrategy::PrepareExit, "keep card vault export tested".into()))
        );
        assert_eq!(
            strategy("Mitigate: multi-AZ, degrade S3 features behind flags"),
            Some((ExitStrategy::Mitigate, "multi-AZ, degrade S3 features behind flags".into()))
        );
        assert_eq!(strategy("Keep a live alternative"), Some((ExitStrategy::LiveAlternative, String::new())));
        assert_eq!(strategy("Exit now (contract ends in May)"), Some((ExitStrategy::ExitNow, "contract ends in May".into())));
        assert_eq!(strategy("Talk to finance first"), None);
    }

    #[test]
    fn lists_split_on_lines_and_semicolons_with_readiness_in_brackets() {
        let alts = alternatives("SendGrid (live integration); Amazon SES\nMollie (beta)\r\nAdyen (contracted) ;");
        assert_eq!(
            alts,
            vec![
                ListedAlternative { name: "SendGrid".into(), readiness: Some(Readiness::Live) },
                ListedAlternative { name: "Amazon SES".into(), readiness: None },
                ListedAlternative { name: "Mollie (beta)".into(), readiness: None },
                ListedAlternative { name: "Adyen".into(), readiness: Some(Readiness::Contracted) },
            ]
        );
    }

    #[test]
    fn dates_from_cells_serials_and_text() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
        assert_eq!(date(&Cell::Date(day)), Ok(day));
        assert_eq!(date(&Cell::Number(46095.0)), Ok(day));
        assert_eq!(date(&text("2026-03-14")), Ok(day));
        assert!(date(&text("14/03/2026")).unwrap_err().contains("YYYY-MM-DD"));
    }

    #[test]
    fn ratings_in_words_read_as_squares() {
        assert_eq!(rating(&text("Low")), Ok(Some((2, 2))));
        assert_eq!(rating(&text("critical")), Ok(Some((5, 5))));
        assert_eq!(rating(&text("High: single region")), Ok(Some((4, 4))));
        assert_eq!(rating(&text("n/a")), Ok(None));
        assert!(rating(&text("Purple")).unwrap_err().contains("Low, Medium, High or Critical"));
        assert_eq!(amount(&text("€12,000"), "Spend"), Ok(12000.0));
        assert_eq!(amount(&Cell::Number(99.5), "Spend"), Ok(99.5));
        assert_eq!(count(&text("30 days"), "Notice period"), Ok(30));
    }
}
