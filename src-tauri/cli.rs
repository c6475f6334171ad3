//! The command line: with no command the app opens its window; the commands work headless.
//! Parsed by clap, so `--help` documents every command and a usage mistake exits with 2.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::storage::{Register, StoreError};
use crate::worksheet::import::{self, ColumnChoice, ImportOptions, ImportPreview, ReadingSource, StatusPageEntry, StatusPagePreview};
use crate::worksheet::{csv, pdf, xlsx, ImportProblem, Paper, WorksheetError};
use crate::{clock, demo, paths};

/// The usage lines people look for first; clap lists the options of each command under them.
const USAGE: &str = "\
lifeboat [--db PATH]                       open the app on a register
       lifeboat init [--demo | --synthetic N] --db PATH
       lifeboat export --format pdf --out FILE.pdf [--paper a4|letter] [--db PATH]
       lifeboat export --format csv --out DIR [--bom] [--db PATH]
       lifeboat export --format xlsx --out FILE.xlsx [--db PATH]
       lifeboat import PATH [--sheet NAME] [--map COLUMN=FIELD]... [--dry-run] [--db PATH]
       lifeboat import-incidents FILE --provider NAME [--dry-run] [--db PATH]
       lifeboat --help | --version";

const AFTER_HELP: &str = "\
The register is PATH, else $LIFEBOAT_DB, else the application-data folder.
Exit status: 0 success, 2 bad input or refused file, 1 anything else.";

#[derive(Debug, Parser)]
#[command(name = "lifeboat", version, about = "Lifeboat — service-provider risk register", override_usage = USAGE, after_help = AFTER_HELP)]
struct Cli {
    /// The register file to open or write (default: $LIFEBOAT_DB, else the application-data folder)
    #[arg(long, value_name = "PATH", global = true)]
    db: Option<OsString>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a register, optionally filled with the demo providers or N generated ones
    Init {
        /// Fill it with the demo register: 19 providers (two fourth parties), nine services, two years of snapshots, seven reviews
        #[arg(long, conflicts_with = "synthetic")]
        demo: bool,
        /// Fill it with N generated providers (for benchmarks)
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
    },
    /// Write the worksheet: a PDF for leadership, the CSV files into a folder, or one Excel workbook
    Export {
        /// pdf: one file; csv: providers.csv, scenarios.csv, history.csv, reviews.csv, incidents.csv,
        /// drills.csv, services.csv, dependencies.csv and runs_on.csv; xlsx: one workbook with a
        /// sheet for each of those tables
        #[arg(long, value_enum)]
        format: Format,
        /// The PDF file, the folder for the CSV files, or the workbook file
        #[arg(long, value_name = "FILE.pdf|DIR|FILE.xlsx")]
        out: PathBuf,
        /// Paper size of the PDF
        #[arg(long, value_enum, default_value_t = PaperSize::A4)]
        paper: PaperSize,
        /// Start each CSV file with a byte-order mark (for Excel on Windows)
        #[arg(long)]
        bom: bool,
    },
    /// Import a spreadsheet (CSV, .xlsx, .ods) or a Lifeboat export: all of it in one
    /// transaction, or nothing
    Import {
        /// A spreadsheet with one provider per row, a workbook or folder exported by Lifeboat
        path: PathBuf,
        /// The workbook's sheet to read (default: the first, or all of a Lifeboat workbook)
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Read a column as a field, or "ignore" it: --map "Crit=Tier" --map "Id=ignore".
        /// The column is its header, or its letter when headers repeat
        #[arg(long = "map", value_name = "COLUMN=FIELD")]
        columns: Vec<ColumnChoice>,
        /// Show how each column is read and every change, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Import a provider's incident history from its status page's JSON export (Statuspage's
    /// incidents.json): all of it in one transaction, or nothing; incidents already recorded are left
    ImportIncidents {
        /// The status page's incidents.json
        file: PathBuf,
        /// The provider whose status page it is, by name
        #[arg(long, value_name = "NAME")]
        provider: String,
        /// Show what would be added and what is already recorded, and write nothing
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Pdf,
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum PaperSize {
    A4,
    Letter,
}

impl From<PaperSize> for Paper {
    fn from(size: PaperSize) -> Paper {
        match size {
            PaperSize::A4 => Paper::A4,
            PaperSize::Letter => Paper::Letter,
        }
    }
}

/// Why a command failed; decides the exit status.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Worksheet(#[from] WorksheetError),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        let refused = match self {
            CliError::Refused(_) => true,
            CliError::Store(e) => e.is_refusal(),
            CliError::Worksheet(e) => e.is_refusal(),
        };
        if refused {
            2
        } else {
            1
        }
    }
}

/// What `main` should do.
pub enum Launch {
    /// Open the window on this register.
    App(PathBuf),
    /// A headless command ran; exit with this status.
    Exit(i32),
}

