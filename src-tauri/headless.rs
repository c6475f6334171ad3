//! `lifeboat-headless`: the same command line as the app, for machines without a display (and
//! the CLI tests, which must not need the desktop shell). Without a command there is no window to open.

use lifeboat::cli::{launch, Launch};

fn main() {
    match launch(std::env::args_os().skip(1).collect()) {
        Launch::App(_) => {
            eprintln!("lifeboat: this build has no window; give a command (see --help), or run the desktop app.");
            std::process::exit(2);
        }
        Launch::Exit(code) => std::process::exit(code),
    }
}
