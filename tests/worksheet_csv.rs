//! CSV export and import: lossless round trips, inert formulas, spreadsheet headers, and every
//! kind of bad file refused with its location while the register stays byte-for-byte the same.

mod fixture;

use std::ffi::OsStr;
use std::path::Path;

use fixture::{fill, fill_evidence, register_file, run, today, NAMES};
use lifeboat::domain::scoring::score;
use lifeboat::storage::Register;
use lifeboat::worksheet::csv::{self, CsvOptions};
use lifeboat::worksheet::import::{self, ImportOptions};
use lifeboat::worksheet::table::TableName;

fn export_to(register: &Register, dir: &Path) {
    csv::export(register, dir, CsvOptions::default(), today()).unwrap();
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap()
}

#[test]
fn export_import_export_is_identical_history_included() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = Register::open(&tmp.path().join("a.lifeboat")).unwrap();
    fill(&mut first);
    fill_evidence(&mut first);
    export_to(&first, &tmp.path().join("one"));

    let mut second = Register::open(&tmp.path().join("b.lifeboat")).unwrap();
    let preview = import::apply(&mut second, &tmp.path().join("one"), &ImportOptions::default(), today()).unwrap();
    assert_eq!(preview.created.len(), NAMES.len(), "{preview:?}");
    assert!(preview.rejected.is_empty() && preview.updated.is_empty());
    export_to(&second, &tmp.path().join("two"));

    assert_eq!((preview.incidents, preview.drills, preview.evidence_kept), (6, 5, 0));
    for name in TableName::ALL.map(TableName::csv_file) {
        let (a, b) = (read(&tmp.path().join("one"), name), read(&tmp.path().join("two"), name));
        assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b), "{name} differs after a round trip");
    }
    // The Not assessed provider went through with empty score cells, not a made-up 1 × 1.
    let scenarios = String::from_utf8(read(&tmp.path().join("one"), "scenarios.csv")).unwrap();
    assert!(scenarios.contains("Nimbus Queue,Outage,,,,Not assessed,"), "{scenarios}");
    let nimbus = second.provider_by_name("Nimbus Queue").unwrap().unwrap();
    assert!(nimbus.risk.scenarios.iter().all(|s| s.likelihood.is_none() && s.impact.is_none()));
    assert_eq!(first.all_snapshots().unwrap().len(), second.all_snapshots().unwrap().len());
    for (a, b) in first.providers().unwrap().iter().zip(second.providers().unwrap()) {
        assert_eq!(a.profile, b.profile);
        assert_eq!(a.risk, b.risk);
        assert_eq!(a.created_on, b.created_on);
    }

    assert_eq!(first.all_incidents().unwrap().len(), second.all_incidents().unwrap().len());
    assert_eq!(first.all_drills().unwrap().len(), second.all_drills().unwrap().len());

    // Importing the same folder again changes nothing: every incident and drill is recognised.
    let again = import::apply(&mut second, &tmp.path().join("one"), &ImportOptions::default(), today()).unwrap();
    assert_eq!(again.unchanged.len(), NAMES.len(), "{again:?}");
    assert_eq!(again.snapshots, 0);
    assert_eq!((again.incidents, again.drills, again.evidence_kept), (0, 0, 11));
    assert_eq!(second.all_incidents().unwrap().len(), 6);
    assert_eq!(second.all_drills().unwrap().len(), 5);
}

/// A register on disk writes its history on a second connection and thread; one in memory has
/// no file to share and writes it on the one. The files must not tell them apart.
#[test]
fn a_register_in_memory_exports_the_same_files_as_one_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let mut on_disk = Register::open(&tmp.path().join("a.lifeboat")).unwrap();
    let mut in_memory = Register::open_in_memory().unwrap();
    for register in [&mut on_disk, &mut in_memory] {
        fill(register);
        fill_evidence(register);
    }
    assert!(on_disk.reader().unwrap().is_some() && in_memory.reader().unwrap().is_none());
    export_to(&on_disk, &tmp.path().join("disk"));
    export_to(&in_memory, &tmp.path().join("memory"));
    assert!(history_rows(&tmp.path().join("disk")).len() > NAMES.len());
    for name in TableName::ALL.map(TableName::csv_file) {
        let (disk, memory) = (read(&tmp.path().join("disk"), name), read(&tmp.path().join("memory"), name));
        assert_eq!(String::from_utf8(disk).unwrap(), String::from_utf8(memory).unwrap(), "{name}");
    }
}

