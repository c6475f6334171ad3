//! Reading reviews.csv back (its columns are described in `worksheet::table::reviews`), so an
//! import restores the meetings and links each provider's assessment of that day back to its review.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::inert::unprotect;
use super::parse;
use super::read::{each_row, Problems};
use crate::domain::text::fold;
use crate::storage::{reviews, Result as StoreResult};
use crate::worksheet::ImportProblem;

pub const REVIEWS_CSV: &str = "reviews.csv";

pub(crate) const REVIEW: &str = "Review";
pub(crate) const HELD_ON: &str = "Held on";
pub(crate) const ATTENDEES: &str = "Attendees";
pub(crate) const NOTES: &str = "Notes";
pub(crate) const CLOSED_ON: &str = "Closed on";
/// One provider name per line: the providers assessed in the meeting.
pub(crate) const ASSESSED: &str = "Providers assessed";
const HEADERS: [&str; 6] = [REVIEW, HELD_ON, ATTENDEES, NOTES, CLOSED_ON, ASSESSED];

/// One review as read from reviews.csv.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub row: u64,
    pub title: String,
    pub held_on: NaiveDate,
    pub attendees: String,
    pub notes: String,
    pub closed_on: Option<NaiveDate>,
    pub assessed: Vec<String>,
}

/// Reads reviews.csv; every problem is located and collected, bad rows are left out.
pub fn read(bytes: &[u8], problems: &mut Problems) -> Vec<ReviewRow> {
    let mut rows = Vec::new();
    let mut columns: Option<[Option<usize>; 6]> = None;
    let outcome = each_row(bytes, REVIEWS_CSV, |row| {
        let cols = *columns.get_or_insert_with(|| HEADERS.map(|h| row.header.names.iter().position(|n| fold(unprotect(n)) == fold(h))));
        let cell = |i: usize| cols[i].and_then(|c| row.record.get(c)).map(unprotect).unwrap_or("");
        let located = |i: usize, message: String| match cols[i] {
            Some(c) => ImportProblem::cell(REVIEWS_CSV, row.number, c as u32 + 1, HEADERS[i], message),
            None => ImportProblem::row(REVIEWS_CSV, row.number, message),
        };
        let title = cell(0).trim().to_string();
        if title.is_empty() {
            problems.push(located(0, "The review has no title.".into()));
            return;
        }
        let held_on = match parse::date(cell(1)) {
            Ok(d) => d,
            Err(e) => return problems.push(located(1, e)),
        };
        let closed_on = match parse::opt_date(cell(4)) {
            Ok(d) => d,
            Err(e) => return problems.push(located(4, e)),
        };
        rows.push(ReviewRow {
            row: row.number,
            title,
            held_on,
            attendees: cell(2).to_string(),
            notes: cell(3).to_string(),
            closed_on,
            assessed: cell(5).lines().map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect(),
        });
    });
    for p in outcome.problems {
        problems.push(p);
    }
    if let Some(header) = &outcome.header {
        for (i, name) in HEADERS.iter().enumerate().take(2) {
            if !header.names.iter().any(|n| fold(unprotect(n)) == fold(name)) {
                problems.push(ImportProblem::file(REVIEWS_CSV, format!("The \"{}\" column is missing.", HEADERS[i])));
            }
        }
    }
    rows
}

