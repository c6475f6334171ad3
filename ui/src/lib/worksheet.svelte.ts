// Export and import, as one small state machine shared by the register's buttons and the File
// menu (both call the same functions, so they show the same dialogs, progress and preview).
import { call } from './ipc';
import type { ColumnChoice } from './bindings/ColumnChoice';
import type { ColumnReading } from './bindings/ColumnReading';
import type { ImportChoice } from './bindings/ImportChoice';
import type { ImportOptions } from './bindings/ImportOptions';
import type { ImportPreview } from './bindings/ImportPreview';
import type { MenuAction } from './bindings/MenuAction';
import type { Paper } from './bindings/Paper';
import type { ImportProblem } from './bindings/ImportProblem';
import { attempt, showToast } from './toasts.svelte';
import { leave } from './leaveGuard';
import { plural } from './format';

export type ExportFormat = 'pdf' | 'csv' | 'xlsx';

/** `options` are what `choice.preview` was read with, so applying imports exactly what is shown. */
export type WorksheetDialog =
  { kind: 'export' } | { kind: 'import-choose' } | { kind: 'import-preview'; choice: ImportChoice; options: ImportOptions };

/** US and Canadian users print on Letter; everyone else on A4. */
export function defaultPaper(language: string | undefined): Paper {
  return /^(en|es|fr)-(US|CA)$/i.test(language ?? '') ? 'letter' : 'a4';
}

export const worksheet = $state<{
  dialog: WorksheetDialog | null;
  /** A command is running (a native dialog is open, or files are being read or written). */
  busy: boolean;
  /** What the running export reports it is doing; null until Rust says. */
  stage: string | null;
  format: ExportFormat;
  paper: Paper;
  bom: boolean;
}>({
  dialog: null,
  busy: false,
  stage: null,
  format: 'pdf',
  paper: defaultPaper(typeof navigator === 'undefined' ? undefined : navigator.language),
  bom: false,
});

/** Opens the export dialog on `format`, or on the format chosen last. */
export function openExport(format?: ExportFormat): void {
  if (worksheet.busy) return;
  if (format) worksheet.format = format;
  worksheet.dialog = { kind: 'export' };
}

/** Starts an import; a page with unsaved changes is asked first, as the import reloads the register. */
export function openImport(): void {
  if (worksheet.busy) return;
  leave(() => {
    worksheet.dialog = { kind: 'import-choose' };
  });
}

export function closeWorksheetDialog(): void {
  if (!worksheet.busy) worksheet.dialog = null;
}

export function handleMenu(action: MenuAction): void {
  if (action === 'export-pdf') openExport('pdf');
  else if (action === 'export-csv') openExport('csv');
  else if (action === 'export-xlsx') openExport('xlsx');
  else if (action === 'import') openImport();
}

export function setStage(stage: string): void {
  if (worksheet.busy) worksheet.stage = stage;
}

/** Runs `work` with the dialogs busy; a failure is shown as a toast and gives undefined. */
async function busyWith<T>(work: () => Promise<T>): Promise<T | undefined> {
  worksheet.busy = true;
  worksheet.stage = null;
  let result: T | undefined;
  await attempt(async () => {
    result = await work();
  });
  worksheet.busy = false;
  worksheet.stage = null;
  return result;
}

/** Runs the export the open dialog describes. A cancelled native dialog leaves it open. */
export async function runExport(): Promise<void> {
  if (worksheet.busy || worksheet.dialog?.kind !== 'export') return;
  const format = worksheet.format;
  const written = await busyWith(() => EXPORTS[format].run());
  if (!written) return;
  worksheet.dialog = null;
  showToast('success', EXPORTS[format].saved(written));
}

/** What each export format calls, and how its success reads. */
const EXPORTS: Record<ExportFormat, { run: () => Promise<string | null>; saved: (written: string) => string }> = {
  pdf: { run: () => call('export_pdf', { paper: worksheet.paper }), saved: (file) => `Saved the worksheet to ${file}` },
  csv: {
    run: () => call('export_csv', { bom: worksheet.bom }),
    saved: (dir) => `Saved providers.csv, scenarios.csv, history.csv and reviews.csv to ${dir}`,
  },
  xlsx: { run: () => call('export_xlsx'), saved: (file) => `Saved the workbook to ${file}` },
};

