//! The PDF worksheet, checked the way a reader would: text extracted with pdftotext, fonts with
//! pdffonts, pages with pdfinfo.

mod fixture;

use std::process::Command;

use fixture::{fill, today, NAMES};
use lifeboat::domain::scoring::Level;
use lifeboat::storage::Register;
use lifeboat::worksheet::input::PreviousReview;
use lifeboat::worksheet::{pdf, Paper, WorksheetInput};

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| panic!("{name} is needed for this test: {e}"));
    assert!(out.status.success(), "{name} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn fixture_pdf(paper: Paper) -> (tempfile::TempDir, std::path::PathBuf, Register) {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("r.lifeboat")).unwrap();
    fill(&mut register);
    let path = dir.path().join("worksheet.pdf");
    pdf::export(&register, &path, paper, today()).unwrap();
    if let Some(keep) = std::env::var_os("WORKSHEET_PDF_KEEP") {
        std::fs::copy(&path, keep).unwrap();
    }
    (dir, path, register)
}

#[test]
fn every_provider_name_and_level_is_in_the_text() {
    let (_dir, path, register) = fixture_pdf(Paper::A4);
    let text = tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"]);
    for name in NAMES {
        assert!(text.contains(name), "{name:?} missing from the PDF text");
    }
    for row in register.register_rows(today()).unwrap() {
        assert!(text.contains(Level::label_of(row.inherent_level)));
    }
    for needle in ["Page 1 of", "generated 2026-11-22", "Reviews overdue", "Contracts renewing within 90 days", "€", "£", "→", "≥", "•"]
    {
        assert!(text.contains(needle), "{needle:?} missing");
    }
    // The fixture's unscored provider is counted apart and kept off the heat map, in words.
    assert!(text.contains("1 Not assessed provider is left off."), "the heat map says what it leaves off");
    assert!(text.contains("Not assessed: no failure mode has been scored."), "its page explains why it has no level");
}

#[test]
fn the_file_is_dated_when_it_was_made() {
    let (_dir, path, _) = fixture_pdf(Paper::A4);
    let info = tool("pdfinfo", &["-isodates", path.to_str().unwrap()]);
    let year = chrono::Utc::now().format("%Y").to_string();
    for field in ["CreationDate:", "ModDate:"] {
        let line = info.lines().find(|l| l.starts_with(field)).unwrap_or_else(|| panic!("no {field} in {info}"));
        assert!(line.contains(&year) && !line.contains("1970"), "{line}");
    }
}

#[test]
fn the_font_is_embedded_and_subset() {
    let (_dir, path, _) = fixture_pdf(Paper::A4);
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(rows.len(), 2, "{fonts}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap();
        assert!(name.len() > 7 && name.as_bytes()[6] == b'+' && name[..6].bytes().all(|b| b.is_ascii_uppercase()), "{row}");
        assert!(row.contains("yes yes"), "not embedded and subset: {row}");
    }
}

#[test]
fn pages_are_summary_money_table_and_each_provider_with_bookmarks() {
    let (_dir, path, register) = fixture_pdf(Paper::A4);
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!(info.contains("595.28 x 841.89"), "{info}");
    // Bookmarks: the summary, Money at risk, the register table, and each provider, whose page
    // may run onto a second one (its money section is long) without a bookmark of its own.
    let bytes = std::fs::read(&path).unwrap();
    let outline_entries = bytes.windows(5).filter(|w| w == b"/Dest").count();
    let providers = register.provider_count().unwrap();
    assert_eq!(outline_entries, 3 + providers);
    assert!((3 + providers..=3 + 2 * providers).contains(&pages), "{info}");
    let texts: Vec<String> = (1..=pages).map(|n| text_of(&path, Some(n))).collect();
    assert!(texts[1].starts_with("Money at risk"), "the money page follows the summary: {}", texts[1]);
    assert!(texts[2].starts_with("Register"), "then the register table: {}", texts[2]);
}

#[test]
fn letter_paper_is_letter_sized() {
    let (_dir, path, _) = fixture_pdf(Paper::Letter);
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("612 x 792"), "{info}");
}

