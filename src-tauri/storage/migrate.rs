//! Schema versions: `PRAGMA user_version` counts the migrations applied, in order.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Result, StoreError, APPLICATION_ID};
use crate::domain::provider::DEFAULT_FAILURE_MODES;

/// Migration N (1-based) takes the schema from version N-1 to N.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_register.sql"),
    include_str!("migrations/002_reviews.sql"),
    include_str!("migrations/003_review_notes_and_retirement.sql"),
    include_str!("migrations/004_not_assessed_snapshots.sql"),
    include_str!("migrations/005_incidents_and_drills.sql"),
    include_str!("migrations/006_services_and_dependencies.sql"),
    include_str!("migrations/007_money.sql"),
    include_str!("migrations/008_money_results.sql"),
];
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads an existing file without writing to it and says which schema version it holds.
/// Refuses what is not ours, damaged, or newer than us.
pub fn inspect(path: &Path) -> Result<i64> {
    let conn = open_untouched(path)?;
    let read = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| StoreError::open(path, e));
    let app_id = read("PRAGMA application_id")?;
    let version = read("PRAGMA user_version")?;
    let tables = read("SELECT count(*) FROM sqlite_schema")?;
    if app_id != APPLICATION_ID as i64 {
        // An empty SQLite file is a blank slate; anything else with tables belongs to someone else.
        return if app_id == 0 && version == 0 && tables == 0 { Ok(0) } else { Err(StoreError::NotARegister(path.to_path_buf())) };
    }
    if version > LATEST_VERSION {
        return Err(StoreError::TooNew { path: path.to_path_buf(), found: version, supported: LATEST_VERSION });
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| StoreError::open(path, e))?;
    if check != "ok" {
        return Err(StoreError::Damaged { path: path.to_path_buf(), reason: check });
    }
    Ok(version)
}

/// Opens `path` for reading without creating anything beside it. A read-only connection to a
/// WAL database would leave `-wal` and `-shm` files behind, so unless a WAL is already there
/// (an unfinished session whose changes must be seen) the file is opened as immutable.
fn open_untouched(path: &Path) -> Result<Connection> {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    let opened = if Path::new(&wal).exists() {
        Connection::open_with_flags(path, flags)
    } else {
        Connection::open_with_flags(format!("file:{}?immutable=1", uri_path(path)), flags)
    };
    opened.map_err(|e| StoreError::open(path, e))
}

/// Percent-encodes what a SQLite URI filename treats specially.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'?' | b'#' | b'%' | b' ' | 0x80.. => out.push_str(&format!("%{byte:02X}")),
            _ => out.push(byte as char),
        }
    }
    out
}

/// Writes `<file>.v<N>-backup-<timestamp>.db` beside the register before it is migrated.
pub fn backup(path: &Path, version: i64) -> Result<std::path::PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "register".into());
    let dest = path.with_file_name(format!("{stem}.v{version}-backup-{stamp}.db"));
    let conn = open_untouched(path)?;
    conn.execute("VACUUM INTO ?1", [dest.to_string_lossy()])?;
    Ok(dest)
}

/// Brings the schema to the latest version in one transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > LATEST_VERSION {
        return Err(StoreError::Corrupt(format!("schema version {version} is newer than {LATEST_VERSION}")));
    }
    if version == LATEST_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        tx.execute_batch(sql)?;
        if index == 0 {
            seed_catalogue(&tx)?;
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", LATEST_VERSION)?;
    tx.commit()?;
    Ok(())
}

fn seed_catalogue(conn: &Connection) -> Result<()> {
    let mut insert = conn.prepare("INSERT INTO failure_modes (name, description, position) VALUES (?1, ?2, ?3)")?;
    for (position, (name, description)) in DEFAULT_FAILURE_MODES.iter().enumerate() {
        insert.execute(rusqlite::params![name, description, position as i64])?;
    }
    Ok(())
}
