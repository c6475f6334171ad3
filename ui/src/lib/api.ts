// Typed wrappers around the Rust commands: the only place that knows command names and argument
// shapes, so a rename on the Rust side is a one-line change here.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { ProviderDraft } from './bindings/ProviderDraft';
import type { RegisterRow } from './bindings/RegisterRow';
import type { RiskProfile } from './bindings/RiskProfile';
import type { Scores } from './bindings/Scores';
import type { Status } from './bindings/Status';
import type { FailureMode } from './bindings/FailureMode';
import type { CommandError } from './bindings/CommandError';
import type { ProviderDetail } from './bindings/ProviderDetail';
import type { RegisterInfo } from './bindings/RegisterInfo';

export type { ProviderDetail, RegisterInfo };

export interface Notice {
  kind: 'success' | 'error';
  message: string;
}

/** What every command rejects with; `fields` is empty unless `kind` is "validation". */
export type AppError = CommandError;

/** Turns whatever a rejected command produced into an AppError, so callers handle one shape. */
export function toAppError(raw: unknown): AppError {
  if (raw && typeof raw === 'object' && 'message' in raw) {
    const obj = raw as Partial<AppError>;
    return {
      kind: typeof obj.kind === 'string' ? obj.kind : 'error',
      message: String(obj.message),
      fields: Array.isArray(obj.fields) ? obj.fields : [],
    };
  }
  if (typeof raw === 'string') return { kind: 'error', message: raw, fields: [] };
  return { kind: 'error', message: 'Something went wrong.', fields: [] };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const api = {
  registerInfo: () => call<RegisterInfo>('register_info'),
  /** File > Open register…: a native file dialog, then the chosen register (or nothing). */
  openRegister: () => call<void>('open_register'),
  listRegister: () => call<RegisterRow[]>('list_register'),
  getProvider: (id: number) => call<ProviderDetail>('get_provider', { id }),
  newProviderDraft: () => call<ProviderDraft>('new_provider_draft'),
  createProvider: (draft: ProviderDraft) => call<ProviderDetail>('create_provider', { draft }),
  updateProvider: (id: number, draft: ProviderDraft) => call<ProviderDetail>('update_provider', { id, draft }),
  scoreRisk: (risk: RiskProfile) => call<Scores>('score_risk', { risk }),
  setProviderStatus: (id: number, status: Status) => call<void>('set_provider_status', { id, status }),
  deleteProvider: (id: number) => call<void>('delete_provider', { id }),
  confirmUnchanged: (id: number) => call<ProviderDetail>('confirm_unchanged', { id }),
  catalogue: () => call<FailureMode[]>('catalogue'),
  loadDemo: () => call<void>('load_demo'),
  dismissDemo: () => call<void>('dismiss_demo'),
};

export function onRegisterChanged(handler: () => void): Promise<UnlistenFn> {
  return listen('register-changed', () => handler());
}

export function onNotice(handler: (notice: Notice) => void): Promise<UnlistenFn> {
  return listen<Notice>('notice', (event) => handler(event.payload));
}
