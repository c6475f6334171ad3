//! Worksheet benchmark: full PDF export, CSV and workbook (xlsx) export, and CSV import of
//! synthetic registers of 500 and 5,000 providers with 12 assessments each.
//!
//! `cargo bench --bench register` (optionally `-- 500` to run one size). Each phase runs in a
//! child process of this binary so that its peak memory (VmHWM) is its own. Not a test: it
//! prints figures and never fails on a slow machine. Results are written up in
//! docs/PERFORMANCE.md ("Worksheet").
//!
//! With `REGISTER_BENCH_DIR=<dir>` the registers and exports are made in `<dir>` and kept, so one
//! phase can be run again alone (under a profiler, say):
//! `register-<hash> --phase xlsx-export <dir>/n5000/register.lifeboat <dir>/n5000`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use lifeboat::storage::Register;
use lifeboat::worksheet::csv::{self, CsvOptions};
use lifeboat::worksheet::import::{ImportOptions, ReadCache};
use lifeboat::worksheet::table::RegisterData;
use lifeboat::worksheet::{pdf, xlsx, Paper, WorksheetInput};

const SNAPSHOTS: usize = 12;
/// Runs of each export timed (the CSV and workbook exports are compared); the median is reported.
const RUNS: usize = 5;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Peak resident memory of this process so far, in MiB.
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(f64::NAN)
}

/// Peak resident memory of the largest child process waited for so far, in MiB.
#[allow(unsafe_code)] // getrusage has no safe wrapper in std.
fn children_peak_mib() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) } != 0 {
        return f64::NAN;
    }
    usage.ru_maxrss as f64 / 1024.0
}

/// CPU time (user + system) this process has used, in ms: on a machine shared with other work,
/// wall time grows with contention but CPU time does not.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may contain spaces) start at state (field 3).
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (ticks(11) + ticks(12)) * 10.0
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// The median wall time of `RUNS` runs of `work`, in ms.
fn median_ms(work: impl FnMut()) -> f64 {
    median_of(RUNS, work)
}

