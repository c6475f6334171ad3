//! The register file: every field survives a round trip, schemas migrate from every past
//! version with a backup, and files that are not ours are refused and left untouched.

mod fixture;

use fixture::day;

use std::path::Path;

use lifeboat::domain::evidence::drill::{DrillDraft, DrillKind, DrillResult, DrillScenario};
use lifeboat::domain::provider::*;
use lifeboat::storage::{Register, StoreError, APPLICATION_ID, LATEST_VERSION, MIGRATIONS};
use rusqlite::Connection;

/// A provider with every field set to something other than its default.
fn full_draft(register: &Register) -> ProviderDraft {
    let mut d = register.new_draft().unwrap();
    d.profile = Profile {
        name: "Zürich Pay — Ωmega «EU»".into(),
        category: Category::Payments,
        value_provided: "Card payments and payouts\nfor every checkout".into(),
        owner: "Payments team (Ана)".into(),
        tier: 1,
        status: Status::BeingReplaced,
        fourth_party: false,
        annual_spend: Some(184_250.75),
        currency: "EUR".into(),
        renewal_date: Some(day(2027, 2, 28)),
        notice_period_days: Some(90),
        data_held: DataHeld::Payment,
        website: "https://zurich-pay.example".into(),
        status_page: "https://status.zurich-pay.example".into(),
        notes: "=SUM(A1) stays text; <script>alert(1)</script> too".into(),
    };
    for (i, s) in d.risk.scenarios.iter_mut().enumerate() {
        s.likelihood = Some((i % 5 + 1) as u8);
        s.impact = Some((5 - i % 5) as u8);
        s.note = format!("note {i} ✓");
    }
    d.risk.scenarios.push(Scenario {
        mode_id: None,
        mode: "Regional data residency".into(),
        likelihood: Some(2),
        impact: Some(4),
        note: "EU only".into(),
    });
    d.risk.lock_in = LockIn { level: 4, reasons: "Proprietary tokens, 3-year contract".into() };
    d.risk.alternatives = vec![
        Alternative { name: "Adyen".into(), readiness: Readiness::Contracted },
        Alternative { name: "Mollie".into(), readiness: Readiness::Evaluated },
    ];
    d.risk.replacement = Replacement { effort: 5, person_weeks: Some(26.5), emergency_switch_hours: Some(72) };
    d.risk.exit = ExitPlan {
        strategy: ExitStrategy::PrepareExit,
        plan: "Route EU cards to Adyen first.".into(),
        // The drill log says when the exit was last rehearsed (tests/evidence.rs).
        last_rehearsed: None,
    };
    d
}

#[test]
fn every_field_survives_save_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.lifeboat");
    let (id, draft) = {
        let mut register = Register::open(&path).unwrap();
        let draft = full_draft(&register);
        (register.create_provider(&draft, day(2026, 3, 1)).unwrap().id, draft)
    };
    let register = Register::open(&path).unwrap();
    let stored = register.provider(id).unwrap();
    assert_eq!(stored.draft(), draft);
    assert_eq!(stored.created_on, day(2026, 3, 1));
    assert_eq!(register.snapshots(id).unwrap()[0].risk, draft.risk);
}

#[test]
fn an_empty_file_becomes_a_new_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.lifeboat");
    std::fs::write(&path, b"").unwrap();
    let register = Register::open(&path).unwrap();
    assert_eq!(register.catalogue().unwrap().len(), 7);
    let conn = Connection::open(&path).unwrap();
    assert_eq!(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), LATEST_VERSION);
    assert_eq!(conn.query_row("PRAGMA application_id", [], |r| r.get::<_, i32>(0)).unwrap(), APPLICATION_ID);
}

