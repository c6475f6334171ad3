// Typed wrappers around the review, changes, contracts and settings commands (Rust:
// src-tauri/app/review_commands.rs). Kept apart from api.ts so the two features evolve separately;
// errors arrive in the same AppError shape.
import { invoke } from '@tauri-apps/api/core';
import { toAppError } from './api';
import type { Cadence } from './bindings/Cadence';
import type { ContractWatch } from './bindings/ContractWatch';
import type { FailureMode } from './bindings/FailureMode';
import type { RegisterChanges } from './bindings/RegisterChanges';
import type { Review } from './bindings/Review';
import type { ReviewDraft } from './bindings/ReviewDraft';
import type { ReviewItem } from './bindings/ReviewItem';
import type { ReviewOverview } from './bindings/ReviewOverview';
import type { ReviewSummary } from './bindings/ReviewSummary';
import type { RiskProfile } from './bindings/RiskProfile';
import type { Settings } from './bindings/Settings';
import type { SinceReview } from './bindings/SinceReview';
import type { TrendEntry } from './bindings/TrendEntry';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const reviewApi = {
  overview: () => call<ReviewOverview>('review_overview'),
  list: () => call<Review[]>('list_reviews'),
  start: (draft: ReviewDraft) => call<Review>('start_review', { draft }),
  update: (id: number, draft: ReviewDraft) => call<Review>('update_review', { id, draft }),
  items: (reviewId: number) => call<ReviewItem[]>('review_items', { reviewId }),
  confirm: (reviewId: number, providerId: number) => call<ReviewItem>('review_confirm', { reviewId, providerId }),
  assess: (reviewId: number, providerId: number, risk: RiskProfile) =>
    call<ReviewItem>('review_assess', { reviewId, providerId, risk }),
  note: (reviewId: number, providerId: number, note: string) =>
    call<ReviewItem>('review_note', { reviewId, providerId, note }),
  close: (id: number) => call<ReviewSummary>('close_review', { id }),
  summary: (id: number) => call<ReviewSummary>('review_summary', { id }),
  sincePrevious: () => call<SinceReview | null>('changes_since_previous_review'),
  compare: (from: number, to: number) => call<RegisterChanges>('compare_reviews', { from, to }),
  providerTrend: (id: number) => call<TrendEntry[]>('provider_trend', { id }),
  renewals: () => call<ContractWatch[]>('renewal_watch'),
  contract: (id: number) => call<ContractWatch | null>('provider_contract', { id }),
  settings: () => call<Settings>('get_settings'),
  saveSettings: (organisation: string, cadence: Cadence) => call<Settings>('save_settings', { organisation, cadence }),
  addFailureMode: (name: string, description: string) => call<FailureMode>('add_failure_mode', { name, description }),
  renameFailureMode: (id: number, name: string, description: string) =>
    call<FailureMode>('rename_failure_mode', { id, name, description }),
  setFailureModeRetired: (id: number, retired: boolean) =>
    call<FailureMode>('set_failure_mode_retired', { id, retired }),
};

export type ReviewApi = typeof reviewApi;
