//! The demo register shipped in `assets/demo-register.json`, dated relative to today so that
//! trends, due dates, renewals, incidents and drills always look current, with our services and
//! what depends on what (fourth parties included) so blast radius and concentration mean
//! something at first launch.

use chrono::{DateTime, Days, Months, NaiveDate, NaiveTime, TimeDelta, Utc};
use serde::Deserialize;

use crate::domain::evidence::drill::{validate_drill, DrillDraft, DrillKind, DrillResult, DrillScenario};
use crate::domain::evidence::incident::{validate_incident, IncidentDraft};
use crate::domain::ids::ProviderId;
use crate::domain::provider::{FailureMode, Profile, ProviderDraft, RiskProfile};
use crate::domain::services::dependency::{Dependency, Effect, RunsOn};
use crate::domain::services::service::ServiceDraft;
use crate::storage::{
    dependencies, drills, incidents, money, providers, reviews, runs_on, services, settings, snapshots, Register, Result, StoreError,
};

const DEMO_JSON: &str = include_str!("../assets/demo-register.json");

#[derive(Deserialize)]
struct DemoFile {
    organisation: String,
    currency: String,
    reviews: Vec<DemoReview>,
    providers: Vec<DemoProvider>,
    services: Vec<DemoService>,
    runs_on: Vec<DemoRunsOn>,
}

/// A service added months before today, with the providers it needs by name.
#[derive(Deserialize)]
struct DemoService {
    #[serde(flatten)]
    draft: ServiceDraft,
    created_months_ago: u32,
    needs: Vec<DemoNeed>,
}

#[derive(Deserialize)]
struct DemoNeed {
    provider: String,
    when_down: Effect,
    when_degraded: Effect,
    note: String,
}

/// `provider` runs on `runs_on`, both by name.
#[derive(Deserialize)]
struct DemoRunsOn {
    provider: String,
    runs_on: String,
}

#[derive(Deserialize)]
struct DemoReview {
    key: String,
    months_ago: u32,
    attendees: String,
    notes: String,
}

#[derive(Deserialize)]
struct DemoProvider {
    profile: DemoProfile,
    created_months_ago: u32,
    snapshots: Vec<DemoSnapshot>,
    #[serde(default)]
    incidents: Vec<DemoIncident>,
    #[serde(default)]
    drills: Vec<DemoDrill>,
}

/// An incident that started `days_ago` at `at` ("14:02") local time, recorded with `offset`
/// ("-05:00"); it was noticed and over some minutes after it started.
#[derive(Deserialize)]
struct DemoIncident {
    days_ago: u64,
    at: String,
    offset: String,
    mode: String,
    detected_after_minutes: Option<i64>,
    resolved_after_minutes: Option<i64>,
    services: Vec<String>,
    customer_facing: bool,
    sla_breached: bool,
    cost: Option<f64>,
    summary: String,
    postmortem_url: String,
    follow_ups: String,
}

/// A drill dated months before today.
#[derive(Deserialize)]
struct DemoDrill {
    months_ago: u32,
    kind: DrillKind,
    scenario: Option<DrillScenario>,
    alternative: String,
    target_hours: Option<f64>,
    achieved_hours: Option<f64>,
    result: Option<DrillResult>,
    findings: String,
    #[serde(default)]
    follow_ups: String,
}

/// A profile whose dates are offsets from today.
#[derive(Deserialize)]
struct DemoProfile {
    #[serde(flatten)]
    profile: serde_json::Value,
    renewal_date_in_days: Option<i64>,
}

#[derive(Deserialize)]
struct DemoSnapshot {
    months_ago: u32,
    review: Option<String>,
    risk: serde_json::Value,
}

fn months_before(today: NaiveDate, months: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(months)).unwrap_or(today)
}

fn days_from(today: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 { today.checked_add_days(Days::new(days as u64)) } else { today.checked_sub_days(Days::new(days.unsigned_abs())) }
        .unwrap_or(today)
}

