// Export and import in the whole app against the fake back end: the register's buttons and the
// File menu open the same dialogs; the preview shows every problem and blocks a refused import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { mockIPC, mockWindows } from '@tauri-apps/api/mocks';
import { emitEvent } from '../../test/ipc';
import App from '../../App.svelte';
import { createMockBackend } from '../../dev/mockBackend';
import { toasts } from '$lib/toasts.svelte';
import { worksheet } from '$lib/worksheet.svelte';
import type { CommandName } from '$lib/ipc';

function start(override: (cmd: CommandName, args: unknown) => unknown = () => undefined) {
  const backend = createMockBackend();
  mockWindows('main');
  mockIPC(
    (cmd, args) => {
      const answer = override(cmd as CommandName, args);
      return answer === undefined ? backend.handle(cmd, args) : answer;
    },
    { shouldMockEvents: true },
  );
  render(App);
  return backend;
}

const sent = (backend: ReturnType<typeof createMockBackend>, cmd: CommandName) =>
  backend.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
const toastText = () => screen.getAllByTestId('toast').map((t) => t.textContent ?? '');

beforeEach(() => {
  worksheet.dialog = null;
  worksheet.busy = false;
  worksheet.format = 'pdf';
  worksheet.paper = 'a4';
  worksheet.bom = false;
  toasts.splice(0);
});

afterEach(() => cleanup());

describe('export', () => {
  it('exports the PDF on US Letter from the register toolbar and says where it went', async () => {
    const backend = start();
    await fireEvent.click(await screen.findByTestId('export-button'));
    const dialog = screen.getByTestId('export-dialog');
    await fireEvent.click(within(dialog).getByLabelText('US Letter'));
    await fireEvent.click(screen.getByTestId('run-export'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    expect(sent(backend, 'export_pdf')).toEqual([{ paper: 'letter' }]);
    expect(toastText()[0]).toContain('Saved the worksheet to /home/cto/Documents/Acme Software Ltd worksheet 2026-11-22.pdf');
  });

  it('opens on CSV from the File menu and sends the BOM choice', async () => {
    const backend = start();
    await screen.findByTestId('export-button');
    await emitEvent('menu', 'export-csv');
    await fireEvent.click(await screen.findByLabelText(/Add a BOM for Excel/));
    expect(screen.getByTestId('run-export').textContent).toContain('Choose folder');
    await fireEvent.click(screen.getByTestId('run-export'));
    await waitFor(() => expect(sent(backend, 'export_csv')).toEqual([{ bom: true }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('to /home/cto/Documents/lifeboat-export');
  });

  it('exports the Excel workbook chosen in the dialog and names the file', async () => {
    const backend = start();
    await fireEvent.click(await screen.findByTestId('export-button'));
    await fireEvent.click(within(screen.getByTestId('export-dialog')).getByLabelText(/Excel workbook \(\.xlsx\)/));
    expect(screen.getByTestId('run-export').textContent).toContain('Save workbook');
    await fireEvent.click(screen.getByTestId('run-export'));
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
    expect(sent(backend, 'export_xlsx')).toHaveLength(1);
    expect(toastText()[0]).toContain('Saved the workbook to /home/cto/Documents/Acme Software Ltd register 2026-11-22.xlsx');
  });

  it('opens on the workbook from the File menu', async () => {
    start();
    await screen.findByTestId('export-button');
    await emitEvent('menu', 'export-xlsx');
    expect((await screen.findByTestId('run-export')).textContent).toContain('Save workbook');
    expect(worksheet.format).toBe('xlsx');
  });

  it('shows what a long export is doing, without a percentage, and cannot be dismissed meanwhile', async () => {
    let finish: (path: string | null) => void = () => {};
    start((cmd) => (cmd === 'export_pdf' ? new Promise((resolve) => (finish = resolve)) : undefined));
    await fireEvent.click(await screen.findByTestId('export-button'));
    await fireEvent.click(screen.getByTestId('run-export'));
    const busy = await screen.findByTestId('worksheet-busy');
    expect(busy.textContent).toContain('Choose where to save the PDF');
    await emitEvent('export-progress', { stage: 'Drawing the pages' });
    await waitFor(() => expect(busy.textContent).toContain('Drawing the pages'));
    expect(busy.textContent).not.toMatch(/%/);
    expect((screen.getByTestId('run-export') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.getByTestId('export-dialog')).toBeTruthy();
    finish('/tmp/w.pdf');
    await waitFor(() => expect(screen.queryByTestId('export-dialog')).toBeNull());
  });
});

describe('import', () => {
  it('previews a spreadsheet with problems as text and refuses to import it', async () => {
    const backend = start();
    await screen.findByTestId('import-button');
    await emitEvent('menu', 'import');
    await fireEvent.click(await screen.findByTestId('import-file'));
    const preview = await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-path').textContent).toBe('/home/cto/Downloads/vendors.csv');
    const created = within(preview).getByTestId('import-created');
    expect(created.querySelector('h3')!.textContent).toBe('Would create 3');
    // Names from a file are text: markup in them is shown, never interpreted.
    expect(within(created).getByText('Ärger & Söhne <b>Logistik</b>')).toBeTruthy();
    expect(created.querySelector('b')).toBeNull();
    const problems = within(preview).getByTestId('import-rejected').querySelectorAll('[data-testid="import-problem"]');
    expect([...problems[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      'vendors.csv',
      '4',
      'F (Lock-in)',
      'Lock-in must be between 1 and 5, not 7.',
    ]);
    expect(within(preview).getByTestId('import-warnings').textContent).toContain('I (Account manager)');
    expect(screen.getByTestId('import-refused').textContent).toContain('2 problems must be fixed');
    expect((screen.getByTestId('apply-import') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(sent(backend, 'apply_import')).toEqual([]);
  });

  it('imports a clean export folder from the toolbar, then the register reloads', async () => {
    const backend = start();
    await fireEvent.click(await screen.findByTestId('import-button'));
    await fireEvent.click(await screen.findByTestId('import-folder'));
    await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-updated').textContent).toContain('Will update 2');
    const apply = screen.getByTestId('apply-import') as HTMLButtonElement;
    expect(apply.disabled).toBe(false);
    await fireEvent.click(apply);
    await waitFor(() => expect(screen.queryByTestId('import-preview')).toBeNull());
    expect(sent(backend, 'apply_import')).toEqual([{ path: '/home/cto/Documents/lifeboat-export', options: { sheet: null, columns: [] } }]);
    expect(toastText()[0]).toContain('Imported 1 new and 2 updated providers from /home/cto/Documents/lifeboat-export');
    const lists = sent(backend, 'list_register_rows').length;
    await emitEvent('register-changed');
    await waitFor(() => expect(sent(backend, 'list_register_rows').length).toBe(lists + 1));
  });
});
