// Money results for tests: a provider's figures with one priced outage and one mode not priced.
import type { MoneyModeResult } from '$lib/bindings/MoneyModeResult';
import type { MoneyProviderResult } from '$lib/bindings/MoneyProviderResult';
import type { MoneyResults } from '$lib/bindings/MoneyResults';
import type { MoneyState } from '$lib/moneyResults.svelte';

export function pricedMode(mode: string, expected: number, defaults = true): MoneyModeResult {
  return {
    mode,
    kind: 'outage',
    expected,
    frequency: {
      state: 'priced',
      range: { low: 0.5, high: 2 },
      source: { source: 'likelihood_band', likelihood: 3 },
      default: defaults,
      override_note: null,
    },
    loss_per_event: {
      state: 'priced',
      range: { low: 2000, high: 16000 },
      source: { source: 'user', note: 'Our estimate' },
      default: false,
      override_note: 'Our estimate',
    },
  };
}

export function unpricedMode(mode: string, reason = 'No annual spend recorded.'): MoneyModeResult {
  return {
    mode,
    kind: 'price_increase',
    expected: 0,
    frequency: {
      state: 'priced',
      range: { low: 0.1, high: 0.3 },
      source: { source: 'likelihood_band', likelihood: 2 },
      default: true,
      override_note: null,
    },
    loss_per_event: { state: 'not_priced', reason },
  };
}

export function providerResult(provider_id: number, name: string, expected: number, modes?: MoneyModeResult[]): MoneyProviderResult {
  const all = modes ?? [pricedMode('Outage', expected), unpricedMode('Price increase')];
  return {
    provider_id,
    name,
    fourth_party: false,
    figures: { expected, one_in_20: expected * 4, one_in_100: expected * 10 },
    top_mode: expected > 0 ? (all.find((m) => m.expected > 0)?.mode ?? null) : null,
    modes: all,
    not_priced: all.filter((m) => m.loss_per_event.state === 'not_priced' || m.frequency.state === 'not_priced').length,
    on_defaults: all.filter((m) => m.loss_per_event.state === 'priced' && m.frequency.state === 'priced' && m.frequency.default).length,
  };
}

export function moneyResults(providers: MoneyProviderResult[], overrides: Partial<MoneyResults> = {}): MoneyResults {
  const expected = providers.reduce((s, p) => s + p.figures.expected, 0);
  return {
    currency: 'EUR',
    years: 20000,
    seed: 7,
    register: { expected, one_in_20: expected * 3, one_in_100: expected * 8 },
    curve: [
      { loss: 1000, probability: 0.9 },
      { loss: 10000, probability: 0.4 },
      { loss: 100000, probability: 0.05 },
      { loss: 1000000, probability: 0.005 },
    ],
    tail: providers.map((p) => ({ provider_id: p.provider_id, name: p.name, share: 1 / providers.length })),
    providers,
    not_priced: providers.reduce((s, p) => s + p.not_priced, 0),
    on_defaults: providers.reduce((s, p) => s + p.on_defaults, 0),
    ...overrides,
  };
}

/** A fixed MoneyState, as the register table and the Money page read it. */
export function moneyState(results: MoneyResults | null, running = false, progress = 0): MoneyState {
  const byId = new Map((results?.providers ?? []).map((p) => [p.provider_id, p]));
  return { results, loading: running, running, progress, error: null, of: (id) => byId.get(id) };
}
