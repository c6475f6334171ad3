//! The second step: what each column of the providers table means. Headers are recognised the
//! way export writes them (and their usual synonyms), wide layouts are understood per failure
//! mode ("Outage likelihood", "Outage impact", or one "Outage" rating in words), and the user's
//! own choices override both.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::source::Source;
use super::table::{Problems, Table};
use crate::domain::ids::FailureModeId;
use crate::domain::provider::FailureMode;
use crate::domain::scales::{IMPACT, LIKELIHOOD};
use crate::domain::text::fold;
use crate::worksheet::csv::headers::Field;
use crate::worksheet::error::column_letters;
use crate::worksheet::ImportProblem;

/// The fields a providers table can carry, in the order the remap choice (and the dry run's
/// list of changes) shows them.
pub(super) const PROVIDER_FIELDS: [Field; 25] = [
    Field::Name,
    Field::Category,
    Field::ValueProvided,
    Field::Owner,
    Field::Tier,
    Field::Status,
    Field::FourthParty,
    Field::AnnualSpend,
    Field::Currency,
    Field::RenewalDate,
    Field::NoticePeriodDays,
    Field::DataHeld,
    Field::Website,
    Field::StatusPage,
    Field::Notes,
    Field::CreatedOn,
    Field::LockIn,
    Field::LockInReasons,
    Field::Alternatives,
    Field::ReplacementEffort,
    Field::PersonWeeks,
    Field::EmergencySwitchHours,
    Field::ExitStrategy,
    Field::ExitPlan,
    Field::LastRehearsed,
];

/// Other names hand-kept sheets give the default failure modes, used with a part ("Downtime
/// likelihood", "Breach risk").
const MODE_ALIASES: &[(&str, &[&str])] = &[
    ("Outage", &["Downtime", "Down", "Availability"]),
    ("Degradation", &["Slowdown", "Performance", "Degraded service"]),
    ("Price increase", &["Price rise", "Price hike", "Pricing"]),
    ("Provider failure", &["Vendor failure", "Business failure", "Insolvency"]),
    ("Privacy or compliance failure", &["Privacy", "Compliance", "Data breach", "Breach", "Security"]),
    ("Account suspension", &["Suspension", "Account ban"]),
    ("Unilateral change", &["Breaking change", "API change"]),
];

/// A failure mode of the register's catalogue, as a column names it.
#[derive(Debug, Clone, PartialEq)]
pub struct ModeRef {
    pub id: FailureModeId,
    pub name: String,
}

/// Which part of a failure mode's score a wide column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScorePart {
    Likelihood,
    Impact,
    /// One rating in words (Low … Critical), read as likelihood × impact.
    Rating,
    Note,
}

impl ScorePart {
    const ALL: [ScorePart; 4] = [ScorePart::Likelihood, ScorePart::Impact, ScorePart::Rating, ScorePart::Note];

    fn word(self) -> &'static str {
        match self {
            ScorePart::Likelihood => "likelihood",
            ScorePart::Impact => "impact",
            ScorePart::Rating => "rating",
            ScorePart::Note => "note",
        }
    }

    /// The folded suffixes a header may end in for this part.
    fn suffixes(self) -> &'static [&'static str] {
        match self {
            ScorePart::Likelihood => &["likelihood", "probability"],
            ScorePart::Impact => &["impact", "severity"],
            ScorePart::Rating => &["rating", "risk", "risklevel", "level"],
            ScorePart::Note => &["note", "notes", "comment", "comments"],
        }
    }
}

/// What a column is read as.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    Field(Field),
    Score {
        mode: ModeRef,
        part: ScorePart,
    },
    /// A figure Lifeboat computes (exposure, level, …): written for readers, never read.
    Computed,
    Ignored,
}

impl Role {
    /// The reading as the preview names it, or `None` for a column that is not read.
    pub fn label(&self) -> Option<String> {
        match self {
            Role::Field(f) => Some(f.header().to_string()),
            Role::Score { mode, part } => Some(format!("{} {}", mode.name, part.word())),
            Role::Computed | Role::Ignored => None,
        }
    }
}

/// Why a column is read the way it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReadingSource {
    /// Its header names a field.
    Recognised,
    /// The user chose its reading.
    Chosen,
    /// A figure Lifeboat computes; recomputed rather than read.
    Computed,
    /// Its header names nothing Lifeboat keeps.
    NotRecognised,
}

/// The user's reading of one column: `column` is its header as written, or its letter ("C")
/// when headers repeat; `reading` a label from `ImportPreview::readings`, or "" to ignore it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ColumnChoice {
    pub column: String,
    pub reading: String,
}

impl std::str::FromStr for ColumnChoice {
    type Err = String;

