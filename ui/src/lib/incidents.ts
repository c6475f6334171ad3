// Incidents and drills as the screens read them: times with their offset, durations in words, and
// the register-wide Incidents table's filters and order. Pure functions, tested alone.
import type { IncidentRow } from './bindings/IncidentRow';
import type { ModeEvidence } from './bindings/ModeEvidence';
import type { SwitchTime } from './bindings/SwitchTime';
import { parseIsoDate, formatDate } from './dates';

/** A time as the form edits it: a calendar date, a wall-clock time and the offset it was read in. */
export interface LocalTime {
  date: string;
  time: string;
  offset: string;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const OFFSET = /^[+-](0\d|1[0-4]):([0-5]\d)$/;

/** "+02:00" for a UTC offset of `minutes` east of Greenwich ("Z" reads as "+00:00"). */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The offset of this machine's clock at `at` (by default now), as the form's default. */
export function machineOffset(at: Date = new Date()): string {
  return formatOffset(-at.getTimezoneOffset());
}

/** Splits "2026-05-04T09:00:00+02:00" into what the form shows, keeping the offset as recorded. */
export function splitTime(rfc3339: string | null, fallbackOffset: string): LocalTime {
  const match = rfc3339 ? RFC3339.exec(rfc3339) : null;
  if (!match) return { date: '', time: '', offset: fallbackOffset };
  return { date: match[1], time: match[2], offset: match[3] === 'Z' ? '+00:00' : match[3] };
}

export type Joined = { ok: true; value: string | null } | { ok: false; message: string };

/** The form's three parts back as RFC 3339, or null when date and time are both empty. */
export function joinTime(t: LocalTime): Joined {
  const [date, time, offset] = [t.date.trim(), t.time.trim(), t.offset.trim()];
  if (date === '' && time === '') return { ok: true, value: null };
  if (!parseIsoDate(date)) return { ok: false, message: 'Enter the date as YYYY-MM-DD.' };
  if (!TIME.test(time)) return { ok: false, message: 'Enter the time as HH:MM (24-hour).' };
  if (!OFFSET.test(offset)) return { ok: false, message: 'Enter the UTC offset as +HH:MM or -HH:MM.' };
  return { ok: true, value: `${date}T${time}:00${offset}` };
}

/** "3 Mar 2026 09:00 +01:00": the time as it was recorded, offset shown. */
export function formatTime(rfc3339: string | null): string {
  if (!rfc3339) return '—';
  const t = splitTime(rfc3339, '');
  return t.date ? `${formatDate(t.date)} ${t.time} ${t.offset}` : rfc3339;
}

/** "45 min", "3 h 20 min", "2 d 4 h": a duration in minutes as people say it. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return '—';
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) {
    const rest = m % 60;
    return rest === 0 ? `${Math.floor(m / 60)} h` : `${Math.floor(m / 60)} h ${rest} min`;
  }
  const days = Math.floor(m / (24 * 60));
  const hours = Math.round((m % (24 * 60)) / 60);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

/** "1.50 a year" with two decimals, as the note written on taking a suggestion says it. */
export function formatRate(perYear: number): string {
  return `${perYear.toFixed(2)} a year`;
}

/** The evidence and the user's score disagree (or the mode is not scored yet). */
export function differs(evidence: ModeEvidence): boolean {
  return evidence.current_likelihood !== evidence.suggested_likelihood;
}

/** "4.5 h, measured in the drill of 3 Mar 2026", "6 h, estimate", or null when unknown. */
export function describeSwitchTime(switchTime: SwitchTime): { hours: number; source: string } | null {
  if (switchTime.source === 'measured') return { hours: switchTime.hours, source: `measured in the drill of ${formatDate(switchTime.on)}` };
  if (switchTime.source === 'estimated') return { hours: switchTime.hours, source: 'estimate' };
  return null;
}

export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '—';
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}

// ——— The register-wide Incidents page ———

export interface IncidentFilters {
  providerId: number | null;
  modeId: number | null;
  service: string;
  /** Calendar dates, both ends included; '' for open. */
  from: string;
  to: string;
}

/** A date bound is used once it reads as a whole date; half-typed, it narrows nothing yet. */
export const NO_INCIDENT_FILTERS: IncidentFilters = { providerId: null, modeId: null, service: '', from: '', to: '' };

export type IncidentSortKey = 'started' | 'recover';
export interface IncidentSort {
  key: IncidentSortKey;
  descending: boolean;
}

export const DEFAULT_INCIDENT_SORT: IncidentSort = { key: 'started', descending: true };

/** The calendar date an incident started on, where it happened (its own offset). */
export function startedOn(row: IncidentRow): string {
  return row.incident.started.slice(0, 10);
}

