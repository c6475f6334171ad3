// Export and import logic against a scripted back end: what each step sends, what it tells the
// user, and that a cancelled native dialog or a refused import changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import {
  applyImport,
  chooseImport,
  chooseReading,
  chooseSheet,
  columnKey,
  closeWorksheetDialog,
  columnLabel,
  columnLetters,
  defaultPaper,
  handleMenu,
  importedMessage,
  openExport,
  runExport,
  setStage,
  worksheet,
} from './worksheet.svelte';
import { toasts } from './toasts.svelte';
import type { CommandName, ResultOf } from './ipc';
import { columnReading, importPreview } from '../test/builders';
import { mockCommands } from '../test/ipc';

const clean = importPreview();
const refused = importPreview({
  rejected: [{ file: 'vendors.csv', row: 4, column: 6, column_name: 'Lock-in', message: 'Lock-in must be between 1 and 5, not 7.' }],
});

/** Answers each named command with its value, or refuses it with an io error; anything else gets null. */
function backend(answers: { [C in CommandName]?: ResultOf<C> | Error }) {
  const handlers = Object.fromEntries(
    Object.entries(answers).map(([cmd, answer]) => [
      cmd,
      () => {
        if (answer instanceof Error) throw { kind: 'io', message: answer.message, fields: [] };
        return answer;
      },
    ]),
  );
  return mockCommands(handlers, () => null);
}

const NO_CHOICES = { sheet: null, columns: [] };

const messages = () => toasts.map((t) => [t.kind, t.message]);

beforeEach(() => {
  worksheet.busy = false;
  worksheet.dialog = null;
  worksheet.format = 'pdf';
  worksheet.paper = 'a4';
  worksheet.bom = false;
  toasts.splice(0);
});

describe('export', () => {
  it('writes the PDF on the chosen paper and names the file in the success message', async () => {
    const calls = backend({ export_pdf: '/home/cto/Acme worksheet 2026-11-22.pdf' });
    openExport('pdf');
    worksheet.paper = 'letter';
    const running = runExport();
    expect(worksheet.busy).toBe(true);
    await running;
    expect(calls).toEqual([['export_pdf', { paper: 'letter' }]]);
    expect(worksheet.dialog).toBeNull();
    expect(worksheet.busy).toBe(false);
    expect(messages()).toEqual([['success', 'Saved the worksheet to /home/cto/Acme worksheet 2026-11-22.pdf']]);
  });

  it('writes the CSV files with or without a BOM', async () => {
    const calls = backend({ export_csv: '/home/cto/export' });
    openExport('csv');
    worksheet.bom = true;
    await runExport();
    expect(calls).toEqual([['export_csv', { bom: true }]]);
    expect(messages()).toEqual([['success', 'Saved providers.csv, scenarios.csv, history.csv and reviews.csv to /home/cto/export']]);
  });

  it('writes the Excel workbook and names the file in the success message', async () => {
    const calls = backend({ export_xlsx: '/home/cto/Acme register 2026-11-22.xlsx' });
    openExport('xlsx');
    await runExport();
    expect(calls.map(([cmd]) => cmd)).toEqual(['export_xlsx']);
    expect(worksheet.dialog).toBeNull();
    expect(messages()).toEqual([['success', 'Saved the workbook to /home/cto/Acme register 2026-11-22.xlsx']]);
  });

  it('keeps the dialog open, silently, when the native dialog is cancelled', async () => {
    backend({ export_pdf: null });
    openExport('pdf');
    await runExport();
    expect(worksheet.dialog).toEqual({ kind: 'export' });
    expect(messages()).toEqual([]);
  });

  it('shows why an export failed and lets the user try again', async () => {
    backend({ export_pdf: new Error('/root/w.pdf: permission denied') });
    openExport('pdf');
    await runExport();
    expect(messages()).toEqual([['error', '/root/w.pdf: permission denied']]);
    expect(worksheet.dialog).toEqual({ kind: 'export' });
    expect(worksheet.busy).toBe(false);
  });

  it('shows the stage Rust reports only while busy, and cannot be closed meanwhile', async () => {
    let finish: (path: string) => void = () => {};
    mockIPC(() => new Promise((resolve) => (finish = resolve)));
    openExport('pdf');
    const running = runExport();
    setStage('Drawing the pages');
    expect(worksheet.stage).toBe('Drawing the pages');
    closeWorksheetDialog();
    handleMenu('import');
    expect(worksheet.dialog).toEqual({ kind: 'export' });
    finish('/tmp/w.pdf');
    await running;
    expect(worksheet.stage).toBeNull();
    setStage('late');
    expect(worksheet.stage).toBeNull();
  });
});

