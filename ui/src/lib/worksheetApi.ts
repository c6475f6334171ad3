// Typed wrappers around the export and import commands (Rust: src-tauri/app/worksheet_commands.rs).
// Rust opens the native dialogs and reads and writes the files; a command resolves to null when
// the user cancelled its dialog.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import { toAppError } from './api';
import type { ExportProgress } from './bindings/ExportProgress';
import type { ImportChoice } from './bindings/ImportChoice';
import type { ImportPreview } from './bindings/ImportPreview';
import type { Paper } from './bindings/Paper';

export type { ExportProgress, ImportChoice, ImportPreview, Paper };

/** What the File menu's worksheet items ask the UI to do. */
export type MenuAction = 'open-register' | 'export-pdf' | 'export-csv' | 'import';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const worksheetApi = {
  /** Asks where to save, writes the PDF; the path written, or null if cancelled. */
  exportPdf: (paper: Paper) => call<string | null>('export_pdf', { paper }),
  /** Asks for a folder, writes the CSV files; the folder, or null if cancelled. */
  exportCsv: (bom: boolean) => call<string | null>('export_csv', { bom }),
  /** Asks for a CSV file and previews its import; nothing is written. */
  chooseImportFile: () => call<ImportChoice | null>('choose_import'),
  /** Asks for a Lifeboat export folder and previews its import; nothing is written. */
  chooseImportFolder: () => call<ImportChoice | null>('choose_import_folder'),
  /** Imports what was previewed, in one transaction. */
  applyImport: (path: string) => call<ImportPreview>('apply_import', { path }),
};

export function onMenu(handler: (action: MenuAction) => void): Promise<UnlistenFn> {
  return listen<MenuAction>('menu', (event) => handler(event.payload));
}

export function onExportProgress(handler: (progress: ExportProgress) => void): Promise<UnlistenFn> {
  return listen<ExportProgress>('export-progress', (event) => handler(event.payload));
}
