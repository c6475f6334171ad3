import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import RegisterTable from './RegisterTable.svelte';
import { row } from '../../test/builders';
import { moneyResults, moneyState, providerResult, unpricedMode } from '../../test/money';
import { DEFAULT_SORT, type Sort } from '$lib/register';
import type { RegisterRow } from '$lib/bindings/RegisterRow';
import type { MoneyState } from '$lib/moneyResults.svelte';

afterEach(() => cleanup());

const stripe = row({ name: 'Stripe' });
const old = row({ name: 'Old CDN', status: 'retired' });
const bare = row({ name: 'Bare' });
const results = moneyResults([
  providerResult(stripe.id, 'Stripe', 12_345),
  providerResult(bare.id, 'Bare', 0, [unpricedMode('Price increase')]),
]);

function renderTable(money: MoneyState, rows: RegisterRow[] = [stripe, old, bare]) {
  const sorts: Sort[] = [];
  const opened: string[] = [];
  render(RegisterTable, {
    rows,
    sort: DEFAULT_SORT,
    today: '2026-11-22',
    onsort: (s) => sorts.push(s),
    onopen: (r) => opened.push(`page:${r.name}`),
    onopenmoney: (r) => opened.push(`money:${r.name}`),
    money,
  });
  return { sorts, opened };
}

const cell = (name: string) => within(document.querySelector<HTMLElement>(`tr[data-provider-name="${name}"]`)!);

describe('expected annual loss in the register', () => {
  it('shows a quiet placeholder and the progress while the simulation runs', () => {
    renderTable(moneyState(null, true, 0.4));
    expect(cell('Stripe').getByTestId('row-money-pending').textContent).toBe('…');
    expect(screen.getByTestId('money-progress').getAttribute('aria-valuenow')).toBe('40');
    // A retired provider is out of the figures whatever the run.
    expect(cell('Old CDN').getByTestId('row-money').textContent).toBe('—');
  });

  it('fills the column with the currency in its header, and "—" with the reason when there is no figure', () => {
    renderTable(moneyState(results));
    expect(screen.queryByTestId('money-progress')).toBeNull();
    expect(screen.getByTestId('money-currency').textContent).toContain('EUR');
    expect(cell('Stripe').getByTestId('row-money').textContent).toBe('12,345');
    expect(cell('Bare').getByTestId('row-money').getAttribute('title')).toBe('Not priced: No annual spend recorded.');
    expect(cell('Old CDN').getByTestId('row-money').getAttribute('title')).toMatch(/Retired/);
  });

  it('sorts by it, worst first', async () => {
    const { sorts } = renderTable(moneyState(results));
    await fireEvent.click(screen.getByRole('button', { name: /Expected annual loss/ }));
    expect(sorts).toEqual([{ key: 'expected_loss', descending: true }]);
  });

  it('opens the breakdown from the figure without opening the provider, and its link opens the money section', async () => {
    const { opened } = renderTable(moneyState(results));
    await fireEvent.click(cell('Stripe').getByTestId('row-money'));
    expect(opened).toEqual([]);
    const popover = screen.getByTestId('money-popover');
    expect(popover.textContent).toContain('Expected annual loss EUR 12,345');
    expect(popover.textContent).toContain('1-in-100 year EUR 123,450');
    expect(popover.textContent).toContain('Top failure mode: Outage');
    expect(popover.textContent).toContain('Outage: 0.5–2 a year (default) × EUR 2,000–16,000 an event');
    await fireEvent.click(screen.getByTestId('open-money-breakdown'));
    expect(opened).toEqual(['money:Stripe']);
    expect(screen.queryByTestId('money-popover')).toBeNull();
  });

  it('closes the breakdown with Escape, and Enter on the figure does not open the provider page', async () => {
    const { opened } = renderTable(moneyState(results));
    const figure = cell('Stripe').getByTestId('row-money');
    await fireEvent.keyDown(figure, { key: 'Enter' });
    expect(opened).toEqual([]);
    await fireEvent.click(figure);
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByTestId('money-popover')).toBeNull();
  });
});