/// Turns the demo's relative dates into real ones and its JSON into domain values.
fn profile(demo: DemoProfile, today: NaiveDate) -> Result<Profile> {
    let mut value = demo.profile;
    let object = value.as_object_mut().ok_or_else(|| StoreError::Corrupt("demo profile is not an object".into()))?;
    object.remove("renewal_date_in_days");
    // Only the fourth parties say so; every other demo provider is one we hold a contract with.
    object.entry("fourth_party").or_insert(false.into());
    object.insert("renewal_date".into(), serde_json::to_value(demo.renewal_date_in_days.map(|d| days_from(today, d))).unwrap());
    serde_json::from_value(value).map_err(|e| StoreError::Corrupt(format!("demo profile: {e}")))
}

/// The demo's risk profiles carry no "last rehearsed": storage takes it from the drills.
fn risk(mut value: serde_json::Value, catalogue: &[FailureMode]) -> Result<RiskProfile> {
    let exit = value.get_mut("exit").and_then(|e| e.as_object_mut()).ok_or_else(|| StoreError::Corrupt("demo risk has no exit".into()))?;
    exit.insert("last_rehearsed".into(), serde_json::Value::Null);
    for scenario in value.get_mut("scenarios").and_then(|s| s.as_array_mut()).into_iter().flatten() {
        let mode = scenario.get("mode").and_then(|m| m.as_str()).unwrap_or_default().to_string();
        let id = catalogue.iter().find(|m| m.name.eq_ignore_ascii_case(&mode)).map(|m| m.id);
        let fields = scenario.as_object_mut().ok_or_else(|| StoreError::Corrupt("demo scenario is not an object".into()))?;
        fields.insert("mode_id".into(), serde_json::to_value(id).unwrap());
        fields.entry("note").or_insert_with(|| "".into());
    }
    serde_json::from_value(value).map_err(|e| StoreError::Corrupt(format!("demo risk profile: {e}")))
}

fn incident(demo: DemoIncident, provider_id: ProviderId, today: NaiveDate, catalogue: &[FailureMode]) -> Result<IncidentDraft> {
    let mode = catalogue.iter().find(|m| m.name.eq_ignore_ascii_case(&demo.mode));
    let mode_id = mode.ok_or_else(|| StoreError::Corrupt(format!("demo incident: no failure mode {:?}", demo.mode)))?.id;
    let day = today.checked_sub_days(Days::new(demo.days_ago)).unwrap_or(today);
    let started = DateTime::parse_from_rfc3339(&format!("{day}T{}:00{}", demo.at, demo.offset))
        .map_err(|e| StoreError::Corrupt(format!("demo incident time {} {}: {e}", demo.at, demo.offset)))?;
    let after = |minutes: Option<i64>| minutes.map(|m| started + TimeDelta::minutes(m));
    Ok(IncidentDraft {
        provider_id,
        mode_id,
        started,
        detected: after(demo.detected_after_minutes),
        resolved: after(demo.resolved_after_minutes),
        services: demo.services,
        customer_facing: demo.customer_facing,
        sla_breached: demo.sla_breached,
        cost: demo.cost,
        summary: demo.summary,
        postmortem_url: demo.postmortem_url,
        follow_ups: demo.follow_ups,
    })
}

fn drill(demo: DemoDrill, provider_id: ProviderId, today: NaiveDate) -> DrillDraft {
    DrillDraft {
        provider_id,
        date: months_before(today, demo.months_ago),
        kind: demo.kind,
        scenario: demo.scenario,
        alternative: demo.alternative,
        target_hours: demo.target_hours,
        achieved_hours: demo.achieved_hours,
        result: demo.result,
        findings: demo.findings,
        follow_ups: demo.follow_ups,
    }
}

/// The end of `today`, the latest an incident of the demo may be: it knows only the date.
fn end_of(today: NaiveDate) -> DateTime<Utc> {
    today.and_time(NaiveTime::MIN).and_utc() + TimeDelta::days(1)
}

