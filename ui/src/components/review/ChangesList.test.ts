// Changes since the previous review list money risers and fallers beside the exposure ones, in
// the register's currency.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import type { RegisterChanges } from '$lib/bindings/RegisterChanges';
import ChangesList from './ChangesList.svelte';
import { movement, standing } from '../../test/builders';
import { mockCommands } from '../../test/ipc';

function changes(): RegisterChanges {
  const loss = (before: number, after: number) => ({
    before: standing({ expected_loss: before }),
    after: standing({ expected_loss: after }),
  });
  return {
    from: '2027-01-10',
    to: '2027-04-10',
    risers: [],
    fallers: [],
    money_risers: [movement({ provider_id: 1, name: 'Stripe', ...loss(40_000, 95_000) })],
    money_fallers: [movement({ provider_id: 2, name: 'Postmark', ...loss(9_000, 4_000) })],
    level_changes: [],
    new: [],
    retired: [],
    unchanged: 0,
    steady: [],
  };
}

afterEach(() => cleanup());

describe('changes since the previous review', () => {
  it('lists money risers and fallers by expected annual loss in the register currency', async () => {
    mockCommands({
      get_settings: () => ({
        organisation: 'Northwind',
        currency: 'USD',
        cadence: { critical: 90, high: 180, medium: 365, low: 365 },
        drill_cadence: { critical: 180, high: 365, medium: null, low: null },
        money: { weekly_person_cost: 4000, fixed_response_cost: 2000, simulated_years: 20000 },
        demo_offer_answered: true,
      }),
    });
    render(ChangesList, { changes: changes() });
    const riser = within(screen.getByTestId('summary-money-risers')).getByTestId('money-riser');
    await waitFor(() => expect(riser.textContent).toContain('Expected annual loss USD 40,000 → USD 95,000 (+55,000)'));
    expect(within(screen.getByTestId('summary-money-fallers')).getByTestId('money-faller').textContent).toContain(
      'Expected annual loss USD 9,000 → USD 4,000 (−5,000)',
    );
    expect(screen.getByTestId('summary-risers').textContent).toContain('No provider got worse.');
  });

  it('reads without money when no expected annual loss moved, asking nothing of the back end', () => {
    const calls = mockCommands({});
    render(ChangesList, { changes: { ...changes(), money_risers: [], money_fallers: [] } });
    expect(screen.getByTestId('summary-money-risers').textContent).toContain("No provider's expected annual loss rose.");
    expect(calls).toEqual([]);
  });
});