/// Builds a register at schema `version` the way that version of Lifeboat left it.
fn register_at_version(path: &Path, version: usize) {
    let conn = Connection::open(path).unwrap();
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
    conn.pragma_update(None, "user_version", version as i64).unwrap();
    if version >= 1 {
        conn.execute_batch(
            "INSERT INTO failure_modes (name, description, position) VALUES ('Outage', 'down', 0);
             INSERT INTO providers (name, category, tier, status, data_held, created_on)
                 VALUES ('Old Host', 'hosting', 2, 'active', 'internal', '2024-05-01');",
        )
        .unwrap();
        let risk = serde_json::json!({
            "scenarios": [{"mode_id": 1, "mode": "Outage", "likelihood": 3, "impact": 4, "note": ""}],
            "lock_in": {"level": 3, "reasons": ""},
            "alternatives": [],
            "replacement": {"effort": 3, "person_weeks": null, "emergency_switch_hours": null},
            "exit": {"strategy": "accept", "plan": "", "last_rehearsed": "2024-04-15"}
        });
        conn.execute(
            "INSERT INTO snapshots (provider_id, taken_on, risk, inherent, exposure) VALUES (1, '2024-05-01', ?1, 12, 7.2)",
            [risk.to_string()],
        )
        .unwrap();
        // From version 5 on, the drill log is where "last rehearsed" is kept.
        if version >= 5 {
            conn.execute("INSERT INTO drills (provider_id, date, kind) VALUES (1, '2024-04-15', 'recorded')", []).unwrap();
        }
    }
}

#[test]
fn every_past_schema_version_migrates_with_a_backup() {
    for version in 0..LATEST_VERSION as usize {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.lifeboat");
        register_at_version(&path, version);

        let register = Register::open(&path).unwrap_or_else(|e| panic!("version {version}: {e}"));
        let conn = register.connection();
        assert_eq!(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), LATEST_VERSION);
        if version >= 1 {
            let providers = register.providers().unwrap();
            assert_eq!(providers.len(), 1, "version {version} keeps its providers");
            assert_eq!(providers[0].risk.scenarios[0].likelihood, Some(3));
            assert!(!providers[0].profile.fourth_party, "version {version}: every provider so far is one we contract with");
            assert_eq!(stored_snapshots(conn), stored_snapshots(&Connection::open(backup_of(dir.path(), version)).unwrap()));
            // The hand-typed "last rehearsed" became a drill, and is still what the provider shows.
            assert_eq!(recorded_drills(&register), [("Old Host".to_string(), day(2024, 4, 15))], "version {version}");
            assert_eq!(providers[0].risk.exit.last_rehearsed, Some(day(2024, 4, 15)));
            let backup = Connection::open(backup_of(dir.path(), version)).unwrap();
            assert_eq!(backup.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), version as i64);
            assert_eq!(backup.query_row("SELECT count(*) FROM providers", [], |r| r.get::<_, i64>(0)).unwrap(), 1);
        } else {
            assert!(register.providers().unwrap().is_empty());
        }
    }
}

/// Every provider as SQLite holds it, each value quoted as a literal, in the columns of version 5.
fn stored_providers(conn: &Connection) -> Vec<Vec<String>> {
    let columns = "id, name, category, value_provided, owner, tier, status, annual_spend, currency, renewal_date, notice_period_days, \
                   data_held, website, status_page, notes, created_on, retired_on";
    let quoted: Vec<String> = columns.split(", ").map(|c| format!("quote({c})")).collect();
    let mut stmt = conn.prepare(&format!("SELECT {} FROM providers ORDER BY id", quoted.join(", "))).unwrap();
    let rows = stmt.query_map([], |r| (0..quoted.len()).map(|i| r.get::<_, String>(i)).collect::<rusqlite::Result<Vec<_>>>()).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

#[test]
fn a_version_5_register_gains_services_and_keeps_every_provider_and_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.lifeboat");
    register_at_version(&path, 5);
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "INSERT INTO providers (name, category, value_provided, owner, tier, status, annual_spend, currency, renewal_date,
                 notice_period_days, data_held, website, status_page, notes, created_on)
                 VALUES ('Pay Co', 'payments', 'Cards', 'Payments', 1, 'retired', 120000.5, 'EUR', '2027-02-28', 90, 'payment',
                     'https://pay.example', 'https://status.pay.example', 'Moved to Adyen', '2024-06-01');
             INSERT INTO snapshots (provider_id, taken_on, risk, inherent, exposure)
                 SELECT 2, '2024-06-01', risk, inherent, exposure FROM snapshots WHERE provider_id = 1;",
        )
        .unwrap();

    let register = Register::open(&path).unwrap();
    let backup = Connection::open(backup_of(dir.path(), 5)).unwrap();
    assert_eq!(stored_providers(register.connection()), stored_providers(&backup));
    assert_eq!(stored_providers(register.connection()).len(), 2);
    assert_eq!(stored_snapshots(register.connection()), stored_snapshots(&backup));
    assert!(register.providers().unwrap().iter().all(|p| !p.profile.fourth_party));
    assert!(register.services().unwrap().is_empty());
    assert!(register.dependencies().unwrap().is_empty());
    assert!(register.runs_on().unwrap().is_empty());
    assert_eq!(register.settings().unwrap().currency, "USD");
}

