//! CSV export (RFC 4180, UTF-8, ISO 8601 dates). Import reads these files back through
//! `worksheet::import`, like any other spreadsheet.

pub mod evidence;
pub mod export;
pub(crate) mod headers;
mod history_pieces;
mod inert;
pub mod loss;
pub mod reviews;
pub mod services;

pub use evidence::{DRILLS_CSV, INCIDENTS_CSV};
pub use export::{export, CsvOptions};
pub use inert::{is_active, protect, unprotect};
pub use loss::LOSS_CSV;
pub use reviews::REVIEWS_CSV;
pub use services::{DEPENDENCIES_CSV, RUNS_ON_CSV, SERVICES_CSV};

pub const PROVIDERS_CSV: &str = "providers.csv";
pub const SCENARIOS_CSV: &str = "scenarios.csv";
pub const HISTORY_CSV: &str = "history.csv";
