//! A realistic register for the worksheet tests: several assessments per provider, non-Latin
//! names, markup and formula-looking text, renewals and overdue reviews.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use lifeboat::domain::provider::*;
use lifeboat::storage::Register;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

pub const NAMES: [&str; 8] = [
    "Stripe",
    "Ωmega Cloud",
    "Яндекс Облако",
    "Zürich Pay",
    "<b>x</b> Mail",
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "Datadog",
    "Auth0",
];

pub struct Spec {
    pub name: &'static str,
    pub category: Category,
    /// (likelihood, impact) per catalogue mode, for each assessment oldest first.
    pub assessments: Vec<Vec<(u8, u8)>>,
    pub lock_in: u8,
    pub effort: u8,
    pub alternatives: Vec<(&'static str, Readiness)>,
}

fn specs() -> Vec<Spec> {
    use Category::*;
    let s = |name, category, assessments: Vec<Vec<(u8, u8)>>, lock_in, effort, alternatives| Spec {
        name,
        category,
        assessments,
        lock_in,
        effort,
        alternatives,
    };
    vec![
        s(
            NAMES[0],
            Payments,
            vec![
                vec![(2, 5), (3, 3), (3, 3), (2, 4), (2, 5), (2, 5), (3, 2)],
                vec![(3, 5), (3, 3), (4, 3), (2, 4), (2, 5), (2, 5), (3, 2)],
                vec![(4, 5), (3, 3), (4, 3), (2, 4), (2, 5), (2, 5), (3, 2)],
            ],
            4,
            4,
            vec![("Adyen", Readiness::Contracted), ("Braintree", Readiness::Identified)],
        ),
        s(
            NAMES[1],
            Hosting,
            vec![
                vec![(2, 4), (3, 3), (2, 2), (1, 5), (2, 4), (1, 5), (2, 3)],
                vec![(2, 4), (2, 3), (2, 2), (1, 5), (2, 4), (1, 5), (2, 3)],
            ],
            5,
            5,
            vec![],
        ),
        s(NAMES[2], Storage, vec![vec![(3, 4), (3, 3), (4, 2), (2, 4), (4, 4), (2, 4), (3, 3)]], 3, 3, vec![("MinIO", Readiness::Live)]),
        s(
            NAMES[3],
            Payments,
            vec![
                vec![(2, 3), (2, 2), (1, 2), (1, 3), (1, 4), (1, 3), (1, 2)],
                vec![(1, 3), (2, 2), (1, 2), (1, 3), (1, 4), (1, 3), (1, 2)],
            ],
            2,
            2,
            vec![("Stripe", Readiness::Evaluated)],
        ),
        s(NAMES[4], Email, vec![vec![(2, 2), (3, 2), (2, 1), (1, 2), (2, 3), (2, 2), (2, 1)]], 1, 2, vec![("Postmark", Readiness::Live)]),
        s(NAMES[5], Analytics, vec![vec![(1, 1), (1, 1), (2, 1), (1, 1), (1, 2), (1, 1), (1, 1)]], 1, 1, vec![]),
        s(
            NAMES[6],
            Monitoring,
            vec![
                vec![(3, 3), (3, 3), (4, 3), (1, 3), (2, 3), (1, 3), (3, 2)],
                vec![(3, 3), (3, 3), (5, 3), (1, 3), (2, 3), (1, 3), (3, 2)],
                vec![(3, 3), (3, 3), (4, 3), (1, 3), (2, 3), (1, 3), (3, 2)],
                vec![(2, 3), (3, 3), (4, 3), (1, 3), (2, 3), (1, 3), (3, 2)],
            ],
            3,
            4,
            vec![("Grafana Cloud", Readiness::Evaluated)],
        ),
        s(
            NAMES[7],
            Auth,
            vec![vec![(2, 5), (2, 4), (3, 2), (2, 5), (2, 5), (1, 5), (3, 3)]],
            5,
            4,
            vec![("Keycloak", Readiness::Identified)],
        ),
    ]
}

/// Fills `register` with the fixture providers. Assessments are 100 days apart, ending at
/// various points before `today()` so some reviews are overdue.
pub fn fill(register: &mut Register) {
    let mut settings = register.settings().unwrap();
    settings.organisation = "Acme Robotics GmbH".into();
    register.save_settings(&settings).unwrap();
    for (n, spec) in specs().into_iter().enumerate() {
        let mut draft = register.new_draft().unwrap();
        let p = &mut draft.profile;
        p.name = spec.name.into();
        p.category = spec.category;
        p.owner = ["Platform team", "Ana Müller", "Дмитрий Петров", "Finance"][n % 4].into();
        p.tier = (n % 4) as u8 + 1;
        p.value_provided = format!(
            "{} — what it does for us: takes card payments, hosts the API, stores backups. Cost in € and £; SLA ≥ 99.9 % → credits.",
            spec.name
        );
        p.annual_spend = Some(12_000.0 * (n as f64 + 1.0) + 0.5 * n as f64);
        p.currency = ["EUR", "USD", "GBP", "CHF"][n % 4].into();
        p.renewal_date = Some(today() + Duration::days(20 + 25 * n as i64));
        p.notice_period_days = Some(30 + 15 * (n as u32 % 3));
        p.data_held = [DataHeld::Payment, DataHeld::Personal, DataHeld::Internal, DataHeld::None][n % 4];
        p.website = format!("https://provider{n}.example");
        p.status_page = format!("https://status.provider{n}.example");
        p.notes = if n == 0 {
            "Long notes wrap: ".to_string()
                + &"The board asked for a quarterly exit rehearsal and a second acquirer before Black Friday. ".repeat(3)
        } else if n == 5 {
            "=cmd|' /C calc'!A0 and @SUM(1+1) and -2+3 should stay plain text.".into()
        } else {
            "• Contract owner signs off renewals.".into()
        };
        draft.risk.lock_in = LockIn { level: spec.lock_in, reasons: "Proprietary API, data gravity, 3-year contract".into() };
        draft.risk.replacement = Replacement {
            effort: spec.effort,
            person_weeks: Some(2.5 * (n as f64 + 1.0)),
            emergency_switch_hours: Some(24 * (n as u32 + 1)),
        };
        draft.risk.alternatives = spec.alternatives.iter().map(|(name, r)| Alternative { name: name.to_string(), readiness: *r }).collect();
        draft.risk.exit = ExitPlan {
            strategy: [ExitStrategy::PrepareExit, ExitStrategy::Mitigate, ExitStrategy::LiveAlternative, ExitStrategy::Accept][n % 4],
            plan: "Keep a warm standby, export data weekly, rehearse the switch twice a year.".into(),
            last_rehearsed: Some(today() - Duration::days(120 + n as i64)),
        };
        let count = spec.assessments.len() as i64;
        let mut provider: Option<Provider> = None;
        for (i, scores) in spec.assessments.iter().enumerate() {
            for (s, (l, im)) in draft.risk.scenarios.iter_mut().zip(scores) {
                s.likelihood = *l;
                s.impact = *im;
                s.note = if s.mode == "Outage" { format!("Outage note {i}: failover to region B → 15 min RTO.") } else { String::new() };
            }
            let day = today() - Duration::days(30 + 70 * n as i64 % 300 + 100 * (count - 1 - i as i64));
            provider = Some(match provider {
                None => register.create_provider(&draft, day).unwrap(),
                Some(p) => register.update_provider(p.id, &draft, day).unwrap(),
            });
        }
    }
}

/// A fresh register file in a temp dir, filled with the fixture.
pub fn register_file(dir: &Path) -> PathBuf {
    let path = dir.join("register.lifeboat");
    let mut register = Register::open(&path).unwrap();
    fill(&mut register);
    path
}

pub fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_lifeboat-headless"))
        .args(args)
        .env_remove("LIFEBOAT_DB")
        .env("LIFEBOAT_TODAY", "2026-11-22")
        .output()
        .expect("the lifeboat binary runs")
}
