#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks, all in one run: ingest + point-in-LSOA on ../shared/data and 2 million synthetic
# points; DBSCAN, NNI and NNH on the 194,375 benchmark points and DBSCAN on 5 million; whole
# `hotspot areas` and `hotspot cluster` runs (hyperfine); queen weights + Gi* + local Moran with
# 999 permutations on 679 LSOAs and 35,000 synthetic polygons; kernel density surfaces (the
# benchmark points, and 5 million points on 50 million cells); and as peers geopandas sjoin,
# scikit-learn's DBSCAN and QGIS's heatmap (the whole `hotspot kde` command against
# `qgis_process`, hyperfine) on the same points; gazetteer load and geocoding of 1,000,000 messy
# addresses (engine, one core) and the whole `hotspot geocode` command on them; every map of the
# example's brief drawn from its pack (maps_bench); the Knox test of near repeats with 999
# permutations on 50,000 events (knox_bench); each whole command against its fastest peer
# (bench/peers.py: scikit-learn, QGIS, PostGIS, R spdep; the README's table is rewritten from it);
# the county pack (bench/county.sh) and a national synthetic year (bench/national.sh).
# Usage: bench/run.sh            (results also saved in build-bench/bench-results.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-tests
for p in hyperfine python3-geopandas python3-rtree python3-sklearn qgis r-cran-spdep r-cran-sf; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=" $p"
done
if [[ -n "${missing:-}" ]]; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
fi
data=${HOTSPOT_SHARED_DATA:-$(cd .. && pwd)/shared/data}
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DHOTSPOT_TESTS=OFF -DHOTSPOT_BENCH=ON \
  -DHOTSPOT_SHARED_DATA="$data" >/dev/null
cmake --build build-bench -j"$(nproc)" --target place_bench cluster_bench stats_bench kde_bench geocode_bench maps_bench knox_bench hotspot >/dev/null
out=build-bench/bench-results.txt
# hyperfine with a name: prints "name: median X s (min, max; N runs)" from its JSON export.
hf() {
  local name=$1; shift
  hyperfine --style none --export-json build-bench/hf.json "$@" >/dev/null 2>&1
  /usr/bin/python3 bench/hyperfine_median.py "$name" build-bench/hf.json
}
{
  echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  build-bench/bench/place_bench --benchmark_format=console 2>&1 | grep -E "median|^Benchmark|---"
  build-bench/bench/cluster_bench --benchmark_format=console 2>&1 | grep -E "median"
  build-bench/bench/stats_bench --benchmark_format=console 2>&1 | grep -E "median"
  build-bench/bench/maps_bench --benchmark_format=console 2>&1 | grep -E "median"
  build-bench/bench/knox_bench --benchmark_format=console 2>&1 | grep -E "median"
  /usr/bin/time -f "kde_bench peak memory %M KB" build-bench/bench/kde_bench --benchmark_format=console 2>&1 | grep -E "median|peak"
  hf "areas run, 18 months" --warmup 1 --runs 7 \
    "build-bench/tools/hotspot --quiet areas --incidents $data/police-uk \
      --boundaries $data/boundaries/nottinghamshire_lsoa11.geojson \
      --imd $data/imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv \
      --imd-domains $data/imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv \
      --population $data/imd2019/File_6_-_IoD2019_Population_Denominators.csv \
      --output build-bench/areas-out"
  hf "cluster dbscan run" --warmup 1 --runs 5 \
    "build-bench/tools/hotspot --quiet cluster --method dbscan --eps 100 --min-points 10 \
      --incidents $data/benchmarks/notts_inside_xy.csv --x x --y y --crs EPSG:27700 \
      --boundaries $data/boundaries/nottinghamshire_lsoa11.geojson --output build-bench/cluster-out"
  # The whole kde command against QGIS's heatmap on the same CSV, radius and pixel size (raw quartic),
  # taking turns (bench/interleaved.py) so that both see the same machine: on this shared 2-core
  # machine the speed of whole commands drifts by a third within minutes.
  # qgis_process.bin: Debian's qgis_process wrapper passes --noversioncheck, which 3.22 rejects.
  mkdir -p build-bench/xdg && chmod 700 build-bench/xdg
  QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$PWD/build-bench/xdg /usr/bin/python3 bench/interleaved.py \
    "kde vs QGIS heatmap" 15 \
    "build-bench/tools/hotspot --quiet kde --incidents $data/benchmarks/notts_inside_xy.csv --x x --y y \
      --crs EPSG:27700 --boundaries $data/boundaries/nottinghamshire_lsoa11.geojson \
      --cell 25 --bandwidth 300 --raw --output build-bench/kde-out" \
    "/usr/bin/qgis_process.bin run qgis:heatmapkerneldensityestimation -- \
      'INPUT=delimitedtext://file://$data/benchmarks/notts_inside_xy.csv?type=csv&xField=x&yField=y&crs=EPSG:27700' \
      RADIUS=300 PIXEL_SIZE=25 KERNEL=0 OUTPUT_VALUE=0 OUTPUT=build-bench/qgis-heatmap.tif"
  build-bench/bench/geocode_bench --benchmark_format=console 2>&1 | grep -E "median"
  # The whole geocode command on 1,000,000 messy addresses (geocoding on one thread, writing on another).
  /usr/bin/python3 bench/make_addresses.py build-bench/addresses-1m.csv 1000000
  build-bench/tools/hotspot --quiet gazetteer streets --incidents $data/police-uk --output build-bench/streets.csv
  hf "geocode 1,000,000 addresses" --runs 3 \
    "build-bench/tools/hotspot --quiet geocode --input build-bench/addresses-1m.csv --address-column address \
      --postcodes $data/codepoint-open/ng.csv --localities $data/codepoint-open/codelist.csv \
      --streets build-bench/streets.csv --output build-bench/geocode-out"
  /usr/bin/python3 bench/geopandas_sjoin.py "$data" 5
  /usr/bin/python3 bench/sklearn_dbscan.py "$data" 5
} | tee "$out"
# The tasking benchmarks: auto bandwidth and recency on the county against the fixed run, and the
# held-out hit rates against QGIS's heatmap (bench/tasking.sh; appended to the results).
bench/tasking.sh | tee -a "$out"
# Each whole command against its fastest peer, taking turns (bench/peers.py; PostGIS on a throwaway
# loopback server), and the README's table between its peers-table marks rewritten from it.
tests/postgis/server.sh start build-bench/postgis.state
trap 'tests/postgis/server.sh stop build-bench/postgis.state' EXIT
/usr/bin/python3 bench/peers.py "$PWD/build-bench/tools/hotspot" "$data" "$PWD/build-bench/peers" \
  "$(cat build-bench/postgis.state)" 5 2>/dev/null | grep '^|' >build-bench/peers-table.md
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
{ echo "# whole commands against their peers at $commit"; cat build-bench/peers-table.md; } | tee -a "$out"
/usr/bin/python3 bench/readme_table.py build-bench/peers-table.md README.md "$commit"
# The county pack (median of 5 whole runs, per step) and a national synthetic year.
HOTSPOT=build-bench/tools/hotspot bench/county.sh 5 | tee -a "$out"
HOTSPOT=build-bench/tools/hotspot bench/national.sh | tee -a "$out"
