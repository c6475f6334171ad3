import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

async function start() {
  // Outside Tauri (a plain browser during development) a fake back end stands in. The branch is
  // removed from production builds, so the shipped bundle never contains it.
  if (import.meta.env.DEV && new URLSearchParams(location.search).has('mock')) {
    const { installMockBackend, runClickScript } = await import('./dev/mockBackend');
    installMockBackend(new URLSearchParams(location.search));
    runClickScript(new URLSearchParams(location.search));
  }
  mount(App, { target: document.getElementById('app')! });
}

void start();
