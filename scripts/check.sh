#!/usr/bin/env bash
# Pilote's whole test suite, as CI runs it on a fresh machine. Installs what it needs when
# missing (idempotent), then: rustfmt check, clippy -D warnings, all tests, wasm32 check.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

log "toolchain"
# rust-toolchain.toml pins 1.95.0; make sure its components and the web target are there.
rustup component add clippy rustfmt >/dev/null 2>&1 || true
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
rustc --version

log "system packages"
# Xvfb and Mesa let scripts/screenshot.sh open a real window; Mesa's Vulkan driver (lavapipe)
# also renders the Gantt's image snapshot test (egui_kittest with wgpu) on the CPU. The other
# UI tests run headless and need none of it.
need=()
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v import >/dev/null 2>&1 || need+=(imagemagick)
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || need+=(mesa-vulkan-drivers)
dpkg -s libgl1-mesa-dri >/dev/null 2>&1 || need+=(libgl1-mesa-dri)
dpkg -s libxkbcommon-x11-0 >/dev/null 2>&1 || need+=(libxkbcommon-x11-0)
# pdftotext reads the text of the steering-committee report's PDF back in its test.
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "note: not root, skipping apt-get install of ${need[*]} (only screenshots need them)"
  fi
fi

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy --all-targets -D warnings"
cargo clippy --all-targets -- -D warnings

log "MPXJ, the independent reader the MS Project XML export is checked against"
# Java 17 is on the machine; the venv holds MPXJ and JPype (scripts/mpxj-venv.sh, idempotent).
if py="$(bash scripts/mpxj-venv.sh)"; then
  export MPXJ_PYTHON="$py"
else
  echo "note: the MPXJ venv could not be made; the MPXJ cross-check test will say it skipped"
fi

log "cargo test"
cargo test --all-targets

log "cargo check --target wasm32-unknown-unknown (with clippy -D warnings)"
cargo clippy --target wasm32-unknown-unknown -- -D warnings

log "pilote check on the samples (English and French)"
cargo run --quiet -- check assets/samples/*.ron

log "fuzzing the loaders, 30 s each (scripts/fuzz.sh)"
bash scripts/fuzz.sh 30

log "web build and real-browser test (headless Chromium)"
bash scripts/web-test.sh

log "all checks passed"
