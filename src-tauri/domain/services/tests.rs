//! The reach rules on small registers drawn by hand: what spreads, what stops it, what counts once.

use chrono::NaiveDate;

use crate::domain::ids::{ProviderId, ServiceId};

use super::concentration::concentration;
use super::dependency::{Dependency, Effect, Failure, RunsOn};
use super::graph::{DependencyGraph, Node};
use super::reach::{BlastRadius, Walker};
use super::service::{Service, ServiceDraft};

fn provider(id: i64, name: &str) -> Node {
    Node {
        id: ProviderId(id),
        name: name.into(),
        fourth_party: false,
        active: true,
        live_alternative: None,
        switch_hours: None,
        annual_spend: None,
        currency: "USD".into(),
    }
}

fn service(id: i64, name: &str, cost: f64) -> Service {
    Service {
        id: ServiceId(id),
        draft: ServiceDraft { name: name.into(), downtime_cost_per_hour: Some(cost), ..ServiceDraft::blank() },
        created_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
    }
}

fn needs(service: i64, provider: i64, when_down: Effect, when_degraded: Effect) -> Dependency {
    Dependency { service_id: ServiceId(service), provider_id: ProviderId(provider), when_down, when_degraded, note: String::new() }
}

fn on(provider: i64, host: i64) -> RunsOn {
    RunsOn { provider_id: ProviderId(provider), runs_on: ProviderId(host) }
}

use Effect::{Degraded, Down, Unaffected};

/// AWS us-east-1 (1) carries Postmark (2) and Auth0 (3); Postmark sends password-reset email
/// (10) and notifications (11); Auth0 runs login (12); checkout (13) needs Stripe (4).
fn story() -> (Vec<Node>, Vec<Service>, Vec<Dependency>, Vec<RunsOn>) {
    let mut aws = provider(1, "AWS us-east-1");
    aws.fourth_party = true;
    let providers = vec![aws, provider(2, "Postmark"), provider(3, "Auth0"), provider(4, "Stripe")];
    let services = vec![
        service(10, "Password reset email", 2_000.0),
        service(11, "Notifications", 1_000.0),
        service(12, "Login", 9_000.0),
        service(13, "Checkout", 18_000.0),
    ];
    let dependencies =
        vec![needs(10, 2, Down, Degraded), needs(11, 2, Unaffected, Unaffected), needs(12, 3, Down, Down), needs(13, 4, Down, Degraded)];
    (providers, services, dependencies, vec![on(2, 1), on(3, 1)])
}

fn graph() -> DependencyGraph {
    let (p, s, d, r) = story();
    DependencyGraph::new(p, s, &d, &r)
}

fn radius(graph: &DependencyGraph, id: i64, failure: Failure) -> BlastRadius {
    Walker::default().blast_radius(graph, ProviderId(id), failure).expect("a provider of the graph")
}

fn names(radius: &BlastRadius) -> Vec<(&str, Effect)> {
    radius.services.iter().map(|s| (s.name.as_str(), s.effect)).collect()
}

#[test]
fn an_outage_spreads_through_the_providers_that_run_on_it_with_the_path_named() {
    let g = graph();
    let r = radius(&g, 1, Failure::Outage);
    assert_eq!(names(&r), vec![("Login", Down), ("Password reset email", Down)]);
    assert_eq!(r.cost_per_hour, 11_000.0);
    let path: Vec<&str> = r.services[1].paths[0].via.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(path, vec!["AWS us-east-1", "Postmark"]);
    let carried: Vec<&str> = r.providers.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(carried, vec!["Postmark", "Auth0"]);
}

#[test]
fn a_degradation_follows_each_links_degraded_effect_and_costs_the_degraded_share() {
    let g = graph();
    let r = radius(&g, 1, Failure::Degradation);
    // The slow login provider takes login down (backlogs cascade); email only slows.
    assert_eq!(names(&r), vec![("Login", Down), ("Password reset email", Degraded)]);
    assert_eq!(r.cost_per_hour, 9_000.0 + 2_000.0 * 0.5);
}

#[test]
fn an_unaffected_link_is_an_off_switch_that_ends_its_path() {
    let g = graph();
    let r = radius(&g, 2, Failure::Outage);
    assert_eq!(names(&r), vec![("Password reset email", Down)]);
    assert_eq!(r.cut.len(), 1);
    assert_eq!(r.cut[0].service, "Notifications");
}

#[test]
fn a_service_reached_two_ways_is_counted_once_at_its_worst() {
    let (p, s, mut d, r) = story();
    // Login also needs Postmark (for its emails) but only slows without it.
    d.push(needs(12, 2, Degraded, Degraded));
    let g = DependencyGraph::new(p, s, &d, &r);
    let radius = radius(&g, 1, Failure::Outage);
    let login = radius.services.iter().find(|s| s.name == "Login").unwrap();
    assert_eq!((login.effect, login.paths.len()), (Down, 2));
    assert_eq!(radius.cost_per_hour, 11_000.0);
}

#[test]
fn a_provider_reached_along_two_paths_is_counted_once() {
    let (mut p, s, d, mut r) = story();
    p.push(provider(5, "Kubernetes platform"));
    // Auth0 runs on AWS directly and through the platform, which runs on AWS too.
    r.extend([on(5, 1), on(3, 5)]);
    let g = DependencyGraph::new(p, s, &d, &r);
    let radius = radius(&g, 1, Failure::Outage);
    assert_eq!(radius.providers.iter().filter(|p| p.name == "Auth0").count(), 1);
    assert_eq!(radius.services.iter().filter(|s| s.name == "Login").count(), 1);
    assert_eq!(radius.cost_per_hour, 11_000.0);
}

