//! Money at risk in the real window: a provider's expected annual loss in the register follows
//! the cost per hour of the service that needs it, and the demo shows what each provider could
//! cost in a normal year and in a bad one, and why.

use chrono::NaiveDate;
use lifeboat::domain::services::dependency::{Dependency, Effect};
use lifeboat::domain::services::service::ServiceDraft;
use lifeboat::storage::Register;

use crate::webdriver::App;

const TODAY: &str = "2026-03-02";
const EAL: &str = "tr[data-provider-name=\"Stripe\"] [data-testid=\"row-money\"]";

/// Stripe, its outage scored Possible × Major, needed by Checkout at `cost` an hour down.
fn register_with_checkout(path: &std::path::Path, cost: f64) {
    let mut register = Register::open(path).unwrap();
    let mut draft = register.new_draft().unwrap();
    draft.profile.name = "Stripe".into();
    let outage = draft.risk.scenarios.iter_mut().find(|s| s.mode == "Outage").unwrap();
    (outage.likelihood, outage.impact) = (Some(3), Some(4));
    let on = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let stripe = register.create_provider(&draft, on).unwrap().id;
    let service = ServiceDraft { name: "Checkout".into(), downtime_cost_per_hour: Some(cost), ..ServiceDraft::blank() };
    let checkout = register.add_service(&service, on).unwrap().id;
    let link = Dependency {
        service_id: checkout,
        provider_id: stripe,
        when_down: Effect::Down,
        when_degraded: Effect::Degraded,
        note: String::new(),
    };
    register.set_dependency(&link).unwrap();
}

/// "USD 12,345" or "12,345" → 12345.
fn amount(text: &str) -> f64 {
    text.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or_else(|_| panic!("no amount in {text:?}"))
}

fn has_amount(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

#[test]
fn e2e_a_services_cost_per_hour_moves_its_providers_expected_annual_loss() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("money.lifeboat");
    register_with_checkout(&db, 10_000.0);
    let app = App::launch(&db, TODAY);

    let before = amount(&app.wait_text_where(EAL, "an amount", has_amount));

    // Checkout now loses four times as much an hour.
    app.find("[data-testid=\"nav-services\"]").click();
    app.find("[data-testid=\"service-edit\"]").click();
    app.fill("service.downtime_cost_per_hour", "40000");
    app.find("[data-testid=\"service-save\"]").click();
    app.wait_count("[data-testid=\"service-form\"]", 0);

    app.find("[data-testid=\"nav-register\"]").click();
    let after = amount(&app.wait_text_where(EAL, "another amount", |t| has_amount(t) && amount(t) != before));
    // Loss per event is hours × cost per hour plus a fixed response cost: nearly four times.
    assert!(after > 3.5 * before && after < 4.0 * before, "{before} → {after}");
    app.screenshot("money-01-register-after-cost-change");

    // The provider's Money section shows the same figure and where it came from.
    app.find("tr[data-provider-name=\"Stripe\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "Stripe");
    let section = app.find("#money").text_content();
    assert!(section.contains("40,000"), "the blast radius cost is shown: {section}");
    assert!(section.contains("default"), "guesses are marked: {section}");
}

/// The demo answers "what could each provider cost us in a normal year and in a bad one, and
/// why?": the register sorted by expected annual loss, one figure's breakdown, the provider's
/// Money section and the register's Money page (screenshots for docs/screenshots).
#[test]
fn e2e_the_demo_shows_what_each_provider_could_cost_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo-money.lifeboat");
    let app = App::launch(&db, TODAY);
    app.find("[data-testid=\"load-demo\"]").click();
    app.wait_text_where(EAL, "an amount", has_amount);

    app.find("[data-testid=\"money-currency\"]").click();
    let first = amount(&app.find("tbody tr:nth-child(1) [data-testid=\"row-money\"]").text_content());
    let second = amount(&app.find("tbody tr:nth-child(2) [data-testid=\"row-money\"]").text_content());
    assert!(first >= second && second > 0.0, "sorted by expected annual loss, worst first: {first}, {second}");
    app.screenshot("money-02-register-by-expected-loss");

    app.find(EAL).click();
    let popover = app.find("[data-testid=\"money-popover\"]").text_content();
    assert!(popover.contains("1 in 100") || popover.contains("1-in-100"), "{popover}");
    app.screenshot("money-03-breakdown-popover");
    app.find("[data-testid=\"open-money-breakdown\"]").click();
    app.wait_text("[data-testid=\"provider-title\"]", "Stripe");
    // The 1-in-100 figure explains itself when focused, as a click leaves it.
    app.find("#money [data-testid=\"money-figures\"] button:last-child").click();
    app.screenshot("money-04-provider-money");

    app.find("[data-testid=\"nav-register\"]").click();
    app.find("[data-testid=\"nav-money\"]").click();
    app.find("[data-testid=\"exceedance-curve\"]");
    assert!(has_amount(&app.find("[data-testid=\"register-expected\"]").text_content()));
    app.screenshot("money-05-money-page");
}
