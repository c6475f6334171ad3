//! Money at risk in the worksheet: loss.csv and the workbook's Money sheet carry every input and
//! figure and bring the user's overrides back; the PDF's Money at risk page reads the figures.

mod fixture;

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{open_workbook, Data, Reader, Xlsx};
use fixture::today;
use lifeboat::domain::money::inputs::{InputField, MoneyOverride, Override};
use lifeboat::storage::Register;
use lifeboat::worksheet::csv::{self, CsvOptions};
use lifeboat::worksheet::import::{self, ImportOptions};
use lifeboat::worksheet::money::money;
use lifeboat::worksheet::{pdf, xlsx, Paper, WorksheetError, WorksheetInput};

/// A note a spreadsheet would run as a formula, were it not kept inert.
const NOTE: &str = "=SUM(A1) Finance's figure: two card-processing outages a year, 2025 board pack";

/// The demo register with two of the user's overrides: Stripe's outage frequency (both ends,
/// with a formula-looking note) and the high end of its price increase's loss per event.
fn demo() -> Register {
    let mut register = Register::open_in_memory().unwrap();
    lifeboat::demo::load(&mut register, today()).unwrap();
    let stripe = register.provider_by_name("Stripe").unwrap().unwrap().id;
    let modes: Vec<String> = register
        .money_inputs(today())
        .unwrap()
        .0
        .iter()
        .find(|p| p.provider_id == stripe)
        .unwrap()
        .modes
        .iter()
        .map(|m| m.mode.clone())
        .collect();
    let outage = modes.iter().find(|m| m.to_lowercase().contains("outage")).unwrap().clone();
    let price = modes.iter().find(|m| m.to_lowercase().contains("price")).unwrap().clone();
    let set = |register: &mut Register, mode: &str, field, low, high, note: &str| {
        let o = MoneyOverride { provider_id: stripe, mode: mode.into(), field, values: Override { low, high, note: note.into() } };
        register.set_money_override(&o, today()).unwrap();
    };
    set(&mut register, &outage, InputField::Frequency, Some(1.5), Some(3.0), NOTE);
    set(&mut register, &price, InputField::LossPerEvent, None, Some(90_000.0), "Capped by the new contract");
    register
}

