import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/svelte';
import HeatMap from './HeatMap.svelte';
import { row } from '../../test/builders';

afterEach(() => cleanup());

const cell = (l: number, i: number) =>
  document.querySelector<HTMLElement>(`[data-testid="heat-cell"][data-likelihood="${l}"][data-impact="${i}"]`)!;

describe('HeatMap', () => {
  it('names the providers of a quiet cell and counts a busy one, listing it on selection', async () => {
    const busy = ['A', 'B', 'C', 'D', 'E'].map((name, n) => row({ name, exposure: n, heat: { likelihood: 4, impact: 5 } }));
    const opened: string[] = [];
    render(HeatMap, { rows: [row({ name: 'Stripe', heat: { likelihood: 2, impact: 5 } }), ...busy], onopen: (r) => opened.push(r.name) });

    expect(within(cell(2, 5)).getByRole('button', { name: 'Stripe' })).toBeTruthy();
    expect(cell(4, 5).textContent).toContain('5');
    expect(within(cell(4, 5)).queryByRole('button')).toBeNull();

    await fireEvent.click(cell(4, 5));
    const side = document.querySelector('aside')!;
    expect(side.textContent).toContain('Likelihood 4 × impact 5');
    // Highest exposure first.
    expect(
      within(side)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['E', 'D', 'C', 'B', 'A']);
    await fireEvent.click(within(side).getByRole('button', { name: 'C' }));
    expect(opened).toEqual(['C']);
  });

  it('selects a cell from the keyboard', async () => {
    render(HeatMap, { rows: [row({ heat: { likelihood: 1, impact: 1 } })], onopen: () => {} });
    await fireEvent.keyDown(cell(1, 1), { key: 'Enter' });
    expect(cell(1, 1).getAttribute('aria-selected')).toBe('true');
  });
});
