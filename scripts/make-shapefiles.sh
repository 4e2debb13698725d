#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Rebuilds shapefiles/ from the ONS boundaries (WGS84 GeoJSON) as ESRI Shapefiles in British
# National Grid (EPSG:27700) with .prj and .cpg (UTF-8). Re-runnable; needs gdal-bin.
# Usage: scripts/make-shapefiles.sh [SOURCE_DIR]   (default ../shared/data/boundaries)
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/data/boundaries}
out=shapefiles
mkdir -p "$out"
convert() {  # name, SQL selecting and renaming fields to the 10 characters a .dbf allows
  local name=$1 sql=$2
  rm -f "$out/$name".{shp,shx,dbf,prj,cpg}
  ogr2ogr -f "ESRI Shapefile" -t_srs EPSG:27700 -lco ENCODING=UTF-8 -nln "$name" \
    -dialect SQLite -sql "$sql" "$out/$name.shp" "$src/$name.geojson"
}
convert nottinghamshire_lsoa11 \
  "SELECT LSOA11CD, LSOA11NM, LADCD_ACTIVE AS LADCD, geometry FROM lsoa11 ORDER BY LSOA11CD"
convert nottinghamshire_lsoa21 \
  "SELECT LSOA21CD, LSOA21NM, LADCD_ACTIVE AS LADCD, geometry FROM lsoa21 ORDER BY LSOA21CD"
convert nottinghamshire_districts \
  "SELECT LADCD, LADNM, LSOA_COUNT AS LSOA_COUNT, geometry FROM districts ORDER BY LADCD"
convert nottinghamshire_wards2025 \
  "SELECT WD25CD, WD25NM, LAD25CD, LAD25NM, geometry FROM wards ORDER BY WD25CD"
ls -l "$out"