fn csv_export(register: &Register, dir: &Path) {
    csv::export(register, dir, CsvOptions::default(), today()).unwrap();
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// Overrides by provider name, so that two registers compare whatever their ids.
fn overrides(register: &Register) -> Vec<(String, String, InputField, Override)> {
    let names: std::collections::HashMap<_, _> = register.providers().unwrap().into_iter().map(|p| (p.id, p.profile.name)).collect();
    let mut v: Vec<_> =
        register.money_overrides().unwrap().into_iter().map(|o| (names[&o.provider_id].clone(), o.mode, o.field, o.values)).collect();
    v.sort_by(|a, b| (&a.0, &a.1, a.2.key()).cmp(&(&b.0, &b.1, b.2.key())));
    v
}

fn header_index(text: &str, header: &str) -> usize {
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    reader.headers().unwrap().iter().position(|h| h == header).unwrap_or_else(|| panic!("no {header} column"))
}

#[test]
fn loss_csv_lists_every_input_and_figure_and_keeps_the_note_inert() {
    let register = demo();
    let dir = tempfile::tempdir().unwrap();
    csv_export(&register, dir.path());
    let text = read(&dir.path().join("loss.csv"));
    let (inputs, _) = register.money_inputs(today()).unwrap();
    let modes: usize = inputs.iter().map(|p| p.modes.len()).sum();
    assert_eq!(text.lines().count(), 1 + modes, "a row per provider and failure mode");
    let header = text.lines().next().unwrap();
    for h in [
        "Provider",
        "Failure mode",
        "Frequency low (a year)",
        "Frequency from",
        "Frequency on defaults",
        "Your frequency low",
        "Your frequency note",
        "Loss per event low",
        "Your loss per event high",
        "Mode expected annual loss",
        "Provider expected annual loss",
        "Provider 1-in-20-year loss",
        "Provider 1-in-100-year loss",
    ] {
        assert!(header.contains(h), "{h} in {header}");
    }
    assert!(text.contains(&format!("'{NOTE}")), "the formula-looking note is written inert");
    assert!(text.contains("read as its band") && text.contains("Blast radius USD 18,000 an hour"), "sources are in words");
    let results = WorksheetInput::from_register(&register, today()).unwrap().money;
    let stripe = results.providers.iter().find(|p| p.name == "Stripe").unwrap();
    let row = text.lines().find(|l| l.starts_with("Stripe,")).unwrap();
    assert!(row.contains(&format!(",{},", stripe.figures.expected.round())), "Stripe's expected annual loss on its rows: {row}");
}

#[test]
fn csv_export_imports_back_into_a_fresh_register_with_the_overrides() {
    let source = demo();
    let tmp = tempfile::tempdir().unwrap();
    let (first, second) = (tmp.path().join("first"), tmp.path().join("second"));
    csv_export(&source, &first);

    let mut copy = Register::open_in_memory().unwrap();
    let preview = import::preview(&copy, &first, &ImportOptions::default(), today()).unwrap();
    assert!(preview.files.iter().any(|f| f == "loss.csv"), "{:?}", preview.files);
    assert_eq!((preview.overrides_added, preview.overrides_changed, preview.overrides_unchanged), (2, 0, 0));
    import::apply(&mut copy, &first, &ImportOptions::default(), today()).unwrap();
    assert_eq!(overrides(&copy), overrides(&source), "every override with its note, the formula-looking one included");

    csv_export(&copy, &second);
    assert_eq!(read(&second.join("loss.csv")), read(&first.join("loss.csv")), "loss.csv is the same after export → import → export");

    // Importing the same files again changes nothing.
    let again = import::preview(&copy, &first, &ImportOptions::default(), today()).unwrap();
    assert_eq!((again.overrides_added, again.overrides_changed, again.overrides_unchanged), (0, 0, 2));
}

fn money_sheet(path: &Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range("Money").unwrap().rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn the_workbook_money_sheet_imports_back_into_a_fresh_register() {
    let source = demo();
    let tmp = tempfile::tempdir().unwrap();
    let first: PathBuf = tmp.path().join("first.xlsx");
    xlsx::export(&source, &first, today()).unwrap();
    let rows = money_sheet(&first);
    let expected_at = rows[0].iter().position(|c| *c == Data::String("Provider expected annual loss".into())).unwrap();
    assert!(rows[1..].iter().all(|r| matches!(r[expected_at], Data::Float(_))), "figures are numbers");
    assert!(rows.iter().any(|r| r.contains(&Data::String(NOTE.into()))), "the note is plain text, no quote");

    let mut copy = Register::open_in_memory().unwrap();
    let preview = import::apply(&mut copy, &first, &ImportOptions::default(), today()).unwrap();
    assert_eq!(preview.overrides_added, 2);
    assert_eq!(overrides(&copy), overrides(&source));
    let second = tmp.path().join("second.xlsx");
    xlsx::export(&copy, &second, today()).unwrap();
    assert_eq!(money_sheet(&second), rows, "the Money sheet is the same after export → import → export");
}

/// Rewrites one cell of loss.csv: the first row of `provider`, column `header`.
fn edit(dir: &Path, provider: &str, header: &str, value: &str) -> u64 {
    let path = dir.join("loss.csv");
    let text = read(&path);
    let at = header_index(&text, header);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.write_record(&headers).unwrap();
    let mut edited = None;
    for (i, record) in reader.records().enumerate() {
        let mut cells: Vec<String> = record.unwrap().iter().map(String::from).collect();
        if edited.is_none() && cells[0] == provider {
            cells[at] = value.into();
            edited = Some(i as u64 + 2);
        }
        out.write_record(&cells).unwrap();
    }
    std::fs::write(&path, out.into_inner().unwrap()).unwrap();
    edited.expect("the provider has a row")
}

#[test]
fn a_bad_override_cell_is_refused_by_its_cell_and_nothing_is_written() {
    let source = demo();
    let tmp = tempfile::tempdir().unwrap();
    csv_export(&source, tmp.path());
    let row = edit(tmp.path(), "Datadog", "Your loss per event low", "lots");

    let mut copy = Register::open_in_memory().unwrap();
    let err = import::apply(&mut copy, tmp.path(), &ImportOptions::default(), today()).unwrap_err();
    let WorksheetError::Rejected { problems } = err else { panic!("refused, not {err}") };
    let p = problems.iter().find(|p| p.file == "loss.csv").unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!((p.row, p.column_name.as_deref()), (Some(row), Some("Your loss per event low")), "{p}");
    assert!(p.message.contains("must be a number") && p.message.contains("lots"), "{p}");
    assert!(copy.providers().unwrap().is_empty() && copy.money_overrides().unwrap().is_empty(), "nothing written");

    // An unknown failure mode, and an end above the other, are named the same way.
    csv_export(&source, tmp.path());
    let row = edit(tmp.path(), "Datadog", "Failure mode", "Meteor strike");
    let second = edit(tmp.path(), "Stripe", "Your frequency low", "9");
    let WorksheetError::Rejected { problems } = import::apply(&mut copy, tmp.path(), &ImportOptions::default(), today()).unwrap_err()
    else {
        panic!("refused")
    };
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(shown.iter().any(|p| p.starts_with(&format!("loss.csv, row {row}, column B (Failure mode): Datadog has no failure mode \"Meteor strike\""))), "{shown:?}");
    assert!(
        shown.iter().any(|p| p.starts_with(&format!("loss.csv, row {second}"))
            && p.contains("(Your frequency low)")
            && p.contains("above the high end")),
        "{shown:?}"
    );
    assert!(copy.providers().unwrap().is_empty(), "nothing written");
}

fn pdftotext(path: &Path) -> Vec<String> {
    let out = Command::new("pdftotext").args(["-enc", "UTF-8", "-layout", path.to_str().unwrap(), "-"]).output().expect("pdftotext");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().split('\u{c}').map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect()
}

#[test]
fn the_money_page_follows_the_summary_with_the_register_figures() {
    let register = demo();
    let input = WorksheetInput::from_register(&register, today()).unwrap();
    let bytes = pdf::render(&input, Paper::A4).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pdf");
    std::fs::write(&path, &bytes).unwrap();
    if let Some(keep) = std::env::var_os("WORKSHEET_PDF_KEEP") {
        std::fs::write(keep, &bytes).unwrap();
    }
    let pages = pdftotext(&path);
    let at = pages.iter().position(|p| p.starts_with("Money at risk")).expect("a money page");
    let services_at = pages.iter().position(|p| p.starts_with("Services and what they need")).unwrap();
    assert!(pages[at - 1].contains("Contracts renewing within 90 days") && at < services_at, "right after the summary");
    let page = &pages[at];
    let m = &input.money;
    let cur = m.currency.as_str();
    for figure in [m.register.expected, m.register.one_in_20, m.register.one_in_100] {
        let said = money(figure, cur);
        assert!(said.contains(','), "thousands separators: {said}");
        assert!(page.contains(&said), "{said} on the money page: {page}");
    }
    assert!(
        page.contains(&format!("In a normal year the register's failures would cost about {}", money(m.register.expected, cur))),
        "{page}"
    );
    assert!(page.contains("log scale") && page.contains("1 year in 100"), "the curve with its log money axis: {page}");
    let mut ranked = m.providers.clone();
    ranked.sort_by(|a, b| b.figures.expected.total_cmp(&a.figures.expected));
    let top = &ranked[0];
    assert!(page.contains(&format!("{} {}", top.name, money(top.figures.expected, cur))), "the top provider and its EAL: {page}");
    assert!(page.contains(&m.tail[0].name), "the providers of the worst years");
    assert!(page.contains("rest on default assumptions") && page.contains("not priced"), "{page}");

    // Stripe's page: its figures, each mode's inputs, the user's note in words.
    let first = pages.iter().position(|p| p.starts_with("Stripe ")).unwrap();
    let stripe = &pages[first..].iter().take_while(|p| p.starts_with("Stripe")).cloned().collect::<Vec<_>>().join(" ");
    let s = m.providers.iter().find(|p| p.name == "Stripe").unwrap();
    assert!(stripe.contains(&format!("Expected {} a year", money(s.figures.expected, cur))), "{stripe}");
    assert!(stripe.contains("1.5–3 a year") && stripe.contains("=SUM(A1) Finance's figure"), "{stripe}");
    assert!(stripe.contains("rests on a default assumption"), "the mark is explained: {stripe}");
}

#[test]
fn loss_csv_imported_on_its_own_is_told_apart_from_a_providers_sheet() {
    let register = demo();
    let dir = tempfile::tempdir().unwrap();
    csv_export(&register, dir.path());
    let mut empty = Register::open_in_memory().unwrap();
    let err = import::apply(&mut empty, &dir.path().join("loss.csv"), &ImportOptions::default(), today()).unwrap_err();
    assert!(err.to_string().contains("This is Lifeboat's loss.csv, which belongs with the providers it names"), "{err}");
    assert!(empty.providers().unwrap().is_empty());
}
