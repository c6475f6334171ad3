// A scripted back end for tests: answers the commands a test names, records every call, and
// refuses any other command, so a test notices a call it did not expect.
import { emit } from '@tauri-apps/api/event';
import { mockIPC } from '@tauri-apps/api/mocks';
import type { EventName, Events } from '$lib/bindings/ipc';
import type { CommandHandlers, CommandName } from '$lib/ipc';

export type Sent = [CommandName, Record<string, unknown>];

export function mockCommands(
  handlers: CommandHandlers,
  otherwise: (cmd: string) => unknown = (cmd) => {
    throw new Error(`unexpected ${cmd}`);
  },
): Sent[] {
  const calls: Sent[] = [];
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    calls.push([cmd as CommandName, args]);
    const handler = handlers[cmd as CommandName] as ((args: unknown) => unknown) | undefined;
    return handler ? handler(args) : otherwise(cmd);
  });
  return calls;
}

/** Emits an app event as Rust would (with `mockIPC`'s `shouldMockEvents`), typed like `listen`. */
export function emitEvent<E extends EventName>(event: E, ...payload: Events[E] extends null ? [] : [Events[E]]): Promise<void> {
  return emit(event, payload[0]);
}
