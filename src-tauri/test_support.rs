//! What the unit tests share.

use chrono::NaiveDate;

/// A date that the test knows to be valid.
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a valid date")
}
