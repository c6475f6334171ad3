//! What depends on what, in the real window: a service created on the Services page, two
//! providers linked to it, a fourth party under one of them, and the blast radius and what-if
//! graph of the fourth party with the right cost per hour.

use chrono::NaiveDate;
use lifeboat::storage::Register;

use crate::webdriver::App;

const TODAY: &str = "2026-03-02";

/// Postmark and Auth0, both scored, and AWS us-east-1, a fourth party we hold no contract with;
/// their ids, as the pickers' options carry them, in that order.
fn register_with_providers(path: &std::path::Path) -> [String; 3] {
    let mut register = Register::open(path).unwrap();
    ["Postmark", "Auth0", "AWS us-east-1"].map(|name| {
        let fourth_party = name == "AWS us-east-1";
        let mut draft = register.new_draft().unwrap();
        draft.profile.name = name.into();
        draft.profile.fourth_party = fourth_party;
        draft.risk.scenarios[0].likelihood = Some(2);
        draft.risk.scenarios[0].impact = Some(4);
        register.create_provider(&draft, NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()).unwrap().id.to_string()
    })
}

fn open_provider(app: &App, name: &str) {
    app.find("[data-testid=\"nav-register\"]").click();
    app.find(&format!("tr[data-provider-name=\"{name}\"] td:first-child")).click();
    app.wait_text("[data-testid=\"provider-title\"]", name);
}

#[test]
fn e2e_a_service_and_its_providers_give_a_fourth_party_its_blast_radius() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("services.lifeboat");
    let [postmark, auth0, aws] = register_with_providers(&db);
    let app = App::launch(&db, TODAY);

    // A service with what an hour of it down costs; a refused name is named under its field.
    app.find("[data-testid=\"nav-services\"]").click();
    app.find("[data-testid=\"new-service\"]").click();
    app.find("[data-testid=\"service-save\"]").click();
    app.wait_text("[data-testid=\"field-error\"][data-field=\"service.name\"]", "A service needs a name.");
    app.fill("service.name", "Password reset email");
    app.fill("service.owner", "Identity team");
    app.fill("service.downtime_cost_per_hour", "2000");
    app.fill("service.degraded_share", "50");
    app.find("[data-testid=\"service-save\"]").click();
    app.wait_count("[data-testid=\"service-form\"]", 0);
    app.wait_text("[data-testid=\"service-cost\"]", "USD 2,000");

    // It needs Postmark (down when Postmark is down) and Auth0 (only degraded without it).
    app.wait_count("[data-testid=\"dependency-links\"]", 1);
    app.select("link.choice", &postmark);
    app.find("[data-testid=\"link-add\"]").click();
    app.wait_count("[data-testid=\"dependency-link\"]", 1);
    app.select("link.choice", &auth0);
    app.find("select[aria-label=\"When the provider is down\"] option[value=\"degraded\"]").click();
    app.find("[data-testid=\"link-add\"]").click();
    app.wait_count("[data-testid=\"dependency-link\"]", 2);
    app.screenshot("services-01-service");

    // Postmark and Auth0 run on AWS us-east-1.
    for name in ["Postmark", "Auth0"] {
        open_provider(&app, name);
        app.select("runs_on.choice", &aws);
        app.find("[data-testid=\"runs-on-add\"]").click();
        app.wait_text("[data-testid=\"runs-on-item\"]", "AWS us-east-1 fourth party Remove");
    }

    // AWS us-east-1's outage reaches the service through both, counted once: 2,000 an hour.
    open_provider(&app, "AWS us-east-1");
    app.wait_text("[data-failure=\"outage\"] [data-testid=\"blast-radius-total\"]", "USD 2,000 an hour");
    app.screenshot("services-02-blast-radius");

    // The register shows and sorts by it.
    app.find("[data-testid=\"nav-register\"]").click();
    app.wait_text("tr[data-provider-name=\"AWS us-east-1\"] [data-testid=\"row-outage-cost\"]", "2,000");
    app.wait_text("tr[data-provider-name=\"Postmark\"] [data-testid=\"row-outage-cost\"]", "2,000");
    app.wait_text("tr[data-provider-name=\"Auth0\"] [data-testid=\"row-outage-cost\"]", "—");

    // What if it slows down instead: Postmark degrades the service (half its cost), so does Auth0.
    app.find("[data-testid=\"nav-what-if\"]").click();
    app.select("what_if.provider", &aws);
    app.wait_text("[data-testid=\"what-if-total\"]", "If AWS us-east-1 has an outage: 1 service, USD 2,000 an hour, through 2 providers");
    app.wait_count("[data-testid=\"what-if-node\"][data-kind=\"provider\"]", 3);
    app.wait_count("[data-testid=\"what-if-node\"][data-kind=\"service\"]", 1);
    app.find("input[name=\"what-if-failure\"][value=\"degradation\"]").click();
    app.wait_text(
        "[data-testid=\"what-if-total\"]",
        "If AWS us-east-1 has a degradation: 1 service, USD 1,000 an hour, through 2 providers",
    );
    app.screenshot("services-03-what-if");
}
