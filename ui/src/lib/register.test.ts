import { describe, expect, it } from 'vitest';
import { row } from '../test/builders';
import {
  NO_FILTERS,
  ariaSort,
  filterRows,
  isFiltered,
  matchesSearch,
  nextSort,
  ownersOf,
  sortRows,
  summarise,
  type Filters,
} from './register';

const names = (rows: { name: string }[]) => rows.map((r) => r.name);
const filters = (f: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...f });

describe('filterRows', () => {
  const rows = [
    row({ name: 'Stripe', category: 'payments', owner: 'Payments team', inherent: 20 }),
    row({ name: 'AWS', category: 'hosting', owner: 'Platform', inherent: 12, due: 'Overdue' }),
    row({ name: 'Fastly', category: 'cdn', owner: 'Platform', status: 'retired' }),
    row({ name: 'Postmark', category: 'email', owner: 'Platform', status: 'being_replaced', due: 'DueSoon' }),
    row({ name: 'Linear', category: 'other', owner: 'Product', inherent: null }),
  ];

  it('hides retired providers unless asked for', () => {
    expect(names(filterRows(rows, NO_FILTERS))).toEqual(['Stripe', 'AWS', 'Postmark', 'Linear']);
    expect(names(filterRows(rows, filters({ showRetired: true })))).toContain('Fastly');
  });

  it('shows retired providers when the status filter asks for them, even with the toggle off', () => {
    expect(names(filterRows(rows, filters({ status: 'retired' })))).toEqual(['Fastly']);
  });

  it('combines category, level, owner and status', () => {
    expect(names(filterRows(rows, filters({ category: 'hosting' })))).toEqual(['AWS']);
    expect(names(filterRows(rows, filters({ level: 'Critical' })))).toEqual(['Stripe']);
    expect(names(filterRows(rows, filters({ level: 'not_assessed' })))).toEqual(['Linear']);
    expect(names(filterRows(rows, filters({ owner: 'Platform' })))).toEqual(['AWS', 'Postmark']);
    expect(names(filterRows(rows, filters({ owner: 'Platform', status: 'being_replaced' })))).toEqual(['Postmark']);
  });

  it('narrows to providers needing review', () => {
    expect(names(filterRows(rows, filters({ review: 'due' })))).toEqual(['AWS']);
    expect(names(filterRows(rows, filters({ review: 'due_soon' })))).toEqual(['AWS', 'Postmark']);
  });

  it('searches name, owner and category in any case, every word', () => {
    expect(names(filterRows(rows, filters({ search: 'strip' })))).toEqual(['Stripe']);
    expect(names(filterRows(rows, filters({ search: 'PAYMENTS' })))).toEqual(['Stripe']);
    expect(names(filterRows(rows, filters({ search: 'platform email' })))).toEqual(['Postmark']);
    expect(filterRows(rows, filters({ search: 'nothing like this' }))).toEqual([]);
  });
});

describe('matchesSearch', () => {
  it('matches the category label as well as its key', () => {
    expect(matchesSearch(row({ category: 'cdn' }), 'CDN')).toBe(true);
    expect(matchesSearch(row({ category: 'auth' }), 'hosting')).toBe(false);
  });

  it('finds non-ASCII names', () => {
    expect(matchesSearch(row({ name: 'Ärger & Söhne GmbH' }), 'ärger')).toBe(true);
  });

  it('matches the value provided when the row carries it', () => {
    const r = { ...row({ name: 'Stripe' }), value_provided: 'Card payments at checkout' };
    expect(matchesSearch(r, 'checkout')).toBe(true);
  });
});

