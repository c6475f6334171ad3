//! Importing a hand-kept workbook in the real window: the preview shows how each column was
//! read, a column is read otherwise, and the providers arrive in the register.

use std::path::Path;

use chrono::NaiveDate;
use lifeboat::storage::Register;
use rust_xlsxwriter::Workbook;

use crate::webdriver::App;

const IMPORT_DAY: &str = "2026-03-02";
const YANDEX: &str = "Яндекс Облако";

/// A register that already knows Stripe (with nothing but its name), so the import updates it.
fn register_with_stripe(path: &Path) {
    let mut register = Register::open(path).unwrap();
    let mut draft = register.new_draft().unwrap();
    draft.profile.name = "Stripe".into();
    register.create_provider(&draft, NaiveDate::from_ymd_opt(2025, 9, 1).unwrap()).unwrap();
}

/// A workbook as people keep it by hand: a title above the header row, wide Outage ratings in
/// words, a choice with its explanation in one cell, an ID column Lifeboat does not know, and a
/// second sheet.
fn hand_kept_workbook(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Vendors").unwrap();
    sheet.write_string(0, 0, "Vendor risk register (kept by the CTO)").unwrap();
    let rows: [[&str; 6]; 4] = [
        ["Vendor", "What it does", "Exit strategy", "Alternatives", "Outage", "Internal ID"],
        ["Stripe", "Card payments", "Prepare exit: keep card vault export tested", "Adyen", "High", "V-001"],
        [YANDEX, "Cloud hosting for the EU", "Accept", "", "Low", "V-002"],
        ["Postmark", "Transactional email", "Keep a live alternative", "SendGrid (live integration); Amazon SES", "Low", "V-003"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *text).unwrap();
        }
    }
    let contacts = book.add_worksheet().set_name("Contacts").unwrap();
    contacts.write_string(0, 0, "Account manager").unwrap();
    book.save(path).unwrap();
}

fn column(letter: &str) -> String {
    format!("[data-testid=\"import-column\"][data-letter=\"{letter}\"]")
}

#[test]
fn e2e_a_hand_kept_workbook_is_previewed_remapped_and_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("import.lifeboat");
    let xlsx = dir.path().join("vendors.xlsx");
    register_with_stripe(&db);
    hand_kept_workbook(&xlsx);

    // The native file chooser is out of WebDriver's reach; the app is told the file instead.
    let app = App::launch_with_env(&db, IMPORT_DAY, &[("LIFEBOAT_E2E_IMPORT_FILE", xlsx.to_str().unwrap())]);
    app.find("tr[data-provider-name=\"Stripe\"]");
    app.find("[data-testid=\"import-button\"]").click();
    app.find("[data-testid=\"import-file\"]").click();

    // How the columns were read: Vendor is the provider, Outage its rating, Internal ID unknown.
    app.find("[data-testid=\"import-preview\"]");
    app.wait_text(&format!("{} [data-testid=\"column-header\"]", column("A")), "Vendor");
    assert_eq!(app.find(&format!("{} select", column("A"))).value(), "Provider");
    app.wait_text(&format!("{} [data-testid=\"column-header\"]", column("E")), "Outage");
    assert_eq!(app.find(&format!("{} select", column("E"))).value(), "Outage rating");
    app.wait_text(&format!("{} [data-testid=\"column-source\"]", column("F")), "Not recognised");
    assert_eq!(app.find(&format!("{} select", column("F"))).value(), "");
    assert_eq!(app.find("select[name=\"import-sheet\"]").value(), "Vendors");
    app.wait_text("[data-testid=\"import-created\"] h3", "Will create 2");
    app.wait_text("[data-testid=\"import-updated\"] h3", "Will update 1");
    app.find("[data-testid=\"import-change\"][data-field=\"Exit strategy\"]");
    app.wait_count("[data-testid=\"import-change\"][data-field=\"Notes\"]", 0);

    // Reading Internal ID as the notes previews again: the column is the user's choice now and
    // Stripe's notes would change.
    app.select("column-F", "Notes");
    app.wait_text(&format!("{} [data-testid=\"column-source\"]", column("F")), "Your choice");
    let notes = "[data-testid=\"import-change\"][data-field=\"Notes\"]";
    assert_eq!(app.find(&format!("{notes} .from")).text_content().trim(), "—");
    assert_eq!(app.find(&format!("{notes} .to")).text_content().trim(), "V-001");
    assert_eq!(app.find(&format!("{} select", column("F"))).value(), "Notes");
    app.screenshot("import-01-preview");
    // Clicking the warnings' heading scrolls the dialog down to the changes and warnings.
    app.find("[data-testid=\"import-warnings\"] h3").click();
    app.screenshot("import-02-preview-changes");

    app.find("[data-testid=\"apply-import\"]").click();
    app.wait_count("[data-testid=\"import-preview\"]", 0);
    for name in ["Stripe", YANDEX, "Postmark"] {
        app.find(&format!("tr[data-provider-name=\"{name}\"]"));
    }
    app.wait_count("[data-testid=\"register-table\"] tbody tr", 3);
    app.screenshot("import-03-register");

    // The remapped column arrived: Stripe's notes hold its internal ID.
    app.find("tr[data-provider-name=\"Stripe\"] td:first-child").click();
    app.wait_text("[data-testid=\"provider-title\"]", "Stripe");
    assert_eq!(app.find("[name=\"profile.notes\"]").value(), "V-001");
}
