//! The command line: with no command the app opens its window; the commands work headless.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::storage::{Register, StoreError};
use crate::{clock, demo, paths};

pub const HELP: &str = "\
Lifeboat — service-provider risk register

Usage:
  lifeboat [--db PATH]                       open the app on a register
  lifeboat init [--demo | --synthetic N] --db PATH
                                             create a register (with the demo providers,
                                             or N generated ones for benchmarks)
  lifeboat export --format pdf --out FILE.pdf [--paper a4|letter] [--db PATH]
  lifeboat export --format csv --out DIR [--bom] [--db PATH]
  lifeboat import PATH [--dry-run] [--db PATH]
  lifeboat --help | --version

The register is PATH, else $LIFEBOAT_DB, else the application-data folder.
Exit status: 0 success, 2 bad input or refused file, 1 anything else.
";

/// Why a command failed; decides the exit status.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}\nTry 'lifeboat --help'.")]
    Usage(String),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Worksheet(#[from] crate::worksheet::WorksheetError),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) | CliError::Refused(_) => 2,
            CliError::Store(e) if e.is_refusal() => 2,
            CliError::Store(_) => 1,
            CliError::Worksheet(e) => {
                if e.is_refusal() {
                    2
                } else {
                    1
                }
            }
        }
    }
}

/// The arguments after the command name, taken one at a time.
pub struct Args {
    rest: std::vec::IntoIter<OsString>,
}

impl Args {
    pub fn new(args: Vec<OsString>) -> Args {
        Args { rest: args.into_iter() }
    }

    pub fn next(&mut self) -> Option<OsString> {
        self.rest.next()
    }

    /// The value after `flag`.
    pub fn value(&mut self, flag: &str) -> Result<OsString, CliError> {
        self.rest.next().ok_or_else(|| CliError::Usage(format!("{flag} needs a value.")))
    }

    pub fn text(&mut self, flag: &str) -> Result<String, CliError> {
        self.value(flag)?.into_string().map_err(|_| CliError::Usage(format!("{flag} must be valid text.")))
    }
}

pub fn unknown(arg: &OsString) -> CliError {
    CliError::Usage(format!("Unknown argument: {}", arg.to_string_lossy()))
}

/// What `main` should do.
pub enum Launch {
    /// Open the window on this register.
    App(PathBuf),
    /// A headless command ran; exit with this status.
    Exit(i32),
}

pub fn launch(args: Vec<OsString>) -> Launch {
    let mut args = Args::new(args);
    let first = args.next();
    if first.is_some() {
        quiet_on_closed_pipe();
    }
    let outcome = match first.as_ref().and_then(|a| a.to_str()) {
        None => return Launch::App(paths::resolve(None)),
        Some("--help") | Some("-h") | Some("help") => {
            print!("{HELP}");
            Ok(())
        }
        Some("--version") | Some("-V") => {
            println!("lifeboat {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("--db") => match args.value("--db") {
            Ok(path) => match args.next() {
                None => return Launch::App(paths::resolve(Some(path))),
                Some(extra) => Err(unknown(&extra)),
            },
            Err(e) => Err(e),
        },
        Some("init") => init(args),
        Some("export") => export(args),
        Some("import") => import(args),
        _ => Err(unknown(first.as_ref().expect("matched Some"))),
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
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: called before any thread is started; restores the default disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn init(mut args: Args) -> Result<(), CliError> {
    let (mut with_demo, mut synthetic, mut db) = (false, None, None);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--demo") => with_demo = true,
            Some("--synthetic") => {
                let n = args.text("--synthetic")?;
                synthetic =
                    Some(n.parse::<usize>().map_err(|_| CliError::Usage(format!("--synthetic takes a number of providers, not {n:?}.")))?);
            }
            Some("--db") => db = Some(args.value("--db")?),
            _ => return Err(unknown(&arg)),
        }
    }
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

/// `lifeboat export --format pdf|csv --out PATH [--paper a4|letter] [--bom] [--db PATH]`
fn export(mut args: Args) -> Result<(), CliError> {
    use crate::worksheet::{csv, pdf, Paper};
    let (mut format, mut out, mut paper, mut bom, mut db) = (None, None, Paper::A4, false, None);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--format") => format = Some(args.text("--format")?),
            Some("--out") => out = Some(PathBuf::from(args.value("--out")?)),
            Some("--paper") => {
                let text = args.text("--paper")?;
                paper = Paper::parse(&text).ok_or_else(|| CliError::Usage(format!("--paper is a4 or letter, not {text:?}.")))?;
            }
            Some("--bom") => bom = true,
            Some("--db") => db = Some(args.value("--db")?),
            _ => return Err(unknown(&arg)),
        }
    }
    let out = out.ok_or_else(|| CliError::Usage("export needs --out.".into()))?;
    let format = format.ok_or_else(|| CliError::Usage("export needs --format pdf or --format csv.".into()))?;
    match format.to_ascii_lowercase().as_str() {
        "pdf" => {
            let register = open_existing(db)?;
            pdf::export(&register, &out, paper, clock::today())?;
            println!("Wrote the worksheet of {} providers to {}", register.provider_count()?, out.display());
        }
        "csv" => {
            let register = open_existing(db)?;
            let files = csv::export(&register, &out, csv::CsvOptions { bom }, clock::today())?;
            for file in files {
                println!("Wrote {}", file.display());
            }
        }
        other => return Err(CliError::Usage(format!("--format is pdf or csv, not {other:?}."))),
    }
    Ok(())
}

