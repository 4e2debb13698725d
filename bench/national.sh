#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A national year: bench/make_national.py's 6,000,000 synthetic police.uk incidents over 35,000
# LSOA-like areas (made once, about 1 GB, in build-bench/national), then the whole `areas`,
# `kde` (100 m cells), `cluster` (DBSCAN), `stats` commands and the pack (national.toml: areas,
# cluster, stats, kde, grid), each once, with wall time, peak memory (and bytes per incident)
# and the run's --timings.
# Usage: bench/national.sh [INCIDENTS] [AREAS]   (HOTSPOT: the binary, default build-bench/tools/hotspot)
set -euo pipefail
cd "$(dirname "$0")/.."
incidents=${1:-6000000}
areas=${2:-35000}
hotspot=${HOTSPOT:-build-bench/tools/hotspot}
if [[ -z "${HOTSPOT:-}" ]]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" --target hotspot >/dev/null
fi
dir=${HOTSPOT_NATIONAL:-build-bench/national-$incidents-$areas}
[[ -f "$dir/national.toml" ]] || /usr/bin/python3 bench/make_national.py "$dir" "$incidents" "$areas"
common="--incidents $dir/police-uk --boundaries $dir/areas.gpkg --imd $dir/imd.csv --population $dir/population.csv"
sv="--types serious-violence"
timed() {  # NAME COMMAND...: one whole run, its wall time, peak memory and --timings
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" --quiet --timings 2>"$dir/timings.txt"
  read -r wall kb <"$dir/time.txt"
  /usr/bin/python3 -c "import sys; w, kb, n = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]); \
print(f'$name: {w:.1f} s wall, peak memory {kb / 1024:.0f} MB ({kb * 1024 / n:.0f} bytes per incident read)')" \
    "$wall" "$kb" "$incidents"
  sed 's/^/    /' "$dir/timings.txt"
}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "$incidents incidents, $areas areas"
timed "areas" "$hotspot" areas $common --output "$dir/out-areas"
timed "kde, 100 m cells, 400 m" "$hotspot" kde $common $sv --cell 100 --bandwidth 400 --output "$dir/out-kde"
timed "cluster dbscan 100 m, 10" "$hotspot" cluster $common $sv --method dbscan --eps 100 --min-points 10 \
  --output "$dir/out-cluster"
timed "stats, 999 permutations" "$hotspot" stats $common $sv --output "$dir/out-stats"
timed "the pack (national.toml)" "$hotspot" run "$dir/national.toml" --output "$dir/out-run"
