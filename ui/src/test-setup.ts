import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';

afterEach(() => {
  // Pure-logic suites run without a DOM, where there is no IPC to reset.
  if (typeof window !== 'undefined') clearMocks();
});
