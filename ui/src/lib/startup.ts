// The answers to the reads public/start.js started before the app's script ran. Each is taken
// once, by the app's first load; every later load (and the browser mock, and tests) calls Rust
// as usual.
import { call, toCommandError, type ResultOf } from './ipc';

type Started = 'list_register_rows' | 'get_register_info';

declare global {
  interface Window {
    __lifeboatStarted?: Partial<Record<Started, Promise<unknown>>>;
  }
}

/** `call(command)`, answered by the read started at launch if it has not been taken yet. */
export function firstCall<C extends Started>(command: C): Promise<ResultOf<C>> {
  const started = window.__lifeboatStarted?.[command] as Promise<ResultOf<C>> | undefined;
  // Both take no arguments; checked on the pair, not on the generic C.
  if (!started) return call<Started>(command) as Promise<ResultOf<C>>;
  delete window.__lifeboatStarted![command];
  return started.catch((raw: unknown) => {
    throw toCommandError(raw);
  });
}