/// Restores the reviews (a review already in the register, same day and title, is updated, not
/// duplicated) and links each listed provider's assessment of that day to its review. Runs inside
/// the import's transaction, after the providers and their snapshots are written.
pub fn restore(conn: &Connection, rows: &[ReviewRow]) -> StoreResult<()> {
    for r in rows {
        let id = reviews::find_or_insert(
            conn,
            &reviews::NewReview { held_on: r.held_on, title: &r.title, attendees: &r.attendees, notes: &r.notes, closed_on: r.closed_on },
        )?;
        let mut link = conn.prepare_cached(
            "UPDATE snapshots SET review_id = ?1
             WHERE taken_on = ?2 AND provider_id = (SELECT id FROM providers WHERE name = ?3 COLLATE NOCASE)",
        )?;
        for name in &r.assessed {
            link.execute(params![id, r.held_on, name.trim()])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::ReviewId;
    use crate::domain::review::ReviewDraft;
    use crate::storage::Register;
    use crate::worksheet::csv::{apply, export, CsvOptions};

    #[test]
    fn an_export_imports_back_with_its_reviews_linked() {
        let day = NaiveDate::from_ymd_opt(2028, 2, 29).unwrap();
        let mut source = Register::open_in_memory().unwrap();
        let mut draft = source.new_draft().unwrap();
        draft.profile.name = "Stripe".into();
        let stripe = source.create_provider(&draft, NaiveDate::from_ymd_opt(2027, 6, 1).unwrap()).unwrap();
        draft.profile.name = "=AWS".into();
        source.create_provider(&draft, NaiveDate::from_ymd_opt(2027, 6, 1).unwrap()).unwrap();
        let review = ReviewDraft { held_on: day, title: "Q1 2028 review".into(), attendees: "CTO, CFO".into(), notes: "=1+1".into() };
        let q1 = source.start_review(&review, day).unwrap();
        source.confirm_in_review(q1.id, stripe.id, day).unwrap();
        source.close_review(q1.id, day).unwrap();

        let dir = tempfile::tempdir().unwrap();
        let written = export(&source, dir.path(), CsvOptions::default(), day).unwrap();
        assert!(written.iter().any(|p| p.ends_with(REVIEWS_CSV)));
        let text = std::fs::read_to_string(dir.path().join(REVIEWS_CSV)).unwrap();
        assert!(text.contains("'=1+1"), "formula made inert: {text}");

        let mut target = Register::open_in_memory().unwrap();
        let preview = apply(&mut target, dir.path(), day).unwrap();
        assert!(preview.files.iter().any(|f| f == REVIEWS_CSV));
        let restored = target.reviews().unwrap();
        assert_eq!(restored.len(), 1);
        assert_eq!(
            (restored[0].title.as_str(), restored[0].attendees.as_str(), restored[0].notes.as_str()),
            ("Q1 2028 review", "CTO, CFO", "=1+1")
        );
        assert_eq!(restored[0].closed_on, Some(day));
        let stripe_again = target.provider_by_name("Stripe").unwrap().unwrap();
        let linked: Vec<Option<ReviewId>> = target.snapshots(stripe_again.id).unwrap().iter().map(|s| s.review_id).collect();
        assert_eq!(linked, vec![None, Some(restored[0].id)]);

        // Importing the same folder again updates the review instead of adding a second one.
        apply(&mut target, dir.path(), day).unwrap();
        assert_eq!(target.reviews().unwrap().len(), 1);
    }

    fn read_str(text: &str) -> (Vec<ReviewRow>, Vec<ImportProblem>) {
        let mut problems = Problems::default();
        let rows = read(text.as_bytes(), &mut problems);
        (rows, problems.list)
    }

    #[test]
    fn rows_read_back_with_their_providers() {
        let (rows, problems) = read_str(
            "Review,Held on,Attendees,Notes,Closed on,Providers assessed\r\n\
             Q1 2028 review,2028-02-29,\"CTO, CFO\",'=notes,2028-02-29,\"Stripe\nAWS\"\r\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows[0].held_on, NaiveDate::from_ymd_opt(2028, 2, 29).unwrap());
        assert_eq!(rows[0].attendees, "CTO, CFO");
        assert_eq!(rows[0].assessed, vec!["Stripe", "AWS"]);
    }

    #[test]
    fn bad_dates_and_missing_titles_are_located() {
        let (rows, problems) = read_str("Review,Held on\r\n,2027-01-01\r\nQ1,2027-02-30\r\n");
        assert!(rows.is_empty());
        assert_eq!(problems.len(), 2);
        assert_eq!((problems[0].row, problems[0].column), (Some(2), Some(1)));
        assert_eq!((problems[1].row, problems[1].column), (Some(3), Some(2)));
    }
}
