//! Part of the third step: every field an update changes, old → new, as the register shows it.
//! The dry run lists these so no change, and no loss, is a surprise.

use super::columns::PROVIDER_FIELDS;
use super::preview::FieldChange;
use crate::domain::provider::{ProviderDraft, Scenario};
use crate::domain::text::fold;
use crate::worksheet::csv::headers::Field;

/// The value of `field` in words; empty when not set.
fn shown(field: Field, d: &ProviderDraft) -> String {
    let (p, r) = (&d.profile, &d.risk);
    let opt = |v: Option<String>| v.unwrap_or_default();
    match field {
        Field::Name => p.name.clone(),
        Field::Category => p.category.label().into(),
        Field::ValueProvided => p.value_provided.clone(),
        Field::Owner => p.owner.clone(),
        Field::Tier => p.tier.to_string(),
        Field::Status => p.status.label().into(),
        Field::FourthParty => if p.fourth_party { "yes" } else { "no" }.into(),
        Field::AnnualSpend => opt(p.annual_spend.map(|v| crate::worksheet::Cell::Number(v).to_text().into_owned())),
        Field::Currency => p.currency.clone(),
        Field::RenewalDate => opt(p.renewal_date.map(|d| d.to_string())),
        Field::NoticePeriodDays => opt(p.notice_period_days.map(|v| v.to_string())),
        Field::DataHeld => p.data_held.label().into(),
        Field::Website => p.website.clone(),
        Field::StatusPage => p.status_page.clone(),
        Field::Notes => p.notes.clone(),
        Field::LockIn => r.lock_in.level.to_string(),
        Field::LockInReasons => r.lock_in.reasons.clone(),
        Field::Alternatives => {
            r.alternatives.iter().map(|a| format!("{} ({})", a.name, a.readiness.label())).collect::<Vec<_>>().join("; ")
        }
        Field::ReplacementEffort => r.replacement.effort.to_string(),
        Field::PersonWeeks => opt(r.replacement.person_weeks.map(|v| crate::worksheet::Cell::Number(v).to_text().into_owned())),
        Field::EmergencySwitchHours => opt(r.replacement.emergency_switch_hours.map(|v| v.to_string())),
        Field::ExitStrategy => r.exit.strategy.label().into(),
        Field::ExitPlan => r.exit.plan.clone(),
        Field::LastRehearsed => opt(r.exit.last_rehearsed.map(|d| d.to_string())),
        _ => String::new(),
    }
}

fn score(s: &Scenario) -> String {
    let part = |v: Option<u8>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    match (s.likelihood, s.impact) {
        (None, None) => "not scored".into(),
        (likelihood, impact) => format!("likelihood {} × impact {}", part(likelihood), part(impact)),
    }
}

/// Every field that differs between `old` and `new`.
pub fn between(old: &ProviderDraft, new: &ProviderDraft) -> Vec<FieldChange> {
    // Every field a providers table can carry, but the day it was added, which no update changes.
    let mut out: Vec<FieldChange> = PROVIDER_FIELDS
        .iter()
        .filter(|&&f| f != Field::CreatedOn)
        .filter_map(|&f| {
            let (from, to) = (shown(f, old), shown(f, new));
            (from != to).then(|| FieldChange { field: f.header().to_string(), from, to })
        })
        .collect();
    for s in &new.risk.scenarios {
        let before = old.risk.scenarios.iter().find(|o| o.mode_id == s.mode_id && (s.mode_id.is_some() || fold(&o.mode) == fold(&s.mode)));
        let (from_score, from_note) = before.map(|b| (score(b), b.note.clone())).unwrap_or_else(|| ("not listed".into(), String::new()));
        if from_score != score(s) {
            out.push(FieldChange { field: s.mode.clone(), from: from_score, to: score(s) });
        }
        if from_note != s.note {
            out.push(FieldChange { field: format!("{} note", s.mode), from: from_note, to: s.note.clone() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider::{Alternative, ExitStrategy, Readiness};
    use crate::storage::Register;

    #[test]
    fn every_changed_field_is_listed_old_to_new() {
        let register = Register::open_in_memory().unwrap();
        let old = register.new_draft().unwrap();
        let mut new = old.clone();
        new.risk.exit.strategy = ExitStrategy::PrepareExit;
        new.risk.alternatives.push(Alternative { name: "Adyen".into(), readiness: Readiness::Contracted });
        (new.risk.scenarios[0].likelihood, new.risk.scenarios[0].impact) = (Some(4), Some(2));
        let changes = between(&old, &new);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["Alternatives", "Exit strategy", "Outage"]);
        assert_eq!((changes[1].from.as_str(), changes[1].to.as_str()), ("Accept", "Prepare exit"));
        assert_eq!(changes[0].to, "Adyen (Contracted)");
        assert!(between(&old, &old).is_empty());
    }
}