/** Lets the user pick a CSV file or an export folder, then shows what importing it would do. */
export async function chooseImport(what: 'file' | 'folder'): Promise<void> {
  if (worksheet.busy) return;
  const choice = await busyWith(() => (what === 'file' ? call('choose_import_file') : call('choose_import_folder')));
  if (choice) worksheet.dialog = { kind: 'import-preview', choice, options: { sheet: null, columns: [] } };
}

/** How a choice names `column` to Rust: its header, or its letter when the header is blank or
 *  shared with another column (Rust matches headers ignoring case, spaces and punctuation). */
export function columnKey(column: ColumnReading, columns: ColumnReading[]): string {
  const folded = fold(column.header);
  if (!folded) return column.letter;
  return columns.filter((c) => fold(c.header) === folded).length > 1 ? column.letter : column.header;
}

function fold(text: string): string {
  return [...text]
    .filter((c) => /[\p{L}\p{N}]/u.test(c))
    .join('')
    .toLowerCase();
}

/** Reads `column` as `reading` ("" to ignore it), keeping every choice made before. */
export function chooseReading(column: ColumnReading, reading: string): Promise<void> {
  const dialog = worksheet.dialog;
  if (dialog?.kind !== 'import-preview') return Promise.resolve();
  const key = columnKey(column, dialog.choice.preview.columns);
  const columns: ColumnChoice[] = [...dialog.options.columns.filter((c) => c.column !== key), { column: key, reading }];
  // The sheet shown is pinned, so a column choice never makes Rust pick another sheet.
  return repreview({ sheet: dialog.choice.preview.sheet, columns });
}

/** Reads another sheet of the workbook; column choices belonged to the old sheet and are dropped. */
export function chooseSheet(sheet: string): Promise<void> {
  return repreview({ sheet, columns: [] });
}

/** The stage while a changed sheet or column is previewed again (shown beside the columns). */
export const REREADING = 'Reading the file again…';

/** Previews the chosen file again; on failure the preview shown (and its options) stay. */
async function repreview(chosen: ImportOptions): Promise<void> {
  const dialog = worksheet.dialog;
  if (worksheet.busy || dialog?.kind !== 'import-preview') return;
  const options = $state.snapshot(chosen);
  const path = dialog.choice.path;
  const choice = await busyWith(() => {
    worksheet.stage = REREADING;
    return call('preview_import', { path, options });
  });
  if (choice && worksheet.dialog === dialog) worksheet.dialog = { kind: 'import-preview', choice, options };
}

/** Applies the previewed import; Rust then reports the register changed, and the app reloads it. */
export async function applyImport(): Promise<void> {
  const dialog = worksheet.dialog;
  if (worksheet.busy || dialog?.kind !== 'import-preview' || !canApply(dialog.choice.preview)) return;
  const path = dialog.choice.path;
  const options = $state.snapshot(dialog.options);
  const outcome = await busyWith(() => {
    worksheet.stage = 'Importing, all of it or nothing…';
    return call('apply_import', { path, options });
  });
  if (!outcome) return;
  worksheet.dialog = null;
  showToast('success', importedMessage(outcome, path));
}

/** The UI's copy of Rust's `ImportPreview::can_apply`: any rejected row refuses the whole import. */
export function canApply(preview: ImportPreview): boolean {
  return preview.rejected.length === 0;
}

/** Whether applying would change anything at all. */
export function changesAnything(preview: ImportPreview): boolean {
  return preview.created.length + preview.updated.length > 0 || preview.snapshots > 0;
}

export function importedMessage(outcome: ImportPreview, path: string): string {
  const created = outcome.created.length;
  const updated = outcome.updated.length;
  if (created && updated) return `Imported ${created} new and ${updated} updated providers from ${path}`;
  if (created) return `Imported ${plural(created, 'new provider')} from ${path}`;
  if (updated) return `Imported ${plural(updated, 'updated provider')} from ${path}`;
  if (outcome.snapshots) return `Imported ${plural(outcome.snapshots, 'assessment')} from ${path}`;
  return `Nothing to import: the register already matches ${path}`;
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "E (Tier)", "E", or "" for a problem with the whole file or row. */
export function columnLabel(problem: ImportProblem): string {
  if (problem.column === null) return '';
  const name = problem.column_name?.trim();
  return name ? `${columnLetters(problem.column)} (${name})` : columnLetters(problem.column);
}