    /// "Column=field", as the command line takes it.
    fn from_str(text: &str) -> Result<ColumnChoice, String> {
        let (column, reading) =
            text.rsplit_once('=').ok_or_else(|| format!("\"{text}\" is not COLUMN=FIELD (for example \"Crit=Tier\" or \"Id=ignore\")."))?;
        Ok(ColumnChoice { column: column.trim().to_string(), reading: reading.trim().to_string() })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MappedColumn {
    pub header: String,
    pub role: Role,
    pub source: ReadingSource,
}

/// How every column of the providers table is read, indexed by column (from 0).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping {
    pub columns: Vec<MappedColumn>,
}

/// What the mapping step hands the plan: how the providers table's columns are read (absent
/// when there is no such table), one warning per column read in a way the user should know
/// about, and every reading a column could be given.
pub struct Columns {
    pub mapping: Option<Mapping>,
    pub warnings: Vec<ImportProblem>,
    pub readings: Vec<String>,
}

/// The second step: maps the providers table of `source` against the catalogue, with the user's
/// `choices` on top.
pub fn map(source: &Source, catalogue: &[FailureMode], choices: &[ColumnChoice], problems: &mut Problems) -> Columns {
    let recogniser = Recogniser::new(catalogue);
    let readings = recogniser.readings();
    match &source.providers {
        Some(table) => {
            let (mapping, warnings) = recogniser.map(table, choices, problems);
            Columns { mapping: Some(mapping), warnings, readings }
        }
        None => Columns { mapping: None, warnings: Vec::new(), readings },
    }
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| c.role == Role::Field(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }

    /// The wide score columns: (column, mode, part).
    pub fn scores(&self) -> impl Iterator<Item = (usize, &ModeRef, ScorePart)> {
        self.columns.iter().enumerate().filter_map(|(i, c)| match &c.role {
            Role::Score { mode, part } => Some((i, mode, *part)),
            _ => None,
        })
    }
}

/// Reads headers against the catalogue.
struct Recogniser<'a> {
    catalogue: &'a [FailureMode],
}

impl<'a> Recogniser<'a> {
    fn new(catalogue: &'a [FailureMode]) -> Recogniser<'a> {
        Recogniser { catalogue }
    }

    /// Every reading a providers column can be given, as the remap choice lists them.
    fn readings(&self) -> Vec<String> {
        let fields = PROVIDER_FIELDS.iter().map(|f| f.header().to_string());
        let scores = self
            .catalogue
            .iter()
            .filter(|m| !m.retired)
            .flat_map(|m| ScorePart::ALL.iter().map(move |p| format!("{} {}", m.name, p.word())));
        fields.chain(scores).collect()
    }

    /// What a header (or a reading the user typed) means, if anything.
    fn recognise(&self, header: &str) -> Option<Role> {
        match Field::recognise(header) {
            Some(Field::Computed) => return Some(Role::Computed),
            Some(f) if PROVIDER_FIELDS.contains(&f) => return Some(Role::Field(f)),
            Some(_) | None => {}
        }
        let wanted = fold(header);
        for mode in self.catalogue {
            for name in self.names_of(mode) {
                let Some(rest) = wanted.strip_prefix(&fold(name)) else { continue };
                if rest.is_empty() && name == mode.name {
                    return Some(Role::Score { mode: ModeRef { id: mode.id, name: mode.name.clone() }, part: ScorePart::Rating });
                }
                if let Some(part) = ScorePart::ALL.into_iter().find(|p| p.suffixes().contains(&rest)) {
                    return Some(Role::Score { mode: ModeRef { id: mode.id, name: mode.name.clone() }, part });
                }
            }
        }
        None
    }

    /// The mode's own name first, then the aliases of a default mode.
    fn names_of<'m>(&self, mode: &'m FailureMode) -> impl Iterator<Item = &'m str> {
        let aliases = MODE_ALIASES.iter().find(|(n, _)| fold(n) == fold(&mode.name)).map(|(_, a)| *a).unwrap_or(&[]);
        std::iter::once(mode.name.as_str()).chain(aliases.iter().copied())
    }

    /// Reads `table`'s header, applies the user's `choices`, and refuses two columns read as the
    /// same thing.
    fn map(&self, table: &Table, choices: &[ColumnChoice], problems: &mut Problems) -> (Mapping, Vec<ImportProblem>) {
        let mut columns: Vec<MappedColumn> = table
            .header
            .iter()
            .map(|h| {
                let (role, source) = match self.recognise(h) {
                    Some(Role::Computed) => (Role::Computed, ReadingSource::Computed),
                    Some(role) => (role, ReadingSource::Recognised),
                    None => (Role::Ignored, ReadingSource::NotRecognised),
                };
                MappedColumn { header: h.clone(), role, source }
            })
            .collect();
        for choice in choices {
            match self.choose(table, choice) {
                Ok((column, role)) => {
                    columns[column].role = role;
                    columns[column].source = ReadingSource::Chosen;
                }
                Err(message) => problems.push(ImportProblem::file(&table.file, message)),
            }
        }
        let header_row = table.header_row;
        for (i, c) in columns.iter().enumerate() {
            if c.role == Role::Ignored || c.role == Role::Computed {
                continue;
            }
            if let Some(first) = columns[..i].iter().position(|earlier| earlier.role == c.role) {
                problems.push(table.problem(
                    header_row,
                    i,
                    format!(
                        "This column is read as {} like column {}; keep only one of them, or read one as something else.",
                        c.role.label().unwrap_or_default(),
                        column_letters(first as u32 + 1)
                    ),
                ));
            }
        }
        let warnings =
            columns.iter().enumerate().filter_map(|(i, c)| how_it_was_read(c).map(|m| table.problem(header_row, i, m))).collect();
        (Mapping { columns }, warnings)
    }

    fn choose(&self, table: &Table, choice: &ColumnChoice) -> Result<(usize, Role), String> {
        let named: Vec<usize> = table.header.iter().enumerate().filter(|(_, h)| fold(h) == fold(&choice.column)).map(|(i, _)| i).collect();
        let column = match named.as_slice() {
            [one] => *one,
            [] => letter_index(&choice.column).filter(|i| *i < table.header.len()).ok_or_else(|| {
                format!(
                    "There is no column \"{}\" to read as \"{}\"; the columns are {}.",
                    choice.column,
                    choice.reading,
                    table.header.join(", ")
                )
            })?,
            _ => {
                return Err(format!("Several columns are headed \"{}\"; name the one to read by its letter.", choice.column));
            }
        };
        let reading = choice.reading.trim();
        if reading.is_empty() || matches!(fold(reading).as_str(), "ignore" | "ignored" | "none" | "skip") {
            return Ok((column, Role::Ignored));
        }
        match self.recognise(reading) {
            Some(Role::Computed) | None => Err(format!(
                "Column {} ({}) cannot be read as \"{reading}\": that is not a field Lifeboat keeps. Fields include Provider, Category, Owner, Tier, Exit strategy, Alternatives and \"Outage likelihood\"; \"ignore\" leaves the column out.",
                column_letters(column as u32 + 1),
                table.header_name(column)
            )),
            Some(role) => Ok((column, role)),
        }
    }
}

