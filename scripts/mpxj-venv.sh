#!/usr/bin/env bash
# Prints the python of the MPXJ venv that gen_mspdi.py needs (../shared/tools/mpxj/README.md),
# creating it first when missing (idempotent). MPXJ_PYTHON overrides it.
set -euo pipefail
if [ -n "${MPXJ_PYTHON:-}" ]; then
  echo "$MPXJ_PYTHON"
  exit 0
fi
venv="$HOME/mpxj-venv"
if ! "$venv/bin/python" -c 'import mpxj, jpype' >/dev/null 2>&1; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q mpxj JPype1 >&2
fi
echo "$venv/bin/python"