describe('import', () => {
  it('previews the chosen file or folder without writing anything', async () => {
    const calls = backend({
      choose_import_file: { path: '/tmp/vendors.csv', preview: refused },
      choose_import_folder: null,
    });
    handleMenu('import');
    expect(worksheet.dialog).toEqual({ kind: 'import-choose' });
    await chooseImport('folder');
    expect(worksheet.dialog).toEqual({ kind: 'import-choose' });
    await chooseImport('file');
    expect(worksheet.dialog).toEqual({
      kind: 'import-preview',
      choice: { path: '/tmp/vendors.csv', preview: refused },
      options: { sheet: null, columns: [] },
    });
    expect(calls.map(([cmd]) => cmd)).toEqual(['choose_import_folder', 'choose_import_file']);
  });

  it('never applies an import with rejected rows', async () => {
    const calls = backend({ apply_import: clean });
    worksheet.dialog = { kind: 'import-preview', choice: { path: '/tmp/vendors.csv', preview: refused }, options: NO_CHOICES };
    await applyImport();
    expect(calls).toEqual([]);
    expect(worksheet.dialog?.kind).toBe('import-preview');
  });

  it('applies the previewed path and says how many providers came in from where', async () => {
    const calls = backend({ apply_import: clean });
    worksheet.dialog = { kind: 'import-preview', choice: { path: '/tmp/export', preview: clean }, options: NO_CHOICES };
    await applyImport();
    expect(calls).toEqual([['apply_import', { path: '/tmp/export', options: NO_CHOICES }]]);
    expect(worksheet.dialog).toBeNull();
    expect(messages()).toEqual([['success', 'Imported 1 new and 2 updated providers from /tmp/export']]);
  });

  it('keeps the preview open when Rust refuses at the last moment', async () => {
    backend({ apply_import: new Error('vendors.csv, row 4: the file changed') });
    worksheet.dialog = { kind: 'import-preview', choice: { path: '/tmp/vendors.csv', preview: clean }, options: NO_CHOICES };
    await applyImport();
    expect(messages()).toEqual([['error', 'vendors.csv, row 4: the file changed']]);
    expect(worksheet.dialog?.kind).toBe('import-preview');
  });
});

