//! Today's date, as the app sees it.

use chrono::NaiveDate;

/// `LIFEBOAT_TODAY=YYYY-MM-DD` pins the date, so tests (and demos) can show "the next day"
/// without waiting for it.
pub fn today() -> NaiveDate {
    std::env::var("LIFEBOAT_TODAY")
        .ok()
        .and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}
