//! reviews.csv: one row per review meeting with the providers assessed in it, so an import
//! restores the meetings and links each provider's assessment of that day back to its review.

use rusqlite::Connection;

use super::inert::protect;
use crate::domain::ids::ReviewId;
use crate::storage::{Register, Result as StoreResult};
use crate::worksheet::{Result, WorksheetError};

pub const REVIEWS_CSV: &str = "reviews.csv";

pub const REVIEW: &str = "Review";
pub const HELD_ON: &str = "Held on";
pub const ATTENDEES: &str = "Attendees";
pub const NOTES: &str = "Notes";
pub const CLOSED_ON: &str = "Closed on";
/// One provider name per line: the providers assessed in the meeting.
pub const ASSESSED: &str = "Providers assessed";
pub const HEADERS: [&str; 6] = [REVIEW, HELD_ON, ATTENDEES, NOTES, CLOSED_ON, ASSESSED];

/// reviews.csv, oldest review first; every cell made inert.
pub fn reviews_csv(register: &Register, bom: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    let failed = |e: csv::Error| WorksheetError::Target(format!("CSV could not be written: {e}"));
    w.write_record(HEADERS).map_err(failed)?;
    let mut meetings = register.reviews()?;
    meetings.reverse();
    for r in meetings {
        let assessed = assessed_names(register.connection(), r.id)?.join("\n");
        let cells =
            [r.title, r.held_on.to_string(), r.attendees, r.notes, r.closed_on.map(|d| d.to_string()).unwrap_or_default(), assessed];
        w.write_record(cells.iter().map(|c| protect(c).into_owned())).map_err(failed)?;
    }
    w.into_inner().map_err(|e| WorksheetError::Target(format!("CSV could not be written: {}", e.error())))
}

fn assessed_names(conn: &Connection, review_id: ReviewId) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT p.name FROM snapshots s JOIN providers p ON p.id = s.provider_id
         WHERE s.review_id = ?1 ORDER BY p.name COLLATE NOCASE",
    )?;
    let names = stmt.query_map([review_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}
