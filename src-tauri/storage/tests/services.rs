//! Services, the providers they need and the providers that run on providers: every field is
//! stored as given, links go with either end, and a refused write writes nothing.

use chrono::NaiveDate;

use super::super::*;
use crate::domain::ids::{ProviderId, ServiceId};
use crate::domain::provider::ProviderDraft;
use crate::domain::services::dependency::{Dependency, Effect, RunsOn};
use crate::domain::services::service::ServiceDraft;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn provider(reg: &mut Register, name: &str) -> ProviderId {
    let mut d: ProviderDraft = reg.new_draft().unwrap();
    d.profile.name = name.into();
    reg.create_provider(&d, day(1)).unwrap().id
}

fn service_draft(name: &str) -> ServiceDraft {
    ServiceDraft { name: name.into(), ..ServiceDraft::blank() }
}

fn link(service_id: ServiceId, provider_id: ProviderId, when_down: Effect, when_degraded: Effect) -> Dependency {
    Dependency { service_id, provider_id, when_down, when_degraded, note: String::new() }
}

fn field_and_message(err: StoreError) -> (String, String) {
    match err {
        StoreError::Invalid(v) => (v.errors[0].field.clone(), v.errors[0].message.clone()),
        other => panic!("expected a validation error, not {other:?}"),
    }
}

#[test]
fn every_field_of_a_service_is_stored_and_services_list_by_name() {
    let mut reg = Register::open_in_memory().unwrap();
    let draft = ServiceDraft {
        name: " Checkout ".into(),
        owner: "Payments team (Ана)".into(),
        description: "Plan purchases\nand renewals; =SUM(A1) stays text".into(),
        downtime_cost_per_hour: Some(18_000.5),
        degraded_share: 0.35,
        rto_hours: Some(1.5),
        retired: false,
    };
    let saved = reg.add_service(&draft, day(3)).unwrap();
    assert_eq!(saved.draft, ServiceDraft { name: "Checkout".into(), ..draft.clone() });
    assert_eq!(saved.created_on, day(3));
    assert_eq!(reg.service(saved.id).unwrap(), saved);

    // Unknown figures stay unknown, and retiring is an edit that keeps the day it was added.
    let edited = ServiceDraft { downtime_cost_per_hour: None, rto_hours: None, retired: true, ..saved.draft.clone() };
    let retired = reg.update_service(saved.id, &edited).unwrap();
    assert_eq!((retired.draft, retired.created_on), (edited, day(3)));

    reg.add_service(&service_draft("api"), day(4)).unwrap();
    reg.add_service(&service_draft("Billing"), day(4)).unwrap();
    let names: Vec<String> = reg.services().unwrap().into_iter().map(|s| s.draft.name).collect();
    assert_eq!(names, ["api", "Billing", "Checkout"]);
}

#[test]
fn a_duplicate_or_invalid_service_is_refused_with_its_field_and_writes_nothing() {
    let mut reg = Register::open_in_memory().unwrap();
    let checkout = reg.add_service(&service_draft("Checkout"), day(1)).unwrap();
    let (field, message) = field_and_message(reg.add_service(&service_draft("checkout "), day(1)).unwrap_err());
    assert_eq!((field.as_str(), message.as_str()), ("service.name", "There is already a service called checkout."));
    let search = reg.add_service(&service_draft("Search"), day(1)).unwrap();
    let (field, _) = field_and_message(reg.update_service(search.id, &service_draft("CHECKOUT")).unwrap_err());
    assert_eq!(field, "service.name");
    // Saving a service under its own name is no clash.
    reg.update_service(checkout.id, &checkout.draft).unwrap();
    let bad = ServiceDraft { degraded_share: 1.5, ..service_draft("Search") };
    let (field, _) = field_and_message(reg.update_service(search.id, &bad).unwrap_err());
    assert_eq!(field, "service.degraded_share");
    assert_eq!(reg.services().unwrap(), [checkout, search]);
    assert!(matches!(reg.update_service(ServiceId(99), &service_draft("X")), Err(StoreError::NotFound(Missing::Service(ServiceId(99))))));
    assert!(matches!(reg.delete_service(ServiceId(99)), Err(StoreError::NotFound(Missing::Service(_)))));
}