#[test]
fn incidents_and_drills_read_as_recorded() {
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open(&tmp.path().join("a.lifeboat")).unwrap();
    fill(&mut register);
    fill_evidence(&mut register);
    export_to(&register, tmp.path());
    let incidents = String::from_utf8(read(tmp.path(), "incidents.csv")).unwrap();
    let mut lines = incidents.lines();
    assert_eq!(
        lines.next(),
        Some(
            "Provider,Failure mode,Started,Detected,Resolved,Time to identify (minutes),Time to recover (minutes),Services hit,\
             Customer-facing,Our SLA breached,Cost,Summary,Post-mortem link,Follow-up actions"
        )
    );
    // Newest first within a provider; offsets as recorded; durations derived (two hours across
    // the DST change); services joined with "; "; formulas inert.
    assert!(incidents.contains("Stripe,Outage,2026-10-02T14:05:00+02:00,2026-10-02T14:12:00+02:00,2026-10-02T16:40:00+02:00,7,155,Checkout; Subscriptions,TRUE,TRUE,18500,"), "{incidents}");
    assert!(incidents.contains("Stripe,Degradation,2026-03-29T00:30:00+00:00,2026-03-29T01:00:00+00:00,2026-03-29T03:30:00+01:00,30,120,Checkout,FALSE,FALSE,,\"'=HYPERLINK("), "{incidents}");
    assert!(
        incidents.contains("2026-11-20T22:15:00+01:00,2026-11-20T22:20:00+01:00,,5,,Uploads,TRUE,FALSE"),
        "an ongoing incident has no time to recover: {incidents}"
    );
    let stripe: Vec<String> =
        incidents.lines().filter(|l| l.starts_with("Stripe,")).map(|l| l.split(',').take(3).collect::<Vec<_>>().join(",")).collect();
    assert_eq!(
        stripe,
        [
            "Stripe,Outage,2026-10-02T14:05:00+02:00",
            "Stripe,Degradation,2026-03-29T00:30:00+00:00",
            "Stripe,Outage,2025-01-15T09:00:00-05:00"
        ]
    );

    let drills = String::from_utf8(read(tmp.path(), "drills.csv")).unwrap();
    assert!(drills.starts_with("Provider,Date,Kind,Scenario,Alternative,Target switch (hours),Achieved switch (hours),Missed target,Result,Findings,Follow-ups\r\n"), "{drills}");
    assert!(drills.contains("Stripe,2026-09-15,Full switch to the alternative,Persistent outage,Adyen,4,6.5,TRUE,Partly met,"), "{drills}");
    assert!(drills.contains("Auth0,2024-06-01,Recorded before drills were kept,,,,,FALSE,,,"), "{drills}");
}

#[test]
fn bad_incident_and_drill_rows_are_refused_with_file_row_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let dir = tmp.path().join("export");
    {
        let register = Register::open(&db).unwrap();
        export_to(&register, &dir);
    }
    std::fs::write(
        dir.join("incidents.csv"),
        "Provider,Failure mode,Started,Detected,Resolved,Summary\r\n\
         Stripe,Outage,2026-10-02 14:05,,,Bad time\r\n\
         Stripe,Meteor strike,2026-10-02T14:05:00Z,,,Unknown mode\r\n\
         Stripe,Outage,2026-10-02T14:05:00Z,,2026-10-02T13:00:00Z,Resolved before it started\r\n\
         Nobody Inc,Outage,2026-10-02T14:05:00Z,,,Unknown provider\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("drills.csv"),
        "Provider,Date,Kind,Result\r\nStripe,2026-09-15,Fire drill,Met\r\nStripe,2026-12-01,Tabletop walk-through,Met\r\n",
    )
    .unwrap();
    let before = hash(&db);
    let mut register = Register::open(&db).unwrap();
    let Err(lifeboat::worksheet::WorksheetError::Rejected { problems }) =
        import::apply(&mut register, &dir, &ImportOptions::default(), today())
    else {
        panic!("bad rows must refuse the import")
    };
    let located: Vec<(&str, Option<u64>, Option<u32>)> = problems.iter().map(|p| (p.file.as_str(), p.row, p.column)).collect();
    for expected in [
        ("incidents.csv", Some(2), Some(3)),
        ("incidents.csv", Some(3), Some(2)),
        ("incidents.csv", Some(4), Some(5)),
        ("incidents.csv", Some(5), Some(1)),
        ("drills.csv", Some(2), Some(3)),
        ("drills.csv", Some(3), Some(2)),
    ] {
        assert!(located.contains(&expected), "{expected:?} not in {problems:#?}");
    }
    assert!(problems.iter().any(|p| p.message.contains("\"Meteor strike\" is not a failure mode")), "{problems:#?}");
    assert!(problems.iter().any(|p| p.message.contains("\"Nobody Inc\" is not in providers.csv")), "{problems:#?}");
    drop(register);
    assert_eq!(hash(&db), before, "nothing was written");
}

/// history.csv as a grid of text cells.
fn history_rows(dir: &Path) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_path(dir.join("history.csv")).unwrap();
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn write_history(dir: &Path, rows: &[Vec<String>]) {
    let mut writer = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_path(dir.join("history.csv")).unwrap();
    for row in rows {
        writer.write_record(row).unwrap();
    }
}

