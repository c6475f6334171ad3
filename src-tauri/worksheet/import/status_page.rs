//! A provider's incident history from its status page, offline: the JSON export of an Atlassian
//! Statuspage (`incidents.json`), either `{"incidents": [...]}` or a bare array of incidents,
//! each with a name, an impact, created_at, resolved_at and components.
//!
//! Impact decides the failure mode: major and critical are outages, minor and none
//! degradations. The summary is the incident's name; the status page says when the provider
//! declared it, which is all we know of when it started and when it was noticed. Which of our
//! services it hit is ours to say, so that is left empty.
//!
//! Like the spreadsheet import, it is previewed first and applied in one transaction, or not at
//! all; an incident already recorded (same provider, start and summary) is recognised and left.

use std::collections::HashSet;
use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::domain::evidence::incident::{validate_incident, IncidentDraft};
use crate::domain::provider::{FailureMode, Provider};
use crate::domain::text::fold;
use crate::storage::{incidents as stored_incidents, Register};
use crate::worksheet::table::time_text;
use crate::worksheet::{ImportProblem, Result, WorksheetError};

/// A status page's history of many years is a few megabytes; anything far larger is not one.
const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// What importing the file would add, what is already recorded and what cannot be read.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StatusPagePreview {
    /// The file's name, as problems name it.
    pub file: String,
    /// The provider's name as the register has it.
    pub provider: String,
    /// How impacts become failure modes, in words, to show beside the list.
    pub mapping: String,
    pub added: Vec<StatusPageEntry>,
    /// Incidents the register already holds for this provider: left as they are.
    pub duplicates: Vec<StatusPageEntry>,
    /// Incidents that cannot be imported; any one of them refuses the whole file.
    pub rejected: Vec<RejectedEntry>,
}

impl StatusPagePreview {
    pub fn can_apply(&self) -> bool {
        self.rejected.is_empty()
    }
}

/// One incident of the file as it would be recorded.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StatusPageEntry {
    /// Its place in the file, counting from 1.
    pub position: u32,
    pub summary: String,
    /// The status page's impact: none, minor, major or critical.
    pub impact: String,
    /// The failure mode it is recorded as.
    pub mode: String,
    /// RFC 3339, with the offset the file gives.
    pub started: String,
    pub resolved: Option<String>,
    /// The status page's components it named, for the reader: they are the provider's parts,
    /// not our services, so they are not recorded.
    pub components: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RejectedEntry {
    pub position: u32,
    /// The incident's name, when it has one.
    pub name: String,
    pub reason: String,
}

/// One incident as the export has it; fields Lifeboat does not use (incident_updates, shortlink,
/// page_id, …) are ignored.
#[derive(Debug, Deserialize)]
struct RawIncident {
    name: String,
    impact: Option<String>,
    created_at: String,
    resolved_at: Option<String>,
    #[serde(default)]
    components: Vec<RawComponent>,
}

#[derive(Debug, Deserialize)]
struct RawComponent {
    name: String,
}

/// The failure modes impacts map to, found in the catalogue by name.
struct ImpactModes<'c> {
    outage: &'c FailureMode,
    degradation: &'c FailureMode,
}

const OUTAGE: &str = "Outage";
const DEGRADATION: &str = "Degradation";

impl<'c> ImpactModes<'c> {
    fn find(catalogue: &'c [FailureMode], file: &str) -> Result<ImpactModes<'c>> {
        let named = |name: &str| {
            catalogue.iter().find(|m| fold(&m.name) == fold(name)).ok_or_else(|| {
                refused(file, format!("The failure-mode catalogue has no \"{name}\"; status-page incidents are recorded as {OUTAGE} or {DEGRADATION}. Add it in Settings."))
            })
        };
        Ok(ImpactModes { outage: named(OUTAGE)?, degradation: named(DEGRADATION)? })
    }

    fn of(&self, impact: &str) -> Option<&'c FailureMode> {
        match impact.trim().to_lowercase().as_str() {
            "major" | "critical" => Some(self.outage),
            "minor" | "none" => Some(self.degradation),
            _ => None,
        }
    }

    fn words(&self) -> String {
        format!(
            "Impact major or critical is recorded as {}, minor or none as {}. Started and detected are when the status page posted it.",
            self.outage.name, self.degradation.name
        )
    }
}

fn refused(file: &str, message: impl Into<String>) -> WorksheetError {
    WorksheetError::Rejected { problems: vec![ImportProblem::file(file, message)] }
}

/// What applying would write, and the preview describing it.
struct Plan {
    preview: StatusPagePreview,
    drafts: Vec<IncidentDraft>,
}

/// Reads `path` as the status-page history of the provider named `provider`, writing nothing.
/// `now` decides what is in the future.
pub fn preview_status_page(register: &Register, path: &Path, provider: &str, now: DateTime<Utc>) -> Result<StatusPagePreview> {
    Ok(plan(register, path, provider, now)?.preview)
}

/// Imports `path` in one transaction; if any incident is rejected nothing is written and the
/// error lists them.
pub fn apply_status_page(register: &mut Register, path: &Path, provider: &str, now: DateTime<Utc>) -> Result<StatusPagePreview> {
    let plan = plan(register, path, provider, now)?;
    if !plan.preview.can_apply() {
        let file = &plan.preview.file;
        let problems = plan.preview.rejected.iter().map(|r| ImportProblem::file(file, describe(r))).collect();
        return Err(WorksheetError::Rejected { problems });
    }
    register.transaction(|tx| plan.drafts.iter().try_for_each(|d| stored_incidents::insert(tx, d).map(drop)))?;
    Ok(plan.preview)
}

