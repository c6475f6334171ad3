//! Incidents and exit drills in the register file: every field survives a reopen, refused input
//! writes nothing, lists are newest first by real time, a provider's "last rehearsed" is its
//! latest drill, and the demo carries evidence worth looking at.

mod fixture;

use chrono::{DateTime, FixedOffset, Utc};
use fixture::day;

use lifeboat::domain::cadence::{Cadence, DueState};
use lifeboat::domain::evidence::drill::{DrillDraft, DrillKind, DrillResult, DrillScenario};
use lifeboat::domain::evidence::incident::{Incident, IncidentDraft};
use lifeboat::domain::evidence::readiness::{DrillCadence, SwitchTime};
use lifeboat::domain::ids::{DrillId, FailureModeId, IncidentId, ProviderId};
use lifeboat::domain::provider::{Provider, ProviderDraft};
use lifeboat::storage::{Missing, Register, StoreError};

fn at(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).expect("a valid time")
}

/// The moment the tests run at: 1 December 2026, noon UTC.
fn now() -> DateTime<Utc> {
    at("2026-12-01T12:00:00Z").with_timezone(&Utc)
}

fn today() -> chrono::NaiveDate {
    day(2026, 12, 1)
}

/// A provider scored Critical (outage 5 × 5) or Low (1 × 1), added on 1 January 2026.
fn provider(register: &mut Register, name: &str, critical: bool) -> Provider {
    let mut d: ProviderDraft = register.new_draft().unwrap();
    d.profile.name = name.into();
    let score = if critical { 5 } else { 1 };
    (d.risk.scenarios[0].likelihood, d.risk.scenarios[0].impact) = (Some(score), Some(score));
    d.risk.replacement.emergency_switch_hours = Some(12);
    register.create_provider(&d, day(2026, 1, 1)).unwrap()
}

fn outage(register: &Register) -> FailureModeId {
    register.catalogue().unwrap().iter().find(|m| m.name == "Outage").unwrap().id
}

/// An incident with every field set, in a zone that is not whole hours from UTC.
fn full_incident(register: &Register, provider_id: ProviderId) -> IncidentDraft {
    IncidentDraft {
        provider_id,
        mode_id: outage(register),
        started: at("2026-05-04T09:00:00+05:30"),
        detected: Some(at("2026-05-04T03:50:00+00:00")),
        resolved: Some(at("2026-05-04T08:15:30.250-04:00")),
        services: vec!["Checkout".into(), "Zahlungen — «EU»".into(), "=HYPERLINK(\"x\")".into()],
        customer_facing: true,
        sla_breached: true,
        cost: Some(18_500.75),
        summary: "S3 in us-east-1 returned 503 SlowDown for four hours.\nExports queued behind retries.".into(),
        postmortem_url: "https://wiki.example/postmortems/s3?id=1&lang=en".into(),
        follow_ups: "Backoff with jitter; S3 latency alarm ✓".into(),
    }
}

/// An incident with every optional field empty: still going on, never noticed, no cost.
fn bare_incident(register: &Register, provider_id: ProviderId, started: &str) -> IncidentDraft {
    IncidentDraft {
        provider_id,
        mode_id: outage(register),
        started: at(started),
        detected: None,
        resolved: None,
        services: vec![],
        customer_facing: false,
        sla_breached: false,
        cost: None,
        summary: "API errors".into(),
        postmortem_url: String::new(),
        follow_ups: String::new(),
    }
}

fn switch(provider_id: ProviderId, date: chrono::NaiveDate, target: f64, achieved: f64, result: DrillResult) -> DrillDraft {
    DrillDraft {
        provider_id,
        date,
        kind: DrillKind::FullSwitch,
        scenario: Some(DrillScenario::PersistentOutage),
        alternative: "Amazon RDS for PostgreSQL".into(),
        target_hours: Some(target),
        achieved_hours: Some(achieved),
        result: Some(result),
        findings: "Promotion took 1 h 40 min;\nsequences had to be re-created.".into(),
        follow_ups: "Script the sequence sync.".into(),
    }
}

