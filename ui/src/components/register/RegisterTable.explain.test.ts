import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import RegisterTable from './RegisterTable.svelte';
import { row } from '../../test/builders';
import { DEFAULT_SORT } from '$lib/register';

afterEach(() => cleanup());

describe('score breakdown in the register', () => {
  const explanation = ['Inherent risk 16 (High) is driven by Outage.', 'Exposure 12.8 (High) = 16 × 4 / 5.'];

  it('appears when the row has keyboard focus and goes when it leaves', async () => {
    render(RegisterTable, {
      rows: [row({ name: 'Stripe', inherent: 16, explanation })],
      sort: DEFAULT_SORT,
      today: '2026-11-22',
      onsort: () => {},
      onopen: () => {},
    });
    expect(screen.queryByRole('tooltip')).toBeNull();
    const tr = document.querySelector<HTMLElement>('tr[data-provider-name="Stripe"]')!;
    await fireEvent.focus(tr);
    expect(screen.getByRole('tooltip').textContent).toContain('driven by Outage');
    await fireEvent.blur(tr);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('appears on hovering the level badge', async () => {
    render(RegisterTable, {
      rows: [row({ name: 'Stripe', inherent: 16, explanation })],
      sort: DEFAULT_SORT,
      today: '2026-11-22',
      onsort: () => {},
      onopen: () => {},
    });
    await fireEvent.mouseEnter(screen.getByTestId('row-level').parentElement!);
    expect(screen.getByRole('tooltip').textContent).toContain('Exposure 12.8 (High) = 16 × 4 / 5.');
  });
});
