// Review mode's logic as pure functions: the suggested title, moving through the walk, what an
// edit changed, and the words of a summary. Kept out of the components so it is testable alone.
import type { Movement } from './bindings/Movement';
import type { RegisterChanges } from './bindings/RegisterChanges';
import type { ReviewItem } from './bindings/ReviewItem';
import type { RiskProfile } from './bindings/RiskProfile';
import type { ReviewDraft } from './bindings/ReviewDraft';
import type { Standing } from './bindings/Standing';
import { formatExposure, plural } from './format';
import { parseIsoDate } from './dates';

/** "Q1 2027 provider risk review" for a meeting held on a day of 2027's first quarter. */
export function suggestedTitle(heldOn: string): string {
  const date = parseIsoDate(heldOn);
  if (!date) return 'Provider risk review';
  return `Q${Math.ceil(date.m / 3)} ${date.y} provider risk review`;
}

export function blankReview(today: string): ReviewDraft {
  return { held_on: today, title: suggestedTitle(today), attendees: '', notes: '' };
}

/**
 * Where the walk goes after `from`: the next provider not yet reviewed, wrapping around; `null`
 * once every provider was reviewed (or skipped past, when `skipped` holds them).
 */
export function nextIndex(items: ReviewItem[], from: number, skipped: ReadonlySet<number> = new Set()): number | null {
  const n = items.length;
  for (let step = 1; step <= n; step++) {
    const i = (from + step) % n;
    if (!items[i].reviewed && !skipped.has(items[i].provider_id)) return i;
  }
  return null;
}

/** Replaces one item (by provider) with the fresh copy the backend returned. */
export function replaceItem(items: ReviewItem[], fresh: ReviewItem): ReviewItem[] {
  return items.map((item) => (item.provider_id === fresh.provider_id ? fresh : item));
}

export interface Progress {
  reviewed: number;
  total: number;
}

export function progress(items: ReviewItem[]): Progress {
  return { reviewed: items.filter((i) => i.reviewed).length, total: items.length };
}

/** Whether edited values differ from what the item would confirm. */
export function isEdited(item: ReviewItem, risk: RiskProfile): boolean {
  return JSON.stringify(item.current) !== JSON.stringify(risk);
}

/** A deep copy of a plain risk profile (one from Rust); a `$state` one is copied with `$state.snapshot`. */
export function cloneRisk(risk: RiskProfile): RiskProfile {
  return structuredClone(risk);
}

/** "+3.2", "−1.0", "0.0": the sign always shows, so risers and fallers read at a glance. */
export function signedChange(change: number): string {
  if (change > 0) return `+${formatExposure(change)}`;
  if (change < 0) return `−${formatExposure(-change)}`;
  return formatExposure(0);
}

/** "Exposure 9.6 → 16.0 (+6.4)"; risers and fallers are scored on both sides. */
export function describeMovement(m: Movement): string {
  const change = m.exposure_change === null ? '' : ` (${signedChange(m.exposure_change)})`;
  return `Exposure ${formatExposure(m.before.exposure)} → ${formatExposure(m.after.exposure)}${change}`;
}

/** One line for a summary header: "2 risers, 1 faller, 1 level change, 1 new, no retired". */
export function changeCounts(c: RegisterChanges): string {
  const part = (n: number, one: string, many?: string) => (n === 0 ? `no ${many ?? `${one}s`}` : plural(n, one, many));
  return [
    part(c.risers.length, 'riser'),
    part(c.fallers.length, 'faller'),
    part(c.level_changes.length, 'level change'),
    c.new.length === 0 ? 'no new providers' : `${c.new.length} new`,
    c.retired.length === 0 ? 'none retired' : `${c.retired.length} retired`,
  ].join(', ');
}

/** Whether a keyboard event should act as a review shortcut (not while typing in a field). */
export function isShortcut(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName?.toLowerCase();
  return !(tag === 'input' || tag === 'textarea' || tag === 'select' || target?.isContentEditable);
}

/** Active providers overdue or due today: the count the header shows beside "Reviews". */
export function needReview(rows: { due: string; status: string }[]): number {
  return rows.filter((r) => r.status !== 'retired' && (r.due === 'Overdue' || r.due === 'Due')).length;
}

export type SinceKind = 'Riser' | 'Faller' | 'Assessed' | 'Not assessed' | 'Unchanged' | 'New' | 'Retired';

/** One provider in the "whole register since a review" table. */
export interface SinceRow {
  providerId: number;
  name: string;
  kind: SinceKind;
  before: Standing | null;
  after: Standing | null;
  /** Exposure after − before; null for new and retired providers. */
  change: number | null;
}

/** Whether a movement is a first assessment (or a cleared one): a level change only, in Rust too. */
function assessedOnOneSide(m: Movement): boolean {
  return (m.before.inherent_level === null) !== (m.after.inherent_level === null);
}

/** Every provider of a comparison, worst exposure now first (Not assessed after), retired ones last. */
export function registerSince(c: RegisterChanges): SinceRow[] {
  const moved =
    (kind: SinceKind) =>
    (m: Movement): SinceRow => ({
      providerId: m.provider_id,
      name: m.name,
      kind,
      before: m.before,
      after: m.after,
      change: m.exposure_change,
    });
  const rows: SinceRow[] = [
    ...c.risers.map(moved('Riser')),
    ...c.fallers.map(moved('Faller')),
    ...c.level_changes.filter(assessedOnOneSide).map((m) => moved(m.after.inherent_level === null ? 'Not assessed' : 'Assessed')(m)),
    ...c.steady.map(moved('Unchanged')),
    ...c.new.map((e): SinceRow => ({
      providerId: e.provider_id,
      name: e.name,
      kind: 'New',
      before: null,
      after: e.standing,
      change: null,
    })),
  ];
  const exposureNow = (row: SinceRow) => row.after?.exposure ?? -1;
  rows.sort((a, b) => exposureNow(b) - exposureNow(a) || a.name.localeCompare(b.name));
  const retired = c.retired.map((e): SinceRow => ({
    providerId: e.provider_id,
    name: e.name,
    kind: 'Retired',
    before: e.standing,
    after: null,
    change: null,
  }));
  return [...rows, ...retired.sort((a, b) => a.name.localeCompare(b.name))];
}