describe('sortRows', () => {
  const rows = [
    row({ name: 'b-low', exposure: 1.2, best_readiness: 'live', next_review: '2027-03-01', tier: 3 }),
    row({ name: 'a-high', exposure: 16, best_readiness: null, next_review: '2026-12-01', tier: 1 }),
    row({ name: 'c-mid', exposure: 8, best_readiness: 'contracted', next_review: '2027-01-15', tier: 1 }),
  ];

  it('orders by exposure, worst first, and reverses', () => {
    expect(names(sortRows(rows, { key: 'exposure', descending: true }))).toEqual(['a-high', 'c-mid', 'b-low']);
    expect(names(sortRows(rows, { key: 'exposure', descending: false }))).toEqual(['b-low', 'c-mid', 'a-high']);
  });

  it('keeps Not assessed rows together: after the scored ones worst first, before them lowest first', () => {
    const withUnscored = [...rows, row({ name: 'd-unscored', inherent: null }), row({ name: 'a-unscored', inherent: null })];
    for (const key of ['exposure', 'inherent'] as const) {
      expect(names(sortRows(withUnscored, { key, descending: true })).slice(3)).toEqual(['a-unscored', 'd-unscored']);
      expect(names(sortRows(withUnscored, { key, descending: false })).slice(0, 2)).toEqual(['a-unscored', 'd-unscored']);
    }
  });

  it('orders readiness by rank, not alphabetically, with no alternative lowest', () => {
    expect(names(sortRows(rows, { key: 'best_readiness', descending: true }))).toEqual(['b-low', 'c-mid', 'a-high']);
  });

  it('orders review dates chronologically and breaks ties by name', () => {
    expect(names(sortRows(rows, { key: 'next_review', descending: false }))).toEqual(['a-high', 'c-mid', 'b-low']);
    expect(names(sortRows(rows, { key: 'tier', descending: false }))).toEqual(['a-high', 'c-mid', 'b-low']);
  });

  it('sorts names naturally and ignores case', () => {
    const list = [row({ name: 'provider 10' }), row({ name: 'Provider 9' }), row({ name: 'aws' })];
    expect(names(sortRows(list, { key: 'name', descending: false }))).toEqual(['aws', 'Provider 9', 'provider 10']);
  });

  it('does not reorder the input', () => {
    const before = names(rows);
    sortRows(rows, { key: 'name', descending: true });
    expect(names(rows)).toEqual(before);
  });

  it('sorts a thousand rows quickly', () => {
    const many = Array.from({ length: 1000 }, (_, i) => row({ name: `P${i}`, exposure: ((i * 7919) % 250) / 10 }));
    const start = performance.now();
    const sorted = sortRows(filterRows(many, filters({ search: 'p' })), { key: 'exposure', descending: true });
    expect(performance.now() - start).toBeLessThan(250);
    expect(sorted[0].exposure).toBeGreaterThanOrEqual(sorted[999].exposure!);
  });
});

describe('column header sorting', () => {
  it('starts risk figures worst first and text A to Z, and reverses on a second click', () => {
    const byName = nextSort({ key: 'exposure', descending: true }, 'name');
    expect(byName).toEqual({ key: 'name', descending: false });
    expect(nextSort(byName, 'name')).toEqual({ key: 'name', descending: true });
    expect(nextSort(byName, 'inherent')).toEqual({ key: 'inherent', descending: true });
  });

  it('reports aria-sort only on the sorted column', () => {
    const sort = { key: 'owner' as const, descending: false };
    expect(ariaSort(sort, 'owner')).toBe('ascending');
    expect(ariaSort({ ...sort, descending: true }, 'owner')).toBe('descending');
    expect(ariaSort(sort, 'name')).toBe('none');
  });
});

describe('summarise', () => {
  it('counts providers in use by level and review state, retired apart', () => {
    const summary = summarise([
      row({ inherent: 20, due: 'Overdue' }),
      row({ inherent: 12, due: 'Due' }),
      row({ inherent: 12, due: 'DueSoon' }),
      row({ inherent: 3 }),
      row({ inherent: null, due: 'Due' }),
      row({ inherent: 25, status: 'retired', due: 'Overdue' }),
    ]);
    expect(summary.total).toBe(5);
    expect(summary.byLevel).toEqual({ Low: 1, Medium: 0, High: 2, Critical: 1 });
    expect(summary.notAssessed).toBe(1);
    expect([summary.overdue, summary.due, summary.dueSoon, summary.retired]).toEqual([1, 2, 1, 1]);
  });
});

describe('filters and owners', () => {
  it('lists owners once, sorted, without blanks', () => {
    expect(ownersOf([row({ owner: 'SRE' }), row({ owner: '' }), row({ owner: 'Data' }), row({ owner: 'SRE' })])).toEqual(['Data', 'SRE']);
  });

  it('does not count the retired toggle as a filter', () => {
    expect(isFiltered(filters({ showRetired: true }))).toBe(false);
    expect(isFiltered(filters({ search: ' x ' }))).toBe(true);
  });
});

describe('cost per hour if down', () => {
  const rows = [
    row({ name: 'AWS us-east-1', outage_cost_per_hour: 53270 }),
    row({ name: 'Postmark', outage_cost_per_hour: 2000 }),
    row({ name: 'Mixpanel', outage_cost_per_hour: 0 }),
  ];

  it('sorts costliest first from the header, cheapest first when reversed', () => {
    const sort = nextSort({ key: 'name', descending: false }, 'outage_cost');
    expect(names(sortRows(rows, sort))).toEqual(['AWS us-east-1', 'Postmark', 'Mixpanel']);
    expect(names(sortRows(rows, nextSort(sort, 'outage_cost')))).toEqual(['Mixpanel', 'Postmark', 'AWS us-east-1']);
  });

  it('filters by a least cost, or to the providers that reach no service', () => {
    expect(names(filterRows(rows, filters({ cost: 10000 })))).toEqual(['AWS us-east-1']);
    expect(names(filterRows(rows, filters({ cost: 1000 })))).toEqual(['AWS us-east-1', 'Postmark']);
    expect(names(filterRows(rows, filters({ cost: 'none' })))).toEqual(['Mixpanel']);
    expect(isFiltered(filters({ cost: 'none' }))).toBe(true);
  });
});
