//! Contract renewals: the notice deadline a renewal date and notice period give, the renewal
//! watch list, and the warning that it is already too late to replace a provider before the
//! contract renews.

use crate::domain::ids::ProviderId;
use chrono::{Days, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use super::provider::{Provider, Status};

/// Contracts renewing within this many days are on the watch list (the PDF's 90 days).
pub const RENEWAL_WATCH_DAYS: i64 = 90;

/// The last day notice can be given: the renewal date minus the notice period.
pub fn notice_deadline(renewal: NaiveDate, notice_period_days: u32) -> NaiveDate {
    renewal.checked_sub_days(Days::new(notice_period_days as u64)).unwrap_or(NaiveDate::MIN)
}

/// Calendar days a replacement would take: person-weeks read as weeks of one person's time,
/// rounded up to whole days.
pub fn replacement_days(person_weeks: f64) -> Option<i64> {
    (person_weeks.is_finite() && person_weeks > 0.0).then(|| (person_weeks * 7.0).ceil() as i64)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[ts(export)]
pub enum ContractAlert {
    /// The renewal date has passed: the contract renewed (or the date needs updating).
    RenewalPassed,
    /// The notice deadline has passed; the contract renews whatever happens now.
    NoticePassed,
    /// Replacing the provider takes longer than is left before the notice deadline:
    /// "you can no longer leave before you renew".
    CannotLeaveInTime,
    /// The notice deadline is within the watch window.
    NoticeSoon,
    /// Renews within the watch window, nothing urgent.
    RenewsSoon,
    /// Renews later.
    Later,
}

/// One contract on the renewal watch list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ContractWatch {
    pub provider_id: ProviderId,
    pub name: String,
    pub renewal_date: NaiveDate,
    pub days_to_renewal: i64,
    pub notice_period_days: Option<u32>,
    pub notice_deadline: Option<NaiveDate>,
    pub days_to_notice_deadline: Option<i64>,
    /// From the replacement estimate's person-weeks.
    pub replacement_days: Option<i64>,
    pub alert: ContractAlert,
    /// One sentence for the list, the provider page and the PDF.
    pub message: String,
}

/// The contract of one provider as of `today`, if it has a renewal date.
pub fn watch(provider: &Provider, today: NaiveDate) -> Option<ContractWatch> {
    let renewal = provider.profile.renewal_date?;
    let notice = provider.profile.notice_period_days;
    let deadline = notice.map(|days| notice_deadline(renewal, days));
    let days_to_renewal = (renewal - today).num_days();
    let days_to_deadline = deadline.map(|d| (d - today).num_days());
    let needed = provider.risk.replacement.person_weeks.and_then(replacement_days);
    let deadline_or_renewal = days_to_deadline.unwrap_or(days_to_renewal);
    let alert = if days_to_renewal < 0 {
        ContractAlert::RenewalPassed
    } else if deadline_or_renewal < 0 {
        ContractAlert::NoticePassed
    } else if needed.is_some_and(|n| n > deadline_or_renewal) {
        ContractAlert::CannotLeaveInTime
    } else if deadline_or_renewal <= RENEWAL_WATCH_DAYS && deadline.is_some() {
        ContractAlert::NoticeSoon
    } else if days_to_renewal <= RENEWAL_WATCH_DAYS {
        ContractAlert::RenewsSoon
    } else {
        ContractAlert::Later
    };
    let message = match alert {
        ContractAlert::RenewalPassed => format!("The renewal date {renewal} has passed; update it if the contract renewed."),
        ContractAlert::NoticePassed => {
            format!("The notice deadline {} has passed; the contract renews on {renewal}.", deadline.unwrap_or(renewal))
        }
        ContractAlert::CannotLeaveInTime => format!(
            "You can no longer leave before you renew: replacing it takes about {} days, but notice is due in {} days ({}).",
            needed.unwrap_or_default(),
            deadline_or_renewal,
            deadline.unwrap_or(renewal)
        ),
        ContractAlert::NoticeSoon => format!(
            "Give notice by {} ({} days) to leave before the renewal on {renewal}.",
            deadline.unwrap_or(renewal),
            deadline_or_renewal
        ),
        ContractAlert::RenewsSoon | ContractAlert::Later => match deadline {
            Some(d) => format!("Renews on {renewal} ({days_to_renewal} days); notice deadline {d}."),
            None => format!("Renews on {renewal} ({days_to_renewal} days); no notice period recorded."),
        },
    };
    Some(ContractWatch {
        provider_id: provider.id,
        name: provider.profile.name.clone(),
        renewal_date: renewal,
        days_to_renewal,
        notice_period_days: notice,
        notice_deadline: deadline,
        days_to_notice_deadline: days_to_deadline,
        replacement_days: needed,
        alert,
        message,
    })
}

/// The renewal watch list: every non-retired provider whose contract renews within the watch
/// window or needs attention sooner, most urgent first, then by the nearest deadline.
pub fn watch_list(providers: &[Provider], today: NaiveDate) -> Vec<ContractWatch> {
    let mut list: Vec<ContractWatch> = providers
        .iter()
        .filter(|p| p.profile.status != Status::Retired)
        .filter_map(|p| watch(p, today))
        .filter(|w| w.alert != ContractAlert::Later)
        .collect();
    list.sort_by(|a, b| {
        a.alert
            .cmp(&b.alert)
            .then(a.notice_deadline.unwrap_or(a.renewal_date).cmp(&b.notice_deadline.unwrap_or(b.renewal_date)))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::provider::ProviderDraft;
    use crate::test_support::d;

    fn provider(name: &str, renewal: Option<NaiveDate>, notice: Option<u32>, weeks: Option<f64>) -> Provider {
        let mut draft = ProviderDraft::blank(&[]);
        draft.profile.name = name.into();
        draft.profile.renewal_date = renewal;
        draft.profile.notice_period_days = notice;
        draft.risk.replacement.person_weeks = weeks;
        Provider { id: ProviderId(1), profile: draft.profile, risk: draft.risk, created_on: d(2026, 1, 1) }
    }

    #[test]
    fn notice_deadline_counts_back_over_a_leap_day() {
        assert_eq!(notice_deadline(d(2028, 3, 31), 31), d(2028, 2, 29));
        assert_eq!(notice_deadline(d(2028, 3, 1), 1), d(2028, 2, 29));
        assert_eq!(notice_deadline(d(2027, 3, 1), 1), d(2027, 2, 28));
        assert_eq!(notice_deadline(d(2027, 1, 1), 0), d(2027, 1, 1));
    }

    #[test]
    fn replacement_days_round_up_whole_days() {
        assert_eq!(replacement_days(2.0), Some(14));
        assert_eq!(replacement_days(0.5), Some(4));
        assert_eq!(replacement_days(0.0), None);
        assert_eq!(replacement_days(f64::NAN), None);
    }

    #[test]
    fn too_little_time_to_replace_before_the_deadline_warns() {
        let today = d(2027, 1, 1);
        // Renews 1 April, 30 days' notice: deadline 2 March, 60 days away; 10 weeks = 70 days.
        let w = watch(&provider("Stripe", Some(d(2027, 4, 1)), Some(30), Some(10.0)), today).unwrap();
        assert_eq!(w.notice_deadline, Some(d(2027, 3, 2)));
        assert_eq!(w.days_to_notice_deadline, Some(60));
        assert_eq!(w.alert, ContractAlert::CannotLeaveInTime);
        assert!(w.message.starts_with("You can no longer leave before you renew"), "{}", w.message);
        // Exactly enough time (60 days) is not a warning.
        let w = watch(&provider("Stripe", Some(d(2027, 4, 1)), Some(30), Some(60.0 / 7.0)), today).unwrap();
        assert_eq!(w.alert, ContractAlert::NoticeSoon);
    }

    #[test]
    fn alerts_by_what_has_passed_and_what_is_near() {
        let today = d(2027, 1, 1);
        let alert = |renewal, notice| watch(&provider("X", Some(renewal), notice, None), today).unwrap().alert;
        assert_eq!(alert(d(2026, 12, 31), Some(30)), ContractAlert::RenewalPassed);
        assert_eq!(alert(d(2027, 1, 20), Some(30)), ContractAlert::NoticePassed);
        assert_eq!(alert(d(2027, 1, 31), Some(30)), ContractAlert::NoticeSoon);
        assert_eq!(alert(d(2027, 3, 1), None), ContractAlert::RenewsSoon);
        assert_eq!(alert(d(2027, 12, 1), Some(30)), ContractAlert::Later);
        assert!(watch(&provider("X", None, Some(30), Some(4.0)), today).is_none());
    }

    #[test]
    fn the_watch_list_is_most_urgent_first_and_skips_retired_and_distant() {
        let today = d(2027, 1, 1);
        let mut retired = provider("Retired", Some(d(2027, 1, 10)), None, None);
        retired.profile.status = Status::Retired;
        let list = watch_list(
            &[
                provider("Later", Some(d(2028, 1, 1)), Some(30), None),
                provider("Soon", Some(d(2027, 2, 1)), None, None),
                provider("Stuck", Some(d(2027, 12, 1)), Some(90), Some(52.0)),
                provider("Notice", Some(d(2027, 3, 1)), Some(30), None),
                retired,
            ],
            today,
        );
        let names: Vec<&str> = list.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, vec!["Stuck", "Notice", "Soon"]);
    }
}