/// The columns of history.csv that hold an assessment's risk profile.
const PROFILE_HEADERS: [&str; 9] = [
    "Lock-in",
    "Lock-in reasons",
    "Alternatives",
    "Replacement effort",
    "Replacement person-weeks",
    "Emergency switch (hours)",
    "Exit strategy",
    "Exit plan",
    "Exit plan last rehearsed",
];

/// Imports `dir` into a new register and exports that again into `out`.
fn import_export(dir: &Path, out: &Path) {
    let mut register = Register::open(&out.with_extension("lifeboat")).unwrap();
    let done = import::apply(&mut register, dir, &ImportOptions::default(), today()).unwrap();
    assert!(done.rejected.is_empty(), "{:?}", done.rejected);
    export_to(&register, out);
}

#[test]
fn history_writes_an_assessments_risk_profile_on_its_first_row_only() {
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open(&tmp.path().join("a.lifeboat")).unwrap();
    fill(&mut register);
    export_to(&register, tmp.path());
    let rows = history_rows(tmp.path());
    let header = &rows[0];
    for wanted in PROFILE_HEADERS {
        assert!(header.iter().any(|h| h == wanted), "history.csv has no {wanted} column: {header:?}");
    }
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let profile: Vec<usize> = PROFILE_HEADERS.iter().map(|h| at(h)).collect();
    let (name, date, exposure) = (at("Provider"), at("Assessed on"), at("Exposure"));
    let (mut first_rows, mut later_rows) = (0, 0);
    for pair in rows[1..].windows(2) {
        let same_assessment = pair[0][name] == pair[1][name] && pair[0][date] == pair[1][date];
        if same_assessment {
            later_rows += 1;
            assert!(profile.iter().all(|&c| pair[1][c].is_empty()), "a later row repeats the profile: {:?}", pair[1]);
            assert_eq!(pair[0][exposure], pair[1][exposure], "every row keeps the assessment's exposure");
        } else {
            first_rows += 1;
            assert!(!pair[1][at("Lock-in")].is_empty(), "an assessment's first row has its profile: {:?}", pair[1]);
        }
    }
    assert!(first_rows > 0 && later_rows > first_rows, "{first_rows} assessments, {later_rows} later rows");
}

#[test]
fn an_older_history_with_the_profile_on_every_row_imports_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open(&tmp.path().join("a.lifeboat")).unwrap();
    fill(&mut register);
    let lean = tmp.path().join("lean");
    export_to(&register, &lean);

    // Older exports repeated an assessment's profile on each of its rows.
    let full = tmp.path().join("full");
    export_to(&register, &full);
    let mut rows = history_rows(&full);
    let header = rows[0].clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let profile: Vec<usize> = PROFILE_HEADERS.iter().map(|h| at(h)).collect();
    let (name, date) = (at("Provider"), at("Assessed on"));
    for i in 2..rows.len() {
        if rows[i][name] == rows[i - 1][name] && rows[i][date] == rows[i - 1][date] {
            for &c in &profile {
                rows[i][c] = rows[i - 1][c].clone();
            }
        }
    }
    write_history(&full, &rows);
    import_export(&lean, &tmp.path().join("from-lean"));
    let from_full = tmp.path().join("from-full");
    import_export(&full, &from_full);
    for name in ["providers.csv", "scenarios.csv", "history.csv"] {
        let (a, b) = (read(&tmp.path().join("from-lean"), name), read(&from_full, name));
        assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b), "{name} from the older history");
    }
    assert_eq!(read(&lean, "history.csv"), read(&tmp.path().join("from-lean"), "history.csv"));
}

/// Every assessment of `register`: provider name, date, and risk profile with its failure modes
/// in name order.
fn assessments(register: &Register) -> Vec<(String, chrono::NaiveDate, lifeboat::domain::provider::RiskProfile)> {
    let names: std::collections::HashMap<_, _> = register.providers().unwrap().into_iter().map(|p| (p.id, p.profile.name)).collect();
    let mut all: Vec<_> = register
        .all_snapshots()
        .unwrap()
        .into_iter()
        .map(|s| {
            let mut risk = s.risk;
            risk.scenarios.sort_by(|a, b| a.mode.cmp(&b.mode));
            (names[&s.provider_id].clone(), s.taken_on, risk)
        })
        .collect();
    all.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    all
}

#[test]
fn a_history_sorted_another_way_still_finds_each_assessments_profile() {
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open(&tmp.path().join("a.lifeboat")).unwrap();
    fill(&mut register);
    export_to(&register, tmp.path());
    // Bottom to top: each assessment's later rows now come before the row with its profile.
    let mut rows = history_rows(tmp.path());
    rows[1..].reverse();
    write_history(tmp.path(), &rows);
    let mut imported = Register::open(&tmp.path().join("b.lifeboat")).unwrap();
    let done = import::apply(&mut imported, tmp.path(), &ImportOptions::default(), today()).unwrap();
    assert!(done.rejected.is_empty(), "{:?}", done.rejected);
    assert_eq!(assessments(&register), assessments(&imported));
}

