// The words of a provider's money at risk (PRODUCT.md, "Money at risk"): each range with where it
// came from, the breakdown a figure opens, and the counts a leader reads. Pure functions, so the
// section and the tests say the same thing.
import type { MoneyFigures } from './bindings/MoneyFigures';
import type { MoneyInputField } from './bindings/MoneyInputField';
import type { MoneyModeResult } from './bindings/MoneyModeResult';
import type { MoneyProviderResult } from './bindings/MoneyProviderResult';
import type { MoneyRange } from './bindings/MoneyRange';
import type { MoneyResolution } from './bindings/MoneyResolution';
import type { MoneySource } from './bindings/MoneySource';
import type { Movement } from './bindings/Movement';
import { LIKELIHOODS, labelOf } from './labels';
import { formatAmount, formatMoney } from './reach';
import { plural } from './format';

export const DEFAULT_EXPLANATION = 'An assumption of ours; give your own figure to replace it.';

export const FIELD_LABELS: Record<MoneyInputField, string> = { frequency: 'Frequency', loss_per_event: 'Loss per event' };

/** Events a year, with as many digits as a small rate needs: "0.3", "1", "0.05", "12". */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate)) return '—';
  if (rate === 0) return '0';
  const abs = Math.abs(rate);
  const digits = abs >= 10 ? 0 : abs >= 1 ? 1 : Math.min(6, Math.ceil(-Math.log10(abs)) + 1);
  return String(Number(rate.toFixed(digits)));
}

/** "0.3–1 a year", or "1 a year" when both ends are one figure. */
export function frequencyText(range: MoneyRange): string {
  const ends = range.low === range.high ? formatRate(range.low) : `${formatRate(range.low)}–${formatRate(range.high)}`;
  return `${ends} a year`;
}

/** "USD 1,000–8,000", or "USD 1,000" when both ends are one figure. */
export function lossText(range: MoneyRange, currency: string): string {
  if (Math.round(range.low) === Math.round(range.high)) return formatMoney(range.low, currency);
  return `${formatMoney(range.low, currency)}–${formatAmount(range.high)}`;
}

export function rangeText(field: MoneyInputField, range: MoneyRange, currency: string): string {
  return field === 'frequency' ? frequencyText(range) : lossText(range, currency);
}

/** "1–8 h", "2 h". */
function hoursText(range: MoneyRange): string {
  return range.low === range.high ? `${formatRate(range.low)} h` : `${formatRate(range.low)}–${formatRate(range.high)} h`;
}

/** "20–60 %" from fractions 0.2–0.6. */
function percentText(range: MoneyRange): string {
  const pct = (x: number) => formatRate(Math.round(x * 1000) / 10);
  return range.low === range.high ? `${pct(range.low)} %` : `${pct(range.low)}–${pct(range.high)} %`;
}

/** Where a range came from, in words beside it. */
export function sourceText(source: MoneySource, currency: string): string {
  switch (source.source) {
    case 'likelihood_band':
      return `Likelihood ${source.likelihood} (${labelOf(LIKELIHOODS, source.likelihood)})`;
    case 'evidence':
      return `${plural(source.incidents, 'incident')} in ${source.years.toFixed(1)} years`;
    case 'blast_radius': {
      const hours = `${hoursText(source.hours)} ${source.hours_from_incidents ? '(from past incidents)' : '(assumed)'}`;
      let text = `${hours} × ${formatMoney(source.cost_per_hour, currency)}/h across its blast radius`;
      if (source.fixed_response_cost > 0) text += ` + ${formatMoney(source.fixed_response_cost, currency)} response`;
      if (source.capped_by_switch !== null)
        text += `, capped at the ${formatRate(source.capped_by_switch)} h switch to a contracted or live alternative`;
      return text;
    }
    case 'spend_rise': {
      let text = `spend ${formatMoney(source.spend, currency)} × ${percentText(source.rise)} rise`;
      if (source.cap !== null) text += `, capped at the ${formatMoney(source.cap, currency)} replacement cost`;
      return text;
    }
    case 'replacement': {
      const down = `${hoursText(source.switch_hours)}${source.switch_hours_known ? '' : ' (assumed)'}`;
      let text = `${formatRate(source.person_weeks)} person-weeks × ${formatMoney(source.weekly_cost, currency)}`;
      text += ` + ${down} down during the switch`;
      if (source.outage_cost_per_hour > 0) text += ` at ${formatMoney(source.outage_cost_per_hour, currency)}/h`;
      return text;
    }
    case 'user':
      return `your figure: ${source.note}`;
  }
}

/** A resolved range as one line: "0.3–1 a year · Likelihood 3 (Possible)"; the reason when not priced. */
export function resolutionText(field: MoneyInputField, resolution: MoneyResolution, currency: string): string {
  if (resolution.state === 'not_priced') return `not priced: ${resolution.reason}`;
  const source =
    resolution.override_note !== null && resolution.source.source !== 'user'
      ? `${sourceText(resolution.source, currency)}; your figure: ${resolution.override_note}`
      : sourceText(resolution.source, currency);
  return `${rangeText(field, resolution.range, currency)} · ${source}${resolution.default ? ' (default)' : ''}`;
}

