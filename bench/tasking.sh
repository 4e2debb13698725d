#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The tasking benchmarks alone (bench/run.sh runs them too):
# 1. `hotspot kde --bandwidth auto --recency auto` over the county's 18 months of serious violence
#    against the plain fixed-bandwidth run, whole commands taking turns (bench/interleaved.py);
# 2. bench/tasking_vs_qgis.py: the held-out hit rate of the tasking hotspots against QGIS 3.22's
#    heatmap at fixed radii (the table in docs/method.md).
# Usage: bench/tasking.sh [ROUNDS]   (default 5; results in build-bench/tasking-results.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
scripts/install-deps.sh --with-tests
data=${HOTSPOT_SHARED_DATA:-$(cd .. && pwd)/shared/data}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=OFF -DHOTSPOT_BENCH=ON \
  -DHOTSPOT_SHARED_DATA="$data" >/dev/null
cmake --build build-bench -j"$(nproc)" --target hotspot >/dev/null
out=build-bench/tasking-results.txt
common="--incidents $data/police-uk --types serious-violence --boundaries shapefiles/nottinghamshire_lsoa11.shp --cell 25"
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  /usr/bin/python3 bench/interleaved.py "kde county 18 months" "$rounds" \
    "build-bench/tools/hotspot --quiet kde $common --bandwidth 100 --output build-bench/tasking-fixed" \
    "build-bench/tools/hotspot --quiet kde $common --bandwidth auto --output build-bench/tasking-auto" \
    "build-bench/tools/hotspot --quiet kde $common --bandwidth auto --recency auto --output build-bench/tasking-recency"
  mkdir -p build-bench/xdg && chmod 700 build-bench/xdg
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$PWD/build-bench/xdg /usr/bin/python3 bench/tasking_vs_qgis.py \
    --hotspot build-bench/tools/hotspot --incidents "$data/police-uk" \
    --boundaries shapefiles/nottinghamshire_lsoa11.shp --output build-bench/tasking-vs-qgis 2>/dev/null
} | tee "$out"
