// Test data: sensible defaults for every type the tests build; override what the test is about.
// Levels follow the figures (as Rust's `Level::of`) unless a test sets them.
import type { ColumnReading } from '$lib/bindings/ColumnReading';
import type { ImportPreview } from '$lib/bindings/ImportPreview';
import type { Movement } from '$lib/bindings/Movement';
import type { ProviderDraft } from '$lib/bindings/ProviderDraft';
import type { RegisterRow } from '$lib/bindings/RegisterRow';
import type { Review } from '$lib/bindings/Review';
import type { ReviewItem } from '$lib/bindings/ReviewItem';
import type { Scores } from '$lib/bindings/Scores';
import type { Standing } from '$lib/bindings/Standing';
import type { StatusPageEntry } from '$lib/bindings/StatusPageEntry';
import type { StatusPagePreview } from '$lib/bindings/StatusPagePreview';
import type { TrendPoint } from '$lib/bindings/TrendPoint';
import { levelOrNone } from '$lib/levels';

/** Stripe, with two catalogue failure modes. */
export function draft(): ProviderDraft {
  return {
    profile: {
      name: 'Stripe',
      category: 'payments',
      value_provided: '',
      owner: '',
      tier: 1,
      status: 'active',
      fourth_party: false,
      annual_spend: null,
      currency: 'USD',
      renewal_date: null,
      notice_period_days: null,
      data_held: 'payment',
      website: '',
      status_page: '',
      notes: '',
    },
    risk: {
      scenarios: [
        { mode_id: 1, mode: 'Outage', likelihood: 2, impact: 5, note: '' },
        { mode_id: 2, mode: 'Degradation', likelihood: 3, impact: 3, note: '' },
      ],
      lock_in: { level: 4, reasons: '' },
      alternatives: [],
      replacement: { effort: 4, person_weeks: null, emergency_switch_hours: null },
      exit: { strategy: 'accept', plan: '', last_rehearsed: null },
    },
  };
}

let nextRowId = 1;

/** `overrides[key]` when given, even as null (Not assessed), else `fallback`. */
function given<T, K extends keyof T>(overrides: Partial<T>, key: K, fallback: T[K]): T[K] {
  return overrides[key] === undefined ? fallback : (overrides[key] as T[K]);
}

/** A register row; `inherent: null` makes a Not assessed one (no exposure, off the heat map). */
export function row(overrides: Partial<RegisterRow> = {}): RegisterRow {
  const inherent = given(overrides, 'inherent', 6);
  const exposure = given(overrides, 'exposure', inherent === null ? null : 3.6);
  return {
    id: nextRowId++,
    name: 'Provider',
    category: 'other',
    owner: 'Platform',
    value_provided: '',
    tier: 2,
    status: 'active',
    inherent,
    inherent_level: levelOrNone(inherent),
    exposure,
    exposure_level: levelOrNone(exposure),
    lock_in: 3,
    best_readiness: null,
    replacement_effort: 3,
    exit_strategy: 'accept',
    direction: 'Flat',
    heat: inherent === null ? null : { likelihood: 2, impact: 3 },
    explanation: [],
    last_assessed: '2026-01-01',
    next_review: '2027-01-01',
    due: 'Current',
    renewal_date: null,
    last_rehearsed: null,
    drill_due: null,
    outage_cost_per_hour: 0,
    ...overrides,
  };
}

/** Scores with lock-in and effort 4 and no alternative: exposure = inherent × 4 / 5. */
export function scores(overrides: Partial<Scores> = {}): Scores {
  const inherent = given(overrides, 'inherent', 10);
  const exposure = given(overrides, 'exposure', inherent === null ? null : (inherent * 4) / 5);
  return {
    inherent,
    inherent_level: levelOrNone(inherent),
    drivers: [],
    lock_in: 4,
    replacement_effort: 4,
    escape_before_alternatives: 4,
    alternative_reduction: 0,
    best_alternative: null,
    best_readiness: null,
    escape_difficulty: 4,
    exposure,
    exposure_level: levelOrNone(exposure),
    ...overrides,
  };
}

