//! Part of the third step: one row of the providers table laid over a provider. Only cells
//! that hold something change anything, so a sheet that leaves a field blank (or has no column
//! for it) never clears what the register holds; alternatives are merged, never removed.

use super::cells::{self, ListedAlternative};
use super::columns::{Mapping, ModeRef, ScorePart};
use super::table::{Problems, Table, TableRow};
use crate::domain::provider::{Alternative, Category, DataHeld, ExitStrategy, ProviderDraft, Readiness, Scenario, Status};
use crate::domain::scales::{EFFORT, IMPACT, LIKELIHOOD, LOCK_IN};
use crate::domain::text::fold;
use crate::worksheet::csv::headers::Field;
use crate::worksheet::{Cell, ImportProblem};

/// Reads rows of one table against its mapping, filing problems and warnings.
pub struct RowReader<'a> {
    pub table: &'a Table,
    pub mapping: &'a Mapping,
    pub problems: &'a mut Problems,
    pub warnings: &'a mut Vec<ImportProblem>,
}

/// One row being laid over one draft.
struct Laying<'r, 'a> {
    reader: &'r mut RowReader<'a>,
    row: &'r TableRow,
}

impl RowReader<'_> {
    /// The provider's name on `row`, trimmed; empty when the cell is.
    pub fn name(&self, row: &TableRow) -> String {
        self.mapping.column(Field::Name).map(|c| row.cell(c).to_text().trim().to_string()).unwrap_or_default()
    }

    pub fn problem(&self, row: &TableRow, field: Field, message: impl Into<String>) -> ImportProblem {
        match self.mapping.column(field) {
            Some(c) => self.table.problem(row.number, c, message),
            None => ImportProblem::row(&self.table.file, row.number, message),
        }
    }

    /// Lays `row` over `draft`.
    pub fn lay(&mut self, row: &TableRow, draft: &mut ProviderDraft) {
        let mut laying = Laying { reader: self, row };
        laying.profile(draft);
        laying.risk(draft);
        laying.scores(draft);
    }
}

