// Generated from src-tauri/app/ipc/mod.rs by `cargo test`; do not edit.
import type { BlastRadius } from "./BlastRadius";
import type { Cadence } from "./Cadence";
import type { Concentration } from "./Concentration";
import type { ContractWatch } from "./ContractWatch";
import type { Dependency } from "./Dependency";
import type { Drill } from "./Drill";
import type { DrillCadence } from "./DrillCadence";
import type { DrillDraft } from "./DrillDraft";
import type { DrillId } from "./DrillId";
import type { ExportProgress } from "./ExportProgress";
import type { Failure } from "./Failure";
import type { FailureMode } from "./FailureMode";
import type { FailureModeId } from "./FailureModeId";
import type { ImportChoice } from "./ImportChoice";
import type { ImportOptions } from "./ImportOptions";
import type { ImportPreview } from "./ImportPreview";
import type { Incident } from "./Incident";
import type { IncidentDraft } from "./IncidentDraft";
import type { IncidentId } from "./IncidentId";
import type { IncidentRow } from "./IncidentRow";
import type { MenuAction } from "./MenuAction";
import type { MoneyAssumptions } from "./MoneyAssumptions";
import type { MoneyInputField } from "./MoneyInputField";
import type { MoneyOverride } from "./MoneyOverride";
import type { MoneyProgress } from "./MoneyProgress";
import type { MoneyResults } from "./MoneyResults";
import type { Notice } from "./Notice";
import type { Paper } from "./Paper";
import type { ProviderDetail } from "./ProviderDetail";
import type { ProviderDraft } from "./ProviderDraft";
import type { ProviderEvidence } from "./ProviderEvidence";
import type { ProviderId } from "./ProviderId";
import type { ProviderLinks } from "./ProviderLinks";
import type { ProviderMoney } from "./ProviderMoney";
import type { RegisterChanged } from "./RegisterChanged";
import type { RegisterChanges } from "./RegisterChanges";
import type { RegisterInfo } from "./RegisterInfo";
import type { RegisterRow } from "./RegisterRow";
import type { Review } from "./Review";
import type { ReviewDraft } from "./ReviewDraft";
import type { ReviewId } from "./ReviewId";
import type { ReviewItem } from "./ReviewItem";
import type { ReviewOverview } from "./ReviewOverview";
import type { ReviewSummary } from "./ReviewSummary";
import type { RiskProfile } from "./RiskProfile";
import type { RunsOn } from "./RunsOn";
import type { Scores } from "./Scores";
import type { Service } from "./Service";
import type { ServiceDetail } from "./ServiceDetail";
import type { ServiceDraft } from "./ServiceDraft";
import type { ServiceId } from "./ServiceId";
import type { Settings } from "./Settings";
import type { SinceReview } from "./SinceReview";
import type { Status } from "./Status";
import type { StatusPageChoice } from "./StatusPageChoice";
import type { StatusPagePreview } from "./StatusPagePreview";
import type { TrendEntry } from "./TrendEntry";