/// The one backup written before migrating `old.lifeboat` from `version`.
fn backup_of(dir: &Path, version: usize) -> std::path::PathBuf {
    let backups: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(&format!("old.v{version}-backup-")))
        .collect();
    assert_eq!(backups.len(), 1, "version {version} is backed up before migrating");
    backups[0].path()
}

/// The drills of kind "recorded before drills were kept": (provider name, date), by provider.
fn recorded_drills(register: &Register) -> Vec<(String, chrono::NaiveDate)> {
    let mut drills = Vec::new();
    for provider in register.providers().unwrap() {
        for drill in register.drills(provider.id).unwrap() {
            assert_eq!(drill.draft.kind, DrillKind::Recorded);
            assert_eq!((drill.draft.scenario, drill.draft.result, drill.draft.achieved_hours), (None, None, None));
            drills.push((provider.profile.name.clone(), drill.draft.date));
        }
    }
    drills
}

/// Every snapshot as SQLite holds it, each value quoted as a literal, so a changed type (an
/// integer read back as a real, say) or a reformatted JSON text shows as a difference.
fn stored_snapshots(conn: &Connection) -> Vec<Vec<String>> {
    let mut stmt = conn
        .prepare(
            "SELECT quote(id), quote(provider_id), quote(taken_on), quote(review_id), quote(risk), quote(inherent), quote(exposure)
             FROM snapshots ORDER BY id",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| (0..7).map(|i| r.get::<_, String>(i)).collect::<rusqlite::Result<Vec<_>>>()).unwrap();
    rows.collect::<rusqlite::Result<_>>().unwrap()
}

/// More history the way versions 3 and 4 wrote it: 1 × 1 blanks included, some in a review, and
/// each snapshot's hand-typed "last rehearsed" as given (Old Host's latest first, then Pay Co's
/// three, oldest first).
fn add_history(path: &Path, last_rehearsed: [Option<&str>; 4]) {
    {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(
            "INSERT INTO reviews (held_on, title) VALUES ('2025-01-15', 'Q1 2025 provider risk review');
             INSERT INTO providers (name, category, tier, status, data_held, created_on)
                 VALUES ('Pay Co', 'payments', 1, 'active', 'payment', '2024-06-01');
             INSERT INTO review_notes (review_id, provider_id, note) VALUES (1, 2, 'Watch the fee change.');",
        )
        .unwrap();
        for (n, (provider, taken_on, review, likelihood, impact, lock_in)) in [
            (1, "2025-01-15", Some(1), 5, 5, 5),
            (2, "2024-06-01", None, 1, 1, 1),
            (2, "2025-01-15", Some(1), 4, 3, 2),
            (2, "2025-07-02", None, 2, 5, 4),
        ]
        .into_iter()
        .enumerate()
        {
            let rehearsed = last_rehearsed[n];
            let risk = serde_json::json!({
                "scenarios": [
                    {"mode_id": 1, "mode": "Outage", "likelihood": likelihood, "impact": impact, "note": format!("note {n}")},
                    {"mode_id": null, "mode": "Custom", "likelihood": 1, "impact": 1, "note": ""}
                ],
                "lock_in": {"level": lock_in, "reasons": "data gravity"},
                "alternatives": [{"name": "Alt", "readiness": "contracted"}],
                "replacement": {"effort": 3, "person_weeks": 2.5, "emergency_switch_hours": 48},
                "exit": {"strategy": "prepare_exit", "plan": "Switch.", "last_rehearsed": rehearsed}
            });
            let scores = lifeboat::domain::scoring::score(&serde_json::from_value(risk.clone()).unwrap());
            conn.execute(
                "INSERT INTO snapshots (provider_id, taken_on, review_id, risk, inherent, exposure) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![provider, taken_on, review, risk.to_string(), scores.inherent, scores.exposure],
            )
            .unwrap();
        }
    }
}

#[test]
fn a_version_3_register_migrates_without_changing_any_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.lifeboat");
    register_at_version(&path, 3);
    add_history(&path, [Some("2024-12-01"); 4]);
    let before = stored_snapshots(&Connection::open(&path).unwrap());
    assert_eq!(before.len(), 5);

    let register = Register::open(&path).unwrap();
    let conn = register.connection();
    assert_eq!(stored_snapshots(conn), before, "every snapshot's id, review, risk JSON and scores are unchanged");
    // The scores read back are the ones recorded: no snapshot became Not assessed.
    for provider in register.providers().unwrap() {
        let trend = register.trend(provider.id).unwrap();
        assert!(trend.iter().all(|p| p.inherent.is_some() && p.exposure.is_some() && p.level.is_some()), "{trend:?}");
    }
    let trend = register.trend(register.provider_by_name("Pay Co").unwrap().unwrap().id).unwrap();
    assert_eq!(
        trend.iter().map(|p| (p.inherent, p.exposure)).collect::<Vec<_>>(),
        [(Some(1), Some(0.2)), (Some(12), Some(4.8)), (Some(10), Some(6.0))]
    );

    // The rebuilt table keeps its constraint, index and reference, and takes unscored snapshots.
    let nullable: Vec<(String, bool)> = conn
        .prepare("SELECT name, \"notnull\" FROM pragma_table_info('snapshots') WHERE name IN ('inherent', 'exposure') ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(nullable, [("exposure".to_string(), false), ("inherent".to_string(), false)]);
    let index: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'snapshots_by_review'", [], |r| r.get(0)).unwrap();
    assert_eq!(index, 1);
    let duplicate = conn.execute("INSERT INTO snapshots (provider_id, taken_on, risk) VALUES (2, '2025-07-02', '{}')", []);
    assert!(duplicate.is_err(), "one snapshot per provider per day");
    let orphan = conn.execute("INSERT INTO snapshots (provider_id, taken_on, risk) VALUES (99, '2025-07-03', '{}')", []);
    assert!(orphan.is_err(), "a snapshot still needs its provider");
    let violations: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(violations, 0);
    // Both providers' current assessments had a rehearsal date typed in.
    assert_eq!(recorded_drills(&register), [("Old Host".to_string(), day(2024, 12, 1)), ("Pay Co".to_string(), day(2024, 12, 1))]);
}

#[test]
fn a_version_4_register_migrates_its_rehearsal_dates_into_drills_without_changing_any_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.lifeboat");
    register_at_version(&path, 4);
    // Pay Co was rehearsed once, but its current assessment no longer says so: only a current
    // date is taken, so only Old Host gets a drill.
    add_history(&path, [Some("2024-12-01"), Some("2024-03-01"), Some("2024-03-01"), None]);
    let before = stored_snapshots(&Connection::open(&path).unwrap());
    assert_eq!(before.len(), 5);

    let mut register = Register::open(&path).unwrap();
    assert_eq!(stored_snapshots(register.connection()), before, "every snapshot's id, review, risk JSON and scores are unchanged");
    assert_eq!(recorded_drills(&register), [("Old Host".to_string(), day(2024, 12, 1))]);
    let old_host = register.provider_by_name("Old Host").unwrap().unwrap();
    let pay_co = register.provider_by_name("Pay Co").unwrap().unwrap();
    assert_eq!((old_host.risk.exit.last_rehearsed, pay_co.risk.exit.last_rehearsed), (Some(day(2024, 12, 1)), None));
    let rows = register.register_rows(day(2026, 3, 1)).unwrap();
    assert_eq!(rows.iter().map(|r| r.last_rehearsed).collect::<Vec<_>>(), [Some(day(2024, 12, 1)), None]);
    // Scores are as recorded: Pay Co's latest is 2 × 5.
    assert_eq!(rows[1].inherent, Some(10));
    assert!(register.all_incidents().unwrap().is_empty());

    // The new tables hang off their provider: deleting it takes its drills along.
    register.delete_provider(old_host.id).unwrap();
    assert!(register.all_drills().unwrap().is_empty());
    let conn = register.connection();
    let indexes: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name IN ('incidents_by_provider', 'drills_by_provider')", [], |r| r.get(0))
        .unwrap();
    assert_eq!(indexes, 2);
    let violations: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(violations, 0);
}

