//! Evidence in the real window: an incident recorded on a provider suggests a likelihood, taking
//! it records an assessment, and a switch drill replaces the estimated switch time with a
//! measured one and dates "last rehearsed".

use chrono::NaiveDate;
use lifeboat::domain::provider::{Alternative, Readiness};
use lifeboat::storage::Register;

use crate::webdriver::App;

const TODAY: &str = "2026-03-02";

/// Stripe, on the register for two years: outage scored Rare × Severe, a live alternative, and an
/// emergency switch estimated at 8 hours.
fn register_with_stripe(path: &std::path::Path) {
    let mut register = Register::open(path).unwrap();
    let mut draft = register.new_draft().unwrap();
    draft.profile.name = "Stripe".into();
    draft.risk.scenarios[0].likelihood = Some(1);
    draft.risk.scenarios[0].impact = Some(5);
    draft.risk.lock_in.level = 4;
    draft.risk.replacement.effort = 4;
    draft.risk.replacement.emergency_switch_hours = Some(8);
    draft.risk.alternatives = vec![Alternative { name: "Adyen".into(), readiness: Readiness::Live }];
    register.create_provider(&draft, NaiveDate::from_ymd_opt(2024, 1, 15).unwrap()).unwrap();
}

#[test]
fn e2e_an_incident_suggests_a_likelihood_and_a_drill_measures_the_switch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("evidence.lifeboat");
    register_with_stripe(&db);

    let app = App::launch(&db, TODAY);
    app.find("tr[data-provider-name=\"Stripe\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "Stripe");
    let outage = "[data-testid=\"mode-evidence\"][data-mode=\"Outage\"]";
    app.wait_text(&format!("{outage} [data-testid=\"mode-evidence-count\"]"), "0 incidents");
    app.wait_text(&format!("{outage} [data-testid=\"mode-evidence-suggested\"]"), "1 · Rare");
    app.wait_text("[data-testid=\"switch-time-source\"]", "estimate");
    app.wait_text("[data-testid=\"switch-time-hours\"]", "8 h");
    app.wait_text("[data-testid=\"last-rehearsed-date\"]", "Never");

    // An incident resolved before it started is refused under its field.
    app.find("[data-testid=\"add-incident\"]").click();
    app.find("[data-testid=\"incident-form\"]");
    app.fill("incident.summary", "Card payments failed in the EU");
    app.fill("incident.started.date", "2026-02-10");
    app.fill("incident.started.time", "09:00");
    app.fill("incident.started.offset", "+01:00");
    app.fill("incident.detected.date", "2026-02-10");
    app.fill("incident.detected.time", "09:20");
    app.fill("incident.detected.offset", "+01:00");
    app.fill("incident.resolved.date", "2026-02-10");
    app.fill("incident.resolved.time", "08:00");
    app.fill("incident.resolved.offset", "+01:00");
    app.find("[data-testid=\"add-service\"]").click();
    app.fill("incident.services.0", "Checkout");
    app.find("[name=\"incident.customer_facing\"]").click();
    app.find("[data-testid=\"incident-save\"]").click();
    app.wait_text("[data-testid=\"field-error\"][data-field=\"incident.resolved\"]", "Resolved is before the incident started.");
    app.fill("incident.resolved.time", "12:30");
    app.find("[data-testid=\"incident-save\"]").click();
    app.wait_count("[data-testid=\"incident-form\"]", 0);
    app.wait_count("[data-testid=\"incident-item\"]", 1);
    app.wait_text("[data-testid=\"evidence-mean-recover\"]", "3 h 30 min");

    // One outage in two years: 0.5 a year suggests Possible, against the user's Rare.
    app.wait_text(&format!("{outage} [data-testid=\"mode-evidence-count\"]"), "1 incident");
    app.wait_text(&format!("{outage} [data-testid=\"mode-evidence-suggested\"]"), "3 · Possible");
    app.wait_text(&format!("{outage} [data-testid=\"take-evidence\"]"), "Use evidence (3)");
    app.screenshot("evidence-01-suggestion");
    let trend_before = app.count("[data-testid=\"trend-point\"]");
    app.find(&format!("{outage} [data-testid=\"take-evidence\"]")).click();
    app.wait_count(&format!("{outage} [data-testid=\"take-evidence\"]"), 0);
    assert_eq!(app.find("select[name=\"risk.scenarios.0.likelihood\"]").value(), "3");
    assert!(app.find("[name=\"risk.scenarios.0.note\"]").value().contains("from evidence on 2026-03-02"));
    app.wait_text("[data-testid=\"inherent-score\"]", "15");
    // Taken today over a snapshot of 2024: a new assessment in the history.
    app.wait_count("[data-testid=\"trend-point\"]", trend_before + 1);
    app.wait_count("[data-testid=\"nav-need-review\"]", 0);
    app.screenshot("evidence-02-taken");

    // A full switch to Adyen in 3 hours against a 4-hour target.
    app.find("[data-testid=\"add-drill\"]").click();
    app.find("[data-testid=\"drill-form\"]");
    app.fill("drill.date", "2026-03-01");
    app.select("drill.kind", "full_switch");
    app.select("drill.scenario", "persistent_outage");
    app.select("drill.alternative", "Adyen");
    app.fill("drill.target_hours", "4");
    app.fill("drill.achieved_hours", "3");
    app.select("drill.result", "met");
    app.fill("drill.findings", "Webhooks needed re-registering by hand.");
    app.find("[data-testid=\"drill-save\"]").click();
    app.wait_count("[data-testid=\"drill-form\"]", 0);
    app.wait_count("[data-testid=\"drill-item\"]", 1);
    app.wait_text("[data-testid=\"last-rehearsed-date\"]", "1 Mar 2026");
    app.wait_text("[data-testid=\"switch-time-hours\"]", "3 h");
    app.wait_text("[data-testid=\"switch-time-source\"]", "measured in the drill of 1 Mar 2026");
    app.screenshot("evidence-03-drill");

    // The register-wide Incidents page lists it, and a row opens its provider.
    app.find("[data-testid=\"back\"]").click();
    app.find("[data-testid=\"nav-incidents\"]").click();
    app.wait_count("[data-testid=\"incident-row\"]", 1);
    app.wait_text("[data-testid=\"incident-recover\"]", "3 h 30 min");
    app.screenshot("evidence-04-incidents-page");
    app.find("[data-testid=\"incident-row\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "Stripe");
}

/// The demo's evidence at first launch: a provider's incidents, recovery times and drills, and
/// the register-wide Incidents page (screenshots for docs/screenshots).
#[test]
fn e2e_the_demo_shows_evidence_on_a_provider_and_the_incidents_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo-evidence.lifeboat");
    let app = App::launch(&db, TODAY);
    app.find("[data-testid=\"load-demo\"]").click();
    app.find("tr[data-provider-name=\"AWS\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "AWS");
    app.find("[data-testid=\"incident-item\"]");
    assert!(app.count("[data-testid=\"incident-item\"]") >= 1);
    assert!(app.count("[data-testid=\"drill-item\"]") >= 1);
    app.find("[data-testid=\"mode-evidence\"]").click();
    app.screenshot("evidence-05-demo-risk-profile");
    // A click scrolls the section into view; the stats themselves do nothing.
    app.find("[data-testid=\"drill-log\"]").click();
    app.screenshot("evidence-06-demo-provider-evidence");

    app.find("[data-testid=\"back\"]").click();
    app.find("[data-testid=\"nav-incidents\"]").click();
    app.find("[data-testid=\"incident-row\"]");
    assert!(app.count("[data-testid=\"incident-row\"]") >= 20);
    app.find("[data-testid=\"sort-recover\"]").click();
    app.screenshot("evidence-07-demo-incidents-page");
}

/// A status page's incident history, read offline from its JSON export: previewed with how it
/// was mapped, applied, and recognised as already recorded when chosen again.
#[test]
fn e2e_a_status_page_history_is_previewed_then_imported_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("status-page.lifeboat");
    register_with_stripe(&db);
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/statuspage-object-storage.json");
    let app = App::launch_with_env(&db, "2026-12-01", &[("LIFEBOAT_E2E_IMPORT_FILE", fixture.to_str().unwrap())]);
    app.find("tr[data-provider-name=\"Stripe\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "Stripe");
    app.wait_count("[data-testid=\"incident-item\"]", 0);

    app.find("[data-testid=\"import-status-page\"]").click();
    app.find("[data-testid=\"status-page-preview\"]");
    let heading = app.find("[data-testid=\"status-page-added\"] h3").text_content();
    let added: usize = heading.split_whitespace().find_map(|w| w.parse().ok()).expect("a count of incidents to add");
    assert!(added > 0, "{heading}");
    assert!(app.find("[data-testid=\"status-page-mapping\"]").text_content().contains("Outage"));
    app.screenshot("evidence-08-status-page-preview");
    app.find("[data-testid=\"apply-status-page\"]").click();
    app.wait_count("[data-testid=\"status-page-preview\"]", 0);
    app.wait_count("[data-testid=\"incident-item\"]", added);

    // The same file again: every incident is recognised, nothing is added.
    app.find("[data-testid=\"import-status-page\"]").click();
    app.find("[data-testid=\"status-page-duplicates\"]");
    app.wait_text("[data-testid=\"status-page-added\"] h3", "Will add 0 incidents");
    app.screenshot("evidence-09-status-page-again");
}
