//! Our services, the providers each needs, and the providers that run on others: one row per
//! service (by name), per dependency (by service, then provider) and per runs-on link (by
//! provider, then what it runs on), each naming its ends by name, in the storage's name order so
//! that an import followed by an export writes the same bytes.

use std::collections::HashMap;

use super::shared::opt_number;
use super::{assemble, ColumnOf, Format, Table, TableName};
use crate::domain::ids::{ProviderId, ServiceId};
use crate::domain::provider::Provider;
use crate::domain::services::dependency::{Dependency, RunsOn};
use crate::domain::services::service::Service;
use crate::worksheet::csv::services::{dependency, percent_of_share, runs_on, service::*, SERVICE};
use crate::worksheet::Cell;

pub(super) fn services(services: &[Service]) -> Table<'_> {
    let columns = vec![
        ColumnOf::new(SERVICE, Format::Text, |s: &&Service| Cell::text(&s.draft.name)),
        ColumnOf::new(OWNER, Format::Text, |s: &&Service| Cell::text(&s.draft.owner)),
        ColumnOf::new(DESCRIPTION, Format::Text, |s: &&Service| Cell::text(&s.draft.description)),
        ColumnOf::new(DOWNTIME_COST, Format::Number, |s: &&Service| opt_number(s.draft.downtime_cost_per_hour)),
        ColumnOf::new(DEGRADED_SHARE, Format::Number, |s: &&Service| Cell::Number(percent_of_share(s.draft.degraded_share))),
        ColumnOf::new(RTO_HOURS, Format::Number, |s: &&Service| opt_number(s.draft.rto_hours)),
        ColumnOf::new(RETIRED, Format::Text, |s: &&Service| Cell::Bool(s.draft.retired)),
        ColumnOf::new(CREATED_ON, Format::Date, |s: &&Service| Cell::Date(s.created_on)),
    ];
    assemble(TableName::Services, columns, services.iter())
}

/// The names a link's ends are written with.
pub(super) struct Names<'a> {
    providers: HashMap<ProviderId, &'a str>,
    services: HashMap<ServiceId, &'a str>,
}

impl<'a> Names<'a> {
    pub(super) fn new(providers: &'a [Provider], services: &'a [Service]) -> Names<'a> {
        Names {
            providers: providers.iter().map(|p| (p.id, p.profile.name.as_str())).collect(),
            services: services.iter().map(|s| (s.id, s.draft.name.as_str())).collect(),
        }
    }
}

struct DependencyLine<'a> {
    service: &'a str,
    provider: &'a str,
    link: &'a Dependency,
}

pub(super) fn dependencies<'a>(names: &Names<'a>, links: &'a [Dependency]) -> Table<'a> {
    let columns = vec![
        ColumnOf::new(SERVICE, Format::Text, |l: &DependencyLine| Cell::text(l.service)),
        ColumnOf::new(dependency::PROVIDER, Format::Text, |l: &DependencyLine| Cell::text(l.provider)),
        ColumnOf::new(dependency::WHEN_DOWN, Format::Text, |l: &DependencyLine| Cell::text(l.link.when_down.label())),
        ColumnOf::new(dependency::WHEN_DEGRADED, Format::Text, |l: &DependencyLine| Cell::text(l.link.when_degraded.label())),
        ColumnOf::new(dependency::NOTE, Format::Text, |l: &DependencyLine| Cell::text(&l.link.note)),
    ];
    // Collected here, so the rows do not borrow `names`: storage joins both ends, so every link
    // has them.
    let lines: Vec<DependencyLine> = links
        .iter()
        .filter_map(|link| {
            Some(DependencyLine { service: names.services.get(&link.service_id)?, provider: names.providers.get(&link.provider_id)?, link })
        })
        .collect();
    assemble(TableName::Dependencies, columns, lines.into_iter())
}

struct RunsOnLine<'a> {
    provider: &'a str,
    runs_on: &'a str,
}

pub(super) fn runs_on<'a>(names: &Names<'a>, links: &[RunsOn]) -> Table<'a> {
    let columns = vec![
        ColumnOf::new(runs_on::PROVIDER, Format::Text, |l: &RunsOnLine| Cell::text(l.provider)),
        ColumnOf::new(runs_on::RUNS_ON, Format::Text, |l: &RunsOnLine| Cell::text(l.runs_on)),
    ];
    let lines: Vec<RunsOnLine> = links
        .iter()
        .filter_map(|l| Some(RunsOnLine { provider: names.providers.get(&l.provider_id)?, runs_on: names.providers.get(&l.runs_on)? }))
        .collect();
    assemble(TableName::RunsOn, columns, lines.into_iter())
}