impl Laying<'_, '_> {
    /// The cell of `field`, when the table has the column and the cell holds something.
    fn cell(&self, field: Field) -> Option<&Cell<'static>> {
        let column = self.reader.mapping.column(field)?;
        Some(self.row.cell(column)).filter(|c| !c.is_blank())
    }

    fn text(&self, field: Field) -> Option<String> {
        self.cell(field).map(|c| c.to_text().into_owned())
    }

    fn report<T>(&mut self, field: Field, result: Result<T, String>) -> Option<T> {
        result.map_err(|m| self.reader.problems.push(self.reader.problem(self.row, field, m))).ok()
    }

    fn warn(&mut self, field: Field, message: impl Into<String>) {
        let w = self.reader.problem(self.row, field, message);
        self.reader.warnings.push(w);
    }

    /// Words after a choice that has no text of its own are kept in the notes, labelled.
    fn keep_in_notes(&mut self, draft: &mut ProviderDraft, field: Field, choice: &str, rest: &str) {
        if rest.is_empty() {
            return;
        }
        let header = self.reader.mapping.column(field).map(|c| self.reader.table.header_name(c).to_string()).unwrap_or_default();
        append(&mut draft.profile.notes, &format!("{header}: {rest}"));
        self.warn(field, format!("Read as {choice}; the words after it are kept in Notes."));
    }

    fn choice<T: Copy>(
        &mut self,
        draft: &mut ProviderDraft,
        field: Field,
        what: &str,
        parse: fn(&str) -> Option<T>,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        let text = self.text(field)?;
        match cells::leading(&text, parse) {
            Some((value, rest)) => {
                self.keep_in_notes(draft, field, label(value), &rest);
                Some(value)
            }
            None => {
                let options: Vec<&str> = all.iter().map(|c| label(*c)).collect();
                let message = format!("\"{}\" is not a {what}; expected one of: {}.", text.trim(), options.join(", "));
                self.report::<T>(field, Err(message))
            }
        }
    }

    fn profile(&mut self, draft: &mut ProviderDraft) {
        // Text fields first: the words kept from choice cells below are added to the notes the
        // row ends up with, so importing the same row twice changes nothing the second time.
        for (field, target) in [
            (Field::ValueProvided, &mut draft.profile.value_provided),
            (Field::Owner, &mut draft.profile.owner),
            (Field::Website, &mut draft.profile.website),
            (Field::StatusPage, &mut draft.profile.status_page),
            (Field::Notes, &mut draft.profile.notes),
        ] {
            if let Some(t) = self.text(field) {
                *target = t;
            }
        }
        if let Some(v) = self.choice(draft, Field::Category, "category", Category::parse, Category::ALL, Category::label) {
            draft.profile.category = v;
        }
        if let Some(v) = self.choice(draft, Field::Status, "status", Status::parse, Status::ALL, Status::label) {
            draft.profile.status = v;
        }
        if let Some(v) = self.choice(draft, Field::DataHeld, "kind of data held", DataHeld::parse, DataHeld::ALL, DataHeld::label) {
            draft.profile.data_held = v;
        }
        // Only a column that says so changes it: an older export, or a sheet without the column,
        // leaves a provider as it was (and a new one with a contract, the usual case).
        if let Some(cell) = self.cell(Field::FourthParty).cloned() {
            if let Some(v) = self.report(Field::FourthParty, cells::flag(&cell, "Fourth party")) {
                draft.profile.fourth_party = v;
            }
        }
        if let Some(t) = self.text(Field::Currency) {
            draft.profile.currency = t.trim().to_uppercase();
        }
        if let Some(cell) = self.cell(Field::Tier).cloned() {
            if let Some((tier, rest)) = self.report(Field::Tier, cells::tier(&cell)) {
                draft.profile.tier = tier;
                self.keep_in_notes(draft, Field::Tier, &format!("tier {tier}"), &rest);
            }
        }
        if let Some(cell) = self.cell(Field::AnnualSpend).cloned() {
            if let Some(v) = self.report(Field::AnnualSpend, cells::amount(&cell, "Annual spend")) {
                draft.profile.annual_spend = Some(v);
            }
        }
        if let Some(cell) = self.cell(Field::RenewalDate).cloned() {
            if let Some(v) = self.report(Field::RenewalDate, cells::date(&cell)) {
                draft.profile.renewal_date = Some(v);
            }
        }
        if let Some(cell) = self.cell(Field::NoticePeriodDays).cloned() {
            if let Some(v) = self.report(Field::NoticePeriodDays, cells::count(&cell, "Notice period")) {
                draft.profile.notice_period_days = Some(v);
            }
        }
    }

    fn risk(&mut self, draft: &mut ProviderDraft) {
        let reasons = self.text(Field::LockInReasons);
        if let Some(cell) = self.cell(Field::LockIn).cloned() {
            match cells::scale(&cell, "Lock-in", 5, &LOCK_IN) {
                Ok((level, rest)) => {
                    draft.risk.lock_in.level = level;
                    keep_with(&mut draft.risk.lock_in.reasons, reasons.as_deref(), &rest);
                }
                Err(m) if is_numeric(&cell) => {
                    let p = self.reader.problem(self.row, Field::LockIn, m);
                    self.reader.problems.push(p);
                }
                // Words that name no level still say what locks us in.
                Err(_) => {
                    keep_with(&mut draft.risk.lock_in.reasons, reasons.as_deref(), cell.to_text().trim());
                    self.warn(
                        Field::LockIn,
                        "No lock-in level (1–5) was read; the text is kept in Lock-in reasons and the level left as it was.",
                    );
                }
            }
        } else if let Some(r) = reasons {
            draft.risk.lock_in.reasons = r;
        }
        if let Some(t) = self.text(Field::Alternatives) {
            merge_alternatives(&mut draft.risk.alternatives, cells::alternatives(&t));
        }
        if let Some(cell) = self.cell(Field::ReplacementEffort).cloned() {
            if let Some((effort, rest)) = self.report(Field::ReplacementEffort, cells::scale(&cell, "Replacement effort", 5, &EFFORT)) {
                draft.risk.replacement.effort = effort;
                self.keep_in_notes(draft, Field::ReplacementEffort, EFFORT[usize::from(effort) - 1], &rest);
            }
        }
        if let Some(cell) = self.cell(Field::PersonWeeks).cloned() {
            if let Some(v) = self.report(Field::PersonWeeks, cells::amount(&cell, "Person-weeks")) {
                draft.risk.replacement.person_weeks = Some(v);
            }
        }
        if let Some(cell) = self.cell(Field::EmergencySwitchHours).cloned() {
            if let Some(v) = self.report(Field::EmergencySwitchHours, cells::count(&cell, "Emergency switch time")) {
                draft.risk.replacement.emergency_switch_hours = Some(v);
            }
        }
        let plan = self.text(Field::ExitPlan);
        if let Some(text) = self.text(Field::ExitStrategy) {
            match cells::leading(&text, ExitStrategy::parse) {
                Some((strategy, rest)) => {
                    draft.risk.exit.strategy = strategy;
                    keep_with(&mut draft.risk.exit.plan, plan.as_deref(), &rest);
                }
                None => {
                    keep_with(&mut draft.risk.exit.plan, plan.as_deref(), text.trim());
                    let options: Vec<&str> = ExitStrategy::ALL.iter().map(|s| s.label()).collect();
                    self.warn(
                        Field::ExitStrategy,
                        format!(
                            "No exit strategy ({}) was read; the text is kept in the exit plan and the strategy left as it was.",
                            options.join(", ")
                        ),
                    );
                }
            }
        } else if let Some(p) = plan {
            draft.risk.exit.plan = p;
        }
        if let Some(cell) = self.cell(Field::LastRehearsed).cloned() {
            if let Some(v) = self.report(Field::LastRehearsed, cells::date(&cell)) {
                draft.risk.exit.last_rehearsed = Some(v);
            }
        }
    }

    /// The wide columns: per failure mode, a likelihood, an impact, a rating in words, a note.
    fn scores(&mut self, draft: &mut ProviderDraft) {
        let columns: Vec<(usize, ModeRef, ScorePart)> = self.reader.mapping.scores().map(|(c, m, p)| (c, m.clone(), p)).collect();
        // Ratings first, so explicit likelihood and impact columns win over them.
        let mut ordered = columns;
        ordered.sort_by_key(|(_, _, part)| *part != ScorePart::Rating);
        for (column, mode, part) in ordered {
            let cell = self.row.cell(column).clone();
            if cell.is_blank() {
                continue;
            }
            let located = |reader: &RowReader, m: String| reader.table.problem(self.row.number, column, m);
            let scenario = scenario_of(draft, &mode);
            match part {
                ScorePart::Likelihood | ScorePart::Impact => {
                    let (what, words) = if part == ScorePart::Likelihood { ("likelihood", &LIKELIHOOD) } else { ("impact", &IMPACT) };
                    match cells::scale(&cell, &format!("{} {what}", mode.name), 5, words) {
                        Ok((v, rest)) => {
                            if part == ScorePart::Likelihood {
                                scenario.likelihood = Some(v);
                            } else {
                                scenario.impact = Some(v);
                            }
                            if !rest.is_empty() {
                                append(&mut scenario.note, &rest);
                            }
                        }
                        Err(m) => {
                            let p = located(self.reader, m);
                            self.reader.problems.push(p);
                        }
                    }
                }
                ScorePart::Rating => match cells::rating(&cell) {
                    Ok(Some((likelihood, impact))) => {
                        scenario.likelihood = Some(likelihood);
                        scenario.impact = Some(impact);
                    }
                    Ok(None) => {}
                    Err(m) => {
                        let p = located(self.reader, m);
                        self.reader.problems.push(p);
                    }
                },
                ScorePart::Note => scenario.note = cell.to_text().into_owned(),
            }
        }
    }
}