#[test]
fn a_dependency_keeps_every_field_reads_from_both_sides_and_can_be_restated() {
    let mut reg = Register::open_in_memory().unwrap();
    let (stripe, aws) = (provider(&mut reg, "Stripe"), provider(&mut reg, "AWS"));
    let checkout = reg.add_service(&service_draft("Checkout"), day(1)).unwrap().id;
    let reports = reg.add_service(&service_draft("Report exports"), day(1)).unwrap().id;
    let mut on_stripe = link(checkout, stripe, Effect::Down, Effect::Degraded);
    on_stripe.note = "No second acquirer ✓".into();
    reg.set_dependency(&on_stripe).unwrap();
    // A slowdown can take a service down, and an off switch leaves it unaffected.
    let reports_on_aws = link(reports, aws, Effect::Unaffected, Effect::Down);
    reg.set_dependency(&reports_on_aws).unwrap();
    let checkout_on_aws = link(checkout, aws, Effect::Down, Effect::Degraded);
    reg.set_dependency(&checkout_on_aws).unwrap();

    assert_eq!(reg.dependencies_of_service(checkout).unwrap(), [checkout_on_aws.clone(), on_stripe.clone()]);
    assert_eq!(reg.dependencies_of_provider(aws).unwrap(), [checkout_on_aws.clone(), reports_on_aws.clone()]);
    assert_eq!(reg.dependencies().unwrap(), [checkout_on_aws.clone(), on_stripe.clone(), reports_on_aws.clone()]);

    let restated = Dependency { when_down: Effect::Degraded, when_degraded: Effect::Unaffected, note: String::new(), ..on_stripe };
    reg.set_dependency(&restated).unwrap();
    assert_eq!(reg.dependencies_of_provider(stripe).unwrap(), [restated]);

    reg.remove_dependency(checkout, aws).unwrap();
    assert_eq!(reg.dependencies_of_provider(aws).unwrap(), [reports_on_aws]);
    assert!(matches!(reg.remove_dependency(checkout, aws), Err(StoreError::NotFound(Missing::Dependency(_, _)))));
}

#[test]
fn a_dependency_on_an_unknown_end_or_with_a_bad_note_writes_nothing() {
    let mut reg = Register::open_in_memory().unwrap();
    let stripe = provider(&mut reg, "Stripe");
    let checkout = reg.add_service(&service_draft("Checkout"), day(1)).unwrap().id;
    let to_nowhere = link(checkout, ProviderId(99), Effect::Down, Effect::Down);
    assert!(matches!(reg.set_dependency(&to_nowhere), Err(StoreError::NotFound(Missing::Provider(ProviderId(99))))));
    let from_nowhere = link(ServiceId(99), stripe, Effect::Down, Effect::Down);
    assert!(matches!(reg.set_dependency(&from_nowhere), Err(StoreError::NotFound(Missing::Service(ServiceId(99))))));
    let mut long = link(checkout, stripe, Effect::Down, Effect::Down);
    long.note = "x".repeat(crate::domain::validation::MAX_TEXT_LEN + 1);
    assert_eq!(field_and_message(reg.set_dependency(&long).unwrap_err()).0, "dependency.note");
    assert!(reg.dependencies().unwrap().is_empty());
    assert!(matches!(reg.dependencies_of_service(ServiceId(99)), Err(StoreError::NotFound(_))));
    assert!(matches!(reg.dependencies_of_provider(ProviderId(99)), Err(StoreError::NotFound(_))));
}

