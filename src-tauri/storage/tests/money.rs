//! Money at risk in the register: the defaults come from the register's records, overrides are
//! kept with their note and refused when they make no range, and an assessment keeps the money
//! of its day while the live figures follow the register.

use chrono::NaiveDate;

use super::super::*;
use crate::domain::ids::ProviderId;
use crate::domain::money::inputs::{InputField, MoneyOverride, Override, Resolution, Source};
use crate::domain::provider::{ProviderDraft, Status};
use crate::domain::services::dependency::{Dependency, Effect};
use crate::domain::services::service::ServiceDraft;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// Stripe, with its outage scored Possible (3), needed by Checkout, which loses `cost` an hour.
fn register_with_checkout(cost: f64) -> (Register, ProviderId, ServiceId) {
    let mut reg = Register::open_in_memory().unwrap();
    let mut d: ProviderDraft = reg.new_draft().unwrap();
    d.profile.name = "Stripe".into();
    let outage = d.risk.scenarios.iter_mut().find(|s| s.mode == "Outage").unwrap();
    (outage.likelihood, outage.impact) = (Some(3), Some(4));
    let stripe = reg.create_provider(&d, day(1)).unwrap().id;
    let checkout = reg
        .add_service(&ServiceDraft { name: "Checkout".into(), downtime_cost_per_hour: Some(cost), ..ServiceDraft::blank() }, day(1))
        .unwrap()
        .id;
    reg.set_dependency(&Dependency {
        service_id: checkout,
        provider_id: stripe,
        when_down: Effect::Down,
        when_degraded: Effect::Degraded,
        note: String::new(),
    })
    .unwrap();
    (reg, stripe, checkout)
}

use crate::domain::ids::ServiceId;

fn outage(money: &ProviderMoney) -> &crate::domain::money::results::ModeResult {
    money.result.as_ref().unwrap().modes.iter().find(|m| m.mode == "Outage").unwrap()
}

fn override_of(provider_id: ProviderId, field: InputField, low: Option<f64>, high: Option<f64>) -> MoneyOverride {
    MoneyOverride { provider_id, mode: "outage".into(), field, values: Override { low, high, note: "Two region failures in 2025".into() } }
}

#[test]
fn the_outage_default_prices_the_blast_radius_and_follows_a_services_cost() {
    let (mut reg, stripe, checkout) = register_with_checkout(10_000.0);
    let before = reg.provider_money(stripe, day(2)).unwrap();
    let mode = outage(&before);
    let Resolution::Priced(loss) = &mode.loss_per_event else { panic!("outage is priced") };
    assert!(matches!(loss.source, Source::BlastRadius { cost_per_hour, hours_from_incidents: false, .. } if cost_per_hour == 10_000.0));
    assert!(loss.default, "1–8 hours is our assumption, not evidence");
    let Resolution::Priced(frequency) = &mode.frequency else { panic!("scored, so priced") };
    assert_eq!(frequency.source, Source::LikelihoodBand { likelihood: 3 });
    assert!(before.result.as_ref().unwrap().figures.expected > 0.0);
    assert_eq!(before.result.as_ref().unwrap().top_mode.as_deref(), Some("Outage"));

    let mut doubled = reg.service(checkout).unwrap().draft;
    doubled.downtime_cost_per_hour = Some(20_000.0);
    reg.update_service(checkout, &doubled).unwrap();
    let after = reg.provider_money(stripe, day(2)).unwrap();
    let (was, now) = (outage(&before).expected, outage(&after).expected);
    // Loss per event is hours × cost + the fixed response cost: doubling the cost nearly doubles it.
    assert!(now > 1.8 * was && now < 2.0 * was, "{was} → {now}");
}

#[test]
fn an_override_keeps_its_note_survives_reopening_and_clears_back_to_the_default() {
    let (mut reg, stripe, _) = register_with_checkout(10_000.0);
    let default = outage(&reg.provider_money(stripe, day(2)).unwrap()).frequency.clone();
    let money = reg.set_money_override(&override_of(stripe, InputField::Frequency, Some(0.5), Some(2.0)), day(2)).unwrap();
    let Resolution::Priced(r) = &outage(&money).frequency else { panic!() };
    assert_eq!((r.range.low, r.range.high, r.default), (0.5, 2.0, false));
    assert_eq!(r.override_note.as_deref(), Some("Two region failures in 2025"));
    // The default is still shown beside the override.
    assert!(matches!(money.inputs.as_ref().unwrap().modes[0].frequency.derived, crate::domain::money::inputs::Derived::Priced(_)));
    assert_eq!(reg.money_overrides().unwrap().len(), 1);

    // One end only: the other stays the default's.
    let low_only = reg.set_money_override(&override_of(stripe, InputField::Frequency, Some(0.4), None), day(2)).unwrap();
    let Resolution::Priced(r) = &outage(&low_only).frequency else { panic!() };
    assert_eq!((r.range.low, r.range.high, r.default), (0.4, 1.0, true));

    let cleared = reg.clear_money_override(stripe, "Outage", InputField::Frequency, day(2)).unwrap();
    assert_eq!(outage(&cleared).frequency, default);
    assert!(reg.money_overrides().unwrap().is_empty());
}

