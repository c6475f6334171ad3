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
    app.wait_text("[data-failure=\"outage\"] [data-testid=\"blast-radius-total\"]", "USD 2,000");
    app.screenshot("services-02-blast-radius");

    // The register shows and sorts by it.
    app.find("[data-testid=\"nav-register\"]").click();
    app.wait_text("tr[data-provider-name=\"AWS us-east-1\"] [data-testid=\"row-outage-cost\"]", "2,000");
    app.wait_text("tr[data-provider-name=\"Postmark\"] [data-testid=\"row-outage-cost\"]", "2,000");
    // Without Auth0 the service only slows: half its cost.
    app.wait_text("tr[data-provider-name=\"Auth0\"] [data-testid=\"row-outage-cost\"]", "1,000");
    app.screenshot("services-03-register");

    // What if: its outage, then its slowdown, which only degrades the service (half its cost).
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
    app.screenshot("services-04-what-if");
}

/// The demo answers "if AWS us-east-1 slows down, what do we lose per hour, and through which
/// providers?" on the fourth party's page, one click from the register; the Concentration and
/// What-if pages say it too (screenshots for docs/screenshots).
#[test]
fn e2e_the_demo_shows_what_aws_us_east_1_takes_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo-services.lifeboat");
    let app = App::launch(&db, TODAY);
    app.find("[data-testid=\"load-demo\"]").click();
    app.find("tr[data-provider-name=\"AWS us-east-1\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "AWS us-east-1");
    let slowdown = app.find("[data-testid=\"reach-summary\"] [data-failure=\"degradation\"]").text_content();
    assert!(slowdown.contains("an hour") && slowdown.contains("through") && slowdown.contains("Postmark"), "{slowdown}");
    app.screenshot("services-05-demo-fourth-party");
    app.find("[data-testid=\"provider-dependencies\"]").click();
    app.screenshot("services-06-demo-blast-radius");

    app.find("[data-testid=\"nav-concentration\"]").click();
    app.find("[data-testid=\"finding\"]");
    let page = app.find("[data-testid=\"concentration\"]").text_content();
    assert!(page.contains("depend on AWS us-east-1, a fourth party we hold no contract with."), "{page}");
    app.screenshot("services-07-demo-concentration");

    app.find("[data-testid=\"nav-what-if\"]").click();
    app.select("what_if.provider", &demo_id(&app, "AWS us-east-1"));
    app.find("input[name=\"what-if-failure\"][value=\"degradation\"]").click();
    app.find("[data-testid=\"what-if-node\"][data-kind=\"service\"]");
    assert!(app.find("[data-testid=\"what-if-total\"]").text_content().starts_with("If AWS us-east-1 has a degradation:"));
    app.screenshot("services-08-demo-what-if");
}

/// The id the what-if picker gives a provider of the demo, read from its option.
fn demo_id(app: &App, name: &str) -> String {
    let options = app.count("select[name=\"what_if.provider\"] option");
    (1..=options)
        .map(|i| app.find(&format!("select[name=\"what_if.provider\"] option:nth-child({i})")))
        .find(|o| o.text_content().trim() == name)
        .map(|o| o.value())
        .expect("the provider is offered")
}
