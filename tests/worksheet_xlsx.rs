//! The Excel workbook: the same tables as the CSV files, with numbers as numbers, dates as dates
//! and formula-looking text kept as plain text, never a formula.

mod fixture;

use std::path::{Path, PathBuf};

use calamine::{open_workbook, Data, Reader, Xlsx};
use fixture::{day, fill, fill_evidence, today};
use lifeboat::storage::Register;
use lifeboat::worksheet::csv::{self, CsvOptions};
use lifeboat::worksheet::{xlsx, Cell, WorksheetError};

const SHEETS: [&str; 10] =
    ["Providers", "Failure modes", "History", "Reviews", "Incidents", "Drills", "Services", "Dependencies", "Runs on", "Money"];
const CSV_FILES: [&str; 10] = [
    "providers.csv",
    "scenarios.csv",
    "history.csv",
    "reviews.csv",
    "incidents.csv",
    "drills.csv",
    "services.csv",
    "dependencies.csv",
    "runs_on.csv",
    "loss.csv",
];
const FORMULA_LIKE: [&str; 4] = ["=HYPERLINK(\"http://x\")", "+1 555", "@SUM(A1)", "-x"];

/// The demo register, plus providers named and described like formulas.
fn demo_register() -> Register {
    let mut register = Register::open_in_memory().unwrap();
    lifeboat::demo::load(&mut register, today()).unwrap();
    for name in FORMULA_LIKE {
        let mut draft = register.new_draft().unwrap();
        draft.profile.name = name.into();
        draft.profile.notes = format!("{name}\nsecond line");
        register.create_provider(&draft, day(2026, 6, 1)).unwrap();
        let service = lifeboat::domain::services::service::ServiceDraft {
            name: name.into(),
            description: format!("{name}\nsecond line"),
            downtime_cost_per_hour: Some(1234.5),
            degraded_share: 0.29,
            ..lifeboat::domain::services::service::ServiceDraft::blank()
        };
        register.add_service(&service, day(2026, 6, 1)).unwrap();
    }
    register
}

fn export(register: &Register, dir: &Path) -> PathBuf {
    let path = dir.join("register.xlsx");
    xlsx::export(register, &path, today()).unwrap();
    path
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap().rows().map(<[Data]>::to_vec).collect()
}

/// A workbook cell as the import sees it.
fn cell(data: &Data) -> Cell<'static> {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(d.as_datetime().expect("a date").date()),
        other => panic!("unexpected cell {other:?}"),
    }
}

fn csv_rows(dir: &Path, file: &str) -> Vec<Vec<String>> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).from_path(dir.join(file)).unwrap();
    reader.records().map(|r| r.unwrap().iter().map(|c| csv::unprotect(c).to_string()).collect()).collect()
}

fn column(rows: &[Vec<Data>], header: &str) -> usize {
    rows[0].iter().position(|h| h == &Data::String(header.into())).unwrap_or_else(|| panic!("no {header} column"))
}

#[test]
fn the_workbook_has_the_nine_sheets_with_the_csv_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let register = demo_register();
    let path = export(&register, tmp.path());
    csv::export(&register, &tmp.path().join("csv"), CsvOptions::default(), today()).unwrap();
    let book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), SHEETS);
    for (sheet_name, file) in SHEETS.iter().zip(CSV_FILES) {
        let header: Vec<Cell> = sheet(&path, sheet_name)[0].iter().map(cell).collect();
        let expected: Vec<Cell> = csv_rows(&tmp.path().join("csv"), file)[0].iter().map(|h| Cell::text(h.clone())).collect();
        assert_eq!(header, expected, "{sheet_name}");
    }
}

/// Every sheet holds what its CSV file holds, cell for cell: the text of every text or date cell,
/// the value of every number (the CSV writes exposure as 4.0, the workbook the number 4).
#[test]
fn every_sheet_holds_what_its_csv_file_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let register = demo_register();
    let path = export(&register, tmp.path());
    csv::export(&register, &tmp.path().join("csv"), CsvOptions::default(), today()).unwrap();
    for (sheet_name, file) in SHEETS.iter().zip(CSV_FILES) {
        let rows = sheet(&path, sheet_name);
        let expected = csv_rows(&tmp.path().join("csv"), file);
        assert_eq!(rows.len(), expected.len(), "{sheet_name} rows");
        for (r, (got, want)) in rows.iter().zip(&expected).enumerate() {
            // calamine trims trailing empty cells off the used range; the CSV writes them.
            let got: Vec<Cell> = (0..want.len()).map(|c| got.get(c).map_or(Cell::Empty, cell)).collect();
            for (c, (got, want)) in got.iter().zip(want).enumerate() {
                match got {
                    Cell::Number(n) => assert_eq!(Some(*n), want.parse::<f64>().ok(), "{sheet_name} row {r} column {c}"),
                    _ => assert_eq!(got.to_text(), want.as_str(), "{sheet_name} row {r} column {c}"),
                }
            }
        }
    }
}

