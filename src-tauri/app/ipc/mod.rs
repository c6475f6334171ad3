//! Every command the UI can call and every event it can hear, declared once.
//!
//! From this list come the Tauri handler (`handler()`) and the typed TypeScript client
//! (`ui/src/lib/bindings/ipc.ts`, written by `cargo test`). Names read verb first
//! (`get_…`, `list_…`, `create_…`, `update_…`, …). A `sync` command runs on the main thread; an
//! `async` one runs off it because it opens a native dialog or takes a while.

#[macro_use]
mod declare;
#[cfg(test)]
mod typescript;

use serde::Serialize;
use tauri::{AppHandle, Emitter};

use super::commands::evidence::{IncidentRow, StatusPageChoice};
use super::commands::money::MoneyProgress;
use super::commands::providers::{ProviderDetail, RegisterInfo};
use super::commands::reviews::{ReviewOverview, SinceReview};
use super::commands::services::{ProviderLinks, ServiceDetail};
use super::commands::worksheet::{ExportProgress, ImportChoice};
use super::commands::{evidence, files, money, providers, reviews, services, settings, worksheet};
use super::events::{MenuAction, Notice, RegisterChanged};
use lifeboat::domain::cadence::Cadence;
use lifeboat::domain::changes::RegisterChanges;
use lifeboat::domain::contracts::ContractWatch;
use lifeboat::domain::evidence::drill::{Drill, DrillDraft};
use lifeboat::domain::evidence::incident::{Incident, IncidentDraft};
use lifeboat::domain::evidence::readiness::DrillCadence;
use lifeboat::domain::evidence::summary::ProviderEvidence;
use lifeboat::domain::ids::{DrillId, FailureModeId, IncidentId, ProviderId, ReviewId, ServiceId};
use lifeboat::domain::money::inputs::{InputField, MoneyAssumptions, MoneyOverride};
use lifeboat::domain::money::results::MoneyResults;
use lifeboat::domain::provider::{FailureMode, ProviderDraft, RiskProfile, Status};
use lifeboat::domain::register::RegisterRow;
use lifeboat::domain::review::{Review, ReviewDraft, ReviewItem, ReviewSummary, TrendEntry};
use lifeboat::domain::scoring::Scores;
use lifeboat::domain::services::concentration::Concentration;
use lifeboat::domain::services::dependency::{Dependency, Failure, RunsOn};
use lifeboat::domain::services::reach::BlastRadius;
use lifeboat::domain::services::service::{Service, ServiceDraft};
use lifeboat::storage::{ProviderMoney, Settings};
use lifeboat::worksheet::import::{ImportOptions, ImportPreview, StatusPagePreview};
use lifeboat::worksheet::Paper;