fn assert_refused_untouched(path: &Path, expect: fn(&StoreError) -> bool) {
    let before = std::fs::read(path).unwrap();
    let siblings = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
    let Err(err) = Register::open(path) else { panic!("{} was opened, but should be refused", path.display()) };
    assert!(expect(&err), "unexpected error: {err:?}");
    assert!(err.to_string().contains(&path.display().to_string()), "the message names the file: {err}");
    assert_eq!(std::fs::read(path).unwrap(), before, "the file is byte-for-byte unchanged");
    assert_eq!(std::fs::read_dir(path.parent().unwrap()).unwrap().count(), siblings, "no -wal, -shm or backup appears");
}

#[test]
fn a_text_file_is_not_a_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Zürich notes #1 ?.txt");
    std::fs::write(&path, "Provider,Owner\nStripe,Payments\n".repeat(100)).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotARegister(_)));
}

#[test]
fn another_apps_database_is_not_a_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    Connection::open(&path).unwrap().execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');").unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::NotARegister(_)));
}

#[test]
fn a_register_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.lifeboat");
    drop(Register::open(&path).unwrap());
    Connection::open(&path).unwrap().pragma_update(None, "user_version", LATEST_VERSION + 1).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::TooNew { found, .. } if *found == LATEST_VERSION + 1));
    let Err(err) = Register::open(&path) else { panic!("opened a newer register") };
    assert!(err.to_string().contains("newer version of Lifeboat"));
}