/// The median wall time of `runs` runs of `work`, in ms.
fn median_of(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            ms(start)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// An export phase: first `export` once, alone, as the app and the command line call it (so that
/// the peak memory is its own); then the median of `RUNS` more; and, for scale, how long reading
/// every table but the history and the money takes (those two are read as they are written).
fn exports(out: &mut Vec<(String, f64)>, register: &Register, mut export: impl FnMut()) {
    let start = Instant::now();
    export();
    out.push(("export_ms".into(), ms(start)));
    out.push(("export_peak_mib".into(), peak_mib()));
    out.push(("export_fn_median_ms".into(), median_ms(&mut export)));
    let start = Instant::now();
    drop(RegisterData::read(register, today()).unwrap());
    out.push(("read_ms".into(), ms(start)));
}

/// The value of `key=` in a phase's output line.
fn figure(line: &str, key: &str) -> f64 {
    line.split_whitespace().find_map(|kv| kv.strip_prefix(key)?.strip_prefix('=')?.parse().ok()).unwrap_or(f64::NAN)
}

/// Runs one phase in this (child) process and prints `label=value` pairs.
fn phase(name: &str, db: &Path, work: &Path) {
    let mut out: Vec<(String, f64)> = Vec::new();
    let cpu_start = cpu_ms();
    match name {
        "pdf" => {
            // As the app and the command line write it: streamed to the file as it is laid out.
            let register = Register::open(db).unwrap();
            let start = Instant::now();
            let input = WorksheetInput::from_register(&register, today()).unwrap();
            let read = ms(start);
            let input_peak = peak_mib();
            let path = work.join("worksheet.pdf");
            pdf::save(&input, Paper::A4, &path).unwrap();
            let rendered = ms(start);
            out.push(("read_ms".into(), read));
            out.push(("input_peak_mib".into(), input_peak));
            out.push(("render_ms".into(), rendered - read));
            out.push(("total_ms".into(), rendered));
            out.push(("first_peak_mib".into(), peak_mib()));
            let bytes = std::fs::read(&path).unwrap();
            out.push(("pages".into(), count_pages(&bytes) as f64));
            out.push(("mb".into(), bytes.len() as f64 / 1_048_576.0));
            drop((input, bytes));
            out.push(("export_median_ms".into(), median_of(3, || pdf::export(&register, &path, Paper::A4, today()).unwrap())));
        }
        "libreoffice-pdf" => {
            // The anchor for the PDF: LibreOffice turning the CSV export's providers.csv into a
            // table-only PDF, with a profile of its own made by a first, untimed run.
            let profile = format!("-env:UserInstallation=file://{}", work.join("libreoffice-profile").display());
            let convert = || {
                let done = Command::new("soffice")
                    .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
                    .arg(work.join("libreoffice"))
                    .arg(work.join("export").join("providers.csv"))
                    .output()
                    .expect("LibreOffice runs (make bench installs it)");
                assert!(done.status.success(), "soffice: {}", String::from_utf8_lossy(&done.stderr));
            };
            convert();
            out.push(("convert_median_ms".into(), median_of(3, convert)));
            let pdf = std::fs::read(work.join("libreoffice").join("providers.pdf")).unwrap();
            out.push(("pages".into(), count_pages(&pdf) as f64));
            out.push(("children_peak_mib".into(), children_peak_mib()));
        }
        "csv-export" => {
            let register = Register::open(db).unwrap();
            let options = CsvOptions::default();
            let dir = work.join("export");
            exports(&mut out, &register, || drop(csv::export(&register, &dir, options, today()).unwrap()));
            out.push(("history_mb".into(), std::fs::metadata(dir.join("history.csv")).unwrap().len() as f64 / 1_048_576.0));
        }
        "xlsx-export" => {
            let register = Register::open(db).unwrap();
            let book = work.join("register.xlsx");
            exports(&mut out, &register, || xlsx::export(&register, &book, today()).unwrap());
            out.push(("mb".into(), std::fs::metadata(&book).unwrap().len() as f64 / 1_048_576.0));
        }
        "sqlite3-dump" => {
            // The anchor for the CSV export: SQLite's own shell dumping the same providers and
            // snapshots as CSV, as fast as a dump of those rows gets.
            let dump = |table: &str| {
                let file = std::fs::File::create(work.join(format!("sqlite3-{table}.csv"))).unwrap();
                let done = Command::new("sqlite3")
                    .args(["-csv", "-header"])
                    .arg(db)
                    .arg(format!("SELECT * FROM {table}"))
                    .stdout(file)
                    .status()
                    .expect("sqlite3 runs (make bench installs it)");
                assert!(done.success(), "sqlite3 dump of {table}");
            };
            out.push(("dump_median_ms".into(), median_ms(|| ["providers", "snapshots"].into_iter().for_each(dump))));
        }
        "csv-import" | "csv-import-current" | "xlsx-import" => {
            let source = match name {
                "csv-import" => work.join("export"),
                // The workbook the xlsx-export phase wrote: the same four tables as sheets.
                "xlsx-import" => work.join("register.xlsx"),
                _ => {
                    let current = work.join("export-current");
                    std::fs::create_dir_all(&current).unwrap();
                    for f in ["providers.csv", "scenarios.csv"] {
                        std::fs::copy(work.join("export").join(f), current.join(f)).unwrap();
                    }
                    current
                }
            };
            let target = work.join(format!("{name}.lifeboat"));
            let _ = std::fs::remove_file(&target);
            let mut register = Register::open(&target).unwrap();
            // As the app does it: the preview's tables are kept for the apply (the file is unchanged).
            let mut reads = ReadCache::default();
            let whole = Instant::now();
            let start = Instant::now();
            let preview = reads.preview(&register, &source, &ImportOptions::default(), today()).unwrap();
            out.push(("dry_run_ms".into(), ms(start)));
            assert!(preview.can_apply(), "{:?}", preview.rejected.first());
            let start = Instant::now();
            let done = reads.apply(&mut register, &source, &ImportOptions::default(), today()).unwrap();
            out.push(("apply_ms".into(), ms(start)));
            out.push(("import_ms".into(), ms(whole)));
            out.push(("snapshots".into(), done.snapshots as f64));
        }
        other => panic!("unknown phase {other}"),
    }
    out.push(("cpu_ms".into(), cpu_ms() - cpu_start));
    out.push(("peak_mib".into(), peak_mib()));
    let line: Vec<String> = out.iter().map(|(k, v)| format!("{k}={v:.1}")).collect();
    println!("{}", line.join(" "));
}

fn count_pages(pdf: &[u8]) -> usize {
    pdf.windows(10).filter(|w| w == b"/Type /Pag" || w == b"/Type/Page").count().saturating_sub(1)
}

fn run_child(name: &str, db: &Path, work: &Path) -> String {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--phase", name, db.to_str().unwrap(), work.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--phase") {
        phase(&args[i + 1], Path::new(&args[i + 2]), Path::new(&args[i + 3]));
        return;
    }
    let sizes: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![500, 5000] } else { sizes };
    let tmp = tempfile::tempdir().unwrap();
    let root = std::env::var_os("REGISTER_BENCH_DIR").map_or_else(|| tmp.path().to_path_buf(), PathBuf::from);
    for n in sizes {
        let work: PathBuf = root.join(format!("n{n}"));
        std::fs::create_dir_all(&work).unwrap();
        let db = work.join("register.lifeboat");
        let start = Instant::now();
        // A kept directory's register is made afresh, never added to.
        let _ = std::fs::remove_file(&db);
        {
            let mut register = Register::open(&db).unwrap();
            lifeboat::demo::synthetic(&mut register, n, SNAPSHOTS, today()).unwrap();
        }
        println!("{n} providers × {SNAPSHOTS} snapshots (built in {:.0} ms)", ms(start));
        // As the app does once the register is on screen: the figures are kept in the register,
        // and every export after reads them instead of simulating again.
        let start = Instant::now();
        lifeboat::worksheet::input::money_results(&Register::open(&db).unwrap(), today()).unwrap();
        println!("  money simulated and kept in {:.0} ms", ms(start));
        let mut figures = std::collections::HashMap::new();
        for name in
            ["pdf", "csv-export", "sqlite3-dump", "libreoffice-pdf", "xlsx-export", "csv-import", "csv-import-current", "xlsx-import"]
        {
            let line = run_child(name, &db, &work);
            println!("  {name:<19} {line}");
            figures.insert(name, line);
        }
        let of = |name: &str, key: &str| figure(&figures[name], key);
        let ratio = |what: &str, ours: f64, theirs: f64, goal: &str| {
            println!("  {what}: {ours:.0} ms / {theirs:.0} ms = {:.2}× ({goal})", ours / theirs);
        };
        ratio(
            &format!("CSV export / sqlite3 -csv dump of providers and snapshots, medians of {RUNS}"),
            of("csv-export", "export_fn_median_ms"),
            of("sqlite3-dump", "dump_median_ms"),
            "goal ≤ 2×",
        );
        println!("  CSV export peak memory: {:.0} MiB (goal ≤ 64 MiB)", of("csv-export", "export_peak_mib"));
        let (ours, theirs) = (of("pdf", "export_median_ms"), of("libreoffice-pdf", "convert_median_ms"));
        println!(
            "  PDF worksheet ({:.0} pages) vs LibreOffice's table-only PDF of providers.csv ({:.0} pages), medians of 3: {ours:.0} ms / {theirs:.0} ms: {:.2}× faster (goal ≥ 5×)",
            of("pdf", "pages"),
            of("libreoffice-pdf", "pages"),
            theirs / ours
        );
        println!(
            "  PDF peak memory: {:.0} MiB, of which the register read {:.0} MiB (goal ≤ 100 MiB, flat in the page count); LibreOffice's: {:.0} MiB",
            of("pdf", "first_peak_mib"),
            of("pdf", "input_peak_mib"),
            of("libreoffice-pdf", "children_peak_mib")
        );
        let import = |name| of(name, "import_ms");
        ratio("workbook / CSV import (dry run + apply)", import("xlsx-import"), import("csv-import"), "goal ≤ 2×");
        let export = |name| of(name, "export_fn_median_ms");
        ratio(&format!("workbook / CSV export, medians of {RUNS}"), export("xlsx-export"), export("csv-export"), "goal ≤ 2×");
    }
}
