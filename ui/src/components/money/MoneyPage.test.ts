import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import MoneyPage from './MoneyPage.svelte';
import { moneyResults, moneyState, providerResult, unpricedMode } from '../../test/money';
import type { MoneyState } from '$lib/moneyResults.svelte';

afterEach(() => cleanup());

function renderPage(money: MoneyState) {
  const opened: number[] = [];
  render(MoneyPage, { money, onopen: (id) => opened.push(id), onleave: () => {} });
  return opened;
}

const results = moneyResults(
  [providerResult(1, 'Stripe', 40_000), providerResult(2, 'AWS', 90_000), providerResult(3, 'Bare', 0, [unpricedMode('Price increase')])],
  {
    tail: [
      { provider_id: 2, name: 'AWS', share: 0.62 },
      { provider_id: 1, name: 'Stripe', share: 0.3 },
    ],
  },
);

describe('the Money page', () => {
  it("shows the register's figures, the counts and what they mean", () => {
    renderPage(moneyState(results));
    expect(screen.getByTestId('register-expected').textContent).toBe('EUR 130,000');
    expect(screen.getByTestId('register-one-in-20').textContent).toBe('EUR 390,000');
    expect(screen.getByTestId('register-one-in-100').textContent).toBe('EUR 1,040,000');
    expect(screen.getByTestId('money-counts').textContent).toMatch(/2 priced failure modes on defaults · 3 failure modes not priced/);
    expect(screen.getByTestId('money-reading').textContent).toMatch(/Money never replaces the 1–25 scores/);
  });

  it('draws the exceedance curve on a log money axis with the bad years marked', () => {
    renderPage(moneyState(results));
    expect(screen.getByTestId('exceedance-curve')).toBeTruthy();
    const x = screen.getAllByTestId('x-tick').map((t) => t.textContent);
    // Three decades: 1-2-5 steps between the powers of ten.
    expect(x).toEqual(['EUR 1k', 'EUR 2k', 'EUR 5k', 'EUR 10k', 'EUR 20k', 'EUR 50k', 'EUR 100k', 'EUR 200k', 'EUR 500k', 'EUR 1M']);
    const y = screen.getAllByTestId('y-tick').map((t) => t.textContent);
    expect(y).toEqual(['100 %', '10 %', '1 %', '0.1 %', '0.01 %']);
    expect(screen.getByTestId('mark-20').textContent).toContain('1 in 20');
    expect(screen.getByTestId('mark-100').textContent).toContain('1 in 100');
    expect(screen.getByTestId('curve-path').getAttribute('d')).toMatch(/^M0\.0,/);
  });

  it('lists who makes the 1-in-100 year and the top providers, each opening its page', async () => {
    const opened = renderPage(moneyState(results));
    const tail = screen.getAllByTestId('tail-row').map((r) => r.textContent?.replace(/\s+/g, ' ').trim());
    expect(tail).toEqual(['AWS 62 %', 'Stripe 30 %']);
    const top = screen.getAllByTestId('top-row');
    expect(top.map((r) => r.querySelector('th')?.textContent?.trim())).toEqual(['AWS', 'Stripe']);
    expect(top[0].textContent).toContain('Outage');
    expect(top[0].textContent).toContain('1 mode on defaults');
    await fireEvent.click(screen.getAllByTestId('open-provider')[0]);
    expect(opened).toEqual([2]);
  });

  it('explains what to fill in when nothing is priced', () => {
    renderPage(moneyState(moneyResults([providerResult(3, 'Bare', 0, [unpricedMode('Price increase')])], { curve: [], tail: [] })));
    expect(screen.getByText('Nothing is priced yet')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/cost of downtime.*likelihoods.*annual spend.*person-weeks/s);
    expect(screen.queryByTestId('exceedance-curve')).toBeNull();
  });

  it('shows the progress while the simulation runs', () => {
    renderPage(moneyState(null, true, 0.25));
    expect(screen.getByTestId('money-page-progress').getAttribute('aria-valuenow')).toBe('25');
  });
});
