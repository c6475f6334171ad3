// The register's first two reads, started while the app's own script is still loading (tens of
// milliseconds on a cold start): src/lib/startup.ts hands their answers to the app's first load.
// Outside Tauri (the browser mock, tests) there is nothing to start.
(function () {
  const ipc = window.__TAURI_INTERNALS__;
  if (!ipc) return;
  const started = {};
  for (const command of ['list_register_rows', 'get_register_info']) {
    started[command] = ipc.invoke(command);
    // Taken by the app, or never read: not an unhandled rejection either way.
    started[command].catch(() => {});
  }
  window.__lifeboatStarted = started;
})();
