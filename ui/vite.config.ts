/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri on Linux renders with WebKitGTK, which lags behind Chromium: keep the output to what
// Safari 15 understands.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['es2021', 'safari15'],
    // Everything must ship inside the bundle: the CSP forbids anything else.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  resolve: {
    // `$lib/…` is src/lib, as in tsconfig.json's paths.
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
    // Component tests mount Svelte's browser build in jsdom.
    ...(mode === 'test' ? { conditions: ['browser'] } : {}),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
}));
