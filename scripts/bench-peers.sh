#!/usr/bin/env bash
# Pilote against MPXJ's MS-Project-style scheduler on the same MS Project XML plan.
#
#   scripts/bench-peers.sh [N] [SEED]      (default 100000 tasks, seed 7)
#
# Generates a plan of N leaf tasks with ../shared/tools/mpxj/gen_mspdi.py (resource calendars,
# assignments, every link and constraint type; kept in target/bench-peers/ and reused), takes
# MPXJ's warm scheduling time from the generator's --timing figures (the best run after the
# first, cold one), schedules the same file with `pilote schedule FILE --json` three times, and
# prints both, their ratio, Pilote's whole command time (open + schedule + JSON) and its peak
# memory (/usr/bin/time -v when present).
# The MPXJ venv is made by scripts/mpxj-venv.sh when missing; MPXJ_PYTHON overrides its python.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
seed="${2:-7}"
py="$(bash scripts/mpxj-venv.sh)"
dir=target/bench-peers
mkdir -p "$dir"
plan="$dir/gen-$n-s$seed.xml"
timing="$dir/gen-$n-s$seed.timing.json"
if [ ! -s "$plan" ] || [ ! -s "$timing" ]; then
  echo "generating $plan with MPXJ (scheduled 3 times: 1 cold, 2 warm)…" >&2
  MPXJ_XMX="${MPXJ_XMX:-8g}" "$py" ../shared/tools/mpxj/gen_mspdi.py "$n" "$plan" \
    --seed "$seed" --timing "$timing" --repeat 3 >/dev/null
fi
cargo build --release --quiet
bin=target/release/pilote

runs=()
for _ in 1 2 3; do
  start=$(date +%s.%N)
  ms=$("$bin" schedule "$plan" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["schedule_ms"])')
  end=$(date +%s.%N)
  runs+=("$ms $(python3 -c "print(round($end - $start, 2))")")
done
peak=""
if [ -x /usr/bin/time ]; then
  peak=$(/usr/bin/time -v "$bin" schedule "$plan" --json 2>&1 >/dev/null |
    awk -F: '/Maximum resident set size/ {printf "%.0f MB", $2 / 1024}')
fi

python3 - "$timing" "$plan" "$peak" "${runs[@]}" <<'EOF'
import json, os, sys
timing = json.load(open(sys.argv[1]))
plan, peak = sys.argv[2], sys.argv[3]
runs = [tuple(map(float, r.split())) for r in sys.argv[4:]]
mpxj = timing["schedule_seconds"]
warm = min(mpxj[1:]) if len(mpxj) > 1 else mpxj[0]
pilote_ms = sorted(r[0] for r in runs)[len(runs) // 2]
stats = timing.get("stats", {})
print(f"plan: {plan} ({os.path.getsize(plan) / 1e6:.0f} MB), {timing['n']} leaf tasks, "
      + ", ".join(f"{k} {v}" for k, v in stats.items() if isinstance(v, (int, float))))
print(f"mpxj_schedule_ms: {warm * 1000:.0f} (warm; all runs, first cold: "
      + ", ".join(f"{s * 1000:.0f}" for s in mpxj) + ")")
print(f"pilote_schedule_ms: {pilote_ms:.1f} (median of {len(runs)}: "
      + ", ".join(f"{r[0]:.1f}" for r in runs) + ")")
print(f"ratio: Pilote {warm * 1000 / pilote_ms:.1f}x faster than MPXJ (schedule alone)")
print("pilote_command_s: " + ", ".join(f"{r[1]:.2f}" for r in runs)
      + " (open the XML, schedule, write the JSON)")
if peak:
    print(f"pilote_peak_memory: {peak}")
EOF