#[test]
fn the_cli_round_trips_through_an_empty_register_with_a_bom() {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let (one, two, db2) = (tmp.path().join("one"), tmp.path().join("two"), tmp.path().join("copy.lifeboat"));
    let out = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--bom".as_ref(),
        "--out".as_ref(),
        one.as_os_str(),
        "--db".as_ref(),
        db.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(read(&one, "providers.csv").starts_with("\u{feff}Provider,".as_bytes()));
    let out = run(&["import".as_ref(), one.as_os_str(), "--db".as_ref(), db2.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--bom".as_ref(),
        "--out".as_ref(),
        two.as_os_str(),
        "--db".as_ref(),
        db2.as_os_str(),
    ]);
    assert!(out.status.success());
    for name in ["providers.csv", "scenarios.csv", "history.csv"] {
        assert_eq!(read(&one, name), read(&two, name), "{name}");
    }
}

#[test]
fn formula_looking_cells_are_inert_and_markup_stays_text() {
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open(&tmp.path().join("a.lifeboat")).unwrap();
    fill(&mut register);
    export_to(&register, tmp.path());
    for name in ["providers.csv", "scenarios.csv", "history.csv"] {
        let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_path(tmp.path().join(name)).unwrap();
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(!csv::is_active(cell), "{name}: live formula {cell:?}");
            }
        }
    }
    let providers = String::from_utf8(read(tmp.path(), "providers.csv")).unwrap();
    assert!(providers.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "{providers}");
    assert!(providers.contains("'=cmd|' /C calc'!A0"));
    assert!(providers.contains("<b>x</b> Mail"));
    assert!(providers.contains("Яндекс Облако") && providers.contains("Ωmega Cloud") && providers.contains("Zürich Pay"));
}

#[test]
fn a_spreadsheet_register_imports_by_its_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let sheet = tmp.path().join("vendors.csv");
    std::fs::write(
        &sheet,
        "VENDOR,Criticality,Annual cost,lock in,Replacement_Effort,Exit Strategy,Value Provided,Owner,Renewal date,Favourite colour\r\n\
         Stripe,1,\"€120,000\",4,4,Prepare exit,Card payments,Finance,2027-01-31,blue\r\n\
         Mailgun,Tier 3,900,2,1,accept,Transactional email,Platform,,green\r\n",
    )
    .unwrap();
    let mut register = Register::open(&tmp.path().join("r.lifeboat")).unwrap();
    let mut existing = register.new_draft().unwrap();
    existing.profile.name = "stripe".into();
    register.create_provider(&existing, today()).unwrap();

    let preview = import::preview(&register, &sheet, &ImportOptions::default(), today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(preview.created, vec!["Mailgun"]);
    assert_eq!(preview.updated.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(), ["Stripe"]);
    assert_eq!(preview.warnings.len(), 1);
    assert_eq!(preview.warnings[0].to_string(), "vendors.csv, row 1, column J (Favourite colour): Column not recognised; it is ignored.");

    import::apply(&mut register, &sheet, &ImportOptions::default(), today()).unwrap();
    let stripe = register.provider_by_name("Stripe").unwrap().unwrap();
    assert_eq!(stripe.profile.name, "Stripe");
    assert_eq!(stripe.profile.tier, 1);
    assert_eq!(stripe.profile.annual_spend, Some(120_000.0));
    assert_eq!(stripe.risk.lock_in.level, 4);
    assert_eq!(stripe.profile.owner, "Finance");
    let mailgun = register.provider_by_name("Mailgun").unwrap().unwrap();
    assert_eq!(mailgun.profile.tier, 3);
    assert_eq!(mailgun.risk.exit.strategy, lifeboat::domain::provider::ExitStrategy::Accept);
    assert_eq!(mailgun.risk.scenarios.len(), 7, "new providers get the catalogue's failure modes");
    assert_eq!(score(&mailgun.risk).inherent_level, None, "a sheet without scores imports a Not assessed provider");
}

fn fourth_party(register: &Register, name: &str) -> bool {
    register.provider_by_name(name).unwrap().unwrap().profile.fourth_party
}