/// Fills `register` with the demo, in one transaction. Refuses a register that already holds
/// providers, so the demo can never mix with real data.
pub fn load(register: &mut Register, today: NaiveDate) -> Result<()> {
    if !register.is_empty()? {
        return Err(StoreError::Refused("The demo can only be loaded into an empty register.".into()));
    }
    let demo: DemoFile = serde_json::from_str(DEMO_JSON).map_err(|e| StoreError::Corrupt(format!("demo register: {e}")))?;
    let catalogue = register.catalogue()?;
    let mut settings = register.settings()?;
    settings.organisation = demo.organisation.clone();
    settings.currency = demo.currency.clone();
    settings.demo_offer_answered = true;
    register.transaction(|tx| {
        let mut review_ids = std::collections::HashMap::new();
        for r in &demo.reviews {
            let held_on = months_before(today, r.months_ago);
            // The demo's dates move with today, so its titles are made from them.
            let title = crate::domain::review::suggested_title(held_on);
            let id = reviews::insert(
                tx,
                &reviews::NewReview { held_on, title: &title, attendees: &r.attendees, notes: &r.notes, closed_on: Some(held_on) },
            )?;
            review_ids.insert(r.key.clone(), id);
        }
        let mut provider_ids = std::collections::HashMap::new();
        for p in demo.providers {
            let snapshots_in = p.snapshots;
            let draft = ProviderDraft {
                profile: profile(p.profile, today)?,
                risk: risk(snapshots_in.last().map(|s| s.risk.clone()).unwrap_or_default(), &catalogue)?,
            };
            crate::domain::validation::validate(&draft)?;
            let created_on = months_before(today, p.created_months_ago);
            let id = providers::insert(tx, &providers::NewProvider { draft: &draft, created_on })?;
            provider_ids.insert(draft.profile.name.clone(), id);
            // Drills before snapshots: each assessment takes its "last rehearsed" from the drills
            // held by its day, as it would have had the drills been logged as they happened.
            for d in p.drills {
                let d = drill(d, id, today);
                validate_drill(&d, today)?;
                drills::insert(tx, &d)?;
            }
            for s in snapshots_in {
                let review = s.review.as_ref().and_then(|k| review_ids.get(k)).copied();
                snapshots::record(tx, id, months_before(today, s.months_ago), review, &risk(s.risk, &catalogue)?)?;
            }
            for i in p.incidents {
                let i = incident(i, id, today, &catalogue)?;
                validate_incident(&i, &catalogue, end_of(today))?;
                incidents::insert(tx, &i)?;
            }
        }
        let provider =
            |name: &str| provider_ids.get(name).copied().ok_or_else(|| StoreError::Corrupt(format!("demo: no provider {name:?}")));
        for s in demo.services {
            services::check(tx, &s.draft, None)?;
            let service_id = services::insert(tx, &s.draft, months_before(today, s.created_months_ago))?;
            for n in s.needs {
                let d = Dependency {
                    service_id,
                    provider_id: provider(&n.provider)?,
                    when_down: n.when_down,
                    when_degraded: n.when_degraded,
                    note: n.note,
                };
                dependencies::check(tx, &d)?;
                dependencies::upsert(tx, &d)?;
            }
        }
        let mut links = Vec::new();
        for l in demo.runs_on {
            let link = RunsOn { provider_id: provider(&l.provider)?, runs_on: provider(&l.runs_on)? };
            runs_on::check(tx, link, &links)?;
            runs_on::insert(tx, link)?;
            links.push(link);
        }
        settings::save(tx, &settings)?;
        money::stamp_every(tx)
    })
}