/// Reads the arguments after the program name.
pub fn launch(args: Vec<OsString>) -> Launch {
    let program = std::iter::once(OsString::from("lifeboat"));
    let cli = match Cli::try_parse_from(program.chain(args)) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with status 0; usage mistakes to stderr with 2.
            let _ = e.print();
            return Launch::Exit(e.exit_code());
        }
    };
    let Some(command) = cli.command else { return Launch::App(paths::resolve(cli.db)) };
    quiet_on_closed_pipe();
    let outcome = match command {
        Command::Init { demo, synthetic } => init(cli.db, demo, synthetic),
        Command::Export { format, out, paper, bom } => export(cli.db, format, &out, paper.into(), bom),
        Command::Import { path, sheet, columns, dry_run } => import(cli.db, &path, &ImportOptions { sheet, columns }, dry_run),
        Command::ImportIncidents { file, provider, dry_run } => import_incidents(cli.db, &file, &provider, dry_run),
    };
    match outcome {
        Ok(()) => Launch::Exit(0),
        Err(e) => {
            eprintln!("lifeboat: {e}");
            Launch::Exit(e.exit_code())
        }
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe panics; a command-line tool should
/// simply stop, as `cat` does. Only for headless commands: the window's IPC uses sockets.
#[allow(unsafe_code)]
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called before any thread is started; restores the default disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn init(db: Option<OsString>, with_demo: bool, synthetic: Option<usize>) -> Result<(), CliError> {
    let path = paths::resolve(db);
    let mut register = Register::open(&path)?;
    if (with_demo || synthetic.is_some()) && !register.is_empty()? {
        return Err(CliError::Refused(format!("{} already holds providers; init fills only an empty register.", path.display())));
    }
    if with_demo {
        demo::load(&mut register, clock::today())?;
    } else if let Some(count) = synthetic {
        demo::synthetic(&mut register, count, 12, clock::today())?;
    }
    println!("Register at {} ({} providers)", path.display(), register.provider_count()?);
    Ok(())
}

/// An existing register; export must not create an empty one as a side effect.
fn open_existing(db: Option<OsString>) -> Result<Register, CliError> {
    let path = paths::resolve(db);
    if !path.exists() {
        return Err(CliError::Refused(format!("There is no register at {}.", path.display())));
    }
    Ok(Register::open(&path)?)
}

fn export(db: Option<OsString>, format: Format, out: &std::path::Path, paper: Paper, bom: bool) -> Result<(), CliError> {
    let register = open_existing(db)?;
    match format {
        Format::Pdf => {
            pdf::export(&register, out, paper, clock::today())?;
            println!("Wrote the worksheet of {} providers to {}", register.provider_count()?, out.display());
        }
        Format::Csv => {
            for file in csv::export(&register, out, csv::CsvOptions { bom }, clock::today())? {
                println!("Wrote {}", file.display());
            }
        }
        Format::Xlsx => {
            xlsx::export(&register, out, clock::today())?;
            println!("Wrote the workbook of {} providers to {}", register.provider_count()?, out.display());
        }
    }
    Ok(())
}

fn import(db: Option<OsString>, source: &std::path::Path, options: &ImportOptions, dry_run: bool) -> Result<(), CliError> {
    let path = paths::resolve(db);
    let today = clock::today();
    if dry_run {
        // A dry run never creates or touches a register file.
        let register = if path.exists() { Register::open(&path)? } else { Register::open_in_memory()? };
        let preview = import::preview(&register, source, options, today)?;
        print_preview(&preview, true);
        if !preview.can_apply() {
            return Err(WorksheetError::Rejected { problems: preview.rejected }.into());
        }
        return Ok(());
    }
    let mut register = Register::open(&path)?;
    let preview = import::apply(&mut register, source, options, today)?;
    print_preview(&preview, false);
    Ok(())
}

fn print_preview(p: &ImportPreview, dry_run: bool) {
    let (create, update) = if dry_run { ("Would create", "Would update") } else { ("Created", "Updated") };
    // A long register would flood the terminal; the first names say enough.
    const SHOWN: usize = 20;
    let more = |n: usize| if n > SHOWN { format!(" … and {} more", n - SHOWN) } else { String::new() };
    let list = |label: &str, names: &[String]| {
        if !names.is_empty() {
            println!("{label} {}: {}{}", names.len(), names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", "), more(names.len()));
        }
    };
    println!("{} {}", if dry_run { "Dry run of" } else { "Imported" }, p.files.join(", "));
    if dry_run && !p.columns.is_empty() {
        println!("Columns:");
        let width = p.columns.iter().map(|c| c.header.chars().count()).max().unwrap_or(0).min(40);
        for c in &p.columns {
            let reading = match (&c.reading, c.source) {
                (Some(r), ReadingSource::Chosen) => format!("{r} (as chosen)"),
                (Some(r), _) => r.clone(),
                (None, ReadingSource::Computed) => "ignored (computed by Lifeboat)".into(),
                (None, ReadingSource::Chosen) => "ignored (as chosen)".into(),
                (None, _) => "ignored (not recognised)".into(),
            };
            println!("  {:<3} {:<width$}  → {reading}", c.letter, c.header);
        }
    }
    list(create, &p.created);
    if !p.updated.is_empty() {
        println!("{update} {}:", p.updated.len());
        for u in p.updated.iter().take(SHOWN) {
            println!("  {}", u.name);
            for c in &u.changes {
                println!("    {}: {} → {}", c.field, shown(&c.from), shown(&c.to));
            }
        }
        if p.updated.len() > SHOWN {
            println!("  {}", more(p.updated.len()).trim());
        }
    }
    list("Unchanged", &p.unchanged);
    println!("{} {} assessment(s).", if dry_run { "Would record" } else { "Recorded" }, p.snapshots);
    if p.incidents + p.drills + p.evidence_kept > 0 {
        println!(
            "{} {} incident(s) and {} exit drill(s); {} already recorded, left as they are.",
            if dry_run { "Would add" } else { "Added" },
            p.incidents,
            p.drills,
            p.evidence_kept
        );
    }
    if p.services + p.links > 0 {
        println!(
            "{} {} service(s) and {} link(s) between services and providers.",
            if dry_run { "Would write" } else { "Wrote" },
            p.services,
            p.links
        );
    }
    if p.overrides_added + p.overrides_changed + p.overrides_unchanged > 0 {
        println!(
            "{} {} money override(s) and change {}; {} already as listed, left as they are.",
            if dry_run { "Would add" } else { "Added" },
            p.overrides_added,
            p.overrides_changed,
            p.overrides_unchanged
        );
    }
    for w in &p.warnings {
        println!("warning: {w}");
    }
    for r in &p.rejected {
        println!("rejected: {r}");
    }
    if dry_run {
        nothing_written(p.can_apply());
    }
}

