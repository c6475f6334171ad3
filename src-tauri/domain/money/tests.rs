//! The simulation against closed forms, and the rules of PRODUCT.md end to end: defaults and
//! their sources, the cap by switch time, a shared fourth party counted once, overrides,
//! not-priced modes, determinism.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use super::defaults::{register_inputs, ProviderRecord, DEFAULT_HOURS, LIKELIHOOD_BANDS, USER_PRICED};
use super::inputs::*;
use super::range::Range;
use super::results::{run, MoneyResults};
use super::simulate::{simulate, Control, Simulation};
use crate::domain::evidence::incident::tests::outage;
use crate::domain::evidence::incident::Incident;
use crate::domain::ids::{FailureModeId, IncidentId, ProviderId, ServiceId};
use crate::domain::provider::{Alternative, FailureMode, Provider, ProviderDraft, Readiness, DEFAULT_FAILURE_MODES};
use crate::domain::services::dependency::{Dependency, Effect, RunsOn};
use crate::domain::services::graph::{DependencyGraph, Node};
use crate::domain::services::service::{Service, ServiceDraft};
use crate::test_support::d;

const OUTAGE: FailureModeId = FailureModeId(1);

fn catalogue() -> Vec<FailureMode> {
    DEFAULT_FAILURE_MODES
        .iter()
        .enumerate()
        .map(|(i, (name, _))| FailureMode {
            id: FailureModeId(i as i64 + 1),
            name: name.to_string(),
            description: String::new(),
            retired: false,
        })
        .collect()
}

/// A provider with every catalogue mode scored at likelihood 2.
fn provider(id: i64, name: &str) -> Provider {
    let mut draft = ProviderDraft::blank(&catalogue());
    draft.profile.name = name.into();
    for s in &mut draft.risk.scenarios {
        s.likelihood = Some(2);
        s.impact = Some(3);
    }
    Provider { id: ProviderId(id), profile: draft.profile, risk: draft.risk, created_on: d(2020, 1, 1) }
}

fn service(id: i64, cost_per_hour: f64) -> Service {
    Service {
        id: ServiceId(id),
        draft: ServiceDraft { name: format!("Service {id}"), downtime_cost_per_hour: Some(cost_per_hour), ..ServiceDraft::blank() },
        created_on: d(2020, 1, 1),
    }
}

fn needs(service: i64, provider: i64) -> Dependency {
    Dependency {
        service_id: ServiceId(service),
        provider_id: ProviderId(provider),
        when_down: Effect::Down,
        when_degraded: Effect::Degraded,
        note: String::new(),
    }
}

fn settings(years: u32) -> MoneySettings {
    MoneySettings { simulated_years: years, fixed_response_cost: 0.0, ..MoneySettings::default() }
}

fn quiet() -> Control<'static> {
    static CANCEL: AtomicBool = AtomicBool::new(false);
    Control { progress: &|_| {}, cancel: &CANCEL, threads: 2 }
}

fn one_mode(frequency: Range, loss: Range) -> Vec<ProviderInputs> {
    let sourced = |range| Input::derived(Sourced { range, source: Source::User { note: "test".into() }, default: false });
    vec![ProviderInputs {
        provider_id: ProviderId(1),
        name: "Stripe".into(),
        fourth_party: false,
        modes: vec![ModeInputs {
            mode: "Outage".into(),
            kind: LossKind::Outage,
            frequency: sourced(frequency),
            loss_per_event: sourced(loss),
        }],
    }]
}

fn results(inputs: &[ProviderInputs], settings: &MoneySettings) -> MoneyResults {
    run(inputs, settings, quiet()).expect("valid inputs").expect("not cancelled")
}

fn within(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance * expected.abs()
}