/// A deterministic stand-in for a large real register: `count` providers with `history`
/// monthly snapshots each, ending `today`. Used by the benchmarks.
pub fn synthetic(register: &mut Register, count: usize, history: usize, today: NaiveDate) -> Result<()> {
    use crate::domain::provider::{Alternative, Category, Readiness, Status};

    let blank = register.new_draft()?;
    // A small linear congruential generator: the same register on every run, no dependency.
    let mut seed: u64 = 0x5EED_1F0B;
    let mut next = |range: u64| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % range
    };
    register.transaction(|tx| {
        for i in 0..count {
            let mut draft = blank.clone();
            let p = &mut draft.profile;
            p.name = format!("Provider {i:05}");
            p.category = Category::ALL[i % Category::ALL.len()];
            p.owner = format!("Team {}", i % 37);
            p.value_provided = format!("Service {i} that the product depends on for its daily operation.");
            p.tier = 1 + next(4) as u8;
            p.status = if i % 50 == 49 { Status::Retired } else { Status::Active };
            p.annual_spend = Some(1_000.0 + next(500_000) as f64);
            p.renewal_date = Some(days_from(today, next(700) as i64 - 200));
            p.notice_period_days = Some(30 * (1 + next(4) as u32));
            draft.risk.alternatives = vec![Alternative { name: format!("Alternative {i}"), readiness: Readiness::ALL[next(5) as usize] }];
            let created_on = months_before(today, history as u32);
            let id = providers::insert(tx, &providers::NewProvider { draft: &draft, created_on })?;
            for month in (0..history).rev() {
                for s in draft.risk.scenarios.iter_mut() {
                    s.likelihood = Some(1 + next(5) as u8);
                    s.impact = Some(1 + next(5) as u8);
                }
                draft.risk.lock_in.level = 1 + next(5) as u8;
                draft.risk.replacement.effort = 1 + next(5) as u8;
                snapshots::record(tx, id, months_before(today, month as u32), None, &draft.risk)?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_has_services_with_costs_their_dependencies_and_shared_fourth_parties() {
        let mut register = Register::open_in_memory().unwrap();
        load(&mut register, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()).unwrap();
        assert_eq!(register.settings().unwrap().currency, "USD");
        let services = register.services().unwrap();
        assert!((6..=10).contains(&services.len()));
        assert!(services.iter().all(|s| s.draft.downtime_cost_per_hour.is_some() && s.draft.rto_hours.is_some()));

        let providers = register.providers().unwrap();
        let id = |name: &str| providers.iter().find(|p| p.profile.name == name).unwrap_or_else(|| panic!("{name}")).id;
        let fourth: Vec<&str> = providers.iter().filter(|p| p.profile.fourth_party).map(|p| p.profile.name.as_str()).collect();
        assert_eq!(fourth, ["AWS us-east-1", "Google Cloud"]);
        let runs_on = register.runs_on().unwrap();
        assert!(runs_on.iter().filter(|l| l.runs_on == id("AWS us-east-1")).count() >= 4, "several providers share the region");

        let dependencies = register.dependencies().unwrap();
        assert!(dependencies.iter().all(|d| !providers.iter().any(|p| p.id == d.provider_id && p.profile.fourth_party)));
        // An off switch, and a slowdown that takes a service down (the S3 story).
        assert!(dependencies.iter().any(|d| d.when_down == Effect::Unaffected));
        let reports = services.iter().find(|s| s.draft.name == "Report exports").unwrap().id;
        let on_s3 = dependencies.iter().find(|d| d.service_id == reports && d.provider_id == id("AWS")).unwrap();
        assert_eq!(on_s3.when_degraded, Effect::Down);
        // Named as the demo's incidents name the services they hit.
        let names: Vec<&str> = services.iter().map(|s| s.draft.name.as_str()).collect();
        let hit: std::collections::BTreeSet<String> =
            register.all_incidents().unwrap().into_iter().flat_map(|i| i.draft.services).collect();
        for name in ["Checkout", "Sign-in", "Web app", "API", "Notifications", "Report exports", "Support desk", "Search"] {
            assert!(names.contains(&name) && hit.contains(name), "{name}");
        }
    }
}