#[test]
fn numbers_are_numbers_and_dates_are_dates() {
    let tmp = tempfile::tempdir().unwrap();
    let register = demo_register();
    let path = export(&register, tmp.path());
    let rows = sheet(&path, "Providers");
    let providers = register.providers().unwrap();
    let (spend, renewal, inherent, exposure, tier) = (
        column(&rows, "Annual spend"),
        column(&rows, "Renewal date"),
        column(&rows, "Inherent risk"),
        column(&rows, "Exposure"),
        column(&rows, "Tier"),
    );
    let mut seen_spend = 0;
    for row in &rows[1..] {
        let name = match &row[0] {
            Data::String(s) => s.clone(),
            other => panic!("name {other:?}"),
        };
        let provider = providers.iter().find(|p| p.profile.name == name).unwrap();
        assert!(matches!(row[tier], Data::Float(_) | Data::Int(_)), "{name}: {:?}", row[tier]);
        // A Not assessed provider has no scores: its cells are empty, never a made-up number.
        let assessed = provider.risk.scenarios.iter().any(|s| s.score().is_some());
        for c in [inherent, exposure] {
            match assessed {
                true => assert!(matches!(row[c], Data::Float(_) | Data::Int(_)), "{name}: {:?}", row[c]),
                false => assert_eq!(row[c], Data::Empty, "{name}"),
            }
        }
        if let Some(value) = provider.profile.annual_spend {
            assert_eq!(cell(&row[spend]), Cell::Number(value), "{name}");
            seen_spend += 1;
        }
        match provider.profile.renewal_date {
            Some(date) => match &row[renewal] {
                Data::DateTime(d) => assert_eq!(d.as_datetime().unwrap().date(), date, "{name}"),
                other => panic!("{name}: renewal {other:?} is not a date"),
            },
            None => assert_eq!(row.get(renewal).cloned().unwrap_or(Data::Empty), Data::Empty),
        }
    }
    assert!(seen_spend > 5, "the demo has spends");

    let history = sheet(&path, "History");
    let assessed = column(&history, "Assessed on");
    let snapshots = register.all_snapshots().unwrap();
    let first_day = snapshots.iter().map(|s| s.taken_on).min().unwrap();
    let days: Vec<_> = history[1..]
        .iter()
        .map(|r| match &r[assessed] {
            Data::DateTime(d) => d.as_datetime().unwrap().date(),
            other => panic!("assessed on {other:?} is not a date"),
        })
        .collect();
    assert_eq!(days.iter().min(), Some(&first_day));
    for (sheet_name, header) in [("Failure modes", "Likelihood"), ("Failure modes", "Score"), ("History", "Impact")] {
        let rows = sheet(&path, sheet_name);
        let c = column(&rows, header);
        // Every cell is a number, or empty for a failure mode nobody has scored.
        assert!(rows[1..].iter().all(|r| matches!(r[c], Data::Float(_) | Data::Int(_) | Data::Empty)), "{sheet_name} {header}");
        assert!(
            rows[1..].iter().filter(|r| matches!(r[c], Data::Float(_) | Data::Int(_))).count() > rows.len() / 2,
            "{sheet_name} {header}"
        );
    }
}

#[test]
fn formula_looking_text_is_a_plain_string_and_no_cell_is_a_formula() {
    let tmp = tempfile::tempdir().unwrap();
    let path = export(&demo_register(), tmp.path());
    let rows = sheet(&path, "Providers");
    let notes = column(&rows, "Notes");
    for name in FORMULA_LIKE {
        let row = rows.iter().find(|r| r[0] == Data::String(name.into())).unwrap_or_else(|| panic!("{name} is not a string cell"));
        assert_eq!(row[notes], Data::String(format!("{name}\nsecond line")));
    }
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    for name in SHEETS {
        let formulas = book.worksheet_formula(name).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "{name} has a formula");
    }
}