#[test]
fn an_override_that_makes_no_range_or_names_no_mode_is_refused_and_writes_nothing() {
    let (mut reg, stripe, _) = register_with_checkout(10_000.0);
    // The band's high end is 1 a year: a low end of 5 makes no range with it.
    let err = reg.set_money_override(&override_of(stripe, InputField::Frequency, Some(5.0), None), day(2)).unwrap_err();
    let StoreError::Invalid(v) = err else { panic!("{err:?}") };
    assert!(v.errors[0].field.starts_with(&format!("money.{stripe}.outage.frequency")), "{:?}", v.errors);
    let mut unknown = override_of(stripe, InputField::LossPerEvent, Some(1.0), Some(2.0));
    unknown.mode = "Meteor strike".into();
    assert!(matches!(reg.set_money_override(&unknown, day(2)), Err(StoreError::Invalid(_))));
    let nothing = override_of(stripe, InputField::LossPerEvent, None, None);
    assert!(matches!(reg.set_money_override(&nothing, day(2)), Err(StoreError::Invalid(_))));
    assert!(matches!(
        reg.set_money_override(&override_of(ProviderId(99), InputField::Frequency, Some(1.0), Some(2.0)), day(2)),
        Err(StoreError::NotFound(Missing::Provider(ProviderId(99))))
    ));
    assert!(reg.money_overrides().unwrap().is_empty());
}

#[test]
fn an_assessment_keeps_the_money_of_its_day() {
    let (mut reg, stripe, checkout) = register_with_checkout(10_000.0);
    let first = reg.snapshots(stripe).unwrap().pop().unwrap();
    let kept = first.money.clone().expect("a new provider's first assessment keeps its money");
    assert_eq!(reg.trend(stripe).unwrap()[0].expected_loss, Some(kept.figures.expected));

    // The service costs twice as much now: the live figure follows, the assessment of day 1 does not.
    let mut doubled = reg.service(checkout).unwrap().draft;
    doubled.downtime_cost_per_hour = Some(20_000.0);
    reg.update_service(checkout, &doubled).unwrap();
    assert_eq!(reg.snapshots(stripe).unwrap()[0].money.as_ref(), Some(&kept));
    let live = reg.provider_money(stripe, day(5)).unwrap().result.unwrap().figures.expected;
    assert!(live > kept.figures.expected);

    // Confirming it on day 5 records a second assessment with the money of day 5.
    reg.confirm_unchanged(stripe, day(5), None).unwrap();
    let trend = reg.trend(stripe).unwrap();
    assert_eq!(trend.len(), 2);
    assert_eq!(trend[1].expected_loss, Some(live));
    assert_eq!(reg.register_rows(day(5)).unwrap().len(), 1);
}

#[test]
fn a_retired_provider_is_out_of_the_figures_and_a_stale_override_is_left_out() {
    let (mut reg, stripe, _) = register_with_checkout(10_000.0);
    reg.set_money_override(&override_of(stripe, InputField::LossPerEvent, Some(20_000.0), Some(90_000.0)), day(2)).unwrap();
    // The catalogue renames Outage: the override names a mode the provider no longer has.
    let outage_id = reg.catalogue().unwrap().into_iter().find(|m| m.name == "Outage").unwrap().id;
    reg.rename_failure_mode(outage_id, "Full outage", "").unwrap();
    let (inputs, _) = reg.money_inputs(day(3)).unwrap();
    assert_eq!(inputs.len(), 1, "the run still reads the register");

    reg.set_status_on(stripe, Status::Retired, day(3)).unwrap();
    let money = reg.provider_money(stripe, day(3)).unwrap();
    assert_eq!((money.inputs, money.result), (None, None));
    assert!(reg.money_inputs(day(3)).unwrap().0.is_empty());
}

fn quiet_run<T>(work: impl FnOnce(crate::domain::money::simulate::Control) -> T) -> T {
    let cancel = std::sync::atomic::AtomicBool::new(false);
    work(crate::domain::money::simulate::Control { progress: &|_| {}, cancel: &cancel, threads: 2 })
}

#[test]
fn the_figures_of_a_run_are_kept_until_an_input_changes() {
    use crate::domain::money::fingerprint::fingerprint;
    let (mut reg, stripe, _) = register_with_checkout(10_000.0);
    let first = quiet_run(|c| reg.money_results(day(2), c)).unwrap().unwrap();
    let (inputs, settings) = reg.money_inputs(day(2)).unwrap();
    let key = fingerprint(&inputs, &settings);
    assert_eq!(reg.kept_money_results(&key), Some(first.clone()), "the run's figures are kept under its inputs");

    // Kept figures are read, not worked out again: figures kept under the same inputs come back.
    let mut marked = first.clone();
    marked.register.expected = 1.0;
    reg.keep_money_results(&key, &marked).unwrap();
    assert_eq!(quiet_run(|c| reg.money_results(day(2), c)).unwrap().unwrap(), marked);

    // Another input is another run.
    reg.set_money_override(&override_of(stripe, InputField::Frequency, Some(0.5), Some(2.0)), day(2)).unwrap();
    let after = quiet_run(|c| reg.money_results(day(2), c)).unwrap().unwrap();
    assert_ne!(after.register.expected, 1.0);
    assert_ne!(after, first);
    assert_eq!(reg.kept_money_results(&key), None, "one run is kept, the latest");
}
