//! Money at risk: one row per active provider and failure mode, by provider name, then the
//! provider's own order of failure modes. The inputs (default range, where it came from, whether
//! it rests on an assumption, the user's override) sit beside the figures they give; the
//! provider's figures repeat on each of its rows so that a filtered sheet still reads.

use std::collections::HashMap;

use super::shared::{number, opt_number};
use super::{assemble, ColumnOf, Format, Table, TableName};
use crate::domain::ids::ProviderId;
use crate::domain::money::inputs::{Derived, Input, ModeInputs, ProviderInputs};
use crate::domain::money::results::{ModeResult, MoneyResults, ProviderResult};
use crate::worksheet::csv::loss::*;
use crate::worksheet::money::derived_source;
use crate::worksheet::Cell;

pub(super) struct LossLine<'a> {
    provider: &'a ProviderInputs,
    mode: &'a ModeInputs,
    result: Option<&'a ProviderResult>,
    mode_result: Option<&'a ModeResult>,
    currency: &'a str,
}

fn low(i: &Input) -> Cell<'_> {
    match &i.derived {
        Derived::Priced(s) => number(s.range.low),
        Derived::NotPriced(_) => Cell::Empty,
    }
}

fn high(i: &Input) -> Cell<'_> {
    match &i.derived {
        Derived::Priced(s) => number(s.range.high),
        Derived::NotPriced(_) => Cell::Empty,
    }
}

fn on_default(i: &Input) -> Cell<'_> {
    match &i.derived {
        Derived::Priced(s) => Cell::Bool(s.default),
        Derived::NotPriced(_) => Cell::Empty,
    }
}

macro_rules! input_columns {
    ($c:expr, $field:ident) => {
        vec![
            ColumnOf::new($c.low, Format::Number, |l: &LossLine| low(&l.mode.$field)),
            ColumnOf::new($c.high, Format::Number, |l: &LossLine| high(&l.mode.$field)),
            ColumnOf::new($c.source, Format::Text, |l: &LossLine| Cell::text(derived_source(&l.mode.$field, l.currency))),
            ColumnOf::new($c.default, Format::Text, |l: &LossLine| on_default(&l.mode.$field)),
            ColumnOf::new($c.override_low, Format::Number, |l: &LossLine| {
                opt_number(l.mode.$field.overridden.as_ref().and_then(|o| o.low))
            }),
            ColumnOf::new($c.override_high, Format::Number, |l: &LossLine| {
                opt_number(l.mode.$field.overridden.as_ref().and_then(|o| o.high))
            }),
            ColumnOf::new($c.note, Format::Text, |l: &LossLine| {
                Cell::text(l.mode.$field.overridden.as_ref().map(|o| o.note.clone()).unwrap_or_default())
            }),
        ]
    };
}

pub(super) fn table<'a>(inputs: &'a [ProviderInputs], results: &'a MoneyResults) -> Table<'a> {
    let mut columns = vec![
        ColumnOf::new(PROVIDER, Format::Text, |l: &LossLine| Cell::text(&l.provider.name)),
        ColumnOf::new(FAILURE_MODE, Format::Text, |l: &LossLine| Cell::text(&l.mode.mode)),
    ];
    columns.extend(input_columns!(FREQUENCY, frequency));
    columns.extend(input_columns!(LOSS_PER_EVENT, loss_per_event));
    columns.extend([
        ColumnOf::new(MODE_EXPECTED, Format::Number, |l: &LossLine| opt_number(l.mode_result.map(|m| m.expected.round()))),
        ColumnOf::new(PROVIDER_EXPECTED, Format::Number, |l: &LossLine| opt_number(l.result.map(|r| r.figures.expected.round()))),
        ColumnOf::new(PROVIDER_ONE_IN_20, Format::Number, |l: &LossLine| opt_number(l.result.map(|r| r.figures.one_in_20.round()))),
        ColumnOf::new(PROVIDER_ONE_IN_100, Format::Number, |l: &LossLine| opt_number(l.result.map(|r| r.figures.one_in_100.round()))),
        ColumnOf::new(CURRENCY, Format::Text, |l: &LossLine| Cell::text(l.currency)),
    ]);
    let by_id: HashMap<ProviderId, &ProviderResult> = results.providers.iter().map(|r| (r.provider_id, r)).collect();
    let mut providers: Vec<(&ProviderInputs, Option<&ProviderResult>)> =
        inputs.iter().map(|p| (p, by_id.get(&p.provider_id).copied())).collect();
    providers.sort_by_cached_key(|(p, _)| (p.name.to_lowercase(), p.provider_id.0));
    let currency = results.currency.as_str();
    let lines = providers.into_iter().flat_map(move |(provider, result)| {
        provider.modes.iter().map(move |mode| LossLine {
            provider,
            mode,
            result,
            mode_result: result.and_then(|r| r.modes.iter().find(|m| m.mode == mode.mode)),
            currency,
        })
    });
    assemble(TableName::Loss, columns, lines)
}
