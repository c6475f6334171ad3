//! services.csv's, dependencies.csv's and runs_on.csv's columns: our services, which providers
//! each needs and what becomes of it when one fails, and which providers run on which (fourth
//! parties). Their rows are described in `worksheet::table::services` and read back by
//! `worksheet::import::services`, so both sides name a column through the same constant.
//!
//! Links name both of their ends by name, as a person keeps them in a spreadsheet; ids are the
//! register's own business and mean nothing in another register.

pub const SERVICES_CSV: &str = "services.csv";
pub const DEPENDENCIES_CSV: &str = "dependencies.csv";
/// A table of its own rather than rows of dependencies.csv: a runs-on link has no service and
/// no effects, and a row that leaves half its cells empty by kind reads as a mistake.
pub const RUNS_ON_CSV: &str = "runs_on.csv";

/// The service a row describes or belongs to, by name.
pub const SERVICE: &str = "Service";

pub mod service {
    pub const OWNER: &str = "Owner";
    pub const DESCRIPTION: &str = "Description";
    /// In the register's currency (Settings).
    pub const DOWNTIME_COST: &str = "Cost of downtime per hour";
    /// What an hour degraded costs, in percent of an hour down: 50 reads better than 0.5.
    pub const DEGRADED_SHARE: &str = "Cost when degraded (% of downtime)";
    pub const RTO_HOURS: &str = "RTO (hours)";
    pub const RETIRED: &str = "Retired";
    pub const CREATED_ON: &str = "Created on";
}

pub mod dependency {
    pub const PROVIDER: &str = "Provider";
    /// Down, Degraded or Unaffected.
    pub const WHEN_DOWN: &str = "When provider is down";
    pub const WHEN_DEGRADED: &str = "When provider is degraded";
    pub const NOTE: &str = "Note";
}

pub mod runs_on {
    pub const PROVIDER: &str = "Provider";
    pub const RUNS_ON: &str = "Runs on";
}

/// `share` (0 … 1) as a percent, by moving the decimal point of its shortest decimal text two
/// places: reading the percent back with [`share_of_percent`] gives the very same share, which
/// multiplying by 100 would not (0.29 × 100 is 28.999999999999996).
pub fn percent_of_share(share: f64) -> f64 {
    let text = share.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let moved: String = fraction.chars().chain(std::iter::repeat('0')).take(2).collect();
    let rest = fraction.get(2..).unwrap_or("");
    format!("{whole}{moved}.{rest}0").parse().unwrap_or(share * 100.0)
}

/// The share a percent written by [`percent_of_share`] stands for; `None` for text that is not
/// a plain decimal number.
pub fn share_of_percent(percent: &str) -> Option<f64> {
    let text = percent.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let padded = format!("{whole:0>3}");
    let (ones, hundredths) = padded.split_at(padded.len() - 2);
    format!("{ones}.{hundredths}{fraction}").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_reads_back_from_its_percent_exactly() {
        for share in [0.0, 1.0, 0.5, 0.29, 0.07, 0.001, 1.0 / 3.0, 0.123456789, 0.1 + 0.2, 0.995] {
            let percent = percent_of_share(share);
            let text = crate::worksheet::Cell::Number(percent).to_text().into_owned();
            assert_eq!(share_of_percent(&text), Some(share), "{share} → {text}");
        }
        assert_eq!(percent_of_share(0.29), 29.0);
        assert_eq!(percent_of_share(0.5), 50.0);
        assert_eq!(share_of_percent("7.5"), Some(0.075));
        assert_eq!(share_of_percent("half"), None);
        assert_eq!(share_of_percent("-5"), None);
    }
}
