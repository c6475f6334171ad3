import { describe, expect, it } from 'vitest';
import { lossStrip, niceCeiling, trendGeometry, type ChartBox } from './trend';
import { trendPoint as point } from '../test/builders';

const box: ChartBox = { width: 200, height: 125, left: 0, right: 0, top: 0, bottom: 25 };

describe('trendGeometry', () => {
  it('maps 0 to the bottom of the plot and 25 to the top', () => {
    const g = trendGeometry([point('2026-01-01', 25, 0)], box);
    expect(g.points[0].yInherent).toBe(0);
    expect(g.points[0].yExposure).toBe(100);
  });

  it('puts a lone snapshot in the middle', () => {
    const g = trendGeometry([point('2026-01-01', 10, 4)], box);
    expect(g.points[0].x).toBe(100);
    expect(g.inherentPath).toBe('M100,60');
  });

  it('spaces snapshots by time, not by count', () => {
    const g = trendGeometry([point('2026-01-01', 10, 4), point('2026-01-11', 12, 4.8), point('2026-04-11', 16, 12.8)], box);
    expect(g.points.map((p) => p.x)).toEqual([0, 20, 200]);
    expect(g.inherentPath).toBe('M0,60 L20,52 L200,36');
  });

  it('leaves out snapshots in which nothing was scored', () => {
    const g = trendGeometry([point('2026-01-01', null, null), point('2026-01-11', 10, 4), point('2026-04-11', 16, 12.8)], box);
    expect(g.points.map((p) => p.point.taken_on)).toEqual(['2026-01-11', '2026-04-11']);
    expect(g.inherentPath).toBe('M0,60 L200,36');
  });

  it('shades the four level bands across the whole 0–25 axis', () => {
    const g = trendGeometry([point('2026-01-01', 10, 4)], box);
    expect(g.bands.map((b) => b.level)).toEqual(['Low', 'Medium', 'High', 'Critical']);
    expect(g.bands.map((b) => b.height)).toEqual([20, 20, 40, 20]);
    expect(g.bands.reduce((sum, b) => sum + b.height, 0)).toBe(100);
  });

  it('clamps figures outside the axis', () => {
    const g = trendGeometry([point('2026-01-01', 30, -1)], box);
    expect(g.points[0].yInherent).toBe(0);
    expect(g.points[0].yExposure).toBe(100);
  });
});

describe('lossStrip', () => {
  const withLoss = (taken_on: string, inherent: number, loss: number | null) => ({ ...point(taken_on, inherent, 4), expected_loss: loss });

  it('rounds the money axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 0.4, 7, 12, 40_000, 95_000, 100_000].map(niceCeiling)).toEqual([1, 0.5, 10, 20, 50_000, 100_000, 100_000]);
  });

  it('plots the snapshots that kept their money at the x of their scores', () => {
    const g = trendGeometry(
      [withLoss('2026-01-01', 10, null), withLoss('2026-01-11', 12, 25_000), withLoss('2026-04-11', 16, 50_000)],
      box,
    );
    const strip = lossStrip(g, 62);
    expect(strip.max).toBe(50_000);
    expect(strip.points.map((p) => [p.x, p.y])).toEqual([
      [20, 31],
      [200, 6],
    ]);
    expect(strip.path).toBe('M20,31 L200,6');
  });

  it('has nothing to plot before any snapshot kept its money', () => {
    expect(lossStrip(trendGeometry([point('2026-01-01', 10, 4)], box)).points).toEqual([]);
  });
});
