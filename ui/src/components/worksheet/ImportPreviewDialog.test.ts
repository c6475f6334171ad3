// The import preview as a user sees it: how each column was read and the way to read it
// otherwise, the sheet to read, every field an update changes, and Import sending exactly the
// choices previewed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import WorksheetDialogs from './WorksheetDialogs.svelte';
import { worksheet } from '$lib/worksheet.svelte';
import { toasts } from '$lib/toasts.svelte';
import type { ImportChoice } from '$lib/bindings/ImportChoice';
import type { ImportOptions } from '$lib/bindings/ImportOptions';
import type { ImportPreview } from '$lib/bindings/ImportPreview';
import { columnReading, importPreview } from '../../test/builders';
import { mockCommands } from '../../test/ipc';

const PATH = '/home/cto/Downloads/vendors.xlsx';
const READINGS = ['Provider', 'Value provided', 'Notes', 'Exit strategy', 'Alternatives', 'Outage rating'];

const workbook = importPreview({
  files: ['vendors.xlsx, sheet Vendors'],
  sheets: ['Vendors', 'Archive'],
  sheet: 'Vendors',
  columns: [
    columnReading(1, 'Vendor', 'Provider', 'recognised', 'Stripe'),
    columnReading(2, 'Outage', 'Outage rating', 'recognised', 'High'),
    columnReading(3, 'Exposure', null, 'computed', '12.5'),
    columnReading(4, 'Internal ID', null, 'not_recognised', 'V-001'),
  ],
  readings: READINGS,
  created: ['Adyen', 'Яндекс Облако'],
  updated: [
    {
      name: 'Stripe',
      changes: [
        { field: 'Exit strategy', from: 'Accept', to: 'Prepare exit' },
        { field: 'Exit plan', from: '', to: 'keep card vault export tested' },
        { field: 'Notes', from: 'Renewal <b>May</b>', to: '' },
      ],
    },
  ],
  snapshots: 3,
});

/** The workbook read again with Internal ID as the notes: the column is "chosen" now. */
const remapped = importPreview({
  ...workbook,
  columns: workbook.columns.map((c) => (c.letter === 'D' ? { ...c, reading: 'Notes', source: 'chosen' as const } : c)),
  updated: [{ name: 'Stripe', changes: [{ field: 'Notes', from: 'Renewal <b>May</b>', to: 'V-001' }] }],
});

function show(
  preview: ImportPreview,
  answers: { preview_import?: (options: ImportOptions) => ImportPreview | Promise<ImportPreview> } = {},
) {
  worksheet.dialog = { kind: 'import-preview', choice: { path: PATH, preview }, options: { sheet: null, columns: [] } };
  const calls = mockCommands(
    {
      preview_import: async ({ path, options }): Promise<ImportChoice> => ({
        path,
        preview: await (answers.preview_import ?? (() => preview))(options),
      }),
      apply_import: () => preview,
    },
    // The dialogs listen to the File menu and export progress; those answers do not matter here.
    () => null,
  );
  render(WorksheetDialogs);
  return (cmd: string) => calls.filter(([c]) => c === cmd).map(([, args]) => args);
}

/** A change as it reads across its cells: "Field: old → new". */
const changeText = (change: HTMLElement) => [...change.children].map((cell) => cell.textContent?.trim()).join(' ');
const rows = () => screen.getAllByTestId('import-column');
const row = (letter: string) => rows().find((r) => r.dataset.letter === letter)!;
const readingOf = (letter: string) => within(row(letter)).getByRole('combobox') as HTMLSelectElement;

beforeEach(() => {
  worksheet.dialog = null;
  worksheet.busy = false;
  toasts.splice(0);
});

afterEach(() => cleanup());

describe('how the columns were read', () => {
  it('lists every column with its letter, header, first value and reading, and tells apart how each was read', () => {
    show(workbook);
    expect(rows().map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent?.trim()))).toEqual([
      ['A', 'Vendor', 'Stripe'],
      ['B', 'Outage', 'High'],
      ['C', 'Exposure', '12.5'],
      ['D', 'Internal ID', 'V-001'],
    ]);
    expect(['A', 'B', 'C', 'D'].map((l) => readingOf(l).value)).toEqual(['Provider', 'Outage rating', '', '']);
    expect(['A', 'B', 'C', 'D'].map((l) => within(row(l)).getByTestId('column-source').textContent)).toEqual([
      'Recognised',
      'Recognised',
      'Computed by Lifeboat — not read',
      'Not recognised',
    ]);
    // Every reading Rust offers, after the way to leave a column out.
    expect([...readingOf('D').options].map((o) => o.textContent)).toEqual(['Not read (ignored)', ...READINGS]);
  });

  it('previews again with the choice, shows the new reading and what it changes, then imports with it', async () => {
    // The answer is held back to see the busy state.
    let finish: () => void = () => {};
    const held = new Promise<void>((resolve) => (finish = resolve));
    const sent = show(workbook, { preview_import: () => held.then(() => remapped) });

    await fireEvent.change(readingOf('D'), { target: { value: 'Notes' } });
    expect((await screen.findByTestId('import-rereading')).textContent).toContain('Reading the file again');
    expect((screen.getByTestId('apply-import') as HTMLButtonElement).disabled).toBe(true);
    finish();
    await waitFor(() => expect(within(row('D')).getByTestId('column-source').textContent).toBe('Your choice'));

    expect(sent('preview_import')).toEqual([
      { path: PATH, options: { sheet: 'Vendors', columns: [{ column: 'Internal ID', reading: 'Notes' }] } },
    ]);
    expect(readingOf('D').value).toBe('Notes');
    expect(screen.queryByTestId('import-rereading')).toBeNull();
    expect(screen.getAllByTestId('import-change').map(changeText)).toEqual(['Notes: Renewal <b>May</b> → V-001']);

    await fireEvent.click(screen.getByTestId('apply-import'));
    await waitFor(() => expect(worksheet.dialog).toBeNull());
    expect(sent('apply_import')).toEqual([
      { path: PATH, options: { sheet: 'Vendors', columns: [{ column: 'Internal ID', reading: 'Notes' }] } },
    ]);
  });

  it('names a column by its letter when two columns share its header', async () => {
    const twice = importPreview({
      ...workbook,
      columns: [columnReading(1, 'Vendor', 'Provider'), columnReading(2, 'Notes', 'Notes'), columnReading(3, 'Notes', null)],
    });
    const sent = show(twice);
    await fireEvent.change(readingOf('C'), { target: { value: 'Value provided' } });
    await waitFor(() => expect(sent('preview_import')).toHaveLength(1));
    expect(sent('preview_import')[0]).toEqual({
      path: PATH,
      options: { sheet: 'Vendors', columns: [{ column: 'C', reading: 'Value provided' }] },
    });
  });

  it('imports a file as first previewed with no choices at all', async () => {
    const sent = show(workbook);
    await fireEvent.click(screen.getByTestId('apply-import'));
    await waitFor(() => expect(sent('apply_import')).toEqual([{ path: PATH, options: { sheet: null, columns: [] } }]));
  });
});