export function filterIncidents(rows: IncidentRow[], f: IncidentFilters): IncidentRow[] {
  const service = f.service.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (f.providerId === null || row.incident.provider_id === f.providerId) &&
      (f.modeId === null || row.incident.mode_id === f.modeId) &&
      (service === '' || row.incident.services.some((s) => s.toLowerCase() === service)) &&
      (!parseIsoDate(f.from) || startedOn(row) >= f.from.trim()) &&
      (!parseIsoDate(f.to) || startedOn(row) <= f.to.trim()),
  );
}

function instant(rfc3339: string): number {
  return Date.parse(rfc3339);
}

/** Sorted copy; incidents still going on (no time to recover) always come last. */
export function sortIncidents(rows: IncidentRow[], sort: IncidentSort): IncidentRow[] {
  const sign = sort.descending ? -1 : 1;
  const byStart = (a: IncidentRow, b: IncidentRow) => instant(a.incident.started) - instant(b.incident.started);
  return [...rows].sort((a, b) => {
    if (sort.key === 'recover') {
      if (a.time_to_recover === null || b.time_to_recover === null) {
        if (a.time_to_recover === b.time_to_recover) return -byStart(a, b);
        return a.time_to_recover === null ? 1 : -1;
      }
      return sign * (a.time_to_recover - b.time_to_recover) || -byStart(a, b);
    }
    return sign * byStart(a, b);
  });
}

export function nextIncidentSort(current: IncidentSort, key: IncidentSortKey): IncidentSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: true };
}

/** Every service named by some incident, sorted, once each (case kept from its first use). */
export function servicesOf(rows: IncidentRow[]): string[] {
  const seen = new Map<string, string>();
  for (const row of rows) for (const s of row.incident.services) if (!seen.has(s.toLowerCase())) seen.set(s.toLowerCase(), s);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

// ——— The time-to-recover chart ———

export interface RecoveryBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const RECOVERY_BOX: RecoveryBox = { width: 340, height: 150, left: 40, right: 10, top: 10, bottom: 24 };

export interface RecoveryGeometry {
  points: { x: number; y: number; minutes: number; started: string; incidentId: number }[];
  path: string;
  yTicks: { label: string; y: number }[];
  xTicks: { label: string; x: number }[];
  plot: { x: number; y: number; width: number; height: number };
}

/** A round top for the axis: 1, 2, 4, 8, 12, 24, 48 hours… never less than an hour. */
function axisTop(worstMinutes: number): number {
  const steps = [60, 120, 240, 480, 720, 1440, 2880, 4320, 10080];
  return steps.find((s) => s >= worstMinutes) ?? Math.ceil(worstMinutes / 1440) * 1440;
}

/** Time to recover per incident, oldest first, time to scale along the bottom. */
export function recoveryGeometry(
  recoveries: { incident_id: number; started: string; minutes: number }[],
  box: RecoveryBox = RECOVERY_BOX,
): RecoveryGeometry {
  const plot = { x: box.left, y: box.top, width: box.width - box.left - box.right, height: box.height - box.top - box.bottom };
  const r2 = (v: number) => Math.round(v * 100) / 100;
  const top = axisTop(Math.max(0, ...recoveries.map((p) => p.minutes)));
  const yOf = (m: number) => r2(plot.y + plot.height * (1 - Math.min(m, top) / top));
  const times = recoveries.map((p) => Date.parse(p.started));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const xOf = (t: number) => r2(span > 0 ? plot.x + (plot.width * (t - first)) / span : plot.x + plot.width / 2);
  const points = recoveries.map((p, i) => ({
    x: xOf(times[i]),
    y: yOf(p.minutes),
    minutes: p.minutes,
    started: p.started,
    incidentId: p.incident_id,
  }));
  const xTicks: { label: string; x: number }[] = [];
  if (points.length > 0) {
    xTicks.push({ label: points[0].started.slice(0, 10), x: points[0].x });
    const last = points[points.length - 1];
    if (last.x - points[0].x > 140) xTicks.push({ label: last.started.slice(0, 10), x: last.x });
  }
  return {
    points,
    path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' '),
    yTicks: [0, top / 2, top].map((m) => ({ label: formatMinutes(m), y: yOf(m) })),
    xTicks,
    plot,
  };
}

/** Incidents that started, and drills held, after `since` (the last assessment); all when null. */
export function evidenceSince<I extends { started: string }, D extends { date: string }>(
  incidents: I[],
  drills: D[],
  since: string | null,
): { incidents: I[]; drills: D[] } {
  if (since === null) return { incidents, drills };
  return { incidents: incidents.filter((i) => i.started.slice(0, 10) > since), drills: drills.filter((d) => d.date > since) };
}