#[test]
fn a_constant_rate_and_a_constant_loss_give_rate_times_loss() {
    for rate in [0.1, 2.5] {
        let r = results(&one_mode(Range::exactly(rate), Range::exactly(40_000.0)), &settings(100_000));
        let expected = rate * 40_000.0;
        assert!(within(r.register.expected, expected, 0.02), "rate {rate}: {} vs {expected}", r.register.expected);
        assert!(within(r.providers[0].figures.expected, expected, 0.02));
        assert_eq!(r.providers[0].top_mode.as_deref(), Some("Outage"));
    }
}

#[test]
fn the_1_in_20_and_1_in_100_match_the_poisson_quantiles() {
    // Three events a year at exactly 1,000 each: the year's loss is 1,000 × Poisson(3), whose
    // 95th percentile is 6 events (P(N ≤ 5) = 0.916, P(N ≤ 6) = 0.966) and 99th is 8
    // (P(N ≤ 7) = 0.988, P(N ≤ 8) = 0.996).
    let r = results(&one_mode(Range::exactly(3.0), Range::exactly(1_000.0)), &settings(100_000));
    for figures in [r.register, r.providers[0].figures] {
        assert_eq!((figures.one_in_20, figures.one_in_100), (6_000.0, 8_000.0));
    }
    // The curve reads the same tail: P(loss > 8,000) = P(N ≥ 9) = 0.0038.
    let above = r.curve.iter().find(|p| p.loss >= 8_000.0 && p.loss < 9_000.0).expect("a point between 8 and 9 events");
    assert!((above.probability - 0.0038).abs() < 0.001, "{above:?}");
}

#[test]
fn the_curve_is_log_spaced_and_falls() {
    let r = results(&one_mode(Range { low: 0.3, high: 1.0 }, Range { low: 5_000.0, high: 200_000.0 }), &settings(20_000));
    assert_eq!(r.curve.len(), super::results::CURVE_POINTS);
    let ratios: Vec<f64> = r.curve.windows(2).map(|w| w[1].loss / w[0].loss).collect();
    assert!(ratios.iter().all(|q| (q - ratios[0]).abs() < 1e-6 * ratios[0] && *q > 1.0));
    assert!(r.curve.windows(2).all(|w| w[1].probability <= w[0].probability));
    assert_eq!(r.curve.last().unwrap().probability, 0.0);
}

/// AWS (a fourth party) under Postmark and SendGrid; Checkout needs Postmark (100 an hour),
/// Signup needs SendGrid (200 an hour).
fn shared_host() -> (Vec<Provider>, DependencyGraph) {
    let mut aws = provider(1, "AWS us-east-1");
    aws.profile.fourth_party = true;
    let providers = vec![aws, provider(2, "Postmark"), provider(3, "SendGrid")];
    let nodes = providers.iter().map(|p| Node::of(p, &[])).collect();
    let runs_on =
        [RunsOn { provider_id: ProviderId(2), runs_on: ProviderId(1) }, RunsOn { provider_id: ProviderId(3), runs_on: ProviderId(1) }];
    let graph = DependencyGraph::new(nodes, vec![service(1, 100.0), service(2, 200.0)], &[needs(1, 2), needs(2, 3)], &runs_on);
    (providers, graph)
}

fn inputs_of(providers: &[Provider], incidents: &[Incident], graph: &DependencyGraph, settings: &MoneySettings) -> Vec<ProviderInputs> {
    let records: Vec<ProviderRecord> = providers
        .iter()
        .map(|p| ProviderRecord { provider: p, incidents: if p.id == ProviderId(1) { incidents } else { &[] }, drills: &[] })
        .collect();
    register_inputs(&records, graph, settings, d(2026, 12, 1))
}

fn outage_loss(inputs: &ProviderInputs) -> Resolved {
    inputs.modes[0].loss_per_event.resolve().expect("priced")
}

fn set(provider: i64, mode: &str, field: InputField, low: f64, high: f64) -> MoneyOverride {
    MoneyOverride {
        provider_id: ProviderId(provider),
        mode: mode.into(),
        field,
        values: Override { low: Some(low), high: Some(high), note: "test".into() },
    }
}