#[test]
fn changes_are_shown_only_when_given() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("r.lifeboat")).unwrap();
    fill(&mut register);
    let mut input = WorksheetInput::from_register(&register, today()).unwrap();
    let render = |input: &WorksheetInput| {
        let path = dir.path().join("w.pdf");
        std::fs::write(&path, pdf::render(input, Paper::A4).unwrap()).unwrap();
        tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
    };
    assert!(!render(&input).contains("Changes since"));
    input.changes = Some(lifeboat::worksheet::Changes {
        since: "Q3 review (2026-08-14)".into(),
        lines: vec![lifeboat::worksheet::ChangeLine {
            provider: "Stripe".into(),
            change: "Exposure 9.6 → 12.8".into(),
            from: Some(Level::Medium),
            to: Some(Level::High),
        }],
    });
    let text = render(&input);
    assert!(text.contains("Changes since Q3 review (2026-08-14)"));
    assert!(text.contains("Exposure 9.6 → 12.8"));
}

fn text_of(path: &std::path::Path, page: Option<usize>) -> String {
    let p = path.to_str().unwrap();
    match page {
        Some(n) => tool("pdftotext", &["-enc", "UTF-8", "-f", &n.to_string(), "-l", &n.to_string(), p, "-"]),
        None => tool("pdftotext", &["-enc", "UTF-8", p, "-"]),
    }
}

fn page_count(path: &std::path::Path) -> usize {
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

#[test]
fn long_text_continues_on_the_next_page_and_nothing_is_cut() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("r.lifeboat")).unwrap();
    let mut draft = register.new_draft().unwrap();
    draft.profile.name = "Verbose Vendor".into();
    draft.profile.notes = format!("{} END-OF-NOTES", "Plenty of words about the contract and its history. ".repeat(380));
    draft.risk.scenarios[0].note = format!("{} END-OF-SCENARIO-NOTE", "Failover drill notes. ".repeat(300));
    draft.profile.value_provided = format!("Unbroken{}", "x".repeat(400));
    register.create_provider(&draft, today()).unwrap();
    let path = dir.path().join("long.pdf");
    pdf::export(&register, &path, Paper::Letter, today()).unwrap();
    let text = text_of(&path, None);
    assert!(text.contains("END-OF-NOTES") && text.contains("END-OF-SCENARIO-NOTE"));
    let xs = text.chars().filter(|&c| c == 'x').count();
    assert!(xs >= 400, "the unbroken word lost characters: {xs}");
    assert!(page_count(&path) > 4);
    assert!(text.contains("Verbose Vendor (continued)"));
}

#[test]
fn the_register_table_repeats_its_header_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("r.lifeboat")).unwrap();
    lifeboat::demo::synthetic(&mut register, 70, 2, today()).unwrap();
    let path = dir.path().join("big.pdf");
    pdf::export(&register, &path, Paper::A4, today()).unwrap();
    let pages = page_count(&path);
    assert!(text_of(&path, Some(2)).starts_with("Money at risk"), "the money page comes before the table");
    let table_pages: Vec<usize> = (3..=pages)
        .take_while(|&n| {
            let t = text_of(&path, Some(n));
            n == 3 || t.contains("Register (continued)")
        })
        .collect();
    assert!(table_pages.len() >= 2, "70 providers need more than one table page: {}", text_of(&path, Some(3)));
    for &n in &table_pages {
        let t = text_of(&path, Some(n));
        assert!(t.contains("Best") && t.contains("Next review"), "page {n} has no table header");
    }
    // The summary, the money page, the table, then a page (or two) per provider.
    let bookmarks = std::fs::read(&path).unwrap().windows(5).filter(|w| w == b"/Dest").count();
    assert_eq!(bookmarks, 3 + 70);
    assert!(pages >= 2 + table_pages.len() + 70, "{pages}");
}