/** A mode's share of the provider's expected annual loss, in whole per cent (0 when there is none). */
export function shareOf(mode: MoneyModeResult, figures: MoneyFigures): number {
  if (!(figures.expected > 0)) return 0;
  return Math.round(Math.min(1, Math.max(0, mode.expected / figures.expected)) * 100);
}

export function isPriced(mode: MoneyModeResult): boolean {
  return mode.frequency.state === 'priced' && mode.loss_per_event.state === 'priced';
}

/** The inputs (frequency or loss per event) of priced modes that still rest on a default. */
export function defaultInputs(result: MoneyProviderResult): number {
  let count = 0;
  for (const mode of result.modes) {
    if (!isPriced(mode)) continue;
    for (const r of [mode.frequency, mode.loss_per_event]) if (r.state === 'priced' && r.default) count++;
  }
  return count;
}

/** "2 inputs rest on defaults", "No input rests on a default". */
export function defaultsText(count: number): string {
  if (count === 0) return 'No input rests on a default';
  return count === 1 ? '1 input rests on a default' : `${count} inputs rest on defaults`;
}

/** "1 failure mode not priced", "Every failure mode priced". */
export function notPricedText(count: number): string {
  if (count === 0) return 'Every failure mode priced';
  return `${plural(count, 'failure mode')} not priced`;
}

/** The breakdown a mode's figure opens: frequency × loss per event and which inputs are defaults. */
export function modeBreakdown(mode: MoneyModeResult, figures: MoneyFigures, currency: string): string[] {
  const lines = [
    `Frequency: ${resolutionText('frequency', mode.frequency, currency)}`,
    `Loss per event: ${resolutionText('loss_per_event', mode.loss_per_event, currency)}`,
  ];
  if (isPriced(mode)) {
    lines.push(
      `Frequency × loss per event = ${formatMoney(mode.expected, currency)} a year on average, ${shareOf(mode, figures)} % of the expected annual loss`,
    );
    const defaults = (['frequency', 'loss_per_event'] as const).filter((f) => {
      const r = mode[f];
      return r.state === 'priced' && r.default;
    });
    lines.push(
      defaults.length === 0
        ? 'No input rests on a default.'
        : `On defaults: ${defaults.map((f) => FIELD_LABELS[f].toLowerCase()).join(' and ')}. ${DEFAULT_EXPLANATION}`,
    );
  } else {
    lines.push('Left out of the figures until both ranges are priced.');
  }
  return lines;
}

export type Figure = 'expected' | 'one_in_20' | 'one_in_100';

/** The breakdown of the provider's headline figures: what each means and what it rests on. */
export function figureBreakdown(figure: Figure, result: MoneyProviderResult, currency: string, years: number): string[] {
  const lead: Record<Figure, string> = {
    expected: `The average yearly loss over ${formatAmount(years)} simulated years: what a normal year costs.`,
    one_in_20: `A year this bad or worse comes once in 20 of the ${formatAmount(years)} simulated years.`,
    one_in_100: `A year this bad or worse comes once in 100 of the ${formatAmount(years)} simulated years.`,
  };
  const lines = [lead[figure]];
  for (const mode of result.modes) {
    if (!isPriced(mode)) {
      lines.push(`${mode.mode}: not priced`);
      continue;
    }
    const f = mode.frequency.state === 'priced' ? frequencyText(mode.frequency.range) : '';
    const l = mode.loss_per_event.state === 'priced' ? lossText(mode.loss_per_event.range, currency) : '';
    const defaults = [mode.frequency, mode.loss_per_event].some((r) => r.state === 'priced' && r.default);
    lines.push(`${mode.mode}: ${f} × ${l} = ${formatMoney(mode.expected, currency)} a year${defaults ? ' (rests on defaults)' : ''}`);
  }
  lines.push(`${defaultsText(defaultInputs(result))}; ${notPricedText(result.not_priced).toLowerCase()}.`);
  return lines;
}

/** "Expected annual loss USD 40,000 → USD 95,000 (+55,000)"; without a currency, bare amounts. */
export function describeLossMovement(m: Movement, currency: string | null): string {
  const money = (x: number | null) => (currency ? formatMoney(x, currency) : x === null ? '—' : formatAmount(x));
  const change =
    m.loss_change ??
    (m.before.expected_loss !== null && m.after.expected_loss !== null ? m.after.expected_loss - m.before.expected_loss : null);
  const signed = change === null ? '' : ` (${change >= 0 ? '+' : '−'}${formatAmount(Math.abs(change))})`;
  return `Expected annual loss ${money(m.before.expected_loss)} → ${money(m.after.expected_loss)}${signed}`;
}