#[test]
fn a_fourth_party_round_trips_and_a_sheet_without_the_column_leaves_it_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let mut first = Register::open_in_memory().unwrap();
    for (name, is_fourth) in [("AWS us-east-1", true), ("Postmark", false)] {
        let mut draft = first.new_draft().unwrap();
        draft.profile.name = name.into();
        draft.profile.fourth_party = is_fourth;
        first.create_provider(&draft, today()).unwrap();
    }
    export_to(&first, &tmp.path().join("one"));
    let providers = String::from_utf8(read(&tmp.path().join("one"), "providers.csv")).unwrap();
    assert!(providers.lines().next().unwrap().contains(",Status,Fourth party,"), "{providers}");

    let mut second = Register::open_in_memory().unwrap();
    import::apply(&mut second, &tmp.path().join("one"), &ImportOptions::default(), today()).unwrap();
    assert!(fourth_party(&second, "AWS us-east-1") && !fourth_party(&second, "Postmark"));

    // An export from before fourth parties, or a hand-kept sheet, has no such column.
    let older = tmp.path().join("older.csv");
    std::fs::write(&older, "Provider,Notes\r\nAWS us-east-1,Seen in Postmark's subprocessor list\r\nNew Co,\r\n").unwrap();
    import::apply(&mut second, &older, &ImportOptions::default(), today()).unwrap();
    assert!(fourth_party(&second, "AWS us-east-1"), "an update without the column keeps it");
    assert!(!fourth_party(&second, "New Co"), "a new provider without the column is one we contract with");

    let says_no = tmp.path().join("says-no.csv");
    std::fs::write(&says_no, "Provider,Fourth party\r\nAWS us-east-1,no\r\n").unwrap();
    let preview = import::preview(&second, &says_no, &ImportOptions::default(), today()).unwrap();
    let changes: Vec<(&str, &str, &str)> =
        preview.updated[0].changes.iter().map(|c| (c.field.as_str(), c.from.as_str(), c.to.as_str())).collect();
    assert_eq!(changes, [("Fourth party", "yes", "no")]);
    import::apply(&mut second, &says_no, &ImportOptions::default(), today()).unwrap();
    assert!(!fourth_party(&second, "AWS us-east-1"));
}

