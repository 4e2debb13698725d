#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The county pack: the example's config (examples/ashfield-mansfield/tasking.toml, every step)
# over the whole of Nottinghamshire, 18 months of the shared police.uk data (2023-01..2024-06),
# without the district filter and without points.gpkg (the example asks for it; a pack does not
# by default). Runs the whole `hotspot run` ROUNDS times (default 5) after a warm-up and prints
# the median wall time and peak memory, then the per-step breakdown (--timings) of the run whose
# wall time is the median.
# Usage: bench/county.sh [ROUNDS]   (HOTSPOT_SHARED_DATA: the shared data folder, default ../shared/data;
#                                    HOTSPOT: the binary, default build-bench/tools/hotspot, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
data=${HOTSPOT_SHARED_DATA:-$(cd .. && pwd)/shared/data}
hotspot=${HOTSPOT:-build-bench/tools/hotspot}
if [[ -z "${HOTSPOT:-}" ]]; then
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=OFF >/dev/null
  cmake --build build-bench -j"$(nproc)" --target hotspot >/dev/null
fi
work=build-bench/county
mkdir -p "$work"
example=$PWD/examples/ashfield-mansfield
sed -e "s|^title = .*|title = \"Nottinghamshire serious violence\"|" \
    -e "s|\"\.\./\.\./shapefiles/|\"$PWD/shapefiles/|" \
    -e "s|^sources = \[\"police-uk\"\]|sources = [\"$data/police-uk\"]|" \
    -e "s|^source = .*|source = \"$data/boundaries/nottinghamshire_lsoa11.geojson\"|" \
    -e "/^districts = \[/d" -e "/^points = true/d" \
    -e "s|\"imd2019/|\"$data/imd2019/|" \
    -e "s|^from = \"2023-07\"|from = \"2023-01\"|" \
    -e "s|^polygons = \"|polygons = \"$example/|" -e "s|^postcodes = \"|postcodes = \"$example/|" \
    "$example/tasking.toml" > "$work/tasking.toml"
"$hotspot" --version | head -1
"$hotspot" run "$work/tasking.toml" --output "$work/out" --quiet  # warm-up
for r in $(seq "$rounds"); do
  /usr/bin/time -f "%e %M" -o "$work/time-$r.txt" "$hotspot" run "$work/tasking.toml" --output "$work/out" --quiet \
    --timings 2>"$work/timings-$r.txt"
done
/usr/bin/python3 - "$work" "$rounds" <<'EOF'
import statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
runs = []
for r in range(1, rounds + 1):
    wall, kb = open(f"{work}/time-{r}.txt").read().split()[-2:]
    runs.append((float(wall), int(kb), r))
walls = sorted(runs)
median = walls[len(walls) // 2]
print(f"county pack, whole `hotspot run` ({rounds} runs): median {statistics.median(w for w, _, _ in runs):.2f} s "
      f"(min {walls[0][0]:.2f}, max {walls[-1][0]:.2f}), peak memory median "
      f"{statistics.median(k for _, k, _ in runs) / 1024:.0f} MB")
print(f"per step, the median run ({median[0]:.2f} s):")
print(open(f"{work}/timings-{median[2]}.txt").read(), end="")
EOF
