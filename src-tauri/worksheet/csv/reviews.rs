//! reviews.csv's columns: one row per review meeting with the providers assessed in it. Its rows
//! are described in `worksheet::table::reviews` and read back by `worksheet::import::reviews`,
//! which restores the meetings and links each provider's assessment of that day to them.

pub const REVIEWS_CSV: &str = "reviews.csv";

pub const REVIEW: &str = "Review";
pub const HELD_ON: &str = "Held on";
pub const ATTENDEES: &str = "Attendees";
pub const NOTES: &str = "Notes";
pub const CLOSED_ON: &str = "Closed on";
/// One provider name per line: the providers assessed in the meeting.
pub const ASSESSED: &str = "Providers assessed";
pub const HEADERS: [&str; 6] = [REVIEW, HELD_ON, ATTENDEES, NOTES, CLOSED_ON, ASSESSED];