fn import_incidents(db: Option<OsString>, file: &std::path::Path, provider: &str, dry_run: bool) -> Result<(), CliError> {
    // The provider must exist, so the register must too: never create one here.
    let mut register = open_existing(db)?;
    let now = clock::now();
    let mut preview = import::preview_status_page(&register, file, provider, now)?;
    // A refused file is shown as its dry run would show it, every rejected incident listed.
    let dry_run = dry_run || !preview.can_apply();
    if !dry_run {
        preview = import::apply_status_page(&mut register, file, provider, now)?;
    }
    print_status_page(&preview, dry_run);
    if !preview.can_apply() {
        let problems = preview.rejected.iter().map(|r| ImportProblem::file(&preview.file, import::describe_rejected(r))).collect();
        return Err(WorksheetError::Rejected { problems }.into());
    }
    Ok(())
}

fn print_status_page(p: &StatusPagePreview, dry_run: bool) {
    println!("{} {} for {}", if dry_run { "Dry run of" } else { "Imported" }, p.file, p.provider);
    println!("{}", p.mapping);
    let line = |e: &StatusPageEntry| {
        let resolved = e.resolved.as_deref().map_or_else(|| "still open".to_string(), |r| format!("resolved {r}"));
        println!("  {}  {:<12} {} ({} impact, {resolved})", e.started, e.mode, shown(&e.summary), e.impact);
    };
    println!("{} {} incident(s){}", if dry_run { "Would add" } else { "Added" }, p.added.len(), if p.added.is_empty() { "." } else { ":" });
    p.added.iter().for_each(line);
    if !p.duplicates.is_empty() {
        println!("Already recorded, left as they are: {}", p.duplicates.len());
        p.duplicates.iter().for_each(line);
    }
    for r in &p.rejected {
        println!("rejected: {}", import::describe_rejected(r));
    }
    if dry_run {
        nothing_written(p.can_apply());
    }
}

/// The last line of a dry run: what to do next.
fn nothing_written(can_apply: bool) {
    println!(
        "{}",
        if can_apply {
            "Nothing was written. Run again without --dry-run to import."
        } else {
            "Nothing was written; fix the problems above and try again."
        }
    );
}

/// A value on one line, quoted so an empty one still shows: long text is cut with an ellipsis.
fn shown(value: &str) -> String {
    const MAX: usize = 60;
    let one_line = value.replace(['\r', '\n'], " ");
    let cut: String = one_line.chars().take(MAX).collect();
    if one_line.chars().count() > MAX {
        format!("\"{}…\"", cut.trim_end())
    } else {
        format!("\"{cut}\"")
    }
}
