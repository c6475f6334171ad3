//! A whole review meeting through the Register API: start, walk, confirm, edit, note, skip,
//! close, and what changed since the review before.

mod fixture;

use fixture::day;

use chrono::NaiveDate;
use lifeboat::domain::cadence::{Cadence, DueState};
use lifeboat::domain::contracts::ContractAlert;
use lifeboat::domain::evidence::readiness::DrillCadence;
use lifeboat::domain::ids::ReviewId;
use lifeboat::domain::provider::{ProviderDraft, Status};
use lifeboat::domain::review::ReviewDraft;
use lifeboat::domain::scoring::Level;
use lifeboat::storage::{Missing, Register, StoreError};

/// A provider whose outage scores `likelihood` × 5, with lock-in and effort 5 (exposure = inherent).
fn draft(register: &Register, name: &str, likelihood: u8) -> ProviderDraft {
    let mut d = register.new_draft().unwrap();
    d.profile.name = name.into();
    d.risk.scenarios[0].likelihood = Some(likelihood);
    d.risk.scenarios[0].impact = Some(5);
    d.risk.lock_in.level = 5;
    d.risk.replacement.effort = 5;
    d
}

fn meeting(title: &str, on: NaiveDate) -> ReviewDraft {
    ReviewDraft { held_on: on, title: title.into(), attendees: "CTO, CFO, Head of Platform".into(), notes: String::new() }
}