#[test]
fn a_fourth_partys_outage_is_priced_at_its_whole_blast_radius_and_the_rest_at_their_own() {
    let (providers, graph) = shared_host();
    let inputs = inputs_of(&providers, &[], &graph, &settings(1_000));
    // AWS's outage reaches both services, once each: 300 an hour × 1–8 h.
    assert_eq!(outage_loss(&inputs[0]).range, Range { low: 300.0, high: 2_400.0 });
    assert_eq!(outage_loss(&inputs[1]).range, Range { low: 100.0, high: 800.0 });
    assert_eq!(outage_loss(&inputs[2]).range, Range { low: 200.0, high: 1_600.0 });
}

#[test]
fn a_shared_fourth_partys_failure_counts_once_in_a_year() {
    let (providers, graph) = shared_host();
    let settings = settings(20_000);
    let mut inputs = inputs_of(&providers, &[], &graph, &settings);
    // Only AWS's outage strikes, at exactly 0.5 a year and its blast radius for four hours.
    let mut overrides: Vec<MoneyOverride> =
        inputs.iter().flat_map(|p| p.modes.iter().map(|m| set(p.provider_id.0, &m.mode, InputField::Frequency, 0.0, 0.0))).collect();
    overrides.retain(|o| !(o.provider_id == ProviderId(1) && o.mode == "Outage"));
    overrides.push(set(1, "Outage", InputField::Frequency, 0.5, 0.5));
    overrides.push(set(1, "Outage", InputField::LossPerEvent, 1_200.0, 1_200.0));
    apply_overrides(&mut inputs, &overrides).unwrap();
    let sim = simulate(&inputs, &settings, quiet()).unwrap().unwrap();
    let mut busy = 0;
    for year in 0..sim.years {
        let total = sim.register_year(year);
        // One event hits Checkout and Signup together: 1,200, never 2,400 for one outage.
        assert_eq!(total % 1_200.0, 0.0);
        assert_eq!(total, sim.provider_year(0, year));
        assert_eq!((sim.provider_year(1, year), sim.provider_year(2, year)), (0.0, 0.0));
        busy += usize::from(total > 0.0);
    }
    // 1 − e^(−0.5) of the years have an event; the expected loss is 0.5 × 1,200, not twice it.
    assert!(within(busy as f64 / sim.years as f64, 1.0 - (-0.5f64).exp(), 0.03));
    let r = super::results::summarise(&inputs, &sim, &settings);
    assert!(within(r.register.expected, 600.0, 0.03), "{}", r.register.expected);
    assert_eq!(r.tail[0].name, "AWS us-east-1");
    assert!(within(r.tail[0].share, 1.0, 1e-6));
}

#[test]
fn with_every_provider_striking_the_years_add_up_provider_by_provider() {
    let (providers, graph) = shared_host();
    let settings = settings(5_000);
    let inputs = inputs_of(&providers, &[], &graph, &settings);
    let sim: Simulation = simulate(&inputs, &settings, quiet()).unwrap().unwrap();
    for year in 0..sim.years {
        let parts: f64 = (0..3).map(|p| sim.provider_year(p, year)).sum();
        assert!((parts - sim.register_year(year)).abs() <= 1e-5 * sim.register_year(year).max(1.0));
    }
}

#[test]
fn outages_are_capped_by_the_switch_time_only_with_a_contracted_or_live_alternative() {
    let (mut providers, graph) = shared_host();
    providers[1].risk.replacement.emergency_switch_hours = Some(2);
    for (readiness, hours) in [(Readiness::Evaluated, DEFAULT_HOURS), (Readiness::Contracted, Range { low: 1.0, high: 2.0 })] {
        providers[1].risk.alternatives = vec![Alternative { name: "SES".into(), readiness }];
        let inputs = inputs_of(&providers, &[], &graph, &settings(1_000));
        let loss = outage_loss(&inputs[1]);
        assert_eq!(loss.range, hours.times(100.0), "{readiness:?}");
        let Source::BlastRadius { capped_by_switch, .. } = loss.source else { panic!("{:?}", loss.source) };
        assert_eq!(capped_by_switch, (readiness == Readiness::Contracted).then_some(2.0));
    }
    providers[1].risk.alternatives[0].readiness = Readiness::Live;
    let inputs = inputs_of(&providers, &[], &graph, &settings(1_000));
    assert_eq!(outage_loss(&inputs[1]).range, Range { low: 100.0, high: 200.0 });
}

