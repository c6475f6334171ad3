import { describe, expect, it } from 'vitest';
import { row } from '../test/builders';
import { bucketHeatMap } from './heatmap';

describe('bucketHeatMap', () => {
  it('places each provider at its driving likelihood and impact, likelihood 5 on the top line', () => {
    const map = bucketHeatMap([
      row({ name: 'Stripe', heat: { likelihood: 4, impact: 5 } }),
      row({ name: 'AWS', heat: { likelihood: 4, impact: 5 } }),
      row({ name: 'Zendesk', heat: { likelihood: 1, impact: 2 } }),
    ]);
    const top = map.grid[0];
    expect(top.every((c) => c.likelihood === 5)).toBe(true);
    expect(top.map((c) => c.impact)).toEqual([1, 2, 3, 4, 5]);
    const cell = map.grid[1][4];
    expect([cell.likelihood, cell.impact]).toEqual([4, 5]);
    expect(cell.rows.map((r) => r.name)).toEqual(['Stripe', 'AWS']);
    expect(map.grid[4][1].rows.map((r) => r.name)).toEqual(['Zendesk']);
  });

  it('keeps providers with no scored failure mode off the grid', () => {
    const map = bucketHeatMap([row({ name: 'Blank', heat: null })]);
    expect(map.unplaced.map((r) => r.name)).toEqual(['Blank']);
    expect(map.grid.flat().every((c) => c.rows.length === 0)).toBe(true);
  });

  it('colours cells by likelihood × impact with the register boundaries', () => {
    const level = (l: number, i: number) => bucketHeatMap([]).grid[5 - l][i - 1].level;
    expect(level(1, 4)).toBe('Low'); // 4
    expect(level(1, 5)).toBe('Medium'); // 5
    expect(level(3, 3)).toBe('Medium'); // 9
    expect(level(2, 5)).toBe('High'); // 10
    expect(level(4, 4)).toBe('High'); // 16
    expect(level(4, 5)).toBe('Critical'); // 20
  });
});
