import { describe, expect, it } from 'vitest';
import type { RegisterChanges } from './bindings/RegisterChanges';
import {
  changeCounts,
  describeMovement,
  isEdited,
  cloneRisk,
  needReview,
  nextIndex,
  progress,
  registerSince,
  replaceItem,
  signedChange,
  suggestedTitle,
} from './review';
import { movement, reviewItem, standing as standingOf } from '../test/builders';

const item = (id: number, reviewed = false) => reviewItem({ provider_id: id, name: `P${id}`, reviewed });
const standing = (exposure: number) => standingOf({ exposure });

describe('suggestedTitle', () => {
  it('names the quarter of the meeting', () => {
    expect(suggestedTitle('2027-01-15')).toBe('Q1 2027 provider risk review');
    expect(suggestedTitle('2027-03-31')).toBe('Q1 2027 provider risk review');
    expect(suggestedTitle('2028-02-29')).toBe('Q1 2028 provider risk review');
    expect(suggestedTitle('2026-12-01')).toBe('Q4 2026 provider risk review');
    expect(suggestedTitle('not a date')).toBe('Provider risk review');
  });
});

describe('walking the review', () => {
  it('moves to the next unreviewed provider, wrapping round, and stops when all are done', () => {
    const items = [item(1, true), item(2), item(3, true), item(4)];
    expect(nextIndex(items, 0)).toBe(1);
    expect(nextIndex(items, 1)).toBe(3);
    expect(nextIndex(items, 3)).toBe(1);
    expect(nextIndex(items, 1, new Set([4]))).toBe(1);
    expect(nextIndex(items, 1, new Set([2, 4]))).toBe(null);
    expect(nextIndex([item(1, true)], 0)).toBe(null);
    expect(nextIndex([], 0)).toBe(null);
  });

  it('replaces an item by provider and counts progress', () => {
    const items = [item(1), item(2)];
    const next = replaceItem(items, item(2, true));
    expect(next[1].reviewed).toBe(true);
    expect(items[1].reviewed).toBe(false);
    expect(progress(next)).toEqual({ reviewed: 1, total: 2 });
  });

  it('notices edited scores', () => {
    const it0 = item(1);
    const edited = cloneRisk(it0.current);
    expect(isEdited(it0, edited)).toBe(false);
    edited.scenarios[0].likelihood = 5;
    expect(isEdited(it0, edited)).toBe(true);
  });
});

describe('describing changes', () => {
  it('signs changes and describes a movement', () => {
    expect(signedChange(3.2)).toBe('+3.2');
    expect(signedChange(-1)).toBe('−1.0');
    expect(signedChange(0)).toBe('0.0');
    const m = movement({ before: standing(9.6), after: standing(16), exposure_change: 6.4, inherent_change: 4 });
    expect(describeMovement(m)).toBe('Exposure 9.6 → 16.0 (+6.4)');
  });

  it('counts every kind of change, saying none where there is none', () => {
    const m = movement({ before: standing(1), after: standing(2), exposure_change: 1 });
    const c: RegisterChanges = {
      from: null,
      to: null,
      risers: [m, m],
      fallers: [m],
      level_changes: [],
      new: [],
      retired: [],
      unchanged: 0,
      steady: [],
      money_risers: [],
      money_fallers: [],
    };
    expect(changeCounts(c)).toBe('2 risers, 1 faller, no level changes, no new providers, none retired');
  });
});

describe('needReview', () => {
  it('counts overdue and due providers that are not retired', () => {
    const rows = [
      { due: 'Overdue', status: 'active' },
      { due: 'Due', status: 'being_replaced' },
      { due: 'DueSoon', status: 'active' },
      { due: 'Overdue', status: 'retired' },
      { due: 'Current', status: 'active' },
    ];
    expect(needReview(rows)).toBe(2);
  });
});

describe('registerSince', () => {
  it('lists the whole register, worst exposure now first, retired last', () => {
    const mv = (id: number, name: string, before: number, after: number) =>
      movement({ provider_id: id, name, before: standing(before), after: standing(after) });
    const c: RegisterChanges = {
      from: '2026-01-01',
      to: '2026-04-01',
      risers: [mv(1, 'AWS', 8, 16)],
      fallers: [mv(2, 'Postmark', 12, 4)],
      level_changes: [],
      new: [{ provider_id: 3, name: 'Resend', standing: standing(9.6) }],
      retired: [{ provider_id: 4, name: 'Legacy CDN', standing: standing(2) }],
      unchanged: 1,
      steady: [mv(5, 'Sentry', 10, 10)],
      money_risers: [],
      money_fallers: [],
    };
    const rows = registerSince(c);
    expect(rows.map((r) => [r.name, r.kind])).toEqual([
      ['AWS', 'Riser'],
      ['Sentry', 'Unchanged'],
      ['Resend', 'New'],
      ['Postmark', 'Faller'],
      ['Legacy CDN', 'Retired'],
    ]);
    expect(rows[4].after).toBeNull();
    expect(rows[2].change).toBeNull();
  });

  it('lists a first assessment as Assessed and an unscored provider after the scored ones', () => {
    const unscored = standingOf({ inherent: null });
    const firstAssessed = movement({ provider_id: 1, name: 'Linear', before: unscored, after: standing(12) });
    const c: RegisterChanges = {
      from: '2026-01-01',
      to: '2026-04-01',
      risers: [],
      fallers: [],
      level_changes: [firstAssessed],
      new: [{ provider_id: 2, name: 'Notion', standing: unscored }],
      retired: [],
      unchanged: 1,
      steady: [movement({ provider_id: 3, name: 'Sentry', before: standing(4), after: standing(4) })],
      money_risers: [],
      money_fallers: [],
    };
    const rows = registerSince(c);
    expect(rows.map((r) => [r.name, r.kind])).toEqual([
      ['Linear', 'Assessed'],
      ['Sentry', 'Unchanged'],
      ['Notion', 'New'],
    ]);
    expect(rows[0].change).toBeNull();
  });
});
