import { describe, expect, it } from 'vitest';
import { breakdownLines, expectedLosses, modeLine, noFiguresReason, topByExpected } from './moneyRegister';
import { sortRows } from './register';
import { row } from '../test/builders';
import { moneyResults, pricedMode, providerResult, unpricedMode } from '../test/money';

describe('money in the register', () => {
  const rows = [row({ name: 'a-small' }), row({ name: 'b-none' }), row({ name: 'c-big' }), row({ name: 'd-unpriced' })];
  const results = moneyResults([
    providerResult(rows[0].id, 'a-small', 1000),
    providerResult(rows[2].id, 'c-big', 90_000),
    providerResult(rows[3].id, 'd-unpriced', 0, [unpricedMode('Price increase')]),
  ]);
  const names = (list: typeof rows) => list.map((r) => r.name);

  it('sorts by expected annual loss, providers without figures last either way', () => {
    const losses = expectedLosses(results);
    expect(names(sortRows(rows, { key: 'expected_loss', descending: true }, losses))).toEqual(['c-big', 'a-small', 'b-none', 'd-unpriced']);
    expect(names(sortRows(rows, { key: 'expected_loss', descending: false }, losses))).toEqual([
      'a-small',
      'c-big',
      'b-none',
      'd-unpriced',
    ]);
  });

  it('says why a provider has no figure', () => {
    expect(noFiguresReason('retired', undefined)).toMatch(/Retired/);
    expect(noFiguresReason('active', undefined)).toMatch(/Not in the money figures/);
    expect(noFiguresReason('active', results.providers[2])).toBe('Not priced: No annual spend recorded.');
    expect(noFiguresReason('active', results.providers[1])).toBeNull();
  });

  it('breaks a figure down into frequency × loss per event, defaults marked', () => {
    expect(modeLine(pricedMode('Outage', 12_345), 'EUR')).toBe(
      'Outage: 0.5–2 a year (default) × EUR 2,000–16,000 an event = EUR 12,345 a year',
    );
    const lines = breakdownLines(results.providers[1], 'EUR');
    expect(lines[0]).toBe('Expected annual loss EUR 90,000');
    expect(lines[1]).toBe('1-in-20 year EUR 360,000; 1-in-100 year EUR 900,000');
    expect(lines).toContain('Top failure mode: Outage');
    expect(lines.at(-1)).toBe('1 failure mode not priced.');
  });

  it('lists the top providers by expected annual loss, leaving out the unpriced', () => {
    expect(topByExpected(results, 5).map((p) => p.name)).toEqual(['c-big', 'a-small']);
  });
});
