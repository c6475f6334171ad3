//! Exit drills: one row per drill, grouped by provider, newest first within each, with whether
//! the switch missed its target (derived, for readers only).

use super::evidence::{owners, sort_newest_first, Owner};
use super::shared::opt_number;
use super::{assemble, ColumnOf, Format, Table, TableName};
use crate::domain::evidence::drill::Drill;
use crate::domain::provider::Provider;
use crate::worksheet::csv::evidence::{drill::*, PROVIDER};
use crate::worksheet::Cell;

struct Line<'a> {
    owner: Owner<'a>,
    drill: &'a Drill,
}

pub(super) fn table<'a>(providers: &'a [Provider], drills: &'a [Drill]) -> Table<'a> {
    let columns = vec![
        ColumnOf::new(PROVIDER, Format::Text, |l: &Line| Cell::text(l.owner.name)),
        ColumnOf::new(DATE, Format::Date, |l: &Line| Cell::Date(l.drill.draft.date)),
        ColumnOf::new(KIND, Format::Text, |l: &Line| Cell::text(l.drill.draft.kind.label())),
        ColumnOf::new(SCENARIO, Format::Text, |l: &Line| l.drill.draft.scenario.map_or(Cell::Empty, |s| Cell::text(s.label()))),
        ColumnOf::new(ALTERNATIVE, Format::Text, |l: &Line| Cell::text(&l.drill.draft.alternative)),
        ColumnOf::new(TARGET_HOURS, Format::Number, |l: &Line| opt_number(l.drill.draft.target_hours)),
        ColumnOf::new(ACHIEVED_HOURS, Format::Number, |l: &Line| opt_number(l.drill.draft.achieved_hours)),
        ColumnOf::new(MISSED_TARGET, Format::Text, |l: &Line| Cell::Bool(l.drill.draft.missed_target())),
        ColumnOf::new(RESULT, Format::Text, |l: &Line| l.drill.draft.result.map_or(Cell::Empty, |r| Cell::text(r.label()))),
        ColumnOf::new(FINDINGS, Format::Text, |l: &Line| Cell::text(&l.drill.draft.findings)),
        ColumnOf::new(FOLLOW_UPS, Format::Text, |l: &Line| Cell::text(&l.drill.draft.follow_ups)),
    ];
    let owners = owners(providers);
    let mut lines: Vec<Line> =
        drills.iter().filter_map(|drill| Some(Line { owner: *owners.get(&drill.draft.provider_id)?, drill })).collect();
    sort_newest_first(&mut lines, |l| l.owner, |l| (l.drill.draft.date, l.drill.draft.kind, l.drill.draft.alternative.as_str()));
    assemble(TableName::Drills, columns, lines.into_iter())
}