/// The times as text: `DateTime` equality compares instants only, and the offsets must survive too.
fn times(i: &Incident) -> [Option<String>; 3] {
    [Some(i.draft.started), i.draft.detected, i.draft.resolved].map(|t| t.map(|t| t.to_rfc3339()))
}

fn fields(err: StoreError) -> Vec<String> {
    match err {
        StoreError::Invalid(v) => v.errors.into_iter().map(|e| e.field).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn every_incident_and_drill_field_survives_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.lifeboat");
    let (id, incidents, drills) = {
        let mut register = Register::open(&path).unwrap();
        let id = provider(&mut register, "Crunchy Bridge", true).id;
        let incidents = vec![
            register.add_incident(&full_incident(&register, id), now()).unwrap(),
            register.add_incident(&bare_incident(&register, id, "2026-11-30T23:30:00-08:00"), now()).unwrap(),
        ];
        let drills = vec![
            register.add_drill(&switch(id, day(2026, 6, 1), 2.0, 1.67, DrillResult::Met), today()).unwrap(),
            register.add_drill(&DrillDraft::recorded(id, day(2026, 2, 1)), today()).unwrap(),
        ];
        (id, incidents, drills)
    };
    let register = Register::open(&path).unwrap();
    let stored = register.incidents(id).unwrap();
    // Newest first: the ongoing one started on 1 December UTC.
    assert_eq!(stored, vec![incidents[1].clone(), incidents[0].clone()]);
    assert_eq!(stored[1].draft, full_incident(&register, id));
    assert_eq!(
        times(&stored[1]),
        [Some("2026-05-04T09:00:00+05:30".into()), Some("2026-05-04T03:50:00+00:00".into()), Some("2026-05-04T08:15:30.250-04:00".into())]
    );
    assert_eq!(stored[1].draft.time_to_recover(), Some(8 * 60 + 45));
    assert_eq!(times(&stored[0]), [Some("2026-11-30T23:30:00-08:00".into()), None, None]);
    assert_eq!((stored[0].draft.services.len(), stored[0].draft.cost), (0, None));

    assert_eq!(register.drills(id).unwrap(), drills);
    assert_eq!(drills[0].draft, switch(id, day(2026, 6, 1), 2.0, 1.67, DrillResult::Met));
    assert_eq!(drills[1].draft, DrillDraft::recorded(id, day(2026, 2, 1)));
}

#[test]
fn a_refused_incident_names_its_field_and_writes_nothing() {
    let mut register = Register::open_in_memory().unwrap();
    let id = provider(&mut register, "Stripe", true).id;
    let mut draft = full_incident(&register, id);
    draft.resolved = Some(at("2026-05-04T08:59:00+05:30"));
    draft.mode_id = FailureModeId(999);
    assert_eq!(fields(register.add_incident(&draft, now()).unwrap_err()), ["incident.mode_id", "incident.resolved"]);
    let mut future = full_incident(&register, id);
    future.started = at("2026-12-01T13:00:00+00:00");
    future.detected = None;
    future.resolved = None;
    assert_eq!(fields(register.add_incident(&future, now()).unwrap_err()), ["incident.started"]);
    assert!(register.all_incidents().unwrap().is_empty());

    // An edit refused leaves the stored incident as it was.
    let saved = register.add_incident(&full_incident(&register, id), now()).unwrap();
    let mut edit = saved.draft.clone();
    edit.detected = Some(at("2026-05-04T03:00:00+00:00"));
    edit.summary = "changed".into();
    assert_eq!(fields(register.update_incident(saved.id, &edit, now()).unwrap_err()), ["incident.detected"]);
    assert_eq!(register.all_incidents().unwrap(), vec![saved.clone()]);

    // Ids that name nothing are not found, as providers are.
    let mut elsewhere = full_incident(&register, id);
    elsewhere.provider_id = ProviderId(404);
    assert!(matches!(register.add_incident(&elsewhere, now()), Err(StoreError::NotFound(Missing::Provider(ProviderId(404))))));
    assert!(matches!(register.incidents(ProviderId(404)), Err(StoreError::NotFound(Missing::Provider(_)))));
    let missing = IncidentId(saved.id.0 + 1);
    assert!(
        matches!(register.update_incident(missing, &saved.draft, now()), Err(StoreError::NotFound(Missing::Incident(m))) if m == missing)
    );
    assert!(matches!(register.delete_incident(missing), Err(StoreError::NotFound(Missing::Incident(_)))));
    assert_eq!(register.all_incidents().unwrap().len(), 1);

    register.delete_incident(saved.id).unwrap();
    assert!(register.all_incidents().unwrap().is_empty());
}

#[test]
fn a_refused_drill_names_its_field_and_writes_nothing() {
    let mut register = Register::open_in_memory().unwrap();
    let id = provider(&mut register, "Postmark", true).id;
    let mut draft = switch(id, day(2026, 12, 2), 1.0, 0.5, DrillResult::Met);
    draft.result = None;
    assert_eq!(fields(register.add_drill(&draft, today()).unwrap_err()), ["drill.date", "drill.result"]);
    assert!(register.all_drills().unwrap().is_empty());

    let saved = register.add_drill(&switch(id, day(2026, 6, 1), 1.0, 0.5, DrillResult::Met), today()).unwrap();
    let mut edit = saved.draft.clone();
    edit.achieved_hours = Some(-1.0);
    assert_eq!(fields(register.update_drill(saved.id, &edit, today()).unwrap_err()), ["drill.achieved_hours"]);
    assert_eq!(register.all_drills().unwrap(), vec![saved.clone()]);

    edit.achieved_hours = Some(3.5);
    edit.result = Some(DrillResult::PartlyMet);
    let updated = register.update_drill(saved.id, &edit, today()).unwrap();
    assert_eq!((updated.id, updated.draft.missed_target()), (saved.id, true));

    let missing = DrillId(saved.id.0 + 1);
    assert!(matches!(register.update_drill(missing, &edit, today()), Err(StoreError::NotFound(Missing::Drill(m))) if m == missing));
    assert!(matches!(register.delete_drill(missing), Err(StoreError::NotFound(Missing::Drill(_)))));
    assert!(matches!(register.drills(ProviderId(404)), Err(StoreError::NotFound(Missing::Provider(_)))));
    register.delete_drill(saved.id).unwrap();
    assert!(register.all_drills().unwrap().is_empty());
}

#[test]
fn incidents_are_newest_first_by_real_time_whatever_their_offset() {
    let mut register = Register::open_in_memory().unwrap();
    let a = provider(&mut register, "A", true).id;
    let b = provider(&mut register, "B", false).id;
    // By their text, Tokyo's 1 March reads latest; in real time it is the earliest of the three.
    let tokyo = register.add_incident(&bare_incident(&register, a, "2026-03-01T09:00:00+09:00"), now()).unwrap();
    let new_york = register.add_incident(&bare_incident(&register, b, "2026-02-28T20:00:00-05:00"), now()).unwrap();
    // The same instant as New York's, recorded later: the one recorded last comes first.
    let london = register.add_incident(&bare_incident(&register, a, "2026-03-01T01:00:00+00:00"), now()).unwrap();
    let ids = |list: Vec<Incident>| list.into_iter().map(|i| i.id).collect::<Vec<_>>();
    assert_eq!(ids(register.all_incidents().unwrap()), [london.id, new_york.id, tokyo.id]);
    assert_eq!(ids(register.incidents(a).unwrap()), [london.id, tokyo.id]);

    // Moving an incident later in time moves it up the list.
    let mut later = tokyo.draft.clone();
    later.started = at("2026-03-01T11:00:00+09:00");
    register.update_incident(tokyo.id, &later, now()).unwrap();
    assert_eq!(ids(register.incidents(a).unwrap()), [tokyo.id, london.id]);

    let first = register.add_drill(&DrillDraft::recorded(a, day(2026, 4, 1)), today()).unwrap();
    let same_day = register.add_drill(&DrillDraft::recorded(b, day(2026, 4, 1)), today()).unwrap();
    let earlier = register.add_drill(&DrillDraft::recorded(a, day(2026, 2, 1)), today()).unwrap();
    let drill_ids: Vec<DrillId> = register.all_drills().unwrap().into_iter().map(|d| d.id).collect();
    assert_eq!(drill_ids, [same_day.id, first.id, earlier.id]);
}

#[test]
fn deleting_a_provider_deletes_its_incidents_and_drills() {
    let mut register = Register::open_in_memory().unwrap();
    let gone = provider(&mut register, "Gone", true).id;
    let kept = provider(&mut register, "Kept", true).id;
    for id in [gone, kept] {
        register.add_incident(&full_incident(&register, id), now()).unwrap();
        register.add_drill(&DrillDraft::recorded(id, day(2026, 3, 1)), today()).unwrap();
    }
    register.delete_provider(gone).unwrap();
    assert!(register.all_incidents().unwrap().iter().all(|i| i.draft.provider_id == kept));
    assert_eq!(register.all_incidents().unwrap().len(), 1);
    assert_eq!(register.all_drills().unwrap().len(), 1);
    assert_eq!(register.all_drills().unwrap()[0].draft.provider_id, kept);
}

#[test]
fn last_rehearsed_is_the_latest_drill_everywhere() {
    let mut register = Register::open_in_memory().unwrap();
    // A date typed into the form before any drill was logged is not taken.
    let mut d = register.new_draft().unwrap();
    d.profile.name = "Crunchy Bridge".into();
    (d.risk.scenarios[0].likelihood, d.risk.scenarios[0].impact) = (Some(5), Some(5));
    d.risk.exit.last_rehearsed = Some(day(2025, 1, 1));
    let p = register.create_provider(&d, day(2026, 1, 1)).unwrap();
    let other = provider(&mut register, "Never drilled", false);
    assert_eq!(p.risk.exit.last_rehearsed, None);
    assert_eq!(register.snapshots(p.id).unwrap()[0].risk.exit.last_rehearsed, None);

    register.add_drill(&switch(p.id, day(2026, 6, 1), 2.0, 1.5, DrillResult::Met), today()).unwrap();
    let tabletop = register.add_drill(&DrillDraft::recorded(p.id, day(2026, 9, 15)), today()).unwrap();
    register.add_drill(&DrillDraft::recorded(p.id, day(2026, 3, 1)), today()).unwrap();
    let latest = Some(day(2026, 9, 15));
    assert_eq!(register.provider(p.id).unwrap().risk.exit.last_rehearsed, latest);
    assert_eq!(register.provider_by_name("crunchy bridge").unwrap().unwrap().risk.exit.last_rehearsed, latest);
    let all = register.providers().unwrap();
    assert_eq!(all.iter().map(|p| p.risk.exit.last_rehearsed).collect::<Vec<_>>(), [latest, None]);
    let (listed, rows) = register.providers_and_rows(today()).unwrap();
    assert_eq!(listed, all);
    assert_eq!(rows.iter().map(|r| (r.last_rehearsed, r.drill_due)).collect::<Vec<_>>(), [(latest, Some(DueState::Current)), (None, None)]);
    assert_eq!(register.register_row(other.id, today()).unwrap().last_rehearsed, None);

    // Editing only the notes after a drill records no assessment; the drill is not a re-score.
    let mut notes = register.provider(p.id).unwrap().draft();
    notes.profile.notes = "Replica in RDS.".into();
    register.update_provider(p.id, &notes, day(2026, 10, 1)).unwrap();
    assert_eq!(register.snapshots(p.id).unwrap().len(), 1);

    // A new assessment stores the drill log's date, not the one typed.
    let mut rescored = notes.clone();
    rescored.risk.scenarios[0].likelihood = Some(4);
    rescored.risk.exit.last_rehearsed = Some(day(2020, 1, 1));
    let saved = register.update_provider(p.id, &rescored, day(2026, 10, 2)).unwrap();
    assert_eq!(saved.risk.exit.last_rehearsed, latest);
    let snapshots = register.snapshots(p.id).unwrap();
    assert_eq!(snapshots.len(), 2);
    assert_eq!(snapshots[1].risk.exit.last_rehearsed, latest);
    // The first assessment is as it was recorded.
    assert_eq!(snapshots[0].risk.exit.last_rehearsed, None);

    // Deleting the latest drill takes "last rehearsed" back to the one before.
    register.delete_drill(tabletop.id).unwrap();
    assert_eq!(register.provider(p.id).unwrap().risk.exit.last_rehearsed, Some(day(2026, 6, 1)));
}

#[test]
fn drills_due_follow_the_drill_cadence_of_the_level() {
    let mut register = Register::open_in_memory().unwrap();
    let critical = provider(&mut register, "Critical", true);
    provider(&mut register, "Low", false);
    let due = |register: &Register| register.register_rows(today()).unwrap().iter().map(|r| r.drill_due).collect::<Vec<_>>();
    // Never drilled: a Critical provider is overdue from the day it was added; Low expects none.
    assert_eq!(due(&register), [Some(DueState::Overdue), None]);
    register.add_drill(&switch(critical.id, day(2026, 10, 1), 2.0, 1.0, DrillResult::Met), today()).unwrap();
    assert_eq!(due(&register), [Some(DueState::Current), None]);
    let monthly = DrillCadence { critical: Some(30), high: Some(365), medium: None, low: Some(365) };
    register.update_settings("Acme", "USD", &Cadence::default(), &monthly).unwrap();
    assert_eq!(due(&register), [Some(DueState::Overdue), Some(DueState::Overdue)]);
}

#[test]
fn the_drill_cadence_is_saved_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.lifeboat");
    {
        let mut register = Register::open(&path).unwrap();
        assert_eq!(register.settings().unwrap().drill_cadence, DrillCadence::default());
        let bad = DrillCadence { critical: Some(90), high: Some(0), medium: None, low: Some(5000) };
        let err = register.update_settings("Acme", "USD", &Cadence::default(), &bad).unwrap_err();
        assert_eq!(fields(err), ["settings.drill_cadence.high", "settings.drill_cadence.low"]);
        assert_eq!(register.settings().unwrap().drill_cadence, DrillCadence::default());
        let custom = DrillCadence { critical: Some(90), high: None, medium: Some(730), low: None };
        register.update_settings("Acme", "USD", &Cadence::default(), &custom).unwrap();
    }
    let settings = Register::open(&path).unwrap().settings().unwrap();
    assert_eq!(settings.drill_cadence, DrillCadence { critical: Some(90), high: None, medium: Some(730), low: None });
    assert_eq!(settings.organisation, "Acme");
}

