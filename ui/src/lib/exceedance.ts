// The loss exceedance curve's geometry as pure functions: log scales for money and for the chance
// of a year, their ticks (powers of ten, with 1-2-5 steps when the range is narrow) and the path.
import type { ExceedancePoint } from './bindings/ExceedancePoint';

export interface Domain {
  min: number;
  max: number;
}

/** Where `value` sits on a log scale from `domain.min` (0) to `domain.max` (`size`), clamped to it. */
export function logScale(value: number, domain: Domain, size: number): number {
  const lo = Math.log10(domain.min);
  const hi = Math.log10(domain.max);
  if (!(value > 0) || hi <= lo) return 0;
  const t = (Math.log10(value) - lo) / (hi - lo);
  return Math.min(1, Math.max(0, t)) * size;
}

/** The losses the curve spans, widened to whole powers of ten; null when there is nothing to draw. */
export function lossDomain(curve: ExceedancePoint[]): Domain | null {
  const losses = curve.map((p) => p.loss).filter((l) => l > 0 && Number.isFinite(l));
  if (losses.length === 0) return null;
  const min = 10 ** Math.floor(Math.log10(Math.min(...losses)));
  let max = 10 ** Math.ceil(Math.log10(Math.max(...losses)));
  if (max <= min) max = min * 10;
  return { min, max };
}

/**
 * Ticks for a log money axis: every power of ten in the domain, and 2 and 5 between them while
 * the axis spans three decades or fewer (more would crowd the labels).
 */
export function logTicks(domain: Domain): number[] {
  if (!(domain.min > 0) || !(domain.max > domain.min)) return [];
  const first = Math.floor(Math.log10(domain.min));
  const last = Math.ceil(Math.log10(domain.max));
  const steps = last - first <= 3 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = first; e <= last; e++) {
    for (const s of steps) {
      // Rounded so that 10 ** -1 * 2 does not read 0.20000000000000004.
      const v = Number((s * 10 ** e).toPrecision(12));
      if (v >= domain.min * (1 - 1e-9) && v <= domain.max * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

/**
 * The chance of a year the y axis runs down to: a power of ten at or below one simulated year
 * in all of them (a loss seen once in 20,000 years is 0.005 %), but no lower than 0.01 %.
 */
export function chanceFloor(years: number): number {
  const smallest = years > 0 ? 1 / years : 1e-4;
  return Math.max(1e-4, 10 ** Math.floor(Math.log10(smallest)));
}

/** 100 %, 10 %, 1 % … down to `floor`. */
export function chanceTicks(floor: number): number[] {
  const ticks: number[] = [];
  for (let p = 1; p >= floor * (1 - 1e-9); p /= 10) ticks.push(Number(p.toPrecision(12)));
  return ticks;
}

/** "10 %", "1 %", "0.1 %": a chance without trailing zeros. */
export function formatChance(p: number): string {
  const percent = Number((p * 100).toPrecision(6));
  return `${percent.toLocaleString('en-US', { maximumFractionDigits: 4 })} %`;
}

/** "USD 20k", "USD 1M": a tick's label, short enough for an axis. */
export function formatTick(amount: number, currency: string): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'bn'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (amount >= size) return `${currency} ${Number((amount / size).toPrecision(3))}${suffix}`;
  }
  return `${currency} ${Number(amount.toPrecision(3))}`;
}

export interface Plot {
  width: number;
  height: number;
  losses: Domain;
  /** The lowest chance shown, at the bottom. */
  floor: number;
}

export function xOf(loss: number, plot: Plot): number {
  return logScale(loss, plot.losses, plot.width);
}

/** Top is 100 %; a chance below the floor sits on the bottom edge. */
export function yOf(probability: number, plot: Plot): number {
  return plot.height - logScale(Math.max(probability, plot.floor), { min: plot.floor, max: 1 }, plot.height);
}

/**
 * The curve as an SVG path: points with no chance left (above the worst simulated year) are
 * dropped, since a log axis has no zero.
 */
export function curvePath(curve: ExceedancePoint[], plot: Plot): string {
  return curve
    .filter((p) => p.loss > 0 && p.probability > 0)
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(p.loss, plot).toFixed(1)},${yOf(p.probability, plot).toFixed(1)}`)
    .join(' ');
}
