//! Importing the spreadsheets CTOs really keep: CSV with free text and lists, Excel and
//! OpenDocument workbooks laid out by hand (a title above the header, wide per-failure-mode
//! ratings, several sheets), remapped columns, and updates that never lose what the register
//! already holds.

mod fixture;

use std::path::{Path, PathBuf};

use fixture::{day, run, today};
use lifeboat::domain::provider::{ExitStrategy, Readiness};
use lifeboat::storage::Register;
use lifeboat::worksheet::import::{self, ColumnChoice, ImportOptions, ImportPreview, ReadingSource};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn demo_register(dir: &Path) -> PathBuf {
    let path = dir.join("demo.lifeboat");
    let mut register = Register::open(&path).unwrap();
    lifeboat::demo::load(&mut register, today()).unwrap();
    path
}

/// The kind of sheet people keep: a byte-order mark, CRLF, a quoted newline, non-Latin names,
/// free text after choices, lists in one cell, and no score columns at all.
const HAND_KEPT: &str = "\u{feff}Vendor,What it does,Owner,Exit strategy,Alternatives,Annual cost\r\n\
Stripe,\"Card payments\nand payouts\",Finance,Prepare exit: keep card vault export tested,Adyen; Braintree,\"€48,000\"\r\n\
AWS,Hosting,Platform,\"Mitigate: multi-AZ, degrade S3 features behind flags\",,\r\n\
Postmark,Transactional email,Platform,Keep a live alternative,SendGrid (live integration); Amazon SES,\"1,200\"\r\n\
Ωmega Pay,Payouts in the EU,Finance,Accept,,\r\n\
株式会社サンプル,Invoices,Finance,Talk to finance first,,\r\n";

fn names(preview: &ImportPreview) -> Vec<&str> {
    preview.updated.iter().map(|u| u.name.as_str()).collect()
}

#[test]
fn a_hand_kept_sheet_updates_the_demo_register_without_losing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_register(dir.path());
    let sheet = dir.path().join("sheet.csv");
    std::fs::write(&sheet, HAND_KEPT).unwrap();
    let mut register = Register::open(&db).unwrap();
    let stripe_before = register.provider_by_name("Stripe").unwrap().unwrap();
    let exposure = |r: &Register, name: &str| r.register_rows(today()).unwrap().into_iter().find(|row| row.name == name).unwrap().exposure;
    let stripe_exposure = exposure(&register, "Stripe");

    let preview = import::preview(&register, &sheet, &ImportOptions::default(), today()).unwrap();
    assert!(preview.can_apply(), "{:#?}", preview.rejected);
    assert_eq!(preview.created, ["Ωmega Pay", "株式会社サンプル"]);
    assert_eq!(names(&preview), ["Stripe", "AWS", "Postmark"]);
    let stripe = &preview.updated[0];
    let change =
        |field: &str| stripe.changes.iter().find(|c| c.field == field).unwrap_or_else(|| panic!("{field} in {:#?}", stripe.changes));
    assert_eq!((change("Annual spend").from.as_str(), change("Annual spend").to.as_str()), ("312000", "48000"));
    assert_eq!(change("Exit plan").from, stripe_before.risk.exit.plan);
    assert_eq!(change("Exit plan").to, format!("{}\nkeep card vault export tested", stripe_before.risk.exit.plan));
    assert!(stripe.changes.iter().all(|c| c.field != "Alternatives"), "Adyen and Braintree are already listed: {:#?}", stripe.changes);
    assert!(preview.warnings.iter().any(|w| w.row == Some(6) && w.message.contains("kept in the exit plan")), "{:#?}", preview.warnings);

    import::apply(&mut register, &sheet, &ImportOptions::default(), today()).unwrap();
    let stripe_after = register.provider_by_name("Stripe").unwrap().unwrap();
    assert_eq!(stripe_after.risk.exit.strategy, ExitStrategy::PrepareExit);
    assert_eq!(stripe_after.profile.value_provided, "Card payments\nand payouts");
    assert_eq!(stripe_after.risk.alternatives, stripe_before.risk.alternatives, "no alternative lost or downgraded");
    assert!(stripe_after.risk.alternatives.iter().any(|a| a.name == "Adyen" && a.readiness == Readiness::Contracted));
    assert_eq!(stripe_after.risk.scenarios, stripe_before.risk.scenarios, "the sheet scores nothing, so no score changes");
    assert_eq!(exposure(&register, "Stripe"), stripe_exposure);
    let postmark = register.provider_by_name("Postmark").unwrap().unwrap();
    let alternative = |name: &str| postmark.risk.alternatives.iter().find(|a| a.name == name).map(|a| a.readiness);
    assert_eq!(alternative("SendGrid"), Some(Readiness::Live));
    assert_eq!(alternative("Amazon SES"), Some(Readiness::Live), "a bare name keeps the readiness the register has");
    let aws = register.provider_by_name("AWS").unwrap().unwrap();
    assert_eq!(aws.risk.exit.strategy, ExitStrategy::Mitigate);
    assert!(aws.risk.exit.plan.ends_with("\nmulti-AZ, degrade S3 features behind flags"), "{}", aws.risk.exit.plan);
    let sample = register.provider_by_name("株式会社サンプル").unwrap().unwrap();
    assert_eq!(sample.risk.exit.plan, "Talk to finance first");
    // A sheet without scores brings its new providers in as Not assessed, never as a made-up Low.
    let rows = register.register_rows(today()).unwrap();
    for name in ["Ωmega Pay", "株式会社サンプル"] {
        let row = rows.iter().find(|r| r.name == name).unwrap();
        assert_eq!((row.inherent_level, row.exposure), (None, None), "{name}");
    }

    // The same sheet again changes nothing.
    let again = import::preview(&register, &sheet, &ImportOptions::default(), today()).unwrap();
    assert!(again.created.is_empty() && again.updated.is_empty(), "{:#?}", again.updated);
    assert_eq!(again.unchanged.len(), 5);
}

