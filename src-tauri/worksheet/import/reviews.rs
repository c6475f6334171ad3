//! The review meetings of Lifeboat's own export (reviews.csv, or the workbook's "Reviews"
//! sheet): read, and restored with each provider's assessment of that day linked back to them.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::cells;
use super::table::{Problems, Table};
use crate::domain::text::fold;
use crate::storage::{reviews, Result as StoreResult};
use crate::worksheet::csv::reviews::{HEADERS, HELD_ON, REVIEW};
use crate::worksheet::{Cell, ImportProblem};

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    pub row: u64,
    pub title: String,
    pub held_on: NaiveDate,
    pub attendees: String,
    pub notes: String,
    pub closed_on: Option<NaiveDate>,
    /// The names of the providers assessed in it.
    pub assessed: Vec<String>,
}

pub fn read(table: &Table, problems: &mut Problems) -> Vec<ReviewRow> {
    let columns = HEADERS.map(|h| table.header.iter().position(|n| fold(n) == fold(h)));
    for (i, name) in [REVIEW, HELD_ON].iter().enumerate() {
        if columns[i].is_none() {
            problems.push(ImportProblem::file(&table.file, format!("The \"{name}\" column is missing.")));
        }
    }
    let mut rows = Vec::new();
    for row in &table.rows {
        let cell = |i: usize| columns[i].map(|c| row.cell(c)).unwrap_or(&Cell::Empty);
        let located = |i: usize, message: String| match columns[i] {
            Some(c) => table.problem(row.number, c, message),
            None => ImportProblem::row(&table.file, row.number, message),
        };
        let title = cell(0).to_text().trim().to_string();
        if title.is_empty() {
            problems.push(located(0, "The review has no title.".into()));
            continue;
        }
        let held_on = match cells::date(cell(1)) {
            Ok(d) => d,
            Err(e) => {
                problems.push(located(1, e));
                continue;
            }
        };
        let closed_on = match cells::opt_date(cell(4)) {
            Ok(d) => d,
            Err(e) => {
                problems.push(located(4, e));
                continue;
            }
        };
        rows.push(ReviewRow {
            row: row.number,
            title,
            held_on,
            attendees: cell(2).to_text().into_owned(),
            notes: cell(3).to_text().into_owned(),
            closed_on,
            assessed: cell(5).to_text().lines().map(str::trim).filter(|n| !n.is_empty()).map(String::from).collect(),
        });
    }
    rows
}

pub fn restore(conn: &Connection, rows: &[ReviewRow]) -> StoreResult<()> {
    for r in rows {
        let id = reviews::find_or_insert(
            conn,
            &reviews::NewReview { held_on: r.held_on, title: &r.title, attendees: &r.attendees, notes: &r.notes, closed_on: r.closed_on },
        )?;
        // Only the links that change: rewriting a snapshot as it is still rewrites its pages
        // (its money columns run long), and an import of the register's own export writes nothing.
        let mut link = conn.prepare_cached(
            "UPDATE snapshots SET review_id = ?1
             WHERE taken_on = ?2 AND provider_id = (SELECT id FROM providers WHERE name = ?3 COLLATE NOCASE)
               AND review_id IS NOT ?1",
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
    use crate::worksheet::csv::{export, CsvOptions, REVIEWS_CSV};
    use crate::worksheet::import::{apply, ImportOptions};

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
        let preview = apply(&mut target, dir.path(), &ImportOptions::default(), day).unwrap();
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
        apply(&mut target, dir.path(), &ImportOptions::default(), day).unwrap();
        assert_eq!(target.reviews().unwrap().len(), 1);
    }

    fn read_str(text: &str) -> (Vec<ReviewRow>, Vec<ImportProblem>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(REVIEWS_CSV);
        std::fs::write(&path, text).unwrap();
        let mut problems = Problems::default();
        let table = super::super::csv_file::read(&path, REVIEWS_CSV, u64::MAX, &mut problems).unwrap().unwrap();
        let rows = read(&table, &mut problems);
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
        assert_eq!(rows[0].notes, "=notes");
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