fn field_of(e: StoreError) -> String {
    match e {
        StoreError::Invalid(v) => v.errors[0].field.clone(),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn names<T>(items: &[T], name: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|i| name(i).to_string()).collect()
}

#[test]
fn a_quarterly_review_from_start_to_summary() {
    let mut reg = Register::open_in_memory().unwrap();
    let start = day(2026, 1, 5);
    let stripe = reg.create_provider(&draft(&reg, "Stripe", 4), start).unwrap(); // 20, Critical
    let aws = reg.create_provider(&draft(&reg, "AWS", 2), start).unwrap(); // 10, High
    let postmark = reg.create_provider(&draft(&reg, "Postmark", 3), start).unwrap(); // 15, High
    let sentry = reg.create_provider(&draft(&reg, "Sentry", 1), start).unwrap(); // 5, Medium
    let legacy = reg.create_provider(&draft(&reg, "Legacy CDN", 1), start).unwrap();

    // The first review confirms everything.
    let q1 = reg.start_review(&meeting("Q1 2026 provider risk review", day(2026, 1, 10)), day(2026, 1, 10)).unwrap();
    for p in [&stripe, &aws, &postmark, &sentry, &legacy] {
        reg.confirm_in_review(q1.id, p.id, day(2026, 1, 10)).unwrap();
    }
    let first = reg.close_review(q1.id, day(2026, 1, 10)).unwrap();
    assert_eq!(first.reviewed, 5);
    assert!(first.previous.is_none());
    // Counted from the day before the first review, every provider was already there.
    assert!(first.changes.new.is_empty() && first.changes.risers.is_empty());

    // Between reviews: a provider is added and one is retired.
    let resend = reg.create_provider(&draft(&reg, "Resend", 2), day(2026, 2, 1)).unwrap();
    reg.set_status_on(legacy.id, Status::Retired, day(2026, 3, 1)).unwrap();

    // Q2, 120 days on: Stripe (Critical, 90-day cadence) is overdue and comes first.
    let today = day(2026, 5, 10);
    let q2 = reg.start_review(&meeting("Q2 2026 provider risk review", today), today).unwrap();
    let items = reg.review_items(q2.id, today).unwrap();
    assert_eq!(names(&items, |i| &i.name), vec!["Stripe", "Postmark", "AWS", "Resend", "Sentry"]);
    assert_eq!(items[0].due, DueState::Overdue);
    assert_eq!(items[0].last_review_title.as_deref(), Some("Q1 2026 provider risk review"));
    assert!(items.iter().all(|i| !i.reviewed));

    // Stripe confirmed unchanged, with a note; AWS got worse; Postmark better; Sentry skipped.
    let confirmed = reg.confirm_in_review(q2.id, stripe.id, today).unwrap();
    assert!(confirmed.reviewed);
    reg.note_in_review(q2.id, stripe.id, "Adyen contract signed; revisit next quarter.", today).unwrap();
    let mut worse = reg.provider(aws.id).unwrap().risk;
    worse.scenarios[0].likelihood = Some(5); // 10 → 25
    reg.assess_in_review(q2.id, aws.id, &worse, today).unwrap();
    let mut better = reg.provider(postmark.id).unwrap().risk;
    better.scenarios[0].likelihood = Some(1); // 15 → 5
    reg.assess_in_review(q2.id, postmark.id, &better, today).unwrap();
    reg.confirm_in_review(q2.id, resend.id, today).unwrap();

    // The walk order does not shift while the meeting goes on.
    let again = reg.review_items(q2.id, today).unwrap();
    assert_eq!(names(&again, |i| &i.name), vec!["Stripe", "Postmark", "AWS", "Resend", "Sentry"]);
    assert_eq!(again[0].note, "Adyen contract signed; revisit next quarter.");
    assert_eq!(again[2].current_scores.inherent, Some(25));
    assert_eq!(again[2].last_scores.as_ref().unwrap().inherent, Some(10));

    let summary = reg.close_review(q2.id, today).unwrap();
    assert_eq!(summary.review.closed_on, Some(today));
    assert_eq!(summary.previous.as_ref().map(|p| p.id), Some(q1.id));
    assert_eq!(summary.reviewed, 4);
    assert_eq!(names(&summary.changes.risers, |m| &m.name), vec!["AWS"]);
    assert_eq!(names(&summary.changes.fallers, |m| &m.name), vec!["Postmark"]);
    assert_eq!(names(&summary.changes.level_changes, |m| &m.name), vec!["AWS", "Postmark"]);
    assert_eq!(summary.changes.level_changes[0].after.inherent_level, Some(Level::Critical));
    assert_eq!(names(&summary.changes.new, |e| &e.name), vec!["Resend"]);
    assert_eq!(names(&summary.changes.retired, |e| &e.name), vec!["Legacy CDN"]);
    assert_eq!(names(&summary.not_reviewed, |p| &p.name), vec!["Sentry"]);
    assert!(summary.still_overdue.is_empty(), "Sentry (Medium, 365 days) is not overdue yet");

    // The snapshots carry the review, and the trend names it.
    let trend = reg.titled_trend(aws.id).unwrap();
    assert_eq!(trend.len(), 3);
    assert_eq!(trend[0].review_title, None);
    assert_eq!(trend[2].point.review_id, Some(q2.id));
    assert_eq!(trend[2].review_title.as_deref(), Some("Q2 2026 provider risk review"));

    // Any two reviews compare in date order, whichever is given first.
    let compared = reg.compare_reviews(q2.id, q1.id, today).unwrap();
    assert_eq!((compared.from, compared.to), (Some(q1.held_on), Some(q2.held_on)));
    assert_eq!(names(&compared.risers, |m| &m.name), vec!["AWS"]);

    // Later, "since the previous review" compares today's register with Q2.
    let (previous, changes) = reg.changes_since_previous_review(day(2026, 6, 1)).unwrap().unwrap();
    assert_eq!(previous.id, q2.id);
    assert!(changes.is_empty());
    assert_eq!(reg.latest_review_summary(day(2026, 6, 1)).unwrap().unwrap().review.id, q2.id);
}

#[test]
fn refused_review_input_changes_nothing() {
    let mut reg = Register::open_in_memory().unwrap();
    let today = day(2026, 3, 2);
    let p = reg.create_provider(&draft(&reg, "Stripe", 3), day(2026, 1, 1)).unwrap();

    assert_eq!(field_of(reg.start_review(&meeting("  ", today), today).unwrap_err()), "review.title");
    assert_eq!(field_of(reg.start_review(&meeting("Q1", day(2026, 3, 3)), today).unwrap_err()), "review.held_on");
    assert!(reg.reviews().unwrap().is_empty());

    let open = reg.start_review(&meeting("Q1", today), today).unwrap();
    assert_eq!(field_of(reg.start_review(&meeting("Q1 again", today), today).unwrap_err()), "review");

    let mut bad = p.risk.clone();
    bad.scenarios[0].likelihood = Some(9);
    assert_eq!(field_of(reg.assess_in_review(open.id, p.id, &bad, today).unwrap_err()), "risk.scenarios.0.likelihood");
    assert_eq!(reg.snapshots(p.id).unwrap().len(), 1);
    // A stale review id is "not found", like a stale provider id.
    assert!(matches!(reg.confirm_in_review(ReviewId(999), p.id, today), Err(StoreError::NotFound(Missing::Review(ReviewId(999))))));

    reg.close_review(open.id, today).unwrap();
    assert_eq!(field_of(reg.confirm_in_review(open.id, p.id, today).unwrap_err()), "review_id");
    assert_eq!(field_of(reg.close_review(open.id, today).unwrap_err()), "review_id");
    assert_eq!(reg.snapshots(p.id).unwrap().len(), 1);
}

#[test]
fn the_catalogue_changes_without_losing_history() {
    let mut reg = Register::open_in_memory().unwrap();
    let p = reg.create_provider(&draft(&reg, "Stripe", 4), day(2026, 1, 1)).unwrap();
    let outage = reg.catalogue().unwrap()[0].clone();
    let suspension = reg.catalogue().unwrap().into_iter().find(|m| m.name == "Account suspension").unwrap();
    let mut risk = p.risk.clone();
    let at = risk.scenarios.iter().position(|s| s.mode == "Account suspension").unwrap();
    risk.scenarios[at].likelihood = Some(5);
    risk.scenarios[at].impact = Some(5);
    reg.record_assessment(p.id, day(2026, 1, 2), None, &risk).unwrap();

    let renamed = reg.rename_failure_mode(outage.id, "Full outage", "Everything is down.").unwrap();
    assert_eq!(renamed.name, "Full outage");
    assert_eq!(field_of(reg.rename_failure_mode(outage.id, "degradation", "").unwrap_err()), "failure_mode.name");
    reg.set_failure_mode_retired(suspension.id, true).unwrap();
    let added = reg.add_failure_mode("Key person leaves", "The one engineer who knows it leaves.").unwrap();
    assert_eq!(field_of(reg.add_failure_mode("account suspension", "").unwrap_err()), "failure_mode.name");

    // New providers get the new and renamed modes but not the retired one.
    let modes: Vec<String> = reg.new_draft().unwrap().risk.scenarios.into_iter().map(|s| s.mode).collect();
    assert!(modes.contains(&"Full outage".to_string()) && modes.contains(&added.name));
    assert!(!modes.contains(&"Account suspension".to_string()));

    // The next assessment drops the retired mode and takes the new name: a faller.
    let review = reg.start_review(&meeting("Q1", day(2026, 3, 2)), day(2026, 3, 2)).unwrap();
    let item = reg.review_items(review.id, day(2026, 3, 2)).unwrap().remove(0);
    assert_eq!(item.dropped_modes, vec!["Account suspension"]);
    assert_eq!(item.current.scenarios[0].mode, "Full outage");
    reg.confirm_in_review(review.id, p.id, day(2026, 3, 2)).unwrap();
    let summary = reg.close_review(review.id, day(2026, 3, 2)).unwrap();
    assert_eq!(summary.changes.fallers.len(), 1);
    assert_eq!((summary.changes.fallers[0].before.inherent, summary.changes.fallers[0].after.inherent), (Some(25), Some(20)));

    // Older snapshots still hold the names they were scored with.
    let snaps = reg.snapshots(p.id).unwrap();
    assert_eq!(snaps[0].risk.scenarios[0].mode, "Outage");
    assert!(snaps[1].risk.scenarios.iter().any(|s| s.mode == "Account suspension" && s.likelihood == Some(5)));
    assert!(!snaps[2].risk.scenarios.iter().any(|s| s.mode == "Account suspension"));
}

#[test]
fn settings_and_the_renewal_watch() {
    let mut reg = Register::open_in_memory().unwrap();
    let today = day(2027, 1, 1);
    let err = reg.update_settings("Acme", "USD", &Cadence { critical: 0, ..Cadence::default() }, &DrillCadence::default()).unwrap_err();
    assert_eq!(field_of(err), "settings.cadence.critical");
    assert_eq!(reg.settings().unwrap().cadence, Cadence::default());
    assert_eq!(reg.settings().unwrap().currency, "USD");
    let saved =
        reg.update_settings(" Acme Ltd ", " eur ", &Cadence { critical: 30, ..Cadence::default() }, &DrillCadence::default()).unwrap();
    assert_eq!(saved.organisation, "Acme Ltd");
    assert_eq!(reg.settings().unwrap().currency, "EUR");
    assert_eq!(reg.settings().unwrap().cadence.critical, 30);

    let mut d = draft(&reg, "Stripe", 4);
    d.profile.renewal_date = Some(day(2027, 4, 1));
    d.profile.notice_period_days = Some(30);
    d.risk.replacement.person_weeks = Some(12.0);
    reg.create_provider(&d, today).unwrap();
    let watch = reg.renewal_watch(today).unwrap();
    assert_eq!(watch.len(), 1);
    assert_eq!(watch[0].alert, ContractAlert::CannotLeaveInTime);
    assert_eq!(watch[0].notice_deadline, Some(day(2027, 3, 2)));
}

#[test]
fn archiving_through_the_provider_form_counts_as_retired_since_the_review() {
    // The register's own archive path (set_status) is stamped by the schema with the computer's
    // date, which lies between these two days.
    let mut reg = Register::open_in_memory().unwrap();
    let long_ago = day(2020, 1, 1);
    let p = reg.create_provider(&draft(&reg, "Legacy CDN", 2), long_ago).unwrap();
    let old = reg.start_review(&meeting("Q1 2020 provider risk review", long_ago), long_ago).unwrap();
    reg.confirm_in_review(old.id, p.id, long_ago).unwrap();
    reg.close_review(old.id, long_ago).unwrap();
    reg.set_status(p.id, Status::Retired).unwrap();
    let (_, changes) = reg.changes_since_previous_review(day(2099, 1, 1)).unwrap().unwrap();
    assert_eq!(names(&changes.retired, |e| &e.name), vec!["Legacy CDN"]);
    // Put back in use, it is simply in the register again.
    reg.set_status(p.id, Status::Active).unwrap();
    let (_, changes) = reg.changes_since_previous_review(day(2099, 1, 1)).unwrap().unwrap();
    assert!(changes.retired.is_empty());
}

#[test]
fn a_register_from_before_reviews_dates_its_retired_providers_by_their_last_assessment() {
    use lifeboat::storage::{APPLICATION_ID, MIGRATIONS};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.lifeboat");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in &MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO failure_modes (name, description, position) VALUES ('Outage', '', 0);
             INSERT INTO providers (name, category, tier, status, data_held, created_on)
                 VALUES ('Old Host', 'hosting', 2, 'retired', 'internal', '2024-05-01');",
        )
        .unwrap();
        let risk = r#"{"scenarios":[{"mode_id":1,"mode":"Outage","likelihood":3,"impact":4,"note":""}],"lock_in":{"level":3,"reasons":""},"alternatives":[],"replacement":{"effort":3,"person_weeks":null,"emergency_switch_hours":null},"exit":{"strategy":"accept","plan":"","last_rehearsed":null}}"#;
        for taken_on in ["2024-05-01", "2024-09-01"] {
            conn.execute(
                "INSERT INTO snapshots (provider_id, taken_on, risk, inherent, exposure) VALUES (1, ?1, ?2, 12, 7.2)",
                [taken_on, risk],
            )
            .unwrap();
        }
    }
    let reg = Register::open(&path).unwrap();
    assert_eq!(reg.register_state(day(2024, 8, 31), day(2026, 1, 1)).unwrap().providers.len(), 1);
    assert_eq!(reg.register_state(day(2024, 9, 1), day(2026, 1, 1)).unwrap().providers.len(), 0);
}

