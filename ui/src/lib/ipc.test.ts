import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { call, toCommandError } from './ipc';
import { draft } from '../test/builders';

describe('call', () => {
  it('sends the arguments under the names the Rust commands take', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const d = draft();
    await call('update_provider', { id: 7, draft: d });
    await call('set_provider_status', { id: 7, status: 'retired' });
    await call('score_risk', { risk: d.risk });
    expect(calls).toEqual([
      ['update_provider', { id: 7, draft: d }],
      ['set_provider_status', { id: 7, status: 'retired' }],
      ['score_risk', { risk: d.risk }],
    ]);
  });

  it('rejects with the validation fields Rust sent', async () => {
    mockIPC(() => {
      throw { kind: 'validation', message: 'Invalid', fields: [{ field: 'profile.name', message: 'Name is required.' }] };
    });
    await expect(call('create_provider', { draft: draft() })).rejects.toEqual({
      kind: 'validation',
      message: 'Invalid',
      fields: [{ field: 'profile.name', message: 'Name is required.' }],
    });
  });

  it('turns a plain string rejection into an error with a message', async () => {
    mockIPC(() => Promise.reject('database is locked'));
    await expect(call('list_register_rows')).rejects.toEqual({ kind: 'unexpected', message: 'database is locked', fields: [] });
  });
});

describe('toCommandError', () => {
  it('never loses the message of an unexpected error', () => {
    expect(toCommandError(new Error('boom')).message).toBe('boom');
    expect(toCommandError(undefined).message).toBe('Something went wrong.');
  });
});
