//! The columns Lifeboat writes and the headers it recognises when reading a spreadsheet.
//!
//! Headers are compared folded (case, spaces and punctuation ignored), so "Lock-in", "lock in"
//! and "LOCK_IN" are one column. The first name of each field is what export writes.

use crate::domain::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    // Profile
    Name,
    Category,
    ValueProvided,
    Owner,
    Tier,
    Status,
    FourthParty,
    AnnualSpend,
    Currency,
    RenewalDate,
    NoticePeriodDays,
    DataHeld,
    Website,
    StatusPage,
    Notes,
    CreatedOn,
    // Risk profile beyond the scenarios
    LockIn,
    LockInReasons,
    Alternatives,
    ReplacementEffort,
    PersonWeeks,
    EmergencySwitchHours,
    ExitStrategy,
    ExitPlan,
    LastRehearsed,
    // Scenarios and snapshots
    AssessedOn,
    FailureMode,
    Likelihood,
    Impact,
    ScenarioNote,
    /// Figures Lifeboat computes; written for readers, ignored on import.
    Computed,
}

/// Field, then every header that means it. Export writes the first name.
const NAMES: &[(Field, &[&str])] = &[
    (Field::Name, &["Provider", "Name", "Provider name", "Vendor", "Vendor name", "Service provider", "Supplier", "Service"]),
    (Field::Category, &["Category", "Type", "Service category"]),
    (Field::ValueProvided, &["Value provided", "What it does", "Purpose", "Description", "Value", "Service provided"]),
    (Field::Owner, &["Owner", "Accountable", "Responsible", "Owner team", "Team", "Accountable owner"]),
    (Field::Tier, &["Tier", "Criticality", "Business criticality", "Criticality tier", "Business criticality tier"]),
    (Field::Status, &["Status", "Provider status"]),
    (Field::FourthParty, &["Fourth party", "4th party", "Fourth-party provider"]),
    (Field::AnnualSpend, &["Annual spend", "Annual cost", "Spend", "Cost", "Yearly cost", "Cost per year", "Annual value"]),
    (Field::Currency, &["Currency"]),
    (Field::RenewalDate, &["Renewal date", "Contract renewal", "Contract renewal date", "Renewal", "Renews on"]),
    (Field::NoticePeriodDays, &["Notice period (days)", "Notice period", "Notice days", "Notice period days"]),
    (Field::DataHeld, &["Data held", "Data it holds", "Data", "Data classification"]),
    (Field::Website, &["Website", "URL", "Web site"]),
    (Field::StatusPage, &["Status page", "Status page URL"]),
    (Field::Notes, &["Notes", "Comments", "Remarks"]),
    (Field::CreatedOn, &["Added on", "Created on", "Created"]),
    (Field::LockIn, &["Lock-in", "Lock-in level", "Lockin"]),
    (Field::LockInReasons, &["Lock-in reasons", "What locks us in", "Lock-in reason", "Lock-in notes"]),
    (Field::Alternatives, &["Alternatives", "Alternative", "Alternative providers"]),
    (Field::ReplacementEffort, &["Replacement effort", "Effort to replace", "Switching effort", "Replacement effort level"]),
    (Field::PersonWeeks, &["Replacement person-weeks", "Person-weeks", "Person weeks", "Effort (person-weeks)"]),
    (Field::EmergencySwitchHours, &["Emergency switch (hours)", "Emergency switch hours", "Switch time (hours)", "Emergency switch"]),
    (Field::ExitStrategy, &["Exit strategy", "Strategy"]),
    (Field::ExitPlan, &["Exit plan", "Plan"]),
    (Field::LastRehearsed, &["Exit plan last rehearsed", "Last rehearsed", "Rehearsed on", "Plan last rehearsed"]),
    (Field::AssessedOn, &["Assessed on", "Snapshot date", "Taken on", "Assessment date", "Date"]),
    (Field::FailureMode, &["Failure mode", "Scenario", "Risk scenario"]),
    (Field::Likelihood, &["Likelihood", "Probability"]),
    (Field::Impact, &["Impact", "Severity"]),
    (Field::ScenarioNote, &["Note", "Scenario note"]),
    (
        Field::Computed,
        &[
            "Inherent risk",
            "Inherent level",
            "Driven by",
            "Escape difficulty",
            "Exposure",
            "Exposure level",
            "Trend",
            "Last assessed",
            "Next review",
            "Review status",
            "Score",
            "Level",
            "Risk score",
            "Risk level",
        ],
    ),
];

impl Field {
    /// The header export writes for this field.
    pub fn header(self) -> &'static str {
        NAMES.iter().find(|(f, _)| *f == self).map(|(_, names)| names[0]).unwrap_or("")
    }

    pub fn recognise(header: &str) -> Option<Field> {
        let wanted = fold(crate::worksheet::csv::inert::unprotect(header));
        if wanted.is_empty() {
            return None;
        }
        NAMES.iter().find(|(_, names)| names.iter().any(|n| fold(n) == wanted)).map(|(f, _)| *f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_fold_case_spacing_and_punctuation() {
        assert_eq!(Field::recognise("VENDOR"), Some(Field::Name));
        assert_eq!(Field::recognise(" service_provider "), Some(Field::Name));
        assert_eq!(Field::recognise("lock in"), Some(Field::LockIn));
        assert_eq!(Field::recognise("Criticality"), Some(Field::Tier));
        assert_eq!(Field::recognise("Annual cost"), Some(Field::AnnualSpend));
        assert_eq!(Field::recognise("Spend"), Some(Field::AnnualSpend));
        assert_eq!(Field::recognise("Exposure level"), Some(Field::Computed));
        assert_eq!(Field::recognise("Favourite colour"), None);
    }

    #[test]
    fn every_export_header_reads_back_as_its_field() {
        for (field, names) in NAMES {
            for name in *names {
                assert_eq!(Field::recognise(name), Some(*field), "{name}");
            }
        }
    }
}