fn outage_incident(id: i64, day: &str, hours: u32) -> Incident {
    Incident { id: IncidentId(id), draft: outage(&format!("{day}T10:00:00Z"), &format!("{day}T{:02}:00:00Z", 10 + hours)) }
}

#[test]
fn defaults_are_flagged_and_evidence_is_not() {
    let (providers, graph) = shared_host();
    let inputs = inputs_of(&providers, &[], &graph, &settings(1_000));
    let outage = &inputs[0].modes[0];
    let frequency = outage.frequency.resolve().unwrap();
    assert_eq!(
        (frequency.range, frequency.source.clone(), frequency.default),
        (LIKELIHOOD_BANDS[1], Source::LikelihoodBand { likelihood: 2 }, true)
    );
    assert!(outage_loss(&inputs[0]).default);

    // Two outages at AWS in the window, of 2 and 6 hours: the evidence gives both ranges.
    let mut incidents = vec![outage_incident(1, "2025-06-01", 2), outage_incident(2, "2026-06-01", 6)];
    for i in &mut incidents {
        i.draft.provider_id = ProviderId(1);
        i.draft.mode_id = OUTAGE;
    }
    let inputs = inputs_of(&providers, &incidents, &graph, &settings(1_000));
    let frequency = inputs[0].modes[0].frequency.resolve().unwrap();
    assert!(!frequency.default);
    let Source::Evidence { incidents: 2, years } = frequency.source else { panic!("{:?}", frequency.source) };
    assert!(frequency.range.low < 2.0 / years && 2.0 / years < frequency.range.high);
    let loss = outage_loss(&inputs[0]);
    assert_eq!((loss.range, loss.default), (Range { low: 600.0, high: 1_800.0 }, false));

    let r = results(&inputs, &settings(1_000));
    let aws = &r.providers[0];
    assert!(!aws.modes[0].rests_on_defaults());
    assert!(aws.modes[1].rests_on_defaults());
    assert_eq!(aws.on_defaults, 1, "degradation still rests on the band and 1–8 h");
}

#[test]
fn overrides_take_either_end_and_keep_their_note() {
    let (providers, graph) = shared_host();
    let mut inputs = inputs_of(&providers, &[], &graph, &settings(1_000));
    let high = MoneyOverride {
        provider_id: ProviderId(2),
        mode: "outage".into(),
        field: InputField::LossPerEvent,
        values: Override { low: None, high: Some(5_000.0), note: "Checkout refunds on a bad day".into() },
    };
    apply_overrides(&mut inputs, &[high]).unwrap();
    let loss = outage_loss(&inputs[1]);
    assert_eq!(loss.range, Range { low: 100.0, high: 5_000.0 });
    assert_eq!(loss.override_note.as_deref(), Some("Checkout refunds on a bad day"));
    assert!(loss.default, "the low end is still the default's");
    apply_overrides(&mut inputs, &[set(2, "Outage", InputField::LossPerEvent, 300.0, 5_000.0)]).unwrap();
    assert!(!outage_loss(&inputs[1]).default);

    // Ends that do not make a range, or a mode the register does not have, name their field.
    let bad = [set(2, "Outage", InputField::Frequency, 3.0, 1.0), set(9, "Outage", InputField::Frequency, 1.0, 2.0)];
    let fields: Vec<String> = apply_overrides(&mut inputs, &bad).unwrap_err().errors.into_iter().map(|e| e.field).collect();
    assert_eq!(fields, vec!["money.2.Outage.frequency.low", "money.9.Outage.frequency"]);
    assert!(run(&inputs, &settings(1_000), quiet()).is_err(), "the simulation refuses the bad range too");
}