#[test]
fn provider_evidence_counts_the_incidents_and_measures_the_switch() {
    let mut register = Register::open_in_memory().unwrap();
    let p = provider(&mut register, "Cloudflare", true);
    for started in ["2026-02-10T11:20:00+00:00", "2026-03-01T08:47:00+01:00", "2026-09-01T15:05:00-04:00"] {
        let mut draft = bare_incident(&register, p.id, started);
        draft.resolved = Some(draft.started + chrono::TimeDelta::minutes(90));
        register.add_incident(&draft, now()).unwrap();
    }
    register.add_drill(&switch(p.id, day(2026, 8, 1), 1.0, 2.5, DrillResult::PartlyMet), today()).unwrap();
    let evidence = register.provider_evidence(p.id, today()).unwrap();
    assert_eq!(evidence.incidents.len(), 3);
    let outage = evidence.modes.iter().find(|m| m.mode == "Outage").unwrap();
    // Three outages in the eleven months since it was added: more than three a year.
    assert_eq!((outage.incidents, outage.suggested_likelihood, outage.current_likelihood), (3, 5, Some(5)));
    assert_eq!(evidence.recovery.time_to_recover.map(|t| t.worst_minutes), Some(90));
    assert_eq!(evidence.readiness.switch_time, SwitchTime::Measured { hours: 2.5, on: day(2026, 8, 1) });
    assert_eq!((evidence.readiness.last_rehearsed, evidence.readiness.missed_targets), (Some(day(2026, 8, 1)), 1));
    assert!(matches!(register.provider_evidence(ProviderId(404), today()), Err(StoreError::NotFound(Missing::Provider(_)))));
}

