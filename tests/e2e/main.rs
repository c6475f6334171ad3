//! End-to-end tests in the real app window (run by tests/e2e/run.sh under Xvfb; `make test`
//! runs them). Test names start with `e2e_` so the plain integration run can skip them.

mod evidence;
mod import;
mod money;
mod review;
mod services;
mod webdriver;

use webdriver::App;

const DAY_ONE: &str = "2026-03-02";
const DAY_TWO: &str = "2026-03-03";

fn open_provider(app: &App, name: &str) {
    app.find("[data-testid=\"search\"]").replace_text("");
    // WebKit does not click table rows themselves; a person clicks the name anyway.
    app.find(&format!("tr[data-provider-name=\"{name}\"] td:first-child")).click();
    app.wait_text("[data-testid=\"provider-title\"]", name);
}

fn back_to_register(app: &App) {
    app.find("[data-testid=\"back\"]").click();
    app.find("[data-testid=\"register-table\"]");
}

#[test]
fn e2e_a_provider_is_scored_tracked_over_days_and_survives_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.lifeboat");
    let name = "Ωmega Pay <b>EU</b>";

    // Day one: a new register offers the demo; start empty and add a provider.
    {
        let app = App::launch(&db, DAY_ONE);
        app.find("[data-testid=\"demo-offer\"]");
        app.screenshot("01-first-launch");
        app.find("[data-testid=\"start-empty\"]").click();
        app.find("[data-testid=\"new-provider\"]").click();
        // Nothing is scored yet, so the provider is Not assessed, never a made-up Low.
        app.wait_text("[data-testid=\"inherent-level\"]", "Not assessed");
        app.wait_text("[data-testid=\"exposure-level\"]", "Not assessed");

        // Saving without a name is refused, with the reason under the field.
        app.find("[data-testid=\"save-provider\"]").click();
        app.find("[data-testid=\"field-error\"][data-field=\"profile.name\"]");

        app.fill("profile.name", name);
        app.select("profile.category", "payments");
        app.fill("profile.owner", "Platform team");
        app.select("risk.scenarios.0.likelihood", "4");
        app.select("risk.scenarios.0.impact", "5");
        app.wait_text("[data-testid=\"inherent-level\"]", "Critical");
        app.wait_text("[data-testid=\"inherent-score\"]", "20");
        app.select("risk.lock_in.level", "4");
        app.select("risk.replacement.effort", "4");
        app.wait_text("[data-testid=\"exposure\"]", "16.0");
        app.find("[data-testid=\"save-provider\"]").click();
        app.wait_text("[data-testid=\"provider-title\"]", name);
        app.wait_count("[data-testid=\"trend-point\"]", 1);
        app.screenshot("02-provider-created");

        back_to_register(&app);
        let row = format!("tr[data-provider-name=\"{name}\"]");
        app.wait_text(&format!("{row} [data-testid=\"row-level\"]"), "Critical");
        app.wait_text(&format!("{row} [data-testid=\"row-exposure\"]"), "16.0");
        app.screenshot("03-register");
    }

    // Day two: the provider is still there; a lower likelihood is a second snapshot.
    {
        let app = App::launch(&db, DAY_TWO);
        open_provider(&app, name);
        app.wait_count("[data-testid=\"trend-point\"]", 1);
        app.select("risk.scenarios.0.likelihood", "2");
        app.wait_text("[data-testid=\"inherent-level\"]", "High");
        app.wait_text("[data-testid=\"exposure\"]", "8.0");
        app.find("[data-testid=\"save-provider\"]").click();
        app.wait_count("[data-testid=\"trend-point\"]", 2);
        app.screenshot("04-second-snapshot");
    }

    // After another restart everything is as it was left.
    {
        let app = App::launch(&db, DAY_TWO);
        let row = format!("tr[data-provider-name=\"{name}\"]");
        app.wait_text(&format!("{row} [data-testid=\"row-level\"]"), "High");
        app.wait_text(&format!("{row} [data-testid=\"row-exposure\"]"), "8.0");
        open_provider(&app, name);
        app.wait_text("[data-testid=\"inherent-score\"]", "10");
        app.wait_count("[data-testid=\"trend-point\"]", 2);
        assert_eq!(app.find("[name=\"profile.owner\"]").value(), "Platform team");
    }
}

#[test]
fn e2e_the_demo_register_fills_the_table_and_heat_map() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.lifeboat");
    let app = App::launch(&db, DAY_ONE);
    app.find("[data-testid=\"load-demo\"]").click();
    app.find("tr[data-provider-name=\"Stripe\"]");
    assert!(app.count("[data-testid=\"register-table\"] tbody tr") >= 12);
    app.screenshot("05-demo-register");

    app.find("[data-testid=\"search\"]").type_text("stripe");
    app.wait_count("[data-testid=\"register-table\"] tbody tr", 1);
    app.find("[data-testid=\"search\"]").replace_text("");

    app.find("[data-testid=\"tab-heatmap\"]").click();
    app.find("[data-testid=\"heat-cell\"][data-likelihood=\"5\"][data-impact=\"5\"]");
    app.screenshot("06-heat-map");
    app.find("[data-testid=\"tab-register\"]").click();
    open_provider(&app, "Stripe");
    assert!(app.count("[data-testid=\"trend-point\"]") >= 3);
    app.screenshot("07-demo-provider");
}
