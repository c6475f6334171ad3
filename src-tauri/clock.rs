//! Today's date and the current time, as the app sees them.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

/// `LIFEBOAT_TODAY=YYYY-MM-DD` pins the date, so tests (and demos) can show "the next day"
/// without waiting for it.
pub fn today() -> NaiveDate {
    pinned_day().unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// The moment incidents are checked against ("cannot start in the future"). With the date
/// pinned it is the end of that day, so anything recorded on the pinned day is in the past.
pub fn now() -> DateTime<Utc> {
    match pinned_day() {
        Some(day) => day.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("a valid time")).and_utc(),
        None => Utc::now(),
    }
}

fn pinned_day() -> Option<NaiveDate> {
    std::env::var("LIFEBOAT_TODAY").ok().and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok())
}