/// A rejected incident in one line: "Incident 3 (S3 errors): created_at is not a time …".
pub fn describe(r: &RejectedEntry) -> String {
    if r.name.trim().is_empty() {
        format!("Incident {}: {}", r.position, r.reason)
    } else {
        format!("Incident {} ({}): {}", r.position, r.name.trim(), r.reason)
    }
}

fn plan(register: &Register, path: &Path, provider: &str, now: DateTime<Utc>) -> Result<Plan> {
    let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string());
    let provider: Provider = register
        .provider_by_name(provider.trim())?
        .ok_or_else(|| refused(&file, format!("There is no provider named \"{}\" in the register.", provider.trim())))?;
    let catalogue = register.catalogue()?;
    let modes = ImpactModes::find(&catalogue, &file)?;
    let items = read(path, &file)?;

    // The same provider, start and summary is the same incident, in the register or the file.
    let identity = |started: DateTime<FixedOffset>, summary: &str| (started.with_timezone(&Utc), fold(summary));
    let mut known: HashSet<(DateTime<Utc>, String)> =
        register.incidents(provider.id)?.iter().map(|i| identity(i.draft.started, &i.draft.summary)).collect();
    let mut preview = StatusPagePreview {
        file,
        provider: provider.profile.name.clone(),
        mapping: modes.words(),
        added: Vec::new(),
        duplicates: Vec::new(),
        rejected: Vec::new(),
    };
    let mut drafts = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let position = i as u32 + 1;
        match incident(item, &modes, &catalogue, &provider, now) {
            Ok((entry, draft)) => {
                if known.insert(identity(draft.started, &draft.summary)) {
                    preview.added.push(StatusPageEntry { position, ..entry });
                    drafts.push(draft);
                } else {
                    preview.duplicates.push(StatusPageEntry { position, ..entry });
                }
            }
            Err((name, reason)) => preview.rejected.push(RejectedEntry { position, name, reason }),
        }
    }
    Ok(Plan { preview, drafts })
}

/// The file's incidents, still unread. Malformed JSON, or JSON of another shape, refuses the file.
fn read(path: &Path, file: &str) -> Result<Vec<Value>> {
    let size = std::fs::metadata(path).map_err(|e| WorksheetError::io(path, e))?.len();
    if size > MAX_FILE_BYTES {
        return Err(refused(
            file,
            format!(
                "The file is {:.1} MB; a status-page export over {} MB is refused.",
                size as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| WorksheetError::io(path, e))?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
        // serde_json ends its message with " at line L column C"; the location is said once, first.
        let message = e.to_string();
        let reason = message.rsplit_once(" at line ").map_or(message.as_str(), |(reason, _)| reason);
        refused(file, format!("The file is not valid JSON: line {}, column {}: {reason}.", e.line(), e.column()))
    })?;
    match value {
        Value::Array(items) => Ok(items),
        Value::Object(mut top) => match top.remove("incidents") {
            Some(Value::Array(items)) => Ok(items),
            _ => Err(refused(file, "The file has no \"incidents\" list; a status page's incidents.json export is expected.")),
        },
        _ => Err(refused(file, "The file holds neither a list of incidents nor {\"incidents\": [...]}.")),
    }
}

fn time(text: &str, field: &str) -> std::result::Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text.trim()).map_err(|_| format!("{field} \"{}\" is not a time with an offset (RFC 3339).", text.trim()))
}

/// One incident of the file as an entry and the draft it records, or (its name, why not).
fn incident(
    item: Value,
    modes: &ImpactModes,
    catalogue: &[FailureMode],
    provider: &Provider,
    now: DateTime<Utc>,
) -> std::result::Result<(StatusPageEntry, IncidentDraft), (String, String)> {
    let name_of = |v: &Value| v.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
    let name = name_of(&item);
    let raw: RawIncident = serde_json::from_value(item).map_err(|e| (name.clone(), format!("{e}.")))?;
    let fail = |reason: String| (raw.name.clone(), reason);
    let impact = raw.impact.clone().unwrap_or_default();
    let mode = modes.of(&impact).ok_or_else(|| fail(format!("impact \"{impact}\" is none of none, minor, major or critical.")))?;
    let started = time(&raw.created_at, "created_at").map_err(fail)?;
    let resolved = raw.resolved_at.as_deref().map(|t| time(t, "resolved_at")).transpose().map_err(fail)?;
    let draft = IncidentDraft {
        provider_id: provider.id,
        mode_id: mode.id,
        started,
        detected: Some(started),
        resolved,
        services: Vec::new(),
        customer_facing: false,
        sla_breached: false,
        cost: None,
        summary: raw.name.trim().to_string(),
        postmortem_url: String::new(),
        follow_ups: String::new(),
    };
    validate_incident(&draft, catalogue, now)
        .map_err(|errors| fail(errors.errors.into_iter().map(|e| e.message).collect::<Vec<_>>().join(" ")))?;
    let entry = StatusPageEntry {
        position: 0,
        summary: draft.summary.clone(),
        impact,
        mode: mode.name.clone(),
        started: time_text(started),
        resolved: resolved.map(time_text),
        components: raw.components.into_iter().map(|c| c.name).collect(),
    };
    Ok((entry, draft))
}
