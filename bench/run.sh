#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks, all in one run: ingest + point-in-LSOA on ../shared/data and 2 million synthetic
# points; DBSCAN, NNI and NNH on the 194,375 benchmark points and DBSCAN on 5 million; whole
# `hotspot areas` and `hotspot cluster` runs (hyperfine); queen weights + Gi* + local Moran with
# 999 permutations on 679 LSOAs and 35,000 synthetic polygons; and as peers geopandas sjoin and
# scikit-learn's DBSCAN on the same points.
# Usage: bench/run.sh            (results also saved in build-bench/bench-results.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-tests
for p in hyperfine python3-geopandas python3-rtree python3-sklearn; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=" $p"
done
if [[ -n "${missing:-}" ]]; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
fi
data=${HOTSPOT_SHARED_DATA:-$(cd .. && pwd)/shared/data}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=OFF -DHOTSPOT_BENCH=ON \
  -DHOTSPOT_SHARED_DATA="$data" >/dev/null
cmake --build build-bench -j"$(nproc)" --target place_bench cluster_bench stats_bench hotspot >/dev/null
out=build-bench/bench-results.txt
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  build-bench/bench/place_bench --benchmark_format=console 2>&1 | grep -E "median|^Benchmark|---"
  build-bench/bench/cluster_bench --benchmark_format=console 2>&1 | grep -E "median"
  build-bench/bench/stats_bench --benchmark_format=console 2>&1 | grep -E "median"
  hyperfine --warmup 1 --runs 7 --style basic --export-markdown /dev/stdout \
    "build-bench/tools/hotspot --quiet areas --incidents $data/police-uk \
      --boundaries $data/boundaries/nottinghamshire_lsoa11.geojson \
      --imd $data/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \
      --imd-domains $data/imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv \
      --population $data/imd2019/File_6_-_IoD2019_Population_Denominators.csv \
      --output build-bench/areas-out" 2>&1 | grep -E "Time|Range|^\|"
  hyperfine --warmup 1 --runs 5 --style basic \
    "build-bench/tools/hotspot --quiet cluster --method dbscan --eps 100 --min-points 10 \
      --incidents $data/benchmarks/notts_inside_xy.csv --x x --y y --crs EPSG:27700 \
      --boundaries $data/boundaries/nottinghamshire_lsoa11.geojson --output build-bench/cluster-out" 2>&1 | grep -E "Time|Range"
  /usr/bin/python3 bench/geopandas_sjoin.py "$data" 5
  /usr/bin/python3 bench/sklearn_dbscan.py "$data" 5
} | tee "$out"
