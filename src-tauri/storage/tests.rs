mod money;
mod services;

use chrono::NaiveDate;

use super::*;
use crate::domain::provider::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn draft(reg: &Register, name: &str) -> ProviderDraft {
    let mut d = reg.new_draft().unwrap();
    d.profile.name = name.into();
    d
}

#[test]
fn a_new_register_has_the_default_catalogue() {
    let reg = Register::open_in_memory().unwrap();
    let names: Vec<String> = reg.catalogue().unwrap().into_iter().map(|m| m.name).collect();
    assert_eq!(names.len(), 7);
    assert_eq!(names[0], "Outage");
    assert_eq!(names[6], "Unilateral change");
    assert_eq!(reg.new_draft().unwrap().risk.scenarios.len(), 7);
}

#[test]
fn names_are_unique_ignoring_case() {
    let mut reg = Register::open_in_memory().unwrap();
    reg.create_provider(&draft(&reg, "Stripe"), day(1)).unwrap();
    let err = reg.create_provider(&draft(&reg, "stripe "), day(1)).unwrap_err();
    match err {
        StoreError::Invalid(v) => {
            assert_eq!(v.errors[0].field, "profile.name");
            assert_eq!(v.errors[0].message, "A provider named \"stripe\" already exists.");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(reg.provider_count().unwrap(), 1);
}

#[test]
fn same_day_edits_amend_and_later_edits_add_snapshots() {
    let mut reg = Register::open_in_memory().unwrap();
    let p = reg.create_provider(&draft(&reg, "Stripe"), day(1)).unwrap();
    let mut d = p.draft();
    (d.risk.scenarios[0].likelihood, d.risk.scenarios[0].impact) = (Some(3), Some(1));
    reg.update_provider(p.id, &d, day(1)).unwrap();
    assert_eq!(reg.snapshots(p.id).unwrap().len(), 1);
    assert_eq!(reg.snapshots(p.id).unwrap()[0].risk.scenarios[0].likelihood, Some(3));

    d.risk.scenarios[0].impact = Some(4);
    reg.update_provider(p.id, &d, day(2)).unwrap();
    let trend = reg.trend(p.id).unwrap();
    assert_eq!(trend.iter().map(|t| t.inherent).collect::<Vec<_>>(), vec![Some(3), Some(12)]);
    // The earlier snapshot is untouched.
    assert_eq!(reg.snapshots(p.id).unwrap()[0].risk.scenarios[0].impact, Some(1));
}

#[test]
fn profile_only_edits_record_no_assessment_but_confirm_does() {
    let mut reg = Register::open_in_memory().unwrap();
    let p = reg.create_provider(&draft(&reg, "Stripe"), day(1)).unwrap();
    let mut d = p.draft();
    d.profile.notes = "Renegotiate in spring".into();
    let saved = reg.update_provider(p.id, &d, day(5)).unwrap();
    assert_eq!(saved.profile.notes, "Renegotiate in spring");
    assert_eq!(reg.snapshots(p.id).unwrap().len(), 1);
    reg.confirm_unchanged(p.id, day(9), None).unwrap();
    let snaps = reg.snapshots(p.id).unwrap();
    assert_eq!(snaps.len(), 2);
    assert_eq!(snaps[1].taken_on, day(9));
    assert_eq!(snaps[0].risk, snaps[1].risk);
}

#[test]
fn invalid_drafts_save_nothing() {
    let mut reg = Register::open_in_memory().unwrap();
    let p = reg.create_provider(&draft(&reg, "Stripe"), day(1)).unwrap();
    let mut d = p.draft();
    (d.risk.scenarios[0].likelihood, d.risk.scenarios[0].impact) = (Some(7), Some(1));
    d.profile.notes = "should not be saved".into();
    assert!(matches!(reg.update_provider(p.id, &d, day(2)), Err(StoreError::Invalid(_))));
    assert_eq!(reg.provider(p.id).unwrap(), p);
    assert_eq!(reg.snapshots(p.id).unwrap().len(), 1);
}

#[test]
fn delete_removes_history_and_archive_keeps_it() {
    let mut reg = Register::open_in_memory().unwrap();
    let a = reg.create_provider(&draft(&reg, "A"), day(1)).unwrap();
    let b = reg.create_provider(&draft(&reg, "B"), day(1)).unwrap();
    reg.set_status(a.id, Status::Retired).unwrap();
    assert_eq!(reg.provider(a.id).unwrap().profile.status, Status::Retired);
    reg.delete_provider(b.id).unwrap();
    assert!(matches!(reg.provider(b.id), Err(StoreError::NotFound(_))));
    assert!(reg.snapshots(b.id).unwrap().is_empty());
    assert!(matches!(reg.delete_provider(b.id), Err(StoreError::NotFound(_))));
}

#[test]
fn register_rows_pair_each_provider_with_its_own_trend() {
    let mut reg = Register::open_in_memory().unwrap();
    let a = reg.create_provider(&draft(&reg, "A"), day(1)).unwrap();
    let b = reg.create_provider(&draft(&reg, "B"), day(1)).unwrap();
    let mut d = b.draft();
    (d.risk.scenarios[1].likelihood, d.risk.scenarios[1].impact) = (Some(4), Some(5));
    reg.update_provider(b.id, &d, day(2)).unwrap();
    d.risk.scenarios[1].likelihood = Some(5);
    reg.update_provider(b.id, &d, day(3)).unwrap();
    let rows = reg.register_rows(day(4)).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].id, a.id);
    // A is as created: Not assessed. B's first snapshot was unscored; its scored ones rose.
    assert_eq!(rows[0].direction, crate::domain::history::Direction::New);
    assert_eq!(rows[0].inherent_level, None);
    assert_eq!(rows[1].direction, crate::domain::history::Direction::Up);
    assert_eq!(rows[1].inherent, Some(25));
    assert_eq!(rows[1].last_assessed, day(3));
    assert_eq!(rows[1].heat.unwrap().likelihood, 5);
}
