// Geometry of the provider trend chart: scores over time on a fixed 0–25 axis, and the expected
// annual loss on a strip of its own below them.
import type { TrendPoint } from './bindings/TrendPoint';
import { LEVEL_BANDS } from './levels';
import { dayNumber } from './dates';
import type { Level } from './bindings/Level';

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 340, height: 190, left: 26, right: 10, top: 10, bottom: 24 };

/** A snapshot with scores; a Not assessed one has nothing to plot. */
type ScoredPoint = TrendPoint & { inherent: number; exposure: number };

export interface PlottedPoint {
  point: ScoredPoint;
  x: number;
  yInherent: number;
  yExposure: number;
}

export interface TrendGeometry {
  points: PlottedPoint[];
  inherentPath: string;
  exposurePath: string;
  bands: { level: Level; y: number; height: number }[];
  yTicks: { value: number; y: number }[];
  xTicks: { label: string; x: number }[];
  plot: { x: number; y: number; width: number; height: number };
}

export const Y_MAX = 25;

export function trendGeometry(snapshots: TrendPoint[], box: ChartBox = DEFAULT_BOX): TrendGeometry {
  // Unscored snapshots are skipped: the lines join the scored ones.
  const trend = snapshots.filter((p): p is ScoredPoint => p.inherent !== null && p.exposure !== null);
  const plot = {
    x: box.left,
    y: box.top,
    width: box.width - box.left - box.right,
    height: box.height - box.top - box.bottom,
  };
  const yOf = (value: number) => round(plot.y + plot.height * (1 - Math.min(Math.max(value, 0), Y_MAX) / Y_MAX));

  // Time is to scale (a gap of a year looks like one); a lone snapshot sits in the middle.
  const days = trend.map((p) => dayNumber(p.taken_on));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const xOf = (day: number) => round(span > 0 ? plot.x + (plot.width * (day - first)) / span : plot.x + plot.width / 2);

  const points = trend.map((point, i) => ({
    point,
    x: xOf(days[i]),
    yInherent: yOf(point.inherent),
    yExposure: yOf(point.exposure),
  }));
  const path = (ys: number[]) => points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${ys[i]}`).join(' ');

  const xTicks: { label: string; x: number }[] = [];
  if (points.length > 0) {
    xTicks.push({ label: trend[0].taken_on, x: points[0].x });
    const last = points[points.length - 1];
    if (last.x - points[0].x > 140) xTicks.push({ label: last.point.taken_on, x: last.x });
  }

  return {
    points,
    inherentPath: path(points.map((p) => p.yInherent)),
    exposurePath: path(points.map((p) => p.yExposure)),
    bands: LEVEL_BANDS.map((b) => ({ level: b.level, y: yOf(b.to), height: round(yOf(b.from) - yOf(b.to)) })),
    yTicks: [0, 5, 10, 15, 20, 25].map((value) => ({ value, y: yOf(value) })),
    xTicks,
    plot,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export interface LossPoint {
  taken_on: string;
  amount: number;
  x: number;
  y: number;
}

export interface LossStrip {
  points: LossPoint[];
  path: string;
  /** The top of the strip's money axis: a round figure at or above the largest loss. */
  max: number;
  height: number;
  plot: { y: number; height: number };
}

export const LOSS_STRIP_HEIGHT = 64;

/** 1, 2 or 5 times a power of ten, at or above `x`: an axis top that reads as a round figure. */
export function niceCeiling(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x) return step * power;
  return 10 * power;
}

/**
 * The expected annual loss of each plotted snapshot that kept its money, on a strip of its own
 * under the scores (money and scores never share an axis), at the same x as its scores.
 */
export function lossStrip(geometry: TrendGeometry, height = LOSS_STRIP_HEIGHT): LossStrip {
  const plot = { y: 6, height: height - 12 };
  const kept = geometry.points.filter((p) => p.point.expected_loss !== null);
  const max = niceCeiling(Math.max(0, ...kept.map((p) => p.point.expected_loss!)));
  const points = kept.map((p) => ({
    taken_on: p.point.taken_on,
    amount: p.point.expected_loss!,
    x: p.x,
    y: round(plot.y + plot.height * (1 - Math.max(0, p.point.expected_loss!) / max)),
  }));
  return { points, path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' '), max, height, plot };
}
