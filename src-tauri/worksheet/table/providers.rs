//! Providers: one row per provider, every field of the register, its risk profile beside the
//! scenarios, and its current scores.

use super::shared::{number, opt_date, opt_number, risk_columns, ShowsRisk};
use super::{assemble, ColumnOf, Format, Table, TableName};
use crate::domain::cadence::DueState;
use crate::domain::history::Direction;
use crate::domain::provider::{Provider, RiskProfile};
use crate::domain::register::RegisterRow;
use crate::domain::scoring::{score, Level, Scores};
use crate::worksheet::csv::headers::Field;
use crate::worksheet::Cell;

struct ProviderLine<'a> {
    provider: &'a Provider,
    row: &'a RegisterRow,
    scores: Scores,
}

impl ShowsRisk for ProviderLine<'_> {
    fn risk(&self) -> Option<&RiskProfile> {
        Some(&self.provider.risk)
    }
}

pub(super) fn table<'a>(providers: &'a [Provider], rows: &'a [RegisterRow]) -> Table<'a> {
    let mut columns = profile_columns();
    columns.extend(risk_columns());
    columns.extend(score_columns());
    let lines = providers.iter().zip(rows).map(|(provider, row)| ProviderLine { provider, row, scores: score(&provider.risk) });
    assemble(TableName::Providers, columns, lines)
}

fn profile_columns<'a>() -> Vec<ColumnOf<ProviderLine<'a>>> {
    let field = |f: Field, format, value| ColumnOf::new(f.header(), format, value);
    vec![
        field(Field::Name, Format::Text, |l: &ProviderLine| Cell::text(&l.provider.profile.name)),
        field(Field::Category, Format::Text, |l: &ProviderLine| Cell::text(l.provider.profile.category.label())),
        field(Field::ValueProvided, Format::Text, |l: &ProviderLine| Cell::text(&l.provider.profile.value_provided)),
        field(Field::Owner, Format::Text, |l: &ProviderLine| Cell::text(&l.provider.profile.owner)),
        field(Field::Tier, Format::Number, |l: &ProviderLine| number(l.provider.profile.tier)),
        field(Field::Status, Format::Text, |l: &ProviderLine| Cell::text(l.provider.profile.status.label())),
        field(Field::FourthParty, Format::Text, |l: &ProviderLine| Cell::Bool(l.provider.profile.fourth_party)),
        field(Field::AnnualSpend, Format::Number, |l: &ProviderLine| opt_number(l.provider.profile.annual_spend)),
        field(Field::Currency, Format::Text, |l: &ProviderLine| Cell::text(&l.provider.profile.currency)),
        field(Field::RenewalDate, Format::Date, |l: &ProviderLine| opt_date(l.provider.profile.renewal_date)),
        field(Field::NoticePeriodDays, Format::Number, |l: &ProviderLine| opt_number(l.provider.profile.notice_period_days)),
        field(Field::DataHeld, Format::Text, |l: &ProviderLine| Cell::text(l.provider.profile.data_held.label())),
        field(Field::Website, Format::Text, |l: &ProviderLine| Cell::text(&l.provider.profile.website)),
        field(Field::StatusPage, Format::Text, |l: &ProviderLine| Cell::text(&l.provider.profile.status_page)),
        field(Field::Notes, Format::Text, |l: &ProviderLine| Cell::text(&l.provider.profile.notes)),
        field(Field::CreatedOn, Format::Date, |l: &ProviderLine| Cell::Date(l.provider.created_on)),
    ]
}

/// Figures Lifeboat computes, for readers; the import ignores them.
fn score_columns<'a>() -> Vec<ColumnOf<ProviderLine<'a>>> {
    vec![
        ColumnOf::new("Inherent risk", Format::Number, |l: &ProviderLine| opt_number(l.scores.inherent)),
        ColumnOf::new("Inherent level", Format::Level, |l: &ProviderLine| Cell::text(Level::label_of(l.scores.inherent_level))),
        ColumnOf::new("Driven by", Format::Text, |l: &ProviderLine| Cell::text(l.scores.drivers.join("\n"))),
        ColumnOf::new("Escape difficulty", Format::Number, |l: &ProviderLine| number(l.scores.escape_difficulty)),
        ColumnOf::new("Exposure", Format::OneDecimal, |l: &ProviderLine| opt_number(l.scores.exposure)),
        ColumnOf::new("Exposure level", Format::Level, |l: &ProviderLine| Cell::text(Level::label_of(l.scores.exposure_level))),
        ColumnOf::new("Trend", Format::Text, |l: &ProviderLine| Cell::text(direction_word(l.row.direction))),
        ColumnOf::new("Last assessed", Format::Date, |l: &ProviderLine| Cell::Date(l.row.last_assessed)),
        ColumnOf::new("Next review", Format::Date, |l: &ProviderLine| Cell::Date(l.row.next_review)),
        ColumnOf::new("Review status", Format::Text, |l: &ProviderLine| Cell::text(due_word(l.row.due))),
    ]
}

fn direction_word(d: Direction) -> &'static str {
    match d {
        Direction::New => "new",
        Direction::Up => "rising",
        Direction::Down => "falling",
        Direction::Flat => "steady",
    }
}

fn due_word(d: DueState) -> &'static str {
    match d {
        DueState::Overdue => "Overdue",
        DueState::Due => "Due",
        DueState::DueSoon => "Due soon",
        DueState::Current => "Current",
    }
}
