#!/usr/bin/env bash
# Fuzzes Pilote's loaders: `scripts/fuzz.sh SECONDS [LOADER...]` runs the mutation fuzzer
# (examples/fuzz) SECONDS per loader (ron and mspdi by default), seeded with the samples, the
# test files and the MS Project corpus. A run that dies (a stack overflow, a hang over 10 s)
# keeps the input it was on as a finding and starts again until the time is spent. Findings go
# to target/fuzz/LOADER/; the exit status is 1 if there is any.
# FUZZ_PROFILE=dev builds without optimisation (what scripts/check.sh uses: no release build).
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
loaders=("$@")
((${#loaders[@]})) || loaders=(ron mspdi)
profile=${FUZZ_PROFILE:-release}
if [ "$profile" = release ]; then
  cargo build --quiet --release --example fuzz || exit 2
  bin=target/release/examples/fuzz
else
  cargo build --quiet --example fuzz || exit 2
  bin=target/debug/examples/fuzz
fi

seeds_ron=(assets/samples tests/data tests/data/malformed)
seeds_mspdi=(tests/data/hostile)
for dir in ../shared/corpus/mspdi ../shared/corpus/mspdi-from-mpp; do
  [ -d "$dir" ] && seeds_mspdi+=("$dir")
done

status=0
for loader in "${loaders[@]}"; do
  out=target/fuzz/$loader
  mkdir -p "$out"
  case $loader in
    ron) seeds=("${seeds_ron[@]}") ;;
    mspdi) seeds=("${seeds_mspdi[@]}") ;;
    *) echo "fuzz.sh: unknown loader $loader (ron, mspdi)"; exit 2 ;;
  esac
  end=$((SECONDS + seconds))
  round=1
  while ((SECONDS < end)); do
    left=$((end - SECONDS))
    "$bin" --loader "$loader" --seconds "$left" --seed "$round" --out "$out" "${seeds[@]}"
    code=$?
    case $code in
      0) ;;
      1) status=1 ;;
      *)
        # Killed by a crash or the watchdog: the input it was on is a finding.
        if [ -s "$out/current-$loader" ]; then
          name="crash-$loader-$(sha1sum "$out/current-$loader" | cut -c1-16)"
          mv "$out/current-$loader" "$out/$name"
          echo "exit status $code" >"$out/$name.why"
          echo "FINDING crash (exit $code): kept as $out/$name"
        fi
        status=1
        ;;
    esac
    round=$((round + 1))
  done
done
exit $status
