// The register table's logic as pure functions: filtering, search, sorting and the summary counts.
// Kept apart from the components so it is fast with a thousand providers and testable alone.
import type { RegisterRow } from './bindings/RegisterRow';
import type { Category } from './bindings/Category';
import type { Level } from './bindings/Level';
import type { Status } from './bindings/Status';
import type { Direction } from './bindings/Direction';
import type { DueState } from './bindings/DueState';
import { CATEGORIES, EXIT_STRATEGIES, READINESS, labelOf, rankOf } from './labels';

export type SortKey =
  | 'name'
  | 'category'
  | 'owner'
  | 'tier'
  | 'inherent'
  | 'exposure'
  | 'outage_cost'
  | 'expected_loss'
  | 'lock_in'
  | 'best_readiness'
  | 'replacement_effort'
  | 'exit_strategy'
  | 'direction'
  | 'next_review';

export interface Sort {
  key: SortKey;
  descending: boolean;
}

export type ReviewFilter = 'any' | 'due' | 'due_soon';

/** What an hour of a provider's outage costs: any, none at all, or at least an amount. */
export type CostFilter = 'any' | 'none' | number;

/** A level to show only, or the providers nobody has scored yet. */
export type LevelFilter = Level | 'not_assessed' | 'any';

export interface Filters {
  search: string;
  category: Category | 'any';
  level: LevelFilter;
  owner: string | 'any';
  status: Status | 'any';
  review: ReviewFilter;
  cost: CostFilter;
  showRetired: boolean;
}

export const NO_FILTERS: Filters = {
  search: '',
  category: 'any',
  level: 'any',
  owner: 'any',
  status: 'any',
  review: 'any',
  cost: 'any',
  showRetired: false,
};

/** The register's default order: what most needs attention first. */
export const DEFAULT_SORT: Sort = { key: 'exposure', descending: true };

/** Whether anything narrows the list beyond hiding retired providers. */
export function isFiltered(filters: Filters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.category !== 'any' ||
    filters.level !== 'any' ||
    filters.owner !== 'any' ||
    filters.status !== 'any' ||
    filters.review !== 'any' ||
    filters.cost !== 'any'
  );
}

// A search runs on every keystroke over every row; building each row's text once keeps it cheap.
const haystacks = new WeakMap<RegisterRow, string>();

