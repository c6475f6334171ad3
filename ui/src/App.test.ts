// The app against the fake back end: what a user sees and does, end to end inside the UI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { emitEvent } from './test/ipc';
import App from './App.svelte';
import { createMockBackend } from './dev/mockBackend';
import { clearFilters, registerView } from '$lib/registerView.svelte';
import { DEFAULT_SORT } from '$lib/register';
import { toasts } from '$lib/toasts.svelte';

function start(register = 'demo') {
  const backend = createMockBackend({ register });
  mockWindows('main');
  mockIPC((cmd, args) => backend.handle(cmd, args), { shouldMockEvents: true });
  const view = render(App);
  return { backend, view };
}

const tableRow = (name: string) => document.querySelector<HTMLTableRowElement>(`tr[data-provider-name="${name}"]`);
const byName = <T extends Element>(name: string) => document.querySelector<T>(`[name="${name}"]`)!;
const rowNames = () => [...document.querySelectorAll('tr[data-provider-name]')].map((r) => r.getAttribute('data-provider-name'));

async function openProvider(name: string) {
  await waitFor(() => expect(tableRow(name)).not.toBeNull());
  await fireEvent.click(tableRow(name)!);
  await waitFor(() => expect(screen.getByTestId('provider-title').textContent).toBe(name));
}

beforeEach(() => {
  clearFilters();
  registerView.filters.showRetired = false;
  registerView.sort = { ...DEFAULT_SORT };
  registerView.tab = 'table';
  toasts.splice(0);
});

afterEach(() => cleanup());

describe('first launch', () => {
  it('offers the demo, and opening it fills the register', async () => {
    start('first');
    await fireEvent.click(await screen.findByTestId('load-demo'));
    await waitFor(() => expect(tableRow('Stripe')).not.toBeNull());
    expect(screen.queryByTestId('demo-offer')).toBeNull();
    const stripe = tableRow('Stripe')!;
    expect(within(stripe).getByTestId('row-level').textContent).toBe('High');
    expect(within(stripe).getByTestId('row-exposure').textContent).toBe('8.0');
  });

  it('starting empty shows an empty register with a way to add the first provider', async () => {
    start('first');
    await fireEvent.click(await screen.findByTestId('start-empty'));
    expect(await screen.findByText('No providers yet')).toBeTruthy();
    expect(screen.getByTestId('new-provider')).toBeTruthy();
    // Changing one's mind later is still possible.
    await fireEvent.click(screen.getByRole('button', { name: 'Explore the demo register instead' }));
    await waitFor(() => expect(rowNames().length).toBe(13));
  });
});

describe('register', () => {
  it('lists the worst exposure first and re-sorts by a clicked column', async () => {
    start();
    await waitFor(() => expect(rowNames().length).toBe(13));
    expect(rowNames()[0]).toBe('AWS');
    const header = screen.getByRole('button', { name: /^Provider/ });
    await fireEvent.click(header);
    expect(rowNames()[0]).toBe('Amazon S3');
    expect(header.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    await fireEvent.click(header);
    expect(header.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()[0]).toBe('Zendesk');
  });

  it('searches, says when nothing matches, and clears the filters', async () => {
    start();
    await waitFor(() => expect(rowNames().length).toBe(13));
    await fireEvent.input(screen.getByTestId('search'), { target: { value: 'platform' } });
    expect(rowNames().sort()).toEqual(['AWS', 'Amazon S3', 'Cloudflare', 'Postmark']);
    await fireEvent.input(screen.getByTestId('search'), { target: { value: 'no such provider' } });
    expect(screen.getByText('No provider matches these filters')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowNames().length).toBe(13);
  });

  it('shows an unscored provider as Not assessed: last by exposure, counted apart, filterable', async () => {
    start();
    await waitFor(() => expect(rowNames().length).toBe(13));
    expect(rowNames().at(-1)).toBe('Linear');
    const linear = tableRow('Linear')!;
    expect(within(linear).getByTestId('row-level').textContent).toBe('Not assessed');
    expect(within(linear).getByTestId('row-level').className).toContain('level-none');
    expect(within(linear).getByTestId('row-exposure').textContent).toBe('—');
    const count = screen.getByRole('button', { name: /Not assessed/ });
    expect(count.textContent).toContain('1');
    await fireEvent.click(count);
    expect(rowNames()).toEqual(['Linear']);
  });

  it('opens a provider with Enter', async () => {
    start();
    await waitFor(() => expect(tableRow('Datadog')).not.toBeNull());
    await fireEvent.keyDown(tableRow('Datadog')!, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('provider-title').textContent).toBe('Datadog'));
  });

  it('places providers on the heat map and opens them from there', async () => {
    start();
    await waitFor(() => expect(rowNames().length).toBe(13));
    await fireEvent.click(screen.getByTestId('tab-heatmap'));
    const cell = document.querySelector<HTMLElement>('[data-testid="heat-cell"][data-likelihood="2"][data-impact="5"]')!;
    expect(cell.className).toContain('level-high');
    await fireEvent.click(within(cell).getByRole('button', { name: 'Stripe' }));
    await waitFor(() => expect(screen.getByTestId('provider-title').textContent).toBe('Stripe'));
  });

  it('leaves Not assessed providers off the heat map and says how many', async () => {
    start();
    await waitFor(() => expect(rowNames().length).toBe(13));
    await fireEvent.click(screen.getByTestId('tab-heatmap'));
    expect(screen.queryByRole('button', { name: 'Linear' })).toBeNull();
    expect(screen.getByTestId('heat-not-assessed').textContent).toContain('Not assessed: 1 provider, not on the map');
  });

  it('shows notices from Rust as toasts and reloads when the register changes', async () => {
    const { backend } = start();
    await waitFor(() => expect(rowNames().length).toBe(13));
    await emitEvent('notice', { kind: 'success', message: 'Saved a copy to backup.lifeboat' });
    expect((await screen.findByTestId('toast')).textContent).toContain('Saved a copy to backup.lifeboat');
    backend.providers.clear();
    await emitEvent('register-changed');
    await waitFor(() => expect(screen.getByText('No providers yet')).toBeTruthy());
  });
});