#[test]
fn links_go_with_the_service_or_provider_deleted() {
    let mut reg = Register::open_in_memory().unwrap();
    let (postmark, aws_region, auth0) = (provider(&mut reg, "Postmark"), provider(&mut reg, "AWS us-east-1"), provider(&mut reg, "Auth0"));
    let reset = reg.add_service(&service_draft("Password-reset email"), day(1)).unwrap().id;
    let sign_in = reg.add_service(&service_draft("Sign-in"), day(1)).unwrap().id;
    for d in [
        link(reset, postmark, Effect::Down, Effect::Down),
        link(reset, auth0, Effect::Down, Effect::Degraded),
        link(sign_in, auth0, Effect::Down, Effect::Down),
    ] {
        reg.set_dependency(&d).unwrap();
    }
    let on_region = [RunsOn { provider_id: auth0, runs_on: aws_region }, RunsOn { provider_id: postmark, runs_on: aws_region }];
    for l in on_region {
        reg.add_runs_on(l).unwrap();
    }

    reg.delete_service(reset).unwrap();
    assert_eq!(reg.dependencies().unwrap(), [link(sign_in, auth0, Effect::Down, Effect::Down)]);
    reg.delete_provider(auth0).unwrap();
    assert!(reg.dependencies().unwrap().is_empty());
    assert_eq!(reg.runs_on().unwrap(), [on_region[1]]);
    reg.delete_provider(aws_region).unwrap();
    assert!(reg.runs_on().unwrap().is_empty());
    assert_eq!(reg.services().unwrap().len(), 1);
}

#[test]
fn runs_on_links_are_stored_once_and_a_loop_is_refused_with_its_path_named() {
    let mut reg = Register::open_in_memory().unwrap();
    let (postmark, region, datadog) = (provider(&mut reg, "Postmark"), provider(&mut reg, "AWS us-east-1"), provider(&mut reg, "Datadog"));
    let postmark_on_region = RunsOn { provider_id: postmark, runs_on: region };
    let datadog_on_region = RunsOn { provider_id: datadog, runs_on: region };
    reg.add_runs_on(postmark_on_region).unwrap();
    reg.add_runs_on(postmark_on_region).unwrap();
    reg.add_runs_on(datadog_on_region).unwrap();
    // By the runner's name.
    assert_eq!(reg.runs_on().unwrap(), [datadog_on_region, postmark_on_region]);

    let (field, message) = field_and_message(reg.add_runs_on(RunsOn { provider_id: region, runs_on: postmark }).unwrap_err());
    assert_eq!(field, "runs_on");
    assert_eq!(message, "That would make a loop: AWS us-east-1 runs on Postmark runs on AWS us-east-1.");
    let (_, message) = field_and_message(reg.add_runs_on(RunsOn { provider_id: datadog, runs_on: datadog }).unwrap_err());
    assert_eq!(message, "That would make a loop: Datadog runs on Datadog.");
    assert_eq!(reg.runs_on().unwrap().len(), 2);

    assert!(matches!(
        reg.add_runs_on(RunsOn { provider_id: postmark, runs_on: ProviderId(99) }),
        Err(StoreError::NotFound(Missing::Provider(_)))
    ));
    reg.remove_runs_on(postmark_on_region).unwrap();
    assert_eq!(reg.runs_on().unwrap(), [datadog_on_region]);
    assert!(matches!(reg.remove_runs_on(postmark_on_region), Err(StoreError::NotFound(Missing::RunsOn(_)))));
}

#[test]
fn a_fourth_party_and_the_register_currency_are_stored() {
    let mut reg = Register::open_in_memory().unwrap();
    let mut d = reg.new_draft().unwrap();
    d.profile.name = "AWS us-east-1".into();
    d.profile.fourth_party = true;
    let region = reg.create_provider(&d, day(1)).unwrap();
    assert!(reg.provider(region.id).unwrap().profile.fourth_party);
    d.profile.fourth_party = false;
    assert!(!reg.update_provider(region.id, &d, day(2)).unwrap().profile.fourth_party);

    assert_eq!(reg.settings().unwrap().currency, "USD");
    let saved = reg.update_settings("Acme", "gbp", &Default::default(), &Default::default()).unwrap();
    assert_eq!((saved.currency.as_str(), reg.settings().unwrap().currency.as_str()), ("GBP", "GBP"));
}
