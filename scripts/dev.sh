#!/usr/bin/env bash
# Escalera's one developer script. Two verbs, both idempotent:
#   scripts/dev.sh serve   install what is missing, build, serve the app on http://127.0.0.1:8080
#   scripts/dev.sh test    install what is missing, run every test layer, print the bundle size
#   scripts/dev.sh bench   (also part of test) build and print the performance figures
# Only the Rust toolchain is assumed. Everything else comes from crates.io, npm and Debian,
# and nothing downloads a binary at build time (Trunk runs --offline, wasm-opt comes from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

log() { printf '\n==> %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Version of wasm-bindgen that Cargo.lock resolved: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

install_debian_packages() {
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  command -v gzip >/dev/null || missing+=(gzip)
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing from Debian: ${missing[*]}"
    sudo_if_needed apt-get update -q
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
}

# LibreOffice Calc without its desktop parts: a test opens an exported CSV in a real
# spreadsheet and reads the cells back (only the test command needs it).
install_spreadsheet() {
  if ! command -v soffice >/dev/null; then
    log "Installing LibreOffice Calc (headless) from Debian for the CSV check"
    sudo_if_needed apt-get update -q
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-calc-nogui
  fi
}

install_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
    log "Installing Trunk 0.21 (0.22 needs a newer rustc); this compiles for a few minutes"
    cargo install trunk --version '~0.21' --locked
  fi
  local want; want=$(wasm_bindgen_version)
  if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then
    log "Installing wasm-bindgen-cli $want (must equal Cargo.lock)"
    # Not --locked: the CLI's own lock file names a crate version the registry does not serve.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

install_npm_packages() {
  # Reinstall only when package-lock.json changed since the last install.
  local stamp=node_modules/.escalera-lock
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    log "Installing npm tooling (wasm-opt, Playwright, axe-core); no browser download"
    npm ci --no-audit --no-fund
    cp package-lock.json "$stamp"
  fi
}

install_all() {
  install_debian_packages
  install_rust_tools
  install_npm_packages
  # Trunk reads the wasm-bindgen version from Trunk.toml; keep it equal to Cargo.lock.
  local want; want=$(wasm_bindgen_version)
  grep -q "wasm_bindgen = \"$want\"" Trunk.toml || {
    echo "Trunk.toml pins a wasm-bindgen other than Cargo.lock's $want: update [tools]" >&2; exit 1; }
}

build_release() {
  log "Building the release bundle (trunk --offline)"
  trunk build --release --offline
}

# The product owner's ceiling for the whole app, and a ratchet at the size measured last:
# the app is over the ceiling (README, "Bundle"), so the test fails only if it grows past the
# ratchet; raising the ratchet is a deliberate change with its cost in the README.
BUNDLE_CEILING_KIB=450
# 1132: +22.6 KiB for the rest of issue #20 (imports checked by the forms' rules, Spanish
# titles of built-in sources, saves that refuse a change they did not see, sorted pickers).
BUNDLE_RATCHET_KIB=1132

bundle_report() {
  log "Bundle size (gzip -9)"
  local total=0 f raw gz
  for f in dist/*.wasm dist/*.js dist/*.css; do
    [ -f "$f" ] || continue
    raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
    printf '  %-40s %8d bytes  %7d gzipped\n' "$(basename "$f")" "$raw" "$gz"
  done
  # Budget history (README, "Bundle"): 250 KiB for the foundation (issue #2); 350 KiB once
  # the rules engine and five compliance screens shipped (issue #3); the owner's 450 KiB
  # ceiling (issue #7), exceeded by the career-ladder screens (issue #9); +12 KiB for the
  # service worker (Workbox runtime, 5.5 KiB) and the boundary rules and offline shell (#8, #12);
  # +71 KiB for rule versions, the pathway editor and Fluent translations (#8); +31 KiB for
  # backup and restore with its reminder (#10); +4 KiB for the csv crate writing every CSV;
  # +30 KiB for the record file, calendar file, people/completions CSVs and transcript (#10);
  # +14 KiB for the trash and example data; +21 KiB for the roster import; +5 KiB for the
  # import of trainings completed (#10); +0.5 KiB for the imports reading their data only
  # once a file is chosen (the review); +44 KiB for merging a backup, the Open Badges
  # credential and reading large backups in steps (#10); +138 KiB for the trainers'
  # curricula, cohorts, assignments, sessions, board and forecast (#11); +88 KiB for sync
  # with an organization's CouchDB: protocol, engine, settings, status and conflicts (#13);
  # +5.6 KiB for tabs taking turns (Web Lock), revision stemming and retries with backoff;
  # +24.6 KiB for what new users found (#20): the verification list, renewals by the credential
  # held, partial attendance, es-US numbers, record-file origins, the dashboard's status lists;
# +22.6 KiB for imports checked by the forms' rules, Spanish sources and guarded saves (#20).
  printf '  %-40s %25d gzipped (%d KiB; ceiling %d KiB, ratchet %d KiB)\n' "total wasm+js+css" "$total" $((total / 1024)) "$BUNDLE_CEILING_KIB" "$BUNDLE_RATCHET_KIB"
  if [ "$total" -gt $((BUNDLE_CEILING_KIB * 1024)) ]; then
    echo "  NOTE: $(( (total - BUNDLE_CEILING_KIB * 1024) / 1024 )) KiB over the owner's $BUNDLE_CEILING_KIB KiB ceiling; see README \"Bundle\" for the cost of each part"
  fi
  if [ "$total" -gt $((BUNDLE_RATCHET_KIB * 1024)) ]; then echo "Bundle grew past the $BUNDLE_RATCHET_KIB KiB ratchet" >&2; return 1; fi
}

cmd_serve() {
  install_all
  log "Serving on http://127.0.0.1:${PORT:-8080} (Ctrl-C to stop)"
  exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
}

cmd_test() {
  install_all
  install_spreadsheet
  log "Layer 1: domain and translations (native cargo test)"
  cargo test --lib --tests --locked
  log "Layer 2: IndexedDB store in headless Chromium (wasm-bindgen-test)"
  cargo test --target wasm32-unknown-unknown --test store --locked
  build_release
  bundle_report
  log "Layer 3: end to end in Chromium (Playwright + axe-core)"
  npx playwright test
  benchmarks
}

# Numbers only: a benchmark never fails on timing (timed assertions flake).
benchmarks() {
  log "Benchmark: browser (load; upgrade, pages, keystroke and save at 5,000 people x 30 completions)"
  node tests/perf/bench.mjs
  log "Benchmark: sync with CouchDB (pouchdb-server): first push and pull of 5,000 people x 30 completions, one change to the other device"
  node tests/perf/sync-bench.mjs
  log "Benchmark: first load under Lighthouse's mobile profile"
  node tests/perf/lighthouse.mjs
  log "Benchmark: rules engine and readiness (criterion, release; targets under 50 ms each)"
  # Compiled first, in the open: a benchmark that no longer compiles says why (the run below
  # shows only its figures).
  cargo bench --locked --no-run --bench status --bench readiness
  cargo bench --locked --bench status --bench readiness -- --noplot 2>&1 | grep -E '^statuses|^readiness|time:'
}

cmd_bench() {
  install_all
  build_release
  bundle_report
  benchmarks
}

case "${1:-}" in
  serve) cmd_serve ;;
  test) cmd_test ;;
  bench) cmd_bench ;;
  install) install_all ;;
  *) echo "usage: scripts/dev.sh serve|test|bench" >&2; exit 2 ;;
esac