describe('reading columns otherwise', () => {
  const book = importPreview({
    files: ['vendors.xlsx, sheet Vendors'],
    sheets: ['Vendors', 'Notes'],
    sheet: 'Vendors',
    columns: [
      columnReading(1, 'Vendor', 'Provider'),
      columnReading(2, 'Internal ID', null),
      columnReading(3, 'Notes', 'Notes'),
      columnReading(4, 'notes ', null),
    ],
  });
  const reread = (preview = book) => ({ path: '/tmp/vendors.xlsx', preview });

  it('names a column by its header, or by its letter when another column shares the header', () => {
    expect(book.columns.map((c) => columnKey(c, book.columns))).toEqual(['Vendor', 'Internal ID', 'C', 'D']);
    expect(columnKey(columnReading(5, '  ', null), book.columns)).toBe('E');
  });

  it('sends every choice made so far, the latest per column, with the sheet shown', async () => {
    const calls = backend({ preview_import: reread() });
    worksheet.dialog = { kind: 'import-preview', choice: reread(), options: NO_CHOICES };
    await chooseReading(book.columns[1], 'Notes');
    await chooseReading(book.columns[2], '');
    await chooseReading(book.columns[1], 'Owner');
    expect(calls.map(([, args]) => args)).toEqual([
      { path: '/tmp/vendors.xlsx', options: { sheet: 'Vendors', columns: [{ column: 'Internal ID', reading: 'Notes' }] } },
      {
        path: '/tmp/vendors.xlsx',
        options: {
          sheet: 'Vendors',
          columns: [
            { column: 'Internal ID', reading: 'Notes' },
            { column: 'C', reading: '' },
          ],
        },
      },
      {
        path: '/tmp/vendors.xlsx',
        options: {
          sheet: 'Vendors',
          columns: [
            { column: 'C', reading: '' },
            { column: 'Internal ID', reading: 'Owner' },
          ],
        },
      },
    ]);
    expect(worksheet.dialog?.kind === 'import-preview' && worksheet.dialog.options.columns).toHaveLength(2);
  });

  it('drops the column choices when another sheet is read', async () => {
    const calls = backend({ preview_import: reread({ ...book, sheet: 'Notes' }) });
    worksheet.dialog = {
      kind: 'import-preview',
      choice: reread(),
      options: { sheet: null, columns: [{ column: 'Internal ID', reading: 'Notes' }] },
    };
    await chooseSheet('Notes');
    expect(calls).toEqual([['preview_import', { path: '/tmp/vendors.xlsx', options: { sheet: 'Notes', columns: [] } }]]);
    expect(worksheet.dialog?.kind === 'import-preview' && worksheet.dialog.choice.preview.sheet).toBe('Notes');
  });

  it('keeps the preview shown and its choices when the new reading is refused', async () => {
    backend({ preview_import: new Error('Choose the file to import again.') });
    const options = { sheet: null, columns: [{ column: 'Internal ID', reading: 'Notes' }] };
    worksheet.dialog = { kind: 'import-preview', choice: reread(), options };
    await chooseReading(book.columns[0], '');
    expect(worksheet.dialog).toEqual({ kind: 'import-preview', choice: reread(), options });
    expect(messages()).toEqual([['error', 'Choose the file to import again.']]);
    expect(worksheet.busy).toBe(false);
  });
});

describe('wording', () => {
  it('locates problems as a spreadsheet does', () => {
    expect([columnLetters(1), columnLetters(26), columnLetters(27), columnLetters(52)]).toEqual(['A', 'Z', 'AA', 'AZ']);
    expect(columnLabel(refused.rejected[0])).toBe('F (Lock-in)');
    expect(columnLabel({ ...refused.rejected[0], column_name: ' ' })).toBe('F');
    expect(columnLabel({ ...refused.rejected[0], column: null })).toBe('');
  });

  it('counts what an import did', () => {
    expect(importedMessage({ ...clean, updated: [] }, '/x.csv')).toBe('Imported 1 new provider from /x.csv');
    expect(importedMessage({ ...clean, created: [] }, '/x.csv')).toBe('Imported 2 updated providers from /x.csv');
    expect(importedMessage({ ...clean, created: [], updated: [] }, '/x.csv')).toBe('Imported 3 assessments from /x.csv');
    expect(importedMessage({ ...clean, created: [], updated: [], snapshots: 0 }, '/x.csv')).toBe(
      'Nothing to import: the register already matches /x.csv',
    );
  });

  it('suggests Letter paper in the US and Canada, A4 elsewhere', () => {
    expect(['en-US', 'en-CA', 'fr-CA', 'en-GB', 'de-DE', undefined].map(defaultPaper)).toEqual([
      'letter',
      'letter',
      'letter',
      'a4',
      'a4',
      'a4',
    ]);
  });
});
