//! incidents.csv's and drills.csv's columns: one row per incident and per exit drill. Their rows
//! are described in `worksheet::table::{incidents, drills}` and read back by
//! `worksheet::import::evidence`, so both sides name a column through the same constant.

pub const INCIDENTS_CSV: &str = "incidents.csv";
pub const DRILLS_CSV: &str = "drills.csv";

/// The provider a row belongs to, by name (the header every other table uses for it).
pub const PROVIDER: &str = "Provider";

pub mod incident {
    pub const FAILURE_MODE: &str = "Failure mode";
    /// Times as RFC 3339 with their offset, as recorded: 2026-03-29T09:00:00+01:00.
    pub const STARTED: &str = "Started";
    pub const DETECTED: &str = "Detected";
    pub const RESOLVED: &str = "Resolved";
    /// Derived from the times; written for readers, never read back.
    pub const TIME_TO_IDENTIFY: &str = "Time to identify (minutes)";
    pub const TIME_TO_RECOVER: &str = "Time to recover (minutes)";
    /// Our services it hit, joined with "; ".
    pub const SERVICES: &str = "Services hit";
    pub const CUSTOMER_FACING: &str = "Customer-facing";
    pub const SLA_BREACHED: &str = "Our SLA breached";
    pub const COST: &str = "Cost";
    pub const SUMMARY: &str = "Summary";
    pub const POSTMORTEM: &str = "Post-mortem link";
    pub const FOLLOW_UPS: &str = "Follow-up actions";
}

pub mod drill {
    pub const DATE: &str = "Date";
    pub const KIND: &str = "Kind";
    pub const SCENARIO: &str = "Scenario";
    pub const ALTERNATIVE: &str = "Alternative";
    pub const TARGET_HOURS: &str = "Target switch (hours)";
    pub const ACHIEVED_HOURS: &str = "Achieved switch (hours)";
    /// Derived: the achieved time exceeded the target. Never read back.
    pub const MISSED_TARGET: &str = "Missed target";
    pub const RESULT: &str = "Result";
    pub const FINDINGS: &str = "Findings";
    pub const FOLLOW_UPS: &str = "Follow-ups";
}

/// The separator of the services list, in a cell and when it is read back.
pub const SERVICES_SEPARATOR: &str = "; ";
