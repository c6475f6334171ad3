#!/usr/bin/env bash
# Runs the end-to-end tests in the real app window: a virtual X display, a private D-Bus
# session (the single-instance plugin needs one), tauri-driver and WebKitWebDriver.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"
export LIFEBOAT_E2E_APP="${LIFEBOAT_E2E_APP:-$PWD/target/debug/lifeboat}"
export LIFEBOAT_E2E_SHOTS="${LIFEBOAT_E2E_SHOTS:-$PWD/target/e2e-screenshots}"
mkdir -p "$LIFEBOAT_E2E_SHOTS"
exec xvfb-run --auto-servernum --server-args="-screen 0 1440x960x24" \
  dbus-run-session -- \
  cargo test --test e2e -- --test-threads=1 e2e_