#[test]
fn modes_nothing_prices_are_not_priced_and_say_so() {
    let (providers, graph) = shared_host();
    let mut inputs = inputs_of(&providers, &[], &graph, &settings(1_000));
    let privacy = inputs[1].modes.iter().find(|m| m.kind == LossKind::PrivacyOrCompliance).unwrap();
    assert_eq!(privacy.loss_per_event.resolve(), Err(NotPriced { reason: USER_PRICED.into() }));
    let price = inputs[1].modes.iter().find(|m| m.kind == LossKind::PriceIncrease).unwrap();
    assert_eq!(price.loss_per_event.resolve().unwrap_err().reason, "No annual spend recorded.");
    let failure = inputs[1].modes.iter().find(|m| m.kind == LossKind::ProviderFailure).unwrap();
    assert_eq!(failure.loss_per_event.resolve().unwrap_err().reason, "Replacement effort in person-weeks not set.");

    let r = results(&inputs, &settings(1_000));
    // Price increase, provider failure, privacy, account suspension, unilateral change.
    assert_eq!(r.providers[1].not_priced, 5);
    assert_eq!(r.not_priced, 15);

    // One end is not enough to price a mode without a default; both are.
    let mut one_end = set(2, "Privacy or compliance failure", InputField::LossPerEvent, 0.0, 50_000.0);
    one_end.values.low = None;
    apply_overrides(&mut inputs, &[one_end]).unwrap();
    let privacy = |inputs: &[ProviderInputs]| inputs[1].modes[4].loss_per_event.resolve();
    assert!(privacy(&inputs).unwrap_err().reason.ends_with("Give both ends of the range to price it."));
    apply_overrides(&mut inputs, &[set(2, "Privacy or compliance failure", InputField::LossPerEvent, 10_000.0, 50_000.0)]).unwrap();
    let priced = privacy(&inputs).unwrap();
    assert_eq!((priced.source, priced.default), (Source::User { note: "test".into() }, false));
}

#[test]
fn spend_and_replacement_price_their_modes() {
    let (mut providers, graph) = shared_host();
    providers[1].profile.annual_spend = Some(10_000.0);
    providers[1].risk.replacement.person_weeks = Some(1.0);
    providers[1].risk.replacement.emergency_switch_hours = Some(3);
    let settings = MoneySettings { weekly_person_cost: 5_000.0, ..settings(1_000) };
    let inputs = inputs_of(&providers, &[], &graph, &settings);
    let loss = |kind| inputs[1].modes.iter().find(|m| m.kind == kind).unwrap().loss_per_event.resolve().unwrap().range;
    // 20–60 % of 10,000, capped by the 5,000 of replacing it.
    assert_eq!(loss(LossKind::PriceIncrease), Range { low: 2_000.0, high: 5_000.0 });
    // 5,000 to rebuild plus three hours of Checkout down at 100 an hour.
    assert_eq!(loss(LossKind::ProviderFailure), Range::exactly(5_300.0));
    assert_eq!(loss(LossKind::AccountSuspension), Range::exactly(5_300.0));
    providers[1].profile.currency = "EUR".into();
    let inputs = inputs_of(&providers, &[], &graph, &settings);
    let price = inputs[1].modes.iter().find(|m| m.kind == LossKind::PriceIncrease).unwrap();
    assert!(price.loss_per_event.resolve().unwrap_err().reason.starts_with("Spend is in EUR"));
}

