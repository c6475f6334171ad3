//! A provider's incident history from its status page's JSON export: previewed, applied in one
//! transaction, recognised on re-import, and refused whole (with its line) when malformed.

mod fixture;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use fixture::{register_file, run, today};
use lifeboat::storage::Register;
use lifeboat::worksheet::import::{apply_status_page, preview_status_page};
use lifeboat::worksheet::WorksheetError;

const PROVIDER: &str = "Ωmega Cloud";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(name)
}

fn fixture_file() -> PathBuf {
    data("statuspage-object-storage.json")
}

/// The end of the fixture's today, as `clock::now` has it with the day pinned.
fn now() -> DateTime<Utc> {
    today().and_hms_opt(23, 59, 59).unwrap().and_utc()
}

fn register() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    (tmp, db)
}

fn provider_id(register: &Register) -> lifeboat::domain::ids::ProviderId {
    register.provider_by_name(PROVIDER).unwrap().unwrap().id
}

#[test]
fn the_fixture_previews_then_applies_with_impacts_read_as_failure_modes() {
    let (_tmp, db) = register();
    let mut register = Register::open(&db).unwrap();
    let id = provider_id(&register);

    let preview = preview_status_page(&register, &fixture_file(), PROVIDER, now()).unwrap();
    assert!(preview.can_apply(), "{:?}", preview.rejected);
    assert_eq!((preview.added.len(), preview.duplicates.len()), (6, 0));
    assert!(preview.mapping.contains("major or critical is recorded as Outage, minor or none as Degradation"), "{}", preview.mapping);
    let modes: Vec<(&str, &str)> = preview.added.iter().map(|e| (e.impact.as_str(), e.mode.as_str())).collect();
    assert_eq!(
        modes,
        [
            ("minor", "Degradation"),
            ("critical", "Outage"),
            ("major", "Outage"),
            ("none", "Degradation"),
            ("minor", "Degradation"),
            ("major", "Outage")
        ]
    );
    assert_eq!(preview.added[1].components, ["GET API (us-east-1)", "PUT API (us-east-1)", "Console"]);
    assert!(register.incidents(id).unwrap().is_empty(), "a preview writes nothing");

    apply_status_page(&mut register, &fixture_file(), PROVIDER, now()).unwrap();
    let stored = register.incidents(id).unwrap();
    assert_eq!(stored.len(), 6);
    let s3 = stored.iter().find(|i| i.draft.summary == "Increased error rates for S3-compatible API in us-east-1").unwrap();
    // The offset the page gave is kept; detected is when it was posted; our services are ours to say.
    assert_eq!(s3.draft.started.to_rfc3339(), "2026-06-02T09:37:00-07:00");
    assert_eq!(s3.draft.detected, Some(s3.draft.started));
    assert_eq!(s3.draft.time_to_recover(), Some(4 * 60 + 17));
    assert!(s3.draft.services.is_empty());
    // Across the DST change of 29 March: 00:40 GMT to 03:05 BST is 1 h 25 min.
    let console = stored.iter().find(|i| i.draft.summary == "Console unavailable for some customers").unwrap();
    assert_eq!(console.draft.time_to_recover(), Some(85));
    let ongoing = stored.iter().find(|i| i.draft.summary.starts_with("Intermittent 503")).unwrap();
    assert_eq!(ongoing.draft.resolved, None);
}

#[test]
fn importing_the_same_history_again_finds_duplicates_and_adds_nothing() {
    let (_tmp, db) = register();
    let mut register = Register::open(&db).unwrap();
    apply_status_page(&mut register, &fixture_file(), PROVIDER, now()).unwrap();
    let again = preview_status_page(&register, &fixture_file(), PROVIDER, now()).unwrap();
    assert_eq!((again.added.len(), again.duplicates.len()), (0, 6));
    apply_status_page(&mut register, &fixture_file(), PROVIDER, now()).unwrap();
    assert_eq!(register.incidents(provider_id(&register)).unwrap().len(), 6);
}