#[test]
fn retired_services_and_retired_providers_are_reached_by_nothing() {
    let (mut p, mut s, d, r) = story();
    s[0].draft.retired = true;
    p[2].active = false;
    let g = DependencyGraph::new(p, s, &d, &r);
    let radius = radius(&g, 1, Failure::Outage);
    assert!(radius.services.is_empty(), "{:?}", names(&radius));
    assert_eq!(radius.cost_per_hour, 0.0);
    assert_eq!(Walker::default().blast_radius(&g, ProviderId(3), Failure::Outage).unwrap().services.len(), 0);
}

#[test]
fn a_live_alternative_on_the_path_shortens_it() {
    let (mut p, s, d, r) = story();
    p[1].live_alternative = Some("SendGrid".into());
    p[1].switch_hours = Some(2.0);
    let g = DependencyGraph::new(p, s, &d, &r);
    let radius = radius(&g, 1, Failure::Outage);
    let email = radius.services.iter().find(|s| s.name == "Password reset email").unwrap();
    let shortening = email.paths[0].shortened_by.as_ref().expect("Postmark can switch");
    assert_eq!(
        (shortening.provider.as_str(), shortening.alternative.as_str(), shortening.switch_hours),
        ("Postmark", "SendGrid", Some(2.0))
    );
    assert!(email.shortened);
    assert!(!radius.services.iter().find(|s| s.name == "Login").unwrap().shortened);
}

#[test]
fn a_service_without_a_cost_is_reached_but_named_apart_from_the_total() {
    let (p, mut s, d, r) = story();
    s[2].draft.downtime_cost_per_hour = None;
    let g = DependencyGraph::new(p, s, &d, &r);
    let radius = radius(&g, 1, Failure::Outage);
    assert_eq!(radius.cost_per_hour, 2_000.0);
    assert_eq!(radius.services_without_cost, vec!["Login".to_string()]);
}

#[test]
fn totals_agree_with_the_full_blast_radius() {
    let g = graph();
    let mut walker = Walker::default();
    for id in 1..=4 {
        for failure in [Failure::Outage, Failure::Degradation] {
            let full = radius(&g, id, failure);
            let totals = walker.totals(&g, ProviderId(id), failure).unwrap();
            assert_eq!(
                (totals.cost_per_hour, totals.services, totals.providers),
                (full.cost_per_hour, full.services.len(), full.providers.len())
            );
        }
    }
}

#[test]
fn concentration_names_the_shared_fourth_party_single_points_and_spend() {
    let (mut p, s, d, r) = story();
    p[1].annual_spend = Some(10_000.0);
    p[3].annual_spend = Some(30_000.0);
    p[2].annual_spend = Some(5_000.0);
    p[2].currency = "EUR".into();
    let g = DependencyGraph::new(p, s, &d, &r);
    let c = concentration(&g, "USD");
    assert_eq!(c.shared.len(), 1);
    assert_eq!((c.shared[0].name.as_str(), c.shared[0].providers.len(), c.shared[0].cost_per_hour), ("AWS us-east-1", 2, 11_000.0));
    assert_eq!(c.top[0].name, "Stripe");
    let single: Vec<(&str, &str)> = c.single_points.iter().map(|p| (p.service.as_str(), p.provider.as_str())).collect();
    assert_eq!(single, vec![("Checkout", "Stripe"), ("Login", "Auth0"), ("Password reset email", "Postmark")]);
    assert_eq!(c.spend.other_currency, vec!["Auth0".to_string()]);
    // Shares 75 % and 25 %: 75² + 25² = 6,250.
    assert_eq!(c.spend.hhi, Some(6_250.0));
    assert_eq!(
        c.findings[0],
        "2 providers and 2 services, USD 11,000 an hour, depend on AWS us-east-1, a fourth party we hold no contract with."
    );
    assert!(c.findings.contains(&"Checkout goes down with Stripe alone (USD 18,000 an hour): there is no live alternative.".to_string()));
    assert!(c.findings.last().unwrap().starts_with("Spend is highly concentrated (HHI 6,250); Stripe takes 75 % of it."));
}

#[test]
fn findings_name_every_provider_a_service_falls_with_once() {
    let (p, s, mut d, r) = story();
    // Checkout needs Auth0 too.
    d.push(needs(13, 3, Down, Down));
    let c = concentration(&DependencyGraph::new(p, s, &d, &r), "USD");
    let checkout = "Checkout goes down with any one of Auth0 and Stripe (USD 18,000 an hour): none has a live alternative.";
    assert!(c.findings.iter().any(|f| f == checkout), "{:#?}", c.findings);
    assert_eq!(c.findings.iter().filter(|f| f.starts_with("Checkout goes down")).count(), 1);
}

#[test]
fn a_shared_fourth_party_that_reaches_no_service_is_named_without_a_cost() {
    let mut cloud = provider(1, "Google Cloud");
    cloud.fourth_party = true;
    let providers = vec![cloud, provider(2, "Mixpanel"), provider(3, "Zendesk")];
    let runs_on =
        [RunsOn { provider_id: ProviderId(2), runs_on: ProviderId(1) }, RunsOn { provider_id: ProviderId(3), runs_on: ProviderId(1) }];
    let c = concentration(&DependencyGraph::new(providers, Vec::new(), &[], &runs_on), "USD");
    assert_eq!(
        c.findings,
        ["2 providers run on Google Cloud, a fourth party we hold no contract with; no service of ours needs them yet."]
    );
}
