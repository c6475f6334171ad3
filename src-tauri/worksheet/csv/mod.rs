//! CSV export and import (RFC 4180, UTF-8, ISO 8601 dates).

pub mod export;
pub(crate) mod headers;
pub mod import;
mod inert;
mod parse;
mod read;
pub mod reviews;

pub use export::{export, CsvOptions};
pub use import::{apply, preview, ImportPreview};
pub use inert::{is_active, protect, unprotect};
pub use reviews::REVIEWS_CSV;

pub const PROVIDERS_CSV: &str = "providers.csv";
pub const SCENARIOS_CSV: &str = "scenarios.csv";
pub const HISTORY_CSV: &str = "history.csv";
