//! The headless commands: `lifeboat export` and `lifeboat import`, their exit codes and output.

mod fixture;

use std::ffi::OsStr;

use fixture::{register_file, run};

#[test]
fn help_lists_export_and_import() {
    let out = run(&["--help".as_ref()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for needle in [
        "export --format pdf --out FILE.pdf [--paper a4|letter]",
        "export --format csv --out DIR [--bom]",
        "export --format xlsx --out FILE.xlsx",
        "import PATH [--sheet NAME] [--map COLUMN=FIELD]... [--dry-run]",
        "import-incidents FILE --provider NAME [--dry-run]",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
}

#[test]
fn export_pdf_writes_a_worksheet() {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let pdf = tmp.path().join("board.pdf");
    let out = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "pdf".as_ref(),
        "--paper".as_ref(),
        "letter".as_ref(),
        "--out".as_ref(),
        pdf.as_os_str(),
        "--db".as_ref(),
        db.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

fn export_xlsx(out: &std::path::Path, db: &std::path::Path) -> std::process::Output {
    run(&["export".as_ref(), "--format".as_ref(), "xlsx".as_ref(), "--out".as_ref(), out.as_os_str(), "--db".as_ref(), db.as_os_str()])
}

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn export_xlsx_writes_a_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let book = tmp.path().join("register.xlsx");
    let out = export_xlsx(&book, &db);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Wrote the workbook of {} providers", fixture::NAMES.len())));
    let workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    assert_eq!(
        calamine::Reader::sheet_names(&workbook),
        ["Providers", "Failure modes", "History", "Reviews", "Incidents", "Drills", "Services", "Dependencies", "Runs on", "Money"]
    );
}

#[test]
fn export_xlsx_refuses_a_folder_or_the_register_and_leaves_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let db = register_file(tmp.path());
    let folder = tmp.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let before = (std::fs::read(&db).unwrap(), files_in(tmp.path()));
    for target in [&folder, &db] {
        let out = export_xlsx(target, &db);
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stderr).contains("workbook"), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!((std::fs::read(&db).unwrap(), files_in(tmp.path())), before);
    assert!(files_in(&folder).is_empty());
}

#[test]
fn bad_arguments_and_missing_registers_exit_2_without_creating_files() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope.lifeboat");
    let out_pdf = tmp.path().join("x.pdf");
    let out = run(&[
        "export".as_ref(),
        "--format".as_ref(),
        "pdf".as_ref(),
        "--out".as_ref(),
        out_pdf.as_os_str(),
        "--db".as_ref(),
        missing.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("There is no register"));
    assert!(!missing.exists() && !out_pdf.exists());

    let db = register_file(tmp.path());
    for bad in [
        &["export", "--format", "docx", "--out", "x"][..],
        &["export", "--format", "pdf", "--paper", "a3", "--out", "x"],
        &["export", "--format", "csv"],
        &["import"],
    ] {
        let mut a: Vec<&OsStr> = bad.iter().map(|s| s.as_ref()).collect();
        a.extend(["--db".as_ref(), db.as_os_str()]);
        let out = run(&a);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn a_dry_run_lists_changes_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let sheet = tmp.path().join("sheet.csv");
    std::fs::write(&sheet, "Vendor,Owner,Shoe size\nStripe,Finance,44\nMailgun,Platform,41\n").unwrap();
    let db = tmp.path().join("fresh.lifeboat");
    let out = run(&["import".as_ref(), sheet.as_os_str(), "--dry-run".as_ref(), "--db".as_ref(), db.as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("Would create 2: Stripe, Mailgun"), "{stdout}");
    assert!(stdout.contains("warning: sheet.csv, row 1, column C (Shoe size)"), "{stdout}");
    assert!(!db.exists(), "a dry run must not create the register");

    let out = run(&["import".as_ref(), sheet.as_os_str(), "--db".as_ref(), db.as_os_str()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Created 2: Stripe, Mailgun"));
    let out = run(&["import".as_ref(), sheet.as_os_str(), "--dry-run".as_ref(), "--db".as_ref(), db.as_os_str()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Unchanged 2: Stripe, Mailgun"));
}
