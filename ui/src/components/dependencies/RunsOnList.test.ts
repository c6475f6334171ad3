// What a provider runs on, edited from its page: a link Rust refuses (a loop) is said in words
// and nothing is added; a good one is added and the page reads its links again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import RunsOnList from './RunsOnList.svelte';
import { toasts } from '$lib/toasts.svelte';
import { mockCommands } from '../../test/ipc';

const POSTMARK = { id: 2, name: 'Postmark' };
const PROVIDERS = [{ id: 1, name: 'AWS us-east-1' }, POSTMARK, { id: 3, name: 'SendGrid' }];

afterEach(() => cleanup());

function show(refuse: boolean) {
  const onchanged = vi.fn();
  const calls = mockCommands({
    add_runs_on: ({ provider, runsOn }) => {
      if (refuse) {
        throw { kind: 'validation', message: 'That would make a loop: Postmark runs on SendGrid runs on Postmark.', fields: [] };
      }
      return { provider_id: provider, runs_on: runsOn };
    },
  });
  render(RunsOnList, {
    provider: POSTMARK,
    runsOn: [{ id: 1, name: 'AWS us-east-1', fourth_party: true }],
    carries: [{ id: 3, name: 'SendGrid', fourth_party: false }],
    providers: PROVIDERS,
    onchanged,
  });
  return { calls, onchanged };
}

const choice = () => document.querySelector<HTMLSelectElement>('select[name="runs_on.choice"]')!;

describe('runs on', () => {
  it('offers every other provider it does not run on yet, and lists those that run on it', () => {
    show(false);
    expect([...choice().options].map((o) => o.text)).toEqual(['Add what it runs on…', 'SendGrid']);
    expect(screen.getByTestId('runs-on-item').textContent).toContain('AWS us-east-1');
    expect(screen.getByTestId('runs-on-item').textContent).toContain('fourth party');
  });

  it('says why a loop is refused and adds nothing', async () => {
    const { onchanged } = show(true);
    await fireEvent.change(choice(), { target: { value: '3' } });
    await fireEvent.click(screen.getByTestId('runs-on-add'));
    await waitFor(() =>
      expect(toasts.map((t) => t.message)).toContain('That would make a loop: Postmark runs on SendGrid runs on Postmark.'),
    );
    expect(onchanged).not.toHaveBeenCalled();
  });

  it('adds a good link and has the page read its links again', async () => {
    const { calls, onchanged } = show(false);
    await fireEvent.change(choice(), { target: { value: '3' } });
    await fireEvent.click(screen.getByTestId('runs-on-add'));
    await waitFor(() => expect(onchanged).toHaveBeenCalled());
    expect(calls.at(-1)).toEqual(['add_runs_on', { provider: 2, runsOn: 3 }]);
  });
});
