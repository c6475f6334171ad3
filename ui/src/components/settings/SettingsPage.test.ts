// Settings against a scripted back end: a refused cadence names its field; renaming and retiring
// a failure mode update the catalogue in place.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import SettingsPage from './SettingsPage.svelte';
import { mockCommands } from '../../test/ipc';

function backend() {
  const modes = [
    { id: 1, name: 'Outage', description: 'Down.', retired: false },
    { id: 2, name: 'Account suspension', description: 'Disabled.', retired: false },
  ];
  return mockCommands({
    get_settings: () => ({
      organisation: 'Northwind',
      currency: 'USD',
      cadence: { critical: 90, high: 180, medium: 365, low: 365 },
      drill_cadence: { critical: 180, high: 365, medium: null, low: null },
      money: { weekly_person_cost: 4000, fixed_response_cost: 2000, simulated_years: 20000 },
      demo_offer_answered: true,
    }),
    list_failure_modes: () => modes,
    save_settings: ({ organisation, currency, cadence, drillCadence }) => {
      if (!/^[A-Z]{3}$/.test(currency)) {
        const message = 'Currency is a three-letter code such as USD or EUR.';
        throw { kind: 'validation', message, fields: [{ field: 'settings.currency', message }] };
      }
      if (cadence.critical < 1) {
        throw {
          kind: 'validation',
          message: 'Critical providers need a review interval between 1 and 3650 days, not 0.',
          fields: [
            { field: 'settings.cadence.critical', message: 'Critical providers need a review interval between 1 and 3650 days, not 0.' },
          ],
        };
      }
      if (drillCadence.high === 0) {
        const message = 'High providers need a drill interval between 1 and 3650 days, or none, not 0.';
        throw { kind: 'validation', message, fields: [{ field: 'settings.drill_cadence.high', message }] };
      }
      return {
        organisation,
        currency,
        cadence,
        drill_cadence: drillCadence,
        money: { weekly_person_cost: 4000, fixed_response_cost: 2000, simulated_years: 20000 },
        demo_offer_answered: true,
      };
    },
    save_money_assumptions: ({ money }) => {
      if (money.simulated_years < 100 || money.simulated_years > 1_000_000) {
        const message = 'Simulate between 100 and 1000000 years.';
        throw { kind: 'validation', message, fields: [{ field: 'settings.money.simulated_years', message }] };
      }
      return {
        organisation: 'Northwind',
        currency: 'USD',
        cadence: { critical: 90, high: 180, medium: 365, low: 365 },
        drill_cadence: { critical: 180, high: 365, medium: null, low: null },
        money,
        demo_offer_answered: true,
      };
    },
    rename_failure_mode: ({ id, name, description }) => ({ ...modes.find((m) => m.id === id)!, name, description }),
    set_failure_mode_retired: ({ id, retired }) => ({ ...modes.find((m) => m.id === id)!, retired }),
  });
}

afterEach(() => cleanup());

const field = (name: string) => document.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