export function review(overrides: Partial<Review> = {}): Review {
  return { id: 1, held_on: '2027-01-15', title: 'Q1 2027 provider risk review', attendees: '', notes: '', closed_on: null, ...overrides };
}

/** A provider in review mode, overdue and not yet reviewed, its current values those of `draft()`. */
export function reviewItem(overrides: Partial<ReviewItem> = {}): ReviewItem {
  return {
    provider_id: 1,
    name: 'Stripe',
    due: 'Overdue',
    next_review: '2027-01-01',
    last: null,
    last_scores: null,
    last_review_title: null,
    current: draft().risk,
    current_scores: scores(),
    dropped_modes: [],
    reviewed: false,
    note: '',
    ...overrides,
  };
}

export function standing(overrides: Partial<Standing> = {}): Standing {
  const inherent = given(overrides, 'inherent', 10);
  const exposure = given(overrides, 'exposure', inherent === null ? null : 8);
  return {
    taken_on: '2027-01-01',
    inherent,
    inherent_level: levelOrNone(inherent),
    exposure,
    exposure_level: levelOrNone(exposure),
    review_id: null,
    expected_loss: null,
    ...overrides,
  };
}

/** A provider's move between two standings; the change is after − before unless given. */
export function movement(overrides: Partial<Movement> = {}): Movement {
  const before = overrides.before ?? standing();
  const after = overrides.after ?? standing();
  return {
    provider_id: 1,
    name: 'AWS',
    before,
    after,
    // Not assessed on either side: no change to tell.
    exposure_change: after.exposure === null || before.exposure === null ? null : after.exposure - before.exposure,
    inherent_change: after.inherent === null || before.inherent === null ? null : after.inherent - before.inherent,
    loss_change: after.expected_loss === null || before.expected_loss === null ? null : after.expected_loss - before.expected_loss,
    ...overrides,
  };
}

export function trendPoint(taken_on: string, inherent: number | null, exposure: number | null): TrendPoint {
  return { taken_on, inherent, exposure, level: levelOrNone(inherent), review_id: null, expected_loss: null };
}

/** A clean import preview: one provider created, two updated, three assessments. */
export function importPreview(overrides: Partial<ImportPreview> = {}): ImportPreview {
  return {
    files: ['providers.csv', 'scenarios.csv'],
    sheets: [],
    sheet: null,
    columns: [],
    readings: [],
    created: ['Linear'],
    updated: [
      { name: 'Stripe', changes: [{ field: 'Owner', from: '', to: 'Platform team' }] },
      { name: 'Datadog', changes: [{ field: 'Tier', from: '2', to: '1' }] },
    ],
    unchanged: [],
    snapshots: 3,
    incidents: 0,
    drills: 0,
    evidence_kept: 0,
    services: 0,
    links: 0,
    overrides_added: 0,
    overrides_changed: 0,
    overrides_unchanged: 0,
    rejected: [],
    warnings: [],
    ...overrides,
  };
}

/** One column of an import preview, read as `reading` (null: not read). */
export function columnReading(
  column: number,
  header: string,
  reading: string | null,
  source: ColumnReading['source'] = reading ? 'recognised' : 'not_recognised',
  sample = '',
): ColumnReading {
  return { column, letter: String.fromCharCode(64 + column), header, reading, source, sample };
}

/** One incident of a status-page export as the preview lists it. */
export function statusPageEntry(position: number, summary: string, overrides: Partial<StatusPageEntry> = {}): StatusPageEntry {
  return {
    position,
    summary,
    impact: 'major',
    mode: 'Outage',
    started: '2026-03-04T09:12:00Z',
    resolved: '2026-03-04T10:42:00Z',
    components: [],
    ...overrides,
  };
}

export function statusPagePreview(overrides: Partial<StatusPagePreview> = {}): StatusPagePreview {
  return {
    file: 'incidents.json',
    provider: 'Stripe',
    mapping: 'Impact major or critical is recorded as Outage, minor or none as Degradation.',
    added: [statusPageEntry(1, 'Elevated API errors')],
    duplicates: [statusPageEntry(2, 'Dashboard slow', { impact: 'minor', mode: 'Degradation' })],
    rejected: [],
    ...overrides,
  };
}
