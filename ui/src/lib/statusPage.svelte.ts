// Importing a provider's incident history from a status page's JSON export: Rust opens the file
// dialog and previews; only Apply writes, and only the file previewed.
import { call } from '$lib/ipc';
import { attempt } from '$lib/toasts.svelte';
import { plural } from '$lib/format';
import type { StatusPageChoice } from '$lib/bindings/StatusPageChoice';
import type { StatusPageEntry } from '$lib/bindings/StatusPageEntry';

/** Resolved − started in minutes, or null while the status page shows it unresolved. */
export function minutesToRecover(entry: StatusPageEntry): number | null {
  if (!entry.resolved) return null;
  const minutes = (Date.parse(entry.resolved) - Date.parse(entry.started)) / 60_000;
  return Number.isFinite(minutes) ? minutes : null;
}

export function createStatusPageImport(providerId: () => number, onchanged: () => void) {
  let choice = $state.raw<StatusPageChoice | null>(null);
  let busy = $state(false);

  async function choose() {
    if (busy) return;
    busy = true;
    try {
      await attempt(async () => {
        choice = await call('choose_status_page_file', { provider: providerId() });
      });
    } finally {
      busy = false;
    }
  }

  async function apply() {
    if (!choice || busy) return;
    const { path, preview } = choice;
    busy = true;
    try {
      const done = await attempt(
        () => call('apply_status_page', { path, provider: providerId() }),
        `Added ${plural(preview.added.length, 'incident')} from the status page.`,
      );
      if (done) {
        choice = null;
        onchanged();
      }
    } finally {
      busy = false;
    }
  }

  return {
    get choice() {
      return choice;
    },
    get busy() {
      return busy;
    },
    choose,
    apply,
    cancel() {
      if (!busy) choice = null;
    },
  };
}

export type StatusPageImport = ReturnType<typeof createStatusPageImport>;
