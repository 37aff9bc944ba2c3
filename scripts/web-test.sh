#!/usr/bin/env bash
# The real-browser test: builds the web app, installs Chromium and playwright-core when missing,
# serves dist/ on 127.0.0.1 and drives it headless. Screenshots land in tests/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p tests/artifacts
bash scripts/build-web.sh | tee tests/artifacts/web-build.txt
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d tests/web/node_modules/playwright-core ]; then
  (cd tests/web && npm ci --no-audit --no-fund)
fi
(cd tests/web && node --test browser.test.mjs)