/** Every command the app answers: the arguments the UI passes and what it resolves to. */
export interface Commands {
  "get_register_info": { args: {}, result: RegisterInfo },
  "open_register": { args: {}, result: null },
  "list_register_rows": { args: {}, result: Array<RegisterRow> },
  "get_provider": { args: { id: ProviderId }, result: ProviderDetail },
  "get_new_provider_draft": { args: {}, result: ProviderDraft },
  "create_provider": { args: { draft: ProviderDraft }, result: ProviderDetail },
  "update_provider": { args: { id: ProviderId, draft: ProviderDraft }, result: ProviderDetail },
  "score_risk": { args: { risk: RiskProfile }, result: Scores },
  "set_provider_status": { args: { id: ProviderId, status: Status }, result: null },
  "delete_provider": { args: { id: ProviderId }, result: null },
  "confirm_provider_unchanged": { args: { id: ProviderId }, result: ProviderDetail },
  "list_failure_modes": { args: {}, result: Array<FailureMode> },
  "load_demo": { args: {}, result: null },
  "dismiss_demo": { args: {}, result: null },
  "get_provider_evidence": { args: { id: ProviderId }, result: ProviderEvidence },
  "list_incidents": { args: {}, result: Array<IncidentRow> },
  "add_incident": { args: { draft: IncidentDraft }, result: Incident },
  "update_incident": { args: { id: IncidentId, draft: IncidentDraft }, result: Incident },
  "delete_incident": { args: { id: IncidentId }, result: null },
  "add_drill": { args: { draft: DrillDraft }, result: Drill },
  "update_drill": { args: { id: DrillId, draft: DrillDraft }, result: Drill },
  "delete_drill": { args: { id: DrillId }, result: null },
  "take_suggested_likelihood": { args: { provider: ProviderId, mode: FailureModeId }, result: ProviderDetail },
  "choose_status_page_file": { args: { provider: ProviderId }, result: StatusPageChoice | null },
  "apply_status_page": { args: { path: string, provider: ProviderId }, result: StatusPagePreview },
  "list_services": { args: {}, result: Array<ServiceDetail> },
  "get_new_service_draft": { args: {}, result: ServiceDraft },
  "create_service": { args: { draft: ServiceDraft }, result: Service },
  "update_service": { args: { id: ServiceId, draft: ServiceDraft }, result: Service },
  "delete_service": { args: { id: ServiceId }, result: null },
  "set_dependency": { args: { dependency: Dependency }, result: Dependency },
  "delete_dependency": { args: { service: ServiceId, provider: ProviderId }, result: null },
  "add_runs_on": { args: { provider: ProviderId, runsOn: ProviderId }, result: RunsOn },
  "delete_runs_on": { args: { provider: ProviderId, runsOn: ProviderId }, result: null },
  "get_provider_links": { args: { id: ProviderId }, result: ProviderLinks },
  "get_blast_radius": { args: { provider: ProviderId, failure: Failure }, result: BlastRadius },
  "get_concentration": { args: {}, result: Concentration },
  "get_money_results": { args: {}, result: MoneyResults | null },
  "get_provider_money": { args: { id: ProviderId }, result: ProviderMoney },
  "set_money_override": { args: { value: MoneyOverride }, result: ProviderMoney },
  "delete_money_override": { args: { provider: ProviderId, mode: string, field: MoneyInputField }, result: ProviderMoney },
  "save_money_assumptions": { args: { money: MoneyAssumptions }, result: Settings },
  "get_review_overview": { args: {}, result: ReviewOverview },
  "list_reviews": { args: {}, result: Array<Review> },
  "start_review": { args: { draft: ReviewDraft }, result: Review },
  "update_review": { args: { id: ReviewId, draft: ReviewDraft }, result: Review },
  "list_review_items": { args: { reviewId: ReviewId }, result: Array<ReviewItem> },
  "confirm_in_review": { args: { reviewId: ReviewId, providerId: ProviderId }, result: ReviewItem },
  "assess_in_review": { args: { reviewId: ReviewId, providerId: ProviderId, risk: RiskProfile }, result: ReviewItem },
  "note_in_review": { args: { reviewId: ReviewId, providerId: ProviderId, note: string }, result: ReviewItem },
  "close_review": { args: { id: ReviewId }, result: ReviewSummary },
  "get_review_summary": { args: { id: ReviewId }, result: ReviewSummary },
  "get_changes_since_previous_review": { args: {}, result: SinceReview | null },
  "compare_reviews": { args: { from: ReviewId, to: ReviewId }, result: RegisterChanges },
  "get_provider_trend": { args: { id: ProviderId }, result: Array<TrendEntry> },
  "list_renewals": { args: {}, result: Array<ContractWatch> },
  "get_provider_contract": { args: { id: ProviderId }, result: ContractWatch | null },
  "get_settings": { args: {}, result: Settings },
  "save_settings": { args: { organisation: string, currency: string, cadence: Cadence, drillCadence: DrillCadence }, result: Settings },
  "add_failure_mode": { args: { name: string, description: string }, result: FailureMode },
  "rename_failure_mode": { args: { id: FailureModeId, name: string, description: string }, result: FailureMode },
  "set_failure_mode_retired": { args: { id: FailureModeId, retired: boolean }, result: FailureMode },
  "export_pdf": { args: { paper: Paper }, result: string | null },
  "export_csv": { args: { bom: boolean }, result: string | null },
  "export_xlsx": { args: {}, result: string | null },
  "choose_import_file": { args: {}, result: ImportChoice | null },
  "choose_import_folder": { args: {}, result: ImportChoice | null },
  "preview_import": { args: { path: string, options: ImportOptions }, result: ImportChoice },
  "apply_import": { args: { path: string, options: ImportOptions }, result: ImportPreview },
}

/** Every event the app emits, and its payload. */
export interface Events {
  "notice": Notice,
  "register-changed": RegisterChanged,
  "menu": MenuAction,
  "export-progress": ExportProgress,
  "money-progress": MoneyProgress,
}

export type CommandName = keyof Commands;
export type EventName = keyof Events;

/** The command names, for mocks and tests. */
export const COMMAND_NAMES: CommandName[] = [
  "get_register_info",
  "open_register",
  "list_register_rows",
  "get_provider",
  "get_new_provider_draft",
  "create_provider",
  "update_provider",
  "score_risk",
  "set_provider_status",
  "delete_provider",
  "confirm_provider_unchanged",
  "list_failure_modes",
  "load_demo",
  "dismiss_demo",
  "get_provider_evidence",
  "list_incidents",
  "add_incident",
  "update_incident",
  "delete_incident",
  "add_drill",
  "update_drill",
  "delete_drill",
  "take_suggested_likelihood",
  "choose_status_page_file",
  "apply_status_page",
  "list_services",
  "get_new_service_draft",
  "create_service",
  "update_service",
  "delete_service",
  "set_dependency",
  "delete_dependency",
  "add_runs_on",
  "delete_runs_on",
  "get_provider_links",
  "get_blast_radius",
  "get_concentration",
  "get_money_results",
  "get_provider_money",
  "set_money_override",
  "delete_money_override",
  "save_money_assumptions",
  "get_review_overview",
  "list_reviews",
  "start_review",
  "update_review",
  "list_review_items",
  "confirm_in_review",
  "assess_in_review",
  "note_in_review",
  "close_review",
  "get_review_summary",
  "get_changes_since_previous_review",
  "compare_reviews",
  "get_provider_trend",
  "list_renewals",
  "get_provider_contract",
  "get_settings",
  "save_settings",
  "add_failure_mode",
  "rename_failure_mode",
  "set_failure_mode_retired",
  "export_pdf",
  "export_csv",
  "export_xlsx",
  "choose_import_file",
  "choose_import_folder",
  "preview_import",
  "apply_import",
];
