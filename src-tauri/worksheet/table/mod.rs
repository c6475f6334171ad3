//! The register as tables of typed cells. Each table is described once, by its columns and how
//! each row's cells come from the register; the CSV files and the workbook's sheets are both
//! written from these descriptions, so the two cannot disagree on a header, an order or a value.

mod drills;
mod evidence;
mod failure_modes;
mod history;
mod incidents;
mod loss;
mod providers;
mod reviews;
mod services;
mod shared;

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::NaiveDate;

pub use incidents::time_text;

use super::{Cell, Result};
use crate::domain::evidence::drill::Drill;
use crate::domain::evidence::incident::Incident;
use crate::domain::history::Snapshot;
use crate::domain::ids::ProviderId;
use crate::domain::money::inputs::ProviderInputs;
use crate::domain::money::results::MoneyResults;
use crate::domain::provider::{FailureMode, Provider};
use crate::domain::register::RegisterRow;
use crate::domain::review::Review;
use crate::domain::services::dependency::{Dependency, RunsOn};
use crate::domain::services::service::Service;
use crate::storage::Register;

/// The tables of an export, in the order the CSV files are written and the sheets appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableName {
    Providers,
    FailureModes,
    History,
    Reviews,
    Incidents,
    Drills,
    Services,
    Dependencies,
    RunsOn,
    Loss,
}

impl TableName {
    pub const ALL: [TableName; 10] = [
        TableName::Providers,
        TableName::FailureModes,
        TableName::History,
        TableName::Reviews,
        TableName::Incidents,
        TableName::Drills,
        TableName::Services,
        TableName::Dependencies,
        TableName::RunsOn,
        TableName::Loss,
    ];

    pub fn csv_file(self) -> &'static str {
        match self {
            TableName::Providers => super::csv::PROVIDERS_CSV,
            TableName::FailureModes => super::csv::SCENARIOS_CSV,
            TableName::History => super::csv::HISTORY_CSV,
            TableName::Reviews => super::csv::REVIEWS_CSV,
            TableName::Incidents => super::csv::INCIDENTS_CSV,
            TableName::Drills => super::csv::DRILLS_CSV,
            TableName::Services => super::csv::SERVICES_CSV,
            TableName::Dependencies => super::csv::DEPENDENCIES_CSV,
            TableName::RunsOn => super::csv::RUNS_ON_CSV,
            TableName::Loss => super::csv::LOSS_CSV,
        }
    }

    pub fn sheet(self) -> &'static str {
        match self {
            TableName::Providers => "Providers",
            TableName::FailureModes => "Failure modes",
            TableName::History => "History",
            TableName::Reviews => "Reviews",
            TableName::Incidents => super::import::INCIDENTS_SHEET,
            TableName::Drills => super::import::DRILLS_SHEET,
            TableName::Services => super::import::SERVICES_SHEET,
            TableName::Dependencies => super::import::DEPENDENCIES_SHEET,
            TableName::RunsOn => super::import::RUNS_ON_SHEET,
            TableName::Loss => super::import::MONEY_SHEET,
        }
    }
}

/// How a column's values read: decides the CSV text of a number and the workbook's cell format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    /// Counts, levels 1–5, money: written as the number they are.
    Number,
    /// A figure always shown with one decimal, as on screen (exposure 4.0, 7.2).
    OneDecimal,
    Date,
    /// Low / Medium / High / Critical or Not assessed, which the workbook colours.
    Level,
}

impl Format {
    /// The cell as the CSV writes it (before formula protection).
    pub fn text<'c>(self, cell: &'c Cell<'_>) -> Cow<'c, str> {
        match (self, cell) {
            (Format::OneDecimal, Cell::Number(_)) => {
                let mut text = String::new();
                self.write_text(cell, &mut text);
                Cow::Owned(text)
            }
            _ => cell.to_text(),
        }
    }

