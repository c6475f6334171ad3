// The settings form's drill cadence: a number of days per level, or empty for "no drills".
import type { DrillCadence } from './bindings/DrillCadence';
import type { FieldErrors } from './fieldErrors';

export type DrillCadenceText = Record<keyof DrillCadence, string>;

const LEVELS: (keyof DrillCadence)[] = ['critical', 'high', 'medium', 'low'];
const LABELS: Record<keyof DrillCadence, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export function drillCadenceText(cadence: DrillCadence): DrillCadenceText {
  const text = (days: number | null) => (days === null ? '' : String(days));
  return { critical: text(cadence.critical), high: text(cadence.high), medium: text(cadence.medium), low: text(cadence.low) };
}

/** Reads the four fields; Rust checks the range (and names the field) on save. */
export function readDrillCadence(text: DrillCadenceText): { ok: true; cadence: DrillCadence } | { ok: false; errors: FieldErrors } {
  const cadence: DrillCadence = { critical: null, high: null, medium: null, low: null };
  const errors: FieldErrors = {};
  for (const level of LEVELS) {
    const t = text[level].trim();
    if (t === '') continue;
    if (!/^\d+$/.test(t))
      errors[`settings.drill_cadence.${level}`] = [`${LABELS[level]}: enter a whole number of days, or leave it empty for no drills.`];
    else cadence[level] = Number(t);
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, cadence };
}
