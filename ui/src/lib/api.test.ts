import { describe, expect, it } from 'vitest';
import { mockIPC } from '@tauri-apps/api/mocks';
import { api, toAppError } from './api';
import { draft } from '../test/drafts';

describe('api', () => {
  it('sends the arguments under the names the Rust commands take', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const d = draft();
    await api.updateProvider(7, d);
    await api.setProviderStatus(7, 'retired');
    await api.scoreRisk(d.risk);
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
    await expect(api.createProvider(draft())).rejects.toEqual({
      kind: 'validation',
      message: 'Invalid',
      fields: [{ field: 'profile.name', message: 'Name is required.' }],
    });
  });

  it('turns a plain string rejection into an error with a message', async () => {
    mockIPC(() => Promise.reject('database is locked'));
    await expect(api.listRegister()).rejects.toEqual({ kind: 'error', message: 'database is locked', fields: [] });
  });
});

describe('toAppError', () => {
  it('never loses the message of an unexpected error', () => {
    expect(toAppError(new Error('boom')).message).toBe('boom');
    expect(toAppError(undefined).message).toBe('Something went wrong.');
  });
});
