//! Keeps spreadsheets from running cell text as formulas, losslessly.
//!
//! A cell a spreadsheet would evaluate (leading `=`, `+`, `-` that is not a plain number, `@`,
//! tab or carriage return) is written with a leading `'`, which spreadsheets show as text. So that
//! import can undo exactly that and nothing else, a cell that already *looks* escaped (a `'`
//! before such text) gets one more `'` too.

fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a spreadsheet would treat the cell as a formula.
pub fn is_active(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'@' | b'\t' | b'\r') => true,
        Some(b'-') => !is_plain_number(s),
        _ => false,
    }
}

fn looks_escaped(s: &str) -> bool {
    s.strip_prefix('\'').is_some_and(|rest| is_active(rest) || looks_escaped(rest))
}

/// The cell as written to CSV.
pub fn protect(s: &str) -> std::borrow::Cow<'_, str> {
    if is_active(s) || looks_escaped(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The cell as imported: exactly one protecting quote removed, when it is one.
pub fn unprotect(s: &str) -> &str {
    if looks_escaped(s) {
        &s[1..]
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_come_back() {
        for s in ["=HYPERLINK(\"http://x\")", "+1", "-x", "@SUM(A1)", "\tcmd", "\rcmd", "'=1", "''+2", "'", "'-", "-", "--1"] {
            let out = protect(s);
            assert!(!is_active(&out), "{s:?} → {out:?} is still active");
            assert_eq!(unprotect(&out), s, "round trip of {s:?}");
        }
    }

    #[test]
    fn ordinary_text_and_numbers_are_untouched() {
        for s in ["Stripe", "-5", "-3.25", "12", "it's", "'quoted'", "", "a=b"] {
            assert_eq!(protect(s), s);
            assert_eq!(unprotect(s), s);
        }
    }
}