#[test]
fn the_dry_run_prints_each_column_and_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_register(dir.path());
    let sheet = dir.path().join("sheet.csv");
    std::fs::write(&sheet, HAND_KEPT).unwrap();
    let out = run(&["import".as_ref(), sheet.as_os_str(), "--dry-run".as_ref(), "--db".as_ref(), db.as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    for line in [
        "Columns:",
        "A   Vendor",
        "→ Provider",
        "→ Value provided",
        "Would update 3:",
        "  Stripe",
        "    Annual spend: \"312000\" → \"48000\"",
        "    Alternatives: \"Amazon SES (Live integration)\" → \"Amazon SES (Live integration); SendGrid (Live integration)\"",
        "Would create 2: Ωmega Pay, 株式会社サンプル",
    ] {
        assert!(stdout.contains(line), "{line:?} not in:\n{stdout}");
    }
}

/// A hand-kept Excel worksheet: a title above the header, one rating per failure mode in words,
/// a likelihood and impact pair, a date cell and a date typed as a serial number.
fn wide_workbook(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Vendors").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write(0, 0, "Vendor risk register — 2026").unwrap();
    let header =
        ["Vendor", "Category", "Renewal date", "Outage", "Degradation", "Price increase likelihood", "Price increase impact", "Tier"];
    for (c, h) in header.iter().enumerate() {
        sheet.write(2, c as u16, *h).unwrap();
    }
    let rows: [(&str, &str, &str, &str, &str, &str, f64); 3] = [
        ("Acme Mail", "Email: transactional", "High", "Low", "Likely", "Major", 2.0),
        ("Zürich Storage", "Storage", "Critical", "Medium", "2", "3", 1.0),
        ("Тест Аналитика", "Analytics", "n/a", "Low", "", "", 4.0),
    ];
    for (i, (name, category, outage, degradation, likelihood, impact, tier)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        sheet.write(r, 0, *name).unwrap();
        sheet.write(r, 1, *category).unwrap();
        sheet.write(r, 3, *outage).unwrap();
        sheet.write(r, 4, *degradation).unwrap();
        sheet.write(r, 5, *likelihood).unwrap();
        sheet.write(r, 6, *impact).unwrap();
        sheet.write(r, 7, *tier).unwrap();
    }
    sheet.write_with_format(3, 2, ExcelDateTime::from_ymd(2027, 1, 31).unwrap(), &date).unwrap();
    sheet.write(4, 2, 46095).unwrap(); // 2026-03-14, typed as the serial Excel keeps
    book.save(path).unwrap();
}

#[test]
fn a_wide_workbook_reads_ratings_words_dates_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("vendors.xlsx");
    wide_workbook(&book);
    let mut register = Register::open_in_memory().unwrap();
    let preview = import::preview(&register, &book, &ImportOptions::default(), today()).unwrap();
    assert!(preview.can_apply(), "{:#?}", preview.rejected);
    assert_eq!(preview.files, ["vendors.xlsx, sheet Vendors"]);
    let readings: Vec<Option<&str>> = preview.columns.iter().map(|c| c.reading.as_deref()).collect();
    assert_eq!(
        readings,
        [
            Some("Provider"),
            Some("Category"),
            Some("Renewal date"),
            Some("Outage rating"),
            Some("Degradation rating"),
            Some("Price increase likelihood"),
            Some("Price increase impact"),
            Some("Tier")
        ]
    );
    let outage_warning = preview.warnings.iter().find(|w| w.column == Some(4)).expect("a warning for the Outage column");
    assert_eq!(outage_warning.row, Some(3), "the header is on row 3, below the title");
    assert!(outage_warning.message.contains("2 × 2, 3 × 3, 4 × 4 and 5 × 5"), "{}", outage_warning.message);

    import::apply(&mut register, &book, &ImportOptions::default(), today()).unwrap();
    let acme = register.provider_by_name("Acme Mail").unwrap().unwrap();
    let score = |p: &lifeboat::domain::provider::Provider, mode: &str| {
        let s = p.risk.scenarios.iter().find(|s| s.mode == mode).unwrap();
        (s.likelihood, s.impact)
    };
    assert_eq!(score(&acme, "Outage"), (Some(4), Some(4)));
    assert_eq!(score(&acme, "Degradation"), (Some(2), Some(2)));
    assert_eq!(score(&acme, "Price increase"), (Some(4), Some(4)));
    assert_eq!(score(&acme, "Provider failure"), (None, None), "a mode the sheet does not score stays unscored, not 1 × 1");
    assert_eq!(acme.profile.renewal_date, Some(day(2027, 1, 31)));
    assert_eq!(acme.profile.tier, 2);
    assert_eq!(acme.profile.notes, "Category: transactional");
    let zurich = register.provider_by_name("Zürich Storage").unwrap().unwrap();
    assert_eq!(zurich.profile.renewal_date, Some(day(2026, 3, 14)));
    assert_eq!(score(&zurich, "Outage"), (Some(5), Some(5)));
    assert_eq!(score(&zurich, "Price increase"), (Some(2), Some(3)));
}