#[test]
fn a_damaged_register_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.lifeboat");
    {
        let mut register = Register::open(&path).unwrap();
        for i in 0..40 {
            let mut d = register.new_draft().unwrap();
            d.profile.name = format!("Provider {i}");
            d.profile.notes = "x".repeat(2000);
            register.create_provider(&d, day(2026, 1, 1)).unwrap();
        }
        register.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;").unwrap();
    }
    // Scribble over the middle of the file, leaving the header intact.
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle..middle + 8192].iter_mut().for_each(|b| *b = 0xA5);
    std::fs::write(&path, &bytes).unwrap();
    assert_refused_untouched(&path, |e| matches!(e, StoreError::Damaged { .. } | StoreError::NotARegister(_)));
}

#[test]
fn a_copy_is_a_complete_register() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("main.lifeboat")).unwrap();
    let draft = full_draft(&register);
    let id = register.create_provider(&draft, day(2026, 3, 1)).unwrap().id;
    let drill = DrillDraft {
        provider_id: id,
        date: day(2026, 3, 2),
        kind: DrillKind::Tabletop,
        scenario: Some(DrillScenario::Termination),
        alternative: "Adyen".into(),
        target_hours: None,
        achieved_hours: None,
        result: Some(DrillResult::PartlyMet),
        findings: "Nobody knew where the card export request lives.".into(),
        follow_ups: String::new(),
    };
    register.add_drill(&drill, day(2026, 3, 2)).unwrap();
    let copy = dir.path().join("copy.lifeboat");
    register.save_copy(&copy).unwrap();
    let reopened = Register::open(&copy).unwrap();
    let mut rehearsed = draft;
    rehearsed.risk.exit.last_rehearsed = Some(day(2026, 3, 2));
    assert_eq!(reopened.providers().unwrap()[0].draft(), rehearsed);
    assert_eq!(reopened.all_drills().unwrap(), register.all_drills().unwrap());
}

#[test]
fn a_copy_never_replaces_the_open_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.lifeboat");
    let mut register = Register::open(&path).unwrap();
    let draft = full_draft(&register);
    register.create_provider(&draft, day(2026, 3, 1)).unwrap();
    // The same file spelled another way: through "." and "..".
    let sneaky = dir.path().join(".").join("sub").join("..").join("main.lifeboat");
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let Err(err) = register.save_copy(&sneaky) else { panic!("copied over the open register") };
    assert!(matches!(err, StoreError::Refused(_)), "{err:?}");
    assert!(register.is_own_file(&sneaky));
    assert!(!register.is_own_file(&dir.path().join("other.lifeboat")));
    // The register goes on working and keeps its data.
    let mut d = register.provider_by_name(&draft.profile.name).unwrap().unwrap().draft();
    d.profile.notes = "still here".into();
    let id = register.providers().unwrap()[0].id;
    register.update_provider(id, &d, day(2026, 3, 2)).unwrap();
    drop(register);
    assert_eq!(Register::open(&path).unwrap().provider(id).unwrap().profile.notes, "still here");
}
