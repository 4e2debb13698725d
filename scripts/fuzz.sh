#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The libFuzzer harnesses of tests/fuzz (the incident CSV reader, the boundary reader, the IMD
# reader, the address parser and postcode normaliser, the TOML config loader), built by clang with
# ASan and UBSan in build-sanitize/ (the tree ./test.sh --sanitize runs the suite in).
#
#   scripts/fuzz.sh build                        build the harnesses (./test.sh does)
#   scripts/fuzz.sh smoke HARNESS BINARY         a short run from the seeds and the kept reproducers (ctest runs it)
#   scripts/fuzz.sh run [-j N] [SECONDS] [HARNESS...]
#                                                the long run: each harness for SECONDS (default 3600, one
#                                                CPU-hour; N harnesses at a time, default 1), its corpus kept in
#                                                build-sanitize/fuzz-corpus/, findings in build-sanitize/fuzz-findings/,
#                                                then a table of CPU time, executions, coverage and findings
#
# A finding's input goes into tests/fuzz/regressions/HARNESS/ once fixed: every smoke run replays it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${HOTSPOT_SANITIZE_BUILD:-$root/build-sanitize}
all=(incidents boundaries imd address config)
# Leaks are findings too; so is an input that needs more than 2 GiB or 60 s (wall: a CRS name PROJ must
# search its database for takes 1 s of CPU under ASan, many more on a busy machine).
limits=(-timeout=60 -rss_limit_mb=2048 -max_len=65536)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/sanitizer/lsan.supp:print_suppressions=0}

inputs_of() {  # the seed and reproducer folders of a harness
  local h=$1
  printf '%s\n' "$root/tests/fuzz/seeds/$h"
  [[ -d $root/tests/fuzz/regressions/$h ]] && printf '%s\n' "$root/tests/fuzz/regressions/$h"
  return 0
}

case "${1:-}" in
  build)
    if [[ ! -f $build/CMakeCache.txt ]]; then
      cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
        -DHOTSPOT_SANITIZE=ON -DHOTSPOT_FUZZ=ON -DHOTSPOT_TESTS=OFF >/dev/null
    fi
    cmake --build "$build" -j"$(nproc)" --target "${all[@]/#/fuzz_}"
    ;;
  smoke)
    harness=${2:?harness} binary=${3:?binary}
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir "$work/corpus"
    mapfile -t dirs < <(inputs_of "$harness")
    if ! "$binary" "${limits[@]}" -max_total_time="${HOTSPOT_FUZZ_SMOKE_SECONDS:-15}" -print_final_stats=1 \
         -artifact_prefix="$work/" "$work/corpus" "${dirs[@]}" >"$work/log" 2>&1; then
      tail -n 80 "$work/log"
      kept=${TMPDIR:-/tmp}/hotspot-fuzz-findings
      mkdir -p "$kept"
      for f in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
        [[ -e $f ]] && cp "$f" "$kept/${harness}-$(basename "$f")" && echo "reproducer: $kept/${harness}-$(basename "$f")"
      done
      exit 1
    fi
    grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units)' "$work/log" || true
    ;;
  run)
    shift
    parallel=1
    if [[ ${1:-} == -j ]]; then parallel=$2; shift 2; elif [[ ${1:-} == -j* ]]; then parallel=${1#-j}; shift; fi
    seconds=${1:-3600}
    [[ $# -gt 0 ]] && shift
    [[ $seconds =~ ^[0-9]+$ && $parallel =~ ^[1-9][0-9]*$ ]] || { echo "usage: scripts/fuzz.sh run [-j N] [SECONDS] [HARNESS...]" >&2; exit 1; }
    harnesses=("$@")
    ((${#harnesses[@]})) || harnesses=("${all[@]}")
    for h in "${harnesses[@]}"; do
      [[ " ${all[*]} " == *" $h "* ]] || { echo "scripts/fuzz.sh: no harness '$h' (${all[*]})" >&2; exit 1; }
    done
    "$0" build
    mkdir -p "$build/fuzz-logs"
    one() {
      local h=$1 corpus=$build/fuzz-corpus/$1 findings=$build/fuzz-findings/$1
      mkdir -p "$corpus" "$findings"
      mapfile -t dirs < <(inputs_of "$h")
      local status=0
      # A finding ends the harness's run; its input lands in $findings.
      /usr/bin/time -f '%U %S' -o "$build/fuzz-logs/$h.time" "$build/tests/fuzz/fuzz_$h" "${limits[@]}" \
        -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "${dirs[@]}" \
        >"$build/fuzz-logs/$h.log" 2>&1 || status=$?
      echo "$status" >"$build/fuzz-logs/$h.status"
    }
    running=0
    for h in "${harnesses[@]}"; do
      one "$h" &
      running=$((running + 1))
      if ((running >= parallel)); then wait -n || true; running=$((running - 1)); fi
    done
    wait || true
    printf '%-11s %9s %12s %8s %8s %8s %s\n' harness cpu_s executions cov ft corpus findings
    failed=0
    for h in "${harnesses[@]}"; do
      log=$build/fuzz-logs/$h.log
      cpu=$(awk '{printf "%.0f", $1 + $2}' "$build/fuzz-logs/$h.time" 2>/dev/null || echo '?')
      execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
      cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
      ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -n 1 | cut -d' ' -f2)
      findings=$(find "$build/fuzz-findings/$h" -type f | wc -l)
      printf '%-11s %9s %12s %8s %8s %8s %s\n' "$h" "$cpu" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
        "$(find "$build/fuzz-corpus/$h" -type f | wc -l)" "$findings"
      ((findings == 0)) || failed=1
    done
    exit $failed
    ;;
  *)
    sed -n '3,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 1
    ;;
esac