/// "C" → 2, "AA" → 26.
fn letter_index(text: &str) -> Option<usize> {
    let t = text.trim();
    if t.is_empty() || t.len() > 3 || !t.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let n = t.to_ascii_uppercase().bytes().fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1));
    Some(n - 1)
}

/// The warning that says how a column was read, for the readings a user should check.
fn how_it_was_read(c: &MappedColumn) -> Option<String> {
    match (&c.role, c.source) {
        (Role::Ignored, ReadingSource::NotRecognised) if !c.header.trim().is_empty() => Some("Column not recognised; it is ignored.".into()),
        (Role::Ignored, ReadingSource::Chosen) => Some("Ignored, as chosen.".into()),
        (Role::Score { mode, part: ScorePart::Rating }, _) => Some(format!(
            "Read as the {} rating in words: Low, Medium, High and Critical are taken as likelihood × impact 2 × 2, 3 × 3, 4 × 4 and 5 × 5.",
            mode.name
        )),
        (Role::Score { mode, part: ScorePart::Likelihood }, _) => {
            Some(format!("Read as {} likelihood: 1–5, or {}.", mode.name, LIKELIHOOD.join(", ").to_lowercase()))
        }
        (Role::Score { mode, part: ScorePart::Impact }, _) => {
            Some(format!("Read as {} impact: 1–5, or {}.", mode.name, IMPACT.join(", ").to_lowercase()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Register;

    fn reading(header: &str) -> Option<String> {
        let register = Register::open_in_memory().unwrap();
        let catalogue = register.catalogue().unwrap();
        Recogniser::new(&catalogue).recognise(header).and_then(|r| r.label())
    }

    #[test]
    fn wide_headers_name_a_failure_mode_and_a_part() {
        assert_eq!(reading("Outage likelihood").as_deref(), Some("Outage likelihood"));
        assert_eq!(reading("OUTAGE - impact").as_deref(), Some("Outage impact"));
        assert_eq!(reading("Outage").as_deref(), Some("Outage rating"));
        assert_eq!(reading("Downtime risk").as_deref(), Some("Outage rating"));
        assert_eq!(reading("Data breach likelihood").as_deref(), Some("Privacy or compliance failure likelihood"));
        assert_eq!(reading("Price increase note").as_deref(), Some("Price increase note"));
        assert_eq!(reading("Vendor").as_deref(), Some("Provider"));
        // An alias alone is too vague to be a rating ("Security" may be anything).
        assert_eq!(reading("Security"), None);
        assert_eq!(reading("Exposure"), None, "computed columns are not read");
    }

    #[test]
    fn choices_parse_from_the_command_line() {
        assert_eq!("Crit = Tier".parse(), Ok(ColumnChoice { column: "Crit".into(), reading: "Tier".into() }));
        assert!("Crit".parse::<ColumnChoice>().unwrap_err().contains("COLUMN=FIELD"));
        assert_eq!(letter_index("C"), Some(2));
        assert_eq!(letter_index("aa"), Some(26));
        assert_eq!(letter_index("Notes"), None);
    }
}