fn hash(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// Runs `lifeboat import` on `file` (written with `content`), expecting refusal with a message
/// that contains every piece of `expect`, and the register unchanged.
fn refused(content: &[u8], file_name: &str, extra: &[(&str, &[u8])], expect: &[&str]) {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let before = hash(&db);
    let source = if extra.is_empty() {
        let p = tmp.path().join(file_name);
        std::fs::write(&p, content).unwrap();
        p
    } else {
        let dir = tmp.path().join("export");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join(file_name), content).unwrap();
        for (name, bytes) in extra {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        dir
    };
    for dry in [true, false] {
        let mut args: Vec<&OsStr> = vec!["import".as_ref(), source.as_os_str(), "--db".as_ref(), db.as_os_str()];
        if dry {
            args.push("--dry-run".as_ref());
        }
        let out = run(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "dry run {dry}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one line on stderr: {stderr}");
        for piece in expect {
            assert!(stderr.contains(piece), "{piece:?} not in {stderr:?}");
        }
        assert_eq!(hash(&db), before, "the register changed");
    }
    // The library says the same, with structure for the UI.
    let register = Register::open(&db).unwrap();
    let preview = import::preview(&register, &source, &ImportOptions::default(), today()).unwrap();
    assert!(!preview.can_apply());
}

#[test]
fn a_header_without_a_provider_column_is_refused() {
    refused(b"Colour,Size\r\nred,big\r\n", "providers.csv", &[], &["providers.csv, row 1:", "no Provider"]);
}

#[test]
fn a_bad_number_is_refused_with_its_cell() {
    refused(b"Provider,Tier\r\nAlpha,abc\r\n", "sheet.csv", &[], &["sheet.csv, row 2, column B (Tier)", "Tier must be 1 to 4"]);
}

#[test]
fn a_score_out_of_range_is_refused_with_its_cell() {
    refused(b"Provider,Lock-in\r\nAlpha,7\r\n", "sheet.csv", &[], &["row 2, column B (Lock-in)", "between 1 and 5, not 7"]);
    refused(
        b"Provider\r\nAlpha\r\n",
        "providers.csv",
        &[("scenarios.csv", b"Provider,Failure mode,Likelihood,Impact\r\nAlpha,Outage,9,3\r\n")],
        &["scenarios.csv, row 2, column C (Likelihood)", "not 9"],
    );
}

#[test]
fn half_a_score_is_refused_at_the_empty_cell() {
    refused(
        b"Provider\r\nAlpha\r\n",
        "providers.csv",
        &[("scenarios.csv", b"Provider,Failure mode,Likelihood,Impact\r\nAlpha,Outage,3,\r\n")],
        &["scenarios.csv, row 2, column D (Impact)", "Impact is needed once a likelihood is set"],
    );
}

#[test]
fn duplicate_names_are_refused() {
    refused(
        b"Provider,Owner\r\nAlpha,a\r\nBeta,b\r\nALPHA ,c\r\n",
        "sheet.csv",
        &[],
        &["row 4, column A (Provider)", "listed twice (first on row 2)"],
    );
}

#[test]
fn an_unterminated_quote_is_refused() {
    refused(
        b"Provider,Notes\r\nAlpha,ok\r\nBeta,\"never closed\r\nGamma,x\r\n",
        "sheet.csv",
        &[],
        &["row 3, column B (Notes)", "never closed"],
    );
}

#[test]
fn invalid_utf8_is_refused() {
    refused(b"Provider,Notes\r\nAlpha,caf\xe9\r\n", "sheet.csv", &[], &["row 2, column B (Notes)", "UTF-8"]);
}

#[test]
fn an_empty_file_is_refused() {
    refused(b"", "sheet.csv", &[], &["sheet.csv:", "empty"]);
}

#[test]
fn a_50_mb_file_is_refused_unread() {
    let mut big = b"Provider,Notes\r\n".to_vec();
    let line = format!("Filler,{}\r\n", "x".repeat(1000));
    while big.len() < 50 * 1000 * 1000 {
        big.extend_from_slice(line.as_bytes());
    }
    refused(&big, "big.csv", &[], &["big.csv:", "refused"]);
}

#[test]
fn rows_that_name_unknown_providers_are_refused() {
    refused(
        b"Provider\r\nAlpha\r\n",
        "providers.csv",
        &[("scenarios.csv", b"Provider,Failure mode,Likelihood,Impact\r\nGhost,Outage,2,3\r\n")],
        &["scenarios.csv, row 2, column A", "\"Ghost\" is not in providers.csv"],
    );
}

#[test]
fn a_missing_path_is_refused_as_bad_input() {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let before = hash(&db);
    let missing = tmp.path().join("no-such.csv");
    let out = run(&["import".as_ref(), missing.as_os_str(), "--db".as_ref(), db.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("There is no such file or folder."));
    assert_eq!(hash(&db), before);
}

#[test]
fn reimporting_an_identical_export_leaves_the_register_file_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let dir = tmp.path().join("export");
    {
        let register = Register::open(&db).unwrap();
        export_to(&register, &dir);
    }
    let before = hash(&db);
    let out = run(&["import".as_ref(), dir.as_os_str(), "--db".as_ref(), db.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Unchanged {}", NAMES.len())));
    assert_eq!(hash(&db), before);
}

#[test]
fn an_assessment_dated_in_the_future_is_refused() {
    // It would become the current assessment and hide every edit until that day.
    refused(
        b"Provider\r\nAlpha\r\n",
        "providers.csv",
        &[("history.csv", b"Provider,Assessed on,Failure mode,Likelihood,Impact\r\nAlpha,2999-01-01,Outage,2,3\r\n")],
        &["history.csv, row 2, column B", "2999-01-01 is in the future"],
    );
}

/// The demo register (services, dependencies, fourth parties), plus a service and links whose
/// text looks like formulas.
fn demo_with_services() -> Register {
    use lifeboat::domain::services::dependency::{Dependency, Effect};
    use lifeboat::domain::services::service::ServiceDraft;
    let mut register = Register::open_in_memory().unwrap();
    lifeboat::demo::load(&mut register, today()).unwrap();
    let draft = ServiceDraft {
        name: "=Ledger sync".into(),
        owner: "-Finance".into(),
        description: "@night\nsecond line".into(),
        downtime_cost_per_hour: Some(1234.5),
        degraded_share: 0.29,
        rto_hours: Some(0.5),
        retired: true,
    };
    let ledger = register.add_service(&draft, fixture::day(2025, 2, 28)).unwrap();
    let stripe = register.provider_by_name("Stripe").unwrap().unwrap();
    register
        .set_dependency(&Dependency {
            service_id: ledger.id,
            provider_id: stripe.id,
            when_down: Effect::Unaffected,
            when_degraded: Effect::Degraded,
            note: "+queue, \"replayed\"".into(),
        })
        .unwrap();
    register
}

#[test]
fn services_and_what_depends_on_what_round_trip_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let source = demo_with_services();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    export_to(&source, &one);

    let services = String::from_utf8(read(&one, "services.csv")).unwrap();
    assert!(services.starts_with(
        "Service,Owner,Description,Cost of downtime per hour,Cost when degraded (% of downtime),RTO (hours),Retired,Created on\r\n"
    ));
    assert!(services.contains("'=Ledger sync,'-Finance,\"'@night\nsecond line\",1234.5,29,0.5,TRUE,2025-02-28\r\n"), "{services}");
    let dependencies = String::from_utf8(read(&one, "dependencies.csv")).unwrap();
    assert!(dependencies.starts_with("Service,Provider,When provider is down,When provider is degraded,Note\r\n"));
    assert!(dependencies.contains("'=Ledger sync,Stripe,Unaffected,Degraded,\"'+queue, \"\"replayed\"\"\"\r\n"), "{dependencies}");
    let runs_on = String::from_utf8(read(&one, "runs_on.csv")).unwrap();
    assert!(runs_on.starts_with("Provider,Runs on\r\n") && runs_on.contains(",AWS us-east-1\r\n"), "{runs_on}");

    let mut copy = Register::open_in_memory().unwrap();
    let preview = import::apply(&mut copy, &one, &ImportOptions::default(), today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    for file in ["services.csv", "dependencies.csv", "runs_on.csv"] {
        assert!(preview.files.iter().any(|f| f == file), "{file} read: {:?}", preview.files);
    }
    export_to(&copy, &two);
    for name in TableName::ALL.map(TableName::csv_file) {
        let (a, b) = (read(&one, name), read(&two, name));
        assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b), "{name} differs after a round trip");
    }
    assert_eq!(copy.services().unwrap().len(), source.services().unwrap().len());
    assert_eq!(copy.dependencies().unwrap().len(), source.dependencies().unwrap().len());
    assert_eq!(copy.runs_on().unwrap().len(), source.runs_on().unwrap().len());
    let (a, b) = (source.concentration().unwrap(), copy.concentration().unwrap());
    assert_eq!(a.findings, b.findings, "blast radius and concentration come back the same");
    let ledger = copy.services().unwrap().into_iter().find(|s| s.draft.name == "=Ledger sync").unwrap();
    assert_eq!(ledger.draft.degraded_share, 0.29, "the share reads back exactly from its percent");
}

#[test]
fn an_import_that_updates_keeps_services_and_links_it_does_not_mention() {
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open_in_memory().unwrap();
    lifeboat::demo::load(&mut register, today()).unwrap();
    let (services, dependencies, runs_on) = (register.services().unwrap(), register.dependencies().unwrap(), register.runs_on().unwrap());
    let dir = tmp.path().join("edited");
    export_to(&register, &dir);
    // The sheet is trimmed to one service (with a new cost), one link (now an off switch) and
    // one runs-on link: what it leaves out stays.
    let keep_first = |file: &str, edit: &dyn Fn(&str) -> String| {
        let text = String::from_utf8(read(&dir, file)).unwrap();
        let mut lines = text.split("\r\n");
        let header = lines.next().unwrap().to_string();
        let first = edit(lines.next().unwrap());
        std::fs::write(dir.join(file), format!("{header}\r\n{first}\r\n")).unwrap();
        first
    };
    let service_row = keep_first("services.csv", &|row| {
        let mut cells: Vec<String> = row.split(',').map(String::from).collect();
        cells[3] = "99999".into();
        cells.join(",")
    });
    let service_name = service_row.split(',').next().unwrap().to_string();
    let link_row = keep_first("dependencies.csv", &|row| {
        let mut cells: Vec<&str> = row.splitn(5, ',').collect();
        cells[2] = "unaffected";
        cells.join(",")
    });
    keep_first("runs_on.csv", &|row| row.to_string());
    let preview = import::apply(&mut register, &dir, &ImportOptions::default(), today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);

    let after = register.services().unwrap();
    assert_eq!(after.len(), services.len(), "no service dropped");
    let changed = after.iter().find(|s| s.draft.name == service_name).unwrap();
    assert_eq!(changed.draft.downtime_cost_per_hour, Some(99999.0));
    assert_eq!(register.dependencies().unwrap().len(), dependencies.len(), "no link dropped");
    let (service, provider) = (link_row.split(',').next().unwrap(), link_row.split(',').nth(1).unwrap());
    let service_id = after.iter().find(|s| s.draft.name == service).unwrap().id;
    let provider_id = register.provider_by_name(provider).unwrap().unwrap().id;
    let link = register.dependencies().unwrap().into_iter().find(|d| d.service_id == service_id && d.provider_id == provider_id).unwrap();
    assert_eq!(link.when_down, lifeboat::domain::services::dependency::Effect::Unaffected);
    assert_eq!(register.runs_on().unwrap(), runs_on, "no runs-on link dropped");
}

#[test]
fn bad_services_and_links_are_refused_with_file_row_and_column() {
    let providers = b"Provider,Fourth party\r\nStripe,FALSE\r\nPostmark,FALSE\r\nAWS us-east-1,TRUE\r\n";
    let services = "Service,Cost of downtime per hour,Cost when degraded (% of downtime),RTO (hours)\r\n\
                    Checkout,27000,50,2\r\nSign-in,lots,150,-1\r\n";
    refused(
        providers,
        "providers.csv",
        &[("services.csv", services.as_bytes())],
        &["services.csv, row 3, column B (Cost of downtime per hour)"],
    );
    let messages = |extra: &[(&str, &[u8])]| -> Vec<String> {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("export");
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("providers.csv"), providers).unwrap();
        for (name, bytes) in extra {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        let register = Register::open_in_memory().unwrap();
        let preview = import::preview(&register, &dir, &ImportOptions::default(), today()).unwrap();
        preview.rejected.iter().map(ToString::to_string).collect()
    };
    let problems = messages(&[("services.csv", services.as_bytes())]);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[1].contains("row 3, column C (Cost when degraded (% of downtime))"), "{problems:#?}");
    assert!(problems[2].contains("row 3, column D (RTO (hours))") && problems[2].contains("cannot be negative"), "{problems:#?}");

    let dependencies = "Service,Provider,When provider is down,When provider is degraded,Note\r\n\
                        Checkout,Stripe,down,sometimes,\r\nCheckout,Adyen,down,down,\r\nReports,Stripe,down,down,\r\n";
    let problems = messages(&[
        ("services.csv", b"Service,Cost of downtime per hour\r\nCheckout,27000\r\n"),
        ("dependencies.csv", dependencies.as_bytes()),
    ]);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].starts_with("dependencies.csv, row 2, column D (When provider is degraded)"), "{problems:#?}");
    assert!(problems[0].contains("\"sometimes\""), "{problems:#?}");
    assert!(problems[1].starts_with("dependencies.csv, row 3, column B (Provider)") && problems[1].contains("\"Adyen\""), "{problems:#?}");
    assert!(problems[2].starts_with("dependencies.csv, row 4, column A (Service)") && problems[2].contains("\"Reports\""), "{problems:#?}");

    let runs_on = "Provider,Runs on\r\nStripe,Postmark\r\nPostmark,AWS us-east-1\r\nAWS us-east-1,Stripe\r\nPostmark,Nowhere\r\n";
    let problems = messages(&[("runs_on.csv", runs_on.as_bytes())]);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(
        problems[0],
        "runs_on.csv, row 4, column B (Runs on): That would make a loop: AWS us-east-1 runs on Stripe runs on Postmark runs on AWS us-east-1."
    );
    assert!(problems[1].starts_with("runs_on.csv, row 5, column B (Runs on)") && problems[1].contains("\"Nowhere\""), "{problems:#?}");

    // services.csv imported on its own is told apart from a hand-kept providers sheet.
    refused(services.as_bytes(), "services.csv", &[], &["services.csv, row 1:", "Lifeboat's services.csv"]);
}

