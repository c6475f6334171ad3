// How a blast radius reads on screen: money, paths and the notes on a path, worded as the
// concentration sentences from Rust word them ("USD 41,000 an hour", "AWS us-east-1 → Postmark").
import type { BlastRadius } from './bindings/BlastRadius';
import { EFFECTS, FAILURES } from './bindings/choices';
import type { CutPath } from './bindings/CutPath';
import type { Effect } from './bindings/Effect';
import type { Failure } from './bindings/Failure';
import type { PathStep } from './bindings/PathStep';
import type { ServiceId } from './bindings/ServiceId';
import type { Shortening } from './bindings/Shortening';
import { plural } from './format';
import { labelOf } from './labels';

/** Grouped with commas whatever the machine's locale, so the screen matches the PDF and the sentences. */
function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "12,500": money in whole units without its currency, for a column headed with it. */
export function formatAmount(amount: number): string {
  return grouped(Math.round(amount));
}

/** "USD 12,500": whole units (an hour's cost is an estimate; cents would claim a precision it has not). */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  const whole = Math.round(Math.abs(amount));
  return `${currency} ${amount < 0 && whole > 0 ? '-' : ''}${grouped(whole)}`;
}

/** "USD 12,500 an hour", or what to say while a service has no cost of downtime. */
export function costPerHour(amount: number | null, currency: string): string {
  return amount === null ? 'no cost of downtime yet' : `${formatMoney(amount, currency)} an hour`;
}

/** "AWS us-east-1 → Postmark → Password reset email": failing provider first, the service last. */
export function pathText(steps: PathStep[], service?: string): string {
  const names = steps.map((s) => s.name);
  return (service === undefined ? names : [...names, service]).join(' → ');
}

export function effectLabel(effect: Effect): string {
  return labelOf(EFFECTS, effect);
}

export function failureLabel(failure: Failure): string {
  return labelOf(FAILURES, failure);
}

/** "2 h", "1.5 h", "45 min": switch times are often under an hour. */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  return `${Number(hours.toFixed(1))} h`;
}

/** "shortened: switch to SendGrid in 2 h": the live alternative ends the harm sooner. */
export function shorteningText(shortening: Shortening): string {
  const when = shortening.switch_hours === null ? '' : ` in ${formatHours(shortening.switch_hours)}`;
  return `shortened: switch to ${shortening.alternative}${when}`;
}

export const CUT_TEXT = 'cut: off switch';

/** "an outage", "a degradation". */
function withArticle(failure: Failure): string {
  const word = failureLabel(failure).toLowerCase();
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** The providers a failure spreads through, as the headline counts them. */
function through(radius: BlastRadius): string {
  return radius.providers.length === 0 ? 'directly' : `through ${plural(radius.providers.length, 'provider')}`;
}

/** "If AWS us-east-1 has an outage: 4 services, USD 41,000 an hour, through 3 providers". */
export function headline(radius: BlastRadius, currency: string): string {
  return (
    `If ${radius.name} has ${withArticle(radius.failure)}: ${plural(radius.services.length, 'service')}, ` +
    `${formatMoney(radius.cost_per_hour, currency)} an hour, ${through(radius)}`
  );
}

/** Whether a radius reaches anything of ours, even only to be cut by an off switch. */
export function reachesNothing(radius: BlastRadius): boolean {
  return radius.services.length === 0 && radius.cut.length === 0;
}

/**
 * The reading of a Herfindahl–Hirschman index of spend (0 … 10,000), with the thresholds
 * competition authorities use and Rust's findings say.
 */
export function hhiReading(hhi: number): string {
  if (hhi < 1500) return 'spread out';
  if (hhi < 2500) return 'moderately concentrated';
  return 'highly concentrated';
}

/** "42 %" of a 0 … 1 share, as the findings write it. */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** The cut paths of a radius by service: the list shows them under the service they spare. */
export function cutsByService(radius: BlastRadius): Map<ServiceId, CutPath[]> {
  const by = new Map<ServiceId, CutPath[]>();
  for (const c of radius.cut) by.set(c.service_id, [...(by.get(c.service_id) ?? []), c]);
  return by;
}

/** Services only cut paths reach: spared entirely by their off switches. */
export function cutOnly(radius: BlastRadius): { service_id: ServiceId; name: string; cuts: CutPath[] }[] {
  const reached = new Set(radius.services.map((s) => s.service_id));
  return [...cutsByService(radius)]
    .filter(([id]) => !reached.has(id))
    .map(([service_id, cuts]) => ({ service_id, name: cuts[0].service, cuts }));
}

/** "2 services have no cost of downtime yet: Reporting, Search." — reached, but not in the total. */
export function withoutCostText(names: string[]): string {
  const verb = names.length === 1 ? 'has' : 'have';
  return `${plural(names.length, 'service')} ${verb} no cost of downtime yet: ${names.join(', ')}.`;
}