describe('provider page', () => {
  it('keeps what was typed when Rust refuses the save, and shows the error under the field', async () => {
    start();
    await fireEvent.click(await screen.findByTestId('new-provider'));
    await waitFor(() => expect(byName('profile.owner')).toBeTruthy());
    await fireEvent.input(byName('profile.owner'), { target: { value: 'Ops' } });
    await fireEvent.click(screen.getByTestId('save-provider'));
    const error = await waitFor(() => {
      const found = document.querySelector('[data-testid="field-error"][data-field="profile.name"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(error.textContent).toBe('Name is required.');
    expect(screen.getByRole('alert').textContent).toContain('Name: Name is required.');
    expect(byName<HTMLInputElement>('profile.owner').value).toBe('Ops');
    expect(byName<HTMLInputElement>('profile.name').getAttribute('aria-invalid')).toBe('true');

    await fireEvent.input(byName('profile.name'), { target: { value: 'Fastly' } });
    expect(document.querySelector('[data-testid="field-error"][data-field="profile.name"]')).toBeNull();
  });

  it('starts a new provider Not assessed and refuses half a score at the missing half', async () => {
    start();
    await fireEvent.click(await screen.findByTestId('new-provider'));
    await waitFor(() => expect(byName('profile.name')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('inherent-level').textContent).toBe('Not assessed'));
    expect(screen.getByTestId('exposure-level').textContent).toBe('Not assessed');
    const likelihood = byName<HTMLSelectElement>('risk.scenarios.0.likelihood');
    expect(likelihood.selectedOptions[0].textContent).toBe('Not scored');

    await fireEvent.input(byName('profile.name'), { target: { value: 'Fastly' } });
    await fireEvent.change(likelihood, { target: { value: '4' } });
    await fireEvent.click(screen.getByTestId('save-provider'));
    const error = await waitFor(() => {
      const found = document.querySelector('[data-testid="field-error"][data-field="risk.scenarios.0.impact"]');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(error.textContent).toBe('Impact is needed once a likelihood is set (or clear both).');
    expect(screen.getByTestId('inherent-level').textContent).toBe('Not assessed');
  });

  it('previews scores from Rust while editing and saves a new provider', async () => {
    const { backend } = start();
    await fireEvent.click(await screen.findByTestId('new-provider'));
    await waitFor(() => expect(byName('profile.name')).toBeTruthy());
    await fireEvent.input(byName('profile.name'), { target: { value: 'Fastly' } });
    await fireEvent.change(byName('risk.scenarios.0.likelihood'), { target: { value: '4' } });
    await fireEvent.change(byName('risk.scenarios.0.impact'), { target: { value: '5' } });
    await fireEvent.change(byName('risk.lock_in.level'), { target: { value: '3' } });
    await fireEvent.change(byName('risk.replacement.effort'), { target: { value: '4' } });
    await waitFor(() => expect(screen.getByTestId('inherent-score').textContent).toBe('20'));
    expect(screen.getByTestId('inherent-level').textContent).toBe('Critical');
    expect(screen.getByTestId('exposure').textContent).toBe('16.0');
    expect(backend.calls.some((c) => c.cmd === 'score_risk')).toBe(true);

    await fireEvent.click(screen.getByTestId('save-provider'));
    await waitFor(() => expect(screen.getByTestId('provider-title').textContent).toBe('Fastly'));
    expect(document.querySelectorAll('[data-testid="trend-point"]').length).toBe(1);
    expect(screen.getByTestId('toast').textContent).toContain('Saved Fastly.');
    await fireEvent.click(screen.getByTestId('back'));
    await waitFor(() => expect(tableRow('Fastly')).not.toBeNull());
    expect(within(tableRow('Fastly')!).getByTestId('row-level').textContent).toBe('Critical');
  });

  it('adds and removes custom failure modes and alternatives', async () => {
    start();
    await openProvider('Twilio SMS');
    await fireEvent.click(screen.getByRole('button', { name: /Add a failure mode/ }));
    const mode = byName<HTMLInputElement>('risk.scenarios.7.mode');
    expect(document.activeElement).toBe(mode);
    await fireEvent.input(mode, { target: { value: 'Carrier filtering' } });
    expect(screen.queryByRole('button', { name: 'Remove Outage' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Carrier filtering' }));
    expect(document.querySelector('[name="risk.scenarios.7.mode"]')).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: /Add an alternative/ }));
    await fireEvent.input(byName('risk.alternatives.0.name'), { target: { value: 'MessageBird' } });
    await fireEvent.change(byName('risk.alternatives.0.readiness'), { target: { value: 'live' } });
    await waitFor(() => expect(screen.getByText(/MessageBird \(live integration\) lowers it by 2 steps/)).toBeTruthy());
  });

  it('shows one trend point per snapshot', async () => {
    start();
    await openProvider('Stripe');
    expect(document.querySelectorAll('[data-testid="trend-point"]').length).toBe(3);
  });

  it('asks before discarding unsaved changes', async () => {
    start();
    await openProvider('Stripe');
    await fireEvent.input(byName('profile.notes'), { target: { value: 'Renegotiate in March' } });
    await fireEvent.click(screen.getByTestId('back'));
    expect(screen.getByRole('dialog').textContent).toContain('Discard unsaved changes?');
    await fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(byName<HTMLTextAreaElement>('profile.notes').value).toBe('Renegotiate in March');
    await fireEvent.keyDown(window, { key: 'Escape' });
    await fireEvent.click(screen.getByTestId('discard-changes'));
    await waitFor(() => expect(tableRow('Stripe')).not.toBeNull());
  });

  it('asks before the header navigates away from unsaved changes', async () => {
    start();
    await openProvider('Stripe');
    await fireEvent.input(byName('profile.owner'), { target: { value: 'Finance' } });
    await fireEvent.click(screen.getByTestId('nav-settings'));
    expect(screen.getByRole('dialog').textContent).toContain('Discard unsaved changes?');
    await fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByTestId('provider-title').textContent).toBe('Stripe');
    await fireEvent.click(screen.getByTestId('nav-register'));
    await fireEvent.click(screen.getByTestId('discard-changes'));
    await waitFor(() => expect(tableRow('Stripe')).not.toBeNull());
  });

  it('File > Open register… asks before unsaved changes are dropped', async () => {
    const { backend } = start();
    await openProvider('Stripe');
    await fireEvent.input(byName('profile.owner'), { target: { value: 'Finance' } });
    await emitEvent('menu', 'open-register');
    await waitFor(() => expect(screen.getByRole('dialog').textContent).toContain('Discard unsaved changes?'));
    await fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(backend.calls.some((c) => c.cmd === 'open_register')).toBe(false);
    expect(byName<HTMLInputElement>('profile.owner').value).toBe('Finance');
    await emitEvent('menu', 'open-register');
    await waitFor(() => expect(screen.getByRole('dialog')).not.toBeNull());
    await fireEvent.click(screen.getByTestId('discard-changes'));
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'open_register')).toBe(true));
  });

  it('saves with Ctrl+S, once there is something to save', async () => {
    const { backend } = start();
    await openProvider('Stripe');
    expect(screen.getByTestId<HTMLButtonElement>('save-provider').disabled).toBe(true);
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    expect(backend.calls.some((c) => c.cmd === 'update_provider')).toBe(false);
    await fireEvent.input(byName('profile.owner'), { target: { value: 'Finance' } });
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'update_provider')).toBe(true));
  });

  it('deletes only after a confirmation naming the provider', async () => {
    start();
    await openProvider('Zendesk');
    await fireEvent.click(screen.getByTestId('delete-provider'));
    expect(screen.getByRole('dialog').textContent).toContain('Delete Zendesk?');
    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(rowNames().length).toBe(12));
    expect(tableRow('Zendesk')).toBeNull();
  });

  it('archives a provider off the register and restores it', async () => {
    start();
    await openProvider('Amplitude');
    await fireEvent.click(screen.getByTestId('archive-provider'));
    await waitFor(() => expect(screen.getByTestId('archive-provider').textContent!.trim()).toBe('Restore'));
    await fireEvent.click(screen.getByTestId('back'));
    await waitFor(() => expect(rowNames().length).toBe(12));
    expect(tableRow('Amplitude')).toBeNull();
    await fireEvent.click(screen.getByLabelText('Show retired'));
    expect(tableRow('Amplitude')).not.toBeNull();
  });

  it('records an unchanged review as a new snapshot', async () => {
    start();
    await openProvider('Stripe');
    await fireEvent.click(screen.getByTestId('confirm-unchanged'));
    await waitFor(() => expect(document.querySelectorAll('[data-testid="trend-point"]').length).toBe(4));
  });
});