#[test]
fn malformed_json_is_refused_with_its_line_and_nothing_is_written() {
    let (_tmp, db) = register();
    let before = std::fs::read(&db).unwrap();
    {
        let mut register = Register::open(&db).unwrap();
        for outcome in [
            preview_status_page(&register, &data("statuspage-malformed.json"), PROVIDER, now()).map(drop),
            apply_status_page(&mut register, &data("statuspage-malformed.json"), PROVIDER, now()).map(drop),
        ] {
            let Err(WorksheetError::Rejected { problems }) = outcome else { panic!("malformed JSON must be refused") };
            assert_eq!(problems[0].file, "statuspage-malformed.json");
            assert!(problems[0].message.contains("not valid JSON: line 31, column 7"), "{}", problems[0].message);
        }
        assert!(register.all_incidents().unwrap().is_empty());
    }
    assert_eq!(std::fs::read(&db).unwrap(), before, "the register file is unchanged");
}

#[test]
fn an_unknown_provider_or_a_bad_incident_refuses_the_file() {
    let (tmp, db) = register();
    let mut register = Register::open(&db).unwrap();
    let Err(WorksheetError::Rejected { problems }) = preview_status_page(&register, &fixture_file(), "Nobody Inc", now()) else {
        panic!("an unknown provider must be refused")
    };
    assert!(problems[0].message.contains("no provider named \"Nobody Inc\""), "{problems:?}");

    // A bare array is read too; an incident from the future or without created_at is rejected
    // with its reason, and then nothing of the file is written.
    let bare = tmp.path().join("bare.json");
    std::fs::write(
        &bare,
        r#"[{"name": "Fine", "impact": "minor", "created_at": "2026-01-05T10:00:00Z", "resolved_at": "2026-01-05T11:00:00Z"},
            {"name": "Tomorrow", "impact": "major", "created_at": "2026-11-24T10:00:00Z", "resolved_at": null},
            {"name": "No start", "impact": "major"},
            {"name": "Maintenance", "impact": "maintenance", "created_at": "2026-01-05T10:00:00Z"}]"#,
    )
    .unwrap();
    let preview = preview_status_page(&register, &bare, PROVIDER, now()).unwrap();
    assert_eq!(preview.added.len(), 1);
    let reasons: Vec<(u32, &str)> = preview.rejected.iter().map(|r| (r.position, r.reason.as_str())).collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert!(reasons[0].1.contains("future"), "{reasons:?}");
    assert!(reasons[1].1.contains("created_at"), "{reasons:?}");
    assert!(reasons[2].1.contains("\"maintenance\""), "{reasons:?}");
    assert!(matches!(apply_status_page(&mut register, &bare, PROVIDER, now()), Err(WorksheetError::Rejected { .. })));
    assert!(register.all_incidents().unwrap().is_empty());
}

#[test]
fn the_command_line_previews_applies_and_refuses_with_exit_statuses() {
    let (_tmp, db) = register();
    let args = |file: &Path, extra: &[&str]| {
        let mut v: Vec<std::ffi::OsString> =
            vec!["import-incidents".into(), file.into(), "--provider".into(), PROVIDER.into(), "--db".into(), db.clone().into()];
        v.extend(extra.iter().map(|e| e.into()));
        v
    };
    let go = |v: Vec<std::ffi::OsString>| run(&v.iter().map(|a| a.as_os_str()).collect::<Vec<_>>());

    let before = std::fs::read(&db).unwrap();
    let out = go(args(&fixture_file(), &["--dry-run"]));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("Would add 6 incident(s):"), "{stdout}");
    assert!(stdout.contains("2026-06-02T09:37:00-07:00  Outage"), "{stdout}");
    assert!(stdout.contains("Nothing was written."), "{stdout}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "a dry run writes nothing");

    let out = go(args(&fixture_file(), &[]));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Added 6 incident(s):"));
    let out = go(args(&fixture_file(), &[]));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Added 0 incident(s).") && stdout.contains("Already recorded, left as they are: 6"), "{stdout}");

    let out = go(args(&data("statuspage-malformed.json"), &[]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("line 31, column 7"), "{stderr}");

    let mut unknown = args(&fixture_file(), &[]);
    unknown[3] = "Nobody Inc".into();
    let out = go(unknown);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody Inc"));
}
