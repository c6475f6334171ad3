import { describe, expect, it } from 'vitest';
import {
  chanceFloor,
  chanceTicks,
  curvePath,
  formatChance,
  formatTick,
  logScale,
  logTicks,
  lossDomain,
  xOf,
  yOf,
  type Plot,
} from './exceedance';

describe('loss exceedance maths', () => {
  it('widens the losses to whole powers of ten', () => {
    expect(
      lossDomain([
        { loss: 3200, probability: 0.9 },
        { loss: 870_000, probability: 0.001 },
      ]),
    ).toEqual({ min: 1000, max: 1_000_000 });
    expect(lossDomain([])).toBeNull();
    expect(lossDomain([{ loss: 0, probability: 1 }])).toBeNull();
  });

  it('puts ticks at powers of ten on a wide range and at 1-2-5 on a narrow one', () => {
    expect(logTicks({ min: 100, max: 10_000_000 })).toEqual([100, 1000, 10_000, 100_000, 1_000_000, 10_000_000]);
    expect(logTicks({ min: 1000, max: 100_000 })).toEqual([1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]);
  });

  it('spaces powers of ten evenly: the scale is logarithmic', () => {
    const d = { min: 10, max: 100_000 };
    expect(logScale(10, d, 400)).toBe(0);
    expect(logScale(100, d, 400)).toBeCloseTo(100);
    expect(logScale(1000, d, 400)).toBeCloseTo(200);
    expect(logScale(100_000, d, 400)).toBeCloseTo(400);
    // Clamped at the ends, and nothing for a loss a log axis cannot show.
    expect(logScale(1, d, 400)).toBe(0);
    expect(logScale(0, d, 400)).toBe(0);
    expect(logScale(1e9, d, 400)).toBe(400);
  });

  it('reads the chance of a year down to one simulated year, as 100 %, 10 %, 1 % …', () => {
    expect(chanceFloor(20_000)).toBe(1e-4);
    expect(chanceFloor(1000)).toBe(1e-3);
    expect(chanceTicks(1e-3).map(formatChance)).toEqual(['100 %', '10 %', '1 %', '0.1 %']);
  });

  it('labels money ticks short, with the currency', () => {
    expect(formatTick(500, 'USD')).toBe('USD 500');
    expect(formatTick(20_000, 'USD')).toBe('USD 20k');
    expect(formatTick(1_000_000, 'EUR')).toBe('EUR 1M');
    expect(formatTick(2_500_000_000, 'GBP')).toBe('GBP 2.5bn');
  });

  it('draws the curve with 100 % at the top and drops points with no chance left', () => {
    const plot: Plot = { width: 300, height: 200, losses: { min: 1000, max: 1_000_000 }, floor: 1e-3 };
    expect(yOf(1, plot)).toBe(0);
    expect(yOf(0.01, plot)).toBeCloseTo(133.3, 1);
    expect(yOf(0, plot)).toBe(200);
    expect(xOf(10_000, plot)).toBeCloseTo(100);
    const path = curvePath(
      [
        { loss: 1000, probability: 1 },
        { loss: 10_000, probability: 0.1 },
        { loss: 1_000_000, probability: 0 },
      ],
      plot,
    );
    expect(path).toBe('M0.0,0.0 L100.0,66.7');
  });
});