describe('the sheet', () => {
  it('is offered only when the workbook has several, and another one is read without the old column choices', async () => {
    const archive = importPreview({
      ...workbook,
      sheet: 'Archive',
      columns: [columnReading(1, 'Supplier', 'Provider', 'recognised', 'Sage')],
    });
    const sent = show(workbook, { preview_import: (options) => (options.sheet === 'Archive' ? archive : remapped) });
    const sheet = screen.getByLabelText('Sheet') as HTMLSelectElement;
    expect(sheet.value).toBe('Vendors');
    expect([...sheet.options].map((o) => o.value)).toEqual(['Vendors', 'Archive']);

    await fireEvent.change(readingOf('D'), { target: { value: 'Notes' } });
    await waitFor(() => expect(within(row('D')).getByTestId('column-source').textContent).toBe('Your choice'));
    await fireEvent.change(sheet, { target: { value: 'Archive' } });
    await waitFor(() => expect(rows().map((r) => within(r).getByTestId('column-header').textContent?.trim())).toEqual(['Supplier']));
    expect(sent('preview_import')[1]).toEqual({ path: PATH, options: { sheet: 'Archive', columns: [] } });
    expect((screen.getByLabelText('Sheet') as HTMLSelectElement).value).toBe('Archive');
  });

  it('is not offered for a CSV file or a workbook of one sheet', () => {
    show({ ...workbook, sheets: ['Vendors'] });
    expect(screen.queryByLabelText('Sheet')).toBeNull();
    cleanup();
    show({ ...workbook, sheets: [], sheet: null });
    expect(screen.queryByLabelText('Sheet')).toBeNull();
    expect(rows()).toHaveLength(4);
  });
});

describe('what an update changes', () => {
  it('lists each field old → new, with an empty value as a dash and markup as text', () => {
    show(workbook);
    const updated = screen.getByTestId('import-updated');
    expect(updated.querySelector('h3')!.textContent).toBe('Will update 1');
    const stripe = within(updated).getByTestId('import-update');
    expect(stripe.querySelector('summary')!.textContent).toContain('Stripe');
    expect(stripe.querySelector('summary')!.textContent).toContain('3 changes');
    expect(within(stripe).getAllByTestId('import-change').map(changeText)).toEqual([
      'Exit strategy: Accept → Prepare exit',
      'Exit plan: — → keep card vault export tested',
      'Notes: Renewal <b>May</b> → —',
    ]);
    expect(stripe.querySelector('b')).toBeNull();
    expect(within(screen.getByTestId('import-created')).getByText('Яндекс Облако')).toBeTruthy();
  });

  it('opens only the first few providers of a long list', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ name: `Provider ${i + 1}`, changes: [{ field: 'Tier', from: '2', to: '1' }] }));
    show({ ...workbook, updated: many });
    const details = screen.getAllByTestId('import-update') as HTMLDetailsElement[];
    expect(details.map((d) => d.open)).toEqual([true, true, true, false, false, false]);
    expect(details[5].querySelector('summary')!.textContent).toContain('Provider 6');
  });
});

describe('incidents and drills in the import', () => {
  it('says how many would be added and how many are already recorded', () => {
    show(importPreview({ incidents: 3, drills: 1, evidence_kept: 2 }));
    expect(screen.getByTestId('import-evidence').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Will add 3 incidents and 1 exit drill. 2 incidents and drills listed are already recorded and stay as they are.',
    );
  });

  it('says nothing of them when the files hold none', () => {
    show(importPreview());
    expect(screen.queryByTestId('import-evidence')).toBeNull();
  });
});

describe('services and their links in the import', () => {
  it('says how many services and links would be written, and nothing when there are none', () => {
    show(importPreview({ services: 9, links: 31 }));
    expect(screen.getByTestId('import-services').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Will add or change 9 services and 31 links between services and providers.',
    );
    cleanup();
    show(importPreview());
    expect(screen.queryByTestId('import-services')).toBeNull();
  });
});
