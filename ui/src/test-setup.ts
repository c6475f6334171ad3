import { afterEach } from 'vitest';
import { clearMocks } from '@tauri-apps/api/mocks';

// jsdom has no layout, hence no ResizeObserver; WebKitGTK has both. Sizes simply stay 0.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: NoResizeObserver });
}

afterEach(() => {
  // Pure-logic suites run without a DOM, where there is no IPC to reset.
  if (typeof window !== 'undefined') clearMocks();
});