/// The fixture with its incidents and drills, rendered; `previous` is the review the summary
/// counts incidents from.
fn evidence_text(previous: Option<chrono::NaiveDate>) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("r.lifeboat")).unwrap();
    fill(&mut register);
    fixture::fill_evidence(&mut register);
    let mut input = WorksheetInput::from_register(&register, today()).unwrap();
    input.previous_review = previous.map(|held_on| PreviousReview { label: format!("Q3 review ({held_on})"), held_on });
    let path = dir.path().join("w.pdf");
    std::fs::write(&path, pdf::render(&input, Paper::A4).unwrap()).unwrap();
    if let Some(keep) = std::env::var_os("WORKSHEET_PDF_EVIDENCE_KEEP") {
        std::fs::copy(&path, keep).unwrap();
    }
    // -raw keeps each table row's cells together, in reading order.
    tool("pdftotext", &["-enc", "UTF-8", "-raw", path.to_str().unwrap(), "-"])
}

#[test]
fn provider_pages_list_recent_incidents_and_the_drill_log() {
    let text = evidence_text(None);
    assert!(text.contains("Incidents, last 12 months"), "{text}");
    // Stripe's two incidents of the last 12 months, with their times to recover; the one of
    // January 2025 is older than that and left to the CSV.
    assert!(text.contains("2026-10-02 14:05"), "{text}");
    assert!(text.contains("2 h 35 min") && text.contains("Card API returned 502s"), "{text}");
    assert!(text.contains("Customer-facing ·") && text.contains("SLA breached"), "{text}");
    assert!(!text.contains("Dashboard and API down in us-east"), "an incident older than 12 months is not on the page");
    assert!(text.contains("ongoing"), "an unresolved incident says so");
    assert!(text.contains("Exit drills"));
    assert!(text.contains("4 h → 6.5 h · missed"), "a drill slower than its target is flagged: {text}");
    assert!(text.contains("Emergency switch: 6.5 h measured by the drill of 2026-09-15"), "{text}");
    assert!(text.contains("estimated, not yet measured by a drill"), "{text}");
    assert!(text.contains("Recorded before drills"), "a hand-typed date shows as its own kind of drill");
}

#[test]
fn the_summary_names_untested_exits_and_the_providers_hit_since_the_review() {
    let text = evidence_text(Some(fixture::day(2026, 8, 1)));
    let summary = text.split("Page 1 of").next().unwrap();
    for needle in [
        "Exit readiness",
        "Drills overdue",
        "Auth0 (last drilled",
        "Stripe: full switch to the alternative 2026-09-15, 4 h → 6.5 h",
        "Live alternatives never drilled",
        "(MinIO)",
        "(Postmark)",
        "Incidents since the previous review",
        "3 incidents at 3 providers: Datadog (1) · Stripe (1, 1 customer-facing)",
    ] {
        assert!(summary.contains(needle), "{needle:?} not in {summary}");
    }
    let none = evidence_text(Some(today()));
    assert!(none.contains("No incident recorded since Q3 review (2026-11-22)."), "{none}");
    assert!(!evidence_text(None).contains("Incidents since the previous review"), "shown only with a review to count from");
}

/// The demo register's worksheet as text, one string per page, with lines joined by spaces so
/// that wrapped sentences read whole.
fn demo_pages() -> (Register, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("demo.lifeboat")).unwrap();
    lifeboat::demo::load(&mut register, today()).unwrap();
    let path = dir.path().join("demo.pdf");
    pdf::export(&register, &path, Paper::A4, today()).unwrap();
    // As laid out: a form's label and the first line of its value read as one line.
    let text = tool("pdftotext", &["-enc", "UTF-8", "-layout", path.to_str().unwrap(), "-"]);
    let pages = text.split('\u{c}').map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    (register, pages)
}

