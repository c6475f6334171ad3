// The words a person reads for every choice of the register. They must match the Rust `label()`s
// (src-tauri/domain/provider.rs) so that the screen, the PDF and the CSV say the same thing.
import type { Category } from './bindings/Category';
import type { Status } from './bindings/Status';
import type { DataHeld } from './bindings/DataHeld';
import type { Readiness } from './bindings/Readiness';
import type { ExitStrategy } from './bindings/ExitStrategy';
import type { Direction } from './bindings/Direction';
import type { DueState } from './bindings/DueState';

export interface Choice<T> {
  value: T;
  label: string;
}

export const CATEGORIES: Choice<Category>[] = [
  { value: 'hosting', label: 'Hosting' },
  { value: 'payments', label: 'Payments' },
  { value: 'email', label: 'Email' },
  { value: 'database', label: 'Database' },
  { value: 'cdn', label: 'CDN' },
  { value: 'auth', label: 'Auth' },
  { value: 'monitoring', label: 'Monitoring' },
  { value: 'analytics', label: 'Analytics' },
  { value: 'support', label: 'Support' },
  { value: 'storage', label: 'Storage' },
  { value: 'other', label: 'Other' },
];

export const STATUSES: Choice<Status>[] = [
  { value: 'active', label: 'Active' },
  { value: 'being_replaced', label: 'Being replaced' },
  { value: 'retired', label: 'Retired' },
];

export const DATA_HELD: Choice<DataHeld>[] = [
  { value: 'none', label: 'None' },
  { value: 'internal', label: 'Internal' },
  { value: 'personal', label: 'Personal data' },
  { value: 'payment', label: 'Payment data' },
];

/** Least to most ready, as in Rust, so the index is the rank. */
export const READINESS: Choice<Readiness>[] = [
  { value: 'none_identified', label: 'None identified' },
  { value: 'identified', label: 'Identified' },
  { value: 'evaluated', label: 'Evaluated' },
  { value: 'contracted', label: 'Contracted' },
  { value: 'live', label: 'Live integration' },
];

export const EXIT_STRATEGIES: Choice<ExitStrategy>[] = [
  { value: 'accept', label: 'Accept' },
  { value: 'mitigate', label: 'Mitigate' },
  { value: 'prepare_exit', label: 'Prepare exit' },
  { value: 'live_alternative', label: 'Keep a live alternative' },
  { value: 'exit_now', label: 'Exit now' },
];

export const TIERS: Choice<number>[] = [
  { value: 1, label: 'Business stops' },
  { value: 2, label: 'Major disruption' },
  { value: 3, label: 'Minor disruption' },
  { value: 4, label: 'Nice to have' },
];

export const LIKELIHOODS: Choice<number>[] = [
  { value: 1, label: 'Rare' },
  { value: 2, label: 'Unlikely' },
  { value: 3, label: 'Possible' },
  { value: 4, label: 'Likely' },
  { value: 5, label: 'Almost certain' },
];

export const IMPACTS: Choice<number>[] = [
  { value: 1, label: 'Negligible' },
  { value: 2, label: 'Minor' },
  { value: 3, label: 'Moderate' },
  { value: 4, label: 'Major' },
  { value: 5, label: 'Severe' },
];

export const LOCK_IN_LEVELS: Choice<number>[] = [
  { value: 1, label: 'Minimal' },
  { value: 2, label: 'Low' },
  { value: 3, label: 'Moderate' },
  { value: 4, label: 'High' },
  { value: 5, label: 'Total' },
];

export const EFFORT_LEVELS: Choice<number>[] = [
  { value: 1, label: 'Trivial' },
  { value: 2, label: 'Small' },
  { value: 3, label: 'Moderate' },
  { value: 4, label: 'Large' },
  { value: 5, label: 'Massive' },
];

export const DIRECTIONS: Record<Direction, { symbol: string; label: string }> = {
  Up: { symbol: '↑', label: 'Exposure rose since the previous snapshot' },
  Down: { symbol: '↓', label: 'Exposure fell since the previous snapshot' },
  Flat: { symbol: '→', label: 'Exposure unchanged since the previous snapshot' },
  New: { symbol: '•', label: 'First snapshot' },
};

export const DUE_STATES: Record<DueState, string> = {
  Overdue: 'Overdue',
  Due: 'Due',
  DueSoon: 'Due soon',
  Current: '',
};

export function labelOf<T>(choices: Choice<T>[], value: T | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined) return fallback;
  return choices.find((c) => c.value === value)?.label ?? String(value);
}

/** "3 · Possible": the number stays visible because the scores are computed from it. */
export function scaleLabel(choices: Choice<number>[], value: number): string {
  return `${value} · ${labelOf(choices, value)}`;
}

/** Position in a choice list, for ordering by rank rather than alphabetically. */
export function rankOf<T>(choices: Choice<T>[], value: T | null | undefined): number {
  if (value === null || value === undefined) return -1;
  return choices.findIndex((c) => c.value === value);
}
