// The register's money figures as the register table and the Money page read them: the latest
// results from Rust, whether a run is going and how far it has got. Rust caches the figures until
// an input changes, so asking again after every edit is cheap when nothing that prices changed.
import type { MoneyProviderResult } from './bindings/MoneyProviderResult';
import type { MoneyResults } from './bindings/MoneyResults';
import { call, listen, toCommandError, type UnlistenFn } from './ipc';

export interface MoneyState {
  /** The latest figures; null until the first run answers. */
  readonly results: MoneyResults | null;
  /** A request is on its way. */
  readonly loading: boolean;
  /** A simulation is running (not just a cached answer on its way): cells show a placeholder. */
  readonly running: boolean;
  /** How far the running simulation has got, 0 … 1. */
  readonly progress: number;
  /** Why the last request failed, if it did. */
  readonly error: string | null;
  /** One provider's figures; undefined when it is not in the run (retired, or results pending). */
  of(id: number): MoneyProviderResult | undefined;
}

export interface MoneyResultsStore extends MoneyState {
  /** Asks Rust for the figures again; an older request's answer is dropped. */
  refresh(): Promise<void>;
  /** Follows `money-progress`; resolves to the function that stops. */
  listenProgress(): Promise<UnlistenFn>;
}

/** A `null` answer means another request superseded ours; ask again a few times at most. */
const RETRIES = 2;

export function createMoneyResults(): MoneyResultsStore {
  // Raw: answers are replaced whole, never edited.
  let results = $state.raw<MoneyResults | null>(null);
  let loading = $state(false);
  let sawProgress = $state(false);
  let progress = $state(0);
  let error = $state<string | null>(null);
  // Rebuilt whole with each answer and never edited, so a plain Map is all it needs.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  const byProvider = $derived(new Map((results?.providers ?? []).map((p) => [p.provider_id, p])));
  let request = 0;

  async function ask(mine: number, retries: number): Promise<void> {
    try {
      const next = await call('get_money_results');
      if (mine !== request) return;
      if (next === null) {
        if (retries > 0) return ask(mine, retries - 1);
      } else {
        results = next;
        error = null;
      }
    } catch (e) {
      if (mine === request) error = toCommandError(e).message;
    }
    if (mine === request) {
      loading = false;
      sawProgress = false;
    }
  }

  function refresh(): Promise<void> {
    const mine = ++request;
    loading = true;
    sawProgress = false;
    progress = 0;
    return ask(mine, RETRIES);
  }

  function listenProgress(): Promise<UnlistenFn> {
    return listen('money-progress', ({ done }) => {
      if (!loading) return;
      progress = Math.min(1, Math.max(0, done));
      sawProgress = done < 1;
    });
  }

  return {
    get results() {
      return results;
    },
    get loading() {
      return loading;
    },
    get running() {
      return loading && (results === null || sawProgress);
    },
    get progress() {
      return progress;
    },
    get error() {
      return error;
    },
    of: (id) => byProvider.get(id),
    refresh,
    listenProgress,
  };
}
