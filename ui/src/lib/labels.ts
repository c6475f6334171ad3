// The words a person reads for every choice of the register. The choices themselves come from
// Rust's `label()`s (generated into bindings/choices.ts), so the screen, the PDF and the CSV say
// the same thing; the rest are the UI's own words.
import type { Choice } from './bindings/choices';
import type { Direction } from './bindings/Direction';
import type { DueState } from './bindings/DueState';

export {
  CATEGORIES,
  DATA_HELD,
  DRILL_KINDS,
  DRILL_RESULTS,
  DRILL_SCENARIOS,
  EFFECTS,
  EFFORT_LEVELS,
  EXIT_STRATEGIES,
  FAILURES,
  IMPACTS,
  LIKELIHOODS,
  LOCK_IN_LEVELS,
  READINESS,
  STATUSES,
  TIERS,
  type Choice,
} from './bindings/choices';

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