/// `lifeboat import PATH [--dry-run] [--db PATH]`: all of it in one transaction, or nothing.
fn import(mut args: Args) -> Result<(), CliError> {
    use crate::worksheet::{csv, WorksheetError};
    let (mut source, mut dry_run, mut db) = (None, false, None);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--dry-run") => dry_run = true,
            Some("--db") => db = Some(args.value("--db")?),
            Some(flag) if flag.starts_with("--") => return Err(unknown(&arg)),
            _ if source.is_none() => source = Some(PathBuf::from(arg)),
            _ => return Err(unknown(&arg)),
        }
    }
    let source = source.ok_or_else(|| CliError::Usage("import needs a CSV file or an export folder.".into()))?;
    let path = paths::resolve(db);
    let today = clock::today();
    if dry_run {
        // A dry run never creates or touches a register file.
        let register = if path.exists() { Register::open(&path)? } else { Register::open_in_memory()? };
        let preview = csv::preview(&register, &source, today)?;
        print_preview(&preview, true);
        if !preview.can_apply() {
            return Err(WorksheetError::Rejected { problems: preview.rejected }.into());
        }
        return Ok(());
    }
    let mut register = Register::open(&path)?;
    let preview = csv::apply(&mut register, &source, today)?;
    print_preview(&preview, false);
    Ok(())
}

fn print_preview(p: &crate::worksheet::csv::ImportPreview, dry_run: bool) {
    let (create, update) = if dry_run { ("Would create", "Would update") } else { ("Created", "Updated") };
    // A long register would flood the terminal; the first names say enough.
    let list = |label: &str, names: &[String]| {
        const SHOWN: usize = 20;
        if !names.is_empty() {
            let more = if names.len() > SHOWN { format!(" … and {} more", names.len() - SHOWN) } else { String::new() };
            println!("{label} {}: {}{more}", names.len(), names.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", "));
        }
    };
    println!("{} {}", if dry_run { "Dry run of" } else { "Imported" }, p.files.join(", "));
    list(create, &p.created);
    list(update, &p.updated);
    list("Unchanged", &p.unchanged);
    println!("{} {} assessment(s).", if dry_run { "Would record" } else { "Recorded" }, p.snapshots);
    for w in &p.warnings {
        println!("warning: {w}");
    }
    for r in &p.rejected {
        println!("rejected: {r}");
    }
    if dry_run {
        println!(
            "{}",
            if p.can_apply() {
                "Nothing was written. Run again without --dry-run to import."
            } else {
                "Nothing was written; fix the problems above and try again."
            }
        );
    }
}
