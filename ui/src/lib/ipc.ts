// The one way the UI talks to Rust: `call` a command, `listen` to an event. Both are typed from
// the declarations Rust generates (bindings/ipc.ts), so a command's name, arguments and answer
// are checked at every call site, e.g. `call('get_provider', { id })`.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import { listen as listenTauri, type UnlistenFn } from '@tauri-apps/api/event';
import type { CommandError } from './bindings/CommandError';
import type { ErrorKind } from './bindings/ErrorKind';
import type { CommandName, Commands, EventName, Events } from './bindings/ipc';

export type { CommandError, CommandName, EventName, UnlistenFn };

/** What a command takes; `{}` for one without arguments. */
export type ArgsOf<C extends CommandName> = Commands[C]['args'];
/** What a command resolves to. */
export type ResultOf<C extends CommandName> = Commands[C]['result'];
/** A command without arguments takes no second argument. */
type CallArgs<C extends CommandName> = keyof ArgsOf<C> extends never ? [] : [args: ArgsOf<C>];

/**
 * Turns whatever a rejected command produced into a CommandError, so callers handle one shape.
 * Anything that is not one already gets the kind "unexpected" and keeps its message.
 */
export function toCommandError(raw: unknown): CommandError {
  if (raw && typeof raw === 'object' && 'message' in raw) {
    const obj = raw as Partial<CommandError>;
    return {
      kind: typeof obj.kind === 'string' ? (obj.kind as ErrorKind) : 'unexpected',
      message: String(obj.message),
      fields: Array.isArray(obj.fields) ? obj.fields : [],
    };
  }
  if (typeof raw === 'string') return { kind: 'unexpected', message: raw, fields: [] };
  return { kind: 'unexpected', message: 'Something went wrong.', fields: [] };
}

/** A stand-in for some of Rust's commands (the dev mock back end, tests), typed like `call`. */
export type CommandHandlers = {
  [C in CommandName]?: (args: ArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
};

/** Runs a Rust command; rejects with a CommandError. */
export async function call<C extends CommandName>(command: C, ...args: CallArgs<C>): Promise<ResultOf<C>> {
  try {
    return await invoke<ResultOf<C>>(command, (args as [InvokeArgs?])[0]);
  } catch (raw) {
    throw toCommandError(raw);
  }
}

/** Listens to an event Rust emits; resolves to the function that stops listening. */
export function listen<E extends EventName>(event: E, handler: (payload: Events[E]) => void): Promise<UnlistenFn> {
  return listenTauri<Events[E]>(event, (e) => handler(e.payload));
}