commands! {
    // The register and its providers.
    sync get_register_info() -> RegisterInfo = providers::get_register_info;
    async open_register() -> () = files::open_register;
    sync list_register_rows() -> Vec<RegisterRow> = providers::list_register_rows;
    sync get_provider(id: ProviderId) -> ProviderDetail = providers::get_provider;
    sync get_new_provider_draft() -> ProviderDraft = providers::get_new_provider_draft;
    sync create_provider(draft: ProviderDraft) -> ProviderDetail = providers::create_provider;
    sync update_provider(id: ProviderId, draft: ProviderDraft) -> ProviderDetail = providers::update_provider;
    sync score_risk(risk: RiskProfile) -> Scores = providers::score_risk;
    sync set_provider_status(id: ProviderId, status: Status) -> () = providers::set_provider_status;
    sync delete_provider(id: ProviderId) -> () = providers::delete_provider;
    sync confirm_provider_unchanged(id: ProviderId) -> ProviderDetail = providers::confirm_provider_unchanged;
    sync list_failure_modes() -> Vec<FailureMode> = settings::list_failure_modes;
    sync load_demo() -> () = providers::load_demo;
    sync dismiss_demo() -> () = providers::dismiss_demo;
    // Evidence: incidents and exit drills.
    sync get_provider_evidence(id: ProviderId) -> ProviderEvidence = evidence::get_provider_evidence;
    sync list_incidents() -> Vec<IncidentRow> = evidence::list_incidents;
    sync add_incident(draft: IncidentDraft) -> Incident = evidence::add_incident;
    sync update_incident(id: IncidentId, draft: IncidentDraft) -> Incident = evidence::update_incident;
    sync delete_incident(id: IncidentId) -> () = evidence::delete_incident;
    sync add_drill(draft: DrillDraft) -> Drill = evidence::add_drill;
    sync update_drill(id: DrillId, draft: DrillDraft) -> Drill = evidence::update_drill;
    sync delete_drill(id: DrillId) -> () = evidence::delete_drill;
    sync take_suggested_likelihood(provider: ProviderId, mode: FailureModeId) -> ProviderDetail = evidence::take_suggested_likelihood;
    async choose_status_page_file(provider: ProviderId) -> Option<StatusPageChoice> = evidence::choose_status_page_file;
    async apply_status_page(path: String, provider: ProviderId) -> StatusPagePreview = evidence::apply_status_page;
    // Our services, what depends on what, blast radius and concentration.
    sync list_services() -> Vec<ServiceDetail> = services::list_services;
    sync get_new_service_draft() -> ServiceDraft = services::get_new_service_draft;
    sync create_service(draft: ServiceDraft) -> Service = services::create_service;
    sync update_service(id: ServiceId, draft: ServiceDraft) -> Service = services::update_service;
    sync delete_service(id: ServiceId) -> () = services::delete_service;
    sync set_dependency(dependency: Dependency) -> Dependency = services::set_dependency;
    sync delete_dependency(service: ServiceId, provider: ProviderId) -> () = services::delete_dependency;
    sync add_runs_on(provider: ProviderId, runs_on: ProviderId) -> RunsOn = services::add_runs_on;
    sync delete_runs_on(provider: ProviderId, runs_on: ProviderId) -> () = services::delete_runs_on;
    sync get_provider_links(id: ProviderId) -> ProviderLinks = services::get_provider_links;
    sync get_blast_radius(provider: ProviderId, failure: Failure) -> BlastRadius = services::get_blast_radius;
    sync get_concentration() -> Concentration = services::get_concentration;
    // Money at risk.
    async get_money_results() -> Option<MoneyResults> = money::get_money_results;
    sync get_provider_money(id: ProviderId) -> ProviderMoney = money::get_provider_money;
    sync set_money_override(value: MoneyOverride) -> ProviderMoney = money::set_money_override;
    sync delete_money_override(provider: ProviderId, mode: String, field: InputField) -> ProviderMoney = money::delete_money_override;
    sync save_money_assumptions(money: MoneyAssumptions) -> Settings = money::save_money_assumptions;
    // Review meetings, changes over time and contracts.
    sync get_review_overview() -> ReviewOverview = reviews::get_review_overview;
    sync list_reviews() -> Vec<Review> = reviews::list_reviews;
    sync start_review(draft: ReviewDraft) -> Review = reviews::start_review;
    sync update_review(id: ReviewId, draft: ReviewDraft) -> Review = reviews::update_review;
    sync list_review_items(review_id: ReviewId) -> Vec<ReviewItem> = reviews::list_review_items;
    sync confirm_in_review(review_id: ReviewId, provider_id: ProviderId) -> ReviewItem = reviews::confirm_in_review;
    sync assess_in_review(review_id: ReviewId, provider_id: ProviderId, risk: RiskProfile) -> ReviewItem = reviews::assess_in_review;
    sync note_in_review(review_id: ReviewId, provider_id: ProviderId, note: String) -> ReviewItem = reviews::note_in_review;
    sync close_review(id: ReviewId) -> ReviewSummary = reviews::close_review;
    sync get_review_summary(id: ReviewId) -> ReviewSummary = reviews::get_review_summary;
    sync get_changes_since_previous_review() -> Option<SinceReview> = reviews::get_changes_since_previous_review;
    sync compare_reviews(from: ReviewId, to: ReviewId) -> RegisterChanges = reviews::compare_reviews;
    sync get_provider_trend(id: ProviderId) -> Vec<TrendEntry> = reviews::get_provider_trend;
    sync list_renewals() -> Vec<ContractWatch> = reviews::list_renewals;
    sync get_provider_contract(id: ProviderId) -> Option<ContractWatch> = reviews::get_provider_contract;
    // Settings and the failure-mode catalogue.
    sync get_settings() -> Settings = settings::get_settings;
    sync save_settings(organisation: String, currency: String, cadence: Cadence, drill_cadence: DrillCadence) -> Settings = settings::save_settings;
    sync add_failure_mode(name: String, description: String) -> FailureMode = settings::add_failure_mode;
    sync rename_failure_mode(id: FailureModeId, name: String, description: String) -> FailureMode = settings::rename_failure_mode;
    sync set_failure_mode_retired(id: FailureModeId, retired: bool) -> FailureMode = settings::set_failure_mode_retired;
    // The worksheet: export and import through native dialogs.
    async export_pdf(paper: Paper) -> Option<String> = worksheet::export_pdf;
    async export_csv(bom: bool) -> Option<String> = worksheet::export_csv;
    async export_xlsx() -> Option<String> = worksheet::export_xlsx;
    async choose_import_file() -> Option<ImportChoice> = worksheet::choose_import_file;
    async choose_import_folder() -> Option<ImportChoice> = worksheet::choose_import_folder;
    async preview_import(path: String, options: ImportOptions) -> ImportChoice = worksheet::preview_import;
    async apply_import(path: String, options: ImportOptions) -> ImportPreview = worksheet::apply_import;
}

/// A message the app sends the window unasked; its name is declared below with its payload.
pub trait Event: Serialize + Clone {
    const NAME: &'static str;
}

events! {
    /// A toast: what a menu action did.
    "notice" => Notice;
    /// Another register was opened, or an import changed this one: reload what is shown.
    "register-changed" => RegisterChanged;
    /// A File menu item the UI carries out (it may have unsaved edits to ask about first).
    "menu" => MenuAction;
    /// The stage an export has reached.
    "export-progress" => ExportProgress;
    /// How far the register's money simulation has got.
    "money-progress" => MoneyProgress;
}

pub fn emit<E: Event>(app: &AppHandle, event: E) {
    // The window may be closing; an event nobody hears is not an error.
    let _ = app.emit(E::NAME, event);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes the TypeScript client beside the ts-rs bindings; `make test` fails if the
    /// committed copy differs.
    #[test]
    fn export_bindings_ipc() {
        let dir = std::path::PathBuf::from(std::env::var("TS_RS_EXPORT_DIR").expect("set in .cargo/config.toml"));
        let ts = typescript::client(&command_signatures(), &event_signatures());
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ipc.ts"), ts).unwrap();
    }

    #[test]
    fn every_command_is_named_verb_first_and_once() {
        const VERBS: &[&str] = &[
            "get", "list", "open", "create", "update", "score", "set", "delete", "confirm", "load", "dismiss", "start", "assess", "note",
            "close", "compare", "save", "add", "rename", "export", "choose", "preview", "apply", "take",
        ];
        let names: Vec<_> = command_signatures().iter().map(|c| c.name).collect();
        for name in &names {
            assert!(VERBS.contains(&name.split('_').next().unwrap()), "{name} does not start with a known verb");
        }
        let unique: std::collections::BTreeSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
    }
}
