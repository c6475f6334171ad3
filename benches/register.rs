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
use lifeboat::worksheet::csv::{self, export as csv_export, CsvOptions};
use lifeboat::worksheet::import::{ImportOptions, ReadCache};
use lifeboat::worksheet::table::{RegisterData, TableName};
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
fn median_ms(mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            work();
            ms(start)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
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
            let register = Register::open(db).unwrap();
            let start = Instant::now();
            let input = WorksheetInput::from_register(&register, today()).unwrap();
            let read = ms(start);
            let bytes = pdf::render(&input, Paper::A4).unwrap();
            let rendered = ms(start);
            std::fs::write(work.join("worksheet.pdf"), &bytes).unwrap();
            out.push(("read_ms".into(), read));
            out.push(("render_ms".into(), rendered - read));
            out.push(("total_ms".into(), ms(start)));
            out.push(("pages".into(), count_pages(&bytes) as f64));
            out.push(("mb".into(), bytes.len() as f64 / 1_048_576.0));
        }
        "csv-export" => {
            let register = Register::open(db).unwrap();
            let start = Instant::now();
            let data = RegisterData::read(&register, today()).unwrap();
            let read = ms(start);
            let options = CsvOptions::default();
            let p = csv_export::write(data.table(TableName::Providers), options).unwrap();
            let s = csv_export::write(data.table(TableName::FailureModes), options).unwrap();
            let current = ms(start);
            let h = csv_export::write(data.table(TableName::History), options).unwrap();
            let with_history = ms(start);
            let dir = work.join("export");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("providers.csv"), &p).unwrap();
            std::fs::write(dir.join("scenarios.csv"), &s).unwrap();
            std::fs::write(dir.join("history.csv"), &h).unwrap();
            out.push(("read_ms".into(), read));
            out.push(("providers_scenarios_ms".into(), current));
            out.push(("with_history_ms".into(), with_history));
            out.push(("written_ms".into(), ms(start)));
            out.push(("history_mb".into(), h.len() as f64 / 1_048_576.0));
            // Writing alone, from the tables already read: what the workbook is compared on too.
            let again = work.join("write-again");
            std::fs::create_dir_all(&again).unwrap();
            out.push(("write_median_ms".into(), median_ms(|| drop(csv_export::save(&data, &again, options).unwrap()))));
            // The public entry point, as the app and CLI call it.
            out.push((
                "export_fn_median_ms".into(),
                median_ms(|| drop(csv::export(&register, &work.join("export-again"), options, today()).unwrap())),
            ));
        }
        "xlsx-export" => {
            let register = Register::open(db).unwrap();
            let start = Instant::now();
            let data = RegisterData::read(&register, today()).unwrap();
            let read = ms(start);
            let book = work.join("register.xlsx");
            xlsx::save(&data, &book).unwrap();
            out.push(("read_ms".into(), read));
            out.push(("written_ms".into(), ms(start)));
            out.push(("mb".into(), std::fs::metadata(&book).unwrap().len() as f64 / 1_048_576.0));
            out.push(("write_median_ms".into(), median_ms(|| xlsx::save(&data, &book).unwrap())));
            out.push(("export_fn_median_ms".into(), median_ms(|| xlsx::export(&register, &book, today()).unwrap())));
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
        let (mut export_ms, mut write_ms, mut import_ms) = (Vec::new(), Vec::new(), Vec::new());
        for name in ["pdf", "csv-export", "xlsx-export", "csv-import", "csv-import-current", "xlsx-import"] {
            let line = run_child(name, &db, &work);
            println!("  {name:<19} {line}");
            if name.ends_with("-export") {
                export_ms.push(figure(&line, "export_fn_median_ms"));
                write_ms.push(figure(&line, "write_median_ms"));
            }
            if name == "csv-import" || name == "xlsx-import" {
                import_ms.push(figure(&line, "import_ms"));
            }
        }
        if let [csv_ms, xlsx_ms] = import_ms[..] {
            println!("  workbook / CSV import (dry run + apply): {xlsx_ms:.0} ms / {csv_ms:.0} ms = {:.2}× (goal ≤ 2×)", xlsx_ms / csv_ms);
        }
        if let [csv_ms, xlsx_ms] = export_ms[..] {
            println!("  workbook / CSV export, medians of {RUNS}: {xlsx_ms:.0} ms / {csv_ms:.0} ms = {:.2}× (goal ≤ 2×)", xlsx_ms / csv_ms);
        }
        // Both exports start with the same register read (the money simulation included), which
        // is most of either's time; this is the part that differs.
        if let [csv_ms, xlsx_ms] = write_ms[..] {
            println!(
                "  workbook / CSV writing alone (register read excluded), medians of {RUNS}: {xlsx_ms:.0} ms / {csv_ms:.0} ms = {:.2}×",
                xlsx_ms / csv_ms
            );
        }
    }
}