function haystack(row: RegisterRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = [row.name, row.owner, row.category, labelOf(CATEGORIES, row.category), row.value_provided].join('\n').toLocaleLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

/** Every word of the query must appear somewhere in the row, in any order. */
export function matchesSearch(row: RegisterRow, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(row);
  return words.every((w) => text.includes(w));
}

const NEEDS_REVIEW: Record<ReviewFilter, DueState[]> = {
  any: ['Overdue', 'Due', 'DueSoon', 'Current'],
  due: ['Overdue', 'Due'],
  due_soon: ['Overdue', 'Due', 'DueSoon'],
};

function matchesCost(row: RegisterRow, cost: CostFilter): boolean {
  if (cost === 'any') return true;
  return cost === 'none' ? row.outage_cost_per_hour === 0 : row.outage_cost_per_hour >= cost;
}

function matchesLevel(row: RegisterRow, level: LevelFilter): boolean {
  if (level === 'any') return true;
  return row.inherent_level === (level === 'not_assessed' ? null : level);
}

export function filterRows(rows: RegisterRow[], filters: Filters): RegisterRow[] {
  // Asking for retired providers by status shows them even with the toggle off.
  const hideRetired = !filters.showRetired && filters.status !== 'retired';
  const review = NEEDS_REVIEW[filters.review];
  return rows.filter(
    (row) =>
      !(hideRetired && row.status === 'retired') &&
      (filters.category === 'any' || row.category === filters.category) &&
      matchesLevel(row, filters.level) &&
      (filters.owner === 'any' || row.owner === filters.owner) &&
      (filters.status === 'any' || row.status === filters.status) &&
      review.includes(row.due) &&
      matchesCost(row, filters.cost) &&
      matchesSearch(row, filters.search),
  );
}

const DIRECTION_RANK: Record<Direction, number> = { Down: 0, Flat: 1, New: 2, Up: 3 };
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Compare = (a: RegisterRow, b: RegisterRow) => number;

const byNumber =
  (f: (r: RegisterRow) => number): Compare =>
  (a, b) =>
    f(a) - f(b);
// Below every score (the lowest is 0.2), so Not assessed rows sort together: after the scored
// ones worst first, before them lowest first.
const UNSCORED = -1;
const byScore = (f: (r: RegisterRow) => number | null): Compare => byNumber((r) => f(r) ?? UNSCORED);
const byText =
  (f: (r: RegisterRow) => string): Compare =>
  (a, b) =>
    collator.compare(f(a), f(b));

const COMPARE: Record<Exclude<SortKey, 'expected_loss'>, Compare> = {
  name: byText((r) => r.name),
  category: byText((r) => labelOf(CATEGORIES, r.category)),
  owner: byText((r) => r.owner),
  tier: byNumber((r) => r.tier),
  inherent: byScore((r) => r.inherent),
  exposure: byScore((r) => r.exposure),
  outage_cost: byNumber((r) => r.outage_cost_per_hour),
  lock_in: byNumber((r) => r.lock_in),
  best_readiness: byNumber((r) => rankOf(READINESS, r.best_readiness)),
  replacement_effort: byNumber((r) => r.replacement_effort),
  exit_strategy: byNumber((r) => rankOf(EXIT_STRATEGIES, r.exit_strategy)),
  direction: byNumber((r) => DIRECTION_RANK[r.direction]),
  next_review: byText((r) => r.next_review),
};

/**
 * A new copy in the requested order; ties keep a stable, name-based order either way. Expected
 * annual loss comes from the money figures (`losses`, by provider id): providers without any
 * sort last in both directions, since they have no amount to rank by.
 */
export function sortRows(rows: RegisterRow[], sort: Sort, losses: ReadonlyMap<number, number> = new Map()): RegisterRow[] {
  const sign = sort.descending ? -1 : 1;
  if (sort.key === 'expected_loss') {
    const withFigures = rows.filter((r) => losses.has(r.id));
    const without = rows.filter((r) => !losses.has(r.id));
    const byLoss = (a: RegisterRow, b: RegisterRow) => sign * (losses.get(a.id)! - losses.get(b.id)!) || COMPARE.name(a, b) || a.id - b.id;
    return [...withFigures.sort(byLoss), ...without.sort((a, b) => COMPARE.name(a, b) || a.id - b.id)];
  }
  const compare = COMPARE[sort.key];
  return [...rows].sort((a, b) => sign * compare(a, b) || COMPARE.name(a, b) || a.id - b.id);
}

/** Text columns read A→Z first; risk figures read worst first, which is what a CTO looks for. */
export function firstDirection(key: SortKey): boolean {
  return !['name', 'category', 'owner', 'tier', 'next_review'].includes(key);
}

/** Clicking the sorted column reverses it; clicking another starts in that column's natural order. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: firstDirection(key) };
}

export function ariaSort(sort: Sort, key: SortKey): 'ascending' | 'descending' | 'none' {
  if (sort.key !== key) return 'none';
  return sort.descending ? 'descending' : 'ascending';
}

export interface Summary {
  total: number;
  byLevel: Record<Level, number>;
  /** Providers without a scored failure mode, counted apart from every level. */
  notAssessed: number;
  overdue: number;
  due: number;
  dueSoon: number;
  retired: number;
}

/** Counts of the providers in use: retired ones are counted apart and nowhere else. */
export function summarise(rows: RegisterRow[]): Summary {
  const summary: Summary = {
    total: 0,
    byLevel: { Low: 0, Medium: 0, High: 0, Critical: 0 },
    notAssessed: 0,
    overdue: 0,
    due: 0,
    dueSoon: 0,
    retired: 0,
  };
  for (const row of rows) {
    if (row.status === 'retired') {
      summary.retired++;
      continue;
    }
    summary.total++;
    if (row.inherent_level === null) summary.notAssessed++;
    else summary.byLevel[row.inherent_level]++;
    if (row.due === 'Overdue') summary.overdue++;
    else if (row.due === 'Due') summary.due++;
    else if (row.due === 'DueSoon') summary.dueSoon++;
  }
  return summary;
}

/** Owners for the owner filter, alphabetically, without blanks or repeats. */
export function ownersOf(rows: RegisterRow[]): string[] {
  const owners = new Set(rows.map((r) => r.owner.trim()).filter(Boolean));
  return [...owners].sort(collator.compare);
}

/** Providers whose exit drill is due or overdue (a level that expects no drills never counts). */
export function needDrill(rows: Pick<RegisterRow, 'drill_due' | 'status'>[]): number {
  return rows.filter((r) => r.status !== 'retired' && (r.drill_due === 'Overdue' || r.drill_due === 'Due')).length;
}