#[test]
fn reimporting_the_demo_export_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("demo.lifeboat");
    let dir = tmp.path().join("export");
    {
        let mut register = Register::open(&db).unwrap();
        lifeboat::demo::load(&mut register, today()).unwrap();
        export_to(&register, &dir);
    }
    let before = hash(&db);
    let mut register = Register::open(&db).unwrap();
    let preview = import::apply(&mut register, &dir, &ImportOptions::default(), today()).unwrap();
    assert!(preview.rejected.is_empty() && preview.created.is_empty() && preview.updated.is_empty(), "{preview:?}");
    drop(register);
    assert_eq!(hash(&db), before, "every service, dependency and runs-on link was recognised");

    // The same check sees a changed link: it is written.
    let text = String::from_utf8(read(&dir, "dependencies.csv")).unwrap();
    let (header, rows) = text.split_once("\r\n").unwrap();
    let first = rows.split("\r\n").next().unwrap();
    let mut cells: Vec<&str> = first.splitn(5, ',').collect();
    cells[3] = if cells[3] == "Down" { "Unaffected" } else { "Down" };
    std::fs::write(dir.join("dependencies.csv"), format!("{header}\r\n{}\r\n", cells.join(","))).unwrap();
    let mut register = Register::open(&db).unwrap();
    import::apply(&mut register, &dir, &ImportOptions::default(), today()).unwrap();
    drop(register);
    assert_ne!(hash(&db), before);
}

