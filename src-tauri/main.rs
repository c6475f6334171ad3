//! The desktop app: the command line of lifeboat-core, and the window when no command is given.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod app;

use lifeboat::cli::{launch, Launch};

fn main() {
    match launch(std::env::args_os().skip(1).collect()) {
        Launch::App(register) => app::run(register),
        Launch::Exit(code) => std::process::exit(code),
    }
}
