//! Where the register lives when the user names none.

use std::ffi::OsString;
use std::path::PathBuf;

/// The folder the desktop shell's app-data directory resolves to for our identifier, so the
/// command line and the window agree on the default register.
pub const IDENTIFIER: &str = "app.lifeboat.register";
pub const REGISTER_FILE: &str = "register.lifeboat";

fn data_dir() -> Option<PathBuf> {
    let home = || std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(target_os = "windows") {
        std::env::var_os("APPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        home().map(|h| h.join("Library/Application Support"))
    } else {
        std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()).map(PathBuf::from).or_else(|| home().map(|h| h.join(".local/share")))
    }
}

pub fn default_register() -> PathBuf {
    data_dir().unwrap_or_else(std::env::temp_dir).join(IDENTIFIER).join(REGISTER_FILE)
}

/// `--db` wins, then `LIFEBOAT_DB`, then the default.
/// The result is absolute, so the window title, messages and same-file checks do not depend on
/// the folder the app was started from.
pub fn resolve(flag: Option<OsString>) -> PathBuf {
    let path =
        flag.or_else(|| std::env::var_os("LIFEBOAT_DB").filter(|v| !v.is_empty())).map(PathBuf::from).unwrap_or_else(default_register);
    std::path::absolute(&path).unwrap_or(path)
}