#[test]
fn a_bad_rating_is_refused_naming_the_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ratings.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Risks").unwrap();
    sheet.write_row(0, 0, ["Provider", "Outage"]).unwrap();
    sheet.write_row(1, 0, ["Acme", "High"]).unwrap();
    sheet.write_row(2, 0, ["Beta", "Purple"]).unwrap();
    book.save(&path).unwrap();
    let db = dir.path().join("r.lifeboat");
    Register::open(&db).unwrap();
    let before = std::fs::read(&db).unwrap();
    let out = run(&["import".as_ref(), path.as_os_str(), "--db".as_ref(), db.as_os_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("ratings.xlsx, sheet Risks, row 3, column B (Outage): \"Purple\" is not a rating"), "{stderr}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "nothing written");
}

#[test]
fn the_sheet_to_read_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two sheets.xlsx");
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("Read me").unwrap();
    notes.write(0, 0, "Kept by the platform team; review quarterly.").unwrap();
    let list = book.add_worksheet().set_name("Providers list").unwrap();
    list.write_row(0, 0, ["Supplier", "Owner"]).unwrap();
    list.write_row(1, 0, ["Acme", "Ops"]).unwrap();
    book.save(&path).unwrap();
    let register = Register::open_in_memory().unwrap();

    let first = import::preview(&register, &path, &ImportOptions::default(), today()).unwrap();
    assert_eq!(first.sheets, ["Read me", "Providers list"]);
    assert_eq!(first.sheet.as_deref(), Some("Read me"));
    assert!(first.rejected.iter().any(|p| p.file == "two sheets.xlsx, sheet Read me" && p.message.contains("no Provider column")));

    let chosen = ImportOptions { sheet: Some("Providers list".into()), columns: Vec::new() };
    let second = import::preview(&register, &path, &chosen, today()).unwrap();
    assert!(second.can_apply(), "{:#?}", second.rejected);
    assert_eq!(second.created, ["Acme"]);

    let missing = ImportOptions { sheet: Some("Vendors".into()), columns: Vec::new() };
    let refused = import::preview(&register, &path, &missing, today()).unwrap();
    assert!(refused.rejected[0].message.contains("no sheet \"Vendors\"; its sheets are Read me, Providers list"), "{:?}", refused.rejected);

    let dir_db = dir.path().join("x.lifeboat");
    let out =
        run(&["import".as_ref(), path.as_os_str(), "--sheet".as_ref(), "Providers list".as_ref(), "--db".as_ref(), dir_db.as_os_str()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(Register::open(&dir_db).unwrap().provider_by_name("Acme").unwrap().is_some());
}

#[test]
fn a_column_can_be_remapped_or_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("crit.csv");
    std::fs::write(&sheet, "Vendor,Crit,Internal ID,Exit notes\r\nAcme,1,X-17,Move to the backup provider\r\n").unwrap();
    let mut register = Register::open_in_memory().unwrap();

    let plain = import::preview(&register, &sheet, &ImportOptions::default(), today()).unwrap();
    assert_eq!(plain.columns[1].source, ReadingSource::NotRecognised);
    assert!(plain.warnings.iter().any(|w| w.column == Some(2) && w.message.contains("not recognised")));

    let choices: Vec<ColumnChoice> = ["Crit=Tier", "Internal ID=ignore", "D=Exit plan"].iter().map(|c| c.parse().unwrap()).collect();
    let options = ImportOptions { sheet: None, columns: choices };
    let mapped = import::preview(&register, &sheet, &options, today()).unwrap();
    assert_eq!(mapped.columns[1].reading.as_deref(), Some("Tier"));
    assert_eq!(mapped.columns[1].source, ReadingSource::Chosen);
    assert_eq!(mapped.columns[2].reading, None);
    assert_eq!(mapped.columns[3].reading.as_deref(), Some("Exit plan"));
    import::apply(&mut register, &sheet, &options, today()).unwrap();
    let acme = register.provider_by_name("Acme").unwrap().unwrap();
    assert_eq!((acme.profile.tier, acme.risk.exit.plan.as_str()), (1, "Move to the backup provider"));

    let wrong = ImportOptions { sheet: None, columns: vec!["Crit=Favourite colour".parse().unwrap()] };
    let refused = import::preview(&register, &sheet, &wrong, today()).unwrap();
    assert!(refused.rejected[0].message.contains("cannot be read as \"Favourite colour\""), "{:?}", refused.rejected);

    let out = run(&["import".as_ref(), sheet.as_os_str(), "--map".as_ref(), "Crit=Tier".as_ref(), "--dry-run".as_ref()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Crit") && stdout.contains("→ Tier (as chosen)"), "{stdout}");
    let bad = run(&["import".as_ref(), sheet.as_os_str(), "--map".as_ref(), "Crit".as_ref(), "--dry-run".as_ref()]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn an_opendocument_sheet_reads_like_the_workbook() {
    // Made from a workbook like `wide_workbook` by LibreOffice (soffice --convert-to ods).
    let ods = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/vendors.ods");
    let mut register = Register::open_in_memory().unwrap();
    let preview = import::preview(&register, &ods, &ImportOptions::default(), today()).unwrap();
    assert!(preview.can_apply(), "{:#?}", preview.rejected);
    assert_eq!(preview.created.len(), 3);
    import::apply(&mut register, &ods, &ImportOptions::default(), today()).unwrap();
    let acme = register.provider_by_name("Acme Mail").unwrap().unwrap();
    assert_eq!(acme.profile.renewal_date, Some(day(2027, 1, 31)));
    assert_eq!(acme.risk.scenarios.iter().find(|s| s.mode == "Outage").map(|s| (s.likelihood, s.impact)), Some((Some(4), Some(4))));
}

#[test]
#[ignore = "writes tests/data/vendors.xlsx for LibreOffice to turn into the committed vendors.ods"]
fn write_the_opendocument_source() {
    wide_workbook(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/vendors.xlsx"));
}

#[test]
fn half_a_score_is_refused_at_the_empty_cell() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("half.csv");
    std::fs::write(&sheet, "Provider,Outage likelihood,Outage impact\r\nAcme,3,\r\nBeta,2,4\r\n").unwrap();
    let register = Register::open_in_memory().unwrap();
    let preview = import::preview(&register, &sheet, &ImportOptions::default(), today()).unwrap();
    let located: Vec<String> = preview.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(located.len(), 1, "{located:#?}");
    assert!(located[0].starts_with("half.csv, row 2, column C (Outage impact): Impact is needed"), "{located:#?}");
}

#[test]
fn words_after_a_choice_join_the_sheets_notes_once() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("notes.csv");
    std::fs::write(&sheet, "Provider,Category,Notes\r\nAcme,Email: transactional only,Ask Dana first\r\n").unwrap();
    let mut register = Register::open_in_memory().unwrap();
    import::apply(&mut register, &sheet, &ImportOptions::default(), today()).unwrap();
    let acme = register.provider_by_name("Acme").unwrap().unwrap();
    assert_eq!(acme.profile.notes, "Ask Dana first\nCategory: transactional only");
    let again = import::preview(&register, &sheet, &ImportOptions::default(), today()).unwrap();
    assert_eq!(again.unchanged, ["Acme"], "{:#?}", again.updated);
}
