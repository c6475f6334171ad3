// Risk levels: one colour and one order everywhere (badges, heat map, chart bands).
import type { Level } from './bindings/Level';

export const LEVELS: Level[] = ['Low', 'Medium', 'High', 'Critical'];

/** Same boundaries as Rust `Level::of`: Low < 5 ≤ Medium < 10 ≤ High < 20 ≤ Critical. */
export function levelOf(figure: number): Level {
  if (figure >= 20) return 'Critical';
  if (figure >= 10) return 'High';
  if (figure >= 5) return 'Medium';
  return 'Low';
}

/** `levelOf`, or null where there is no figure (Not assessed). */
export function levelOrNone(figure: number | null): Level | null {
  return figure === null ? null : levelOf(figure);
}

/** Lower bound and upper bound of each level on the 0–25 scale, for shaded bands. */
export const LEVEL_BANDS: { level: Level; from: number; to: number }[] = [
  { level: 'Low', from: 0, to: 5 },
  { level: 'Medium', from: 5, to: 10 },
  { level: 'High', from: 10, to: 20 },
  { level: 'Critical', from: 20, to: 25 },
];

/** What stands where a level would, for a provider or failure mode nobody has scored yet. */
export const NOT_ASSESSED = 'Not assessed';

/** The likelihood and impact selects' choice for a failure mode left unscored. */
export const NOT_SCORED = 'Not scored';

/** A level's name, or "Not assessed" for none (`null`, as the bindings carry it). */
export function levelLabel(level: Level | null): string {
  return level ?? NOT_ASSESSED;
}

export function levelClass(level: Level | null): string {
  return level === null ? 'level-none' : `level-${level.toLowerCase()}`;
}