#[test]
fn the_services_page_lists_each_service_with_its_costs_and_providers() {
    let (register, pages) = demo_pages();
    let at = pages.iter().position(|p| p.starts_with("Services and what they need")).expect("a services page");
    let register_at = pages.iter().position(|p| p.starts_with("Register ")).unwrap();
    assert!(pages[0].starts_with("SERVICE-PROVIDER RISK WORKSHEET") && at > 0 && at < register_at, "after the summary, before the table");
    let services_text = pages[at..].iter().take_while(|p| !p.starts_with("Register")).cloned().collect::<Vec<_>>().join(" ");
    for s in register.services().unwrap().iter().filter(|s| !s.draft.retired) {
        assert!(services_text.contains(&s.draft.name), "{} is on the services page", s.draft.name);
    }
    for needle in [
        "Checkout Down: USD 18,000 an hour · degraded: 40 % of that · RTO 1 h · owner Payments team (Priya Nair)",
        "Provider When it is down When it is degraded Note",
        "Stripe Down Degraded No second acquirer",
        "LaunchDarkly Unaffected (off switch) Unaffected (off switch)",
    ] {
        assert!(services_text.contains(needle), "{needle:?} not in {services_text}");
    }
}

#[test]
fn provider_pages_name_their_blast_radius_and_the_summary_its_concentrations() {
    let (register, pages) = demo_pages();
    // A provider's page and its continuation ("AWS us-east-1 (continued)"), read as one.
    let page_of = |name: &str| {
        let first = pages.iter().position(|p| p.starts_with(&format!("{name} "))).unwrap_or_else(|| panic!("{name}'s page"));
        pages[first..].iter().take_while(|p| p.starts_with(name)).cloned().collect::<Vec<_>>().join(" ")
    };
    let aws = page_of("AWS us-east-1");
    assert!(aws.contains("Blast radius Outage reaches Checkout (down, through Auth0)"), "{aws}");
    let outage = register
        .blast_radius(
            register.provider_by_name("AWS us-east-1").unwrap().unwrap().id,
            lifeboat::domain::services::dependency::Failure::Outage,
        )
        .unwrap();
    let cost = format!("USD {} an hour", group(outage.cost_per_hour));
    assert!(aws.contains(&cost), "{cost} in {aws}");
    assert!(aws.contains("Degradation reaches"), "{aws}");
    let stripe = page_of("Stripe");
    assert!(
        stripe
            .contains("Outage reaches Checkout (down) — USD 18,000 an hour. Degradation reaches Checkout (degraded) — USD 7,200 an hour."),
        "{stripe}"
    );
    assert!(pages.iter().any(|p| p.contains("Outage reaches Nothing of ours depends on it.")), "a provider nothing depends on says so");

    let summary = &pages[0];
    let findings = register.concentration().unwrap().findings;
    assert!(summary.contains(&format!("Concentration • {}", findings[0])), "{summary}");
    assert!(summary.contains(&findings[2]) && !summary.contains(&findings[3]), "the first three findings: {summary}");
}

/// 53270 → "53,270", as the page writes whole amounts.
fn group(amount: f64) -> String {
    let digits = format!("{amount:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A worksheet longer than one run of pages is written as it is laid out, yet reads as one
/// document: every page numbered out of the total, a bookmark for each provider, one subset of
/// each face shared by every page, and a file a reader opens without complaint.
#[test]
fn a_long_worksheet_reads_as_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut register = Register::open(&dir.path().join("r.lifeboat")).unwrap();
    let providers = 50;
    lifeboat::demo::synthetic(&mut register, providers, 2, today()).unwrap();
    let path = dir.path().join("long.pdf");
    pdf::export(&register, &path, Paper::A4, today()).unwrap();

    let checked = Command::new("pdfinfo").arg(&path).output().unwrap();
    assert!(checked.stderr.is_empty(), "the reader complains: {}", String::from_utf8_lossy(&checked.stderr));
    let pages = page_count(&path);
    assert!(pages > 100, "{pages} pages, more than one run of pages");
    let fonts = tool("pdffonts", &[path.to_str().unwrap()]);
    assert_eq!(fonts.lines().skip(2).count(), 2, "{fonts}");
    for n in [1, pages / 2, pages] {
        assert!(text_of(&path, Some(n)).contains(&format!("Page {n} of {pages}")), "page {n}");
    }
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(bytes.windows(5).filter(|w| w == b"/Dest").count(), 3 + providers);
    let text = text_of(&path, None);
    for i in 0..providers {
        assert!(text.contains(&format!("Provider {i:05}")), "Provider {i:05} missing");
    }
}
