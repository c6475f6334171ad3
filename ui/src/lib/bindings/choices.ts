// Generated from src-tauri/domain by `cargo test`; do not edit.
import type { Category } from "./Category";
import type { DataHeld } from "./DataHeld";
import type { DrillKind } from "./DrillKind";
import type { DrillResult } from "./DrillResult";
import type { DrillScenario } from "./DrillScenario";
import type { Effect } from "./Effect";
import type { ExitStrategy } from "./ExitStrategy";
import type { Failure } from "./Failure";
import type { Readiness } from "./Readiness";
import type { Status } from "./Status";

export interface Choice<T> { value: T, label: string, }

export const CATEGORIES: Array<Choice<Category>> = [{ value: "hosting", label: "Hosting" }, { value: "payments", label: "Payments" }, { value: "email", label: "Email" }, { value: "database", label: "Database" }, { value: "cdn", label: "CDN" }, { value: "auth", label: "Auth" }, { value: "monitoring", label: "Monitoring" }, { value: "analytics", label: "Analytics" }, { value: "support", label: "Support" }, { value: "storage", label: "Storage" }, { value: "other", label: "Other" }];
export const STATUSES: Array<Choice<Status>> = [{ value: "active", label: "Active" }, { value: "being_replaced", label: "Being replaced" }, { value: "retired", label: "Retired" }];
export const DATA_HELD: Array<Choice<DataHeld>> = [{ value: "none", label: "None" }, { value: "internal", label: "Internal" }, { value: "personal", label: "Personal data" }, { value: "payment", label: "Payment data" }];
/** Least to most ready, so the index is the rank. */
export const READINESS: Array<Choice<Readiness>> = [{ value: "none_identified", label: "None identified" }, { value: "identified", label: "Identified" }, { value: "evaluated", label: "Evaluated" }, { value: "contracted", label: "Contracted" }, { value: "live", label: "Live integration" }];
export const EXIT_STRATEGIES: Array<Choice<ExitStrategy>> = [{ value: "accept", label: "Accept" }, { value: "mitigate", label: "Mitigate" }, { value: "prepare_exit", label: "Prepare exit" }, { value: "live_alternative", label: "Keep a live alternative" }, { value: "exit_now", label: "Exit now" }];
export const DRILL_KINDS: Array<Choice<DrillKind>> = [{ value: "tabletop", label: "Tabletop walk-through" }, { value: "export_restore", label: "Data export and restore" }, { value: "partial_switch", label: "Partial switch" }, { value: "full_switch", label: "Full switch to the alternative" }, { value: "recorded", label: "Recorded before drills were kept" }];
export const DRILL_SCENARIOS: Array<Choice<DrillScenario>> = [{ value: "persistent_outage", label: "Persistent outage" }, { value: "poor_delivery", label: "Failed or poor delivery" }, { value: "termination", label: "Unexpected termination" }];
export const DRILL_RESULTS: Array<Choice<DrillResult>> = [{ value: "met", label: "Met" }, { value: "partly_met", label: "Partly met" }, { value: "failed", label: "Failed" }];
/** Least to most harm, so the index is the rank. */
export const EFFECTS: Array<Choice<Effect>> = [{ value: "unaffected", label: "Unaffected" }, { value: "degraded", label: "Degraded" }, { value: "down", label: "Down" }];
export const FAILURES: Array<Choice<Failure>> = [{ value: "outage", label: "Outage" }, { value: "degradation", label: "Degradation" }];
export const TIERS: Array<Choice<number>> = [{ value: 1, label: "Business stops" }, { value: 2, label: "Major disruption" }, { value: 3, label: "Minor disruption" }, { value: 4, label: "Nice to have" }];
export const LIKELIHOODS: Array<Choice<number>> = [{ value: 1, label: "Rare" }, { value: 2, label: "Unlikely" }, { value: 3, label: "Possible" }, { value: 4, label: "Likely" }, { value: 5, label: "Almost certain" }];
export const IMPACTS: Array<Choice<number>> = [{ value: 1, label: "Negligible" }, { value: 2, label: "Minor" }, { value: 3, label: "Moderate" }, { value: 4, label: "Major" }, { value: 5, label: "Severe" }];
export const LOCK_IN_LEVELS: Array<Choice<number>> = [{ value: 1, label: "Minimal" }, { value: 2, label: "Low" }, { value: 3, label: "Moderate" }, { value: 4, label: "High" }, { value: 5, label: "Total" }];
export const EFFORT_LEVELS: Array<Choice<number>> = [{ value: 1, label: "Trivial" }, { value: 2, label: "Small" }, { value: 3, label: "Moderate" }, { value: 4, label: "Large" }, { value: 5, label: "Massive" }];