    /// Appends [`Format::text`] to `out`, without allocating for the common cases.
    pub fn write_text(self, cell: &Cell<'_>, out: &mut String) {
        let (Format::OneDecimal, Cell::Number(n)) = (self, cell) else { return cell.write_text(out) };
        // Most figures are tenths exactly (an exposure is a score times a difficulty over 5):
        // when `n` is the double nearest a number of tenths, that number is both its shortest form
        // and its rounding to one decimal, and needs no float formatting.
        let tenths = (n * 10.0).round();
        if tenths.abs() < 1e15 && tenths / 10.0 == *n {
            let tenths = tenths.abs() as u64;
            if n.is_sign_negative() {
                out.push('-');
            }
            out.push_str(itoa::Buffer::new().format(tenths / 10));
            out.push('.');
            out.push(char::from(b'0' + (tenths % 10) as u8));
            return;
        }
        use std::fmt::Write;
        // The shortest form that reads back as `n` is quick to find; when it has at most one
        // decimal it is also what rounding to one decimal gives (the value is that close to it),
        // so the slow exact rounding is needed only for the rest.
        let start = out.len();
        let _ = write!(out, "{n}");
        match out[start..].find('.').map(|dot| out.len() - start - dot - 1) {
            None if n.is_finite() => out.push_str(".0"),
            None | Some(1) => {}
            Some(_) => {
                out.truncate(start);
                let _ = write!(out, "{n:.1}");
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header written, and read back by the import.
    pub header: &'static str,
    pub format: Format,
}

/// One table, ready to write: its columns, then its rows, made one at a time as the writer takes
/// them (a row can fail: the history's are read from the register as they are written).
pub struct Table<'a> {
    pub name: TableName,
    pub columns: Vec<Column>,
    rows: Box<dyn Rows + 'a>,
}

impl Table<'_> {
    /// Hands each row's cells to `row`, in order, stopping at the first error. A row's cells
    /// borrow from what the row was made of, so they live only as long as the call.
    pub fn each_row(self, mut row: impl FnMut(&[Cell<'_>]) -> Result<()>) -> Result<()> {
        self.rows.each(&mut row)
    }
}

/// A table's rows, made on demand.
trait Rows {
    fn each(self: Box<Self>, row: &mut dyn FnMut(&[Cell<'_>]) -> Result<()>) -> Result<()>;
}

/// Rows made of `lines`, one each, with a cell per column.
struct Lines<R, I> {
    columns: Vec<ColumnOf<R>>,
    lines: I,
}

impl<R, I: Iterator<Item = Result<R>>> Rows for Lines<R, I> {
    fn each(self: Box<Self>, row: &mut dyn FnMut(&[Cell<'_>]) -> Result<()>) -> Result<()> {
        let Lines { columns, lines } = *self;
        for line in lines {
            let line = line?;
            let cells: Vec<Cell<'_>> = columns.iter().map(|c| (c.value)(&line)).collect();
            row(&cells)?;
        }
        Ok(())
    }
}

/// A column of a table whose rows are `R`s: where its cell comes from (text borrowed from the
/// row wherever it can be).
struct ColumnOf<R> {
    column: Column,
    value: fn(&R) -> Cell<'_>,
}

impl<R> ColumnOf<R> {
    fn new(header: &'static str, format: Format, value: fn(&R) -> Cell<'_>) -> ColumnOf<R> {
        ColumnOf { column: Column { header, format }, value }
    }
}

/// A table made of `lines`, one row each, with a cell per column.
fn assemble<'a, R: 'a>(name: TableName, columns: Vec<ColumnOf<R>>, lines: impl Iterator<Item = R> + 'a) -> Table<'a> {
    assemble_read(name, columns, lines.map(Ok))
}

/// [`assemble`] for lines read as they are needed, any of which may fail to read.
fn assemble_read<'a, R: 'a>(name: TableName, columns: Vec<ColumnOf<R>>, lines: impl Iterator<Item = Result<R>> + 'a) -> Table<'a> {
    let layout = columns.iter().map(|c| c.column).collect();
    Table { name, columns: layout, rows: Box::new(Lines { columns, lines }) }
}

/// The history table, one row per snapshot × failure mode, from the register's snapshots
/// ([`Register::snapshot_profiles`]) read as the rows are taken, with the providers named by
/// `names` ([`Register::provider_names`]): the one table an export can make from the register
/// alone, without [`RegisterData`].
pub fn history<'a>(
    names: &'a HashMap<ProviderId, String>,
    snapshots: impl Iterator<Item = crate::storage::Result<Snapshot>> + 'a,
) -> Table<'a> {
    history::table(names, snapshots)
}

/// A review meeting with the providers assessed in it.
pub struct ReviewRecord {
    pub review: Review,
    pub assessed: Vec<String>,
}

/// Hands each table `wanted` to `write`, in the order of [`TableName::ALL`], reading the register
/// as they need it: every table but the history and the money from one read, the history a page
/// at a time as it is written, and the money, as large as the rest together, only once the rest
/// is dropped.
pub fn each_table(
    register: &Register,
    today: NaiveDate,
    wanted: impl Fn(TableName) -> bool,
    mut write: impl FnMut(Table<'_>) -> Result<()>,
) -> Result<()> {
    const { assert!(matches!(TableName::ALL[TableName::ALL.len() - 1], TableName::Loss), "the money table is the last") };
    let data = RegisterData::read(register, today)?;
    for name in TableName::ALL.into_iter().filter(|name| wanted(*name)) {
        if name == TableName::History {
            let names = register.provider_names()?;
            write(history(&names, register.snapshot_profiles()))?;
        } else if let Some(table) = data.table(name) {
            write(table)?;
        }
    }
    drop(data);
    if wanted(TableName::Loss) {
        write(MoneyData::read(register, today)?.table())?;
    }
    Ok(())
}

/// What every table but the history and the money is made of, read from the register once per
/// export.
pub struct RegisterData {
    providers: Vec<Provider>,
    rows: Vec<RegisterRow>,
    /// Oldest first.
    reviews: Vec<ReviewRecord>,
    /// Retired failure modes included: an old incident keeps the name of its mode.
    catalogue: Vec<FailureMode>,
    incidents: Vec<Incident>,
    drills: Vec<Drill>,
    services: Vec<Service>,
    dependencies: Vec<Dependency>,
    runs_on: Vec<RunsOn>,
}

impl RegisterData {
    pub fn read(register: &Register, today: NaiveDate) -> Result<RegisterData> {
        let (providers, rows) = register.providers_and_rows(today)?;
        let mut reviews = Vec::new();
        for review in register.reviews()?.into_iter().rev() {
            let assessed = register.assessed_names(review.id)?;
            reviews.push(ReviewRecord { review, assessed });
        }
        let (catalogue, incidents, drills) = (register.catalogue()?, register.all_incidents()?, register.all_drills()?);
        let (services, dependencies, runs_on) = (register.services()?, register.dependencies()?, register.runs_on()?);
        Ok(RegisterData { providers, rows, reviews, catalogue, incidents, drills, services, dependencies, runs_on })
    }

    /// The table `name`; `None` for the history, read as it is written, and the money, which
    /// [`MoneyData`] holds.
    fn table(&self, name: TableName) -> Option<Table<'_>> {
        Some(match name {
            TableName::Providers => providers::table(&self.providers, &self.rows),
            TableName::FailureModes => failure_modes::table(&self.providers),
            TableName::Reviews => reviews::table(&self.reviews),
            TableName::Incidents => incidents::table(&self.providers, &self.catalogue, &self.incidents),
            TableName::Drills => drills::table(&self.providers, &self.drills),
            TableName::Services => services::services(&self.services),
            TableName::Dependencies => services::dependencies(&services::Names::new(&self.providers, &self.services), &self.dependencies),
            TableName::RunsOn => services::runs_on(&services::Names::new(&self.providers, &self.services), &self.runs_on),
            TableName::History | TableName::Loss => return None,
        })
    }
}

/// What the money table is made of: every active provider's money inputs, overrides on them,
/// and the figures they give.
struct MoneyData {
    inputs: Vec<ProviderInputs>,
    results: MoneyResults,
}

impl MoneyData {
    fn read(register: &Register, today: NaiveDate) -> Result<MoneyData> {
        let (inputs, settings) = register.money_inputs(today)?;
        let results = crate::worksheet::input::money_results_of(register, &inputs, &settings)?;
        Ok(MoneyData { inputs, results })
    }

    fn table(&self) -> Table<'_> {
        loss::table(&self.inputs, &self.results)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_figures_keep_their_decimal_in_text() {
        assert_eq!(Format::OneDecimal.text(&Cell::Number(4.0)), "4.0");
        for (n, text) in [
            (7.2, "7.2"),
            (0.25, "0.2"),
            (2.0 / 3.0, "0.7"),
            (-1.05, "-1.1"),
            (12.0, "12.0"),
            (1e21, "1000000000000000000000.0"),
            (0.1 + 0.2, "0.3"),
            (-0.0, "-0.0"),
            (-4.6, "-4.6"),
            (99.95, "100.0"),
            (123456789012.3, "123456789012.3"),
        ] {
            assert_eq!(Format::OneDecimal.text(&Cell::Number(n)), format!("{n:.1}"), "{n}");
            assert_eq!(Format::OneDecimal.text(&Cell::Number(n)), text);
        }
        assert_eq!(Format::OneDecimal.text(&Cell::Empty), "");
        assert_eq!(Format::Number.text(&Cell::Number(4.0)), "4");
    }

    #[test]
    fn every_row_has_a_cell_per_column() {
        let mut register = Register::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        crate::demo::load(&mut register, today).unwrap();
        let mut written = Vec::new();
        each_table(
            &register,
            today,
            |_| true,
            |table| {
                let (name, width) = (table.name, table.columns.len());
                let mut count = 0;
                table.each_row(|row| {
                    assert_eq!(row.len(), width, "{name:?}");
                    count += 1;
                    Ok(())
                })?;
                assert!(count > 0, "{name:?} has rows");
                written.push(name);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(written, TableName::ALL);
    }
}
