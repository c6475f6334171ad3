//! A review meeting in the real window: three providers, one confirmed, one worse, one better;
//! closing the review shows the riser and the faller.

use chrono::NaiveDate;
use lifeboat::storage::Register;

use crate::webdriver::App;

const REVIEW_DAY: &str = "2026-03-02";

/// A register with three providers assessed last autumn, so all are due; exposure = inherent.
fn register_with_three_providers(path: &std::path::Path) {
    let mut register = Register::open(path).unwrap();
    let assessed = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
    for (name, likelihood) in [("Stripe", 4), ("AWS", 2), ("Postmark", 3)] {
        let mut draft = register.new_draft().unwrap();
        draft.profile.name = name.into();
        draft.risk.scenarios[0].likelihood = Some(likelihood);
        draft.risk.scenarios[0].impact = Some(5);
        draft.risk.lock_in.level = 5;
        draft.risk.replacement.effort = 5;
        register.create_provider(&draft, assessed).unwrap();
    }
}

fn review_provider(app: &App, name: &str) {
    app.find(&format!("[data-testid=\"review-item\"][data-provider-name=\"{name}\"]")).click();
    app.wait_text("[data-testid=\"review-provider-name\"]", name);
}

#[test]
fn e2e_review_of_three_providers_shows_risers_and_fallers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("review.lifeboat");
    register_with_three_providers(&db);

    let app = App::launch(&db, REVIEW_DAY);
    app.find("tr[data-provider-name=\"Stripe\"]");
    app.wait_text("[data-testid=\"nav-need-review\"]", "3");
    app.find("[data-testid=\"nav-reviews\"]").click();
    app.find("[data-testid=\"start-review\"]").click();

    // A blank title is refused under its field; nothing starts.
    app.fill("review.title", "");
    app.find("[data-testid=\"review-begin\"]").click();
    app.find("[data-testid=\"field-error\"][data-field=\"review.title\"]");
    app.fill("review.title", "Q1 2026 provider risk review");
    app.fill("review.held_on", REVIEW_DAY);
    app.fill("review.attendees", "CTO, CFO, Head of Platform");
    app.find("[data-testid=\"review-begin\"]").click();
    app.wait_text("[data-testid=\"review-title\"]", "Q1 2026 provider risk review");
    app.wait_text("[data-testid=\"review-progress\"]", "0 of 3 reviewed");

    // Notes taken during the meeting go into the review's details.
    app.find("[data-testid=\"review-details\"]").click();
    app.fill("review.notes", "Budget for a second payment provider approved.");
    app.find("[data-testid=\"review-begin\"]").click();
    app.wait_count("[data-testid=\"review-form\"]", 0);

    // Walk order: the Critical provider (overdue at 90 days) comes first.
    app.wait_text("[data-testid=\"review-provider-name\"]", "Stripe");
    app.fill("review.note", "Adyen contract signed.");
    app.find("[data-testid=\"review-confirm\"]").click();
    app.wait_text("[data-testid=\"review-progress\"]", "1 of 3 reviewed");

    review_provider(&app, "AWS");
    app.select("risk.scenarios.0.likelihood", "5");
    app.wait_text("[data-testid=\"review-current-inherent\"]", "25");
    app.wait_text("[data-testid=\"review-last-inherent\"]", "10");
    app.screenshot("review-01-mode");
    app.find("[data-testid=\"review-save\"]").click();
    app.wait_text("[data-testid=\"review-progress\"]", "2 of 3 reviewed");

    review_provider(&app, "Postmark");
    app.select("risk.scenarios.0.likelihood", "1");
    app.wait_text("[data-testid=\"review-current-inherent\"]", "5");
    app.find("[data-testid=\"review-save\"]").click();
    app.wait_text("[data-testid=\"review-progress\"]", "3 of 3 reviewed");
    app.find("[data-testid=\"review-all-done\"]");

    app.find("[data-testid=\"close-review\"]").click();
    app.find("[data-testid=\"review-summary\"]");
    app.wait_text("[data-testid=\"summary-reviewed\"]", "3");
    app.wait_count("[data-testid=\"summary-risers\"] [data-testid=\"riser\"]", 1);
    app.find("[data-testid=\"summary-risers\"] [data-provider-name=\"AWS\"]");
    app.wait_count("[data-testid=\"summary-fallers\"] [data-testid=\"faller\"]", 1);
    app.find("[data-testid=\"summary-fallers\"] [data-provider-name=\"Postmark\"]");
    app.wait_text("[data-testid=\"summary-overdue\"]", "0");
    app.screenshot("review-02-summary");

    // Back in the register the new scores show, and nothing needs review any more.
    app.find("[data-testid=\"summary-done\"]").click();
    app.wait_text("tr[data-provider-name=\"AWS\"] [data-testid=\"row-level\"]", "Critical");
    app.wait_count("[data-testid=\"nav-need-review\"]", 0);
}

