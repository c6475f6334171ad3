# Lifeboat: `make run` opens the app, `make test` runs every test. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := run
# .tools holds a Node.js from the npm registry when the system's is older than Vite needs.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
BUILD_PACKAGES := pkg-config build-essential libwebkit2gtk-4.1-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
TEST_PACKAGES := xvfb xauth dbus webkit2gtk-driver poppler-utils imagemagick
# The anchors the benchmarks compare against: SQLite's shell for the CSV export, LibreOffice
# for the PDF.
BENCH_PACKAGES := sqlite3 libreoffice-calc-nogui
APP := target/debug/lifeboat
UI_SOURCES := $(shell find ui/src ui/index.html -type f 2>/dev/null) ui/vite.config.ts ui/package.json

.PHONY: run dev test lint deps test-deps ui app bindings test-e2e bench deb deb-check clean

## Opens the app on the register in the application-data folder (ARGS="--db FILE" for another).
run: deps app
	$(APP) $(ARGS)

## The real window on the Vite dev server: edits to ui/src reload in place (ARGS as for run).
# Without the custom-protocol feature the app loads tauri.conf.json's devUrl instead of ui/dist.
dev: deps
	cd ui && npx vite --port 5173 --strictPort & vite=$$!; \
	trap 'kill $$vite 2>/dev/null' EXIT; \
	until curl -sf http://localhost:5173 >/dev/null; do sleep 0.2; done; \
	cargo run --no-default-features --bin lifeboat -- $(ARGS)

## Runs every test: Rust unit and integration, UI unit, and end-to-end in the real window.
# The UI is built first because the app embeds ui/dist at compile time. The Rust unit tests
# write the IPC bindings anew (stale ones are removed first), and the run stops if they differ
# from the committed ones; the integration tests in tests/ build without Tauri. Every cargo
# step selects the whole workspace, so dependencies are built once with one set of features.
test: deps test-deps ui
	rm -f ui/src/lib/bindings/*.ts
	cargo test --workspace --lib --bins
	.ci/bindings-fresh
	$(MAKE) --no-print-directory app
	cd ui && npm run check && npm test
	cargo test --workspace --test '*' --no-fail-fast -- --skip e2e_
	$(MAKE) --no-print-directory test-e2e

## Format, lints and the rule that the core never names Tauri. The UI is built first because
## clippy compiles the app, which embeds ui/dist.
lint: deps ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	.ci/no-tauri-in-core
	cd ui && npm run check && npm run lint

## Debian packages, Node modules and tools, each only if missing.
deps:
	@$(call apt_install,$(BUILD_PACKAGES))
	@command -v cargo >/dev/null || { echo "Rust is missing: install it from rustup.rs, then run make again."; exit 1; }
	@command -v npm >/dev/null || { $(call apt_install,nodejs npm); }
	@# Vite 7 needs Node 20.19+ or 22.12+; Debian 12 and Ubuntu LTS ship older ones.
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1)' \
		|| { echo "Node.js $$(node -v) is too old for the UI build; installing Node 22 into .tools"; npm install --prefix .tools --no-audit --no-fund node@22; }
	@# npm ci rejects lock files written without "resolved" addresses (as this machine's npm
	@# config writes them); npm install keeps to the lock file all the same.
	@[ ui/node_modules/.package-lock.json -nt ui/package-lock.json ] || (cd ui && npm install --no-audit --no-fund)

test-deps:
	@$(call apt_install,$(TEST_PACKAGES))
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

# Installs the Debian packages among $(1) that are not installed yet.
define apt_install
missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
if [ -n "$$missing" ]; then echo "Installing: $$missing"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
endef

## The TypeScript types of the IPC boundary, generated from the Rust types by ts-rs.
bindings:
	rm -f ui/src/lib/bindings/*.ts
	cargo test --workspace --lib --bins export_bindings -q

ui: ui/dist/index.html
ui/dist/index.html: $(UI_SOURCES) ui/node_modules/.package-lock.json
	cd ui && npm run build

app: ui
	cargo build

test-e2e: app
	tests/e2e/run.sh

## Benchmarks, each against its anchor (figures go in docs/PERFORMANCE.md): the worksheet
## against sqlite3 and LibreOffice, the money simulation, the dependency graph, sorting in the
## UI, and the release app's start-up against a bare Tauri window.
bench: deps test-deps ui
	@$(call apt_install,$(BENCH_PACKAGES))
	cargo bench -p lifeboat-core --bench register
	cargo bench -p lifeboat-core --bench dependencies
	cargo bench -p lifeboat-core --bench money
	cd ui && npm run bench
	cargo build --release --bin lifeboat --example bare_window
	LIFEBOAT_E2E_APP=$(CURDIR)/target/release/lifeboat LIFEBOAT_BARE_APP=$(CURDIR)/target/release/examples/bare_window \
		xvfb-run --auto-servernum --server-args="-screen 0 1440x960x24" \
		dbus-run-session -- cargo bench --profile dev --bench app_startup

## A .deb package (the only bundle target; AppImage needs downloads at build time), written to
## target/release/bundle/deb/. The Tauri CLI runs from the root, where tauri.conf.json sits
## beside the app's Cargo.toml; it builds the UI itself (beforeBuildCommand, run in ui/).
deb: deps
	ui/node_modules/.bin/tauri build --bundles deb

## Builds the .deb, then checks it as a user would get it: contents, size, that it installs,
## and that the installed app answers --version and writes the demo register (then removes it).
deb-check: deb
	.ci/check-deb target/release/bundle/deb/Lifeboat_*.deb

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
