//! Incidents: one row per incident, grouped by provider, newest first within each. Times keep
//! the offset they were recorded with; the durations are derived from them, for readers only.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};

use super::evidence::{owners, sort_newest_first, Owner};
use super::shared::opt_number;
use super::{assemble, ColumnOf, Format, Table, TableName};
use crate::domain::evidence::incident::Incident;
use crate::domain::provider::{FailureMode, Provider};
use crate::worksheet::csv::evidence::{incident::*, PROVIDER, SERVICES_SEPARATOR};
use crate::worksheet::Cell;

/// RFC 3339 with the recorded offset; a fraction of a second only when there is one, so a time
/// imported from a status page reads back as the same instant.
pub fn time_text(at: DateTime<FixedOffset>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

fn time(at: Option<DateTime<FixedOffset>>) -> Cell<'static> {
    at.map_or(Cell::Empty, |at| Cell::text(time_text(at)))
}

struct Line<'a> {
    owner: Owner<'a>,
    mode: &'a str,
    incident: &'a Incident,
}

pub(super) fn table<'a>(providers: &'a [Provider], catalogue: &'a [FailureMode], incidents: &'a [Incident]) -> Table<'a> {
    let columns = vec![
        ColumnOf::new(PROVIDER, Format::Text, |l: &Line| Cell::text(l.owner.name)),
        ColumnOf::new(FAILURE_MODE, Format::Text, |l: &Line| Cell::text(l.mode)),
        ColumnOf::new(STARTED, Format::Text, |l: &Line| time(Some(l.incident.draft.started))),
        ColumnOf::new(DETECTED, Format::Text, |l: &Line| time(l.incident.draft.detected)),
        ColumnOf::new(RESOLVED, Format::Text, |l: &Line| time(l.incident.draft.resolved)),
        ColumnOf::new(TIME_TO_IDENTIFY, Format::Number, |l: &Line| opt_number(l.incident.draft.time_to_identify().map(|m| m as f64))),
        ColumnOf::new(TIME_TO_RECOVER, Format::Number, |l: &Line| opt_number(l.incident.draft.time_to_recover().map(|m| m as f64))),
        ColumnOf::new(SERVICES, Format::Text, |l: &Line| Cell::text(l.incident.draft.services.join(SERVICES_SEPARATOR))),
        ColumnOf::new(CUSTOMER_FACING, Format::Text, |l: &Line| Cell::Bool(l.incident.draft.customer_facing)),
        ColumnOf::new(SLA_BREACHED, Format::Text, |l: &Line| Cell::Bool(l.incident.draft.sla_breached)),
        ColumnOf::new(COST, Format::Number, |l: &Line| opt_number(l.incident.draft.cost)),
        ColumnOf::new(SUMMARY, Format::Text, |l: &Line| Cell::text(&l.incident.draft.summary)),
        ColumnOf::new(POSTMORTEM, Format::Text, |l: &Line| Cell::text(&l.incident.draft.postmortem_url)),
        ColumnOf::new(FOLLOW_UPS, Format::Text, |l: &Line| Cell::text(&l.incident.draft.follow_ups)),
    ];
    let owners = owners(providers);
    let modes: HashMap<_, &str> = catalogue.iter().map(|m| (m.id, m.name.as_str())).collect();
    let mut lines: Vec<Line> = incidents
        .iter()
        .filter_map(|incident| {
            let owner = *owners.get(&incident.draft.provider_id)?;
            Some(Line { owner, mode: modes.get(&incident.draft.mode_id).copied().unwrap_or(""), incident })
        })
        .collect();
    sort_newest_first(
        &mut lines,
        |l| l.owner,
        |l| (l.incident.draft.started.with_timezone(&Utc), l.mode, l.incident.draft.summary.as_str()),
    );
    assemble(TableName::Incidents, columns, lines.into_iter())
}