#[test]
fn e2e_review_pages_and_settings_on_the_demo_register() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo-reviews.lifeboat");
    let app = App::launch(&db, REVIEW_DAY);
    app.find("[data-testid=\"load-demo\"]").click();
    app.find("tr[data-provider-name=\"Stripe\"]");

    // The reviews page: what needs review, what changed since the last meeting, renewals.
    app.find("[data-testid=\"nav-reviews\"]").click();
    app.find("[data-testid=\"need-review-count\"]");
    app.find("[data-testid=\"since-changes\"]");
    app.find("[data-testid=\"since-whole-register\"]").click();
    app.find("[data-testid=\"register-since\"] tr[data-provider-name=\"Stripe\"]");
    app.find("[data-testid=\"renewal-watch\"] [data-testid=\"renewal\"]");
    app.find("[data-testid=\"compare-changes\"]");
    app.screenshot("review-03-reviews-page");
    app.find("[data-testid=\"past-review\"]").click();
    // The demo's last review is a month before "today"; its title is made from its date.
    app.wait_text("[data-testid=\"summary-title\"]", "Q1 2026 provider risk review");

    // Settings: organisation and cadence are saved; a failure mode is renamed and one retired.
    app.find("[data-testid=\"nav-settings\"]").click();
    app.fill("settings.organisation", "Northwind Analytics Ltd");
    app.fill("settings.cadence.critical", "0");
    app.find("[data-testid=\"save-settings\"]").click();
    app.find("[data-testid=\"field-error\"][data-field=\"settings.cadence.critical\"]");
    app.fill("settings.cadence.critical", "60");
    app.find("[data-testid=\"save-settings\"]").click();
    app.wait_text("header .org", "Northwind Analytics Ltd");

    let outage = "[data-testid=\"failure-mode\"][data-mode-name=\"Outage\"]";
    app.find(&format!("{outage} [data-testid=\"rename-mode\"]")).click();
    app.find(&format!("{outage} input[name=\"failure_mode.name\"]")).replace_text("Full outage");
    app.find(&format!("{outage} [data-testid=\"save-mode\"]")).click();
    app.find("[data-testid=\"failure-mode\"][data-mode-name=\"Full outage\"]");
    app.find("[data-testid=\"failure-mode\"][data-mode-name=\"Account suspension\"] [data-testid=\"retire-mode\"]").click();
    app.wait_text("[data-testid=\"failure-mode\"][data-mode-name=\"Account suspension\"] [data-testid=\"retire-mode\"]", "Put back in use");
    app.screenshot("review-04-settings");

    // A provider's page warns that it can no longer be left before renewal, and names the review
    // of each assessment.
    app.find("[data-testid=\"settings-back\"]").click();
    app.find("tr[data-provider-name=\"Auth0\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "Auth0");
    app.find("[data-testid=\"provider-contract\"][data-alert=\"CannotLeaveInTime\"]");
    app.find("[data-testid=\"assessment-history\"]").click();
    assert!(app.count("[data-testid=\"assessment-review\"]") >= 2);
    app.screenshot("review-05-provider-contract-and-assessments");
}
