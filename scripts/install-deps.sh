#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages hotspot needs. Usage: scripts/install-deps.sh [--with-tests]
set -euo pipefail
packages=(build-essential cmake pkg-config
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin
  libnanoflann-dev libtomlplusplus-dev libcli11-dev libfmt-dev libboost-dev
  # the pack people read: Mapnik draws the maps, cairo and pango the charts and the map frames,
  # libpng encodes them, Leaflet is inlined into map.html, DejaVu is the maps' font.
  libmapnik-dev libcairo2-dev libpango1.0-dev libpng-dev libjs-leaflet fonts-dejavu-core)
if [[ "${1:-}" == "--with-tests" ]]; then
  # catch2: unit tests; python3-qgis: the headless QGIS layer check; chromium and poppler-utils:
  # brief.html in a real browser and its PDF; libbenchmark-dev: bench/; clang and its runtimes: the
  # ASan/UBSan build and the libFuzzer harnesses (scripts/fuzz.sh, ./test.sh --sanitize); PostgreSQL
  # and PostGIS: the PostGIS pack test's own server on the loopback address (tests/postgis/server.sh).
  packages+=(catch2 python3-qgis qgis-providers chromium poppler-utils libbenchmark-dev clang libclang-rt-14-dev
    postgresql postgresql-15-postgis-3 postgresql-client-15 python3-gdal)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