fn is_numeric(cell: &Cell) -> bool {
    matches!(cell, Cell::Number(_)) || cell.to_text().trim().parse::<f64>().is_ok()
}

/// The draft's scenario for `mode`, added unscored when the provider has none yet.
fn scenario_of<'d>(draft: &'d mut ProviderDraft, mode: &ModeRef) -> &'d mut Scenario {
    let found =
        draft.risk.scenarios.iter().position(|s| s.mode_id == Some(mode.id) || (s.mode_id.is_none() && fold(&s.mode) == fold(&mode.name)));
    let index = found.unwrap_or_else(|| {
        draft.risk.scenarios.push(Scenario {
            mode_id: Some(mode.id),
            mode: mode.name.clone(),
            likelihood: None,
            impact: None,
            note: String::new(),
        });
        draft.risk.scenarios.len() - 1
    });
    &mut draft.risk.scenarios[index]
}

/// Sets a text field from its own cell when the sheet has one, and keeps `rest` (words that
/// came after a choice) in it too. Without a cell of its own, `rest` is added to what the
/// register holds rather than replacing it: it is a remark, not the whole text.
fn keep_with(target: &mut String, own: Option<&str>, rest: &str) {
    if let Some(own) = own {
        *target = own.to_string();
    }
    append(target, rest);
}

/// Adds `text` on a line of its own, unless it is already there (so importing a sheet twice
/// changes nothing the second time).
fn append(target: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() || target.contains(text) {
        return;
    }
    if !target.is_empty() {
        target.push('\n');
    }
    target.push_str(text);
}

/// The sheet's alternatives merged into the provider's: a listed one takes the readiness in its
/// brackets (a bare name keeps the readiness the register has), a new one is added, and none is
/// ever removed.
fn merge_alternatives(alternatives: &mut Vec<Alternative>, listed: Vec<ListedAlternative>) {
    for item in listed {
        match alternatives.iter_mut().find(|a| fold(&a.name) == fold(&item.name)) {
            Some(known) => {
                if let Some(r) = item.readiness {
                    known.readiness = r;
                }
            }
            None => alternatives.push(Alternative { name: item.name, readiness: item.readiness.unwrap_or(Readiness::Identified) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_alternatives_adds_and_updates_but_never_removes() {
        let mut alts = vec![
            Alternative { name: "Adyen".into(), readiness: Readiness::Contracted },
            Alternative { name: "Mollie".into(), readiness: Readiness::Evaluated },
        ];
        merge_alternatives(&mut alts, cells::alternatives("adyen; Braintree (evaluated)"));
        assert_eq!(alts.len(), 3);
        assert_eq!(alts[0].readiness, Readiness::Contracted, "a bare name keeps what the register knows");
        assert_eq!(alts[2], Alternative { name: "Braintree".into(), readiness: Readiness::Evaluated });
    }

    #[test]
    fn appended_text_is_not_repeated() {
        let mut notes = "Card vault export".to_string();
        append(&mut notes, "Card vault export");
        append(&mut notes, "Quarterly drill");
        assert_eq!(notes, "Card vault export\nQuarterly drill");
    }
}
