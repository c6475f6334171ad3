// A provider's money at risk against a scripted back end: the figures and the sources of every
// range in words, guesses tagged as defaults, the breakdown a figure opens, and overrides that
// send what the user typed and show the figures Rust answers with (or its refusal, inline).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import type { MoneyModeResult } from '$lib/bindings/MoneyModeResult';
import type { MoneyOverride } from '$lib/bindings/MoneyOverride';
import type { ProviderMoney } from '$lib/bindings/ProviderMoney';
import { providerMoney } from '$lib/providerMoney.svelte';
import MoneySection from './MoneySection.svelte';
import { mockCommands } from '../../test/ipc';

const outage: MoneyModeResult = {
  mode: 'Outage',
  kind: 'outage',
  expected: 30_000,
  frequency: {
    state: 'priced',
    range: { low: 0.3, high: 1 },
    source: { source: 'likelihood_band', likelihood: 3 },
    default: true,
    override_note: null,
  },
  loss_per_event: {
    state: 'priced',
    range: { low: 14_000, high: 98_000 },
    source: {
      source: 'blast_radius',
      cost_per_hour: 12_000,
      hours: { low: 1, high: 8 },
      hours_from_incidents: false,
      capped_by_switch: null,
      fixed_response_cost: 2_000,
    },
    default: true,
    override_note: null,
  },
};

const priceIncrease: MoneyModeResult = {
  mode: 'Price increase',
  kind: 'price_increase',
  expected: 10_000,
  frequency: {
    state: 'priced',
    range: { low: 0.2, high: 0.5 },
    source: { source: 'evidence', incidents: 4, years: 2 },
    default: false,
    override_note: null,
  },
  loss_per_event: {
    state: 'priced',
    range: { low: 24_000, high: 72_000 },
    source: { source: 'spend_rise', spend: 120_000, rise: { low: 0.2, high: 0.6 }, cap: null },
    default: true,
    override_note: null,
  },
};

const privacy: MoneyModeResult = {
  mode: 'Privacy or compliance failure',
  kind: 'privacy_or_compliance',
  expected: 0,
  frequency: {
    state: 'priced',
    range: { low: 0.05, high: 0.3 },
    source: { source: 'likelihood_band', likelihood: 2 },
    default: true,
    override_note: null,
  },
  loss_per_event: { state: 'not_priced', reason: 'Enter your own figures (fines, notification, rework).' },
};

function money(modes: MoneyModeResult[] = [outage, priceIncrease, privacy], expected = 40_000): ProviderMoney {
  const input = (r: MoneyModeResult['frequency']) => ({
    derived: r.state === 'priced' ? { state: 'priced' as const, range: r.range, source: r.source, default: r.default } : r,
    overridden: r.state === 'priced' && r.override_note !== null ? { low: r.range.low, high: null, note: r.override_note } : null,
  });
  return {
    currency: 'USD',
    years: 20_000,
    inputs: {
      provider_id: 7,
      name: 'Stripe',
      fourth_party: false,
      modes: modes.map((m) => ({ mode: m.mode, kind: m.kind, frequency: input(m.frequency), loss_per_event: input(m.loss_per_event) })),
    },
    result: {
      provider_id: 7,
      name: 'Stripe',
      fourth_party: false,
      figures: { expected, one_in_20: 150_000, one_in_100: 420_000 },
      top_mode: 'Outage',
      modes,
      not_priced: 1,
      on_defaults: 2,
    },
  };
}

afterEach(() => cleanup());

const row = (mode: string) => document.querySelector<HTMLElement>(`[data-testid="money-mode"][data-mode="${mode}"]`)!;
const range = (mode: string, field: string) => row(mode).querySelector<HTMLElement>(`[data-testid="money-range"][data-field="${field}"]`)!;

async function open(handlers: Parameters<typeof mockCommands>[0] = {}) {
  const calls = mockCommands({ get_provider_money: () => money(), ...handlers });
  render(MoneySection, { provider: { id: 7, name: 'Stripe' }, moneyState: providerMoney(7) });
  await screen.findByTestId('money-figures');
  return calls;
}