#[test]
fn the_same_register_gives_the_same_figures_on_any_number_of_threads() {
    let (providers, graph) = shared_host();
    let settings = settings(3_333);
    let inputs = inputs_of(&providers, &[], &graph, &settings);
    let on = |threads| {
        let cancel = AtomicBool::new(false);
        run(&inputs, &settings, Control { progress: &|_| {}, cancel: &cancel, threads }).unwrap().unwrap()
    };
    let first = on(2);
    assert_eq!(first, on(2));
    assert_eq!(first, on(1));
    assert_eq!(first, on(5));
    assert!(first.register.expected > 0.0);
    // Another seed, other years.
    let other = run(&inputs, &MoneySettings { seed: 1, ..settings.clone() }, quiet()).unwrap().unwrap();
    assert_ne!(first.register.expected, other.register.expected);
}

#[test]
fn a_provider_changing_leaves_the_others_years_as_they_were() {
    let (providers, graph) = shared_host();
    let settings = settings(2_000);
    let mut inputs = inputs_of(&providers, &[], &graph, &settings);
    let before = results(&inputs, &settings);
    apply_overrides(&mut inputs, &[set(3, "Outage", InputField::Frequency, 2.0, 4.0)]).unwrap();
    let after = results(&inputs, &settings);
    assert_eq!(before.providers[0..2], after.providers[0..2]);
    assert!(after.providers[2].figures.expected > before.providers[2].figures.expected);
}

#[test]
fn progress_reaches_the_end_and_a_cancelled_run_returns_nothing() {
    let inputs = one_mode(Range { low: 0.1, high: 0.3 }, Range { low: 100.0, high: 1_000.0 });
    let last = AtomicU32::new(0);
    let cancel = AtomicBool::new(false);
    let progress = |share: f32| {
        last.fetch_max(share.to_bits(), Ordering::Relaxed);
    };
    assert!(run(&inputs, &settings(10_000), Control { progress: &progress, cancel: &cancel, threads: 2 }).unwrap().is_some());
    assert_eq!(f32::from_bits(last.load(Ordering::Relaxed)), 1.0);
    cancel.store(true, Ordering::Relaxed);
    assert_eq!(run(&inputs, &settings(10_000), Control { progress: &progress, cancel: &cancel, threads: 2 }), Ok(None));
}

#[test]
fn settings_are_checked() {
    assert_eq!(validate_money_settings(&MoneySettings::default()), Ok(()));
    let bad =
        MoneySettings { currency: "dollars".into(), weekly_person_cost: -1.0, fixed_response_cost: f64::NAN, simulated_years: 5, seed: 0 };
    let fields: Vec<String> = validate_money_settings(&bad).unwrap_err().errors.into_iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        vec![
            "settings.money.currency",
            "settings.money.weekly_person_cost",
            "settings.money.fixed_response_cost",
            "settings.money.simulated_years"
        ]
    );
}

#[test]
fn any_changed_input_or_setting_changes_the_fingerprint() {
    use super::fingerprint::fingerprint;
    let inputs = one_mode(Range { low: 0.1, high: 0.3 }, Range { low: 100.0, high: 1_000.0 });
    let key = fingerprint(&inputs, &settings(1_000));
    assert_eq!(key.len(), 64);
    assert_eq!(fingerprint(&inputs.clone(), &settings(1_000)), key);
    assert_ne!(fingerprint(&inputs, &MoneySettings { seed: 1, ..settings(1_000) }), key);
    assert_ne!(fingerprint(&inputs, &settings(2_000)), key);
    let mut renamed = inputs.clone();
    renamed[0].name.push('!');
    assert_ne!(fingerprint(&renamed, &settings(1_000)), key);
    let wider = one_mode(Range { low: 0.1, high: 0.4 }, Range { low: 100.0, high: 1_000.0 });
    assert_ne!(fingerprint(&wider, &settings(1_000)), key);
}

#[test]
fn kept_figures_read_back_to_the_bit() {
    let inputs = one_mode(Range { low: 0.1, high: 0.3 }, Range { low: 100.0, high: 1_000.0 });
    let figures = results(&inputs, &settings(2_000));
    let json = serde_json::to_string(&figures).unwrap();
    assert_eq!(serde_json::from_str::<MoneyResults>(&json).unwrap(), figures);
}
