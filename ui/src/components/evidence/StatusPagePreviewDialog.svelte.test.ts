// The status-page import as a user sees it: the mapping, the incidents it adds and those already
// recorded; Apply imports exactly the file previewed, Cancel writes nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import StatusPagePreviewDialog from './StatusPagePreviewDialog.svelte';
import { createStatusPageImport } from '$lib/statusPage.svelte';
import { statusPagePreview } from '../../test/builders';
import { mockCommands } from '../../test/ipc';

const PATH = '/home/cto/Downloads/incidents.json';

async function chosen(preview = statusPagePreview()) {
  const onchanged = vi.fn();
  const calls = mockCommands({
    choose_status_page_file: () => ({ path: PATH, preview }),
    apply_status_page: () => preview,
  });
  const importer = createStatusPageImport(() => 7, onchanged);
  await importer.choose();
  render(StatusPagePreviewDialog, { choice: importer.choice!, importer });
  return { importer, calls, onchanged };
}

describe('StatusPagePreviewDialog', () => {
  afterEach(cleanup);

  it('shows the mapping, the incidents it adds with their time to recover, and the duplicates', async () => {
    await chosen();
    expect(screen.getByTestId('status-page-mapping').textContent).toContain('recorded as Outage');
    const added = screen.getByTestId('status-page-added');
    expect(added.textContent).toContain('Elevated API errors');
    expect(added.textContent).toContain('Outage');
    expect(added.textContent).not.toContain('—');
    expect(screen.getByTestId('status-page-duplicates').textContent).toContain('Dashboard slow');
  });

  it('applies only the previewed file for this provider, then closes and reloads the evidence', async () => {
    const { importer, calls, onchanged } = await chosen();
    await fireEvent.click(screen.getByTestId('apply-status-page'));
    await waitFor(() => expect(onchanged).toHaveBeenCalledOnce());
    expect(calls).toContainEqual(['apply_status_page', { path: PATH, provider: 7 }]);
    expect(importer.choice).toBeNull();
  });

  it('writes nothing on Cancel', async () => {
    const { importer, calls, onchanged } = await chosen();
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(importer.choice).toBeNull();
    expect(calls.map(([cmd]) => cmd)).toEqual(['choose_status_page_file']);
    expect(onchanged).not.toHaveBeenCalled();
  });

  it('refuses a file with rejected incidents', async () => {
    await chosen(statusPagePreview({ rejected: [{ position: 3, name: 'S3', reason: 'created_at is not a time' }] }));
    expect(screen.getByTestId('status-page-refused')).toBeTruthy();
    expect((screen.getByTestId('apply-status-page') as HTMLButtonElement).disabled).toBe(true);
  });
});
