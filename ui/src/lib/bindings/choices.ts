// Generated from src-tauri/domain by `cargo test`; do not edit.
import type { Category } from "./Category";
import type { DataHeld } from "./DataHeld";
import type { ExitStrategy } from "./ExitStrategy";
import type { Readiness } from "./Readiness";
import type { Status } from "./Status";

export interface Choice<T> { value: T, label: string, }

export const CATEGORIES: Array<Choice<Category>> = [{ value: "hosting", label: "Hosting" }, { value: "payments", label: "Payments" }, { value: "email", label: "Email" }, { value: "database", label: "Database" }, { value: "cdn", label: "CDN" }, { value: "auth", label: "Auth" }, { value: "monitoring", label: "Monitoring" }, { value: "analytics", label: "Analytics" }, { value: "support", label: "Support" }, { value: "storage", label: "Storage" }, { value: "other", label: "Other" }];
export const STATUSES: Array<Choice<Status>> = [{ value: "active", label: "Active" }, { value: "being_replaced", label: "Being replaced" }, { value: "retired", label: "Retired" }];
export const DATA_HELD: Array<Choice<DataHeld>> = [{ value: "none", label: "None" }, { value: "internal", label: "Internal" }, { value: "personal", label: "Personal data" }, { value: "payment", label: "Payment data" }];
/** Least to most ready, so the index is the rank. */
export const READINESS: Array<Choice<Readiness>> = [{ value: "none_identified", label: "None identified" }, { value: "identified", label: "Identified" }, { value: "evaluated", label: "Evaluated" }, { value: "contracted", label: "Contracted" }, { value: "live", label: "Live integration" }];
export const EXIT_STRATEGIES: Array<Choice<ExitStrategy>> = [{ value: "accept", label: "Accept" }, { value: "mitigate", label: "Mitigate" }, { value: "prepare_exit", label: "Prepare exit" }, { value: "live_alternative", label: "Keep a live alternative" }, { value: "exit_now", label: "Exit now" }];
export const TIERS: Array<Choice<number>> = [{ value: 1, label: "Business stops" }, { value: 2, label: "Major disruption" }, { value: 3, label: "Minor disruption" }, { value: 4, label: "Nice to have" }];
export const LIKELIHOODS: Array<Choice<number>> = [{ value: 1, label: "Rare" }, { value: 2, label: "Unlikely" }, { value: 3, label: "Possible" }, { value: 4, label: "Likely" }, { value: 5, label: "Almost certain" }];
export const IMPACTS: Array<Choice<number>> = [{ value: 1, label: "Negligible" }, { value: 2, label: "Minor" }, { value: 3, label: "Moderate" }, { value: 4, label: "Major" }, { value: 5, label: "Severe" }];
export const LOCK_IN_LEVELS: Array<Choice<number>> = [{ value: 1, label: "Minimal" }, { value: 2, label: "Low" }, { value: 3, label: "Moderate" }, { value: 4, label: "High" }, { value: 5, label: "Total" }];
export const EFFORT_LEVELS: Array<Choice<number>> = [{ value: 1, label: "Trivial" }, { value: 2, label: "Small" }, { value: 3, label: "Moderate" }, { value: 4, label: "Large" }, { value: 5, label: "Massive" }];
