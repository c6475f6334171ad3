//! The command line: with no command the app opens its window; the commands work headless.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::storage::{Register, StoreError};
use crate::{clock, demo, paths};

pub const HELP: &str = "\
Lifeboat — service-provider risk register

Usage:
  lifeboat [--db PATH]                       open the app on a register
  lifeboat init [--demo] --db PATH           create a register (with the demo providers)
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
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Usage(_) | CliError::Refused(_) => 2,
            CliError::Store(e) if e.is_refusal() => 2,
            CliError::Store(_) => 1,
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

/// Opens the register a command works on.
pub fn open(db: Option<OsString>) -> Result<Register, CliError> {
    Ok(Register::open(&paths::resolve(db))?)
}

fn init(mut args: Args) -> Result<(), CliError> {
    let (mut with_demo, mut db) = (false, None);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--demo") => with_demo = true,
            Some("--db") => db = Some(args.value("--db")?),
            _ => return Err(unknown(&arg)),
        }
    }
    let path = paths::resolve(db);
    let mut register = Register::open(&path)?;
    if with_demo {
        if !register.is_empty()? {
            return Err(CliError::Refused(format!("{} already holds providers; the demo goes only into an empty register.", path.display())));
        }
        demo::load(&mut register, clock::today())?;
    }
    println!("{} register at {} ({} providers)", if with_demo { "Demo" } else { "Empty" }, path.display(), register.provider_count()?);
    Ok(())
}
