import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

async function start() {
  // Outside Tauri (a plain browser during development, or `vite build --mode mock` to measure an
  // optimised build) a fake back end stands in. Both conditions are constants at build time, so
  // the production bundle never contains it.
  const mockable = import.meta.env.DEV || import.meta.env.MODE === 'mock';
  if (mockable && new URLSearchParams(location.search).has('mock')) {
    const { installMockBackend, runClickScript } = await import('./dev/mockBackend');
    installMockBackend(new URLSearchParams(location.search));
    runClickScript(new URLSearchParams(location.search));
  }
  mount(App, { target: document.getElementById('app')! });
}

void start();