#[test]
fn a_review_cannot_bury_its_assessment_under_a_later_snapshot() {
    let mut reg = Register::open_in_memory().unwrap();
    let stripe = reg.create_provider(&draft(&reg, "Stripe", 4), day(2026, 1, 5)).unwrap();
    // A review dated the 10th, still open, while the provider is edited on the 12th.
    let review = reg.start_review(&meeting("Q1 2026 provider risk review", day(2026, 1, 10)), day(2026, 1, 10)).unwrap();
    let mut edited = stripe.draft();
    edited.risk.scenarios[0].likelihood = Some(2);
    reg.update_provider(stripe.id, &edited, day(2026, 1, 12)).unwrap();
    let before = reg.snapshots(stripe.id).unwrap();

    let err = reg.confirm_in_review(review.id, stripe.id, day(2026, 1, 12)).unwrap_err();
    assert_eq!(field_of(err), "provider_id");
    assert_eq!(reg.snapshots(stripe.id).unwrap(), before, "nothing was written");
    assert_eq!(reg.provider(stripe.id).unwrap().risk.scenarios[0].likelihood, Some(2));
}

#[test]
fn the_worksheet_pdf_presents_the_review_and_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut reg = Register::open(&dir.path().join("r.lifeboat")).unwrap();
    let aws = reg.create_provider(&draft(&reg, "AWS", 2), day(2026, 1, 5)).unwrap();
    let q1 = reg.start_review(&meeting("Q1 2026 provider risk review", day(2026, 1, 10)), day(2026, 1, 10)).unwrap();
    reg.confirm_in_review(q1.id, aws.id, day(2026, 1, 10)).unwrap();
    reg.close_review(q1.id, day(2026, 1, 10)).unwrap();
    let today = day(2026, 4, 10);
    let q2 = reg.start_review(&meeting("Q2 2026 provider risk review", today), today).unwrap();
    let mut worse = reg.provider(aws.id).unwrap().risk;
    worse.scenarios[0].likelihood = Some(5);
    reg.assess_in_review(q2.id, aws.id, &worse, today).unwrap();
    reg.close_review(q2.id, today).unwrap();

    let path = dir.path().join("worksheet.pdf");
    lifeboat::worksheet::pdf::export(&reg, &path, lifeboat::worksheet::Paper::A4, today).unwrap();
    let out = std::process::Command::new("pdftotext").args(["-layout", path.to_str().unwrap(), "-"]).output().expect("pdftotext is needed");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Q2 2026 provider risk review"), "{text}");
    assert!(text.contains("Attendees: CTO, CFO, Head of Platform"), "{text}");
    assert!(text.contains("Changes since Q1 2026 provider risk review"), "{text}");
    assert!(text.contains("Riser: exposure 10.0 → 25.0, High → Critical"), "{text}");
}
