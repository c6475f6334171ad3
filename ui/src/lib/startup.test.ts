import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { firstCall } from './startup';

describe('firstCall', () => {
  afterEach(() => {
    clearMocks();
    delete window.__lifeboatStarted;
  });

  it('takes the read started at launch once, then asks Rust', async () => {
    const asked: string[] = [];
    mockIPC((command) => {
      asked.push(command);
      return [];
    });
    window.__lifeboatStarted = { list_register_rows: Promise.resolve([{ id: 1 }]) };
    await expect(firstCall('list_register_rows')).resolves.toEqual([{ id: 1 }]);
    expect(asked).toEqual([]);
    await expect(firstCall('list_register_rows')).resolves.toEqual([]);
    expect(asked).toEqual(['list_register_rows']);
  });

  it('turns a failed early read into a command error', async () => {
    window.__lifeboatStarted = { get_register_info: Promise.reject('database is locked') };
    await expect(firstCall('get_register_info')).rejects.toEqual({ kind: 'unexpected', message: 'database is locked', fields: [] });
  });
});
