//! Text helpers shared by parsing of choices and of spreadsheet headers.

/// Lower-cases and drops everything but letters and digits, so "Lock-in", "lock in" and
/// "LOCK_IN" compare equal.
pub fn fold(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn fold_ignores_case_spacing_and_punctuation() {
        assert_eq!(super::fold(" Lock-In "), "lockin");
        assert_eq!(super::fold("being_replaced"), super::fold("Being replaced"));
        assert_eq!(super::fold("Ärger GmbH"), "ärgergmbh");
    }
}
