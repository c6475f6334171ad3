// Calendar dates as Rust sends them ("YYYY-MM-DD", no time zone): reading, counting days, and
// how they read on screen. "Today" is Rust's (RegisterInfo.today), never the browser clock.

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" as a calendar date (no time zone), or null if it is not a real date. */
export function parseIsoDate(text: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return null;
  }
  return { y, m, d };
}

/** Whole days since 1970-01-01 for a calendar date; lets charts and "in N days" ignore time zones. */
export function dayNumber(iso: string): number {
  const date = parseIsoDate(iso);
  if (!date) return NaN;
  return Math.round(Date.UTC(date.y, date.m - 1, date.d) / DAY_MS);
}

/** The calendar date `days` after (or before, when negative) a "YYYY-MM-DD" one. */
export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "3 Mar 2026": unambiguous in every locale a CTO might be in. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${date.d} ${MONTHS[date.m - 1]} ${date.y}`;
}

function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso);
}

/** "in 12 days", "today", "3 days ago". */
export function relativeDays(targetIso: string, todayIso: string): string {
  const days = daysBetween(todayIso, targetIso);
  if (Number.isNaN(days)) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