describe('the Money section', () => {
  it('shows the figures a leader reads, with the top mode, defaults and unpriced modes counted', async () => {
    await open();
    expect(screen.getByTestId('money-expected').textContent).toContain('USD 40,000');
    expect(screen.getByTestId('money-expected').textContent).toContain('in a normal year');
    expect(screen.getByTestId('money-one_in_20').textContent).toContain('USD 150,000');
    expect(screen.getByTestId('money-one_in_100').textContent).toContain('USD 420,000');
    expect(screen.getByTestId('money-top-mode').textContent).toContain('Outage');
    expect(screen.getByTestId('money-on-defaults').textContent).toContain('3 inputs rest on defaults');
    expect(screen.getByTestId('money-not-priced-count').textContent).toContain('1 failure mode not priced');
    const note = screen.getByTestId('money-note').textContent!;
    expect(note).toContain('20,000 simulated years');
    expect(note).toContain('Money never replaces the 1–25 scores');
  });

  it('says where every range came from and tags the guesses as defaults', async () => {
    await open();
    expect(range('Outage', 'frequency').textContent).toContain('0.3–1 a year');
    expect(range('Outage', 'frequency').textContent).toContain('Likelihood 3 (Possible)');
    expect(range('Outage', 'loss_per_event').textContent).toContain('USD 14,000–98,000');
    expect(range('Outage', 'loss_per_event').textContent).toContain(
      '1–8 h (assumed) × USD 12,000/h across its blast radius + USD 2,000 response',
    );
    expect(range('Price increase', 'frequency').textContent).toContain('4 incidents in 2.0 years');
    expect(range('Price increase', 'loss_per_event').textContent).toContain('spend USD 120,000 × 20–60 % rise');
    expect(within(range('Outage', 'frequency')).getByTestId('money-default').textContent).toContain('give your own figure to replace it');
    expect(within(range('Price increase', 'frequency')).queryByTestId('money-default')).toBeNull();
    expect(within(row('Privacy or compliance failure')).getByTestId('money-not-priced').textContent).toContain(
      'fines, notification, rework',
    );
    expect(within(row('Outage')).getByTestId('money-mode-figure').textContent).toContain('USD 30,000 a year');
    expect(within(row('Outage')).getByTestId('money-mode-figure').textContent).toContain('75 %');
  });

  it('opens the breakdown of a mode and of a headline figure', async () => {
    await open();
    await fireEvent.click(within(row('Outage')).getByTestId('money-mode-figure'));
    const lines = within(row('Outage')).getByTestId('money-breakdown').textContent!;
    expect(lines).toContain('Frequency × loss per event = USD 30,000 a year');
    expect(lines).toContain('On defaults: frequency and loss per event');
    await fireEvent.focus(screen.getByTestId('money-one_in_100'));
    const tip = await screen.findByRole('tooltip');
    expect(tip.textContent).toContain('once in 100 of the 20,000 simulated years');
    expect(tip.textContent).toContain('Outage: 0.3–1 a year × USD 14,000–98,000 = USD 30,000 a year (rests on defaults)');
  });

  it('saves an override with an empty end kept, and shows the new figure', async () => {
    let sent: MoneyOverride | null = null;
    const calls = await open({
      set_money_override: ({ value }) => {
        sent = value;
        const frequency: MoneyModeResult['frequency'] = {
          state: 'priced',
          range: { low: 0.3, high: value.high! },
          source: { source: 'likelihood_band', likelihood: 3 },
          default: true,
          override_note: value.note,
        };
        return money([{ ...outage, expected: 90_000, frequency }, priceIncrease, privacy], 100_000);
      },
    });
    await fireEvent.click(within(range('Outage', 'frequency')).getByTestId('money-override'));
    const form = screen.getByTestId('money-override-form');
    await fireEvent.input(form.querySelector('[name="money.7.Outage.frequency.high"]')!, { target: { value: '3' } });
    await fireEvent.click(within(form).getByTestId('money-override-save'));
    // The note is asked for before anything is sent.
    expect(await within(form).findByText(/Say why this figure/)).toBeTruthy();
    expect(calls.some(([c]) => c === 'set_money_override')).toBe(false);
    await fireEvent.input(form.querySelector('[name="money.7.Outage.frequency.note"]')!, { target: { value: 'Three outages last year' } });
    await fireEvent.click(within(form).getByTestId('money-override-save'));
    await waitFor(() => expect(screen.getByTestId('money-expected').textContent).toContain('USD 100,000'));
    expect(sent).toEqual({ provider_id: 7, mode: 'Outage', field: 'frequency', low: null, high: 3, note: 'Three outages last year' });
    expect(range('Outage', 'frequency').textContent).toContain('0.3–3 a year');
    expect(range('Outage', 'frequency').textContent).toContain('your figure: Three outages last year');
    await waitFor(() => expect(screen.queryByTestId('money-override-form')).toBeNull());
  });

  it('shows a refused override under its field and puts the default back', async () => {
    const calls = await open({
      get_provider_money: () =>
        money([
          { ...outage, frequency: { ...outage.frequency, override_note: 'Vendor SLA' } as MoneyModeResult['frequency'] },
          priceIncrease,
          privacy,
        ]),
      set_money_override: () => {
        const message = 'The low end is above the high end.';
        throw { kind: 'validation', message, fields: [{ field: 'money.7.Outage.frequency.low', message }] };
      },
      delete_money_override: () => money(),
    });
    await fireEvent.click(within(range('Outage', 'frequency')).getByTestId('money-override'));
    const form = screen.getByTestId('money-override-form');
    expect(form.querySelector<HTMLInputElement>('[name="money.7.Outage.frequency.note"]')!.value).toBe('Vendor SLA');
    await fireEvent.input(form.querySelector('[name="money.7.Outage.frequency.high"]')!, { target: { value: '0.1' } });
    await fireEvent.click(within(form).getByTestId('money-override-save'));
    expect(
      await screen.findByText('The low end is above the high end.', { selector: '[data-field="money.7.Outage.frequency.low"]' }),
    ).toBeTruthy();
    await fireEvent.click(within(form).getByTestId('money-override-reset'));
    await waitFor(() => expect(screen.queryByTestId('money-override-form')).toBeNull());
    expect(calls.find(([c]) => c === 'delete_money_override')?.[1]).toEqual({ provider: 7, mode: 'Outage', field: 'frequency' });
    expect(range('Outage', 'frequency').textContent).not.toContain('Vendor SLA');
  });

  it('says an archived provider is out of the figures', async () => {
    mockCommands({ get_provider_money: () => ({ currency: 'USD', years: 20_000, inputs: null, result: null }) });
    render(MoneySection, { provider: { id: 7, name: 'Stripe' }, moneyState: providerMoney(7) });
    expect(await screen.findByTestId('money-retired')).toBeTruthy();
  });
});
