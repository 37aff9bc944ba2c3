#!/usr/bin/env bash
# Builds the web app into dist/ with Trunk; installs the tools it needs when missing.
# Serve it with:  python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock, and
# Trunk must use it rather than download one (Trunk.toml [tools]).
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$wb\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be \"$wb\" (the version in Cargo.lock)" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  # Its own lockfile needs a newer rustc than ours, so no --locked here.
  cargo install wasm-bindgen-cli --version "$wb"
fi
# Trunk 0.22 needs a newer rustc than the pinned 1.95; 0.21.14 builds with it.
if ! trunk --version 2>/dev/null | grep -q "0.21.14"; then
  cargo install trunk --version 0.21.14 --locked
fi

# Trunk runs cargo itself; keep its build separate from the native one's features.
trunk build --release

wasm=$(ls dist/*.wasm | head -n 1)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
awk -v w="$wasm" -v r="$raw" -v g="$gz" 'BEGIN {
  printf "wasm: %s\nwasm_bytes: %d (%.2f MB)\nwasm_gzip_bytes: %d (%.2f MB)\n", w, r, r / 1048576, g, g / 1048576
}'
