#!/usr/bin/env bash
# Every view of the sample in a real window under Xvfb, at 1280×800 and 1920×1080, in English
# and French, then a contact sheet: scripts/screenshots.sh [OUT_DIR] [VIEW…]
# Writes OUT_DIR/<view>-<lang>-<size>.png (default tests/artifacts/screens) and
# assets/screenshots/contact-sheet.png.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-tests/artifacts/screens}"
shift || true
views=("$@")
if ((${#views[@]} == 0)); then
  # The views as the program lists them, so a new view is photographed too.
  mapfile -t views < <(cargo run --quiet -- --help | tr -d '\n' |
    sed -E 's/.*showing VIEW \(([^)]*)\).*/\1/' | tr ',' '\n' | tr -d ' ')
fi
for tool in Xvfb import montage; do
  command -v "$tool" >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb imagemagick mesa-vulkan-drivers \
      libgl1-mesa-dri libxkbcommon-x11-0 >/dev/null
  }
done
cargo build --quiet
mkdir -p "$out"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
for size in 1280x800 1920x1080; do
  display=":$((70 + RANDOM % 20))"
  Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  for lang in en fr; do
    for view in "${views[@]}"; do
      # A fresh settings folder each time: the defaults, not a previous run's state.
      XDG_DATA_HOME="$(mktemp -d)" DISPLAY="$display" PILOTE_WINDOW_SIZE="$size" \
        ./target/debug/pilote --lang "$lang" --view "$view" &
      app=$!
      sleep "${PILOTE_SCREENSHOT_DELAY:-5}"
      DISPLAY="$display" import -window root "$out/$view-$lang-$size.png"
      kill "$app" 2>/dev/null || true
      wait "$app" 2>/dev/null || true
    done
  done
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
done
mkdir -p assets/screenshots
montage "$out"/*-1280x800.png -tile 4x -geometry 480x300+4+4 -pointsize 14 \
  -set label '%t' -label '%t' assets/screenshots/contact-sheet.png
echo "saved $out and assets/screenshots/contact-sheet.png"
