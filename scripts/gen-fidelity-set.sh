#!/usr/bin/env bash
# Regenerates tests/data/generated/: MS Project XML plans made by ../shared/tools/mpxj/gen_mspdi.py
# (resource calendars, assignments, every link and constraint type) with the dates MPXJ's
# MS-Project-style scheduler gives them, gzipped, for the fidelity ratchet (tests/suite/fidelity.rs).
#
#   scripts/gen-fidelity-set.sh [OUT_DIR]     (default tests/data/generated)
#
# The MPXJ venv is made by scripts/mpxj-venv.sh when missing; MPXJ_PYTHON overrides its python.
# The seeds and options are fixed so the set is reproducible; a different set (other seeds) is
# measured with PILOTE_FIDELITY_DIR=DIR cargo test --test suite fidelity_of_a_directory -- --nocapture
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-tests/data/generated}"
py="$(bash scripts/mpxj-venv.sh)"
gen=../shared/tools/mpxj/gen_mspdi.py
mkdir -p "$out/expected"
# name  tasks  options
while read -r name n opts; do
  [ -z "$name" ] && continue
  tmp="$(mktemp -d)"
  # shellcheck disable=SC2086
  "$py" "$gen" "$n" "$tmp/$name.xml" --json "$tmp/$name.xml.json" $opts >/dev/null
  gzip -9 -n -c "$tmp/$name.xml" >"$out/$name.xml.gz"
  gzip -9 -n -c "$tmp/$name.xml.json" >"$out/expected/$name.xml.json.gz"
  rm -rf "$tmp"
  echo "$name: $n tasks $opts"
done <<'SET'
g0050-s101 50 --seed 101
g0060-s121-mixed 60 --seed 121 --constraint-scale 3 --assign-pct 1.0 --fixed-units --random-holidays 6
g0080-s102-units 80 --seed 102 --fixed-units
g0100-s116-milestones 100 --seed 116 --milestone-pct 0.3
g0150-s103 150 --seed 103
g0150-s104-constraints 150 --seed 104 --constraint-scale 3
g0200-s105-assigned 200 --seed 105 --assign-pct 1.0
g0250-s117-fewres 250 --seed 117 --max-resources 5 --assign-pct 1.0
g0300-s106-holidays 300 --seed 106 --random-holidays 5
g0300-s107-units-assigned 300 --seed 107 --fixed-units --assign-pct 1.0
g0350-s123-layers 350 --seed 123 --max-layers 40
g0400-s118-constraints-units 400 --seed 118 --constraint-scale 3 --fixed-units
g0500-s108 500 --seed 108
g0500-s109-constraints-holidays 500 --seed 109 --constraint-scale 3 --random-holidays 3
g0600-s119-holidays 600 --seed 119 --random-holidays 10
g0700-s110-units 700 --seed 110 --fixed-units
g0800-s120-packages 800 --seed 120 --tasks-per-package 12
g0900-s124 900 --seed 124 --constraint-scale 2 --assign-pct 0.8
g1000-s111 1000 --seed 111
g1000-s112-assigned-holidays 1000 --seed 112 --assign-pct 1.0 --random-holidays 8
g1200-s122-2027 1200 --seed 122 --start-year 2027
g1500-s113-constraints 1500 --seed 113 --constraint-scale 3
g2000-s114 2000 --seed 114
g2000-s115-units-assigned 2000 --seed 115 --fixed-units --assign-pct 1.0 --random-holidays 4
SET