#[test]
fn the_demo_has_incidents_and_drills_that_the_evidence_views_make_something_of() {
    let mut register = Register::open_in_memory().unwrap();
    lifeboat::demo::load(&mut register, today()).unwrap();
    let incidents = register.all_incidents().unwrap();
    let drills = register.all_drills().unwrap();
    assert!((15..=30).contains(&incidents.len()), "{} incidents", incidents.len());
    assert!(incidents.iter().all(|i| i.draft.started.with_timezone(&Utc) > now() - chrono::TimeDelta::days(731)), "two years of history");
    let offsets: std::collections::BTreeSet<i32> = incidents.iter().map(|i| i.draft.started.offset().local_minus_utc()).collect();
    assert!(offsets.len() >= 3, "times in a few offsets: {offsets:?}");
    assert!(incidents.iter().filter(|i| i.draft.sla_breached && i.draft.cost.is_some()).count() >= 2);

    // The S3 slowdown: a degradation at AWS that hit several of our services.
    let aws = register.provider_by_name("AWS").unwrap().unwrap();
    let s3 = incidents.iter().find(|i| i.draft.provider_id == aws.id && i.draft.summary.contains("S3")).expect("the S3 slowdown");
    assert!(s3.draft.services.len() >= 3, "{:?}", s3.draft.services);
    assert!(s3.draft.time_to_identify().is_some() && s3.draft.time_to_recover().is_some());

    // Evidence that disagrees with a score somewhere, from real incidents.
    let rows = register.register_rows(today()).unwrap();
    let mut disagreements = 0;
    for row in &rows {
        let evidence = register.provider_evidence(row.id, today()).unwrap();
        disagreements += evidence.modes.iter().filter(|m| m.incidents > 0 && m.differs()).count();
    }
    assert!(disagreements >= 3, "{disagreements} modes whose evidence differs from their score");

    // Drills: a mix of results, one that missed its target, switch times measured.
    assert!(drills.len() >= 6);
    for result in [DrillResult::Met, DrillResult::PartlyMet, DrillResult::Failed] {
        assert!(drills.iter().any(|d| d.draft.result == Some(result)), "a drill that {result:?}");
    }
    assert!(drills.iter().any(|d| d.draft.missed_target()));
    let crunchy = register.provider_by_name("Crunchy Bridge").unwrap().unwrap();
    assert!(matches!(register.provider_evidence(crunchy.id, today()).unwrap().readiness.switch_time, SwitchTime::Measured { .. }));

    // "Last rehearsed" is the drills', as the demo's plans tell it: Stripe two months ago.
    let stripe = rows.iter().find(|r| r.name == "Stripe").unwrap();
    assert_eq!(stripe.last_rehearsed, Some(day(2026, 10, 1)));
    assert_eq!(register.provider(stripe.id).unwrap().risk.exit.last_rehearsed, Some(day(2026, 10, 1)));
    assert!(rows.iter().any(|r| r.drill_due.is_some()));
}
