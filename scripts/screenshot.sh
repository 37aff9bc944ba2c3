#!/usr/bin/env bash
# Opens Pilote in a real window under Xvfb (software rendering through Mesa) and saves a
# screenshot: scripts/screenshot.sh [OUT.png] [pilote arguments…]
# PILOTE_CLICKS="x,y x,y" clicks those window points (two seconds apart) before the capture.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets/screenshots/task-plan.png}"
shift || true
for tool in Xvfb import; do
  command -v "$tool" >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb imagemagick mesa-vulkan-drivers \
      libgl1-mesa-dri libxkbcommon-x11-0 >/dev/null
  }
done
cargo build --quiet  # dev profile: dependencies are optimised (Cargo.toml), builds stay warm
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1400x860x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; kill $app 2>/dev/null || true' EXIT
sleep 1
export DISPLAY="$display" XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"
# A fresh settings folder, so the screenshot shows the defaults and not a previous run's state.
export XDG_DATA_HOME="$(mktemp -d)"
./target/debug/pilote "$@" &
app=$!
sleep "${PILOTE_SCREENSHOT_DELAY:-6}"
if [ -n "${PILOTE_CLICKS:-}" ]; then
  command -v xdotool >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xdotool >/dev/null
  for point in $PILOTE_CLICKS; do
    xdotool mousemove "${point%,*}" "${point#*,}"
    sleep 0.4
    xdotool mousedown 1
    sleep 0.2
    xdotool mouseup 1
    # A debug build takes a moment to act on a click (leveling, a dialog) and draw it.
    sleep 2
  done
fi
mkdir -p "$(dirname "$out")"
import -window root "$out"
echo "saved $out"