describe('settings', () => {
  it('shows a refused cadence under its field and saves a good one', async () => {
    const calls = backend();
    render(SettingsPage, { onchanged: () => {}, onleave: () => {} });
    await waitFor(() => expect(field('settings.organisation').value).toBe('Northwind'));
    await fireEvent.input(field('settings.cadence.critical'), { target: { value: '0' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    expect(await screen.findByText(/not 0\./, { selector: '[data-field="settings.cadence.critical"]' })).toBeTruthy();
    await fireEvent.input(field('settings.cadence.critical'), { target: { value: '60' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    await waitFor(() =>
      expect(calls.filter(([c]) => c === 'save_settings').at(-1)?.[1]).toEqual({
        organisation: 'Northwind',
        currency: 'USD',
        cadence: { critical: 60, high: 180, medium: 365, low: 365 },
        drillCadence: { critical: 180, high: 365, medium: null, low: null },
      }),
    );
  });

  it("saves the register's currency in capitals and shows a refused one under its field", async () => {
    const calls = backend();
    render(SettingsPage, { onchanged: () => {}, onleave: () => {} });
    await waitFor(() => expect(field('settings.organisation').value).toBe('Northwind'));
    expect(field('settings.currency').value).toBe('USD');
    await fireEvent.input(field('settings.currency'), { target: { value: 'e1' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    expect(await screen.findByText(/three-letter code/, { selector: '[data-field="settings.currency"]' })).toBeTruthy();
    await fireEvent.input(field('settings.currency'), { target: { value: 'eur' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    await waitFor(() => expect(calls.filter(([c]) => c === 'save_settings').at(-1)?.[1]).toMatchObject({ currency: 'EUR' }));
    expect(field('settings.currency').value).toBe('EUR');
  });

  it('saves the drill cadence, empty meaning no drills, and shows a refused one under its level', async () => {
    const calls = backend();
    render(SettingsPage, { onchanged: () => {}, onleave: () => {} });
    await waitFor(() => expect(field('settings.organisation').value).toBe('Northwind'));
    expect(field('settings.drill_cadence.critical').value).toBe('180');
    expect(field('settings.drill_cadence.medium').value).toBe('');
    await fireEvent.input(field('settings.drill_cadence.critical'), { target: { value: 'soon' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    expect(await screen.findByText(/whole number of days/, { selector: '[data-field="settings.drill_cadence.critical"]' })).toBeTruthy();
    expect(calls.some(([c]) => c === 'save_settings')).toBe(false);
    await fireEvent.input(field('settings.drill_cadence.critical'), { target: { value: '90' } });
    await fireEvent.input(field('settings.drill_cadence.high'), { target: { value: '0' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    expect(await screen.findByText(/not 0\./, { selector: '[data-field="settings.drill_cadence.high"]' })).toBeTruthy();
    await fireEvent.input(field('settings.drill_cadence.high'), { target: { value: '' } });
    await fireEvent.input(field('settings.drill_cadence.low'), { target: { value: '730' } });
    await fireEvent.click(screen.getByTestId('save-settings'));
    await waitFor(() =>
      expect(calls.filter(([c]) => c === 'save_settings').at(-1)?.[1]).toMatchObject({
        drillCadence: { critical: 90, high: null, medium: null, low: 730 },
      }),
    );
  });

  it('renames and retires failure modes', async () => {
    backend();
    render(SettingsPage, { onchanged: () => {}, onleave: () => {} });
    const outage = await waitFor(() => {
      const row = document.querySelector('[data-mode-name="Outage"]');
      expect(row).not.toBeNull();
      return row!;
    });
    await fireEvent.click(outage.querySelector('[data-testid="rename-mode"]')!);
    const name = document.querySelector<HTMLInputElement>('[data-mode-name="Outage"] input[name="failure_mode.name"]')!;
    await fireEvent.input(name, { target: { value: 'Full outage' } });
    await fireEvent.click(screen.getByTestId('save-mode'));
    await waitFor(() => expect(document.querySelector('[data-mode-name="Full outage"]')).not.toBeNull());
    await fireEvent.click(document.querySelector('[data-mode-name="Account suspension"] [data-testid="retire-mode"]')!);
    await waitFor(() =>
      expect(document.querySelector('[data-mode-name="Account suspension"] [data-testid="retire-mode"]')!.textContent).toBe(
        'Put back in use',
      ),
    );
  });

  it('saves the money assumptions on their own and shows a refused one under its field', async () => {
    const calls = backend();
    render(SettingsPage, { onchanged: () => {}, onleave: () => {} });
    await waitFor(() => expect(field('settings.money.weekly_person_cost').value).toBe('4000'));
    expect(field('settings.money.fixed_response_cost').value).toBe('2000');
    expect(field('settings.money.simulated_years').value).toBe('20000');
    expect(screen.getByTestId('settings-money').textContent).toContain('in USD');
    await fireEvent.input(field('settings.money.simulated_years'), { target: { value: '50' } });
    await fireEvent.click(screen.getByTestId('save-money'));
    expect(await screen.findByText(/between 100 and/, { selector: '[data-field="settings.money.simulated_years"]' })).toBeTruthy();
    await fireEvent.input(field('settings.money.simulated_years'), { target: { value: 'many' } });
    await fireEvent.click(screen.getByTestId('save-money'));
    expect(calls.filter(([c]) => c === 'save_money_assumptions')).toHaveLength(1);
    await fireEvent.input(field('settings.money.simulated_years'), { target: { value: '50000' } });
    await fireEvent.input(field('settings.money.weekly_person_cost'), { target: { value: '5,500' } });
    await fireEvent.click(screen.getByTestId('save-money'));
    await waitFor(() =>
      expect(calls.filter(([c]) => c === 'save_money_assumptions').at(-1)?.[1]).toEqual({
        money: { weekly_person_cost: 5500, fixed_response_cost: 2000, simulated_years: 50000 },
      }),
    );
    expect(calls.some(([c]) => c === 'save_settings')).toBe(false);
  });
});
