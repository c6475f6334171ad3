// Short notices at the corner of the window: results of actions and messages from Rust.
import { toCommandError } from './ipc';
export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

// Errors stay longer: they usually need reading, and sometimes acting on.
const LIFETIME: Record<ToastKind, number> = { success: 4000, info: 4000, error: 9000 };

let nextId = 1;
export const toasts = $state<Toast[]>([]);

export function dismissToast(id: number): void {
  const index = toasts.findIndex((t) => t.id === id);
  if (index >= 0) toasts.splice(index, 1);
}

export function showToast(kind: ToastKind, message: string): number {
  const id = nextId++;
  toasts.push({ id, kind, message });
  // Keeps the stack readable if many notices arrive at once.
  while (toasts.length > 4) toasts.shift();
  setTimeout(() => dismissToast(id), LIFETIME[kind]);
  return id;
}

/**
 * Runs `work`; if it fails, its message is shown as an error toast, and if it succeeds,
 * `success` (when given) as a success toast. Never rejects: resolves to whether `work` succeeded.
 */
export async function attempt(work: () => Promise<unknown>, success?: string): Promise<boolean> {
  try {
    await work();
  } catch (e) {
    showToast('error', toCommandError(e).message);
    return false;
  }
  if (success !== undefined) showToast('success', success);
  return true;
}