#[test]
fn a_history_longer_than_a_read_page_is_written_whole_and_in_order() {
    // 150 providers × 8 assessments: more snapshots than the export reads from SQLite at a time.
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open(&tmp.path().join("long.lifeboat")).unwrap();
    lifeboat::demo::synthetic(&mut register, 150, 8, today()).unwrap();
    let snapshots = register.all_snapshots().unwrap();
    assert!(snapshots.len() > 1_000, "{}", snapshots.len());
    export_to(&register, &tmp.path().join("out"));

    let names: std::collections::HashMap<_, _> = register.providers().unwrap().into_iter().map(|p| (p.id, p.profile.name)).collect();
    let expected: Vec<(String, String)> = snapshots.iter().map(|s| (names[&s.provider_id].clone(), s.taken_on.to_string())).collect();
    let mut written: Vec<(String, String)> =
        history_rows(&tmp.path().join("out")).into_iter().skip(1).map(|r| (r[0].clone(), r[1].clone())).collect();
    written.dedup();
    assert_eq!(written, expected, "one run of rows per assessment, by provider then date");

    import_export(&tmp.path().join("out"), &tmp.path().join("again"));
    let again = Register::open(&tmp.path().join("again.lifeboat")).unwrap();
    assert_eq!(assessments(&again), assessments(&register), "every assessment reads back");
}
