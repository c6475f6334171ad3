// How the money figures read in the register and on the Money page: a provider's cell, its
// breakdown lines and the order by expected annual loss. Pure, so a thousand rows stay cheap.
import type { MoneyModeResult } from './bindings/MoneyModeResult';
import type { MoneyProviderResult } from './bindings/MoneyProviderResult';
import type { MoneyResolution } from './bindings/MoneyResolution';
import type { MoneyResults } from './bindings/MoneyResults';
import type { Status } from './bindings/Status';
import { formatMoney } from './reach';

/** A mode is in the figures when both its frequency and its loss per event are priced. */
export function isPriced(mode: MoneyModeResult): boolean {
  return mode.frequency.state === 'priced' && mode.loss_per_event.state === 'priced';
}

/** Whether a provider has figures at all: some failure mode is priced. */
export function hasFigures(result: MoneyProviderResult | undefined): boolean {
  return result !== undefined && result.modes.some(isPriced);
}

/** Why a provider's cell shows "—" instead of an amount; null when it has figures. */
export function noFiguresReason(status: Status, result: MoneyProviderResult | undefined): string | null {
  if (status === 'retired') return 'Retired: out of the money figures.';
  if (result === undefined) return 'Not in the money figures yet.';
  if (hasFigures(result)) return null;
  if (result.modes.length === 0) return 'Not priced: it has no failure modes.';
  const reasons = [...new Set(result.modes.flatMap((m) => notPricedReasons(m)))];
  return `Not priced: ${reasons.join(' ')}`;
}

function notPricedReasons(mode: MoneyModeResult): string[] {
  return [mode.frequency, mode.loss_per_event].flatMap((r) => (r.state === 'not_priced' ? [r.reason] : []));
}

/** Expected annual loss by provider, for sorting: only the providers with figures. */
export function expectedLosses(results: MoneyResults | null): Map<number, number> {
  const map = new Map<number, number>();
  for (const p of results?.providers ?? []) if (hasFigures(p)) map.set(p.provider_id, p.figures.expected);
  return map;
}

function trim(x: number): string {
  if (x >= 100) return String(Math.round(x));
  return String(Number(x.toPrecision(2)));
}

/** "0.5–2 a year", "once in 10 years" style frequency range. */
export function frequencyText(range: { low: number; high: number }): string {
  const low = trim(range.low);
  const high = trim(range.high);
  return low === high ? `${low} a year` : `${low}–${high} a year`;
}

/** "USD 2,000–16,000" */
export function lossRangeText(range: { low: number; high: number }, currency: string): string {
  const low = formatMoney(range.low, currency);
  if (Math.round(range.low) === Math.round(range.high)) return low;
  return `${low}–${formatMoney(range.high, currency).slice(currency.length + 1)}`;
}

function marked(resolution: MoneyResolution, text: string): string {
  return resolution.state === 'priced' && resolution.default ? `${text} (default)` : text;
}

/** "Outage: 0.5–2 a year × USD 2,000–16,000 (default) = USD 3,400 a year", or why it is not priced. */
export function modeLine(mode: MoneyModeResult, currency: string): string {
  const { frequency, loss_per_event: loss } = mode;
  if (frequency.state !== 'priced' || loss.state !== 'priced') return `${mode.mode}: not priced. ${notPricedReasons(mode).join(' ')}`;
  const often = marked(frequency, frequencyText(frequency.range));
  const each = marked(loss, `${lossRangeText(loss.range, currency)} an event`);
  return `${mode.mode}: ${often} × ${each} = ${formatMoney(mode.expected, currency)} a year`;
}

/** The breakdown of one provider's figures, as the register's popover lists it. */
export function breakdownLines(result: MoneyProviderResult, currency: string): string[] {
  const f = result.figures;
  const lines = [
    `Expected annual loss ${formatMoney(f.expected, currency)}`,
    `1-in-20 year ${formatMoney(f.one_in_20, currency)}; 1-in-100 year ${formatMoney(f.one_in_100, currency)}`,
  ];
  if (result.top_mode) lines.push(`Top failure mode: ${result.top_mode}`);
  for (const mode of result.modes) if (isPriced(mode)) lines.push(modeLine(mode, currency));
  if (result.not_priced > 0) lines.push(`${result.not_priced} failure ${result.not_priced === 1 ? 'mode' : 'modes'} not priced.`);
  return lines;
}

/** The providers with figures, largest expected annual loss first. */
export function topByExpected(results: MoneyResults, count: number): MoneyProviderResult[] {
  return results.providers
    .filter((p) => hasFigures(p))
    .sort((a, b) => b.figures.expected - a.figures.expected || a.name.localeCompare(b.name))
    .slice(0, count);
}
