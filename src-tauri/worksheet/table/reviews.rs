//! Reviews: one row per review meeting, oldest first, with the providers assessed in it, so an
//! import restores the meetings and links each assessment of that day back to its review.

use super::shared::opt_date;
use super::{assemble, ColumnOf, Format, ReviewRecord, Table, TableName};
use crate::worksheet::csv::reviews::{ASSESSED, ATTENDEES, CLOSED_ON, HELD_ON, NOTES, REVIEW};
use crate::worksheet::Cell;

pub(super) fn table(reviews: &[ReviewRecord]) -> Table<'_> {
    let columns = vec![
        ColumnOf::new(REVIEW, Format::Text, |r: &&ReviewRecord| Cell::text(&r.review.title)),
        ColumnOf::new(HELD_ON, Format::Date, |r: &&ReviewRecord| Cell::Date(r.review.held_on)),
        ColumnOf::new(ATTENDEES, Format::Text, |r: &&ReviewRecord| Cell::text(&r.review.attendees)),
        ColumnOf::new(NOTES, Format::Text, |r: &&ReviewRecord| Cell::text(&r.review.notes)),
        ColumnOf::new(CLOSED_ON, Format::Date, |r: &&ReviewRecord| opt_date(r.review.closed_on)),
        // One name per line, as the import splits them.
        ColumnOf::new(ASSESSED, Format::Text, |r: &&ReviewRecord| Cell::text(r.assessed.join("\n"))),
    ];
    assemble(TableName::Reviews, columns, reviews.iter())
}