/// Text a workbook's XML could bend: its escape for characters XML cannot hold (`_x0041_`), and
/// carriage returns, which XML readers turn into plain newlines unless they are escaped.
#[test]
fn text_reads_back_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let mut register = Register::open_in_memory().unwrap();
    let mut draft = register.new_draft().unwrap();
    draft.profile.name = "Mail_x0041_er <b>&amp;</b>".into();
    draft.profile.notes = "Windows\r\nline\ttab  two spaces ".into();
    register.create_provider(&draft, day(2026, 6, 1)).unwrap();
    let rows = sheet(&export(&register, tmp.path()), "Providers");
    let notes = column(&rows, "Notes");
    assert_eq!(rows[1][0], Data::String("Mail_x0041_er <b>&amp;</b>".into()));
    assert_eq!(rows[1][notes], Data::String("Windows\r\nline\ttab  two spaces ".into()));
}

#[test]
fn an_empty_register_gives_the_headers_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let register = Register::open_in_memory().unwrap();
    let path = export(&register, tmp.path());
    for name in SHEETS {
        assert_eq!(sheet(&path, name).len(), 1, "{name}");
    }
}

#[test]
fn a_folder_or_the_register_itself_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("r.lifeboat");
    let register = Register::open(&db).unwrap();
    let before = std::fs::read(&db).unwrap();
    let folder = tmp.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    for target in [folder.clone(), db.clone()] {
        let err = xlsx::export(&register, &target, today()).unwrap_err();
        assert!(matches!(err, WorksheetError::Target(_)), "{err}");
        assert!(err.is_refusal());
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    let mut left: Vec<String> =
        std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert!(left.iter().all(|f| !f.contains("partial") && !f.ends_with(".xlsx")), "{left:?}");
}

#[test]
fn exporting_again_replaces_the_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("register.xlsx");
    std::fs::write(&path, b"old").unwrap();
    let register = demo_register();
    xlsx::export(&register, &path, today()).unwrap();
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1, "no partial file left");
}

/// Export → import into an empty register → export gives the same sheets, evidence included.
fn round_trip(source: &Register) {
    let tmp = tempfile::tempdir().unwrap();
    let first = tmp.path().join("first");
    std::fs::create_dir(&first).unwrap();
    let book = export(source, &first);

    let mut copy = Register::open_in_memory().unwrap();
    let preview = lifeboat::worksheet::import::apply(&mut copy, &book, &Default::default(), today()).unwrap();
    assert_eq!(preview.sheet.as_deref(), Some("Providers"), "a Lifeboat workbook is read whole");
    assert_eq!(preview.files.len(), SHEETS.len(), "{:?}", preview.files);
    assert_eq!(preview.created.len(), source.providers().unwrap().len());

    let second = tmp.path().join("second");
    std::fs::create_dir(&second).unwrap();
    let again = export(&copy, &second);
    for name in SHEETS {
        assert_eq!(sheet(&again, name), sheet(&book, name), "sheet {name} differs after export → import → export");
    }
    assert_eq!(copy.reviews().unwrap().len(), source.reviews().unwrap().len());
    assert_eq!(copy.all_incidents().unwrap().len(), source.all_incidents().unwrap().len());
    assert_eq!(copy.all_drills().unwrap().len(), source.all_drills().unwrap().len());
    let drafts = |r: &Register| r.services().unwrap().into_iter().map(|s| (s.draft, s.created_on)).collect::<Vec<_>>();
    assert_eq!(drafts(&copy), drafts(source), "every service with every field");
    assert_eq!(copy.dependencies().unwrap().len(), source.dependencies().unwrap().len());
    assert_eq!(copy.runs_on().unwrap().len(), source.runs_on().unwrap().len());

    // A second import of the same workbook recognises every incident and drill.
    let again = lifeboat::worksheet::import::apply(&mut copy, &book, &Default::default(), today()).unwrap();
    assert_eq!((again.incidents, again.drills), (0, 0));
}

#[test]
fn a_workbook_imports_back_with_nothing_lost() {
    round_trip(&demo_register());
}

#[test]
fn incidents_and_drills_survive_a_workbook_round_trip() {
    let mut register = Register::open_in_memory().unwrap();
    fill(&mut register);
    fill_evidence(&mut register);
    assert!(!register.all_incidents().unwrap().is_empty());
    round_trip(&register);
    let tmp = tempfile::tempdir().unwrap();
    let book = export(&register, tmp.path());
    let incidents = sheet(&book, "Incidents");
    let summary = column(&incidents, "Summary");
    let card = incidents.iter().find(|r| matches!(&r[summary], Data::String(s) if s.starts_with("Card API"))).unwrap();
    assert_eq!(card[column(&incidents, "Customer-facing")], Data::Bool(true), "yes/no cells are booleans");
    assert_eq!(card[column(&incidents, "Time to recover (minutes)")], Data::Float(155.0), "durations are numbers");
}
